using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>
/// What importing a plan did. When the file would take milestones out of the plan and that was
/// not allowed, <see cref="RemovalRefused"/> is true, nothing changed, and <see cref="Removals"/>
/// lists what would have left; otherwise <see cref="Removals"/> lists what left.
/// </summary>
public sealed record ImportResult(string Plan, int Created, int Rescheduled, int Removed, int Unchanged)
{
    /// <summary>The plan is not followed after the import (its window is over, or a coordinator closed or archived it): nothing was sent.</summary>
    public bool Closed { get; init; }

    /// <summary>The milestones the file takes out of the plan (taken out, or only listed when <see cref="RemovalRefused"/>).</summary>
    public IReadOnlyList<MilestoneRemoval> Removals { get; init; } = [];

    /// <summary>Nothing was imported: the file would take <see cref="Removals"/> out of the plan, and the import was not allowed to.</summary>
    public bool RemovalRefused { get; init; }
}

/// <summary>A milestone still chased that a re-imported file no longer has: its task, number, label, effective due date and the task's activity.</summary>
public sealed record MilestoneRemoval(string Task, int Milestone, string? Label, LocalDate? Due, string Activity)
{
    /// <summary>"TT 12, mốc 2 (Thực hiện), hạn 30/06/2025: Activity" for a list a coordinator reads.</summary>
    public override string ToString() =>
        $"TT {Task}, mốc {Milestone}{(Label is null ? string.Empty : $" ({Label})")}, hạn {PlanLifecycle.Day(Due)}: {Activity}";
}

/// <summary>
/// The durable runtime: every change to a milestone's workflow (import, a timer firing, a report,
/// an event, an extension) happens here, in one database transaction that saves the instance,
/// its history and the notifications it decided (the outbox) together. The Quartz trigger for the
/// instance's new bookmark is set after the commit; a crash in between is repaired by
/// <see cref="ReconcileAsync"/>, which every start runs.
/// </summary>
/// <remarks>
/// A timer that fires twice (a crash after the commit, before Quartz recorded the firing; two
/// hosts) is harmless: the second firing finds the bookmark gone and does nothing, and the
/// revision column makes two concurrent steps on one instance impossible.
/// </remarks>
public sealed partial class WorkflowRuntime(
    IDbContextFactory<WorkflowDbContext> databases,
    ISchedulerFactory schedulers,
    WorkflowEngine engine,
    LiveDefinitions definitions,
    RuntimeClock clock,
    RuntimeOptions options) : IDisposable
{
    public const string TriggerGroup = "moments";
    public static readonly JobKey ResumeJob = new("resume-moment", "runtime");

    /// <summary>New milestones saved together during an import.</summary>
    private const int ImportChunk = 2_000;

    // SQLite has one writer at a time: steps queue here instead of failing on a locked database.
    private readonly SemaphoreSlim writer = new(options.SingleWriter ? 1 : int.MaxValue);

    // The day the last handover sweep ran; the sweep scans once a day.
    private LocalDate? lastHandOver;

    // The day open-ended plans were last read for a new year (once a day).
    private LocalDate? lastYearFollowed;

    public void Dispose() => writer.Dispose();

    /// <summary>Now, Vietnam local time.</summary>
    public LocalDateTime Now => clock.Now;

    /// <summary>
    /// Imports <paramref name="plan"/>: new milestones start their workflow; a milestone whose
    /// planned due date changed starts over from the new date. A milestone still chased that the
    /// file no longer has ends only with <paramref name="allowRemoval"/>: it is then marked taken
    /// out of the plan (who and when) and can be restored (<see cref="RestoreAsync"/>); without it,
    /// nothing at all is imported and the result lists what would end. Importing the same plan
    /// twice changes nothing.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Plan plan, string by, bool allowRemoval, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var hash = Hash(plan);
        var changes = new List<TriggerChange>();
        int created = 0, rescheduled = 0, removed = 0, unchanged = 0;
        List<MilestoneRemoval> removals = [];
        var refused = false;
        var closed = false;
        await StepAsync(async (db, sink, now) =>
        {
            var record = await db.Plans.FindAsync([plan.Id.Value], ct).ConfigureAwait(false);
            if (record is not null && record.ContentHash == hash)
            {
                unchanged = await db.Milestones.CountAsync(m => m.PlanId == plan.Id.Value, ct).ConfigureAwait(false);
                closed = record.Status != PlanStatus.Active;
                return;
            }

            // What the file would end comes first: without leave to end it, nothing is touched.
            var existing = await db.Milestones.Where(m => m.PlanId == plan.Id.Value).ToListAsync(ct).ConfigureAwait(false);
            List<MilestoneRecord> leaving = [];
            if (existing.Count > 0)
            {
                var seen = definitions.Planner.Runs(plan).Select(p => (p.Run.Key.Task.Value, p.Run.Key.Number)).ToHashSet();
                leaving = [.. existing.Where(m => !seen.Contains((m.TaskId, m.Number)) && m.Status != RunStatus.Finished).OrderBy(m => m.TaskId, StringComparer.Ordinal).ThenBy(m => m.Number)];
            }

            if (leaving.Count > 0)
            {
                var leavingTasks = leaving.Select(m => m.TaskId).Distinct().ToList();
                var activities = await db.Tasks.AsNoTracking().Where(t => t.PlanId == plan.Id.Value && leavingTasks.Contains(t.TaskId))
                    .ToDictionaryAsync(t => t.TaskId, t => t.Activity, ct).ConfigureAwait(false);
                removals = [.. leaving.Select(m => new MilestoneRemoval(m.TaskId, m.Number, m.Label, StoredDates.Read(m.EffectiveDue ?? m.Due), activities.GetValueOrDefault(m.TaskId, string.Empty)))];
                if (!allowRemoval)
                {
                    refused = true;
                    return;
                }
            }

            var isNew = record is null;
            if (record is null)
            {
                record = new PlanRecord { Id = plan.Id.Value, Title = plan.Title, Source = plan.Source, ContentHash = hash };
                db.Plans.Add(record);
            }

            record.Number = plan.Number;
            record.Title = plan.Title;
            record.IssuedOn = StoredDates.Write(plan.IssuedOn);
            record.TrackedYear = plan.TrackedYear;
            record.Source = plan.Source;
            record.ContentHash = hash;
            record.ImportedAtUtc = Instant.FromDateTimeOffset(clock.ToReal(now)); // the step's moment, the one its catch-ups are dated by (a slow import may end on the next day of an accelerated clock)
            record.LastYear = plan.Tracking.LastYear;
            record.OpenEnded = plan.Tracking.IsOpenEnded;
            record.ClosesOn = StoredDates.Write(plan.Tracking.ClosesOn);

            // A plan whose window is over is recorded closed: every milestone with its dates, nothing sent.
            changes.AddRange(await CloseIfEndedAsync(db, record, isNew, now, by, ct).ConfigureAwait(false));
            var chase = record.Status == PlanStatus.Active;
            closed = !chase;

            await using var cache = await SqliteImportCache.EnlargeAsync(db, ct).ConfigureAwait(false);

            // A load at least as large as the store (the first plans, a national one) drops the indexes it writes
            // to and builds them whole at the end, in this transaction: a sorted build costs far less than a million
            // inserts into each B-tree. Counted from the tasks: at most one milestone a task without dates.
            var coming = plan.Tasks.Sum(t => (long)Math.Max(1, t.Schedule.Milestones.Count)) - existing.Count;
            var large = await BulkLoadIndexes.IsLargeAsync(db, typeof(MilestoneRecord), coming, ct).ConfigureAwait(false);

            // Tasks already stored are updated in place; new ones are written set-wise, a batch at a time
            // (a large load without the tasks' key on PostgreSQL, built again before the updates).
            var tasks = await db.Tasks.Where(t => t.PlanId == plan.Id.Value).ToDictionaryAsync(t => t.TaskId, ct).ConfigureAwait(false);
            var taskKeys = large ? await BulkLoadIndexes.DropAsync(db, [typeof(TaskRecord)], keys: true, ct).ConfigureAwait(false) : BulkLoadIndexes.None(db);
            using (var insertTasks = new BulkInsert<TaskRecord>(db))
            {
                var newTasks = new List<TaskRecord>(insertTasks.BatchSize);
                foreach (var task in plan.Tasks)
                {
                    if (tasks.TryGetValue(task.Id.Value, out var t))
                    {
                        MilestoneMapping.CopyTask(task, t);
                        continue;
                    }

                    t = new TaskRecord { PlanId = plan.Id.Value, TaskId = task.Id.Value, Activity = task.Activity, LeadCell = task.Lead.Cell, Deadline = task.Deadline, ScheduleKind = task.Schedule.Kind };
                    MilestoneMapping.CopyTask(task, t);
                    newTasks.Add(t);
                    if (newTasks.Count == insertTasks.BatchSize)
                    {
                        await insertTasks.InsertAsync(newTasks, ct).ConfigureAwait(false);
                        newTasks.Clear();
                    }
                }

                await insertTasks.InsertAsync(newTasks, ct).ConfigureAwait(false);
            }

            await taskKeys.RebuildAsync(ct).ConfigureAwait(false);

            var byKey = existing.ToDictionary(m => (m.TaskId, m.Number));
            foreach (var row in existing)
            {
                // A re-imported file may number its rows differently: the task list sorts by the new row.
                if (tasks.TryGetValue(row.TaskId, out var stored) && row.TaskRow != stored.Row)
                {
                    row.TaskRow = stored.Row;
                }
            }

            foreach (var (run, _, task) in byKey.Count == 0 ? Enumerable.Empty<(MilestoneRun, WorkflowDefinition, PlanTask)>() : definitions.Planner.Runs(plan))
            {
                var label = LabelOf(task, run);
                if (!byKey.TryGetValue((run.Key.Task.Value, run.Key.Number), out var row))
                {
                    continue; // new: started below
                }

                if (StoredDates.Read(row.PlannedDue) == run.PlannedDue || row.DoneOn is not null)
                {
                    unchanged++;
                    continue;
                }

                if (!chase)
                {
                    // A plan no longer followed: the new date is recorded, nothing is chased.
                    db.History.Add(new HistoryRecord { MilestoneId = row.Id, At = now, What = "đổi hạn", Why = $"hạn theo kế hoạch {PlanLifecycle.Day(StoredDates.Read(row.PlannedDue))} đổi thành {PlanLifecycle.Day(run.PlannedDue)}; kế hoạch không còn theo dõi nên không nhắc", By = by, RecordedAtUtc = clock.RealNow });
                    row.PlannedDue = StoredDates.Write(run.PlannedDue);
                    row.Due = StoredDates.Write(run.Due);
                    row.EffectiveDue = StoredDates.Write(run.EffectiveDue);
                    row.Label = label;
                    row.Revision++;
                    rescheduled++;
                    continue;
                }

                // The plan's date changed: the chase starts over from the new date.
                var oldAt = row.BookmarkAt;
                var current = MilestoneMapping.ToRun(row);
                current.PlanNumber = run.PlanNumber;
                current.Title = run.Title;
                current.Product = run.Product;
                var from = current.History.Count;
                engine.Extend(current, definitions.Catalog.Get(row.DefinitionId, row.DefinitionVersion), run.PlannedDue!.Value, now, sink);
                current.Extended = row.Extended; // a new plan date is not an approved extension
                row.PlannedDue = StoredDates.Write(run.PlannedDue);
                row.Label = label;
                MilestoneMapping.CopyState(current, row);
                AddHistory(db, current, from, row.Id, by);
                changes.Add(new TriggerChange(row.Id, oldAt, Waiting(row)));
                rescheduled++;
            }

            foreach (var row in leaving)
            {
                changes.Add(new TriggerChange(row.Id, row.BookmarkAt, null));
                row.Status = RunStatus.Finished;
                row.BookmarkActivity = null;
                row.BookmarkAt = null;
                row.BookmarkSignal = null;
                row.RemovedAtUtc = clock.RealNow;
                row.RemovedBy = by;
                row.Revision++;
                db.History.Add(new HistoryRecord { MilestoneId = row.Id, At = now, What = RemovedWhat, Why = $"mốc không còn trong tệp kế hoạch {Path.GetFileName(plan.Source)} nhập lại; khôi phục được", By = by, RecordedAtUtc = clock.RealNow });
                removed++;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // New milestones start a batch at a time, written set-wise with their history (their ids are
            // reserved first, so the history names them without reading anything back) and let go of:
            // memory stays bounded however large the plan. One trigger serves every milestone waiting
            // for the same moment, so only the distinct moments are kept for Quartz.
            var moments = new HashSet<LocalDateTime>();
            var indexes = large ? await BulkLoadIndexes.DropAsync(db, [typeof(MilestoneRecord), typeof(HistoryRecord)], keys: false, ct).ConfigureAwait(false) : BulkLoadIndexes.None(db);
            using var insertMilestones = new BulkInsert<MilestoneRecord>(db, keys: true);
            using var insertHistory = new BulkInsert<HistoryRecord>(db);
            var fresh = definitions.Planner.Runs(plan).Where(r => !byKey.ContainsKey((r.Run.Key.Task.Value, r.Run.Key.Number)));
            foreach (var chunk in fresh.Chunk(ImportChunk))
            {
                var rows = new List<MilestoneRecord>(chunk.Length);
                foreach (var (run, definition, task) in chunk)
                {
                    if (chase)
                    {
                        engine.Start(run, definition, now, sink);
                    }
                    else
                    {
                        WorkflowEngine.StartHeld(run, definition, now, $"kế hoạch {PlanStatuses.Label(record.Status)}: mốc được ghi lại với ngày của nó, không nhắc, không gửi gì");
                    }

                    var row = MilestoneMapping.NewRecord(run, LabelOf(task, run));
                    row.TaskRow = task.Row;
                    rows.Add(row);
                }

                var keys = await insertMilestones.ReserveKeysAsync(rows.Count, ct).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Id = keys[i];
                }

                await insertMilestones.InsertAsync(rows, ct).ConfigureAwait(false);
                await Progress.ProgressTally.AddAsync(db, rows, ct).ConfigureAwait(false); // the counts the pages read, in the same transaction
                var recordedAt = clock.RealNow;
                var history = new List<HistoryRecord>(chunk.Length * 2);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var id = rows[i].Id;
                    history.AddRange(chunk[i].Run.History.Select(entry => MilestoneMapping.ToRecord(entry, id, by, recordedAt)));
                    if (Waiting(rows[i]) is { } moment)
                    {
                        moments.Add(moment);
                    }
                }

                await insertHistory.InsertAsync(history, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false); // the outbox rows of catch-ups, and the plan's own
                db.ChangeTracker.Clear();
                created += rows.Count;
            }

            await indexes.RebuildAsync(ct).ConfigureAwait(false);
            changes.AddRange(moments.Select(m => new TriggerChange(0, null, m)));
        }, ct).ConfigureAwait(false);

        await SyncTriggersAsync(changes, ct).ConfigureAwait(false);
        return new ImportResult(plan.Id.Value, created, rescheduled, removed, unchanged) { Removals = removals, RemovalRefused = refused, Closed = closed };
    }

    /// <summary>The label of the milestone <paramref name="run"/> of <paramref name="task"/> ("Quý I"...), when the plan names its milestones.</summary>
    private static string? LabelOf(PlanTask task, MilestoneRun run) => task.Schedule.Milestones.ElementAtOrDefault(run.Key.Number - 1)?.Label;

    /// <summary>Imports <paramref name="plan"/> without leave to take milestones out of it (see the overload).</summary>
    public Task<ImportResult> ImportAsync(Plan plan, string by, CancellationToken ct = default) => ImportAsync(plan, by, allowRemoval: false, ct);

    /// <summary>What a milestone's timeline says when a re-import takes it out of the plan.</summary>
    public const string RemovedWhat = "bỏ khỏi kế hoạch";

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

    /// <summary>
    /// The timer of <paramref name="moment"/> fired: every milestone still waiting for it resumes, a
    /// batch of milestones to a transaction (read by the index on status and bookmark, never by a scan
    /// of the store), several batches at once where the database takes concurrent writers.
    /// </summary>
    public async Task ResumeMomentAsync(LocalDateTime moment, string by, CancellationToken ct = default)
    {
        List<long> ids;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            ids = await db.Milestones.AsNoTracking().Where(m => m.Status == RunStatus.Waiting && m.BookmarkAt == moment)
                .Select(m => m.Id).ToListAsync(ct).ConfigureAwait(false);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.SingleWriter ? 1 : 4, CancellationToken = ct };
        await Parallel.ForEachAsync(ids.Chunk(ResumeBatch), parallel, async (batch, token) =>
        {
            var changes = new List<TriggerChange>(batch.Length);
            await StepAsync(async (db, sink, now) =>
            {
                changes.Clear();
                var rows = await db.Milestones.Where(m => batch.Contains(m.Id)).ToListAsync(token).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    if (await ResumeRowAsync(db, sink, now, row, moment, by, token).ConfigureAwait(false) is { } change)
                    {
                        changes.Add(change);
                    }
                }
            }, token).ConfigureAwait(false);
            await SyncTriggersAsync(changes, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Milestones a timer resumes in one transaction.</summary>
    private const int ResumeBatch = 200;

    /// <summary>One milestone's step when its timer at <paramref name="bookmarkAt"/> fired; null when there was nothing to do.</summary>
    private async Task<TriggerChange?> ResumeRowAsync(WorkflowDbContext db, INotificationSink sink, LocalDateTime now, MilestoneRecord row, LocalDateTime bookmarkAt, string by, CancellationToken ct)
    {
        if (row.BookmarkAt != bookmarkAt || row.Status != RunStatus.Waiting)
        {
            return null; // already handled: a second firing, or the instance moved on
        }

        if (bookmarkAt > now.PlusSeconds(1))
        {
            return null; // fired before its moment (a trigger set on another clock): the next reconciliation sets it again
        }

        var run = MilestoneMapping.ToRun(row);
        var definition = definitions.Catalog.Get(row.DefinitionId, row.DefinitionVersion);
        await WithInputAsync(db, run, definition, ct).ConfigureAwait(false);
        engine.Resume(run, definition, now, sink);
        MilestoneMapping.CopyState(run, row);
        AddHistory(db, run, 0, row.Id, by);
        return new TriggerChange(row.Id, bookmarkAt, Waiting(row));
    }

    /// <summary>
    /// Makes Quartz agree with the stored bookmarks: a trigger for every timer bookmark (recreated
    /// when missing), none for anything else (stale ones removed).
    /// </summary>
    public async Task<(int Created, int Removed)> ReconcileAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        await EnsureJobAsync(scheduler, ct).ConfigureAwait(false);

        // Triggers first, bookmarks second: a step that commits in between sets its own trigger after
        // this listing, so it is never taken for stale.
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(TriggerGroup), ct).ConfigureAwait(false);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var moments = await db.Milestones.AsNoTracking().Where(m => m.BookmarkAt != null && m.Status == RunStatus.Waiting)
            .Select(m => m.BookmarkAt!.Value).Distinct().ToListAsync(ct).ConfigureAwait(false);
        var wantedKeys = moments.ToDictionary(TriggerKeyFor, m => m);
        var stale = existing.Where(k => !wantedKeys.ContainsKey(k)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.UnscheduleJobs(stale, ct).ConfigureAwait(false);
        }

        var created = 0;
        foreach (var (key, moment) in wantedKeys)
        {
            var trigger = Trigger(moment);
            if (!existing.Contains(key))
            {
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
                created++;
            }
            else if (clock.IsAccelerated && await scheduler.GetTrigger(key, ct).ConfigureAwait(false) is { } stored
                && stored.NextFireTimeUtc is { } next && (next - trigger.StartTimeUtc).Duration() > TimeSpan.FromSeconds(1))
            {
                // Only an accelerated clock can be given a new start: a trigger set on the old one is set again.
                await scheduler.RescheduleJob(key, trigger, ct).ConfigureAwait(false);
            }
        }

        return (created, stale.Count);
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

    /// <summary>One transaction: the step, its history, its outbox rows; retried when another host changed the same instance first.</summary>
    private async Task StepAsync(Func<WorkflowDbContext, INotificationSink, LocalDateTime, Task> step, CancellationToken ct)
    {
        await writer.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var sink = new OutboxSink(db, clock);
                try
                {
                    await step(db, sink, Now).ConfigureAwait(false);
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock.Time, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            writer.Release();
        }
    }

    private void AddHistory(WorkflowDbContext db, MilestoneRun run, int from, long milestoneId, string by)
    {
        foreach (var entry in run.History.Skip(from))
        {
            db.History.Add(MilestoneMapping.ToRecord(entry, milestoneId, by, clock.RealNow));
        }

        run.History.Clear();
    }

    /// <summary>
    /// After a commit: makes sure a trigger waits for every moment a step moved a milestone to.
    /// One trigger serves every milestone waiting for the same moment (most wait for 08:00 of some
    /// day), so scheduling cost follows the number of distinct moments, not of milestones. A moment
    /// nobody waits for any more is left alone: when it fires it finds no one, and reconciliation
    /// removes it.
    /// </summary>
    private async Task SyncTriggersAsync(List<TriggerChange> changes, CancellationToken ct)
    {
        var moments = changes.Where(c => c.NewAt is not null && c.NewAt != c.OldAt).Select(c => c.NewAt!.Value).Distinct().ToList();
        if (moments.Count == 0)
        {
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
            var missing = new List<ITrigger>();
            foreach (var moment in moments)
            {
                if (!await scheduler.Exists(TriggerKeyFor(moment), ct).ConfigureAwait(false))
                {
                    missing.Add(Trigger(moment));
                }
            }

            if (missing.Count > 0)
            {
                var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [ResumeJobDetail()] = missing };
                await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
            }
        }
        catch (SchedulerException)
        {
            // The scheduler is shutting down (or its store failed): the commit stands, and
            // reconciliation (every minute, and at every start) sets the trigger.
        }
    }

    /// <summary>The timer bookmark a row waits at, or null.</summary>
    private static LocalDateTime? Waiting(MilestoneRecord row) => row.Status == RunStatus.Waiting ? row.BookmarkAt : null;

    private static IJobDetail ResumeJobDetail() =>
        JobBuilder.Create<ResumeMomentJob>().WithIdentity(ResumeJob).StoreDurably().RequestRecovery().Build();

    private static async Task EnsureJobAsync(IScheduler scheduler, CancellationToken ct)
    {
        if (!await scheduler.Exists(ResumeJob, ct).ConfigureAwait(false))
        {
            await scheduler.AddJob(ResumeJobDetail(), new AddJobOptions { Replace = true }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The trigger of <paramref name="moment"/>, named by the moment's stored text (a trigger kept by an older build keeps its name).</summary>
    internal static TriggerKey TriggerKeyFor(LocalDateTime moment) => new(MilestoneMapping.Moment.Format(moment), TriggerGroup);

    private ITrigger Trigger(LocalDateTime moment)
    {
        var at = clock.ToReal(moment);
        return TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(moment))
            .ForJob(ResumeJob)
            .UsingJobData(ResumeMomentJob.MomentKey, MilestoneMapping.Moment.Format(moment))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
    }

    /// <summary>SHA-256 of the plan's text as read, hashed a block of tasks at a time (a million-task plan is never one string).</summary>
    private static string Hash(Plan plan)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        text.Append(plan.Number).Append('|').Append(plan.Title).Append('|').Append(plan.TrackedYear);
        if (plan.Tracking.LastYear != plan.TrackedYear || plan.Tracking.ClosesOn is not null)
        {
            // Only a period other than one year changes the text: the hash of a one-year plan stays what it was.
            text.Append('|').Append(plan.Tracking).Append('|').Append(plan.Tracking.ClosesOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        text.Append('\n');

        // Tasks share their schedules (one per distinct deadline): each one's dates are written out once.
        var dates = new Dictionary<Definitions.Deadlines.Schedule, string>(ReferenceEqualityComparer.Instance);
        foreach (var t in plan.Tasks)
        {
            if (!dates.TryGetValue(t.Schedule, out var due))
            {
                due = string.Join(';', t.Schedule.Milestones.Select(m => m.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                if (dates.Count < 10_000)
                {
                    dates[t.Schedule] = due;
                }
            }

            text.Append(t.Id.Value).Append('|').Append(t.Activity).Append('|').Append(t.Lead.Cell).Append('|').Append(t.Coordinators.Cell).Append('|').Append(t.Deadline).Append('|')
                .Append(due);
            if (t.Criterion is { } c)
            {
                // A changed criterion (its text, its scores) re-imports the plan, so the report shows it.
                text.Append('|').Append(c.Code).Append('|').Append(c.Text).Append('|')
                    .Append(c.MaxScore?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('|')
                    .Append(c.PreviousScore?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append('\n');
            if (text.Length > 1 << 16)
            {
                Flush(hash, text); // at the end of a line: never between the halves of a character
            }
        }

        Flush(hash, text);
        return Convert.ToHexString(hash.GetHashAndReset());

        static void Flush(IncrementalHash hash, StringBuilder text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
            text.Clear();
        }
    }
}

/// <summary>A milestone's timer bookmark before and after a step: what Quartz must forget and learn.</summary>
internal sealed record TriggerChange(long Id, LocalDateTime? OldAt, LocalDateTime? NewAt);

/// <summary>How the runtime runs on its database.</summary>
/// <param name="SingleWriter">SQLite: one write transaction at a time in this process.</param>
public sealed record RuntimeOptions(bool SingleWriter)
{
    /// <summary>The closing day of a plan's window when its file gives none: of the year after its last tracked year (31/01 by default).</summary>
    public NodaTime.AnnualDate DefaultClosing { get; init; } = TrackingPeriod.DefaultClosing;
}

/// <summary>The Quartz job every timer triggers: resume the workflows of every milestone waiting for that moment.</summary>
public sealed class ResumeMomentJob(WorkflowRuntime runtime) : IJob
{
    public const string MomentKey = "at";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var moment = MilestoneMapping.Moment.Parse(context.MergedJobDataMap.GetString(MomentKey)!).Value;
        await runtime.ResumeMomentAsync(moment, context.Scheduler.SchedulerInstanceId == "NON_CLUSTERED" ? "hệ thống" : $"hệ thống ({context.Scheduler.SchedulerInstanceId})", cancellationToken).ConfigureAwait(false);
    }
}
