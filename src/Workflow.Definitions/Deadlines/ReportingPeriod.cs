namespace Workflow.Definitions.Deadlines;

/// <summary>A period of a recurring duty, named as Vietnamese plans name them.</summary>
/// <remarks>Ordered from the shortest to the longest: when two periods end on the same day (the
/// second quarter and the first six months both end on 30/6), the milestone takes the name of the
/// longest, as reports do ("báo cáo 6 tháng", not "báo cáo quý II").</remarks>
public enum ReportingPeriod
{
    /// <summary>"hằng tháng": each month end.</summary>
    Monthly,

    /// <summary>"hằng quý": each quarter end.</summary>
    Quarterly,

    /// <summary>"6 tháng": 30/6 and 31/12.</summary>
    HalfYearly,

    /// <summary>"9 tháng": 30/9.</summary>
    NineMonths,

    /// <summary>"hằng năm", "năm": 31/12, or the day the phrase names.</summary>
    Yearly,
}
