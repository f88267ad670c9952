using NodaTime;

namespace Workflow.Definitions.Workflows;

/// <summary>How an Elsa <see cref="FlowJoin"/> merges the branches that reach it.</summary>
public enum FlowJoinMode
{
    /// <summary>Continues once, when the first branch arrives (Elsa's default).</summary>
    WaitAny,

    /// <summary>Continues when every connection into it has been followed.</summary>
    WaitAll,
}

/// <summary>Elsa's Start: where a flowchart begins. Either it or <see cref="MilestoneStart"/>, at most one of them.</summary>
public sealed record Start(string Id) : Activity(Id)
{
    public const string TypeName = "Elsa.Start";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [];
}

/// <summary>Elsa's WriteLine: its <see cref="Text"/> (a string or an <see cref="Expression"/>) goes to the milestone's history.</summary>
public sealed record WriteLine(string Id, object? Text) : Activity(Id)
{
    public const string TypeName = "Elsa.WriteLine";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("text", Text, Text is null)];
}

/// <summary>Elsa's FlowDecision: continues on True or False as its <see cref="Condition"/> (a bool or an <see cref="Expression"/>) says.</summary>
public sealed record FlowDecision(string Id, object Condition) : Activity(Id)
{
    public const string TypeName = "Elsa.FlowDecision";

    private static readonly IReadOnlyList<string> Ports = [MilestoneDecision.TruePort, MilestoneDecision.FalsePort];

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => Ports;

    internal override IEnumerable<InputValue> Inputs() => [new("condition", Condition, false)];
}

/// <summary>Elsa's If in a flowchart: continues on True or False as its <see cref="Condition"/> says, then on Done.</summary>
public sealed record ElsaIf(string Id, object Condition) : Activity(Id)
{
    public const string TypeName = "Elsa.If";

    private static readonly IReadOnlyList<string> Ports = [MilestoneDecision.TruePort, MilestoneDecision.FalsePort, DonePort];

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => Ports;

    internal override IEnumerable<InputValue> Inputs() => [new("condition", Condition, false)];
}

/// <summary>Elsa's SetVariable: the instance's variable <see cref="Variable"/> takes <see cref="Value"/> (a literal or an <see cref="Expression"/>).</summary>
public sealed record SetVariable(string Id, string Variable, object? Value) : Activity(Id)
{
    public const string TypeName = "Elsa.SetVariable";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("variable", Variable, false), new("value", Value, Value is null)];
}

/// <summary>Elsa's FlowJoin: merges branches, continuing on the first (<see cref="FlowJoinMode.WaitAny"/>) or when all arrived.</summary>
public sealed record FlowJoin(string Id, FlowJoinMode Mode) : Activity(Id)
{
    public const string TypeName = "Elsa.FlowJoin";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("mode", Mode, Mode == FlowJoinMode.WaitAny)];
}

/// <summary>Elsa's FlowFork: continues on every one of its named <see cref="Branches"/> at once (comma-separated), in parallel.</summary>
public sealed record FlowFork(string Id, string Branches) : Activity(Id)
{
    public const string TypeName = "Elsa.FlowFork";

    public override string Type => TypeName;

    /// <summary>The branch names, in the order written.</summary>
    public override IReadOnlyList<string> OutPorts =>
        Branches.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal override IEnumerable<InputValue> Inputs() => [new("branches", Branches, false)];
}

/// <summary>Elsa's FlowNode: a container that runs its <see cref="Body"/> flowchart and continues on Done when the
/// body has nothing left to run.</summary>
public sealed record FlowNode(string Id, Flowchart? Body) : Activity(Id)
{
    public const string TypeName = "Elsa.FlowNode";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("body", Body, Body is null)];
}

/// <summary>Elsa's Cron: waits for the next occurrence of <see cref="CronExpression"/> (Asia/Ho_Chi_Minh), then continues.</summary>
public sealed record Cron(string Id, string CronExpression) : Activity(Id)
{
    public const string TypeName = "Elsa.Cron";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("cronExpression", CronExpression, false)];

    /// <summary>The next occurrence strictly after <paramref name="now"/>, or null when there is none.</summary>
    public LocalDateTime? NextAfter(LocalDateTime now) => CronSchedules.NextAfter(CronExpression, now);
}

/// <summary>Elsa's Event: waits until the event <see cref="EventName"/> happens to this milestone: "Report" (the lead
/// agency reports done), "Event" (a coordinator records the awaited event), "Extension" (an extension is approved),
/// or any name an <see cref="PublishEvent"/> of the same workflow publishes.</summary>
public sealed record ElsaEvent(string Id, string EventName) : Activity(Id)
{
    public const string TypeName = "Elsa.Event";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("eventName", EventName, false)];
}

/// <summary>Elsa's PublishEvent: resumes the <see cref="ElsaEvent"/>s of this milestone's workflow waiting for <see cref="EventName"/>.</summary>
public sealed record PublishEvent(string Id, string EventName) : Activity(Id)
{
    public const string TypeName = "Elsa.PublishEvent";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("eventName", EventName, false)];
}

/// <summary>Elsa's SendEmail, through the outbox: <see cref="To"/> and <see cref="Cc"/> are agency ids (resolved through
/// the directory on the day of sending) or addresses, comma-separated, or an expression giving them; subject and body
/// are evaluated as written.</summary>
public sealed record SendEmail(string Id, object? From, object To, object? Cc, object? Subject, object? Body) : Activity(Id)
{
    public const string TypeName = "Elsa.SendEmail";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("from", From, From is null),
        new("to", To, false),
        new("cc", Cc, Cc is null),
        new("subject", Subject, Subject is null),
        new("body", Body, Body is null),
    ];
}

/// <summary>
/// An activity of a type this product does not run (Elsa's HTTP activities, a C# script, a custom activity): read and
/// written back with every field as it was, shown marked in the designer, refused when publishing or running.
/// </summary>
public sealed record UnknownActivity(string Id, string TypeName) : Activity(Id)
{
    private static readonly IReadOnlyList<string> NoPorts = [];

    public override string Type => TypeName;

    /// <summary>None known: connections from it are kept as written.</summary>
    public override IReadOnlyList<string> OutPorts => NoPorts;

    internal override IEnumerable<InputValue> Inputs() => [];
}
