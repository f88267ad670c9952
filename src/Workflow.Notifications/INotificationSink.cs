namespace Workflow.Notifications;

/// <summary>Where the runtime puts what it decided to send: the outbox in the host (in the step's own transaction),
/// a list in a simulation. The outbox is then delivered by <see cref="Delivery.OutboxSender"/>.</summary>
public interface INotificationSink
{
    /// <summary>Adds <paramref name="notification"/> unless one with its key is already there.</summary>
    /// <returns>False when a notification with the same key was already added: the two are one.</returns>
    bool Add(Notification notification);
}
