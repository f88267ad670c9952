using MimeKit;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Notifications.Links;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Notifications.Delivery;

/// <summary>How the outbox is delivered.</summary>
/// <param name="From">The sender of every email.</param>
/// <param name="ReplyTo">Where replies go (the coordinator), or null.</param>
/// <param name="MaxAttempts">After this many failures a message is dead: it waits for a coordinator's retry.</param>
/// <param name="FirstBackoff">The wait after the first failure; it doubles after each one, up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">The longest wait between attempts.</param>
public sealed record DeliveryOptions(MailboxAddress From, MailboxAddress? ReplyTo, int MaxAttempts, Duration FirstBackoff, Duration MaxBackoff)
{
    public static DeliveryOptions Default { get; } = new(new MailboxAddress("Sở Nội vụ thành phố Cần Thơ", "nhac-han@cantho.example"), null, 8, Duration.FromSeconds(30), Duration.FromHours(1));

    /// <summary>
    /// Nothing is sent before this time of day: notifications that came due earlier (meant for an
    /// earlier day while the server was down, caught up at a start, or a night's timers) go out in
    /// that day's digest rather than in an email of their own at dawn.
    /// </summary>
    public LocalTime DigestTime { get; init; } = new(8, 0);

    /// <summary>The wait after <paramref name="attempts"/> failures: exponential, capped.</summary>
    public Duration Backoff(int attempts) =>
        Duration.Min(MaxBackoff, FirstBackoff * (1L << Math.Clamp(attempts - 1, 0, 30)));
}

/// <summary>What one pass of the sender did.</summary>
public sealed record DeliveryResult(int Sent, int Failed, int Dead, int Unaddressed)
{
    public static DeliveryResult None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// Drains the outbox: the notifications whose moment has come, grouped into the emails agencies
/// read (one digest per agency per day, one escalation report, by <see cref="MessageComposer"/>), handed to the
/// transport; rows are claimed first (<see cref="IOutboxStore"/>), so two servers never send the same row, and
/// marked sent only after the server took the email. A failure is retried with exponential backoff; after too
/// many, the rows are dead, with the SMTP error, shown by `workflow status`.
/// </summary>
/// <remarks>
/// Everything claimed in one pass is composed as of today (the runtime clock's day): a notification
/// meant for an earlier day is worded as true today and merged into today's digest; its
/// idempotency key keeps its own day. The escalation report's "Đã nhắc" reads every reminder of
/// the milestone already sent, from the outbox, not only those of this pass.
/// </remarks>
public sealed class OutboxSender(IOutboxStore store, IMailTransport transport, TemplateSet templates, AgencyDirectory agencies, ReportLinks? links, IDeliveryClock clock, DeliveryOptions options)
{
    private static readonly Duration ClaimFor = Duration.FromMinutes(5);

    /// <summary>How long (real time) a pass waits for timers that are due but have not fired yet.</summary>
    private static readonly Duration TimersGrace = Duration.FromMinutes(2);

    /// <summary>The most rows one pass claims.</summary>
    private const int PassSize = 5_000;

    private Instant? timersLateSince;

    /// <summary>One pass: claims what is due, sends it, records the outcome.</summary>
    public async Task<DeliveryResult> SendDueAsync(CancellationToken ct = default)
    {
        var moment = clock.Now;

        // Nothing goes before the digest time: what came due earlier (catch-ups after a start, a night's
        // timers) goes out in the day's digest, one email an agency.
        if (moment.TimeOfDay < options.DigestTime)
        {
            return DeliveryResult.None;
        }

        // A timer due by now that has not fired yet (Quartz a moment behind, or catching up after a
        // start) adds to today's digests: wait for it (a little), so each agency gets one digest a day.
        var real = RealNow;
        if (await store.TimersBehindAsync(moment, ct).ConfigureAwait(false))
        {
            timersLateSince ??= real;
            if (real - timersLateSince < TimersGrace)
            {
                return DeliveryResult.None;
            }
        }
        else
        {
            timersLateSince = null;
        }

        if (await store.ClaimDueAsync(moment, real, real + ClaimFor, PassSize, ct).ConfigureAwait(false) is not { Items.Count: > 0 } claim)
        {
            return DeliveryResult.None;
        }

        var notifications = claim.Items.Select(i => i.Notification).ToList();
        var composer = new MessageComposer(templates, agencies, claim.Facts, links is null ? null : links.ForDay);
        var composition = composer.ComposeDay(moment.Date, notifications, [.. claim.SentReminders, .. notifications.Where(n => n.Kind == NotificationKind.Reminder)]);
        var errors = await SendAsync(composition, moment, ct).ConfigureAwait(false);
        foreach (var (agency, n) in composition.Unaddressed)
        {
            errors[n.Key] = errors.GetValueOrDefault(n.Key) ?? $"cơ quan \"{agency}\" không có địa chỉ thư trong danh bạ (workflows/agencies.yaml)";
        }

        var now = RealNow;
        var outcomes = claim.Items.Select(item => Outcome(item, errors.GetValueOrDefault(item.Notification.Key), now)).ToList();
        await store.RecordAsync(outcomes, ct).ConfigureAwait(false);
        return new DeliveryResult(outcomes.Count(o => o is OutboxOutcome.Sent), outcomes.Count(o => o is OutboxOutcome.Retry), outcomes.Count(o => o is OutboxOutcome.Dead), composition.Unaddressed.Count);
    }

    /// <summary>A coordinator's retry: dead rows go back to pending, attempts reset.</summary>
    public Task<int> RetryDeadAsync(CancellationToken ct = default) => store.RetryDeadAsync(ct);

    /// <summary>The real instant (claims, backoff, when a row was sent), from the injected clock.</summary>
    private Instant RealNow => Instant.FromDateTimeOffset(clock.Time.GetUtcNow());

    /// <summary>Hands every composed email to the transport; returns each notification's error (null: it went).</summary>
    private async Task<Dictionary<string, string?>> SendAsync(Composition composition, LocalDateTime moment, CancellationToken ct)
    {
        var sentAt = moment.InZoneLeniently(Liquid.Zone).ToInstant();
        var errors = new Dictionary<string, string?>(StringComparer.Ordinal);
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
                errors[key] = errors.TryGetValue(key, out var earlier) ? earlier ?? error : error;
            }
        }

        return errors;
    }

    /// <summary>Sent, tried again after the backoff, or dead after too many attempts.</summary>
    private OutboxOutcome Outcome(OutboxItem item, string? error, Instant now)
    {
        var attempts = item.Attempts + 1;
        return error is null ? new OutboxOutcome.Sent(item.Id, attempts, now)
            : attempts >= options.MaxAttempts ? new OutboxOutcome.Dead(item.Id, attempts, error)
            : new OutboxOutcome.Retry(item.Id, attempts, error, now + options.Backoff(attempts));
    }
}
