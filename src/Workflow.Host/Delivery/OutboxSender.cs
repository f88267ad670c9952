using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
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
public sealed record DeliveryOptions(MailAddress From, MailAddress? ReplyTo, int MaxAttempts, TimeSpan FirstBackoff, TimeSpan MaxBackoff)
{
    public static DeliveryOptions Default { get; } = new(new MailAddress("nhac-han@cantho.example", "Sở Nội vụ thành phố Cần Thơ"), null, 8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

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
public sealed class OutboxSender(IDbContextFactory<WorkflowDbContext> databases, IMailTransport transport, TemplateSet templates, WorkflowsData data, RuntimeClock clock, DeliveryOptions options, DeliverySetup setup)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>One pass: claims what is due, sends it, records the outcome.</summary>
    public async Task<DeliveryResult> SendDueAsync(CancellationToken ct = default)
    {
        var now = MilestoneMapping.Moment.Format(clock.Now);
        var utc = DateTime.UtcNow;
        List<OutboxRecord> claimed;
        Dictionary<(string, string), TaskRecord> tasks;
        Dictionary<string, PlanRecord> plans;
        Dictionary<(string, string, int), IReadOnlyList<string>> formerLeads;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
#pragma warning disable CA1309 // translated to SQL, where "yyyy-MM-ddTHH:mm:ss" text compares as time does
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
            formerLeads = (await db.Milestones.AsNoTracking().Where(m => planIds.Contains(m.PlanId) && m.FormerLead != null)
                .Select(m => new { m.PlanId, m.TaskId, m.Number, m.FormerLead }).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => (IReadOnlyList<string>)MilestoneMapping.LeadIds(m.FormerLead!));
        }

        var notifications = claimed.ToDictionary(c => c.Key, ToNotification, StringComparer.Ordinal);
        MilestoneFacts Facts(Notification n)
        {
            var task = tasks.GetValueOrDefault((n.Plan, n.Task));
            var plan = plans.GetValueOrDefault(n.Plan);
            return new MilestoneFacts(n.Plan, plan?.Number, n.Task, task?.Activity ?? n.Task, task?.Product, n.Milestone, null, formerLeads.GetValueOrDefault((n.Plan, n.Task, n.Milestone)));
        }

        var links = setup.Links;
        var composer = new MessageComposer(templates, data.Reference.Agencies, Facts, options.From, links is null ? null : agency => links.For(agency, SystemClock.Instance.GetCurrentInstant()));
        var composition = composer.Compose([.. notifications.Values], [.. notifications.Values]);
        var outcomes = new Dictionary<string, string?>(StringComparer.Ordinal); // key → error (null: sent)
        foreach (var email in composition.Emails)
        {
            using var message = MailMessages.Create(options.From, email.To, email.Cc, email.Subject, email.Text, email.Html, options.ReplyTo);
            message.Headers.Add("Message-ID", $"<{EmailId(email)}@workflow.cantho.example>");
            string? error = null;
            try
            {
                await transport.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or NotSupportedException)
            {
                error = e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})";
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
                    row.SentAtUtc = DateTime.UtcNow;
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
                    row.NextAttemptUtc = DateTime.UtcNow + options.Backoff(row.Attempts);
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

    /// <summary>The same email (recipient, day, notifications) always gets the same Message-ID, so a resend after a crash can be recognised.</summary>
    private static string EmailId(ComposedEmail email)
    {
        var text = string.Join('|', email.NotificationKeys.Order(StringComparer.Ordinal)) + "|" + email.Recipient;
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant()
            + "." + email.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }
}
