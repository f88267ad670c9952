namespace Workflow.Notifications;

/// <summary>How a <see cref="NotificationKind"/> is written: in keys and JSON, and for people.</summary>
public static class NotificationKinds
{
    /// <summary>"reminder", "overdue", "escalation", "email": the kind in idempotency keys and in JSON.</summary>
    public static string Key(this NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => "reminder",
        NotificationKind.Overdue => "overdue",
        NotificationKind.Escalation => "escalation",
        NotificationKind.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>"nhắc hạn", "báo quá hạn", "báo cáo Sở Nội vụ": the kind in a history or a list.</summary>
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => "nhắc hạn",
        NotificationKind.Overdue => "báo quá hạn",
        NotificationKind.Escalation => "báo cáo Sở Nội vụ",
        NotificationKind.Email => "gửi thư",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
