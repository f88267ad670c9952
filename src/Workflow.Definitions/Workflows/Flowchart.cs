using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// The root of a definition, Elsa's "Elsa.Flowchart": activities and the connections between their
/// ports. A flowchart exists only when it passed every check of <see cref="WorkflowDefinitionReader"/>:
/// one start, every activity reachable from it, every connection between existing activities and ports,
/// no loop without a wait.
/// </summary>
public sealed class Flowchart : IEquatable<Flowchart>
{
    public const string TypeName = "Elsa.Flowchart";

    /// <summary>Elsa's Sequence as a root: its activities run in order (the connections are implied).</summary>
    public const string SequenceTypeName = "Elsa.Sequence";

    /// <summary>The id a root without one gets (Elsa's own default).</summary>
    public const string DefaultId = "Flowchart1";

    private readonly Dictionary<string, Activity> _byId;
    private readonly Dictionary<(string Id, string Port), IReadOnlyList<Activity>> _next;

    internal Flowchart(string id, IReadOnlyList<Activity> activities, IReadOnlyList<Connection> connections, string? startId, bool isSequence, SourceJson json)
    {
        Id = id;
        Activities = activities;
        Connections = connections;
        IsSequence = isSequence;
        Json = json;
        _byId = activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _next = connections
            .GroupBy(c => (c.Source, c.SourcePort))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Activity>)[.. g.Select(c => _byId[c.Target])]);
        Start = startId is null ? null : _byId[startId];
    }

    /// <summary>True for an Elsa.Sequence root, whose activities run in the order written.</summary>
    public bool IsSequence { get; }

    /// <summary>The activities of types this product does not run, here and in nested bodies.</summary>
    public IEnumerable<UnknownActivity> Placeholders() =>
        Activities.SelectMany(a => a switch
        {
            UnknownActivity u => [u],
            FlowNode { Body: { } body } => body.Placeholders(),
            _ => Enumerable.Empty<UnknownActivity>(),
        });

    /// <summary>Every activity, those of nested bodies (Elsa's FlowNode) included, each after its container.</summary>
    public IEnumerable<Activity> AllActivities() =>
        Activities.SelectMany(a => a is FlowNode { Body: { } body } ? body.AllActivities().Prepend(a) : [a]);

    /// <summary>The connections that lead into <paramref name="activityId"/>.</summary>
    public IEnumerable<Connection> Inbound(string activityId) => Connections.Where(c => c.Target == activityId);

    /// <summary>The root activity's id ("Flowchart1").</summary>
    public string Id { get; }

    /// <summary>The activities in file order.</summary>
    public IReadOnlyList<Activity> Activities { get; }

    /// <summary>The connections in file order.</summary>
    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>Where the flowchart starts, as Elsa finds it: its "start", else its <see cref="MilestoneStart"/> or Elsa
    /// <see cref="Workflows.Start"/>, else an activity marked canStartWorkflow, else the first no connection leads to;
    /// null when it has no activity.</summary>
    public Activity? Start { get; }

    internal SourceJson Json { get; }

    /// <summary>The activity with id <paramref name="activityId"/> (ids are case-sensitive).</summary>
    /// <exception cref="KeyNotFoundException">No activity has that id.</exception>
    public Activity Get(string activityId) =>
        TryGet(activityId, out Activity? activity)
            ? activity
            : throw new KeyNotFoundException($"Không có hoạt động \"{activityId}\" trong quy trình.");

    public bool TryGet(string activityId, [NotNullWhen(true)] out Activity? activity) =>
        _byId.TryGetValue(activityId, out activity);

    /// <summary>The activities connected to port <paramref name="outPort"/> of <paramref name="from"/>, in file
    /// order; empty when the port is not connected (that path of the workflow ends there).</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not an activity of this flowchart, or
    /// <paramref name="outPort"/> is not one of its ports: a runtime bug, not a data problem.</exception>
    public IReadOnlyList<Activity> Next(Activity from, string outPort)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!_byId.TryGetValue(from.Id, out Activity? own) || !ReferenceEquals(own, from) && own != from)
        {
            throw new ArgumentException($"Activity '{from.Id}' is not part of this flowchart.", nameof(from));
        }

        if (!from.OutPorts.Contains(outPort, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Activity '{from.Id}' ({from.Type}) has no port '{outPort}'; its ports: {string.Join(", ", from.OutPorts)}.", nameof(outPort));
        }

        return _next.GetValueOrDefault((from.Id, outPort)) ?? [];
    }

    /// <summary>Same id, same activities and connections in the same order, same unknown fields.</summary>
    public bool Equals(Flowchart? other) =>
        other is not null
        && Id == other.Id
        && Activities.SequenceEqual(other.Activities)
        && Connections.SequenceEqual(other.Connections)
        && Json.Equals(other.Json);

    public override bool Equals(object? obj) => Equals(obj as Flowchart);

    public override int GetHashCode() => HashCode.Combine(Id, Activities.Count, Connections.Count);

    internal JsonObject ToJsonNode()
    {
        var activities = new JsonArray([.. Activities.Select(WriteActivity)]);
        Connection[] written = [.. Connections.Where(c => !c.Implied)];
        var connections = new JsonArray([.. written.Select(WriteConnection)]);
        string type = IsSequence ? SequenceTypeName : TypeName;
        return WorkflowJson.Merge(Json.Raw,
        [
            WorkflowJson.Value("id", Id, WorkflowJson.AsString, Id, Id == DefaultId),
            WorkflowJson.Value("type", type, WorkflowJson.AsString, type, false),
            WorkflowJson.Always("activities", activities),
            WorkflowJson.Always("connections", connections, writeWhenAbsent: written.Length > 0),
        ]);
    }

    private static JsonObject WriteActivity(Activity activity)
    {
        ActivityDescriptor? descriptor = activity is UnknownActivity ? null : ActivityCatalog.Find(activity.Type);
        var fields = new List<JsonField>
        {
            WorkflowJson.Value("id", activity.Id, WorkflowJson.AsString, activity.Id, false),
            WorkflowJson.Value("type", activity.Type, WorkflowJson.AsString, activity.Type, false),
            WorkflowJson.Value("displayName", activity.DisplayName, WorkflowJson.AsString, activity.DisplayName, activity.DisplayName is null),
        };
        foreach ((InputDescriptor input, InputValue value) in (descriptor?.Inputs ?? []).Zip(activity.Inputs()))
        {
            JsonNode? node = InputValues.Write(input.Kind, value.Value);
            fields.Add(new JsonField(
                input.Name,
                token => Equals(InputValues.Reread(input, token), value.Value),
                token => InputValues.Rewrite(token, node),
                !value.IsDefault));
        }

        return WorkflowJson.Merge(activity.Json.Raw, fields);
    }

    private static JsonObject WriteConnection(Connection connection)
    {
        JsonObject? raw = connection.Json.Raw;
        bool flat = raw is not null && WorkflowJson.Get(raw, "source") is JsonValue;
        if (flat)
        {
            return WorkflowJson.Merge(raw,
            [
                WorkflowJson.Value("source", connection.Source, WorkflowJson.AsString, connection.Source, false),
                WorkflowJson.Value("target", connection.Target, WorkflowJson.AsString, connection.Target, false),
                Port("sourcePort", connection.SourcePort, Connection.DefaultSourcePort, raw: true),
                Port("targetPort", connection.TargetPort, Connection.DefaultTargetPort, raw: true),
            ]);
        }

        return WorkflowJson.Merge(raw,
        [
            Endpoint("source", connection.Source, connection.SourcePort, Connection.DefaultSourcePort, raw),
            Endpoint("target", connection.Target, connection.TargetPort, Connection.DefaultTargetPort, raw),

            // A flat port next to a nested endpoint is read only when the endpoint has none: kept as it was.
            new JsonField("sourcePort", _ => true, _ => null, false),
            new JsonField("targetPort", _ => true, _ => null, false),
        ]);
    }

    private static JsonField Port(string name, string port, string defaultPort, bool raw) =>
        WorkflowJson.Value(name, port, token => WorkflowJson.AsString(token) is { Length: > 0 } p ? p : defaultPort, port, raw && port == defaultPort);

    private static JsonField Endpoint(string name, string activity, string port, string defaultPort, JsonObject? connectionRaw)
    {
        JsonObject? rawEndpoint = connectionRaw is null ? null : WorkflowJson.Get(connectionRaw, name) as JsonObject;
        JsonObject Build() => WorkflowJson.Merge(rawEndpoint,
        [
            WorkflowJson.Value("activity", activity, WorkflowJson.AsString, activity, false),
            Port("port", port, defaultPort, raw: rawEndpoint is not null),
        ]);
        return new JsonField(name, _ => false, _ => Build(), true);
    }
}
