using NodaTime;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Elsa's implicit join: an activity several activities lead to (not a FlowJoin) runs once when the branches that
    /// can still reach it have arrived. True when <paramref name="token"/> is held to wait for another branch.
    /// </summary>
    private static bool Held(MilestoneRun run, Graph graph, Queue<Token> queue, Token token)
    {
        var id = token.Activity.Id;
        if (token.From is null || token.Activity is FlowJoin || graph.InboundSources(id) is not { Length: > 1 } sources)
        {
            return false;
        }

        var arrived = run.Joins.TryGetValue(id, out var set) ? set : run.Joins[id] = new HashSet<string>(StringComparer.Ordinal);
        arrived.Add(token.From);
        if (sources.Where(s => !arrived.Contains(s)).Any(missing => MayArrive(run, graph, queue, id, missing)))
        {
            return true;
        }

        run.Joins.Remove(id);
        return false;
    }

    /// <summary>Whether a branch from <paramref name="source"/> may still reach <paramref name="target"/>: one is queued,
    /// or <paramref name="source"/> is reachable from a queued branch or a waiting one.</summary>
    private static bool MayArrive(MilestoneRun run, Graph graph, Queue<Token> queue, string target, string source)
    {
        if (queue.Any(t => t.Activity.Id == target && t.From == source))
        {
            return true;
        }

        // Where branches may still come from: queued steps, waits, and branches held at other joins.
        var pending = new Stack<string>(queue.Where(t => !t.Ended).Select(t => t.Activity.Id)
            .Concat(run.Bookmarks.Select(b => b.ActivityId))
            .Concat(run.Joins.Keys.Where(k => k != target)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var current))
        {
            if (current == source)
            {
                return true;
            }

            if (current != target && seen.Add(current))
            {
                foreach (var next in graph.Successors(current))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>When nothing is queued: the held branches whose missing branches can no longer come run now, and a WaitAll
    /// FlowJoin whose missing branches can no longer come is skipped (its path ends). True when something was queued.</summary>
    private static bool Release(MilestoneRun run, Graph graph, Queue<Token> queue, LocalDateTime now)
    {
        if (run.Status == RunStatus.Finished)
        {
            return false;
        }

        foreach (var (id, arrived) in run.Joins.ToList())
        {
            if (!graph.TryGet(id, out var activity))
            {
                continue;
            }

            if (activity is FlowJoin join)
            {
                if (join.Mode == FlowJoinMode.WaitAll && DecideWaitAll(run, graph, join, queue, now) is false)
                {
                    queue.Enqueue(Token.PathEnd(join, now));
                    return true;
                }

                continue;
            }

            if (!graph.InboundSources(id).Where(s => !arrived.Contains(s)).Any(missing => MayArrive(run, graph, queue, id, missing)))
            {
                run.Joins.Remove(id);
                queue.Enqueue(new Token(activity, now, false, null, false));
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Elsa's FlowJoin, with Elsa 3's rule for inbound branches that can no longer come (a decision took the other port, a
    /// branch ended or failed): <see cref="FlowJoinMode.WaitAny"/> goes on with the first branch and cancels the branches
    /// still on their way to it (their waits and queued steps), so a loop through it joins again next time;
    /// <see cref="FlowJoinMode.WaitAll"/> goes on when every inbound branch has arrived, waits while a missing one can
    /// still arrive, and is skipped (recorded, nothing after it runs) once one cannot. True when the join goes on now.
    /// </summary>
    private static bool Join(MilestoneRun run, Graph graph, FlowJoin join, Token token, Queue<Token> queue, LocalDateTime now)
    {
        if (join.Mode == FlowJoinMode.WaitAny)
        {
            run.Joins.Remove(join.Id);
            CancelInbound(run, graph, join.Id, queue);
            return true;
        }

        var arrived = run.Joins.TryGetValue(join.Id, out var set) ? set : run.Joins[join.Id] = new HashSet<string>(StringComparer.Ordinal);
        arrived.Add(token.From ?? string.Empty);
        return DecideWaitAll(run, graph, join, queue, now) ?? false;
    }

    /// <summary>A WaitAll join with branches arrived: true to go on (all arrived), null to keep waiting (a missing one may
    /// still come), false when it is skipped (a missing one cannot come any more; recorded on the timeline).</summary>
    private static bool? DecideWaitAll(MilestoneRun run, Graph graph, FlowJoin join, Queue<Token> queue, LocalDateTime now)
    {
        var arrived = run.Joins[join.Id];
        var missing = graph.InboundSources(join.Id).Where(s => !arrived.Contains(s)).ToList();
        if (missing.Count == 0)
        {
            run.Joins.Remove(join.Id);
            return true;
        }

        if (missing.Any(source => MayArrive(run, graph, queue, join.Id, source)))
        {
            return null;
        }

        run.Joins.Remove(join.Id);
        run.History.Add(new HistoryEntry(now, join.Id, "bỏ qua gộp nhánh",
            $"{join.Caption} chờ mọi nhánh (WaitAll) nhưng nhánh từ {string.Join(", ", missing.Select(m => $"\"{m}\""))} không còn tới được "
            + "(điều kiện đã rẽ sang nhánh khác, hoặc nhánh đã dừng): như Elsa, các bước sau nó không chạy."));
        return false;
    }

    /// <summary>Elsa's WaitAny cancels what is still on its way to the join: the waits and queued steps of activities that
    /// lead to it and do not come after it (a loop through the join keeps what follows it).</summary>
    private static void CancelInbound(MilestoneRun run, Graph graph, string join, Queue<Token> queue)
    {
        var ancestors = graph.Ancestors(join);
        ancestors.ExceptWith(graph.Descendants(join));
        ancestors.Add(join); // other branches already queued for the join itself
        run.Bookmarks.RemoveAll(b => ancestors.Contains(b.ActivityId) && b.ActivityId != join);
        var keep = queue.Where(t => !ancestors.Contains(t.Activity.Id)).ToList();
        queue.Clear();
        foreach (var t in keep)
        {
            queue.Enqueue(t);
        }
    }

    /// <summary>Elsa's FlowNode: runs its body from the body's start; the FlowNode goes on when the body's last branch ends.</summary>
    private static (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? EnterBody(FlowNode node, Token token, Queue<Token> queue)
    {
        if (node.Body?.Start is not { } bodyStart)
        {
            return ([Done], token.Moment, token.Late);
        }

        queue.Enqueue(new Token(bodyStart, token.Moment, token.Late, node.Id, token.AfterDone));
        return null;
    }

    /// <summary>Elsa's End: ends a FlowNode's body, this firing of a repeating trigger, or the whole workflow.</summary>
    private static void EndAt(MilestoneRun run, Graph graph, Token token, LocalDateTime now, Queue<Token> queue)
    {
        var moment = token.Moment;
        if (graph.Owner(token.Activity.Id) is { } owner)
        {
            // An End inside a FlowNode's body ends that body: its other branches stop, the FlowNode goes on.
            var members = graph.Members(owner.Id);
            run.Bookmarks.RemoveAll(b => members.Contains(b.ActivityId));
            var rest = queue.Where(t => !members.Contains(t.Activity.Id)).ToList();
            queue.Clear();
            foreach (var t in rest)
            {
                queue.Enqueue(t);
            }

            foreach (var after in graph.Next(owner, Done))
            {
                queue.Enqueue(new Token(after, moment, false, owner.Id, token.AfterDone));
            }

            return;
        }

        if (graph.Trigger is { } trigger && run.Bookmarks.FirstOrDefault(b => b.ActivityId == trigger.Id && b.IsTimer && !b.Parked) is { } firing)
        {
            // As in Elsa, where each firing of a trigger is its own instance: End ends this firing's branches, the trigger fires again.
            run.Bookmarks.RemoveAll(b => b != firing);
            run.Joins.Clear();
            queue.Clear();
            run.History.Add(new HistoryEntry(now, token.Activity.Id, "kết thúc lượt", $"lượt chạy này kết thúc; {trigger.Caption} chạy lại lúc {Moment(firing.At!.Value)}"));
            return;
        }

        Finish(run, token.Activity.Id, now, "kết thúc");
    }
}
