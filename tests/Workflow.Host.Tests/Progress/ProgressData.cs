using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Progress;

/// <summary>A context factory over fixed options (the host's is internal to its composition).</summary>
internal sealed class TestDatabases(DbContextOptions<WorkflowDbContext> options) : IDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext() => new(options);
}

/// <summary>
/// Hand-made milestones covering every state and edge, judged on <see cref="Today"/>, and the
/// checks every database must pass on them (SQLite here, PostgreSQL in <see cref="ProgressPostgresTests"/>).
/// </summary>
/// <remarks>
/// Plan p1 (Thursday 15/05/2025 is today):
///  #1 due today (sắp đến hạn)             lead so-tp
///  #2 due in 14 days (sắp đến hạn)        lead so-tpx
///  #3 due in 15 days (chưa đến hạn)       lead so-tp,so-noi-vu
///  #4 due yesterday (quá hạn)             lead so-noi-vu
///  #5 done on its due day                 lead so-tp
///  #6 done a day late                     lead so-tpx,so-tp
///  #7 dormant, no due date                lead so-noi-vu
///  #8 dormant, due date passed            lead so-tai-chinh
///  #9 removed from the plan (finished, never done): in no count   lead so-tp
///  #10 open, no due date (chưa đến hạn)   lead so-tai-chinh
///  #11 done, no due date (on time)        lead so-noi-vu
///  #12 due 10/05, reported done 20/05 (after today: still open, so quá hạn today)  lead so-tp
/// Plan p2 (criteria; its title starts with "="):
///  #13 C1 "2.4.1" due 31/03 done 20/03    lead so-tp
///  #14 C2 "2.4.1" due 30/06 open          lead so-tp
///  #15 C3 "VII.1" (text A) due 30/09      lead so-noi-vu
///  #16 C4 "VII.1" (text B) due 10/01 open (quá hạn)  lead so-noi-vu
///  #17 C1 due 31/12/2024 done 05/01/2025 (late)      lead so-tp
/// </remarks>
internal static class ProgressData
{
    public static readonly LocalDate Today = new(2025, 5, 15);

    public const string P1Title = "Kế hoạch \"thử\", năm 2025";

    public const string P2Title = "=1+2 Kế hoạch cải thiện Chỉ số";

    public static AgencyDirectory Agencies { get; } = AgencyDirectory.Load(Path.Combine(Workflow.Tests.RepositoryRoot.Workflows, "agencies.yaml"));

    public static async Task SeedAsync(IDbContextFactory<WorkflowDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync();
        // Not EnsureCreated: on PostgreSQL it sees other schemas' tables and creates nothing.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            await creator.CreateAsync();
        }

        await creator.CreateTablesAsync();
        db.Plans.Add(new PlanRecord { Id = "p1", Number = "01/KH-UBND", Title = P1Title, TrackedYear = 2025, Source = "p1.csv", ContentHash = "x" });
        db.Plans.Add(new PlanRecord { Id = "p2", Number = "121/KH-UBND", Title = P2Title, TrackedYear = 2023, Source = "p2.csv", ContentHash = "y" });

        // A closed plan, so that the active scope is some plans and not all: the task list then reads each plan's page and merges them.
        db.Plans.Add(new PlanRecord { Id = "p0", Number = "99/KH-UBND", Title = "Kế hoạch đã đóng", TrackedYear = 2020, Source = "p0.csv", ContentHash = "z", Status = PlanStatus.Closed });
        var row = 0;
        var rows = new Dictionary<(string, string), int>();
        void Task(string plan, string id, string activity, string? product = null, string? code = null, string? text = null, decimal? max = null, decimal? previous = null) =>
            db.Tasks.Add(new TaskRecord
            {
                PlanId = plan, TaskId = id, Row = rows[(plan, id)] = ++row, Activity = activity, Product = product, LeadCell = "x", Deadline = "x", ScheduleKind = Workflow.Definitions.Deadlines.ScheduleKind.Once,
                CriterionCode = code, CriterionText = text, MaxScore = max, PreviousScore = previous,
            });
        Task("p1", "1", "Cải cách thủ tục hành chính");
        Task("p1", "2", "Rà soát văn bản", "Báo cáo rà soát");
        Task("p1", "3", "Đào tạo công chức");
        Task("p1", "4", "Kiểm tra công vụ");
        Task("p1", "5", "Công khai thủ tục");
        Task("p1", "6", "Số hóa hồ sơ");
        Task("p1", "7", "Sự kiện của Trung ương");
        Task("p1", "8", "Chờ hướng dẫn");
        Task("p1", "9", "Mốc đã bỏ");
        Task("p1", "10", "Thường xuyên cập nhật");
        Task("p1", "11", "Đã làm xong");
        Task("p1", "12", "Báo cáo muộn");
        Task("p2", "C1", "Tuân thủ quy trình", "Văn bản đồng bộ", "2.4.1", "Tính đồng bộ", 1m, 0.8219m);
        Task("p2", "C2", "Kiện toàn bộ máy", null, "2.4.1", "Tính đồng bộ", 1m, 0.8219m);
        Task("p2", "C3", "Cổng thông tin", null, "VII.1", "Sử dụng Cổng thông tin điện tử", 2.5m, 1.25m);
        Task("p2", "C4", "Môi trường", null, "VII.1", "Nghiêm túc trong bảo vệ môi trường", 2.5m, 1.5m);

        static DateOnly? D(int y, int m, int d) => new DateOnly(y, m, d);
        void M(string plan, string task, int number, DateOnly? due, DateOnly? done, RunStatus status, string lead) =>
            db.Milestones.Add(new MilestoneRecord
            {
                PlanId = plan, TaskId = task, TaskRow = rows[(plan, task)], Number = number, Label = $"mốc {number}", PlannedDue = due, Due = due, EffectiveDue = due, DoneOn = done,
                Status = status, WaitsForEvent = status == RunStatus.Dormant, DefinitionId = "chase-and-escalate", DefinitionVersion = 1,
                Lead = lead, Coordinators = string.Empty,
            });
        M("p1", "1", 1, D(2025, 5, 15), null, RunStatus.Waiting, "so-tp");
        M("p1", "2", 1, D(2025, 5, 29), null, RunStatus.Waiting, "so-tpx");
        M("p1", "3", 1, D(2025, 5, 30), null, RunStatus.Waiting, "so-tp,so-noi-vu");
        M("p1", "4", 1, D(2025, 5, 14), null, RunStatus.Waiting, "so-noi-vu");
        M("p1", "5", 1, D(2025, 3, 31), D(2025, 3, 31), RunStatus.Finished, "so-tp");
        M("p1", "6", 1, D(2025, 3, 31), D(2025, 4, 1), RunStatus.Finished, "so-tpx,so-tp");
        M("p1", "7", 1, null, null, RunStatus.Dormant, "so-noi-vu");
        M("p1", "8", 1, D(2025, 2, 1), null, RunStatus.Dormant, "so-tai-chinh");
        M("p1", "9", 1, D(2025, 2, 1), null, RunStatus.Finished, "so-tp");
        M("p1", "10", 1, null, null, RunStatus.Waiting, "so-tai-chinh");
        M("p1", "11", 1, null, D(2025, 4, 10), RunStatus.Finished, "so-noi-vu");
        M("p1", "12", 1, D(2025, 5, 10), D(2025, 5, 20), RunStatus.Finished, "so-tp");
        M("p2", "C1", 1, D(2025, 3, 31), D(2025, 3, 20), RunStatus.Finished, "so-tp");
        M("p2", "C2", 1, D(2025, 6, 30), null, RunStatus.Waiting, "so-tp");
        M("p2", "C3", 1, D(2025, 9, 30), null, RunStatus.Waiting, "so-noi-vu");
        M("p2", "C4", 1, D(2025, 1, 10), null, RunStatus.Waiting, "so-noi-vu");
        M("p2", "C1", 2, D(2024, 12, 31), D(2025, 1, 5), RunStatus.Finished, "so-tp");
        await db.SaveChangesAsync();
    }

    /// <summary>(NotYetDue, DueSoon, Overdue, Done, Dormant, DoneOnTime, DoneLate, OpenInTime, OpenOverdue).</summary>
    public static ProgressCounts C(int notYetDue, int dueSoon, int overdue, int done, int dormant, int doneOnTime, int doneLate, int openInTime, int openOverdue) =>
        new(notYetDue, dueSoon, overdue, done, dormant, doneOnTime, doneLate, openInTime, openOverdue);

    public static readonly ProgressCounts P1 = C(2, 2, 2, 3, 2, 2, 1, 6, 2);
    public static readonly ProgressCounts P2 = C(2, 0, 1, 2, 0, 1, 1, 2, 1);

    /// <summary>Every query on the hand-made rows, whatever the database.</summary>
    public static async Task CheckAllAsync(ProgressQueries queries)
    {
        await CheckOverviewAsync(queries);
        await CheckQuartersAsync(queries);
        await CheckAgenciesAsync(queries);
        await CheckTasksAsync(queries);
        await CheckReportsAsync(queries);
    }

    public static async Task CheckOverviewAsync(ProgressQueries queries)
    {
        var overview = await queries.OverviewAsync(Today);
        Assert.Equal(["p1", "p2"], overview.Plans.Select(p => p.PlanId)); // newest tracked year first
        var p1 = overview.Plans[0];
        Assert.Equal(("01/KH-UBND", P1Title, 2025), (p1.Number, p1.Title, p1.TrackedYear));
        Assert.Equal(P1, p1.Counts);
        Assert.Equal(11, p1.Counts.Total); // the removed milestone #9 is in no count
        Assert.Equal(P2, overview.Plans[1].Counts);
        Assert.Equal(P1 + P2, overview.Total);
        Assert.Equal(16, overview.Total.Total);
        Assert.Equal(overview.Total.Total, overview.Total.DoneOnTime + overview.Total.DoneLate + overview.Total.OpenInTime + overview.Total.OpenOverdue);
        Assert.Equal(3.0 / 5, overview.Total.OnTimeRate);
        Assert.Equal(5.0 / 16, overview.Total.Completion);

        // The same day a day later: the milestone due today becomes overdue.
        var tomorrow = await queries.OverviewAsync(Today.PlusDays(1));
        Assert.Equal(P1.Overdue + 1, tomorrow.Plans[0].Counts.Overdue);

        // Restricted to due dates in 2025: #17 (2024) and the undated #7, #10, #11 drop out.
        var in2025 = await queries.OverviewAsync(Today, new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)));
        Assert.Equal(12, in2025.Total.Total);
    }

    public static async Task CheckQuartersAsync(ProgressQueries queries)
    {
        var quarters = await queries.QuartersAsync(null, Today);
        Assert.Equal(["Quý IV/2024", "Quý I/2025", "Quý II/2025", "Quý III/2025"], quarters.Select(q => q.Label));
        Assert.Equal((1, 0, 1, 0, 0), Tuple(quarters[0]));
        Assert.Equal((5, 2, 1, 1, 1), Tuple(quarters[1])); // #5, #13 on time; #6 late; #16 overdue; #8 dormant (open); #9 removed
        Assert.Equal((6, 0, 0, 2, 4), Tuple(quarters[2]));
        Assert.Equal((1, 0, 0, 0, 1), Tuple(quarters[3]));

        var p2 = await queries.QuartersAsync("p2", Today);
        Assert.Equal(4, p2.Count);
        Assert.Equal(5, p2.Sum(q => q.Due));

        static (int, int, int, int, int) Tuple(QuarterProgress q) => (q.Due, q.DoneOnTime, q.DoneLate, q.Overdue, q.Open);
    }

    public static async Task CheckAgenciesAsync(ProgressQueries queries)
    {
        var agencies = await queries.AgenciesAsync(null, Today);
        Assert.Equal(["so-noi-vu", "so-tp"], agencies.Take(2).Select(a => a.AgencyId)); // most overdue first
        var byId = agencies.ToDictionary(a => a.AgencyId);
        Assert.Equal(["so-noi-vu", "so-tai-chinh", "so-tp", "so-tpx"], byId.Keys.Order());
        Assert.Equal("Sở Nội vụ", byId["so-noi-vu"].Name);
        Assert.Equal("so-tpx", byId["so-tpx"].Name); // not in the directory: its id
        Assert.Equal(8, byId["so-tp"].Counts.Total);
        Assert.Equal(1, byId["so-tp"].Overdue);
        Assert.Equal(0.5, byId["so-tp"].OnTimeRate);
        Assert.Equal(0.5, byId["so-tp"].Completion);
        Assert.Equal(2, byId["so-tpx"].Counts.Total);
        Assert.Equal(0.0, byId["so-tpx"].OnTimeRate);
        Assert.Equal((6, 2, 1), (byId["so-noi-vu"].Counts.Total, byId["so-noi-vu"].Overdue, byId["so-noi-vu"].Counts.Done));
        Assert.Equal((2, null, 0.0), (byId["so-tai-chinh"].Counts.Total, byId["so-tai-chinh"].OnTimeRate, byId["so-tai-chinh"].Completion));

        var p1 = await queries.AgenciesAsync("p1", Today);
        Assert.Equal(5, p1.Single(a => a.AgencyId == "so-tp").Counts.Total);
    }

    public static async Task CheckTasksAsync(ProgressQueries queries)
    {
        var all = await queries.TasksAsync(new TaskFilter { Take = 100 }, Today);
        Assert.Equal(16, all.Total);
        Assert.Equal(
            ["p2/C1/2", "p2/C4/1", "p1/8/1", "p1/5/1", "p1/6/1", "p2/C1/1", "p1/12/1", "p1/4/1", "p1/1/1", "p1/2/1", "p1/3/1", "p2/C2/1", "p2/C3/1", "p1/7/1", "p1/10/1", "p1/11/1"],
            all.Rows.Select(r => $"{r.PlanId}/{r.TaskId}/{r.Milestone}"));
        var first = all.Rows[0];
        Assert.Equal(("Tuân thủ quy trình", "Văn bản đồng bộ", "mốc 2", new LocalDate(2024, 12, 31), new LocalDate(2025, 1, 5), ProgressState.Done), (first.Activity, first.Product, first.Label, first.Due, first.DoneOn, first.State));
        Assert.Equal(["so-tpx", "so-tp"], all.Rows.Single(r => r.TaskId == "6").Lead);
        Assert.Equal(ProgressState.Overdue, all.Rows.Single(r => r.TaskId == "12").State);

        var page = await queries.TasksAsync(new TaskFilter { Skip = 5, Take = 5 }, Today);
        Assert.Equal(16, page.Total);
        Assert.Equal(all.Rows.Skip(5).Take(5), page.Rows, (a, b) => a.PlanId == b.PlanId && a.TaskId == b.TaskId && a.Milestone == b.Milestone);
        var last = await queries.TasksAsync(new TaskFilter { Skip = 15, Take = 5 }, Today);
        Assert.Single(last.Rows);

        // A page at a time from a position (the links' cursors), forwards through the dated and the
        // undated milestones, then backwards: the same rows in the same order as the whole list.
        static string Id(TaskRow r) => $"{r.PlanId}/{r.TaskId}/{r.Milestone}";
        var walk = await queries.TasksAsync(new TaskFilter { Take = 3 }, Today);
        var forwards = walk.Rows.Select(Id).ToList();
        while (walk.Rows.Count == 3)
        {
            Assert.Equal(walk.Last, TaskCursor.Parse(walk.Last!.ToString()));
            walk = await queries.TasksAsync(new TaskFilter { Take = 3, After = walk.Last }, Today);
            forwards.AddRange(walk.Rows.Select(Id));
        }

        Assert.Equal(all.Rows.Select(Id), forwards);
        var backwards = walk.Rows.Select(Id).ToList();
        while (walk.First is { } top)
        {
            walk = await queries.TasksAsync(new TaskFilter { Take = 3, Before = top }, Today);
            backwards.InsertRange(0, walk.Rows.Select(Id));
        }

        Assert.Equal(all.Rows.Select(Id), backwards);
        Assert.Null(TaskCursor.Parse("không phải"));

        // "so-tp" is a whole item of the lead list: "so-tpx" alone never matches.
        var tp = await queries.TasksAsync(new TaskFilter { AgencyId = "so-tp" }, Today);
        Assert.Equal(["1", "12", "3", "5", "6", "C1", "C1", "C2"], tp.Rows.Select(r => r.TaskId).Order(StringComparer.Ordinal));
        var tpx = await queries.TasksAsync(new TaskFilter { AgencyId = "so-tpx" }, Today);
        Assert.Equal(["2", "6"], tpx.Rows.Select(r => r.TaskId).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await queries.TasksAsync(new TaskFilter { AgencyId = "so" }, Today)).Total);

        var overdue = await queries.TasksAsync(new TaskFilter { State = ProgressState.Overdue }, Today);
        Assert.Equal(["C4", "12", "4"], overdue.Rows.Select(r => r.TaskId));
        Assert.All(overdue.Rows, r => Assert.Equal(ProgressState.Overdue, r.State));
        foreach (var state in ProgressStates.All)
        {
            var rows = await queries.TasksAsync(new TaskFilter { State = state, Take = 100 }, Today);
            Assert.Equal((P1 + P2).Of(state), rows.Total);
        }

        var soonInP1ForTp = await queries.TasksAsync(new TaskFilter { PlanId = "p1", AgencyId = "so-tp", State = ProgressState.DueSoon }, Today);
        Assert.Equal(["1"], soonInP1ForTp.Rows.Select(r => r.TaskId));

        // Case and diacritics folded on both sides; activity, product and task number searched.
        Assert.Equal(["1"], (await queries.TasksAsync(new TaskFilter { Search = "CAI CACH" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(["3"], (await queries.TasksAsync(new TaskFilter { Search = "dao tao" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(["C1", "C1"], (await queries.TasksAsync(new TaskFilter { Search = "ĐỒNG   BỘ" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(["2"], (await queries.TasksAsync(new TaskFilter { Search = "báo cáo rà soát" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(["C3"], (await queries.TasksAsync(new TaskFilter { Search = "c3" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(0, (await queries.TasksAsync(new TaskFilter { Search = "không có việc này" }, Today)).Total);
        Assert.Equal(["12"], (await queries.TasksAsync(new TaskFilter { PlanId = "p1", Search = "bao cao muon" }, Today)).Rows.Select(r => r.TaskId));
        Assert.Equal(0, (await queries.TasksAsync(new TaskFilter { PlanId = "p2", Search = "bao cao muon" }, Today)).Total);
    }

    public static async Task CheckReportsAsync(ProgressQueries queries)
    {
        // Quý I judged at its end (31/03): #6, done 01/04, was open then, due that very day.
        var q1 = await queries.ReportAsync(2025, ReportPeriod.QuarterOne, Today);
        Assert.Equal(new LocalDate(2025, 3, 31), q1.JudgedOn);
        Assert.Equal(["p1", "p2"], q1.Plans.Select(p => p.PlanId));
        Assert.Equal(C(0, 1, 0, 1, 1, 1, 0, 2, 0), q1.Plans[0].Counts);
        Assert.Equal(C(0, 0, 1, 1, 0, 1, 0, 0, 1), q1.Plans[1].Counts);
        Assert.Equal(5, q1.Total.Total);
        var agencies = q1.Agencies.ToDictionary(a => a.AgencyId, a => a.Counts.Total);
        Assert.Equal(new Dictionary<string, int> { ["so-tp"] = 3, ["so-tpx"] = 1, ["so-noi-vu"] = 1, ["so-tai-chinh"] = 1 }, agencies);
        Assert.Equal(6, agencies.Values.Sum()); // #6 has two leads: once in the plan, in both agencies
        Assert.Equal([("2.4.1", "Tính đồng bộ", 1), ("VII.1", "Nghiêm túc trong bảo vệ môi trường", 1)], q1.Criteria.Select(c => (c.Code, c.Text!, c.Counts.Total)));
        Assert.Equal((1m, 0.8219m), (q1.Criteria[0].MaxScore, q1.Criteria[0].PreviousScore));

        // 6 tháng judged today (the period is still running).
        var half = await queries.ReportAsync(2025, ReportPeriod.HalfYear, Today);
        Assert.Equal(Today, half.JudgedOn);
        Assert.Equal(C(2, 2, 3, 3, 1, 2, 1, 5, 3), half.Total);

        var nine = await queries.ReportAsync(2025, ReportPeriod.NineMonths, Today);
        Assert.Equal(12, nine.Total.Total);

        // Năm, as of the year's end: #12 done late, everything open is overdue.
        var year = await queries.ReportAsync(2025, ReportPeriod.Year, new LocalDate(2026, 1, 15));
        Assert.Equal(new LocalDate(2025, 12, 31), year.JudgedOn);
        Assert.Equal(C(0, 0, 7, 4, 1, 2, 2, 1, 7), year.Total);
        Assert.Equal(["2.4.1", "VII.1", "VII.1"], year.Criteria.Select(c => c.Code)); // one code, two criteria
        Assert.Equal(2, year.Criteria[0].Counts.Total);

        // 2024: only #17, due on the judged day itself and done after it.
        var y2024 = await queries.ReportAsync(2024, ReportPeriod.Year, Today);
        var only = Assert.Single(y2024.Plans);
        Assert.Equal(("p2", C(0, 1, 0, 0, 0, 0, 0, 1, 0)), (only.PlanId, only.Counts));

        var p1Only = await queries.ReportAsync(2025, ReportPeriod.QuarterOne, Today, "p1");
        Assert.Equal(["p1"], p1Only.Plans.Select(p => p.PlanId));
        Assert.Empty(p1Only.Criteria);
        Assert.Equal(q1.Plans[0].Counts, p1Only.Total);
    }
}
