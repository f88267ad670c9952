using NodaTime;
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

/// <summary>
/// Waits until a moment relative to the milestone's effective due date: <see cref="Offset"/> calendar
/// or working days before or after it, at <see cref="TimeOfDay"/> in Asia/Ho_Chi_Minh.
/// </summary>
/// <remarks>A moment already past when the activity is reached does not wait: the branch goes on at once, marked late
/// (dated now while a chase starts, so what follows is caught up once today).</remarks>
public sealed record WaitForMoment(string Id, int Offset, DayUnit Unit, Relation Relation, LocalTime TimeOfDay, DayOffShift IfDayOff) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.WaitForMoment";

    /// <summary>The largest accepted <see cref="Offset"/>: a year and a day.</summary>
    public const int MaxOffset = 366;

    public override string Type => TypeName;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Chờ đến ngày so với hạn", ActivityInputs.WaitingCategory,
            "Chờ tới một thời điểm tính từ hạn hiệu lực của mốc: N ngày (hoặc N ngày làm việc) trước hay sau hạn, vào giờ đã chọn.",
            [
                new("offset", InputKind.Number, true, null, [], "Số ngày")
                {
                    Help = "Số ngày trước hoặc sau hạn (0 là chính ngày hạn).",
                    Minimum = 0,
                    Maximum = MaxOffset,
                },
                ActivityInputs.Choice("unit", false, nameof(DayUnit.CalendarDays), "Cách đếm ngày",
                    "CalendarDays: đếm mọi ngày; WorkingDays: chỉ đếm ngày làm việc (bỏ cuối tuần, ngày lễ, ngày nghỉ bù).",
                    (DayUnit.CalendarDays, "Ngày lịch"), (DayUnit.WorkingDays, "Ngày làm việc")),
                ActivityInputs.Choice("relation", true, null, "Trước hay sau hạn", "Before: trước hạn; After: sau hạn.",
                    (Relation.Before, "Trước hạn"), (Relation.After, "Sau hạn")),
                ActivityInputs.TimeOfDay(),
                ActivityInputs.IfDayOff(null,
                    "Chỉ áp dụng khi đếm theo ngày lịch. Mặc định: trước hạn thì lùi (PreviousWorkingDay), sau hạn thì dời (NextWorkingDay)."),
            ], DoneOnly, true)
        {
            Summary = "{offset} {unit}, {relation}, {timeOfDay}",
        },
        (id, _, v) =>
        {
            var relation = (Relation)v["relation"]!;
            return new WaitForMoment(id, (int)v["offset"]!, (DayUnit?)v["unit"] ?? DayUnit.CalendarDays, relation,
                (LocalTime?)v["timeOfDay"] ?? ActivityCatalog.DefaultTimeOfDay, (DayOffShift?)v["ifDayOff"] ?? DefaultShift(relation));
        }) { Order = 20 };

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

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var at = MomentFor(milestone.EffectiveDue, milestone.Calendar);
        return at > milestone.Now
            ? new ActivityResult.WaitUntil(at)
            : new ActivityResult.FollowPorts(DoneOnly, milestone.CatchingUp ? milestone.Now : at, true);
    }
}
