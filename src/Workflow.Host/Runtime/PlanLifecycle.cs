using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;

namespace Workflow.Host.Runtime;

/// <summary>What a coordinator does to a plan's life: <c>workflow plan close|reopen|archive</c>, the plan page's buttons, the API.</summary>
public enum PlanAction
{
    Close,
    Reopen,
    Archive,
}

/// <summary>A change of a plan's status as asked: the plan, the action, its day (today when null), its reason, and whether an archived plan may be reopened.</summary>
public sealed record PlanStatusRequest(PlanId Plan, PlanAction Action, LocalDate? On, string? Reason, string By, bool FromArchive = false);

/// <summary>What a status change did: the message for the coordinator (Vietnamese), and whether anything changed.</summary>
/// <param name="Changed">False when the request was refused; then <see cref="Message"/> says why and nothing changed.</param>
/// <param name="Message">One line for the coordinator.</param>
/// <param name="Milestones">How many milestones stopped (close, archive) or started (reopen) being chased.</param>
/// <param name="Unknown">Refused because there is no such plan.</param>
public sealed record PlanStatusResult(bool Changed, string Message, int Milestones, bool Unknown = false);

/// <summary>
/// The rules of a plan's life, in one place: when its tracking window ends, when it closes by
/// itself, which transitions a coordinator may make. The runtime applies them
/// (<see cref="WorkflowRuntime.ChangePlanStatusAsync"/>, <see cref="WorkflowRuntime.CloseEndedPlansAsync"/>).
/// </summary>
public static class PlanLifecycle
{
    /// <summary>The environment variable that moves the default closing day: "dd/MM" of the year after the last tracked year.</summary>
    public const string ClosingVariable = "WORKFLOW_PLAN_CLOSING";

    /// <summary>Who the runtime names when it closes a plan by itself.</summary>
    public const string System = "hệ thống";

    private static readonly LocalDatePattern Display = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    /// <summary>The default closing day from <see cref="ClosingVariable"/> ("dd/MM"), or 31/01.</summary>
    /// <exception cref="FormatException">The variable is set but is not a day of the year.</exception>
    public static AnnualDate DefaultClosingFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(ClosingVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return TrackingPeriod.DefaultClosing;
        }

        var parts = value.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2001, month))
        {
            return new AnnualDate(month, day);
        }

        throw new FormatException($"{ClosingVariable}=\"{value}\" không phải một ngày trong năm: ghi ngày/tháng, ví dụ 31/01 (ngày thôi theo dõi, của năm sau năm theo dõi cuối cùng).");
    }

    /// <summary>The plan's tracking period as stored; a row from before tracking periods tracks its first year.</summary>
    public static TrackingPeriod? Tracking(PlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.TrackedYear is < Definitions.Deadlines.DeadlineContext.MinYear or > Definitions.Deadlines.DeadlineContext.MaxYear)
        {
            return null;
        }

        var last = plan.OpenEnded ? (int?)null : Math.Max(plan.LastYear ?? plan.TrackedYear, plan.TrackedYear);
        return new TrackingPeriod(plan.TrackedYear, last, StoredDates.Read(plan.ClosesOn));
    }

    /// <summary>The last day the plan is chased, or null when it runs until a coordinator closes it.</summary>
    public static LocalDate? LastDay(PlanRecord plan, AnnualDate defaultClosing) => Tracking(plan)?.ClosingDay(defaultClosing);

    /// <summary>
    /// An active plan whose window is over on <paramref name="today"/>: its last day has passed, and
    /// it was not reopened after that day (a coordinator who reopens an ended plan keeps it open
    /// until they close it).
    /// </summary>
    public static bool HasEnded(PlanRecord plan, LocalDate today, AnnualDate defaultClosing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Status == PlanStatus.Active
            && LastDay(plan, defaultClosing) is { } last && last < today
            && (plan.StatusOn is not { } since || StoredDates.Read(since) <= last);
    }

    /// <summary>"31/01/2026".</summary>
    public static string Day(LocalDate day) => Display.Format(day);

    /// <summary>"31/01/2026", or an em dash for no date.</summary>
    public static string Day(LocalDate? day) => day is { } d ? Display.Format(d) : "—";

    /// <summary>
    /// Why a request cannot be applied to <paramref name="plan"/> on <paramref name="today"/>,
    /// in one Vietnamese line; null when it can.
    /// </summary>
    public static string? Refusal(PlanStatusRequest request, PlanRecord plan, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        var id = request.Plan.Value;
        var since = plan.StatusOn is { } on ? $" từ ngày {Day(StoredDates.Read(on))}" : string.Empty;
        var who = plan.StatusBy is { Length: > 0 } by ? $" ({by})" : string.Empty;
        if (request.Reason is { Length: > 500 })
        {
            return "Lý do dài quá 500 ký tự: ghi ngắn gọn hơn.";
        }

        switch (request.Action)
        {
            case PlanAction.Close when plan.Status == PlanStatus.Closed:
                return $"Kế hoạch {id} đã đóng{since}{who}; không đóng lại lần nữa. Muốn theo dõi tiếp thì dùng \"workflow plan reopen {id}\".";
            case PlanAction.Close when plan.Status == PlanStatus.Archived:
                return $"Kế hoạch {id} đã lưu trữ{since}{who}, tức là đã đóng; không cần đóng.";
            case PlanAction.Archive when plan.Status == PlanStatus.Archived:
                return $"Kế hoạch {id} đã lưu trữ{since}{who}; không lưu trữ lại lần nữa.";
            case PlanAction.Reopen when plan.Status == PlanStatus.Active:
                return $"Kế hoạch {id} đang được theo dõi; không cần mở lại.";
            case PlanAction.Reopen when plan.Status == PlanStatus.Archived && !request.FromArchive:
                return $"Kế hoạch {id} đã lưu trữ{since}{who}: để mở lại kế hoạch đã lưu trữ, thêm --from-archive (trên trang web: đánh dấu \"Mở lại kế hoạch đã lưu trữ\").";
        }

        if (request.On is { } day && day > today)
        {
            var what = request.Action switch { PlanAction.Close => "đóng", PlanAction.Reopen => "mở lại", _ => "lưu trữ" };
            return $"Ngày {Day(day)} chưa đến: chỉ ghi {what} kế hoạch vào hôm nay ({Day(today)}) hoặc một ngày đã qua.";
        }

        return null;
    }
}
