using NodaTime;

namespace Workflow.Host.Progress;

/// <summary>The periods of the government's periodic reports, each from January 1st.</summary>
public enum ReportPeriod
{
    /// <summary>"Quý I": January 1st to March 31st.</summary>
    QuarterOne,

    /// <summary>"6 tháng": January 1st to June 30th.</summary>
    HalfYear,

    /// <summary>"9 tháng": January 1st to September 30th.</summary>
    NineMonths,

    /// <summary>"Năm": January 1st to December 31st.</summary>
    Year,
}

/// <summary>Labels and dates of <see cref="ReportPeriod"/>.</summary>
public static class ReportPeriods
{
    /// <summary>"Quý I", "6 tháng", "9 tháng", "Năm".</summary>
    public static string Label(this ReportPeriod period) => period switch
    {
        ReportPeriod.QuarterOne => "Quý I",
        ReportPeriod.HalfYear => "6 tháng",
        ReportPeriod.NineMonths => "9 tháng",
        ReportPeriod.Year => "Năm",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>The period's first day: January 1st of <paramref name="year"/>.</summary>
    public static LocalDate Start(this ReportPeriod period, int year)
    {
        _ = period.Label(); // checks the value
        return new LocalDate(year, 1, 1);
    }

    /// <summary>The period's last day: March 31st, June 30th, September 30th or December 31st.</summary>
    public static LocalDate End(this ReportPeriod period, int year) => period switch
    {
        ReportPeriod.QuarterOne => new LocalDate(year, 3, 31),
        ReportPeriod.HalfYear => new LocalDate(year, 6, 30),
        ReportPeriod.NineMonths => new LocalDate(year, 9, 30),
        ReportPeriod.Year => new LocalDate(year, 12, 31),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>I, II, III, IV: how quarters are written.</summary>
    public static string Roman(int quarter) => quarter switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "a quarter is 1 to 4"),
    };
}

/// <summary>
/// The milestones of one index criterion (the 2023 plan's PAR INDEX, SIPAS, PAPI appendices): the
/// criterion as the plan gives it, with its maximum and previous scores.
/// </summary>
/// <remarks>Grouped by code and text together: the 2023 plan reuses a code ("VII.1") for two different criteria.</remarks>
public sealed record CriterionProgress(string PlanId, string Code, string? Text, decimal? MaxScore, decimal? PreviousScore, ProgressCounts Counts);

/// <summary>
/// The periodic report ("Báo cáo Quý I / 6 tháng / 9 tháng / năm"): the milestones whose effective
/// due date falls in the period, per plan, per lead agency and, for plans built on an index, per
/// criterion. Built by <see cref="ProgressQueries.ReportAsync(int, ReportPeriod, LocalDate, string?, Persistence.PlanScope, CancellationToken)"/> from <see cref="ProgressRules"/>,
/// the same rules as the dashboard.
/// </summary>
/// <remarks>
/// <para><b>Judged on <see cref="JudgedOn"/></b> = the earlier of the period's end and
/// <see cref="AsOf"/>: a finished period is judged at its end (a milestone reported done after it
/// counts as open, overdue if its date had passed), a period still running is judged on the day
/// the report is made. Milestones with no effective due date are in no period.</para>
/// <para><b>Counting.</b> A milestone with two lead agencies counts in both agencies' rows but
/// once in its plan's row and in <see cref="Total"/>. Milestones removed from their plan count
/// nowhere.</para>
/// </remarks>
public sealed record QuarterlyReport(
    int Year,
    ReportPeriod Period,
    LocalDate AsOf,
    string? PlanFilter,
    IReadOnlyList<PlanProgress> Plans,
    ProgressCounts Total,
    IReadOnlyList<AgencyProgress> Agencies,
    IReadOnlyList<CriterionProgress> Criteria)
{
    /// <summary>The years a report can be asked for (the pages' year fields, the API's year).</summary>
    public const int FirstYear = 2000;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 2100;

    public LocalDate Start => Period.Start(Year);

    public LocalDate End => Period.End(Year);

    /// <summary>The day the states are judged on: the earlier of <see cref="End"/> and <see cref="AsOf"/>.</summary>
    public LocalDate JudgedOn => LocalDate.Min(End, AsOf);

    /// <summary>"Báo cáo kết quả thực hiện 6 tháng năm 2025".</summary>
    public string Title => Period == ReportPeriod.Year
        ? $"Báo cáo kết quả thực hiện năm {Year}"
        : $"Báo cáo kết quả thực hiện {Period.Label()} năm {Year}";
}
