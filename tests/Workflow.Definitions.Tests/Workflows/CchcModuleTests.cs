using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;

namespace Workflow.Definitions.Tests.Workflows;

/// <summary>
/// Our own activities as an Elsa-style module: every <see cref="CchcActivity"/> class is registered by itself (catalog,
/// palette, reader), and each does what its inputs say when it runs for a milestone.
/// </summary>
public sealed class CchcModuleTests
{
    private static readonly WorkingCalendar Calendar = RepositoryData.ReferenceData.Calendar;
    private static readonly AgencyId Lead = new("so-tu-phap");
    private static readonly AgencyId Coordinator = new("so-tai-chinh");
    private static readonly AgencyId FollowUp = new("so-noi-vu");

    [Fact]
    public void Every_class_of_the_module_is_in_the_catalog_before_elsas_activities_and_nothing_else_is_cchc()
    {
        var classes = typeof(CchcActivity).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(CchcActivity))).ToList();
        var ours = ActivityCatalog.All.TakeWhile(a => a.Type.StartsWith("Cchc.", StringComparison.Ordinal)).ToList();

        Assert.Equal(8, classes.Count);
        Assert.Equal(classes.Count, ours.Count);
        Assert.DoesNotContain(ActivityCatalog.All.Skip(ours.Count), a => a.Type.StartsWith("Cchc.", StringComparison.Ordinal));
        Assert.Equal(
            ["Cchc.MilestoneStart", "Cchc.WaitForMoment", "Cchc.WaitForWeekday", "Cchc.MilestoneDecision", "Cchc.SendReminder", "Cchc.SendOverdueNotice", "Cchc.Escalate", "Cchc.WaitForSignal"],
            ours.Select(a => a.Type));
        Assert.All(ours.Where(a => a.Inputs.Any(i => i.Kind == InputKind.Choice)), a =>
            Assert.All(a.Inputs.Where(i => i.Kind == InputKind.Choice), i => Assert.Equal(i.AllowedValues, i.ValueLabels.Keys)));
    }

    [Fact]
    public void What_the_catalog_says_about_waits_is_what_the_reader_and_the_loop_check_use()
    {
        Assert.True(WaitActivities.IsWait(new WaitForMoment("w", 3, DayUnit.CalendarDays, Relation.Before, new LocalTime(8, 0), DayOffShift.PreviousWorkingDay)));
        Assert.True(WaitActivities.IsWait(new WaitForSignal("s", SignalKind.Report)));
        Assert.False(WaitActivities.IsWait(new SendReminder("r", false, SendReminder.DefaultTemplate)));
        Assert.Equal(
            ["Cchc.WaitForMoment", "Cchc.WaitForWeekday", "Cchc.WaitForSignal", "Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Cron", "Elsa.Event"],
            ActivityCatalog.All.Where(a => a.IsWait).Select(a => a.Type));
    }

    [Fact]
    public void The_template_inputs_say_which_emails_they_write()
    {
        Assert.Equal(TemplateUse.Digest, ActivityCatalog.Find(SendReminder.TypeName)!.Inputs.Single(i => i.Name == "template").Template);
        Assert.Equal(TemplateUse.Digest, ActivityCatalog.Find(SendOverdueNotice.TypeName)!.Inputs.Single(i => i.Name == "template").Template);
        Assert.Equal(TemplateUse.Escalation, ActivityCatalog.Find(Escalate.TypeName)!.Inputs.Single(i => i.Name == "template").Template);
        Assert.Equal([("template", TemplateUse.Digest, "nhac-gap")], new SendReminder("r", false, "nhac-gap").TemplateNames());
        Assert.Equal([("template", TemplateUse.Escalation, "escalation")], new Escalate("e", null, Escalate.DefaultTemplate).TemplateNames());
        Assert.Empty(new WaitForSignal("s", SignalKind.Event).TemplateNames());
    }

    [Fact]
    public void A_moment_still_to_come_waits_and_one_already_past_goes_on_late()
    {
        var wait = new WaitForMoment("w", 3, DayUnit.CalendarDays, Relation.Before, new LocalTime(8, 0), DayOffShift.PreviousWorkingDay);
        Assert.Equal(new ActivityResult.WaitUntil(new LocalDateTime(2025, 3, 28, 8, 0)), wait.Run(new Milestone(new LocalDateTime(2025, 3, 20, 9, 0))));

        var late = Assert.IsType<ActivityResult.FollowPorts>(wait.Run(new Milestone(new LocalDateTime(2025, 3, 29, 9, 0))));
        Assert.Equal((new LocalDateTime(2025, 3, 28, 8, 0), true), (late.Moment, late.Late));
        var caughtUp = Assert.IsType<ActivityResult.FollowPorts>(wait.Run(new Milestone(new LocalDateTime(2025, 3, 29, 9, 0)) { CatchingUp = true }));
        Assert.Equal(new LocalDateTime(2025, 3, 29, 9, 0), caughtUp.Moment);
    }

    [Fact]
    public void A_weekday_wait_a_decision_and_a_signal_wait_do_what_their_inputs_say()
    {
        var monday = new WaitForWeekday("m", IsoDayOfWeek.Monday, new LocalTime(8, 0), DayOffShift.NextWorkingDay);
        Assert.Equal(new ActivityResult.WaitUntil(new LocalDateTime(2025, 4, 8, 8, 0)), monday.Run(new Milestone(new LocalDateTime(2025, 4, 3, 8, 0))));

        var overdue = new MilestoneDecision("d", MilestoneCondition.Overdue);
        Assert.Equal(["True"], Assert.IsType<ActivityResult.FollowPorts>(overdue.Run(new Milestone(new LocalDateTime(2025, 4, 2, 8, 0)) { Conditions = [MilestoneCondition.Overdue] })).Ports);
        Assert.Equal(["False"], Assert.IsType<ActivityResult.FollowPorts>(overdue.Run(new Milestone(new LocalDateTime(2025, 4, 2, 8, 0)))).Ports);

        Assert.Equal(new ActivityResult.WaitFor(SignalKind.Extension), new WaitForSignal("s", SignalKind.Extension).Run(new Milestone(new LocalDateTime(2025, 4, 2, 8, 0))));
    }

    [Fact]
    public void A_reminder_goes_to_the_lead_with_its_template_and_to_the_coordinators_when_asked()
    {
        var milestone = new Milestone(new LocalDateTime(2025, 3, 28, 8, 0));
        new SendReminder("r", CopyCoordinators: true, Template: "nhac-gap").Run(milestone);
        new SendReminder("r2", CopyCoordinators: false, Template: SendReminder.DefaultTemplate).Run(milestone);

        Assert.Equal(
            [(NoticeKind.Reminder, "so-tu-phap", "so-tai-chinh", "nhac-gap"), (NoticeKind.Reminder, "so-tu-phap", "", "reminder")],
            milestone.Sent);
    }

    [Fact]
    public void A_late_reminder_after_the_due_date_is_skipped_and_recorded()
    {
        var milestone = new Milestone(new LocalDateTime(2025, 4, 1, 8, 0)) { Late = true };
        var result = new SendReminder("r", false, SendReminder.DefaultTemplate).Run(milestone);

        Assert.Empty(milestone.Sent);
        Assert.Equal("bỏ qua nhắc hạn", Assert.Single(milestone.Recorded).What);
        Assert.False(Assert.IsType<ActivityResult.FollowPorts>(result).Late);
    }

    [Fact]
    public void An_overdue_notice_and_an_escalation_go_where_their_inputs_say()
    {
        var milestone = new Milestone(new LocalDateTime(2025, 4, 7, 8, 0));
        new SendOverdueNotice("o", CopyCoordinators: true, Template: SendOverdueNotice.DefaultTemplate).Run(milestone);
        new Escalate("e", To: null, Template: Escalate.DefaultTemplate).Run(milestone);
        new Escalate("e2", To: new AgencyId("van-phong-ubnd-thanh-pho"), Template: "bao-cao-rieng").Run(milestone);

        Assert.Equal(
            [
                (NoticeKind.Overdue, "so-tu-phap", "so-tai-chinh", "overdue"),
                (NoticeKind.Escalation, "so-noi-vu", "so-tu-phap", "escalation"),
                (NoticeKind.Escalation, "van-phong-ubnd-thanh-pho", "so-tu-phap", "bao-cao-rieng"),
            ],
            milestone.Sent);
    }

    [Fact]
    public void An_escalation_already_past_when_the_chase_starts_is_skipped()
    {
        var milestone = new Milestone(new LocalDateTime(2025, 4, 7, 8, 0)) { Late = true, CatchingUp = true };
        new Escalate("e", null, Escalate.DefaultTemplate).Run(milestone);

        Assert.Empty(milestone.Sent);
        Assert.Equal("bỏ qua báo cáo Sở Nội vụ", Assert.Single(milestone.Recorded).What);
    }

    /// <summary>A weekly wait counts from the branch's own moment, so an escalation the server reached late keeps its
    /// series; a weekday that has passed too is not sent back-dated, the wait counts from now.</summary>
    [Theory]
    [InlineData("2025-03-07T08:00", "2025-03-10T02:24", "2025-03-10T08:00")] // Friday's escalation sent early on Monday: Monday's still comes
    [InlineData("2025-03-07T08:00", "2025-03-12T09:00", "2025-03-17T08:00")] // down past Monday too: the next Monday, no back-dated one
    [InlineData("2025-03-10T08:00", "2025-03-10T08:00", "2025-03-17T08:00")] // on time, on a Monday: the next week's
    public void A_weekly_wait_keeps_the_series_of_a_late_step(string moment, string now, string expected)
    {
        static LocalDateTime At(string s) => LocalDateTimePattern.GeneralIso.Parse(s + ":00").Value;
        var milestone = new Milestone(At(now)) { Moment = At(moment), Late = At(now) > At(moment) };

        var result = new WaitForWeekday("w", IsoDayOfWeek.Monday, new LocalTime(8, 0), DayOffShift.NextWorkingDay).Run(milestone);

        Assert.Equal(At(expected), Assert.IsType<ActivityResult.WaitUntil>(result).At);
    }

    /// <summary>A milestone due Monday 31/03/2025, led by Sở Tư pháp with Sở Tài chính coordinating, at <paramref name="now"/>.</summary>
    private sealed class Milestone(LocalDateTime now) : IMilestoneContext
    {
        public LocalDateTime Now { get; } = now;

        public LocalDateTime Moment { get; init; } = now;

        public bool Late { get; init; }

        public bool CatchingUp { get; init; }

        public LocalDate EffectiveDue => new(2025, 3, 31);

        public WorkingCalendar Calendar => CchcModuleTests.Calendar;

        public IReadOnlyList<AgencyId> Lead => [CchcModuleTests.Lead];

        public IReadOnlyList<AgencyId> Coordinators => [Coordinator];

        public AgencyId FollowUpAgency => FollowUp;

        public IReadOnlyList<MilestoneCondition> Conditions { get; init; } = [];

        public List<(NoticeKind Kind, string To, string Cc, string Template)> Sent { get; } = [];

        public List<(string What, string Detail)> Recorded { get; } = [];

        public IReadOnlyList<AgencyId> HoldersOf(IReadOnlyList<AgencyId> agencies) => agencies;

        public bool Holds(MilestoneCondition condition) => Conditions.Contains(condition);

        public void Notify(NoticeKind kind, IReadOnlyList<AgencyId> recipients, IReadOnlyList<AgencyId> copied, string templateName) =>
            Sent.Add((kind, string.Join(",", recipients), string.Join(",", copied), templateName));

        public void Record(string what, string detail) => Recorded.Add((what, detail));
    }
}
