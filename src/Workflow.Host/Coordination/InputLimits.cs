using System.Globalization;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Coordination;

/// <summary>
/// What a person (an agency through its link, a coordinator, a system through the API) may write
/// into a milestone: the dates a report or a request may carry and the length of its text. Checked
/// by <see cref="CoordinationService"/> before anything is stored, so a refusal changes nothing.
/// </summary>
public sealed record InputLimits
{
    /// <summary>$WORKFLOW_EXTENSION_YEARS: how many years after the plan's tracked year an extension may reach (default 1: the end of the following year).</summary>
    public const string ExtensionYearsVariable = "WORKFLOW_EXTENSION_YEARS";

    /// <summary>A product reference: a document number or a link.</summary>
    public int Reference { get; init; } = 500;

    /// <summary>A note, an extension's reason, a decision's note.</summary>
    public int Note { get; init; } = 2_000;

    /// <summary>A progress report.</summary>
    public int Progress { get; init; } = 4_000;

    /// <summary>How many years after the plan's tracked year an extension may reach: the window ends on 31/12 of that year.</summary>
    public int ExtensionYears { get; init; } = 1;

    /// <summary>The largest request body a form or an API call of the coordination pages takes (bytes); uploads have their own.</summary>
    public const long RequestBody = 64 * 1024;

    public static InputLimits Default { get; } = new();

    /// <summary>The defaults, with <see cref="ExtensionYearsVariable"/> when it is set to a whole number 0–10.</summary>
    public static InputLimits FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(ExtensionYearsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 10
            ? new InputLimits { ExtensionYears = years }
            : Default;

    /// <summary>
    /// The first day a milestone can have been done on, and what that day is: its event's date,
    /// else the plan's issue date, else 01/01 of the year before the tracked year.
    /// </summary>
    public static (LocalDate Day, string What) EarliestDone(PlanRecord plan, MilestoneRecord milestone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(milestone);
        return StoredDates.Read(milestone.EventOn) is { } e ? (e, "ngày xảy ra sự kiện mà mốc chờ")
            : StoredDates.Read(plan.IssuedOn) is { } issued ? (issued, "ngày ban hành kế hoạch")
            : (new LocalDate(plan.TrackedYear - 1, 1, 1), $"đầu năm {plan.TrackedYear - 1}");
    }

    /// <summary>The first day an event of the plan can have happened on: the plan's issue date, else 01/01 of the year before the tracked year.</summary>
    public static LocalDate EarliestEvent(PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return StoredDates.Read(plan.IssuedOn) ?? new LocalDate(plan.TrackedYear - 1, 1, 1);
    }

    /// <summary>The last day an extension of a milestone of <paramref name="plan"/> may reach.</summary>
    public LocalDate LatestExtension(PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new LocalDate(plan.TrackedYear + ExtensionYears, 12, 31);
    }

    /// <summary>Null when <paramref name="text"/> fits in <paramref name="max"/> characters; otherwise the refusal, naming the field.</summary>
    public static string? TooLong(string? text, int max, string field) =>
        text is { } t && t.Trim().Length > max
            ? $"{field} dài {t.Trim().Length.ToString("N0", Vietnamese)} ký tự, quá giới hạn {max.ToString("N0", Vietnamese)} ký tự: hãy rút gọn (có thể ghi đường dẫn đến văn bản đầy đủ)."
            : null;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
