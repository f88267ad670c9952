using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Notifications;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A plan's life in the runtime: imported closed when its window is over, closed at its end, closed, archived and reopened by hand.</summary>
public sealed class PlanLifecycleTests() : RuntimeHostTests(TestClock.At(2025, 1, 1))
{
    private Plan Seed(string file) => SeedPlan(file);

    /// <summary>A small plan of 2026: three tasks due in March, June and September, one waiting for an event.</summary>
    private Plan Small(string years = "2026")
    {
        var csv = $"Mã kế hoạch,thu-2026\nTên kế hoạch,Kế hoạch thử 2026\nNgày ban hành,24/12/2025\nNăm theo dõi,{years}\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n"
            + "1,Việc quý I,Sở Tư pháp,Quý I/2026\n2,Việc quý II,Sở Tài chính,Quý II/2026\n3,Việc quý III,Sở Nội vụ,Quý III/2026\n4,Khi có hướng dẫn,Sở Nội vụ,Khi có hướng dẫn của Trung ương\n";
        return PlanFromText(csv, "thu-2026.csv");
    }

    private async Task<List<OutboxRecord>> OutboxAsync(string plan)
    {
        await using var db = await Host.Databases.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(o => o.PlanId == plan).OrderBy(o => o.Id).ToListAsync();
    }

    private Task<List<MilestoneRecord>> MilestonesAsync(string plan) => MilestonesWhereAsync(m => m.PlanId == plan);

    private async Task<PlanRecord> PlanAsync(string plan)
    {
        await using var db = await Host.Databases.CreateDbContextAsync();
        return await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan);
    }

    private async Task<int> StatusChangesAsync()
    {
        await using var db = await Host.Databases.CreateDbContextAsync();
        return await db.PlanStatusHistory.CountAsync();
    }

    private Task<PlanStatusResult> ChangeAsync(string plan, PlanAction action, LocalDate? on = null, string? reason = null, bool fromArchive = false) =>
        Runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId(plan), action, on, reason, "Nguyễn Văn A", fromArchive));

    /// <summary>Every timer due by now fires, as the server's triggers would.</summary>
    private async Task FireDueAsync()
    {
        List<LocalDateTime> moments;
        await using (var db = await Host.Databases.CreateDbContextAsync())
        {
            var now = Runtime.Now;
            moments = await db.Milestones.AsNoTracking().Where(m => m.Status == RunStatus.Waiting && m.BookmarkAt != null && m.BookmarkAt <= now)
                .Select(m => m.BookmarkAt!.Value).Distinct().OrderBy(m => m).ToListAsync();
        }

        foreach (var moment in moments)
        {
            await Runtime.ResumeMomentAsync(moment, "test");
        }
    }

    [Fact]
    public async Task A_plan_imported_after_its_window_is_recorded_closed_with_every_milestone_and_nothing_sent()
    {
        Clock.Set(2026, 12, 1, 9, 0);

        var result = await Runtime.ImportAsync(Seed("cchc-2025.csv"), "khởi tạo");

        Assert.True(result.Closed);
        var plan = await PlanAsync("cchc-2025");
        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.Equal(new DateOnly(2026, 2, 1), plan.StatusOn);
        Assert.Equal(PlanLifecycle.System, plan.StatusBy);
        Assert.Empty(await OutboxAsync("cchc-2025"));
        var milestones = await MilestonesAsync("cchc-2025");
        Assert.Equal(result.Created, milestones.Count);
        Assert.All(milestones, m => Assert.Null(m.BookmarkAt));
        Assert.All(milestones.Where(m => !m.WaitsForEvent), m => Assert.NotNull(m.EffectiveDue));
        Assert.Equal((0, 0), await Runtime.ReconcileAsync());

        // The reports keep them: with every plan, the 2025 milestones are there and overdue.
        var queries = new ProgressQueries(Host.Databases, Data.Reference.Agencies);
        Assert.Empty((await queries.OverviewAsync(Runtime.Now.Date)).Plans);
        var all = await queries.OverviewAsync(Runtime.Now.Date, null, PlanScope.All);
        Assert.Equal(milestones.Count, all.Total.Total);
        Assert.Equal(milestones.Count(m => m.Status == RunStatus.Waiting && m.EffectiveDue < new DateOnly(2026, 12, 1)), all.Total.Overdue);
        Assert.True(all.Total.Overdue > 50, all.Total.ToString());
    }

    [Fact]
    public async Task Milestones_already_due_at_import_get_one_overdue_notice_dated_today_and_no_back_dated_series()
    {
        Clock.Set(2026, 8, 3, 10, 0); // Q1 and Q2 are over, Q3 is not

        var result = await Runtime.ImportAsync(Small(), "nhập kế hoạch");

        Assert.False(result.Closed);
        var outbox = await OutboxAsync("thu-2026");
        var overdue = outbox.Where(o => o.Kind == NotificationKind.Overdue).ToList();
        Assert.Equal(["1", "2"], overdue.Select(o => o.TaskId).Order());
        Assert.All(overdue, o => Assert.Equal(new LocalDate(2026, 8, 3), o.At.Date));
        Assert.DoesNotContain(outbox, o => o.Kind == NotificationKind.Escalation);
        Assert.DoesNotContain(outbox, o => o.At.Date < new LocalDate(2026, 8, 3));

        // The weekly escalation goes on from the next Monday, not before.
        var first = (await MilestonesAsync("thu-2026")).First(m => m.TaskId == "1");
        Assert.Equal(new NodaTime.LocalDateTime(2026, 8, 10, 8, 0), first.BookmarkAt);
    }

    [Fact]
    public async Task An_open_ended_plan_gets_each_new_year_s_milestones_by_itself_once_and_without_a_back_dated_series()
    {
        // "2026 và những năm tiếp theo": a quarterly report (recurring) and a task of 2026 only.
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-open-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "mo-2026.csv");
        const string Head = "Mã kế hoạch,mo-2026\nTên kế hoạch,Kế hoạch không hạn cuối\nNgày ban hành,24/12/2025\nNăm theo dõi,2026 và những năm tiếp theo\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n";
        await File.WriteAllTextAsync(file, Head + "1,Báo cáo quý,Sở Tư pháp,Định kỳ hằng quý\n2,Việc năm 2026,Sở Tài chính,Quý II/2026\n");
        try
        {
            Clock.Set(2026, 12, 20, 9, 0);
            await Runtime.ImportAsync(PlanReader.Read(file, Data.Reference, openEndedThrough: 2026).Plan!, "nhập kế hoạch");
            int Quarterly(IEnumerable<MilestoneRecord> all, int year) => all.Count(m => m.TaskId == "1" && m.PlannedDue?.Year == year);
            Assert.Equal(4, Quarterly(await MilestonesAsync("mo-2026"), 2026));
            Assert.Empty(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)); // nothing new within the year

            // The year turns: the periodic round adds 2027's milestones, once, and sends nothing back-dated.
            Clock.Set(2027, 1, 1, 0, 5);
            var outboxBefore = (await OutboxAsync("mo-2026")).Count;
            Assert.Equal("Kế hoạch mo-2026: thêm 4 mốc của năm 2027.", Assert.Single(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)));
            var milestones = await MilestonesAsync("mo-2026");
            Assert.Equal(4, Quarterly(milestones, 2027));
            Assert.Single(milestones, m => m.TaskId == "2");
            Assert.Equal(outboxBefore, (await OutboxAsync("mo-2026")).Count);
            Assert.Empty(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)); // the same day: not again
            Clock.Set(2027, 1, 2, 0, 5);
            Assert.Empty(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)); // the next day: already through 2027
            Assert.Equal(milestones.Count, (await MilestonesAsync("mo-2026")).Count);

            // A server down over New Year: Q1/2028 fell due before the round. It starts as an import starts it (the periodic
            // reports' light chase has no overdue notice): nothing back-dated, at most one notice, dated today.
            Clock.Set(2028, 4, 15, 10, 0);
            outboxBefore = (await OutboxAsync("mo-2026")).Count;
            Assert.Equal("Kế hoạch mo-2026: thêm 4 mốc của năm 2028.", Assert.Single(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)));
            var q1 = (await MilestonesAsync("mo-2026")).Single(m => m.TaskId == "1" && m.PlannedDue == new DateOnly(2028, 3, 31));
            var sent = (await OutboxAsync("mo-2026")).Skip(outboxBefore).ToList();
            Assert.True(sent.Count(o => o.Milestone == q1.Number) <= 1);
            Assert.All(sent, o => Assert.True(o.At.Date >= new LocalDate(2028, 4, 15), o.At.ToString()));
            Assert.True(q1.BookmarkAt?.Date >= new LocalDate(2028, 4, 15), q1.BookmarkAt.ToString());

            // A file edited since its import is not followed behind the coordinator's back.
            await File.WriteAllTextAsync(file, Head + "1,Báo cáo quý (sửa),Sở Tư pháp,Định kỳ hằng quý\n2,Việc năm 2026,Sở Tài chính,Quý II/2026\n");
            Clock.Set(2029, 1, 1, 0, 5);
            var count = (await MilestonesAsync("mo-2026")).Count;
            Assert.Contains("đã khác bản đã nhập", Assert.Single(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain)), StringComparison.Ordinal);
            Assert.Equal(count, (await MilestonesAsync("mo-2026")).Count);

            // A closed plan is not followed.
            await Runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId("mo-2026"), PlanAction.Close, null, "xong", "điều phối"));
            Clock.Set(2029, 1, 2, 0, 5);
            Assert.Empty(await Runtime.FollowNewYearsAsync(Data.ReadPlanAgain));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_plan_closes_by_itself_after_its_window_and_nothing_more_is_sent()
    {
        Clock.Set(2026, 1, 2);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");
        Assert.Empty(await Runtime.CloseEndedPlansAsync());

        Clock.Set(2027, 1, 31, 23, 0);
        Assert.Empty(await Runtime.CloseEndedPlansAsync()); // 31/01 is still chased

        Clock.Set(2027, 2, 1, 0, 5);
        var closed = Assert.Single(await Runtime.CloseEndedPlansAsync());
        Assert.Contains("Đã đóng kế hoạch thu-2026 ngày 01/02/2027", closed, StringComparison.Ordinal);
        var plan = await PlanAsync("thu-2026");
        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.StartsWith("hết thời gian theo dõi", plan.StatusReason, StringComparison.Ordinal);
        var milestones = await MilestonesAsync("thu-2026");
        Assert.All(milestones, m => Assert.Null(m.BookmarkAt));
        Assert.Equal(RunStatus.Dormant, milestones.Single(m => m.TaskId == "4").Status);

        var before = (await OutboxAsync("thu-2026")).Count;
        Clock.Set(2027, 3, 1, 9, 0);
        await FireDueAsync();
        Assert.Equal(before, (await OutboxAsync("thu-2026")).Count);
        Assert.Empty(await Runtime.CloseEndedPlansAsync());
    }

    [Fact]
    public async Task Closing_by_hand_stops_the_chase_keeps_the_timeline_and_closing_twice_is_refused()
    {
        Clock.Set(2026, 1, 2);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");

        var result = await ChangeAsync("thu-2026", PlanAction.Close, reason: "kế hoạch được thay thế");

        Assert.True(result.Changed, result.Message);
        Assert.Equal(3, result.Milestones);
        await using (var db = await Host.Databases.CreateDbContextAsync())
        {
            var stops = await db.History.AsNoTracking().Where(h => h.What == "ngừng theo dõi").ToListAsync();
            Assert.Equal(3, stops.Count);
            Assert.All(stops, h => Assert.Contains("kế hoạch được thay thế", h.Why, StringComparison.Ordinal));
        }

        var changes = await StatusChangesAsync();
        var twice = await ChangeAsync("thu-2026", PlanAction.Close);
        Assert.False(twice.Changed);
        Assert.Contains("đã đóng từ ngày 02/01/2026 (Nguyễn Văn A)", twice.Message, StringComparison.Ordinal);
        Assert.Equal(changes, await StatusChangesAsync());

        // Marked done while closed: recorded, nothing sent.
        Assert.Equal(1, await Runtime.MarkDoneAsync(new PlanId("thu-2026"), new TaskId("1"), null, new LocalDate(2026, 3, 20), "test"));
        Assert.Equal(1, await Runtime.RecordEventAsync(new PlanId("thu-2026"), new TaskId("4"), new LocalDate(2026, 2, 1), "test"));
        Clock.Set(2026, 12, 1, 9, 0);
        await FireDueAsync();
        Assert.Empty(await OutboxAsync("thu-2026"));
        Assert.All(await MilestonesAsync("thu-2026"), m => Assert.Null(m.BookmarkAt));
    }

    [Fact]
    public async Task Reopening_restarts_the_open_milestones_from_today_with_one_overdue_notice_each()
    {
        Clock.Set(2026, 1, 2);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");
        await ChangeAsync("thu-2026", PlanAction.Close);

        Clock.Set(2026, 7, 15, 9, 0);
        var result = await ChangeAsync("thu-2026", PlanAction.Reopen, reason: "tiếp tục theo dõi");

        Assert.True(result.Changed, result.Message);
        Assert.Equal(3, result.Milestones);
        Assert.Equal(PlanStatus.Active, (await PlanAsync("thu-2026")).Status);
        var outbox = await OutboxAsync("thu-2026");
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, o => Assert.Equal(NotificationKind.Overdue, o.Kind));
        Assert.All(outbox, o => Assert.Equal(new LocalDate(2026, 7, 15), o.At.Date));
        var q3 = (await MilestonesAsync("thu-2026")).Single(m => m.TaskId == "3");
        Assert.Equal(new NodaTime.LocalDateTime(2026, 9, 16, 8, 0), q3.BookmarkAt); // 14 days before 30/09, chased as usual
    }

    [Fact]
    public async Task An_archived_plan_reopens_only_when_asked_and_bad_requests_change_nothing()
    {
        Clock.Set(2026, 3, 2);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");
        Assert.True((await ChangeAsync("thu-2026", PlanAction.Archive, reason: "lưu hồ sơ")).Changed);
        var changes = await StatusChangesAsync();

        var plain = await ChangeAsync("thu-2026", PlanAction.Reopen);
        Assert.False(plain.Changed);
        Assert.Contains("--from-archive", plain.Message, StringComparison.Ordinal);

        var unknown = await ChangeAsync("khong-co", PlanAction.Close);
        Assert.False(unknown.Changed);
        Assert.Contains("Không có kế hoạch \"khong-co\"", unknown.Message, StringComparison.Ordinal);

        var future = await ChangeAsync("thu-2026", PlanAction.Reopen, on: new LocalDate(2026, 4, 1), fromArchive: true);
        Assert.False(future.Changed);
        Assert.Contains("chưa đến", future.Message, StringComparison.Ordinal);

        Assert.False((await ChangeAsync("thu-2026", PlanAction.Archive)).Changed);
        Assert.Equal(changes, await StatusChangesAsync());
        Assert.Equal(PlanStatus.Archived, (await PlanAsync("thu-2026")).Status);

        Assert.True((await ChangeAsync("thu-2026", PlanAction.Reopen, fromArchive: true)).Changed);
        Assert.Equal(PlanStatus.Active, (await PlanAsync("thu-2026")).Status);
    }

    [Fact]
    public async Task A_reopened_plan_past_its_window_stays_open_until_closed_by_hand()
    {
        Clock.Set(2027, 3, 1, 9, 0);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");
        Assert.Equal(PlanStatus.Closed, (await PlanAsync("thu-2026")).Status);

        var reopened = await ChangeAsync("thu-2026", PlanAction.Reopen);
        Assert.Contains("đến khi đóng lại bằng tay", reopened.Message, StringComparison.Ordinal);
        Clock.Set(2027, 3, 2, 9, 0);
        Assert.Empty(await Runtime.CloseEndedPlansAsync());
        Assert.Equal(PlanStatus.Active, (await PlanAsync("thu-2026")).Status);
    }

    [Fact]
    public async Task The_views_default_to_active_plans_and_filter_the_others()
    {
        Clock.Set(2026, 3, 2);
        await Runtime.ImportAsync(Small(), "nhập kế hoạch");
        await Runtime.ImportAsync(Seed("cchc-2025.csv"), "nhập kế hoạch"); // ended 31/01/2026: closed
        await Runtime.ImportAsync(Seed("cchc-2019.csv"), "nhập kế hoạch");
        await ChangeAsync("cchc-2019", PlanAction.Archive);
        var queries = new ProgressQueries(Host.Databases, Data.Reference.Agencies);
        var today = Runtime.Now.Date;

        Assert.Equal(["thu-2026"], (await queries.OverviewAsync(today)).Plans.Select(p => p.PlanId));
        Assert.Equal(["thu-2026", "cchc-2025"], (await queries.OverviewAsync(today, null, PlanScope.NotArchived)).Plans.Select(p => p.PlanId));
        Assert.Equal(["cchc-2019"], (await queries.OverviewAsync(today, null, PlanScope.Archived)).Plans.Select(p => p.PlanId));
        Assert.Equal(3, (await queries.OverviewAsync(today, null, PlanScope.All)).Plans.Count);

        var tasks = await queries.TasksAsync(new TaskFilter { Take = 500 }, today);
        Assert.All(tasks.Rows, r => Assert.Equal("thu-2026", r.PlanId));
        var closed = await queries.TasksAsync(new TaskFilter { Scope = PlanScope.Closed, Take = 500 }, today);
        Assert.All(closed.Rows, r => Assert.Equal("cchc-2025", r.PlanId));
        Assert.True(closed.Total > 100);
        var chosen = await queries.TasksAsync(new TaskFilter { PlanId = "cchc-2019", Take = 10 }, today);
        Assert.True(chosen.Total > 0, "a plan chosen by name shows whatever its status");

        var agencies = await queries.AgenciesAsync(null, today);
        Assert.Equal(4, agencies.Sum(a => a.Counts.Total));
        var report = await queries.ReportAsync(2025, ReportPeriod.Year, today);
        Assert.Empty(report.Plans);
        Assert.Single((await queries.ReportAsync(2025, ReportPeriod.Year, today, null, PlanScope.Closed)).Plans);

        var list = await queries.PlanListAsync(TrackingPeriod.DefaultClosing);
        Assert.Equal(["thu-2026:active:2026", "cchc-2025:closed:2025", "cchc-2019:archived:2019"], list.Select(p => $"{p.PlanId}:{PlanStatuses.Key(p.Status)}:{p.Years}"));
    }

    [Fact]
    public async Task A_database_from_before_plan_status_keeps_working_and_its_ended_plans_close()
    {
        // An older database: the plans table without the lifecycle's columns, and no status history table.
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-old-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "w.db");
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE plans (Id TEXT NOT NULL PRIMARY KEY, Number TEXT NULL, Title TEXT NOT NULL, IssuedOn TEXT NULL, TrackedYear INTEGER NOT NULL, Source TEXT NOT NULL, ContentHash TEXT NOT NULL, ImportedAtUtc TEXT NOT NULL);"
                    + "INSERT INTO plans VALUES ('cchc-2024', '1/KH-UBND', 'Kế hoạch cũ', NULL, 2024, 'cu.csv', 'x', '2025-01-01 00:00:00');";
                await command.ExecuteNonQueryAsync();
            }

            Clock.Set(2026, 12, 1, 9, 0);
            using var old = WorkflowHost.Build(Data, DatabaseSettings.Parse("sqlite:" + file, "unused"), runJobs: false, clock: RuntimeClock.System(Clock));
            await old.StartAsync();
            var runtime = (WorkflowRuntime)old.Services.GetService(typeof(WorkflowRuntime))!;
            var closed = Assert.Single(await runtime.CloseEndedPlansAsync());
            Assert.Contains("cchc-2024", closed, StringComparison.Ordinal);
            await old.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
