using System.Globalization;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>
/// Where a timer becomes a notification: runs a milestone's flowchart from an activity until every branch waits
/// (bookmarks) or ends, and hands what it sends to an <see cref="INotificationSink"/>. It speaks Elsa 3's flowchart
/// semantics: several connections from one port run in parallel, FlowJoin merges them (WaitAny/WaitAll), a FlowNode
/// runs its body, End ends the whole workflow.
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
/// <para><b>Errors.</b> An expression that fails (a script that throws, loops or allocates too much; a broken Liquid
/// template; an email whose recipients resolve to no address) ends that branch with the error recorded on the
/// activity in the milestone's history and in <see cref="MilestoneRun.Fault"/>; the step still commits.</para>
/// <para>One concern a file: this file holds the engine's state and the milestone's life as the runtime drives it
/// (start, reopen, hold, done, extension, event); <c>.Walk</c> the flowchart walk and its dispatch to the activities;
/// <c>.Flow</c> Elsa's flow activities and joins; <c>.Timers</c> timer activities and the resumption of their bookmarks;
/// <c>.Signals</c> events and signals; <c>.Expressions</c> expressions and variables; <c>.Email</c> Elsa's SendEmail;
/// <c>.Cchc</c> our own activities; <c>.Succession</c> who leads when an agency ended; <c>.Graph</c> a definition's
/// activities indexed for the walk.</para>
/// </remarks>
public sealed partial class WorkflowEngine
{
    private const string Done = "Done";

    private readonly WorkingCalendar calendar;
    private readonly AgencyId followUpAgency;
    private readonly Duration lateAfter;
    private readonly EngineOptions options;

    /// <param name="calendar">The working-day calendar every moment is computed on.</param>
    /// <param name="followUpAgency">Who escalations go to when a definition names no one (Sở Nội vụ).</param>
    /// <param name="lateAfter">A timer that fires this much after its moment counts as late: its
    /// moment passed while the server was down. Five minutes by default.</param>
    /// <param name="options">The directory, report links, expression evaluator and step cap.</param>
    public WorkflowEngine(WorkingCalendar calendar, AgencyId followUpAgency, Duration? lateAfter = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        this.calendar = calendar;
        this.followUpAgency = followUpAgency;
        this.lateAfter = lateAfter ?? Duration.FromMinutes(5);
        this.options = options ?? EngineOptions.Default;
    }

    /// <summary>Starts a milestone's workflow at <paramref name="now"/>: an event milestone without its event sleeps.</summary>
    public void Start(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var startId = definition.Root.Start?.Id ?? "(trống)";
        if (run.WaitsForEvent && run.EventOn is null)
        {
            run.Status = RunStatus.Dormant;
            run.Bookmarks.Clear();
            run.Bookmarks.Add(new Bookmark(startId, null, SignalKind.Event));
            run.History.Add(Openings.AwaitingEvent(now, startId));
            return;
        }

        run.Status = RunStatus.Waiting;
        run.History.Add(Openings.Started(now, startId, definition.DefinitionId, definition.Version, run.EffectiveDue));
        InitialiseVariables(run, definition);
        CatchUp(run, () => Restart(run, definition, now, sink));
    }

    /// <summary>
    /// The plan was reopened: an open milestone's chase starts over from <paramref name="now"/>,
    /// with the same catch-up rule as a start (one overdue notice, no back-dated series). A dormant
    /// milestone keeps waiting for its event; a done one stays done.
    /// </summary>
    public void Reopen(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, string why, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.DoneOn is not null || run.Status == RunStatus.Dormant)
        {
            return;
        }

        run.Status = RunStatus.Waiting;
        run.Bookmarks.Clear();
        run.History.Add(new HistoryEntry(now, definition.Root.Start?.Id, "theo dõi lại", why));
        CatchUp(run, () => Restart(run, definition, now, sink));
    }

    /// <summary>
    /// The plan is closed: the milestone keeps its dates and state and nothing more is chased. A
    /// waiting run loses its bookmarks (no timer, no signal); a dormant one keeps waiting for its
    /// event (a closed plan records it without chasing); a finished one is left alone.
    /// </summary>
    /// <returns>Whether the run changed (it was waiting at a bookmark).</returns>
    public static bool Hold(MilestoneRun run, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Waiting || run.Bookmarks.Count == 0)
        {
            return false;
        }

        run.Bookmarks.Clear();
        run.History.Add(new HistoryEntry(now, null, "ngừng theo dõi", why));
        return true;
    }

    /// <summary>
    /// A milestone of a plan imported closed: recorded with its dates, never chased, nothing sent.
    /// An event milestone still waits for its event (so the record says so); any other waits for nothing.
    /// </summary>
    public static void StartHeld(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, string why) =>
        StartHeld(run, definition, new HistoryEntry(now, null, Openings.HeldWhat, why));

    /// <summary>As <see cref="StartHeld(MilestoneRun, WorkflowDefinition, LocalDateTime, string)"/>, with the step to record
    /// (<see cref="Openings.Held"/> for a milestone a closed plan's import creates).</summary>
    public static void StartHeld(MilestoneRun run, WorkflowDefinition definition, HistoryEntry step)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(step);
        var dormant = run.WaitsForEvent && run.EventOn is null;
        run.Status = dormant ? RunStatus.Dormant : RunStatus.Waiting;
        run.Bookmarks.Clear();
        if (dormant)
        {
            run.Bookmarks.Add(new Bookmark(definition.Root.Start?.Id ?? "(trống)", null, SignalKind.Event));
        }

        run.History.Add(step);
    }

    /// <summary>
    /// Runs <paramref name="start"/> with the chase starting now (a new milestone, a reopened plan):
    /// the moments that passed before are caught up once, today. A passed reminder is sent once
    /// dated now (or skipped once the due date passed), a passed overdue notice is sent once dated
    /// now (it joins today's digest), and a passed escalation is skipped: Sở Nội vụ hears of the
    /// milestone at the next regular escalation, never in a back-dated series.
    /// </summary>
    private static void CatchUp(MilestoneRun run, Action start)
    {
        run.CatchingUp = true;
        try
        {
            start();
        }
        finally
        {
            run.CatchingUp = false;
        }
    }

    /// <summary>The milestone is reported done on <paramref name="on"/>: its workflow ends at once.</summary>
    public static void MarkDone(MilestoneRun run, LocalDate on, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.DoneOn = on;
        run.Status = RunStatus.Finished;
        run.Bookmarks.Clear();
        run.History.Add(new HistoryEntry(now, null, "hoàn thành", $"{why} ngày {Day(on)}"));
    }

    /// <summary>
    /// The milestone is reported done: the branches waiting for the report (<c>Cchc.WaitForSignal</c> Report, an
    /// <c>Elsa.Event</c> "Report") run on until they wait or end, then the workflow ends.
    /// </summary>
    public void ReportDone(MilestoneRun run, WorkflowDefinition definition, LocalDate on, LocalDateTime now, string why, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var waiting = run.Bookmarks.Where(b => b.Signal == SignalKind.Report || b.EventName == nameof(SignalKind.Report)).ToList();
        run.DoneOn = on;
        run.History.Add(new HistoryEntry(now, null, "hoàn thành", $"{why} ngày {Day(on)}"));
        if (waiting.Count > 0 && run.Status == RunStatus.Waiting)
        {
            run.Bookmarks.Clear();
            var graph = GraphOf(definition);
            Run(run, graph, [.. waiting.SelectMany(b => Continuations(graph, b, now, afterDone: true))], now, sink, stopWhenWaiting: true);
        }

        run.Status = RunStatus.Finished;
        run.Bookmarks.Clear();
    }

    /// <summary>
    /// An approved extension: the due date is replaced. A workflow that waits for it (<c>Cchc.WaitForSignal</c>
    /// Extension, an <c>Elsa.Event</c> "Extension") resumes there; otherwise the chase starts over from the new date.
    /// </summary>
    /// <remarks>With <paramref name="chase"/> false (a plan that is no longer followed) the dates change and nothing is chased.</remarks>
    public void Extend(MilestoneRun run, WorkflowDefinition definition, LocalDate newDue, LocalDateTime now, INotificationSink sink, bool chase = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var old = run.Due;
        run.Due = newDue;
        run.EffectiveDue = calendar.NextWorkingDayOnOrAfter(newDue);
        run.Extended = true;
        run.History.Add(new HistoryEntry(now, null, "gia hạn", $"hạn {Day(old)} đổi thành {Day(newDue)}"));
        if (run.DoneOn is not null)
        {
            run.Bookmarks.Clear();
            return;
        }

        if (!chase)
        {
            run.Bookmarks.Clear();
            run.Status = RunStatus.Waiting;
            return;
        }

        var waiting = run.Bookmarks.Where(b => b.Signal == SignalKind.Extension || b.EventName == nameof(SignalKind.Extension)).ToList();
        run.Status = RunStatus.Waiting;
        if (waiting.Count > 0)
        {
            Signal(run, definition, waiting, now, sink);
            return;
        }

        run.Bookmarks.Clear();
        Restart(run, definition, now, sink);
    }

    /// <summary>
    /// A coordinator records that the awaited event happened on <paramref name="on"/>. A dormant milestone's due date
    /// is the plan's when it lies after the event, otherwise 30 days after the event; then the chase starts. A running
    /// workflow that waits for the event (<c>Cchc.WaitForSignal</c> Event, an <c>Elsa.Event</c> "Event") resumes there.
    /// </summary>
    /// <remarks>With <paramref name="chase"/> false (a plan that is no longer followed) the event and the due date are recorded and nothing is chased.</remarks>
    public void RecordEvent(MilestoneRun run, WorkflowDefinition definition, LocalDate on, LocalDateTime now, INotificationSink sink, bool chase = true)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Status == RunStatus.Waiting && !chase)
        {
            return;
        }

        if (run.Status == RunStatus.Waiting)
        {
            var waiting = run.Bookmarks.Where(b => b.Signal == SignalKind.Event || b.EventName == nameof(SignalKind.Event)).ToList();
            if (waiting.Count > 0)
            {
                run.EventOn = on;
                run.History.Add(new HistoryEntry(now, null, "sự kiện", $"sự kiện ngày {Day(on)}"));
                Signal(run, definition, waiting, now, sink);
            }

            return;
        }

        if (run.Status != RunStatus.Dormant)
        {
            return;
        }

        run.EventOn = on;
        var due = run.PlannedDue is { } planned && planned > on ? planned : on.PlusDays(30);
        run.Due = due;
        run.EffectiveDue = calendar.NextWorkingDayOnOrAfter(due);
        run.History.Add(new HistoryEntry(now, null, "sự kiện", $"sự kiện ngày {Day(on)}; hạn {Day(due)}" + (run.PlannedDue == due ? " theo kế hoạch" : " (30 ngày sau sự kiện)")));
        run.Bookmarks.Clear();
        run.Status = RunStatus.Waiting;
        if (!chase)
        {
            return;
        }

        InitialiseVariables(run, definition);
        Restart(run, definition, now, sink);
    }

    /// <summary>True when <paramref name="run"/> waits for a signal or an event of that name (for the runtime's lookups).</summary>
    public static bool WaitsFor(MilestoneRun run, SignalKind signal)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Bookmarks.Any(b => b.Signal == signal || b.EventName == signal.ToString());
    }

    private void Restart(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        var graph = GraphOf(definition);
        if (definition.Root.Start is not { } start)
        {
            Finish(run, null, now, "quy trình không có hoạt động nào");
            return;
        }

        Run(run, graph, [new Token(start, now, false, null, false)], now, sink);
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string Day(LocalDate? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(chưa có)";

    private static string Moment(LocalDateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
