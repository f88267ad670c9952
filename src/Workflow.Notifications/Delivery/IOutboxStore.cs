using NodaTime;
using Workflow.Notifications.Messages;

namespace Workflow.Notifications.Delivery;

/// <summary>
/// The outbox as <see cref="OutboxSender"/> reads and writes it: the host implements it on its database (the rows
/// the runtime's steps wrote through <see cref="INotificationSink"/>). Claims are exclusive: two senders on one
/// database never claim the same row.
/// </summary>
public interface IOutboxStore
{
    /// <summary>True when a timer due by <paramref name="now"/> (the plans' local time) has not fired yet: its
    /// notifications would join today's digests, so the sender waits for it a little.</summary>
    Task<bool> TimersBehindAsync(LocalDateTime now, CancellationToken ct);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending rows due by <paramref name="now"/> (the plans' local time), whose
    /// backoff is over at the real instant <paramref name="real"/> and that no other sender holds, until
    /// <paramref name="claimedUntil"/>, oldest first.
    /// </summary>
    /// <returns>Null when nothing is due, or when another sender claimed some of them first (it sends them).</returns>
    Task<OutboxClaim?> ClaimDueAsync(LocalDateTime now, Instant real, Instant claimedUntil, int max, CancellationToken ct);

    /// <summary>Records what became of claimed rows and releases their claim.</summary>
    Task RecordAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken ct);

    /// <summary>A coordinator's retry: dead rows go back to pending, attempts reset. Returns how many.</summary>
    Task<int> RetryDeadAsync(CancellationToken ct);
}

/// <summary>Rows one sender claimed, with what composing them needs from the store.</summary>
/// <param name="Items">The claimed rows, oldest first.</param>
/// <param name="Facts">The plan, task and milestone an email names for a notification.</param>
/// <param name="SentReminders">Every reminder already sent for the tasks escalated in this claim (the escalation report's "Đã nhắc").</param>
public sealed record OutboxClaim(IReadOnlyList<OutboxItem> Items, Func<Notification, MilestoneFacts> Facts, IReadOnlyList<Notification> SentReminders);

/// <summary>One claimed row: its id in the store, the notification, the attempts so far.</summary>
public sealed record OutboxItem(long Id, Notification Notification, int Attempts);

/// <summary>What became of one claimed row after a pass (<see cref="Attempts"/> counts this one).</summary>
public abstract record OutboxOutcome(long Id, int Attempts)
{
    /// <summary>The server took the email at the real instant <paramref name="At"/>.</summary>
    public sealed record Sent(long Id, int Attempts, Instant At) : OutboxOutcome(Id, Attempts);

    /// <summary>It failed with <paramref name="Error"/>; tried again from the real instant <paramref name="NextAttempt"/>.</summary>
    public sealed record Retry(long Id, int Attempts, string Error, Instant NextAttempt) : OutboxOutcome(Id, Attempts);

    /// <summary>It failed too often: it waits for a coordinator's retry, with the last error.</summary>
    public sealed record Dead(long Id, int Attempts, string Error) : OutboxOutcome(Id, Attempts);
}

/// <summary>The two times delivery reads: the plans' local time (which day's emails; it may run faster for demos)
/// and real time (claims, backoff, waits; a fake one in tests).</summary>
public interface IDeliveryClock
{
    /// <summary>Now, Vietnam local time, on the runtime's clock.</summary>
    LocalDateTime Now { get; }

    /// <summary>Real time.</summary>
    TimeProvider Time { get; }
}
