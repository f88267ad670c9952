using NodaTime;

namespace Workflow.Host.Progress;

/// <summary>Settings of the progress views.</summary>
/// <param name="DueSoonDays">The "sắp đến hạn" window in days.</param>
/// <param name="CacheFor">How long the overview's, the quarters' and the agencies' counts may be
/// reused while the database shows no change (see <see cref="ProgressCache"/>); zero, the default,
/// counts every time. The server uses 5 seconds.</param>
public sealed record ProgressOptions(int DueSoonDays = ProgressRules.DefaultDueSoonDays, TimeSpan CacheFor = default);

/// <summary>One plan's counts, and its status.</summary>
public sealed record PlanProgress(string PlanId, string? Number, string Title, int TrackedYear, ProgressCounts Counts, Persistence.PlanStatus Status = Persistence.PlanStatus.Active);

/// <summary>
/// A plan as <c>workflow plan list</c>, the plan page and <c>GET /api/plans</c> show it: what it is,
/// the years it tracks, where it stands in its life (who set that, when, why) and how many milestones it has.
/// </summary>
/// <param name="PlanId">The plan's id ("cchc-2025").</param>
/// <param name="Number">The document's number, or null.</param>
/// <param name="Title">The plan's title.</param>
/// <param name="Year">The first tracked year.</param>
/// <param name="Years">"2025", "2023-2025", or "2023-" for an open-ended plan.</param>
/// <param name="Status">Active, closed or archived.</param>
/// <param name="StatusOn">The day the status took effect; null for a plan active since its import.</param>
/// <param name="StatusBy">Who set it (a coordinator, or "hệ thống").</param>
/// <param name="StatusReason">Why, as written.</param>
/// <param name="LastDay">The last day its milestones are chased, or null when it runs until closed by hand.</param>
/// <param name="Milestones">Its milestones (those removed by a re-import aside).</param>
public sealed record PlanSummary(
    string PlanId,
    string? Number,
    string Title,
    int Year,
    string Years,
    Persistence.PlanStatus Status,
    LocalDate? StatusOn,
    string? StatusBy,
    string? StatusReason,
    LocalDate? LastDay,
    int Milestones);

/// <summary>Every plan's counts on <see cref="Today"/>, and all plans together.</summary>
public sealed record ProgressOverview(LocalDate Today, IReadOnlyList<PlanProgress> Plans, ProgressCounts Total);

/// <summary>The milestones whose effective due date falls in one quarter, as a chart shows them.</summary>
public sealed record QuarterProgress(int Year, int Quarter, ProgressCounts Counts)
{
    /// <summary>"Quý I/2025".</summary>
    public string Label => $"Quý {ReportPeriods.Roman(Quarter)}/{Year}";

    /// <summary>Milestones due in the quarter (removed ones aside).</summary>
    public int Due => Counts.Total;

    public int DoneOnTime => Counts.DoneOnTime;

    public int DoneLate => Counts.DoneLate;

    public int Overdue => Counts.OpenOverdue;

    /// <summary>Not done and not overdue: "đang thực hiện trong hạn", dormant ones included.</summary>
    public int Open => Counts.OpenInTime;
}

/// <summary>
/// The milestones one agency leads. A milestone with several lead agencies is counted in each of
/// their rows, so the rows of all agencies add up to more than the plans' total.
/// </summary>
public sealed record AgencyProgress(string AgencyId, string Name, ProgressCounts Counts)
{
    public double? OnTimeRate => Counts.OnTimeRate;

    public int Overdue => Counts.Overdue;

    public double? Completion => Counts.Completion;
}

/// <summary>Which milestones <see cref="ProgressQueries.TasksAsync"/> lists.</summary>
public sealed record TaskFilter
{
    /// <summary>The largest page.</summary>
    public const int MaxTake = 500;

    /// <summary>Only this plan's milestones (whatever its status); null for every plan of <see cref="Scope"/>.</summary>
    public string? PlanId { get; init; }

    /// <summary>Which plans, when <see cref="PlanId"/> names none: the active ones by default.</summary>
    public Persistence.PlanScope Scope { get; init; } = Persistence.PlanScope.Active;

    /// <summary>Only milestones this agency leads (one of its lead ids, matched whole); null for all.</summary>
    public string? AgencyId { get; init; }

    /// <summary>Only milestones in this state; null for all.</summary>
    public ProgressState? State { get; init; }

    /// <summary>
    /// Words to find in the task's activity, product or number, ignoring case and Vietnamese
    /// diacritics ("cai cach" finds "Cải cách"; "đ" and "d" are the same letter); null or blank for all.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>
    /// Where the page is (the first row's number, from 0). Without <see cref="After"/> or
    /// <see cref="Before"/> the rows before it are skipped (OFFSET); with one, the page is read from
    /// that position along the index and this only numbers its rows.
    /// </summary>
    public int Skip { get; init; }

    public int Take { get; init; } = 50;

    /// <summary>The page that starts after this row of the list's order (the previous page's <see cref="TaskPage.Last"/>).</summary>
    public TaskCursor? After { get; init; }

    /// <summary>The page that ends before this row of the list's order (the next page's <see cref="TaskPage.First"/>).</summary>
    public TaskCursor? Before { get; init; }
}

/// <summary>
/// A position in the task list's order (effective due date, undated last; plan; task row; task;
/// milestone): a page is read from it along the index, however deep, instead of skipping rows.
/// </summary>
public sealed record TaskCursor(DateOnly? Due, string Plan, int Row, string Task, int Number)
{
    private const char Separator = '\u001f';

    /// <summary>As a query string carries it (base64url).</summary>
    public override string ToString() => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(string.Join(
        Separator,
        Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Plan,
        Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Task,
        Number.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>A cursor written by <see cref="ToString"/>; null for anything else (a link typed by hand starts from the top).</summary>
    public static TaskCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(text)).Split(Separator);
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            return parts.Length == 5
                && (parts[0].Length == 0 || DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", ci, System.Globalization.DateTimeStyles.None, out _))
                && int.TryParse(parts[2], System.Globalization.NumberStyles.Integer, ci, out var row)
                && int.TryParse(parts[4], System.Globalization.NumberStyles.Integer, ci, out var number)
                ? new TaskCursor(parts[0].Length == 0 ? null : DateOnly.ParseExact(parts[0], "yyyy-MM-dd", ci), parts[1], row, parts[3], number)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// One milestone of a task, as the task list shows it: <see cref="Due"/> is the effective due date
/// (moved to a working day), null when there is none yet; <see cref="Lead"/> the lead agencies' ids.
/// </summary>
public sealed record TaskRow(
    string PlanId,
    string TaskId,
    int Milestone,
    string Activity,
    string? Product,
    string? Label,
    LocalDate? Due,
    LocalDate? DoneOn,
    ProgressState State,
    IReadOnlyList<string> Lead);

/// <summary>A page of <see cref="TaskRow"/>s and how many rows the filter matches in all.</summary>
public sealed record TaskPage(IReadOnlyList<TaskRow> Rows, int Total, int Skip, int Take)
{
    /// <summary>The first row's position (for the page before), or null on an empty page.</summary>
    public TaskCursor? First { get; init; }

    /// <summary>The last row's position (for the page after), or null on an empty page.</summary>
    public TaskCursor? Last { get; init; }
}
