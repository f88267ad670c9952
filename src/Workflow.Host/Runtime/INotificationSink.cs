using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>Where the engine puts what it decided to send: the outbox in the host, a list in a simulation.</summary>
public interface INotificationSink
{
    /// <summary>Adds <paramref name="notification"/> unless one with its key is already there.</summary>
    /// <returns>False when a notification with the same key was already added: the two are one.</returns>
    bool Add(Notification notification);
}
