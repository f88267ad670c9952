using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Workflows;

/// <summary>How <see cref="WaitForMoment.Offset"/> counts days.</summary>
public enum DayUnit
{
    /// <summary>Every day counts, working or not ("14 ngày trước hạn").</summary>
    CalendarDays,

    /// <summary>Only working days of the <see cref="WorkingCalendar"/> count ("3 ngày làm việc sau hạn").</summary>
    WorkingDays,
}

/// <summary>Whether a moment lies before or after the milestone's effective due date.</summary>
public enum Relation
{
    Before,
    After,
}

/// <summary>Where a moment that falls on a day off goes.</summary>
public enum DayOffShift
{
    /// <summary>Stays on the day off.</summary>
    Keep,

    /// <summary>Moves to the last working day before it (a reminder comes early rather than late).</summary>
    PreviousWorkingDay,

    /// <summary>Moves to the first working day after it.</summary>
    NextWorkingDay,
}

/// <summary>The milestone state a <see cref="MilestoneDecision"/> tests. The runtime owns the state; the
/// definition only names the question.</summary>
public enum MilestoneCondition
{
    /// <summary>Not reported done (whether or not it is late).</summary>
    Open,

    /// <summary>Reported done.</summary>
    Done,

    /// <summary>An extension was approved: the due date was replaced.</summary>
    Extended,

    /// <summary>Open and past its effective due date.</summary>
    Overdue,

    /// <summary>An event milestone whose event has not been recorded yet.</summary>
    Dormant,
}

/// <summary>What a <see cref="WaitForSignal"/> waits for (a bookmark the runtime resumes).</summary>
public enum SignalKind
{
    /// <summary>The lead agency's report (the milestone reported done).</summary>
    Report,

    /// <summary>A coordinator records the date of the event an event milestone waits for.</summary>
    Event,

    /// <summary>A coordinator approves an extension.</summary>
    Extension,
}

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

    /// <summary>The ports a connection may leave from, in display order.</summary>
    public abstract IReadOnlyList<string> OutPorts { get; }

    /// <summary>The label the coordinator gave the activity in the designer, if any.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The source JSON of a read activity (unknown fields, input forms); empty otherwise.</summary>
    internal SourceJson Json { get; init; } = SourceJson.None;

    /// <summary>The inputs in <see cref="ActivityCatalog"/> order, as typed values, each flagged when it
    /// is the value an absent input would have (so the writer can leave it out).</summary>
    internal abstract IEnumerable<InputValue> Inputs();

    /// <summary>The inputs written as JavaScript or Liquid expressions, by input name.</summary>
    public IEnumerable<(string Input, Expression Expression)> ExpressionInputs() =>
        Inputs().Where(i => i.Value is Expression).Select(i => (i.Name, (Expression)i.Value!));
}

/// <summary>The start of every workflow: the runtime binds an instance to one task milestone here.</summary>
/// <remarks>Exactly one per definition. It has no input; the milestone (its effective due date, its
/// lead and coordinating agencies) is the instance's, not the definition's.</remarks>
public sealed record MilestoneStart(string Id) : Activity(Id)
{
    public const string TypeName = "Cchc.MilestoneStart";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() => [];
}

/// <summary>
/// Waits until a moment relative to the milestone's effective due date: <see cref="Offset"/> calendar
/// or working days before or after it, at <see cref="TimeOfDay"/> in Asia/Ho_Chi_Minh.
/// </summary>
public sealed record WaitForMoment(string Id, int Offset, DayUnit Unit, Relation Relation, LocalTime TimeOfDay, DayOffShift IfDayOff) : Activity(Id)
{
    public const string TypeName = "Cchc.WaitForMoment";

    /// <summary>The largest accepted <see cref="Offset"/>: a year and a day.</summary>
    public const int MaxOffset = 366;

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    /// <summary>The <see cref="IfDayOff"/> of a file that does not write one: a moment before the due date
    /// moves earlier (a reminder must not come late), one after it moves later.</summary>
    public static DayOffShift DefaultShift(Relation relation) =>
        relation == Relation.Before ? DayOffShift.PreviousWorkingDay : DayOffShift.NextWorkingDay;

    /// <summary>The moment, as a local date and time in Asia/Ho_Chi_Minh.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Calendar days: the due date plus or minus <see cref="Offset"/> days; a day off then moves per
    /// <see cref="IfDayOff"/>. Due Monday 31/03/2025, 1 day before is Sunday 30/03, which moves to Friday 28/03.</item>
    /// <item>Working days: <see cref="WorkingCalendar.AddWorkingDays"/>, counted from the day after (or before)
    /// the due date, so the result is always a working day and <see cref="IfDayOff"/> does not apply:
    /// 1 working day after Monday 31/03/2025 is Tuesday 01/04, 3 is Thursday 03/04.</item>
    /// <item>An offset of 0 is the due date itself, moved per <see cref="IfDayOff"/> if it is a day off (an
    /// effective due date never is).</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the calendar's range (1900–2100).</exception>
    public LocalDateTime MomentFor(LocalDate effectiveDue, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        int signed = Relation == Relation.Before ? -Offset : Offset;
        LocalDate date = Offset != 0 && Unit == DayUnit.WorkingDays
            ? calendar.AddWorkingDays(effectiveDue, signed)
            : Shift(effectiveDue.PlusDays(signed), IfDayOff, calendar);
        return date.At(TimeOfDay);
    }

    internal static LocalDate Shift(LocalDate date, DayOffShift shift, WorkingCalendar calendar) => shift switch
    {
        DayOffShift.PreviousWorkingDay => calendar.PreviousWorkingDayOnOrBefore(date),
        DayOffShift.NextWorkingDay => calendar.NextWorkingDayOnOrAfter(date),
        _ => date,
    };

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("offset", Offset, false),
        new("unit", Unit, Unit == DayUnit.CalendarDays),
        new("relation", Relation, false),
        new("timeOfDay", TimeOfDay, TimeOfDay == ActivityCatalog.DefaultTimeOfDay),
        new("ifDayOff", IfDayOff, IfDayOff == DefaultShift(Relation)),
    ];
}

/// <summary>Waits until the next <see cref="Weekday"/> at <see cref="TimeOfDay"/>: the weekly escalation.</summary>
public sealed record WaitForWeekday(string Id, IsoDayOfWeek Weekday, LocalTime TimeOfDay, DayOffShift IfDayOff) : Activity(Id)
{
    public const string TypeName = "Cchc.WaitForWeekday";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    /// <summary>
    /// The next <see cref="Weekday"/> strictly after <paramref name="now"/>'s date, moved per
    /// <see cref="IfDayOff"/>, at <see cref="TimeOfDay"/>. After Thursday 03/04/2025 08:00, Monday comes as
    /// Tuesday 08/04/2025 08:00 (Monday 07/04/2025 is Giỗ Tổ Hùng Vương); after that, 14/04 and 21/04.
    /// </summary>
    /// <remarks>
    /// "Strictly after the date": called on a Monday, even at 07:00, a Monday wait gives the next week's Monday,
    /// since the loop that calls it has just acted today. A moment moved back (<see cref="DayOffShift.PreviousWorkingDay"/>)
    /// to or before <paramref name="now"/> is skipped for the following week's, so the wait never fires at
    /// once and a loop through it never spins.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the calendar's range (1900–2100).</exception>
    public LocalDateTime NextAfter(LocalDateTime now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        LocalDate candidate = now.Date.Next(Weekday);
        while (true)
        {
            LocalDateTime moment = WaitForMoment.Shift(candidate, IfDayOff, calendar).At(TimeOfDay);
            if (moment > now)
            {
                return moment;
            }

            candidate = candidate.PlusWeeks(1);
        }
    }

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("weekday", Weekday, false),
        new("timeOfDay", TimeOfDay, TimeOfDay == ActivityCatalog.DefaultTimeOfDay),
        new("ifDayOff", IfDayOff, IfDayOff == DayOffShift.NextWorkingDay),
    ];
}

/// <summary>Tests the milestone's state and continues on port True or False.</summary>
public sealed record MilestoneDecision(string Id, MilestoneCondition Condition) : Activity(Id)
{
    public const string TypeName = "Cchc.MilestoneDecision";

    public const string TruePort = "True";

    public const string FalsePort = "False";

    private static readonly IReadOnlyList<string> Ports = [TruePort, FalsePort];

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => Ports;

    internal override IEnumerable<InputValue> Inputs() => [new("condition", Condition, false)];
}

/// <summary>Emails a reminder to the milestone's lead agencies, optionally copying the coordinating ones.</summary>
public sealed record SendReminder(string Id, bool CopyCoordinators, string Template) : Activity(Id)
{
    public const string TypeName = "Cchc.SendReminder";

    public const string DefaultTemplate = "reminder";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("copyCoordinators", CopyCoordinators, !CopyCoordinators),
        new("template", Template, Template == DefaultTemplate),
    ];
}

/// <summary>Emails the lead agencies that the milestone is overdue, optionally copying the coordinating ones.</summary>
public sealed record SendOverdueNotice(string Id, bool CopyCoordinators, string Template) : Activity(Id)
{
    public const string TypeName = "Cchc.SendOverdueNotice";

    public const string DefaultTemplate = "overdue";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("copyCoordinators", CopyCoordinators, !CopyCoordinators),
        new("template", Template, Template == DefaultTemplate),
    ];
}

/// <summary>Reports the late milestone to an agency above the lead: by default the report calendar's
/// follow-up agency (<see cref="Reports.ReportCalendar.FollowUpAgency"/>, Sở Nội vụ).</summary>
public sealed record Escalate(string Id, AgencyId? To, string Template) : Activity(Id)
{
    public const string TypeName = "Cchc.Escalate";

    public const string DefaultTemplate = "escalation";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("to", To, To is null),
        new("template", Template, Template == DefaultTemplate),
    ];
}

/// <summary>Waits for the runtime to resume it with a signal (a bookmark): the agency's report, the
/// coordinator's event date, an approved extension.</summary>
public sealed record WaitForSignal(string Id, SignalKind Signal) : Activity(Id)
{
    public const string TypeName = "Cchc.WaitForSignal";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() => [new("signal", Signal, false)];
}

/// <summary>Elsa's Delay: waits <see cref="TimeSpan"/> from the moment it is reached.</summary>
public sealed record Delay(string Id, Duration TimeSpan) : Activity(Id)
{
    public const string TypeName = "Elsa.Delay";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() => [new("timeSpan", TimeSpan, false)];
}

/// <summary>Elsa's Timer: fires after each <see cref="Interval"/>; in a flowchart it is used in a loop whose
/// connections lead back to it.</summary>
public sealed record Timer(string Id, Duration Interval) : Activity(Id)
{
    public const string TypeName = "Elsa.Timer";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    internal override IEnumerable<InputValue> Inputs() => [new("interval", Interval, false)];
}

/// <summary>Elsa's StartAt: waits until <see cref="DateTime"/>, local to Asia/Ho_Chi_Minh (a value written with an
/// offset is converted when read): a <see cref="LocalDateTime"/>, or an <see cref="Expression"/> giving a JavaScript
/// Date or an ISO-8601 string, evaluated when the activity is reached. A moment already past does not wait.</summary>
public sealed record StartAt(string Id, object DateTime) : Activity(Id)
{
    public const string TypeName = "Elsa.StartAt";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

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
    /// <summary>True for <see cref="WaitForMoment"/>, <see cref="WaitForWeekday"/>, <see cref="WaitForSignal"/>,
    /// <see cref="Delay"/>, <see cref="Timer"/>, <see cref="StartAt"/>, <see cref="Cron"/> and <see cref="ElsaEvent"/>:
    /// the activities a loop needs at least one of.</summary>
    public static bool IsWait(Activity activity) =>
        activity is WaitForMoment or WaitForWeekday or WaitForSignal or Delay or Timer or StartAt or Cron or ElsaEvent;

    /// <summary><see cref="IsWait(Activity)"/> by type string; false for an unknown type.</summary>
    public static bool IsWait(string type) => ActivityCatalog.Find(type)?.IsWait == true;
}

/// <summary>One input of an activity as a typed value (null for an absent optional one).</summary>
internal readonly record struct InputValue(string Name, object? Value, bool IsDefault);
