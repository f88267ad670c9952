using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Notifications;

namespace Workflow.Host.Simulation;

/// <summary>What a coordinator says happened during a simulation: a task (or one milestone) done, an event recorded.</summary>
/// <param name="Task">The task.</param>
/// <param name="Milestone">The milestone's number, or null for every milestone of the task.</param>
/// <param name="On">The day it happened; it counts from the start of that day.</param>
public sealed record SimulatedDone(TaskId Task, int? Milestone, LocalDate On);

public sealed record SimulatedEvent(TaskId Task, LocalDate On);

/// <summary>
/// Runs the real <see cref="WorkflowEngine"/> over a plan on a virtual clock: no waiting, nothing
/// persisted. Each run starts at the first moment of <c>from</c>; timers, reports and events are
/// processed in time order (at the same moment, what a coordinator recorded comes first);
/// notifications due after the last moment of <c>to</c> are not sent. A run is held to a
/// <see cref="SimulationBudget"/> and stops when <c>ct</c> is cancelled (a client that left).
/// </summary>
public sealed class Simulator(WorkingCalendar calendar, AgencyId followUpAgency, MilestonePlanner planner)
{
    private readonly WorkflowEngine engine = new(calendar, followUpAgency, null, new EngineOptions { Agencies = planner.Agencies });

    /// <remarks>Every run's history is dropped as the run goes unless <c>keepHistory</c> (what a test or a timeline reads).</remarks>
    /// <exception cref="SimulationBudgetExceededException">The span is outside <paramref name="budget"/> (default <see cref="SimulationBudget.Command"/>), or the run went past it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public SimulationResult Run(Plan plan, LocalDate from, LocalDate to, IReadOnlyList<SimulatedDone> done, IReadOnlyList<SimulatedEvent> events, WorkflowDefinition? forced = null, SimulationBudget? budget = null, bool keepHistory = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(events);
        if (to < from)
        {
            throw new ArgumentException("--to comes before --from.", nameof(to));
        }

        budget ??= SimulationBudget.Command;
        if (budget.SpanProblem(from, to) is { } span)
        {
            throw new SimulationBudgetExceededException(span);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread(); // the run is synchronous: this thread's allocations are the run's
        long steps = 0;
        using var activity = Telemetry.Start(plan, forced, from, to, ct);
        var sink = new ListSink();
        try
        {
            var runs = planner.Plan(plan, forced);
            var queue = new PriorityQueue<(MilestoneRun Run, WorkflowDefinition Definition, Action<LocalDateTime> Act), (LocalDateTime At, int Order, long Seq)>();
            long seq = 0;
            var start = from.AtMidnight();
            var end = to.PlusDays(1).AtMidnight();

            // At one moment, what a coordinator recorded (order 0) comes before timers (order 1).
            foreach (var (run, definition) in runs)
            {
                queue.Enqueue((run, definition, now => engine.Start(run, definition, now, sink)), (start, 1, seq++));
                foreach (var d in done.Where(d => d.Task == run.Key.Task && (d.Milestone is null || d.Milestone == run.Key.Number)))
                {
                    queue.Enqueue((run, definition, now => engine.ReportDone(run, definition, d.On, now, "báo cáo hoàn thành", sink)), (Max(start, d.On.AtMidnight()), 0, seq++));
                }

                foreach (var e in events.Where(e => e.Task == run.Key.Task))
                {
                    queue.Enqueue((run, definition, now => engine.RecordEvent(run, definition, e.On, now, sink)), (Max(start, e.On.AtMidnight()), 0, seq++));
                }
            }

            // After each step, the run's earliest timer (if it changed) is queued at its moment; a timer whose bookmark
            // went meanwhile (done, extended, resumed with another) finds nothing due and does nothing.
            while (queue.TryDequeue(out var step, out var key) && key.At < end)
            {
                if (++steps > budget.MaxSteps)
                {
                    throw new SimulationBudgetExceededException(budget.StepsExceeded(key.At));
                }

                if ((steps & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    if (clock.Elapsed > budget.MaxTime)
                    {
                        throw new SimulationBudgetExceededException(budget.TimeExceeded(key.At));
                    }

                    if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart is var allocated && allocated > budget.MaxAllocatedBytes)
                    {
                        throw new SimulationBudgetExceededException(budget.MemoryExceeded(allocated, key.At));
                    }
                }

                var before = step.Run.Bookmark?.At;
                sink.Now = key.At;
                step.Act(key.At);
                if (!keepHistory)
                {
                    step.Run.History.Clear(); // nothing reads a simulation's history unless asked; a long run would hold every step
                }

                if (sink.Notifications.Count > budget.MaxNotifications)
                {
                    throw new SimulationBudgetExceededException(budget.NotificationsExceeded(key.At));
                }

                if (step.Run.Status == RunStatus.Waiting && step.Run.Bookmark is { At: { } at } && at != before)
                {
                    var (run, definition) = (step.Run, step.Definition);
                    queue.Enqueue((run, definition, now => engine.Resume(run, definition, now, sink)), (at, 1, seq++));
                }
            }

            var sent = sink.Notifications.Where(n => n.At < end).OrderBy(n => n.At).ThenBy(n => n.Plan, StringComparer.Ordinal).ThenBy(n => n.Task, StringComparer.Ordinal).ThenBy(n => n.Milestone).ThenBy(n => n.Kind).ToList();
            Telemetry.Stop(activity, Telemetry.Completed, steps, sink.Notifications.Count, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
            return new SimulationResult(runs.Select(r => r.Run).ToList(), sent) { SentAt = sink.SentAt };
        }
        catch (OperationCanceledException)
        {
            Telemetry.Stop(activity, Telemetry.Cancelled, steps, sink.Notifications.Count, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
            throw;
        }
        catch (SimulationBudgetExceededException)
        {
            Telemetry.Stop(activity, Telemetry.OverBudget, steps, sink.Notifications.Count, GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart);
            throw;
        }
    }

    private static LocalDateTime Max(LocalDateTime a, LocalDateTime b) => a > b ? a : b;

    /// <summary>
    /// Every run is an activity of <see cref="SourceName"/> (for tracing, and for tests that watch a
    /// run from outside): tagged with its plan, definition and span when it starts, and with its
    /// steps, notifications, allocated bytes and outcome (completed, over-budget, cancelled) when it stops.
    /// </summary>
    public static class Telemetry
    {
        public const string SourceName = "Workflow.Simulation";

        /// <summary>The run's cancellation, as a custom property of its activity: a listener can see whether (and wait until) the run was asked to stop.</summary>
        public const string CancellationProperty = "workflow.cancellation";

        public const string Completed = "completed", OverBudget = "over-budget", Cancelled = "cancelled";

        private static readonly System.Diagnostics.ActivitySource Source = new(SourceName);

        internal static System.Diagnostics.Activity? Start(Plan plan, WorkflowDefinition? forced, LocalDate from, LocalDate to, CancellationToken ct)
        {
            var activity = Source.CreateActivity("simulate", System.Diagnostics.ActivityKind.Internal, parentContext: default, tags: new Dictionary<string, object?>
            {
                ["workflow.plan"] = plan.Id.Value,
                ["workflow.definition"] = forced?.DefinitionId,
                ["workflow.from"] = from.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["workflow.to"] = to.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            activity?.SetCustomProperty(CancellationProperty, ct); // before it starts, so that listeners see it when told of the start
            return activity?.Start();
        }

        internal static void Stop(System.Diagnostics.Activity? activity, string outcome, long steps, int notifications, long allocatedBytes)
        {
            activity?.SetTag("workflow.outcome", outcome).SetTag("workflow.steps", steps).SetTag("workflow.notifications", notifications).SetTag("workflow.allocated_bytes", allocatedBytes);
        }
    }

    private sealed class ListSink : INotificationSink
    {
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);

        public List<Notification> Notifications { get; } = [];

        /// <summary>The moment of the step being run: when what it sends goes out.</summary>
        public LocalDateTime Now { get; set; }

        public Dictionary<string, LocalDateTime> SentAt { get; } = new(StringComparer.Ordinal);

        public bool Add(Notification notification)
        {
            if (!keys.Add(notification.Key))
            {
                return false;
            }

            Notifications.Add(notification);
            SentAt[notification.Key] = notification.At > Now ? notification.At : Now;
            return true;
        }
    }
}

/// <summary>The runs as the simulation left them, and every notification sent, in time order.</summary>
public sealed record SimulationResult(IReadOnlyList<MilestoneRun> Runs, IReadOnlyList<Notification> Notifications)
{
    /// <summary>The lead the plan named for the notification's milestone, when its duties passed to successors during the simulation; null otherwise.</summary>
    public IReadOnlyList<string>? FormerLeadOf(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var run = Runs.FirstOrDefault(r => r.Key.Plan.Value == notification.Plan && r.Key.Task.Value == notification.Task && r.Key.Number == notification.Milestone);
        return run is { FormerLead.Count: > 0 } ? [.. run.FormerLead.Select(a => a.ToString())] : null;
    }

    /// <summary>
    /// What an email says about the milestone of each notification of <paramref name="plan"/> (the
    /// composer's facts): the same for `workflow simulate --emails` and the designer's dry run.
    /// </summary>
    public Func<Notification, Workflow.Notifications.Messages.MilestoneFacts> FactsFor(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tasks = plan.Tasks.ToDictionary(t => t.Id.Value, StringComparer.Ordinal);
        return n =>
        {
            var task = tasks[n.Task];
            return new(plan.Id.Value, plan.Number, task.Id.Value, task.Activity, task.Product, n.Milestone,
                task.Schedule.Milestones.ElementAtOrDefault(n.Milestone - 1)?.Label, FormerLeadOf(n));
        };
    }

    /// <summary>
    /// When each notification (by key) goes out: its own moment, or later for one meant for a moment
    /// already past when its run got there (a run started after it, as the server catches up).
    /// </summary>
    public IReadOnlyDictionary<string, LocalDateTime> SentAt { get; init; } = new Dictionary<string, LocalDateTime>(StringComparer.Ordinal);

    /// <summary>The moment <paramref name="notification"/> goes out.</summary>
    public LocalDateTime SentMoment(Notification notification) =>
        SentAt.TryGetValue(notification.Key, out var at) ? at : notification.At;
}
