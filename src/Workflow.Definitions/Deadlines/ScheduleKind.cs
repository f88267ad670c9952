namespace Workflow.Definitions.Deadlines;

/// <summary>How a deadline phrase spreads over time.</summary>
public enum ScheduleKind
{
    /// <summary>One date: "Quý I/2025", "Tháng 12/2024", "Trước ngày 31/01/2025".</summary>
    Once,

    /// <summary>Several dates, in order, possibly labelled by phase: "Quý II, III/2025",
    /// "Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025".</summary>
    Phased,

    /// <summary>Work that goes on all year ("Thường xuyên", "Trong năm 2025"): a checkpoint at each
    /// quarter end of the year.</summary>
    Continuous,

    /// <summary>A report or duty that repeats ("Định kỳ hằng quý", "6 tháng", "hằng năm"): one
    /// milestone per period end in the year.</summary>
    Recurring,

    /// <summary>The task waits for something else to happen ("(nếu có)", "sau khi Trung ương công
    /// bố…"). Milestones are those of the date part, if any; the task stays dormant until a
    /// coordinator records the event.</summary>
    Event,

    /// <summary>The phrase could not be read; <see cref="Schedule.Reason"/> says why.</summary>
    Unknown,
}
