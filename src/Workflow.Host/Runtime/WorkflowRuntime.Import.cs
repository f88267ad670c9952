using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;

namespace Workflow.Host.Runtime;

/// <summary>Importing a plan: its tasks and milestones written set-wise, a batch at a time, and the moments its timers wait for.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>New milestones saved together during an import.</summary>
    private const int ImportChunk = 2_000;

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
                var ordered = large && !taskKeys.Dropped ? InKeyOrder(plan.Tasks) : plan.Tasks;
                await foreach (var (newTasks, storedTasks) in BatchesAhead.PrepareAsync(ordered, insertTasks.BatchSize, chunk => TaskRecords(plan, chunk, tasks), ct).ConfigureAwait(false))
                {
                    foreach (var (task, stored) in storedTasks)
                    {
                        MilestoneMapping.CopyTask(task, stored); // tracked by the context: changed on its thread
                    }

                    await insertTasks.InsertAsync(newTasks, ct).ConfigureAwait(false);
                }
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

            // The import itself: it dates and signs the first step of every milestone it creates.
            var import = new ImportRecord { PlanId = plan.Id.Value, File = Path.GetFileName(plan.Source), At = now, By = by, RecordedAtUtc = clock.RealNow, PlanStatus = record.Status };
            db.Imports.Add(import);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // New milestones start a batch at a time, on a thread of their own while the batch before is written
            // (StartAheadAsync), and are written set-wise with their history (their ids are reserved first, so the
            // history names them without reading anything back) and let go of: memory stays bounded however large
            // the plan. One trigger serves every milestone waiting for the same moment, so only the distinct
            // moments are kept for Quartz.
            if (large)
            {
                GiveBackGarbage();
            }

            var moments = new HashSet<LocalDateTime>();
            // On PostgreSQL the two tables' keys go too: a sorted build of a million ids costs less than the server's
            // insert into the key's B-tree row by row (1.5 s of a million milestones' 19). The ids come from the sequence.
            var indexes = large ? await BulkLoadIndexes.DropAsync(db, [typeof(MilestoneRecord), typeof(HistoryRecord)], keys: true, ct).ConfigureAwait(false) : BulkLoadIndexes.None(db);
            using var insertMilestones = new BulkInsert<MilestoneRecord>(db, keys: true);
            using var insertHistory = new BulkInsert<HistoryRecord>(db);
            var fresh = definitions.Planner.Runs(plan).Where(r => !byKey.ContainsKey((r.Run.Key.Task.Value, r.Run.Key.Number)));
            var status = record.Status;
            Action<MilestoneRun, WorkflowDefinition, Notifications.INotificationSink> start = chase
                ? (run, definition, outbox) => engine.Start(run, definition, now, outbox)
                : (run, definition, _) => WorkflowEngine.StartHeld(run, definition, Openings.Held(now, status));
            var queued = chase ? await QueuedKeysAsync(db, plan.Id.Value, ct).ConfigureAwait(false) : [];
            await foreach (var batch in StartAheadAsync(fresh, ImportChunk, start, queued, by, import.Id, ct).ConfigureAwait(false))
            {
                var rows = batch.Rows;
                var keys = await insertMilestones.ReserveKeysAsync(rows.Count, ct).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Id = keys[i];
                    if (Waiting(rows[i]) is { } moment)
                    {
                        moments.Add(moment);
                    }
                }

                await insertMilestones.InsertAsync(rows, ct).ConfigureAwait(false);
                await indexes.KeepSchemaCachedAsync(ct).ConfigureAwait(false);
                await Progress.ProgressTally.AddAsync(db, rows, ct).ConfigureAwait(false); // the counts the pages read, in the same transaction
                foreach (var (row, entry) in batch.History)
                {
                    entry.MilestoneId = rows[row].Id;
                }

                await insertHistory.InsertAsync(batch.History.Select(h => h.Record).ToList(), ct).ConfigureAwait(false);
                db.Outbox.AddRange(batch.Sent.Select(n => MilestoneMapping.ToRecord(n, clock.RealNow))); // what catch-ups send
                await db.SaveChangesAsync(ct).ConfigureAwait(false); // those outbox rows, and the plan's own
                db.ChangeTracker.Clear();
                created += rows.Count;
            }

            if (large)
            {
                GiveBackGarbage(); // before the index sorts take their memory
            }

            await indexes.RebuildAsync(ct).ConfigureAwait(false);
            changes.AddRange(moments.Select(m => new TriggerChange(0, null, m)));
        }, ct, import: true).ConfigureAwait(false);

        await SyncTriggersAsync(changes, ct).ConfigureAwait(false);
        return new ImportResult(plan.Id.Value, created, rescheduled, removed, unchanged) { Removals = removals, RemovalRefused = refused, Closed = closed };
    }

    /// <summary>
    /// The records of <paramref name="chunk"/>'s new tasks, their search text folded (this runs ahead of the writer,
    /// on a thread of its own), and the stored records of the others, to update where the context is used.
    /// </summary>
    private static (List<TaskRecord> Fresh, List<(PlanTask Task, TaskRecord Record)> Stored) TaskRecords(Plan plan, PlanTask[] chunk, Dictionary<string, TaskRecord> stored)
    {
        var fresh = new List<TaskRecord>(chunk.Length);
        List<(PlanTask, TaskRecord)> known = [];
        foreach (var task in chunk)
        {
            if (stored.TryGetValue(task.Id.Value, out var t))
            {
                known.Add((task, t));
                continue;
            }

            t = new TaskRecord { PlanId = plan.Id.Value, TaskId = task.Id.Value, Activity = task.Activity, LeadCell = task.Lead.Cell, Deadline = task.Deadline, ScheduleKind = task.Schedule.Kind };
            MilestoneMapping.CopyTask(task, t);
            _ = t.SearchText;
            fresh.Add(t);
        }

        return (fresh, known);
    }

    /// <summary>
    /// The plan's tasks in the order of their stored key (plan, then task id compared as SQLite compares
    /// text, byte by byte, which ordinal order matches for the ids plans have). A large load whose key stays
    /// in place (SQLite cannot drop a table's key) then fills the key's B-tree from its end: inserted in file
    /// order, its pages split half full, and those pushed out of the cache by the rows and changed again were
    /// written to the log twice and read back at commit to check-sum it again.
    /// </summary>
    private static PlanTask[] InKeyOrder(IReadOnlyList<PlanTask> tasks)
    {
        var ordered = tasks.ToArray();
        Array.Sort(Array.ConvertAll(ordered, t => t.Id.Value), ordered, StringComparer.Ordinal);
        return ordered;
    }

    /// <summary>
    /// Collects the garbage of a large load's last phase and gives its memory back to the system. The server
    /// collector lets a heap grow by the budget of its busiest phase and keeps what it freed committed: for a
    /// million milestones, 250 MB live held 500 to 650 MB, and the index sorts that come next added theirs on top
    /// (a peak near 1 GB). A full collection of that heap, mostly the plan itself, takes about a tenth of a second.
    /// </summary>
    private static void GiveBackGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The label of the milestone <paramref name="run"/> of <paramref name="task"/> ("Quý I"...), when the plan names its milestones.</summary>
    private static string? LabelOf(PlanTask task, MilestoneRun run) => task.Schedule.Milestones.ElementAtOrDefault(run.Key.Number - 1)?.Label;

    /// <summary>Imports <paramref name="plan"/> without leave to take milestones out of it (see the overload).</summary>
    public Task<ImportResult> ImportAsync(Plan plan, string by, CancellationToken ct = default) => ImportAsync(plan, by, allowRemoval: false, ct);

    /// <summary>What a milestone's timeline says when a re-import takes it out of the plan.</summary>
    public const string RemovedWhat = "bỏ khỏi kế hoạch";

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
