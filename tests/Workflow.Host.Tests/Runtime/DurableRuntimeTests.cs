using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Quartz;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>The durable runtime on SQLite: import, timers in Quartz's store, done, events, re-import.</summary>
public sealed class DurableRuntimeTests() : RuntimeHostTests(TestClock.At(2025, 1, 1))
{
    private Plan Plan2025() => SeedPlan("cchc-2025.csv");

    private Task<List<MilestoneRecord>> MilestonesAsync(string task) => MilestonesWhereAsync(m => m.TaskId == task);

    [Fact]
    public async Task Import_starts_every_milestone_and_sets_a_durable_trigger_for_each_timer()
    {
        var result = await Runtime.ImportAsync(Plan2025(), "test");

        Assert.True(result.Created > 100);
        var task15 = Assert.Single(await MilestonesAsync("15"));
        Assert.Equal(RunStatus.Waiting, task15.Status);
        Assert.Equal(new NodaTime.LocalDateTime(2025, 3, 17, 8, 0), task15.BookmarkAt);
        var triggers = await TriggersAsync();
        Assert.Contains(WorkflowRuntime.TriggerKeyFor(task15.BookmarkAt!.Value), triggers);

        var dormant = Assert.Single(await MilestonesAsync("6"));
        Assert.Equal(RunStatus.Dormant, dormant.Status);
    }

    [Fact]
    public async Task Importing_the_same_plan_again_changes_nothing()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        var before = await TriggersAsync();
        var again = await Runtime.ImportAsync(Plan2025(), "test");
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Rescheduled);
        Assert.Equal(before.Order(), (await TriggersAsync()).Order());
    }

    [Fact]
    public async Task A_timer_firing_sends_through_the_outbox_once_even_when_it_fires_twice()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        var task15 = Assert.Single(await MilestonesAsync("15"));

        Clock.Set(2025, 3, 17, 8, 0);
        await Runtime.ResumeMomentAsync(task15.BookmarkAt!.Value, "hệ thống");
        await Runtime.ResumeMomentAsync(task15.BookmarkAt!.Value, "hệ thống"); // a second firing of the same trigger

        await using var db = await Host.Databases.CreateDbContextAsync();
        var sent = await db.Outbox.Where(o => o.TaskId == "15").ToListAsync();
        var reminder = Assert.Single(sent);
        Assert.Equal("cchc-2025/15/1/reminder/2025-03-17", reminder.Key);
        var after = Assert.Single(await MilestonesAsync("15"));
        Assert.Equal(new NodaTime.LocalDateTime(2025, 3, 24, 8, 0), after.BookmarkAt);
        Assert.Contains(WorkflowRuntime.TriggerKeyFor(after.BookmarkAt!.Value), await TriggersAsync());
    }

    [Fact]
    public async Task One_trigger_serves_every_milestone_waiting_for_the_same_moment()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        await using var db = await Host.Databases.CreateDbContextAsync();
        var moments = await db.Milestones.Where(m => m.BookmarkAt != null && m.Status == RunStatus.Waiting).Select(m => m.BookmarkAt!.Value).Distinct().ToListAsync();
        var waiting = await db.Milestones.CountAsync(m => m.BookmarkAt != null && m.Status == RunStatus.Waiting);
        Assert.True(moments.Count < waiting);
        Assert.Equal(moments.Select(WorkflowRuntime.TriggerKeyFor).Order(), (await TriggersAsync()).Order());

        // The moment fires: every milestone waiting for it resumes, once.
        var moment = moments.Order().First(m => m > new LocalDateTime(2025, 1, 1, 0, 0));
        Clock.Now = moment.InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToInstant();
        await Runtime.ResumeMomentAsync(moment, "test");
        await Runtime.ResumeMomentAsync(moment, "test");
        Assert.Equal(0, await db.Milestones.CountAsync(m => m.BookmarkAt == moment && m.Status == RunStatus.Waiting));
    }

    [Fact]
    public async Task Done_ends_the_workflow_and_leaves_no_timer_behind()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        Clock.Set(2025, 3, 20, 9, 0);
        Assert.Equal(1, await Runtime.MarkDoneAsync(new PlanId("cchc-2025"), new TaskId("15"), null, new LocalDate(2025, 3, 20), "test"));

        var task15 = Assert.Single(await MilestonesAsync("15"));
        Assert.Equal(RunStatus.Finished, task15.Status);
        Assert.Null(task15.BookmarkAt);
        Assert.Equal(0, (await Runtime.ReconcileAsync()).Created);
    }

    [Fact]
    public async Task An_approved_extension_replaces_the_due_date_and_the_chase_starts_over()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        Clock.Set(2025, 3, 20, 9, 0);
        Assert.Equal(1, await Runtime.ExtendAsync(new PlanId("cchc-2025"), new TaskId("15"), 1, new LocalDate(2025, 5, 30), "test"));

        var task15 = Assert.Single(await MilestonesAsync("15"));
        Assert.True(task15.Extended);
        Assert.Equal(new DateOnly(2025, 5, 30), task15.EffectiveDue);
        Assert.Equal(new NodaTime.LocalDateTime(2025, 5, 16, 8, 0), task15.BookmarkAt); // 14 days before the new date
        Assert.Contains(WorkflowRuntime.TriggerKeyFor(task15.BookmarkAt!.Value), await TriggersAsync());
    }

    [Fact]
    public async Task An_event_wakes_a_dormant_milestone()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        Clock.Set(2025, 6, 2, 10, 0);
        Assert.Equal(1, await Runtime.RecordEventAsync(new PlanId("cchc-2025"), new TaskId("6"), new LocalDate(2025, 6, 2), "test"));

        var task6 = Assert.Single(await MilestonesAsync("6"));
        Assert.Equal(new DateOnly(2025, 7, 2), task6.EffectiveDue);
        Assert.Equal(new NodaTime.LocalDateTime(2025, 6, 18, 8, 0), task6.BookmarkAt);
    }

    [Fact]
    public async Task Reconcile_recreates_missing_triggers_and_removes_stale_ones()
    {
        await Runtime.ImportAsync(Plan2025(), "test");
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var all = await TriggersAsync();
        var lost = all.Take(5).ToList();
        await scheduler.UnscheduleJobs(lost);
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity("2030-01-01T08:00:00", WorkflowRuntime.TriggerGroup).ForJob(WorkflowRuntime.ResumeJob).StartAt(DateTimeOffset.UtcNow.AddYears(5)).Build(), new ScheduleJobOptions());

        var (created, removed) = await Runtime.ReconcileAsync();

        Assert.Equal(5, created);
        Assert.Equal(1, removed);
        Assert.Equal(all.Order(), (await TriggersAsync()).Order());
    }
}
