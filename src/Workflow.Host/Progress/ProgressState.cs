namespace Workflow.Host.Progress;

/// <summary>
/// Where a milestone stands on a given day: exactly one of these. <see cref="ProgressRules"/>
/// decides which, the same way in SQL and in memory.
/// </summary>
public enum ProgressState
{
    /// <summary>"chưa đến hạn": open, due later than the due-soon window, or with no due date.</summary>
    NotYetDue,

    /// <summary>"sắp đến hạn": open, due between today and today + the due-soon window (both included).</summary>
    DueSoon,

    /// <summary>"quá hạn": open, not waiting for an event, due before today.</summary>
    Overdue,

    /// <summary>"hoàn thành": reported done (on or before the day judged).</summary>
    Done,

    /// <summary>"chờ sự kiện": waiting for the event a coordinator records.</summary>
    Dormant,
}

/// <summary>The Vietnamese label and the CSS-friendly key of each <see cref="ProgressState"/>.</summary>
public static class ProgressStates
{
    /// <summary>Every state, in the order the pages and reports show them.</summary>
    public static IReadOnlyList<ProgressState> All { get; } =
        [ProgressState.NotYetDue, ProgressState.DueSoon, ProgressState.Overdue, ProgressState.Done, ProgressState.Dormant];

    /// <summary>The label users read: "chưa đến hạn", "sắp đến hạn", "quá hạn", "hoàn thành", "chờ sự kiện".</summary>
    public static string Label(this ProgressState state) => state switch
    {
        ProgressState.NotYetDue => "chưa đến hạn",
        ProgressState.DueSoon => "sắp đến hạn",
        ProgressState.Overdue => "quá hạn",
        ProgressState.Done => "hoàn thành",
        ProgressState.Dormant => "chờ sự kiện",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>An ASCII key for CSS classes and query strings: "chua-den-han", "sap-den-han", "qua-han", "hoan-thanh", "cho-su-kien".</summary>
    public static string Key(this ProgressState state) => state switch
    {
        ProgressState.NotYetDue => "chua-den-han",
        ProgressState.DueSoon => "sap-den-han",
        ProgressState.Overdue => "qua-han",
        ProgressState.Done => "hoan-thanh",
        ProgressState.Dormant => "cho-su-kien",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The state of a <see cref="Key"/> (as a query string carries it); false for anything else.</summary>
    public static bool TryParseKey(string? key, out ProgressState state)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }
}
