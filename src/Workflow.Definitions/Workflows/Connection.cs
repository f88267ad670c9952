namespace Workflow.Definitions.Workflows;

/// <summary>A connection of a <see cref="Flowchart"/>: when <see cref="Source"/> completes through
/// <see cref="SourcePort"/>, <see cref="Target"/> runs.</summary>
/// <remarks>
/// <para>Read from both forms Elsa 3 writes: nested, <c>{"source": {"activity": "a", "port": "Done"}, "target":
/// {"activity": "b", "port": "In"}}</c>, and the older flat <c>{"source": "a", "target": "b", "sourcePort": "Done",
/// "targetPort": "In"}</c>; an absent port is "Done" at the source and "In" at the target. A read connection is
/// written back in the form it was read in; a new one in the nested form, Elsa 3's current one.</para>
/// <para>Equality is by the four names and the unknown fields of the source JSON (Elsa's <c>vertices</c>...), not by form.</para>
/// </remarks>
public sealed record Connection(string Source, string SourcePort, string Target, string TargetPort)
{
    public const string DefaultSourcePort = "Done";

    public const string DefaultTargetPort = "In";

    internal SourceJson Json { get; init; } = SourceJson.None;

    /// <summary>True for the connections an Elsa.Sequence implies between its activities: followed, never written.</summary>
    public bool Implied { get; init; }

    public override string ToString() => $"{Source}.{SourcePort} → {Target}.{TargetPort}";
}
