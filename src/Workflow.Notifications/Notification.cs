using System.Globalization;
using NodaTime;

namespace Workflow.Notifications;

/// <summary>
/// One notification the runtime decided to send: what, when, to whom, about which milestone. The
/// runtime writes it to the outbox in the same transaction as the step that decided it;
/// delivery (templates, digests, SMTP) belongs to this project.
/// </summary>
/// <remarks>
/// <see cref="Key"/> identifies the notification across restarts and retries: plan, task,
/// milestone, kind and day. Two reminders of one milestone that land on the same day (the 3-day
/// reminder and the 1-day one moved off a Sunday) have the same key and go out once.
/// </remarks>
public sealed record Notification
{
    public required NotificationKind Kind { get; init; }

    /// <summary>When it is due to go out, Vietnam local time (Asia/Ho_Chi_Minh, UTC+7).</summary>
    public required LocalDateTime At { get; init; }

    public required string Plan { get; init; }

    public required string Task { get; init; }

    /// <summary>The milestone's 1-based number within its task.</summary>
    public required int Milestone { get; init; }

    /// <summary>The milestone's effective due date (Civil Code art. 148).</summary>
    public required LocalDate Due { get; init; }

    /// <summary>Agency ids of the recipients (an <see cref="NotificationKind.Email"/> may also name addresses).</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Agency ids copied.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>The template's name ("reminder", "overdue", "escalation", or one a definition names).</summary>
    public required string Template { get; init; }

    /// <summary>For an <see cref="NotificationKind.Email"/>: the activity that sends it (two SendEmails of one
    /// milestone on one day are two emails); null otherwise.</summary>
    public string? Activity { get; init; }

    /// <summary>For an <see cref="NotificationKind.Email"/>: its subject, as evaluated.</summary>
    public string? Subject { get; init; }

    /// <summary>For an <see cref="NotificationKind.Email"/>: its body, as evaluated.</summary>
    public string? Body { get; init; }

    /// <summary>For an <see cref="NotificationKind.Email"/>: true when <see cref="Body"/> is HTML by intent (its values
    /// were escaped when it was evaluated); otherwise it is text and is escaped whole for the HTML part.</summary>
    public bool BodyIsHtml { get; init; }

    /// <summary>The idempotency key: plan, task, milestone, kind (with the activity for an email), day.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{Plan}/{Task}/{Milestone}/{Kind.Key()}{(Activity is null ? string.Empty : ":" + Activity)}/{At.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
}
