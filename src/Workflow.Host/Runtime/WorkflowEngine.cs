using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>What the engine needs besides the calendar: the directory (for an email's recipients), the report link of
/// the workflow input, the evaluator of expressions and the daily step cap.</summary>
public sealed record EngineOptions
{
    public static EngineOptions Default { get; } = new();

    /// <summary>The agency directory, whose history says who took over an agency that ended (without it the plan's
    /// lead is chased whatever the date); an email to an agency id it does not know is refused on its activity.</summary>
    public AgencyDirectory? Agencies { get; init; }

    /// <summary>The agency report link of a milestone (the workflow input's <c>ReportLink</c>).</summary>
    public Func<MilestoneRun, string?>? ReportLink { get; init; }

    /// <summary>How many activities one milestone may run in a day (issue 12): past it the workflow stops, recorded on its timeline.</summary>
    public int MaxStepsPerDay { get; init; } = 200;

    public ExpressionEvaluator Expressions { get; init; } = new();
}

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
/// </remarks>
public sealed class WorkflowEngine
{
    private const string Done = "Done";

    private static readonly ConditionalWeakTable<WorkflowDefinition, Graph> Graphs = new();

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

    /// <summary>
    /// Who leads an open milestone on <paramref name="day"/>: when a lead agency has ended, its duties
    /// pass to its successors from the day after (all of them when each took its own territory; the
    /// first listed when the duties were divided, and the milestone is flagged for a coordinator to
    /// pick). The timeline records each handover with its source. Returns true when the lead changed.
    /// </summary>
    public bool HandOver(MilestoneRun run, LocalDate day, LocalDateTime now)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (options.Agencies is not { } agencies || run.DoneOn is not null || agencies.SucceedOn(run.Lead, day) is not { } succession)
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
        options.Agencies?.SucceedOn(lead, day) is not null;

    /// <summary>A coordinator picks which successor takes a milestone whose former lead's duties were divided.</summary>
    /// <returns>Null when done; otherwise why not (Vietnamese, for the coordinator).</returns>
    public string? ChooseLead(MilestoneRun run, AgencyId chosen, LocalDateTime now, string who)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (options.Agencies is not { } agencies || run.FormerLead.Count == 0)
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

    /// <summary>Who holds the duties of <paramref name="ids"/> on <paramref name="day"/> (coordinating agencies, an escalation's addressee).</summary>
    private IReadOnlyList<AgencyId> Holders(IReadOnlyList<AgencyId> ids, LocalDate day) =>
        options.Agencies?.SucceedOn(ids, day)?.Leads ?? ids;

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
            run.History.Add(new HistoryEntry(now, startId, "chờ sự kiện", "nhiệm vụ chỉ bắt đầu khi điều phối viên ghi nhận sự kiện"));
            return;
        }

        run.Status = RunStatus.Waiting;
        run.History.Add(new HistoryEntry(now, startId, "bắt đầu", $"quy trình {definition.DefinitionId} phiên bản {definition.Version}, hạn hiệu lực {Day(run.EffectiveDue)}"));
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
    public static void StartHeld(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, string why)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        var dormant = run.WaitsForEvent && run.EventOn is null;
        run.Status = dormant ? RunStatus.Dormant : RunStatus.Waiting;
        run.Bookmarks.Clear();
        if (dormant)
        {
            run.Bookmarks.Add(new Bookmark(definition.Root.Start?.Id ?? "(trống)", null, SignalKind.Event));
        }

        run.History.Add(new HistoryEntry(now, null, "không theo dõi", why));
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

    /// <summary>Resumes every timer bookmark of a run whose moment has come; <paramref name="now"/> is when the timer fired.</summary>
    public void Resume(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Status != RunStatus.Waiting)
        {
            return; // a stale trigger: the run finished; nothing to do
        }

        var due = run.Bookmarks.Where(b => b.At is { } at && at <= now).OrderBy(b => b.At).ToList();
        if (due.Count == 0)
        {
            return; // a stale trigger: the run moved on
        }

        var graph = GraphOf(definition);
        var tokens = new List<Token>();
        foreach (var bookmark in due)
        {
            run.Bookmarks.Remove(bookmark);
            var at = bookmark.At!.Value;
            var late = now > at.PlusTicks(lateAfter.BclCompatibleTicks);
            if (late)
            {
                run.History.Add(new HistoryEntry(now, bookmark.ActivityId, "chạy bù", $"mốc {Moment(at)} đã qua khi máy chủ ngừng"));
            }

            if (!graph.TryGet(bookmark.ActivityId, out var waiting))
            {
                continue;
            }

            if (!bookmark.Parked && graph.Trigger == waiting)
            {
                Rearm(run, waiting, at, now);
            }

            if (bookmark.Parked)
            {
                tokens.Add(new Token(waiting, at, late, null, false));
            }
            else
            {
                tokens.AddRange(graph.Next(waiting, Done).Select(next => new Token(next, at, late, waiting.Id, false)));
                if (!graph.Next(waiting, Done).Any())
                {
                    tokens.Add(Token.PathEnd(waiting, at));
                }
            }
        }

        Run(run, graph, tokens, now, sink);
    }

    /// <summary>Hourly: how often a repeating trigger may fire at most (issue 12's floor).</summary>
    private static readonly Duration TriggerFloor = Duration.FromHours(1);

    /// <summary>
    /// Elsa's Timer and Cron are triggers: as the flowchart's start they fire again and again, each firing running the
    /// flowchart from them (in Elsa, a new instance each time). Here they keep firing for the milestone until its
    /// workflow ends (the milestone is done, an End, the plan closed): after the one at <paramref name="at"/>, the next
    /// one strictly after <paramref name="now"/> (firings missed while the server was down are not replayed). A Timer
    /// repeats at most hourly: a shorter interval gives its first firing, then the floor (recorded when it starts).
    /// </summary>
    private static void Rearm(MilestoneRun run, Activity trigger, LocalDateTime at, LocalDateTime now)
    {
        LocalDateTime? next;
        if (trigger is Definitions.Workflows.Timer timer)
        {
            var period = timer.Interval < TriggerFloor ? TriggerFloor : timer.Interval;
            var candidate = at.PlusTicks(period.BclCompatibleTicks);
            while (candidate <= now)
            {
                candidate = candidate.PlusTicks(period.BclCompatibleTicks);
            }

            next = candidate;
        }
        else
        {
            next = ((Cron)trigger).NextAfter(now > at ? now : at);
        }

        if (next is { } moment)
        {
            run.Bookmarks.Add(new Bookmark(trigger.Id, moment, null));
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

    private void Signal(MilestoneRun run, WorkflowDefinition definition, List<Bookmark> waiting, LocalDateTime now, INotificationSink sink)
    {
        var graph = GraphOf(definition);
        foreach (var b in waiting)
        {
            run.Bookmarks.Remove(b);
        }

        Run(run, graph, [.. waiting.SelectMany(b => Continuations(graph, b, now, afterDone: false))], now, sink);
    }

    private static IEnumerable<Token> Continuations(Graph graph, Bookmark bookmark, LocalDateTime now, bool afterDone)
    {
        if (!graph.TryGet(bookmark.ActivityId, out var activity))
        {
            yield break;
        }

        var next = graph.Next(activity, Done);
        if (next.Count == 0)
        {
            yield return Token.PathEnd(activity, now);
        }

        foreach (var target in next)
        {
            yield return new Token(target, now, false, activity.Id, afterDone);
        }
    }

    private static void InitialiseVariables(MilestoneRun run, WorkflowDefinition definition)
    {
        if (definition.Variables() is not JsonArray declared)
        {
            return;
        }

        foreach (var v in declared.OfType<JsonObject>())
        {
            if (v["name"]?.GetValue<string>() is not { Length: > 0 } name || run.Variables.ContainsKey(name))
            {
                continue;
            }

            var typeName = v["typeName"] is JsonValue t && t.TryGetValue(out string? tn) ? tn : null;
            var value = v["value"];
            run.Variables[name] = value is JsonValue text && text.TryGetValue(out string? s) && typeName is "Int32" or "Int64" or "Double" or "Decimal"
                && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : value is JsonValue text2 && text2.TryGetValue(out string? b) && typeName == "Boolean" && bool.TryParse(b, out var flag)
                    ? JsonValue.Create(flag)
                    : value?.DeepClone();
        }
    }

    /// <summary>One branch about to run <see cref="Activity"/>: the moment it belongs to, whether that moment is late,
    /// the activity it came from (for joins), whether it runs after the milestone was reported done.</summary>
    private sealed record Token(Activity Activity, LocalDateTime Moment, bool Late, string? From, bool AfterDone)
    {
        /// <summary>Not an activity to run: the branch through <see cref="Activity"/> ended (for FlowNode bodies).</summary>
        public bool Ended { get; init; }

        public static Token PathEnd(Activity activity, LocalDateTime moment) => new(activity, moment, false, null, false) { Ended = true };
    }

    private void Run(MilestoneRun run, Graph graph, List<Token> initial, LocalDateTime now, INotificationSink sink, bool stopWhenWaiting = false)
    {
        var queue = new Queue<Token>(initial);
        string? lastEnded = null;
        while (queue.TryDequeue(out var token) || Release(run, graph, queue, now))
        {
            if (token is null)
            {
                continue; // Release queued held branches: take them in the next round
            }

            if (run.Status == RunStatus.Finished && !token.AfterDone)
            {
                return;
            }

            if (token.Ended)
            {
                EndOfPath(run, graph, token.Activity, token.Moment, queue);
                continue;
            }

            if (run.DoneOn is not null && !token.AfterDone)
            {
                Finish(run, token.Activity.Id, now, "đã hoàn thành");
                return;
            }

            if (Held(run, graph, queue, token))
            {
                continue;
            }

            if (!CountStep(run, now, token.Activity))
            {
                return;
            }

            IReadOnlyList<string> ports;
            var moment = token.Moment;
            var late = token.Late;
            try
            {
                var outcome = Execute(run, graph, token, now, sink, queue);
                if (outcome is null)
                {
                    if (run.Status == RunStatus.Finished)
                    {
                        return;
                    }

                    continue; // waiting (a bookmark), or the branch is held by a join
                }

                (ports, moment, late) = outcome.Value;
            }
            catch (ExpressionException e)
            {
                run.Fault = $"{token.Activity.Id}: {e.Message}";
                run.History.Add(new HistoryEntry(now, token.Activity.Id, "lỗi", $"{token.Activity.Caption}: {e.Message} Nhánh này dừng; hãy sửa định nghĩa quy trình."));
                EndOfPath(run, graph, token.Activity, moment, queue);
                continue;
            }

            var followed = false;
            foreach (var port in ports)
            {
                foreach (var next in graph.Next(token.Activity, port))
                {
                    queue.Enqueue(new Token(next, moment, late, token.Activity.Id, token.AfterDone));
                    followed = true;
                }
            }

            if (!followed)
            {
                lastEnded = token.Activity.Id;
                EndOfPath(run, graph, token.Activity, moment, queue);
            }
        }

        if (run.Status != RunStatus.Finished && run.Bookmarks.Count == 0 && !stopWhenWaiting)
        {
            Finish(run, lastEnded, now, "hết quy trình");
        }
    }

    /// <summary>
    /// Elsa's implicit join: an activity several activities lead to (not a FlowJoin) runs once when the branches that
    /// can still reach it have arrived. True when <paramref name="token"/> is held to wait for another branch.
    /// </summary>
    private static bool Held(MilestoneRun run, Graph graph, Queue<Token> queue, Token token)
    {
        var id = token.Activity.Id;
        if (token.From is null || token.Activity is FlowJoin || graph.InboundSources(id) is not { Count: > 1 } sources)
        {
            return false;
        }

        var arrived = run.Joins.TryGetValue(id, out var set) ? set : run.Joins[id] = new HashSet<string>(StringComparer.Ordinal);
        arrived.Add(token.From);
        if (sources.Where(s => !arrived.Contains(s)).Any(missing => MayArrive(run, graph, queue, id, missing)))
        {
            return true;
        }

        run.Joins.Remove(id);
        return false;
    }

    /// <summary>Whether a branch from <paramref name="source"/> may still reach <paramref name="target"/>: one is queued,
    /// or <paramref name="source"/> is reachable from a queued branch or a waiting one.</summary>
    private static bool MayArrive(MilestoneRun run, Graph graph, Queue<Token> queue, string target, string source)
    {
        if (queue.Any(t => t.Activity.Id == target && t.From == source))
        {
            return true;
        }

        // Where branches may still come from: queued steps, waits, and branches held at other joins.
        var pending = new Stack<string>(queue.Where(t => !t.Ended).Select(t => t.Activity.Id)
            .Concat(run.Bookmarks.Select(b => b.ActivityId))
            .Concat(run.Joins.Keys.Where(k => k != target)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var current))
        {
            if (current == source)
            {
                return true;
            }

            if (current != target && seen.Add(current))
            {
                foreach (var next in graph.Successors(current))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>When nothing is queued: the held branches whose missing branches can no longer come run now, and a WaitAll
    /// FlowJoin whose missing branches can no longer come is skipped (its path ends). True when something was queued.</summary>
    private static bool Release(MilestoneRun run, Graph graph, Queue<Token> queue, LocalDateTime now)
    {
        if (run.Status == RunStatus.Finished)
        {
            return false;
        }

        foreach (var (id, arrived) in run.Joins.ToList())
        {
            if (!graph.TryGet(id, out var activity))
            {
                continue;
            }

            if (activity is FlowJoin join)
            {
                if (join.Mode == FlowJoinMode.WaitAll && DecideWaitAll(run, graph, join, queue, now) is false)
                {
                    queue.Enqueue(Token.PathEnd(join, now));
                    return true;
                }

                continue;
            }

            if (!graph.InboundSources(id).Where(s => !arrived.Contains(s)).Any(missing => MayArrive(run, graph, queue, id, missing)))
            {
                run.Joins.Remove(id);
                queue.Enqueue(new Token(activity, now, false, null, false));
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Elsa's FlowJoin, with Elsa 3's rule for inbound branches that can no longer come (a decision took the other port, a
    /// branch ended or failed): <see cref="FlowJoinMode.WaitAny"/> goes on with the first branch and cancels the branches
    /// still on their way to it (their waits and queued steps), so a loop through it joins again next time;
    /// <see cref="FlowJoinMode.WaitAll"/> goes on when every inbound branch has arrived, waits while a missing one can
    /// still arrive, and is skipped (recorded, nothing after it runs) once one cannot. True when the join goes on now.
    /// </summary>
    private static bool Join(MilestoneRun run, Graph graph, FlowJoin join, Token token, Queue<Token> queue, LocalDateTime now)
    {
        if (join.Mode == FlowJoinMode.WaitAny)
        {
            run.Joins.Remove(join.Id);
            CancelInbound(run, graph, join.Id, queue);
            return true;
        }

        var arrived = run.Joins.TryGetValue(join.Id, out var set) ? set : run.Joins[join.Id] = new HashSet<string>(StringComparer.Ordinal);
        arrived.Add(token.From ?? string.Empty);
        return DecideWaitAll(run, graph, join, queue, now) ?? false;
    }

    /// <summary>A WaitAll join with branches arrived: true to go on (all arrived), null to keep waiting (a missing one may
    /// still come), false when it is skipped (a missing one cannot come any more; recorded on the timeline).</summary>
    private static bool? DecideWaitAll(MilestoneRun run, Graph graph, FlowJoin join, Queue<Token> queue, LocalDateTime now)
    {
        var arrived = run.Joins[join.Id];
        var missing = graph.InboundSources(join.Id).Where(s => !arrived.Contains(s)).ToList();
        if (missing.Count == 0)
        {
            run.Joins.Remove(join.Id);
            return true;
        }

        if (missing.Any(source => MayArrive(run, graph, queue, join.Id, source)))
        {
            return null;
        }

        run.Joins.Remove(join.Id);
        run.History.Add(new HistoryEntry(now, join.Id, "bỏ qua gộp nhánh",
            $"{join.Caption} chờ mọi nhánh (WaitAll) nhưng nhánh từ {string.Join(", ", missing.Select(m => $"\"{m}\""))} không còn tới được "
            + "(điều kiện đã rẽ sang nhánh khác, hoặc nhánh đã dừng): như Elsa, các bước sau nó không chạy."));
        return false;
    }

    /// <summary>Elsa's WaitAny cancels what is still on its way to the join: the waits and queued steps of activities that
    /// lead to it and do not come after it (a loop through the join keeps what follows it).</summary>
    private static void CancelInbound(MilestoneRun run, Graph graph, string join, Queue<Token> queue)
    {
        var ancestors = graph.Ancestors(join);
        ancestors.ExceptWith(graph.Descendants(join));
        ancestors.Add(join); // other branches already queued for the join itself
        run.Bookmarks.RemoveAll(b => ancestors.Contains(b.ActivityId) && b.ActivityId != join);
        var keep = queue.Where(t => !ancestors.Contains(t.Activity.Id)).ToList();
        queue.Clear();
        foreach (var t in keep)
        {
            queue.Enqueue(t);
        }
    }

    /// <summary>A branch ended at <paramref name="activity"/>: when it was the last one of a FlowNode's body, the
    /// FlowNode goes on from its Done port.</summary>
    private static void EndOfPath(MilestoneRun run, Graph graph, Activity activity, LocalDateTime moment, Queue<Token> queue)
    {
        if (graph.Owner(activity.Id) is not { } owner)
        {
            return;
        }

        var members = graph.Members(owner.Id);
        if (queue.Any(t => members.Contains(t.Activity.Id)) || run.Bookmarks.Any(b => members.Contains(b.ActivityId)))
        {
            return;
        }

        var next = graph.Next(owner, Done);
        foreach (var target in next)
        {
            queue.Enqueue(new Token(target, moment, false, owner.Id, false));
        }

        if (next.Count == 0)
        {
            queue.Enqueue(Token.PathEnd(owner, moment));
        }
    }

    /// <summary>Counts a step against the day's cap; past the cap the workflow stops, recorded on its timeline.</summary>
    private bool CountStep(MilestoneRun run, LocalDateTime now, Activity activity)
    {
        if (run.StepsDay != now.Date)
        {
            run.StepsDay = now.Date;
            run.StepsToday = 0;
        }

        if (++run.StepsToday <= options.MaxStepsPerDay)
        {
            return true;
        }

        run.Fault = $"{activity.Id}: quá {options.MaxStepsPerDay} bước trong một ngày";
        run.History.Add(new HistoryEntry(now, activity.Id, "dừng quy trình",
            $"mốc này đã chạy quá {options.MaxStepsPerDay} bước trong ngày {Day(now.Date)} (vòng lặp không chờ?); quy trình dừng để không chạy mãi. Hãy sửa định nghĩa rồi gia hạn hoặc nhập lại mốc."));
        Finish(run, activity.Id, now, "vượt giới hạn bước mỗi ngày");
        return false;
    }

    /// <summary>Runs one activity. Null when the branch stops here for now (a wait, a join still waiting, the end);
    /// otherwise the ports to follow and the moment and lateness the next activities inherit.</summary>
    private (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? Execute(MilestoneRun run, Graph graph, Token token, LocalDateTime now, INotificationSink sink, Queue<Token> queue)
    {
        var moment = token.Moment;
        var late = token.Late;
        IReadOnlyList<string> done = [Done];
        if (graph.Trigger == token.Activity && run.Bookmarks.Any(b => b.ActivityId == token.Activity.Id && b.IsTimer))
        {
            return ([], moment, late); // a loop back to the repeating trigger: it fires again anyway
        }

        switch (token.Activity)
        {
            case CchcActivity ours:
                return new MilestoneContext(this, run, ours, token, now, sink).Run();

            case Definitions.Workflows.Start:
                return (done, moment, late);

            case Delay delay:
                Suspend(run, delay.Id, now.PlusTicks(delay.TimeSpan.BclCompatibleTicks));
                return null;

            case Definitions.Workflows.Timer timer:
                if (graph.Trigger == timer && timer.Interval < TriggerFloor)
                {
                    run.History.Add(new HistoryEntry(now, timer.Id, "lặp lại",
                        $"{timer.Caption} mỗi {timer.Interval.ToString("H:mm:ss", CultureInfo.InvariantCulture)}: lần đầu sau một chu kỳ, các lần sau cách nhau 1 giờ (không dày hơn mỗi giờ một lần)"));
                }

                Suspend(run, timer.Id, now.PlusTicks(timer.Interval.BclCompatibleTicks));
                return null;

            case Cron cron:
                if (cron.NextAfter(now) is not { } next)
                {
                    return ([], moment, late);
                }

                Suspend(run, cron.Id, next);
                return null;

            case StartAt startAt:
                {
                    var at = MomentOf(startAt, run, now);
                    if (at > now)
                    {
                        Suspend(run, startAt.Id, at);
                        return null;
                    }

                    return (done, run.CatchingUp ? now : at, true);
                }

            case ElsaEvent wait:
                run.Bookmarks.Add(new Bookmark(wait.Id, null, null) { EventName = wait.EventName });
                return null;

            case PublishEvent publish:
                {
                    var waiting = run.Bookmarks.Where(b => b.EventName == publish.EventName && b.At is null).ToList();
                    foreach (var b in waiting)
                    {
                        run.Bookmarks.Remove(b);
                        foreach (var t in Continuations(graph, b, now, token.AfterDone))
                        {
                            queue.Enqueue(t);
                        }
                    }

                    run.History.Add(new HistoryEntry(now, publish.Id, "phát sự kiện", $"sự kiện \"{publish.EventName}\": {waiting.Count} nhánh đang chờ đi tiếp"));
                    return (done, moment, late);
                }

            case FlowDecision decision:
                return ([Condition(decision.Condition, run, now) ? MilestoneDecision.TruePort : MilestoneDecision.FalsePort], moment, late);

            case ElsaIf condition:
                return ([Condition(condition.Condition, run, now) ? MilestoneDecision.TruePort : MilestoneDecision.FalsePort, Done], moment, late);

            case SetVariable set:
                run.Variables[set.Variable] = set.Value switch
                {
                    Expression e => JsonValueOf(options.Expressions.Evaluate(e, Scope(run, now))),
                    string text => JsonValue.Create(text),
                    _ => null,
                };
                return (done, moment, late);

            case WriteLine line:
                {
                    var text = Text(line.Text, run, now);
                    run.History.Add(new HistoryEntry(now, line.Id, "ghi chép", text.Length > 2_000 ? text[..2_000] + "…" : text));
                    return (done, moment, late);
                }

            case FlowFork fork:
                return (fork.OutPorts, moment, late);

            case FlowJoin join:
                return Join(run, graph, join, token, queue, now) ? (done, moment, late) : null;

            case FlowNode node:
                if (node.Body?.Start is not { } bodyStart)
                {
                    return (done, moment, late);
                }

                queue.Enqueue(new Token(bodyStart, moment, late, node.Id, token.AfterDone));
                return null;

            case SendEmail email:
                HandOver(run, moment.Date, now); // whoever leads on the email's day (the workflow input's Lead)
                SendEmail(run, sink, email, now, moment, late);
                return (done, moment, false);

            case End:
                if (graph.Owner(token.Activity.Id) is { } owner)
                {
                    // An End inside a FlowNode's body ends that body: its other branches stop, the FlowNode goes on.
                    var members = graph.Members(owner.Id);
                    run.Bookmarks.RemoveAll(b => members.Contains(b.ActivityId));
                    var rest = queue.Where(t => !members.Contains(t.Activity.Id)).ToList();
                    queue.Clear();
                    foreach (var t in rest)
                    {
                        queue.Enqueue(t);
                    }

                    foreach (var after in graph.Next(owner, Done))
                    {
                        queue.Enqueue(new Token(after, moment, false, owner.Id, token.AfterDone));
                    }

                    return null;
                }

                if (graph.Trigger is { } trigger && run.Bookmarks.FirstOrDefault(b => b.ActivityId == trigger.Id && b.IsTimer && !b.Parked) is { } firing)
                {
                    // As in Elsa, where each firing of a trigger is its own instance: End ends this firing's branches, the trigger fires again.
                    run.Bookmarks.RemoveAll(b => b != firing);
                    run.Joins.Clear();
                    queue.Clear();
                    run.History.Add(new HistoryEntry(now, token.Activity.Id, "kết thúc lượt", $"lượt chạy này kết thúc; {trigger.Caption} chạy lại lúc {Moment(firing.At!.Value)}"));
                    return null;
                }

                Finish(run, token.Activity.Id, now, "kết thúc");
                return null;

            default:
                throw new ExpressionException($"loại hoạt động \"{token.Activity.Type}\" không chạy được ở đây. Các loại dùng được: {ActivityCatalog.SupportedTypes}.");
        }
    }

    private ExpressionScope Scope(MilestoneRun run, LocalDateTime now)
    {
        var open = run.DoneOn is null && run.Status != RunStatus.Dormant;
        var overdue = open && run.EffectiveDue is { } due && now.Date > due ? Period.Between(due, now.Date, PeriodUnits.Days).Days : 0;
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Plan"] = run.Key.Plan.Value,
            ["PlanNumber"] = run.PlanNumber,
            ["Task"] = run.Key.Task.Value,
            ["Milestone"] = run.Key.Number,
            ["Title"] = run.Title,
            ["Product"] = run.Product,
            ["Due"] = run.Due is { } d ? Iso(d) : null,
            ["Effective"] = run.EffectiveDue is { } e ? Iso(e) : null,
            ["Lead"] = run.Lead.Select(a => a.ToString()).ToArray(),
            ["Coordinators"] = run.Coordinators.Select(a => a.ToString()).ToArray(),
            ["ReportLink"] = options.ReportLink?.Invoke(run),
            ["Done"] = run.DoneOn is not null,
            ["DaysOverdue"] = overdue,
        };
        return new ExpressionScope(input, run.Variables);
    }

    private bool Condition(object condition, MilestoneRun run, LocalDateTime now) => condition switch
    {
        bool flag => flag,
        Expression e => options.Expressions.Evaluate(e, Scope(run, now)) switch
        {
            bool b => b,
            null => false,
            double number => number != 0 && !double.IsNaN(number),
            string text when bool.TryParse(text.Trim(), out var parsed) => parsed,
            string text => text.Length > 0,
            _ => true,
        },
        _ => false,
    };

    private string Text(object? value, MilestoneRun run, LocalDateTime now, bool htmlIntent = false) => value switch
    {
        null => string.Empty,
        Expression e => ExpressionEvaluator.Text(options.Expressions.Evaluate(e, Scope(run, now), htmlIntent)),
        _ => ExpressionEvaluator.Text(value),
    };

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd"),
    ];

    private LocalDateTime MomentOf(StartAt startAt, MilestoneRun run, LocalDateTime now)
    {
        if (startAt.DateTime is LocalDateTime fixedMoment)
        {
            return fixedMoment;
        }

        var value = options.Expressions.Evaluate((Expression)startAt.DateTime, Scope(run, now));
        switch (value)
        {
            case Instant instant:
                return instant.InZone(WorkflowDefinition.TimeZone).LocalDateTime;
            case string text:
                {
                    text = text.Trim();
                    foreach (var pattern in LocalPatterns)
                    {
                        if (pattern.Parse(text) is { Success: true } local)
                        {
                            return local.Value;
                        }
                    }

                    if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
                    {
                        return offset.Value.ToInstant().InZone(WorkflowDefinition.TimeZone).LocalDateTime;
                    }

                    if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc)
                    {
                        return utc.Value.InZone(WorkflowDefinition.TimeZone).LocalDateTime;
                    }

                    throw new ExpressionException($"\"dateTime\" cho ra \"{text}\", không phải thời điểm ISO-8601 (ví dụ 2025-03-24T08:00:00+07:00).");
                }

            default:
                throw new ExpressionException($"\"dateTime\" phải cho ra một Date của JavaScript hoặc chuỗi ISO-8601, không phải \"{ExpressionEvaluator.Text(value)}\".");
        }
    }

    private static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        Instant instant => JsonValue.Create(ExpressionEvaluator.Text(instant)),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value),
    };

    /// <summary>The recipients an email input names: agency ids or addresses, from a literal list or an expression.</summary>
    private List<string> Recipients(object? value, MilestoneRun run, LocalDateTime now, string input)
    {
        var raw = value switch
        {
            null => [],
            Expression e => options.Expressions.Evaluate(e, Scope(run, now)) switch
            {
                null => [],
                IEnumerable<object?> list => list.Select(ExpressionEvaluator.Text),
                var single => ExpressionEvaluator.Text(single).Split([',', ';']),
            },
            string text => text.Split([',', ';']),
            _ => [ExpressionEvaluator.Text(value)],
        };
        var names = raw.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (name.Contains('@', StringComparison.Ordinal))
            {
                if (Workflow.Notifications.Delivery.MailMessages.Address(name) is null)
                {
                    throw new ExpressionException($"\"{input}\": \"{name}\" không phải địa chỉ thư hợp lệ.");
                }
            }
            else if (!AgencyId.TryParse(name, out var id) || options.Agencies is { } directory && !directory.TryGet(id, out _))
            {
                throw new ExpressionException($"\"{input}\": \"{name}\" không phải mã cơ quan trong danh bạ (agencies.yaml) cũng không phải địa chỉ thư; thư không gửi được tới đâu.");
            }
            else if (options.Agencies is { } known && known.TryGet(id, out var agency) && string.IsNullOrWhiteSpace(agency.Email))
            {
                throw new ExpressionException($"\"{input}\": cơ quan \"{name}\" không có địa chỉ thư trong danh bạ (agencies.yaml).");
            }
        }

        return names;
    }

    private void SendEmail(MilestoneRun run, INotificationSink sink, SendEmail email, LocalDateTime now, LocalDateTime moment, bool late)
    {
        var to = Recipients(email.To, run, now, "to");
        if (to.Count == 0)
        {
            throw new ExpressionException("\"to\" không cho ra người nhận nào; thư không gửi được tới đâu.");
        }

        var cc = Recipients(email.Cc, run, now, "cc");
        var subject = Text(email.Subject, run, now).ReplaceLineEndings(" ").Trim();
        var bodySource = email.Body is Expression { Language: ExpressionLanguage.Liquid } liquid ? liquid.Text : email.Body as string;
        var html = IsHtml(bodySource);
        var body = Text(email.Body, run, now, htmlIntent: html);
        if (email.Body is Expression { Language: ExpressionLanguage.JavaScript })
        {
            html = IsHtml(body);
        }

        var notification = new Notification
        {
            Kind = NotificationKind.Email,
            At = moment,
            Plan = run.Key.Plan.Value,
            Task = run.Key.Task.Value,
            Milestone = run.Key.Number,
            Due = run.EffectiveDue ?? moment.Date,
            To = to,
            Cc = cc,
            Template = "email",
            Activity = email.Id,
            Subject = subject.Length == 0 ? "(không có tiêu đề)" : subject,
            Body = body,
            BodyIsHtml = html,
        };
        run.History.Add(sink.Add(notification)
            ? new HistoryEntry(now, email.Id, NotificationKind.Email.Label(), $"\"{notification.Subject}\" tới {string.Join(", ", to)}" + (late ? $" (gửi bù cho mốc {Moment(moment)})" : string.Empty))
            : new HistoryEntry(now, email.Id, NotificationKind.Email.Label(), $"đã gửi thư này trong ngày (mốc {Moment(moment)}): gộp làm một"));
    }

    /// <summary>A body is HTML by intent when it starts with a tag ("&lt;p&gt;", "&lt;!DOCTYPE html&gt;").</summary>
    private static bool IsHtml(string? body) =>
        body is not null && body.TrimStart() is { Length: > 2 } t && t[0] == '<' && (char.IsAsciiLetter(t[1]) || t[1] == '!');

    private static bool Holds(MilestoneCondition condition, MilestoneRun run, LocalDateTime now) => condition switch
    {
        MilestoneCondition.Done => run.DoneOn is not null,
        MilestoneCondition.Open => run.IsOpen,
        MilestoneCondition.Overdue => run.IsOpen && run.EffectiveDue is { } due && now.Date > due,
        MilestoneCondition.Extended => run.Extended,
        MilestoneCondition.Dormant => run.Status == RunStatus.Dormant,
        _ => false,
    };

    private static void Send(MilestoneRun run, INotificationSink sink, NotificationKind kind, string activityId, LocalDateTime now, LocalDateTime moment, IReadOnlyList<string> to, IReadOnlyList<string> cc, string template, bool late)
    {
        var notification = new Notification
        {
            Kind = kind,
            At = moment,
            Plan = run.Key.Plan.Value,
            Task = run.Key.Task.Value,
            Milestone = run.Key.Number,
            Due = run.EffectiveDue!.Value,
            To = to,
            Cc = cc,
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
        run.Bookmarks.Add(new Bookmark(activityId, at, null));
    }

    private static void Finish(MilestoneRun run, string? activityId, LocalDateTime now, string why)
    {
        run.Status = RunStatus.Finished;
        run.Bookmarks.Clear();
        run.Joins.Clear();
        run.History.Add(new HistoryEntry(now, activityId, "kết thúc", why));
    }

    /// <summary>What one of our activities (<see cref="CchcActivity"/>) sees of the milestone it runs for, and how what it
    /// asks becomes bookmarks, outbox rows and timeline lines.</summary>
    private sealed class MilestoneContext(WorkflowEngine engine, MilestoneRun run, CchcActivity activity, Token token, LocalDateTime now, INotificationSink sink) : IMilestoneContext
    {
        private bool handedOver;

        public LocalDateTime Now => now;

        public LocalDateTime Moment => token.Moment;

        public bool Late => token.Late;

        public bool CatchingUp => run.CatchingUp;

        public LocalDate EffectiveDue => run.EffectiveDue ?? throw new InvalidOperationException($"milestone {run.Key} has no due date yet");

        public WorkingCalendar Calendar => engine.calendar;

        public IReadOnlyList<AgencyId> Lead
        {
            get
            {
                if (!handedOver)
                {
                    handedOver = true;
                    engine.HandOver(run, Moment.Date, now); // whoever leads on the notification's day
                }

                return run.Lead;
            }
        }

        public IReadOnlyList<AgencyId> Coordinators => HoldersOf(run.Coordinators);

        public AgencyId FollowUpAgency => engine.followUpAgency;

        public IReadOnlyList<AgencyId> HoldersOf(IReadOnlyList<AgencyId> agencies) => engine.Holders(agencies, Moment.Date);

        public bool Holds(MilestoneCondition condition) => WorkflowEngine.Holds(condition, run, now);

        public void Notify(NoticeKind kind, IReadOnlyList<AgencyId> recipients, IReadOnlyList<AgencyId> copied, string templateName) =>
            Send(run, sink, kind switch
            {
                NoticeKind.Reminder => NotificationKind.Reminder,
                NoticeKind.Overdue => NotificationKind.Overdue,
                _ => NotificationKind.Escalation,
            }, activity.Id, now, Moment, [.. recipients.Select(a => a.ToString())], [.. copied.Select(a => a.ToString())], templateName, Late);

        public void Record(string what, string detail) => run.History.Add(new HistoryEntry(now, activity.Id, what, detail));

        public (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? Run()
        {
            switch (activity.Run(this))
            {
                case ActivityResult.FollowPorts follow:
                    return (follow.Ports, follow.Moment, follow.Late);
                case ActivityResult.WaitUntil wait:
                    Suspend(run, activity.Id, wait.At);
                    return null;
                case ActivityResult.WaitFor signal:
                    run.Bookmarks.Add(new Bookmark(activity.Id, null, signal.Signal));
                    return null;
                default:
                    throw new InvalidOperationException($"{activity.Type} returned an unknown result");
            }
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(LocalDate? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(chưa có)";

    private static string Moment(LocalDateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static Graph GraphOf(WorkflowDefinition definition) => Graphs.GetValue(definition, d => new Graph(d.Root));

    /// <summary>Every activity of a definition, nested bodies included, with the flowchart that holds it and the
    /// FlowNode that owns that flowchart (null at the root).</summary>
    private sealed class Graph
    {
        private readonly Dictionary<string, (Activity Activity, Flowchart Chart, FlowNode? Owner)> byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> members = new(StringComparer.Ordinal);

        public Graph(Flowchart root)
        {
            Add(root, null);
            Trigger = root.Start is Definitions.Workflows.Timer or Cron ? root.Start : null;
        }

        /// <summary>The root's start when it is a repeating trigger (Elsa's Timer or Cron), else null.</summary>
        public Activity? Trigger { get; }

        private void Add(Flowchart chart, FlowNode? owner)
        {
            foreach (var activity in chart.Activities)
            {
                byId[activity.Id] = (activity, chart, owner);
                if (owner is not null)
                {
                    AddMember(owner.Id, activity.Id);
                }

                if (activity is FlowNode { Body: { } body } node)
                {
                    Add(body, node);
                    if (owner is not null)
                    {
                        foreach (var inner in members.GetValueOrDefault(node.Id) ?? [])
                        {
                            AddMember(owner.Id, inner);
                        }
                    }
                }
            }
        }

        private void AddMember(string owner, string id)
        {
            if (!members.TryGetValue(owner, out var set))
            {
                members[owner] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(id);
        }

        public bool TryGet(string id, out Activity activity)
        {
            var found = byId.TryGetValue(id, out var entry);
            activity = entry.Activity;
            return found;
        }

        public IReadOnlyList<Activity> Next(Activity from, string port) =>
            byId.TryGetValue(from.Id, out var entry) && from.OutPorts.Contains(port, StringComparer.Ordinal) ? entry.Chart.Next(entry.Activity, port) : [];

        public FlowNode? Owner(string id) => byId.TryGetValue(id, out var entry) ? entry.Owner : null;

        /// <summary>Every activity a connection from <paramref name="id"/> leads to, whatever the port.</summary>
        public IEnumerable<string> Successors(string id) =>
            byId.TryGetValue(id, out var entry) ? entry.Chart.Connections.Where(c => c.Source == id).Select(c => c.Target) : [];

        public HashSet<string> Members(string owner) => members.GetValueOrDefault(owner) ?? [];

        /// <summary>Every activity of <paramref name="id"/>'s flowchart with a path to it.</summary>
        public HashSet<string> Ancestors(string id) => Walk(id, c => c.Target, c => c.Source);

        /// <summary>Every activity of <paramref name="id"/>'s flowchart with a path from it.</summary>
        public HashSet<string> Descendants(string id) => Walk(id, c => c.Source, c => c.Target);

        private HashSet<string> Walk(string id, Func<Connection, string> from, Func<Connection, string> to)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            if (!byId.TryGetValue(id, out var entry))
            {
                return found;
            }

            var pending = new Stack<string>([id]);
            while (pending.TryPop(out var current))
            {
                foreach (var next in entry.Chart.Connections.Where(c => from(c) == current).Select(to))
                {
                    if (found.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            return found;
        }

        public IReadOnlyList<string> InboundSources(string id) =>
            byId.TryGetValue(id, out var entry) ? [.. entry.Chart.Inbound(id).Select(c => c.Source).Distinct(StringComparer.Ordinal)] : [];
    }
}
