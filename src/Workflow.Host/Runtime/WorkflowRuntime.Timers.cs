using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>Timers: a moment fires and its milestones resume; Quartz is kept in agreement with the stored bookmarks.</summary>
public sealed partial class WorkflowRuntime
{
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
                && stored.NextFireTimeUtc is { } next && next != trigger.StartTimeUtc)
            {
                // Only an accelerated clock can be given a new start: a trigger set on the old one is set again. Any
                // difference counts: at 3,600 times real time a second early is an hour early, and a step that fires
                // before its moment does nothing (a restart quicker than a second once left a day's timers to the next
                // reconciliation, 60 hours later on that clock). The same clock gives the same instant to the tick.
                await scheduler.RescheduleJob(key, trigger, ct).ConfigureAwait(false);
            }
        }

        return (created, stale.Count);
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
}

/// <summary>A milestone's timer bookmark before and after a step: what Quartz must forget and learn.</summary>
internal sealed record TriggerChange(long Id, LocalDateTime? OldAt, LocalDateTime? NewAt);
