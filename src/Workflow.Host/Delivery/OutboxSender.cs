using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Notifications;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Delivery;

/// <summary>How the outbox is delivered.</summary>
/// <param name="From">The sender of every email.</param>
/// <param name="ReplyTo">Where replies go (the coordinator), or null.</param>
/// <param name="MaxAttempts">After this many failures a message is dead: it waits for a coordinator's retry.</param>
/// <param name="FirstBackoff">The wait after the first failure; it doubles after each one, up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">The longest wait between attempts.</param>
public sealed record DeliveryOptions(MailboxAddress From, MailboxAddress? ReplyTo, int MaxAttempts, TimeSpan FirstBackoff, TimeSpan MaxBackoff)
{
    public static DeliveryOptions Default { get; } = new(new MailboxAddress("Sở Nội vụ thành phố Cần Thơ", "nhac-han@cantho.example"), null, 8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>
    /// Nothing is sent before this time of day: notifications that came due earlier (meant for an
    /// earlier day while the server was down, caught up at a start, or a night's timers) go out in
    /// that day's digest rather than in an email of their own at dawn.
    /// </summary>
    public LocalTime DigestTime { get; init; } = new(8, 0);

    /// <summary>The wait after <paramref name="attempts"/> failures: exponential, capped.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}

/// <summary>What one pass of the sender did.</summary>
public sealed record DeliveryResult(int Sent, int Failed, int Dead, int Unaddressed);

/// <summary>
/// Drains the outbox: the notifications whose moment has come, grouped into the emails agencies
/// read (one digest per agency per day, one escalation report), handed to the transport; rows are
/// claimed first, so two servers never send the same row, and marked sent only after the server
/// took the email. A failure is retried with exponential backoff; after too many, the rows are
/// dead, with the SMTP error, shown by `workflow status`.
/// </summary>
/// <remarks>
/// Everything claimed in one pass is composed as of today (the runtime clock's day): a notification
/// meant for an earlier day is worded as true today and merged into today's digest; its
/// idempotency key keeps its own day. The escalation report's "Đã nhắc" reads every reminder of
/// the milestone already sent, from the outbox, not only those of this pass.
/// </remarks>
public sealed class OutboxSender(IDbContextFactory<WorkflowDbContext> databases, IMailTransport transport, TemplateSet templates, WorkflowsData data, RuntimeClock clock, DeliveryOptions options, DeliverySetup setup)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>How long (real time) a pass waits for timers that are due but have not fired yet.</summary>
    private static readonly TimeSpan TimersGrace = TimeSpan.FromMinutes(2);

    private DateTime? timersLateSince;

    /// <summary>One pass: claims what is due, sends it, records the outcome.</summary>
    public async Task<DeliveryResult> SendDueAsync(CancellationToken ct = default)
    {
        var moment = clock.Now;
        var sentAt = moment.InZoneLeniently(RuntimeClock.Vietnam).ToInstant();
        var today = moment.Date;
        var now = MilestoneMapping.Moment.Format(moment);

        // Nothing goes before the digest time: what came due earlier (catch-ups after a start, a night's
        // timers) goes out in the day's digest, one email an agency.
        if (moment.TimeOfDay < options.DigestTime)
        {
            return new DeliveryResult(0, 0, 0, 0);
        }

        var utc = clock.UtcNow;
        List<OutboxRecord> claimed;
        Dictionary<(string, string), TaskRecord> tasks;
        Dictionary<string, PlanRecord> plans;
        Dictionary<(string, string, int), IReadOnlyList<string>> formerLeads;
        Dictionary<(string, string, int), string?> labels;
        List<Notification> reminded;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
#pragma warning disable CA1309 // translated to SQL, where "yyyy-MM-ddTHH:mm:ss" text compares as time does
            // A timer due by now that has not fired yet (Quartz a moment behind, or catching up after a
            // start) adds to today's digests: wait for it (a little), so each agency gets one digest a day.
            if (await db.Milestones.AnyAsync(m => m.Status == RunStatus.Waiting && m.BookmarkAt != null && string.Compare(m.BookmarkAt, now) <= 0, ct).ConfigureAwait(false))
            {
                timersLateSince ??= utc;
                if (utc - timersLateSince < TimersGrace)
                {
                    return new DeliveryResult(0, 0, 0, 0);
                }
            }
            else
            {
                timersLateSince = null;
            }

            claimed = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending && string.Compare(o.At, now) <= 0
                    && (o.NextAttemptUtc == null || o.NextAttemptUtc <= utc) && (o.ClaimedUntilUtc == null || o.ClaimedUntilUtc < utc))
                .OrderBy(o => o.At).Take(5_000).ToListAsync(ct).ConfigureAwait(false);
#pragma warning restore CA1309
            if (claimed.Count == 0)
            {
                return new DeliveryResult(0, 0, 0, 0);
            }

            foreach (var row in claimed)
            {
                row.ClaimedUntilUtc = utc + ClaimFor;
                row.Revision++;
            }

            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new DeliveryResult(0, 0, 0, 0); // another sender claimed some of them first: it sends them
            }

            var planIds = claimed.Select(c => c.PlanId).Distinct().ToList();
            tasks = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId)).ToDictionaryAsync(t => (t.PlanId, t.TaskId), ct).ConfigureAwait(false);
            plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
            var taskIds = claimed.Select(c => c.TaskId).Distinct().ToList();
            var milestones = await db.Milestones.AsNoTracking().Where(m => planIds.Contains(m.PlanId) && taskIds.Contains(m.TaskId))
                .Select(m => new { m.PlanId, m.TaskId, m.Number, m.Label, m.FormerLead }).ToListAsync(ct).ConfigureAwait(false);
            labels = milestones.ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => m.Label);
            formerLeads = milestones.Where(m => m.FormerLead != null)
                .ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => (IReadOnlyList<string>)MilestoneMapping.LeadIds(m.FormerLead!));
            var escalated = claimed.Where(c => c.Kind == NotificationKind.Escalation).Select(c => c.TaskId).Distinct().ToList();
            reminded = escalated.Count == 0 ? [] : (await db.Outbox.AsNoTracking()
                    .Where(o => o.Kind == NotificationKind.Reminder && o.Status == OutboxStatus.Sent && planIds.Contains(o.PlanId) && escalated.Contains(o.TaskId))
                    .ToListAsync(ct).ConfigureAwait(false)).Select(ToNotification).ToList();
        }

        var notifications = claimed.ToDictionary(c => c.Key, ToNotification, StringComparer.Ordinal);
        MilestoneFacts Facts(Notification n)
        {
            var task = tasks.GetValueOrDefault((n.Plan, n.Task));
            var plan = plans.GetValueOrDefault(n.Plan);
            var key = (n.Plan, n.Task, n.Milestone);
            return new MilestoneFacts(n.Plan, plan?.Number, n.Task, task?.Activity ?? n.Task, task?.Product, n.Milestone, labels.GetValueOrDefault(key), formerLeads.GetValueOrDefault(key));
        }

        var links = setup.Links;
        var composer = new MessageComposer(templates, data.Reference.Agencies, Facts, links is null ? null : links.ForDay);
        var composition = composer.ComposeDay(today, [.. notifications.Values], [.. reminded, .. notifications.Values.Where(n => n.Kind == NotificationKind.Reminder)]);
        var outcomes = new Dictionary<string, string?>(StringComparer.Ordinal); // key → error (null: sent)
        foreach (var email in composition.Emails)
        {
            using var message = MailMessages.Create(email, options.From, options.ReplyTo, sentAt);
            string? error = null;
            try
            {
                await transport.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (MailTransportException e)
            {
                error = e.Message;
            }

            foreach (var key in email.NotificationKeys)
            {
                // A notification in two emails (a reminder to two agencies) is sent when every one went.
                outcomes[key] = outcomes.TryGetValue(key, out var earlier) ? earlier ?? error : error;
            }
        }

        foreach (var (agency, n) in composition.Unaddressed)
        {
            outcomes[n.Key] = outcomes.GetValueOrDefault(n.Key) ?? $"cơ quan \"{agency}\" không có địa chỉ thư trong danh bạ (workflows/agencies.yaml)";
        }

        int sent = 0, failed = 0, dead = 0;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            var ids = claimed.Select(c => c.Id).ToList();
            foreach (var row in await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(ct).ConfigureAwait(false))
            {
                row.ClaimedUntilUtc = null;
                row.Revision++;
                if (!outcomes.TryGetValue(row.Key, out var error) || error is null)
                {
                    row.Status = OutboxStatus.Sent;
                    row.SentAtUtc = clock.UtcNow;
                    row.Attempts++;
                    sent++;
                    continue;
                }

                row.Attempts++;
                row.LastError = error;
                if (row.Attempts >= options.MaxAttempts)
                {
                    row.Status = OutboxStatus.Dead;
                    dead++;
                }
                else
                {
                    row.NextAttemptUtc = clock.UtcNow + options.Backoff(row.Attempts);
                    failed++;
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return new DeliveryResult(sent, failed, dead, composition.Unaddressed.Count);
    }

    /// <summary>A coordinator's retry: dead rows go back to pending, attempts reset.</summary>
    public async Task<int> RetryDeadAsync(CancellationToken ct = default)
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

    private static Notification ToNotification(OutboxRecord o) => new()
    {
        Kind = o.Kind,
        At = MilestoneMapping.Moment.Parse(o.At).Value,
        Plan = o.PlanId,
        Task = o.TaskId,
        Milestone = o.Milestone,
        Due = LocalDate.FromDateOnly(o.Due),
        To = o.To.Length == 0 ? [] : o.To.Split(','),
        Cc = o.Cc.Length == 0 ? [] : o.Cc.Split(','),
        Template = o.Template,
        Activity = o.Activity,
        Subject = o.Subject,
        Body = o.Body,
        BodyIsHtml = o.BodyIsHtml,
    };
}
