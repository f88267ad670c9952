using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Workflows;

/// <summary>Waits until the next <see cref="Weekday"/> at <see cref="TimeOfDay"/>: the weekly escalation.</summary>
public sealed record WaitForWeekday(string Id, IsoDayOfWeek Weekday, LocalTime TimeOfDay, DayOffShift IfDayOff) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.WaitForWeekday";

    public override string Type => TypeName;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Chờ đến thứ trong tuần", ActivityInputs.WaitingCategory,
            "Chờ tới thứ đã chọn, sau ngày của mốc vừa xử lý (mốc chạy bù muộn vẫn giữ lịch hằng tuần; thứ đó cũng đã qua thì tính từ hôm nay), vào giờ đã chọn; dùng cho việc nhắc lặp lại hằng tuần.",
            [
                ActivityInputs.Choice("weekday", true, null, "Thứ", "Monday (thứ Hai) … Sunday (Chủ nhật).",
                    (IsoDayOfWeek.Monday, "Thứ Hai"), (IsoDayOfWeek.Tuesday, "Thứ Ba"), (IsoDayOfWeek.Wednesday, "Thứ Tư"), (IsoDayOfWeek.Thursday, "Thứ Năm"),
                    (IsoDayOfWeek.Friday, "Thứ Sáu"), (IsoDayOfWeek.Saturday, "Thứ Bảy"), (IsoDayOfWeek.Sunday, "Chủ nhật")),
                ActivityInputs.TimeOfDay(),
                ActivityInputs.IfDayOff(nameof(DayOffShift.NextWorkingDay), "Mặc định NextWorkingDay."),
            ], DoneOnly, true)
        {
            Summary = "{weekday}, {timeOfDay}",
        },
        (id, _, v) => new WaitForWeekday(id, (IsoDayOfWeek)v["weekday"]!, (LocalTime?)v["timeOfDay"] ?? ActivityCatalog.DefaultTimeOfDay,
            (DayOffShift?)v["ifDayOff"] ?? DayOffShift.NextWorkingDay)) { Order = 30 };

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

    /// <summary>
    /// Waits for the weekday after the branch's own <see cref="IMilestoneContext.Moment"/>, so that a step the server
    /// reached late keeps its weekly series: an escalation meant for Friday 07/03/2025 08:00 and sent at 02:24 on Monday
    /// 10/03 still waits for Monday 10/03 08:00, as it would have on time (counted from the late hour it would skip to
    /// 17/03). A weekday that too has passed by <see cref="IMilestoneContext.Now"/> is not sent back-dated: the wait
    /// counts from now, as the catch-up rules say.
    /// </summary>
    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var next = NextAfter(milestone.Moment, milestone.Calendar);
        return new ActivityResult.WaitUntil(next > milestone.Now ? next : NextAfter(milestone.Now, milestone.Calendar));
    }
}
