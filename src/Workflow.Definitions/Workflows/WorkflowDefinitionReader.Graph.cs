using System.Text.Json.Nodes;
using NodaTime;

namespace Workflow.Definitions.Workflows;

public static partial class WorkflowDefinitionReader
{
    /// <summary>The checks on the graph once read: one start, every activity reachable, no loop without a wait, the floor on how often timers repeat.</summary>
    private sealed partial class Reading
    {
        /// <summary>The checks of the whole graph, on the connections that were accepted. An activity only a
        /// refused connection leads to is not reported unreachable: the connection's problem already names it.</summary>
        /// <returns>The id of the start activity, as Elsa finds it; null for an empty flowchart.</returns>
        private string? CheckGraph(Dictionary<string, Node> nodes, List<Connection> connections, HashSet<string> refusedTargets, string? explicitStart, bool isRoot)
        {
            var edges = nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
            foreach (Connection c in connections)
            {
                edges[c.Source].Add(c.Target);
            }

            var starts = nodes.Values.Where(n => n.Type is MilestoneStart.TypeName or Start.TypeName).OrderBy(n => n.Index).ToList();
            foreach (Node extra in starts.Skip(1))
            {
                Problem(extra.Id, $"đã có hoạt động bắt đầu \"{starts[0].Id}\"; mỗi sơ đồ chỉ có một \"{MilestoneStart.TypeName}\" hoặc \"{Start.TypeName}\".");
            }

            // Elsa's order: the flowchart's "start", else a Start activity, else one marked canStartWorkflow, else the
            // first activity no connection leads to, else the first activity.
            Node? start = null;
            if (explicitStart is not null && !nodes.TryGetValue(explicitStart, out start))
            {
                Problem(null, $"\"start\" của sơ đồ là \"{explicitStart}\", nhưng không có hoạt động nào mang id này.");
            }

            var targets = connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
            start ??= starts.FirstOrDefault()
                ?? nodes.Values.Where(n => n.CanStart).MinBy(n => n.Index)
                ?? nodes.Values.Where(n => !targets.Contains(n.Id)).MinBy(n => n.Index)
                ?? nodes.Values.MinBy(n => n.Index);
            if (start is null && isRoot)
            {
                Problem(null, "sơ đồ không có hoạt động nào; hãy thêm ít nhất một hoạt động bắt đầu.");
            }

            if (start is not null)
            {
                var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
                var pending = new Queue<string>(reached);
                while (pending.TryDequeue(out string? current))
                {
                    foreach (string next in edges[current].Where(reached.Add))
                    {
                        pending.Enqueue(next);
                    }
                }

                foreach (Node node in nodes.Values.Where(n => !reached.Contains(n.Id) && !refusedTargets.Contains(n.Id)).OrderBy(n => n.Index))
                {
                    Problem(node.Id, $"không đi tới được từ hoạt động bắt đầu \"{start.Id}\": hãy nối nó vào quy trình hoặc xóa nó.");
                }
            }

            CheckFloor(nodes, edges);
            foreach (List<Node> loop in LoopsWithoutWait(nodes, edges).Where(loop => !loop.Any(n => n.CanExitLoop)))
            {
                string cycle = string.Join(" → ", loop.Select(n => n.Id).Append(loop[0].Id));
                Problem(loop.OrderBy(n => n.Index).First().Id,
                    $"vòng lặp không có bước chờ: {cycle}. Một vòng lặp cần ít nhất một hoạt động chờ "
                    + $"({string.Join(", ", ActivityCatalog.All.Where(a => a.IsWait).Select(a => a.Type))}) "
                    + "hoặc một Elsa.FlowDecision / Elsa.If có điều kiện là biểu thức, nếu không nó chạy mãi không dừng.");
            }

            return start?.Id;
        }

        /// <summary>
        /// Issue 12's floor: a milestone's timers repeat at most hourly. A cron expression must not occur more often than
        /// <see cref="CronSchedules.Floor"/>; an Elsa.Timer or Elsa.Delay on a cycle (so it repeats) must wait at least that.
        /// A one-off short wait is harmless and allowed.
        /// </summary>
        private void CheckFloor(Dictionary<string, Node> nodes, Dictionary<string, List<string>> edges)
        {
            foreach (Node node in nodes.Values.OrderBy(n => n.Index))
            {
                if (node.Built is Cron cron)
                {
                    if (CronSchedules.Parse(cron.CronExpression, out string? error) is not { } parsed)
                    {
                        Problem(node.Id, $"đầu vào \"cronExpression\" (Biểu thức cron): {error}");
                    }
                    else if (CronSchedules.ShortestGap(parsed) is { } gap && gap < CronSchedules.Floor)
                    {
                        Problem(node.Id, $"biểu thức cron \"{cron.CronExpression}\" lặp lại quá dày (cách nhau {Show(gap)}); mỗi mốc chỉ được nhắc tối đa mỗi giờ một lần, hãy chọn lịch thưa hơn (ví dụ \"0 8 * * *\").");
                    }
                }

                if (node.Interval is { } interval && interval < CronSchedules.Floor && OnCycle(node.Id, edges))
                {
                    Problem(node.Id, $"{node.Type} lặp lại mỗi {Show(interval)} trong một vòng lặp; mỗi mốc chỉ được lặp tối đa mỗi giờ một lần (ít nhất 01:00:00).");
                }
            }
        }

        private static bool OnCycle(string id, Dictionary<string, List<string>> edges)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(edges[id]);
            while (pending.TryPop(out string? current))
            {
                if (current == id)
                {
                    return true;
                }

                if (seen.Add(current))
                {
                    foreach (string next in edges[current])
                    {
                        pending.Push(next);
                    }
                }
            }

            return false;
        }

        private static string Show(Duration duration) => duration.ToTimeSpan().ToString("c", System.Globalization.CultureInfo.InvariantCulture);

        private static bool CanStartWorkflow(JsonObject activity)
        {
            JsonNode? flag = WorkflowJson.Get(activity, "canStartWorkflow")
                ?? (WorkflowJson.Get(activity, "customProperties") is JsonObject custom ? WorkflowJson.Get(custom, "canStartWorkflow") : null);
            return WorkflowJson.AsBool(flag) == true;
        }

        /// <summary>
        /// The cycles of the graph without its wait activities, one per strongly connected component of that
        /// graph (Tarjan, iterative), each as a path from its first activity in file order back to it.
        /// </summary>
        private static IEnumerable<List<Node>> LoopsWithoutWait(Dictionary<string, Node> nodes, Dictionary<string, List<string>> edges)
        {
            List<string> Successors(string id) => [.. edges[id].Where(t => !nodes[t].IsWait)];

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var components = new List<List<string>>();
            int counter = 0;
            foreach (Node root in nodes.Values.Where(n => !n.IsWait).OrderBy(n => n.Index))
            {
                if (index.ContainsKey(root.Id))
                {
                    continue;
                }

                var work = new Stack<(string Id, List<string> Next, int Position)>();
                Enter(root.Id);
                while (work.Count > 0)
                {
                    (string id, List<string> next, int position) = work.Pop();
                    if (position < next.Count)
                    {
                        work.Push((id, next, position + 1));
                        string target = next[position];
                        if (!index.TryGetValue(target, out int targetIndex))
                        {
                            Enter(target);
                        }
                        else if (onStack.Contains(target))
                        {
                            low[id] = Math.Min(low[id], targetIndex);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        string parent = work.Peek().Id;
                        low[parent] = Math.Min(low[parent], low[id]);
                    }

                    if (low[id] == index[id])
                    {
                        var component = new List<string>();
                        string member;
                        do
                        {
                            member = stack.Pop();
                            onStack.Remove(member);
                            component.Add(member);
                        }
                        while (member != id);
                        components.Add(component);
                    }
                }

                void Enter(string id)
                {
                    index[id] = low[id] = counter++;
                    stack.Push(id);
                    onStack.Add(id);
                    work.Push((id, Successors(id), 0));
                }
            }

            foreach (List<string> component in components)
            {
                var members = new HashSet<string>(component, StringComparer.Ordinal);
                string first = component.OrderBy(id => nodes[id].Index).First();
                if (component.Count == 1 && !edges[first].Contains(first))
                {
                    continue;
                }

                // Shortest path from first back to first inside the component.
                var parent = new Dictionary<string, string>(StringComparer.Ordinal);
                var queue = new Queue<string>([first]);
                string? last = null;
                while (last is null && queue.TryDequeue(out string? current))
                {
                    foreach (string next in edges[current].Where(members.Contains))
                    {
                        if (next == first)
                        {
                            last = current;
                            break;
                        }

                        if (parent.TryAdd(next, current))
                        {
                            queue.Enqueue(next);
                        }
                    }
                }

                var path = new List<Node>();
                for (string? at = last; at is not null; at = at == first ? null : parent[at])
                {
                    path.Add(nodes[at]);
                }

                path.Reverse();
                yield return path;
            }
        }
    }
}
