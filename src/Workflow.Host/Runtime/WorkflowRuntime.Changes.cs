using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>What people change on a milestone: a restore, a report of done, an event, an extension, a handover to successors, a chosen lead.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Puts back milestones a re-import took out of the plan (all of the task's, or the one
    /// numbered): each starts its workflow again from now, as a new milestone would (reminders
    /// whose day passed are not sent late), and its timeline says who restored it.
    /// </summary>
    /// <returns>How many milestones came back.</returns>
    public async Task<int> RestoreAsync(PlanId plan, TaskId task, int? milestone, string by, CancellationToken ct = default)
    {
        var changes = new List<TriggerChange>();
        await StepAsync(async (db, sink, now) =>
        {
            var rows = await db.Milestones.Where(m => m.PlanId == plan.Value && m.TaskId == task.Value && (milestone == null || m.Number == milestone)
                    && m.Status == RunStatus.Finished && m.DoneOn == null)
                .OrderBy(m => m.Number).ToListAsync(ct).ConfigureAwait(false);
            var chase = await IsChasedAsync(db, plan.Value, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var run = MilestoneMapping.ToRun(row);
                run.History.Add(new HistoryEntry(now, null, "khôi phục vào kế hoạch",
                    row.RemovedBy is { } who ? $"mốc do {who} bỏ khỏi kế hoạch được theo dõi lại từ hôm nay" : "mốc được theo dõi lại từ hôm nay"));
                var definition = definitions.Catalog.Get(row.DefinitionId, row.DefinitionVersion);
                if (chase)
                {
                    engine.Start(run, definition, now, sink);
                }
                else
                {
                    WorkflowEngine.StartHeld(run, definition, now, "kế hoạch không còn theo dõi: mốc được ghi lại, không nhắc");
                }

                MilestoneMapping.CopyState(run, row);
                row.RemovedAtUtc = null;
                row.RemovedBy = null;
                AddHistory(db, run, 0, row.Id, by);
                changes.Add(new TriggerChange(row.Id, null, Waiting(row)));
            }
        }, ct).ConfigureAwait(false);

        await SyncTriggersAsync(changes, ct).ConfigureAwait(false);
        return changes.Count;
    }

    /// <summary>Reports milestones done: all open milestones of the task, or the one numbered.</summary>
    /// <returns>How many milestones it closed.</returns>
    public Task<int> MarkDoneAsync(PlanId plan, TaskId task, int? milestone, LocalDate on, string by, CancellationToken ct = default) =>
        ChangeAsync(plan, task, milestone, by, (run, definition, now, sink, _) =>
        {
            if (run.DoneOn is not null)
            {
                return false;
            }

            engine.ReportDone(run, definition, on, now, $"{by} báo hoàn thành", sink);
            return true;
        }, ct);

    /// <summary>Records that the event a task waits for happened on <paramref name="on"/>: a dormant milestone starts,
    /// a running one waiting for the event (Cchc.WaitForSignal Event, Elsa.Event "Event") resumes.</summary>
    public Task<int> RecordEventAsync(PlanId plan, TaskId task, LocalDate on, string by, CancellationToken ct = default) =>
        ChangeAsync(plan, task, null, by, (run, definition, now, sink, chase) =>
        {
            if (run.Status != RunStatus.Dormant && !(run.Status == RunStatus.Waiting && WorkflowEngine.WaitsFor(run, SignalKind.Event)))
            {
                return false;
            }

            engine.RecordEvent(run, definition, on, now, sink, chase);
            return true;
        }, ct);

    /// <summary>An approved extension of one milestone to <paramref name="newDue"/>.</summary>
    public Task<int> ExtendAsync(PlanId plan, TaskId task, int milestone, LocalDate newDue, string by, CancellationToken ct = default) =>
        ChangeAsync(plan, task, milestone, by, (run, definition, now, sink, chase) =>
        {
            if (run.DoneOn is not null)
            {
                return false;
            }

            engine.Extend(run, definition, newDue, now, sink, chase);
            return true;
        }, ct);

    /// <summary>
    /// Hands the open milestones whose lead agency has ended over to its successors, as of today: the
    /// timeline records each handover with its source, the agency pages and the successor's report
    /// link see the milestone from that day on. Runs once a day (the first call of each day scans;
    /// later calls return at once). The engine does the same before every notification, so nothing is
    /// ever sent to an agency that ended, even between two sweeps.
    /// </summary>
    /// <returns>How many milestones changed hands.</returns>
    public async Task<int> HandOverAsync(string by = "hệ thống", CancellationToken ct = default)
    {
        var today = clock.Now.Date;
        if (lastHandOver == today)
        {
            return 0;
        }

        List<(string Plan, string Task, int Number)> due;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            // The distinct leads first (a few hundred, read from the lead index), then only the milestones of those that ended.
            var leads = await db.Milestones.AsNoTracking().Where(m => m.DoneOn == null && m.Status != RunStatus.Finished && m.Lead != "")
                .Select(m => m.Lead).Distinct().ToListAsync(ct).ConfigureAwait(false);
            var ended = leads.Where(lead => engine.NeedsHandOver([.. MilestoneMapping.LeadIds(lead).Select(id => new AgencyId(id))], today)).ToList();
            due = ended.Count == 0 ? [] : [.. (await db.Milestones.AsNoTracking().Where(m => m.DoneOn == null && m.Status != RunStatus.Finished && ended.Contains(m.Lead))
                .Select(m => new { m.PlanId, m.TaskId, m.Number }).ToListAsync(ct).ConfigureAwait(false)).Select(m => (m.PlanId, m.TaskId, m.Number))];
        }

        var changed = 0;
        foreach (var (plan, task, number) in due)
        {
            changed += await ChangeAsync(new PlanId(plan), new TaskId(task), number, by, (run, _, now, _, _) => run.Status != RunStatus.Finished && engine.HandOver(run, now.Date, now), ct).ConfigureAwait(false);
        }

        lastHandOver = today;
        return changed;
    }

    /// <summary>
    /// A coordinator picks which successor leads a milestone whose former lead's duties were divided
    /// among several agencies; the review flag clears.
    /// </summary>
    /// <returns>Null when done, otherwise why not (Vietnamese).</returns>
    public async Task<string?> ChooseLeadAsync(PlanId plan, TaskId task, int milestone, AgencyId chosen, string by, CancellationToken ct = default)
    {
        string? refusal = "không có mốc này.";
        await ChangeAsync(plan, task, milestone, by, (run, _, now, _, _) =>
        {
            refusal = engine.ChooseLead(run, chosen, now, by);
            return refusal is null;
        }, ct).ConfigureAwait(false);
        return refusal;
    }

    /// <remarks>The change's last argument says whether the plan is followed: a closed or archived plan records it and chases nothing.</remarks>
    private async Task<int> ChangeAsync(PlanId plan, TaskId task, int? milestone, string by, Func<MilestoneRun, WorkflowDefinition, LocalDateTime, INotificationSink, bool, bool> change, CancellationToken ct)
    {
        var changes = new List<TriggerChange>();
        await StepAsync(async (db, sink, now) =>
        {
            changes.Clear();
            var chase = await IsChasedAsync(db, plan.Value, ct).ConfigureAwait(false);
            var rows = await db.Milestones.Where(m => m.PlanId == plan.Value && m.TaskId == task.Value && (milestone == null || m.Number == milestone))
                .OrderBy(m => m.Number).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var run = MilestoneMapping.ToRun(row);
                var oldAt = row.BookmarkAt;
                var definition = definitions.Catalog.Get(row.DefinitionId, row.DefinitionVersion);
                await WithInputAsync(db, run, definition, ct).ConfigureAwait(false);
                if (change(run, definition, now, sink, chase))
                {
                    MilestoneMapping.CopyState(run, row);
                    AddHistory(db, run, 0, row.Id, by);
                    changes.Add(new TriggerChange(row.Id, oldAt, Waiting(row)));
                }
            }
        }, ct).ConfigureAwait(false);

        await SyncTriggersAsync(changes, ct).ConfigureAwait(false);
        return changes.Count;
    }

    /// <summary>The task's and plan's facts of the workflow input (Title, Product, PlanNumber), read only for a
    /// definition whose expressions could read them.</summary>
    private static async Task WithInputAsync(WorkflowDbContext db, MilestoneRun run, WorkflowDefinition definition, CancellationToken ct)
    {
        if (!definition.Root.AllActivities().Any(a => a.ExpressionInputs().Any()))
        {
            return;
        }

        var task = await db.Tasks.FindAsync([run.Key.Plan.Value, run.Key.Task.Value], ct).ConfigureAwait(false);
        var plan = await db.Plans.FindAsync([run.Key.Plan.Value], ct).ConfigureAwait(false);
        run.Title = task?.Activity;
        run.Product = task?.Product;
        run.PlanNumber = plan?.Number;
    }
}
