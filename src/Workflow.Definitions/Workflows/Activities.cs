using NodaTime;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// One activity of a <see cref="Flowchart"/>: a node with an id, a type string as written in Elsa 3's
/// JSON ("Cchc.WaitForMoment", "Elsa.Delay") and the out ports connections may leave from.
/// </summary>
/// <remarks>
/// <para>The set of activity types is closed: <see cref="ActivityCatalog.All"/> lists them, and only
/// this assembly can derive from <see cref="Activity"/>.</para>
/// <para>Equality is by value: the type, the id, the inputs, <see cref="DisplayName"/> and the fields
/// of the source JSON this model does not know (kept for the round trip). How an input was written
/// (bare or wrapped in an Elsa expression) and the spelling of property names do not count.</para>
/// </remarks>
public abstract record Activity(string Id)
{
    private protected const string DonePort = "Done";

    private protected static readonly IReadOnlyList<string> DoneOnly = [DonePort];

    /// <summary>The type string of the JSON, e.g. "Cchc.SendReminder".</summary>
    public abstract string Type { get; }

    /// <summary>The ports a connection may leave from, in display order: Done unless the type says otherwise.</summary>
    public virtual IReadOnlyList<string> OutPorts => DoneOnly;

    /// <summary>The label the coordinator gave the activity in the designer, if any.</summary>
    public string? DisplayName { get; init; }

    /// <summary>How messages name the activity: its type, with the coordinator's label when it has one
    /// ("Cchc.SendReminder \"Nhắc 3 ngày\"").</summary>
    public string Caption => DisplayName is { Length: > 0 } label ? $"{Type} \"{label}\"" : Type;

    /// <summary>The source JSON of a read activity (unknown fields, input forms); empty otherwise.</summary>
    internal SourceJson Json { get; init; } = SourceJson.None;

    /// <summary>The inputs in <see cref="ActivityCatalog"/> order, as typed values, each flagged when it
    /// is the value an absent input would have (so the writer can leave it out).</summary>
    internal abstract IEnumerable<InputValue> Inputs();

    /// <summary>The inputs that name an email template (<see cref="InputDescriptor.Template"/>), with the name given.</summary>
    public IEnumerable<(string Input, TemplateUse Use, string Name)> TemplateNames() =>
        ActivityCatalog.Find(Type) is not { } descriptor
            ? []
            : Inputs().Join(descriptor.Inputs.Where(i => i.Template is not null), v => v.Name, i => i.Name, (v, i) => (v.Name, i.Template!.Value, v.Value as string))
                .Where(t => t.Item3 is not null).Select(t => (t.Item1, t.Item2, t.Item3!));

    /// <summary>The inputs written as JavaScript or Liquid expressions, by input name.</summary>
    public IEnumerable<(string Input, Expression Expression)> ExpressionInputs() =>
        Inputs().Where(i => i.Value is Expression).Select(i => (i.Name, (Expression)i.Value!));
}

/// <summary>Elsa's Delay: waits <see cref="TimeSpan"/> from the moment it is reached.</summary>
public sealed record Delay(string Id, Duration TimeSpan) : Activity(Id)
{
    public const string TypeName = "Elsa.Delay";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("timeSpan", TimeSpan, false)];
}

/// <summary>Elsa's Timer: fires after each <see cref="Interval"/>; in a flowchart it is used in a loop whose
/// connections lead back to it.</summary>
public sealed record Timer(string Id, Duration Interval) : Activity(Id)
{
    public const string TypeName = "Elsa.Timer";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("interval", Interval, false)];
}

/// <summary>Elsa's StartAt: waits until <see cref="DateTime"/>, local to Asia/Ho_Chi_Minh (a value written with an
/// offset is converted when read): a <see cref="LocalDateTime"/>, or an <see cref="Expression"/> giving a JavaScript
/// Date or an ISO-8601 string, evaluated when the activity is reached. A moment already past does not wait.</summary>
public sealed record StartAt(string Id, object DateTime) : Activity(Id)
{
    public const string TypeName = "Elsa.StartAt";

    public override string Type => TypeName;

    internal override IEnumerable<InputValue> Inputs() => [new("dateTime", DateTime, false)];
}

#pragma warning disable CA1716 // "End" is the name of Elsa's activity ("Elsa.End") and of the API the runtime codes against.
/// <summary>Ends the workflow instance. Read from "Elsa.End" or Elsa's older "Elsa.Finish"; the type is
/// written back as it was read.</summary>
public sealed record End(string Id) : Activity(Id)
{
    public const string TypeName = "Elsa.End";

    public const string FinishTypeName = "Elsa.Finish";

    /// <summary>True when the source wrote "Elsa.Finish".</summary>
    public bool WrittenAsFinish { get; init; }

    public override string Type => WrittenAsFinish ? FinishTypeName : TypeName;

    private static readonly IReadOnlyList<string> NoPorts = [];

    public override IReadOnlyList<string> OutPorts => NoPorts;

    internal override IEnumerable<InputValue> Inputs() => [];
}
#pragma warning restore CA1716

/// <summary>Which activities suspend the workflow until some time or some signal.</summary>
public static class WaitActivities
{
    /// <summary>True for the types the catalog marks as waits (<see cref="ActivityDescriptor.IsWait"/>): the timers
    /// (<see cref="WaitForMoment"/>, <see cref="WaitForWeekday"/>, <see cref="Delay"/>, <see cref="Timer"/>, <see cref="StartAt"/>,
    /// <see cref="Cron"/>) and the signals (<see cref="WaitForSignal"/>, <see cref="ElsaEvent"/>): the activities a loop needs
    /// at least one of.</summary>
    public static bool IsWait(Activity activity) => IsWait(activity?.Type ?? throw new ArgumentNullException(nameof(activity)));

    /// <summary><see cref="IsWait(Activity)"/> by type string; false for an unknown type.</summary>
    public static bool IsWait(string type) => ActivityCatalog.Find(type)?.IsWait == true;
}

/// <summary>One input of an activity as a typed value (null for an absent optional one).</summary>
internal readonly record struct InputValue(string Name, object? Value, bool IsDefault);
