using NodaTime;
using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

public sealed class MomentTests
{
    private static readonly LocalTime Eight = new(8, 0);

    private static readonly LocalDate DueMonday31March2025 = D(2025, 3, 31);

    [Theory]
    [InlineData(14, 17)]
    [InlineData(7, 24)]
    [InlineData(3, 28)]
    [InlineData(1, 28)] // Sunday 30/03 moves back to Friday 28/03
    public void Calendar_days_before_the_due_date_move_back_off_days_off(int offset, int day)
    {
        var wait = new WaitForMoment("w", offset, DayUnit.CalendarDays, Relation.Before, Eight, DayOffShift.PreviousWorkingDay);
        Assert.Equal(At8(2025, 3, day), wait.MomentFor(DueMonday31March2025, Official));
    }

    [Theory]
    [InlineData(1, 1)] // Tuesday 01/04
    [InlineData(3, 3)] // Thursday 03/04
    public void Working_days_after_the_due_date_are_counted_on_the_calendar(int offset, int day)
    {
        var wait = new WaitForMoment("w", offset, DayUnit.WorkingDays, Relation.After, Eight, DayOffShift.NextWorkingDay);
        Assert.Equal(At8(2025, 4, day), wait.MomentFor(DueMonday31March2025, Official));
    }

    [Fact]
    public void Working_days_skip_holidays_and_count_back_before_the_due_date()
    {
        // Due Wednesday 09/04/2025: 2 working days before is Friday 04/04 (Monday 07/04 is Giỗ Tổ).
        var before = new WaitForMoment("w", 2, DayUnit.WorkingDays, Relation.Before, new LocalTime(14, 30), DayOffShift.Keep);
        Assert.Equal(new LocalDateTime(2025, 4, 4, 14, 30), before.MomentFor(D(2025, 4, 9), Official));

        // Due Friday 04/04/2025: 1 working day after is Tuesday 08/04.
        var after = new WaitForMoment("w", 1, DayUnit.WorkingDays, Relation.After, Eight, DayOffShift.Keep);
        Assert.Equal(At8(2025, 4, 8), after.MomentFor(D(2025, 4, 4), Official));
    }

    [Fact]
    public void Calendar_days_after_the_due_date_move_forward_or_stay_as_asked()
    {
        // 6 days after Tuesday 01/04/2025 is Monday 07/04, Giỗ Tổ.
        var forward = new WaitForMoment("w", 6, DayUnit.CalendarDays, Relation.After, Eight, DayOffShift.NextWorkingDay);
        Assert.Equal(At8(2025, 4, 8), forward.MomentFor(D(2025, 4, 1), Official));
        Assert.Equal(At8(2025, 4, 7), (forward with { IfDayOff = DayOffShift.Keep }).MomentFor(D(2025, 4, 1), Official));
        Assert.Equal(At8(2025, 4, 4), (forward with { IfDayOff = DayOffShift.PreviousWorkingDay }).MomentFor(D(2025, 4, 1), Official));
    }

    [Fact]
    public void An_offset_of_zero_is_the_due_date_itself()
    {
        var wait = new WaitForMoment("w", 0, DayUnit.WorkingDays, Relation.Before, new LocalTime(16, 0), DayOffShift.PreviousWorkingDay);
        Assert.Equal(new LocalDateTime(2025, 3, 31, 16, 0), wait.MomentFor(DueMonday31March2025, Official));
    }

    [Fact]
    public void An_absent_ifDayOff_moves_back_before_the_due_date_and_forward_after_it()
    {
        WorkflowDefinition definition = Read(Document(
            """
            {"id": "start", "type": "Cchc.MilestoneStart"},
            {"id": "before", "type": "Cchc.WaitForMoment", "offset": 1, "relation": "Before"},
            {"id": "after", "type": "Cchc.WaitForMoment", "offset": 5, "relation": "After"}
            """,
            string.Join(", ", Link("start", "before"), Link("before", "after"))));
        var before = (WaitForMoment)definition.Root.Get("before");
        var after = (WaitForMoment)definition.Root.Get("after");
        Assert.Equal((DayUnit.CalendarDays, Eight, DayOffShift.PreviousWorkingDay), (before.Unit, before.TimeOfDay, before.IfDayOff));
        Assert.Equal(DayOffShift.NextWorkingDay, after.IfDayOff);
        Assert.Equal(At8(2025, 3, 28), before.MomentFor(DueMonday31March2025, Official));
        Assert.Equal(At8(2025, 4, 8), after.MomentFor(D(2025, 4, 2), Official)); // Monday 07/04 → Tuesday 08/04
    }

    [Fact]
    public void The_weekly_escalation_after_Thursday_3_April_2025_skips_Gio_To()
    {
        var monday = new WaitForWeekday("w", IsoDayOfWeek.Monday, Eight, DayOffShift.NextWorkingDay);
        LocalDateTime first = monday.NextAfter(At8(2025, 4, 3), Official);
        LocalDateTime second = monday.NextAfter(first, Official);
        LocalDateTime third = monday.NextAfter(second, Official);
        Assert.Equal([At8(2025, 4, 8), At8(2025, 4, 14), At8(2025, 4, 21)], [first, second, third]);
    }

    [Fact]
    public void The_next_weekday_is_strictly_after_today()
    {
        var monday = new WaitForWeekday("w", IsoDayOfWeek.Monday, Eight, DayOffShift.NextWorkingDay);
        Assert.Equal(At8(2025, 4, 21), monday.NextAfter(new LocalDateTime(2025, 4, 14, 7, 0), Official));
    }

    [Fact]
    public void A_weekday_moved_back_to_today_or_earlier_waits_a_week_more()
    {
        // Friday 04/04/2025 10:00: next Monday 07/04 is off, moved back to Friday 04/04 08:00, already past.
        var monday = new WaitForWeekday("w", IsoDayOfWeek.Monday, Eight, DayOffShift.PreviousWorkingDay);
        Assert.Equal(At8(2025, 4, 14), monday.NextAfter(new LocalDateTime(2025, 4, 4, 10, 0), Official));
        Assert.Equal(At8(2025, 4, 4), monday.NextAfter(new LocalDateTime(2025, 4, 3, 10, 0), Official));
    }

    [Fact]
    public void Wait_activities_are_those_that_suspend()
    {
        Assert.Equal(
            ["Cchc.WaitForMoment", "Cchc.WaitForWeekday", "Cchc.WaitForSignal", "Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Cron", "Elsa.Event"],
            ActivityCatalog.All.Where(a => a.IsWait).Select(a => a.Type));
        Assert.True(WaitActivities.IsWait(new WaitForSignal("s", SignalKind.Report)));
        Assert.True(WaitActivities.IsWait(new Delay("d", Duration.FromDays(1))));
        Assert.False(WaitActivities.IsWait(new SendReminder("r", false, "reminder")));
        Assert.False(WaitActivities.IsWait(new MilestoneDecision("d", MilestoneCondition.Open)));
    }
}
