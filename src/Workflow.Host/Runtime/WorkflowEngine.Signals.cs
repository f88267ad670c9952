using NodaTime;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    private void Signal(MilestoneRun run, WorkflowDefinition definition, List<Bookmark> waiting, LocalDateTime now, INotificationSink sink)
    {
        var graph = GraphOf(definition);
        foreach (var b in waiting)
        {
            run.Bookmarks.Remove(b);
        }

        Run(run, graph, [.. waiting.SelectMany(b => Continuations(graph, b, now, afterDone: false))], now, sink);
    }

    private static IEnumerable<Token> Continuations(Graph graph, Bookmark bookmark, LocalDateTime now, bool afterDone)
    {
        if (!graph.TryGet(bookmark.ActivityId, out var activity))
        {
            yield break;
        }

        var next = graph.Next(activity, Done);
        if (next.Count == 0)
        {
            yield return Token.PathEnd(activity, now);
        }

        foreach (var target in next)
        {
            yield return new Token(target, now, false, activity.Id, afterDone);
        }
    }

    /// <summary>Elsa's PublishEvent: every branch waiting for the event (an <c>Elsa.Event</c> of that name) goes on.</summary>
    private static void Publish(MilestoneRun run, Graph graph, PublishEvent publish, Token token, LocalDateTime now, Queue<Token> queue)
    {
        var waiting = run.Bookmarks.Where(b => b.EventName == publish.EventName && b.At is null).ToList();
        foreach (var b in waiting)
        {
            run.Bookmarks.Remove(b);
            foreach (var t in Continuations(graph, b, now, token.AfterDone))
            {
                queue.Enqueue(t);
            }
        }

        run.History.Add(new HistoryEntry(now, publish.Id, "phát sự kiện", $"sự kiện \"{publish.EventName}\": {waiting.Count} nhánh đang chờ đi tiếp"));
    }
}
