namespace Workflow.Notifications;

/// <summary>What a notification asks of its reader.</summary>
public enum NotificationKind
{
    /// <summary>A milestone is coming due: the lead agency is reminded (nhắc hạn).</summary>
    Reminder,

    /// <summary>A milestone's effective due date has passed: the lead agency is told (quá hạn).</summary>
    Overdue,

    /// <summary>A milestone is still open well after its due date: the follow-up agency is told (báo cáo Sở Nội vụ).</summary>
    Escalation,

    /// <summary>An email a definition writes itself (Elsa's SendEmail): its own recipients, subject and body.</summary>
    Email,
}
