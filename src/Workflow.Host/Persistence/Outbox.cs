using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Host.Runtime;
using Workflow.Notifications;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Messages;

namespace Workflow.Host.Persistence;

/// <summary>The outbox of one step's transaction (what the engine sends goes in with the step that decided it): a
/// notification whose key is already queued is the same notification.</summary>
internal sealed class OutboxSink(WorkflowDbContext db, RuntimeClock clock) : INotificationSink
{
    private readonly HashSet<string> added = new(StringComparer.Ordinal);

    public bool Add(Notification notification)
    {
        var key = notification.Key;
        if (!added.Add(key) || db.Outbox.Any(o => o.Key == key))
        {
            return false;
        }

        db.Outbox.Add(MilestoneMapping.ToRecord(notification, clock.RealNow));
        return true;
    }
}

/// <summary>The outbox table as <see cref="OutboxSender"/> reads it: claims with optimistic concurrency (the row's
/// revision), so two servers never claim the same row.</summary>
public sealed class OutboxStore(IDbContextFactory<WorkflowDbContext> databases) : IOutboxStore
{
    public async Task<bool> TimersBehindAsync(LocalDateTime now, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Milestones.AnyAsync(m => m.Status == RunStatus.Waiting && m.BookmarkAt != null && m.BookmarkAt <= now, ct).ConfigureAwait(false);
    }

    public async Task<OutboxClaim?> ClaimDueAsync(LocalDateTime now, Instant real, Instant claimedUntil, int max, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var claimed = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.At <= now
                && (o.NextAttemptUtc == null || o.NextAttemptUtc <= real) && (o.ClaimedUntilUtc == null || o.ClaimedUntilUtc < real))
            .OrderBy(o => o.At).Take(max).ToListAsync(ct).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return null;
        }

        foreach (var row in claimed)
        {
            row.ClaimedUntilUtc = claimedUntil;
            row.Revision++;
        }

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // another sender claimed some of them first: it sends them
        }

        var planIds = claimed.Select(c => c.PlanId).Distinct().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId)).ToDictionaryAsync(t => (t.PlanId, t.TaskId), ct).ConfigureAwait(false);
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        var taskIds = claimed.Select(c => c.TaskId).Distinct().ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => planIds.Contains(m.PlanId) && taskIds.Contains(m.TaskId))
            .Select(m => new { m.PlanId, m.TaskId, m.Number, m.Label, m.FormerLead }).ToListAsync(ct).ConfigureAwait(false);
        var labels = milestones.ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => m.Label);
        var formerLeads = milestones.Where(m => m.FormerLead != null)
            .ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => (IReadOnlyList<string>)MilestoneMapping.LeadIds(m.FormerLead!));
        var escalated = claimed.Where(c => c.Kind == NotificationKind.Escalation).Select(c => c.TaskId).Distinct().ToList();
        var reminded = escalated.Count == 0 ? [] : (await db.Outbox.AsNoTracking()
                .Where(o => o.Kind == NotificationKind.Reminder && o.Status == OutboxStatus.Sent && planIds.Contains(o.PlanId) && escalated.Contains(o.TaskId))
                .ToListAsync(ct).ConfigureAwait(false)).Select(MilestoneMapping.ToNotification).ToList();

        MilestoneFacts Facts(Notification n)
        {
            var task = tasks.GetValueOrDefault((n.Plan, n.Task));
            var plan = plans.GetValueOrDefault(n.Plan);
            var key = (n.Plan, n.Task, n.Milestone);
            return new MilestoneFacts(n.Plan, plan?.Number, n.Task, task?.Activity ?? n.Task, task?.Product, n.Milestone, labels.GetValueOrDefault(key), formerLeads.GetValueOrDefault(key));
        }

        return new OutboxClaim([.. claimed.Select(c => new OutboxItem(c.Id, MilestoneMapping.ToNotification(c), c.Attempts))], Facts, reminded);
    }

    public async Task RecordAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var byId = outcomes.ToDictionary(o => o.Id);
        var ids = byId.Keys.ToList();
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        foreach (var row in await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(ct).ConfigureAwait(false))
        {
            var outcome = byId[row.Id];
            row.ClaimedUntilUtc = null;
            row.Revision++;
            row.Attempts = outcome.Attempts;
            switch (outcome)
            {
                case OutboxOutcome.Sent sent:
                    row.Status = OutboxStatus.Sent;
                    row.SentAtUtc = sent.At;
                    break;
                case OutboxOutcome.Retry retry:
                    row.LastError = retry.Error;
                    row.NextAttemptUtc = retry.NextAttempt;
                    break;
                case OutboxOutcome.Dead dead:
                    row.Status = OutboxStatus.Dead;
                    row.LastError = dead.Error;
                    break;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public async Task<int> RetryDeadAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var dead = await db.Outbox.Where(o => o.Status == OutboxStatus.Dead).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in dead)
        {
            row.Status = OutboxStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptUtc = null;
            row.Revision++;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return dead.Count;
    }
}
