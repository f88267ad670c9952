using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Tests;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// A plan larger than the import's batches: every milestone is written with its own history (the
/// set-wise insert gives each row an id reserved for it), one trigger a distinct moment, and a moment that
/// many milestones wait for resumes them all, a batch to a transaction, once.
/// </summary>
public sealed class LargeImportTests() : RuntimeHostTests(TestClock.At(2025, 1, 1))
{
    // More than one import chunk (2,000) and many SQLite statements; the dates spread over four days.
    private const int Tasks = 2_345;


    private Plan GeneratedPlan(int tasks = Tasks)
    {
        var csv = new StringBuilder("Mã kế hoạch,lon\nTên kế hoạch,Kế hoạch lớn\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n");
        for (var i = 1; i <= tasks; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},Nhiệm vụ số {i},Sở Nội vụ,ngày {2 + (i % 4):00}/06/2025\n");
        }

        return PlanFromText(csv.ToString(), "lon.csv", PlanLimits.Generated);
    }

    [Fact]
    public async Task Every_milestone_gets_its_row_its_task_its_own_history_and_one_trigger_a_moment() =>
        await ImportsEverythingAsync(Host.Runtime, Host.Databases, Host.Services);

    [PostgresFact]
    public async Task On_postgresql_too()
    {
        var schema = new Scheduling.PostgresSchema("large_import");
        await schema.CreateAsync();
        try
        {
            using var postgres = WorkflowHost.Build(Data, new DatabaseSettings(Workflow.Host.Scheduling.DatabaseKind.PostgreSql, schema.ConnectionString), runJobs: false, clock: RuntimeClock.System(Clock));
            await postgres.StartAsync();
            await ImportsEverythingAsync(postgres.Services.GetRequiredService<WorkflowRuntime>(), postgres.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), postgres.Services);
            await postgres.StopAsync();
        }
        finally
        {
            await schema.DropAsync();
        }
    }

    private async Task ImportsEverythingAsync(WorkflowRuntime runtime, IDbContextFactory<WorkflowDbContext> databases, IServiceProvider services)
    {
        List<string> migrated;
        await using (var fresh = await databases.CreateDbContextAsync())
        {
            migrated = await Persistence.BulkLoadIndexesTests.SchemaAsync(fresh);
        }

        var result = await runtime.ImportAsync(GeneratedPlan(), "test");

        Assert.Equal(Tasks, result.Created);
        await using var db = await databases.CreateDbContextAsync();

        // A load into an empty store builds the secondary indexes again at its end: the schema is the migrations' own.
        Assert.Equal(migrated, await Persistence.BulkLoadIndexesTests.SchemaAsync(db));
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == "lon").ToListAsync();
        Assert.Equal(Tasks, milestones.Count);
        Assert.Equal(Tasks, await db.Tasks.CountAsync(t => t.PlanId == "lon"));
        var searchText = await db.Tasks.Where(t => t.PlanId == "lon" && t.TaskId == "17").Select(t => EF.Property<string>(t, nameof(TaskRecord.SearchText))).SingleAsync();
        Assert.Equal(TaskRecord.SearchTextOf("17", "Nhiệm vụ số 17", null), searchText);
        Assert.All(milestones, m => Assert.Equal(RunStatus.Waiting, m.Status));

        // Each milestone's history is its own: the start names its effective due date and who imported the plan. It is
        // kept on the milestone's row, signed by the import, not written as a million history rows.
        Assert.Equal(0, await db.History.CountAsync());
        var import = await db.Imports.AsNoTracking().SingleAsync();
        Assert.Equal(("lon", "test", PlanStatus.Active), (import.PlanId, import.By, import.PlanStatus));
        var byMilestone = (await MilestoneSteps.ReadAsync(db, milestones)).ToLookup(h => h.MilestoneId);
        Assert.All(milestones, m =>
        {
            var start = Assert.Single(byMilestone[m.Id]);
            Assert.Equal(("bắt đầu", "test", import.At), (start.What, start.By, start.At));
            Assert.Contains(MilestoneMapping.Day(m.EffectiveDue), start.Why, StringComparison.Ordinal);
        });

        var moments = milestones.Select(m => m.BookmarkAt!.Value).Distinct().Order().ToList();
        Assert.Equal(4, moments.Count);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(WorkflowRuntime.TriggerGroup));
        Assert.Equal(moments.Select(WorkflowRuntime.TriggerKeyFor).Order(), triggers.Order());
    }

    [Fact]
    public async Task A_plan_imported_late_queues_each_catch_up_once_with_its_batch()
    {
        // Every due date (2-5 June) has passed: the engine, started ahead of the writer on its own thread, sends
        // what each milestone missed once, and the writer queues exactly that with the milestone's batch.
        Clock.Now = Instant.FromUtc(2025, 6, 20, 2, 0);
        var result = await Host.Runtime.ImportAsync(GeneratedPlan(), "test");

        Assert.Equal(Tasks, result.Created);
        await using var db = await Host.Databases.CreateDbContextAsync();
        var outbox = await db.Outbox.AsNoTracking().ToListAsync();
        var caughtUp = await db.History.AsNoTracking().Where(h => h.Why.StartsWith("gửi bù")).ToListAsync();
        Assert.NotEmpty(outbox);
        Assert.Equal(caughtUp.Count, outbox.Count);
        Assert.Equal(outbox.Count, outbox.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Tasks, outbox.Select(o => o.TaskId).Distinct(StringComparer.Ordinal).Count()); // the last batch's too
        var milestoneIds = await db.Milestones.Select(m => m.Id).ToListAsync();
        Assert.Equal(milestoneIds.Order(), caughtUp.Select(h => h.MilestoneId).Distinct().Order());
    }

    [Fact]
    public async Task A_database_failure_in_a_later_batch_leaves_nothing_half_imported()
    {
        // The store refuses the second batch's milestones while the engine's thread, two batches ahead, waits to hand over
        // the next of five: the import fails, rolls back whole, and stops that thread (else this would never return).
        await using var db = await Host.Databases.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_late BEFORE INSERT ON milestones WHEN NEW.Id > 2100 BEGIN SELECT RAISE(ABORT, 'refused'); END");
        var schema = await Persistence.BulkLoadIndexesTests.SchemaAsync(db);

        var e = await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => Host.Runtime.ImportAsync(GeneratedPlan(9_000), "test"));

        Assert.Contains("refused", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.Tasks.CountAsync());
        Assert.Equal(0, await db.Milestones.CountAsync());
        Assert.Equal(0, await db.History.CountAsync());
        Assert.Equal(0, await db.Imports.CountAsync());
        Assert.Equal(schema, await Persistence.BulkLoadIndexesTests.SchemaAsync(db)); // the dropped indexes are back
    }

    [Fact]
    public async Task A_moment_hundreds_of_milestones_wait_for_resumes_each_of_them_once()
    {
        await Host.Runtime.ImportAsync(GeneratedPlan(), "test");
        await using var db = await Host.Databases.CreateDbContextAsync();
        var moment = await db.Milestones.Where(m => m.BookmarkAt != null).Select(m => m.BookmarkAt!.Value).OrderBy(m => m).FirstAsync();
        var waiting = await db.Milestones.Where(m => m.BookmarkAt == moment).Select(m => m.Id).ToListAsync();
        Assert.True(waiting.Count > 500);

        Clock.Now = moment.InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToInstant();
        await Host.Runtime.ResumeMomentAsync(moment, "test");
        await Host.Runtime.ResumeMomentAsync(moment, "test"); // fired twice: nothing more

        Assert.Equal(0, await db.Milestones.CountAsync(m => m.BookmarkAt == moment));
        var reminders = await db.Outbox.AsNoTracking().Where(o => o.Kind == Notifications.NotificationKind.Reminder).ToListAsync();
        Assert.Equal(waiting.Count, reminders.Count);
        Assert.Equal(waiting.Count, reminders.Select(r => r.TaskId).Distinct().Count());
        var next = await db.Milestones.Where(m => waiting.Contains(m.Id)).Select(m => m.BookmarkAt!.Value).Distinct().ToListAsync();
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        foreach (var m in next)
        {
            Assert.True(await scheduler.Exists(WorkflowRuntime.TriggerKeyFor(m)));
        }
    }
}
