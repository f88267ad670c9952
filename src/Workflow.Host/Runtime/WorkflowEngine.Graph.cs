using System.Runtime.CompilerServices;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

/// <summary>A definition's activities indexed once for the walk (cached per definition).</summary>
public sealed partial class WorkflowEngine
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, Graph> Graphs = new();

    private static Graph GraphOf(WorkflowDefinition definition) => Graphs.GetValue(definition, d => new Graph(d.Root));

    /// <summary>Every activity of a definition, nested bodies included, with the flowchart that holds it and the
    /// FlowNode that owns that flowchart (null at the root).</summary>
    private sealed class Graph
    {
        private readonly Dictionary<string, (Activity Activity, Flowchart Chart, FlowNode? Owner)> byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> members = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> inbound = new(StringComparer.Ordinal); // read at every step of every milestone: listed once

        public Graph(Flowchart root)
        {
            Add(root, null);
            Trigger = root.Start is Definitions.Workflows.Timer or Cron ? root.Start : null;
        }

        /// <summary>The root's start when it is a repeating trigger (Elsa's Timer or Cron), else null.</summary>
        public Activity? Trigger { get; }

        private void Add(Flowchart chart, FlowNode? owner)
        {
            foreach (var activity in chart.Activities)
            {
                byId[activity.Id] = (activity, chart, owner);
                inbound[activity.Id] = [.. chart.Inbound(activity.Id).Select(c => c.Source).Distinct(StringComparer.Ordinal)];
                if (owner is not null)
                {
                    AddMember(owner.Id, activity.Id);
                }

                if (activity is FlowNode { Body: { } body } node)
                {
                    Add(body, node);
                    if (owner is not null)
                    {
                        foreach (var inner in members.GetValueOrDefault(node.Id) ?? [])
                        {
                            AddMember(owner.Id, inner);
                        }
                    }
                }
            }
        }

        private void AddMember(string owner, string id)
        {
            if (!members.TryGetValue(owner, out var set))
            {
                members[owner] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(id);
        }

        public bool TryGet(string id, out Activity activity)
        {
            var found = byId.TryGetValue(id, out var entry);
            activity = entry.Activity;
            return found;
        }

        public IReadOnlyList<Activity> Next(Activity from, string port) =>
            byId.TryGetValue(from.Id, out var entry) && from.OutPorts.Contains(port, StringComparer.Ordinal) ? entry.Chart.Next(entry.Activity, port) : [];

        public FlowNode? Owner(string id) => byId.TryGetValue(id, out var entry) ? entry.Owner : null;

        /// <summary>Every activity a connection from <paramref name="id"/> leads to, whatever the port.</summary>
        public IEnumerable<string> Successors(string id) =>
            byId.TryGetValue(id, out var entry) ? entry.Chart.Connections.Where(c => c.Source == id).Select(c => c.Target) : [];

        public HashSet<string> Members(string owner) => members.GetValueOrDefault(owner) ?? [];

        /// <summary>Every activity of <paramref name="id"/>'s flowchart with a path to it.</summary>
        public HashSet<string> Ancestors(string id) => Walk(id, c => c.Target, c => c.Source);

        /// <summary>Every activity of <paramref name="id"/>'s flowchart with a path from it.</summary>
        public HashSet<string> Descendants(string id) => Walk(id, c => c.Source, c => c.Target);

        private HashSet<string> Walk(string id, Func<Connection, string> from, Func<Connection, string> to)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            if (!byId.TryGetValue(id, out var entry))
            {
                return found;
            }

            var pending = new Stack<string>([id]);
            while (pending.TryPop(out var current))
            {
                foreach (var next in entry.Chart.Connections.Where(c => from(c) == current).Select(to))
                {
                    if (found.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            return found;
        }

        public string[] InboundSources(string id) => inbound.GetValueOrDefault(id) ?? [];
    }
}
