using System.Globalization;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>
/// Where a timer becomes a notification: runs a milestone's flowchart from an activity until it
/// waits (a bookmark) or ends, and hands what it sends to an <see cref="INotificationSink"/>.
/// </summary>
/// <remarks>
/// <para>The engine keeps no state of its own and reads no clock: the caller says what time it is.
/// The host passes the time a Quartz trigger fired; the simulator passes its virtual clock. So the
/// simulation is the runtime, not a model of it.</para>
/// <para><b>Late moments.</b> A wait whose moment has already passed when the engine reaches it (a
/// server that was down, a plan imported after a reminder's day) does not wait: the flow goes on
/// at once, marked late. A late reminder is sent once if the milestone is still open and not yet
/// due, and skipped (and recorded) otherwise; a late overdue notice or escalation is sent once.
/// What is sent carries the moment it was meant for, not the moment the server got to it, so its
/// idempotency key (plan, task, milestone, kind, day) is the same however often and however late
/// the step runs.</para>
/// </remarks>
public sealed class WorkflowEngine
{
    private const int MaxStepsPerAdvance = 10_000;

    private readonly WorkingCalendar calendar;
    private readonly AgencyId followUpAgency;
    private readonly Duration lateAfter;
    private readonly AgencyDirectory? agencies;

    /// <param name="calendar">The working-day calendar every moment is computed on.</param>
    /// <param name="followUpAgency">Who escalations go to when a definition names no one (Sở Nội vụ).</param>
    /// <param name="lateAfter">A timer that fires this much after its moment counts as late: its
    /// moment passed while the server was down. Five minutes by default.</param>
    /// <param name="agencies">The agency directory, whose history says who took over an agency that
    /// ended; without it the plan's lead is chased whatever the date.</param>
    public WorkflowEngine(WorkingCalendar calendar, AgencyId followUpAgency, Duration? lateAfter = null, AgencyDirectory? agencies = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        this.calendar = calendar;
        this.followUpAgency = followUpAgency;
        this.lateAfter = lateAfter ?? Duration.FromMinutes(5);
        this.agencies = agencies;
    }

    /// <summary>
    /// Who leads an open milestone on <paramref name="day"/>: when a lead agency has ended, its duties
    /// pass to its successors from the day after (all of them when each took its own territory; the
    /// first listed when the duties were divided, and the milestone is flagged for a coordinator to
    /// pick). The timeline records each handover with its source. Returns true when the lead changed.
    /// </summary>
    public bool HandOver(MilestoneRun run, LocalDate day, LocalDateTime now)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (agencies is null || run.DoneOn is not null || agencies.SucceedOn(run.Lead, day) is not { } succession)
        {
            return false;
        }

        if (run.FormerLead.Count == 0)
        {
            run.FormerLead = run.Lead;
        }

        run.Lead = succession.Leads;
        run.LeadUnderReview |= succession.NeedsChoice;
        foreach (var handover in succession.Handovers)
        {
            run.History.Add(new HistoryEntry(now, null, "chuyển giao", AgencyDirectory.DescribeHandover(handover)));
        }

        return true;
    }

    /// <summary>True when some agency of <paramref name="lead"/> had ended by <paramref name="day"/>, so its duties belong to a successor.</summary>
    public bool NeedsHandOver(IReadOnlyList<AgencyId> lead, LocalDate day) =>
        agencies?.SucceedOn(lead, day) is not null;

    /// <summary>A coordinator picks which successor takes a milestone whose former lead's duties were divided.</summary>
    /// <returns>Null when done; otherwise why not (Vietnamese, for the coordinator).</returns>
    public string? ChooseLead(MilestoneRun run, AgencyId chosen, LocalDateTime now, string who)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (agencies is null || run.FormerLead.Count == 0)
        {
            return "mốc này không có cơ quan chủ trì nào đã kết thúc hoạt động, nên không có gì để chọn.";
        }

        var choices = agencies.SuccessorChoices(run.FormerLead, now.Date);
        if (!choices.Any(c => c.Id == chosen))
        {
            return choices.Count == 0
                ? "nhiệm vụ của cơ quan cũ không chia cho nhiều cơ quan, nên không có gì để chọn."
                : $"\"{chosen}\" không phải cơ quan kế nhiệm có thể chọn; chọn một trong: {string.Join(", ", choices.Select(c => $"{c.Name} ({c.Id})"))}.";
        }

        var lead = run.Lead.Select(id => choices.Any(c => c.Id == id) ? chosen : id).Distinct().ToList();
        if (!lead.Contains(chosen))
        {
            lead.Insert(0, chosen);
        }

        run.Lead = lead;
        run.LeadUnderReview = false;
        run.History.Add(new HistoryEntry(now, null, "chọn cơ quan chủ trì", $"{who} giao mốc cho {agencies.Get(chosen).Name}"));
        return null;
    }

    /// <summary>Starts a milestone's workflow at <paramref name="now"/>: an event milestone without its event sleeps.</summary>
    public void Start(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.WaitsForEvent && run.EventOn is null)
        {
            run.Status = RunStatus.Dormant;
            run.Bookmark = new Bookmark(definition.Root.Start.Id, null, SignalKind.Event);
            run.History.Add(new HistoryEntry(now, definition.Root.Start.Id, "chờ sự kiện", "nhiệm vụ chỉ bắt đầu khi điều phối viên ghi nhận sự kiện"));
            return;
        }

        run.Status = RunStatus.Waiting;
        run.History.Add(new HistoryEntry(now, definition.Root.Start.Id, "bắt đầu", $"quy trình {definition.DefinitionId} phiên bản {definition.Version}, hạn hiệu lực {Day(run.EffectiveDue)}"));
        Advance(run, definition, definition.Root.Start, now, now, late: false, sink, fromToday: true);
    }

    /// <summary>
    /// The plan was reopened: an open milestone's chase starts over from <paramref name="now"/>,
    /// with the same catch-up rule as a start (one overdue notice, no back-dated series). A dormant
    /// milestone keeps waiting for its event; a done one stays done.
    /// </summary>
    public void Restart(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, string why, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.DoneOn is not null || run.Status == RunStatus.Dormant)
        {
            return;
        }

        run.Status = RunStatus.Waiting;
        run.Bookmark = null;
        run.History.Add(new HistoryEntry(now, definition.Root.Start.Id, "theo dõi lại", why));
        Advance(run, definition, definition.Root.Start, now, now, late: false, sink, fromToday: true);
    }

    /// <summary>
    /// The plan is closed: the milestone keeps its dates and state and nothing more is chased. A
    /// waiting run loses its bookmark (no timer, no signal); a dormant one keeps waiting for its
    /// event (a closed plan records it without chasing); a finished one is left alone.
    /// </summary>
    /// <returns>Whether the run changed (it was waiting at a bookmark).</returns>
    public static bool Hold(MilestoneRun run, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Waiting || run.Bookmark is null)
        {
            return false;
        }

        run.Bookmark = null;
        run.History.Add(new HistoryEntry(now, null, "ngừng theo dõi", why));
        return true;
    }

    /// <summary>
    /// A milestone of a plan imported closed: recorded with its dates, never chased, nothing sent.
    /// An event milestone still waits for its event (so the record says so); any other waits for nothing.
    /// </summary>
    public static void StartHeld(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var dormant = run.WaitsForEvent && run.EventOn is null;
        run.Status = dormant ? RunStatus.Dormant : RunStatus.Waiting;
        run.Bookmark = dormant ? new Bookmark(definition.Root.Start.Id, null, SignalKind.Event) : null;
        run.History.Add(new HistoryEntry(now, null, "không theo dõi", why));
    }

    /// <summary>Resumes a run at its timer bookmark; <paramref name="now"/> is when the timer fired.</summary>
    public void Resume(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Status != RunStatus.Waiting || run.Bookmark is not { At: { } at } bookmark)
        {
            return; // a stale trigger: the run finished or moved on; nothing to do
        }

        var late = now > at.PlusTicks(lateAfter.BclCompatibleTicks);
        var waiting = definition.Root.Get(bookmark.ActivityId);
        run.Bookmark = null;
        if (late)
        {
            run.History.Add(new HistoryEntry(now, waiting.Id, "chạy bù", $"mốc {Moment(at)} đã qua khi máy chủ ngừng"));
        }

        Continue(run, definition, waiting, "Done", now, at, late, sink);
    }

    /// <summary>The milestone is reported done on <paramref name="on"/>: its workflow ends at once.</summary>
    public static void MarkDone(MilestoneRun run, LocalDate on, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.DoneOn = on;
        run.Status = RunStatus.Finished;
        run.Bookmark = null;
        run.History.Add(new HistoryEntry(now, null, "hoàn thành", $"{why} ngày {Day(on)}"));
    }

    /// <summary>An approved extension: the due date is replaced and the chase starts over from it.</summary>
    /// <remarks>With <paramref name="chase"/> false (a plan that is no longer followed) the dates change and nothing is chased.</remarks>
    public void Extend(MilestoneRun run, WorkflowDefinition definition, LocalDate newDue, LocalDateTime now, INotificationSink sink, bool chase = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var old = run.Due;
        run.Due = newDue;
        run.EffectiveDue = calendar.NextWorkingDayOnOrAfter(newDue);
        run.Extended = true;
        run.Bookmark = null;
        run.History.Add(new HistoryEntry(now, null, "gia hạn", $"hạn {Day(old)} đổi thành {Day(newDue)}"));
        if (run.DoneOn is null)
        {
            run.Status = RunStatus.Waiting;
            if (chase)
            {
                Advance(run, definition, definition.Root.Start, now, now, late: false, sink);
            }
        }
    }

    /// <summary>
    /// A coordinator records that the awaited event happened on <paramref name="on"/>. The due date
    /// is the plan's when it lies after the event, otherwise 30 days after the event; then the
    /// chase starts.
    /// </summary>
    /// <remarks>With <paramref name="chase"/> false (a plan that is no longer followed) the event and the due date are recorded and nothing is chased.</remarks>
    public void RecordEvent(MilestoneRun run, WorkflowDefinition definition, LocalDate on, LocalDateTime now, INotificationSink sink, bool chase = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Status != RunStatus.Dormant)
        {
            return;
        }

        run.EventOn = on;
        var due = run.PlannedDue is { } planned && planned > on ? planned : on.PlusDays(30);
        run.Due = due;
        run.EffectiveDue = calendar.NextWorkingDayOnOrAfter(due);
        run.History.Add(new HistoryEntry(now, null, "sự kiện", $"sự kiện ngày {Day(on)}; hạn {Day(due)}" + (run.PlannedDue == due ? " theo kế hoạch" : " (30 ngày sau sự kiện)")));
        run.Bookmark = null;
        run.Status = RunStatus.Waiting;
        if (chase)
        {
            Advance(run, definition, definition.Root.Start, now, now, late: false, sink);
        }
    }

    private void Continue(MilestoneRun run, WorkflowDefinition definition, Activity from, string port, LocalDateTime now, LocalDateTime moment, bool late, INotificationSink sink)
    {
        var next = definition.Root.Next(from, port);
        if (next.Count == 0)
        {
            Finish(run, from.Id, now, "hết quy trình");
            return;
        }

        Advance(run, definition, next[0], now, moment, late, sink);
    }

    /// <summary>
    /// Runs from <paramref name="activity"/> until a wait or the end. <paramref name="now"/> is when
    /// this happens; <paramref name="moment"/> is the moment the step belongs to (the timer's
    /// moment, or a wait's moment that had already passed): what is sent carries it, so a
    /// notification is the same notification however late the server got to it.
    /// </summary>
    /// <remarks>
    /// <paramref name="fromToday"/>: the chase starts now (a new milestone, a reopened plan), so
    /// the moments that passed before are caught up once, today: a passed reminder is sent once
    /// dated now (or skipped once the due date passed), a passed overdue notice is sent once dated
    /// now (it joins today's digest), and a passed escalation is skipped: Sở Nội vụ hears of the
    /// milestone at the next regular escalation, never in a back-dated series.
    /// </remarks>
    private void Advance(MilestoneRun run, WorkflowDefinition definition, Activity activity, LocalDateTime now, LocalDateTime moment, bool late, INotificationSink sink, bool fromToday = false)
    {
        var current = activity;
        for (var steps = 0; steps < MaxStepsPerAdvance; steps++)
        {
            if (run.DoneOn is not null)
            {
                Finish(run, current.Id, now, "đã hoàn thành");
                return;
            }

            var port = "Done";
            if (current is SendReminder or SendOverdueNotice or Escalate)
            {
                HandOver(run, moment.Date, now);
            }

            switch (current)
            {
                case MilestoneStart:
                    break;

                case WaitForMoment wait:
                    {
                        var at = wait.MomentFor(run.EffectiveDue!.Value, calendar);
                        if (at > now)
                        {
                            Suspend(run, wait.Id, at);
                            return;
                        }

                        moment = fromToday ? now : at;
                        late = true;
                        break;
                    }

                case WaitForWeekday wait:
                    Suspend(run, wait.Id, wait.NextAfter(now, calendar));
                    return;

                case Delay delay:
                    Suspend(run, delay.Id, now.PlusTicks(delay.TimeSpan.BclCompatibleTicks));
                    return;

                case Definitions.Workflows.Timer timer:
                    Suspend(run, timer.Id, now.PlusTicks(timer.Interval.BclCompatibleTicks));
                    return;

                case StartAt startAt:
                    if (startAt.DateTime > now)
                    {
                        Suspend(run, startAt.Id, startAt.DateTime);
                        return;
                    }

                    moment = fromToday ? now : startAt.DateTime;
                    late = true;
                    break;

                case WaitForSignal wait:
                    run.Bookmark = new Bookmark(wait.Id, null, wait.Signal);
                    return;

                case MilestoneDecision decision:
                    port = Holds(decision.Condition, run, now) ? "True" : "False";
                    break;

                case SendReminder reminder:
                    if (late && now.Date > run.EffectiveDue!.Value)
                    {
                        run.History.Add(new HistoryEntry(now, reminder.Id, "bỏ qua nhắc hạn", $"mốc nhắc đã qua và hạn {Day(run.EffectiveDue)} cũng đã qua"));
                    }
                    else
                    {
                        Send(run, sink, NotificationKind.Reminder, reminder.Id, now, moment, run.Lead, reminder.CopyCoordinators ? Holders(run.Coordinators, moment.Date) : [], reminder.Template, late);
                    }

                    late = false;
                    break;

                case SendOverdueNotice notice:
                    Send(run, sink, NotificationKind.Overdue, notice.Id, now, moment, run.Lead, notice.CopyCoordinators ? Holders(run.Coordinators, moment.Date) : [], notice.Template, late);
                    late = false;
                    break;

                case Escalate escalate when late && fromToday:
                    run.History.Add(new HistoryEntry(now, escalate.Id, "bỏ qua báo cáo Sở Nội vụ", "mốc báo cáo đã qua trước khi bắt đầu theo dõi: chỉ gửi một thông báo quá hạn, báo cáo từ lần kế tiếp"));
                    late = false;
                    break;

                case Escalate escalate:
                    Send(run, sink, NotificationKind.Escalation, escalate.Id, now, moment, Holders([escalate.To ?? followUpAgency], moment.Date), run.Lead, escalate.Template, late);
                    late = false;
                    break;

                case End:
                    Finish(run, current.Id, now, "kết thúc");
                    return;

                default:
                    throw new InvalidOperationException($"The runtime cannot run activity type {current.Type} ({current.Id}).");
            }

            var next = definition.Root.Next(current, port);
            if (next.Count == 0)
            {
                Finish(run, current.Id, now, "hết quy trình");
                return;
            }

            current = next[0];
        }

        throw new InvalidOperationException($"Workflow {definition.DefinitionId} ran {MaxStepsPerAdvance} steps without waiting at {run.Key}: a loop with no wait got past validation.");
    }

    /// <summary>Who holds the duties of <paramref name="ids"/> on <paramref name="day"/> (coordinating agencies, an escalation's addressee).</summary>
    private IReadOnlyList<AgencyId> Holders(IReadOnlyList<AgencyId> ids, LocalDate day) =>
        agencies?.SucceedOn(ids, day)?.Leads ?? ids;

    private static bool Holds(MilestoneCondition condition, MilestoneRun run, LocalDateTime now) => condition switch
    {
        MilestoneCondition.Done => run.DoneOn is not null,
        MilestoneCondition.Open => run.IsOpen,
        MilestoneCondition.Overdue => run.IsOpen && run.EffectiveDue is { } due && now.Date > due,
        MilestoneCondition.Extended => run.Extended,
        MilestoneCondition.Dormant => run.Status == RunStatus.Dormant,
        _ => false,
    };

    private static void Send(MilestoneRun run, INotificationSink sink, NotificationKind kind, string activityId, LocalDateTime now, LocalDateTime moment, IReadOnlyList<AgencyId> to, IReadOnlyList<AgencyId> cc, string template, bool late)
    {
        var notification = new Notification
        {
            Kind = kind,
            At = moment,
            Plan = run.Key.Plan.Value,
            Task = run.Key.Task.Value,
            Milestone = run.Key.Number,
            Due = run.EffectiveDue!.Value,
            To = to.Select(a => a.ToString()).ToArray(),
            Cc = cc.Select(a => a.ToString()).ToArray(),
            Template = template,
        };
        var what = kind.Label();
        run.History.Add(sink.Add(notification)
            ? new HistoryEntry(now, activityId, what, late ? $"gửi bù một lần cho mốc {Moment(moment)} đã qua; hạn {Day(run.EffectiveDue)}" : $"mốc {Moment(moment)}; hạn {Day(run.EffectiveDue)}")
            : new HistoryEntry(now, activityId, what, $"trùng ngày với thông báo cùng loại đã gửi (mốc {Moment(moment)}): gộp làm một"));
    }

    private static void Suspend(MilestoneRun run, string activityId, LocalDateTime at)
    {
        run.Status = RunStatus.Waiting;
        run.Bookmark = new Bookmark(activityId, at, null);
    }

    private static void Finish(MilestoneRun run, string? activityId, LocalDateTime now, string why)
    {
        run.Status = RunStatus.Finished;
        run.Bookmark = null;
        run.History.Add(new HistoryEntry(now, activityId, "kết thúc", why));
    }

    private static string Day(LocalDate? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(chưa có)";

    private static string Moment(LocalDateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
