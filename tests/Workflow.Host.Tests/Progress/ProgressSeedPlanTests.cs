using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;

namespace Workflow.Host.Tests.Progress;

/// <summary>The seed plans imported by the runtime: the report's numbers are the dashboard's.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ProgressSeedPlanTests : IAsyncLifetime
{
    private static readonly LocalDate AsOf = new(2025, 7, 15);
    private readonly TestClock clock = TestClock.At(2025, 1, 1);
    private SqliteHost host = null!;
    private WorkflowsData data = null!;

    private WorkflowRuntime Runtime => host.Runtime;

    private IDbContextFactory<WorkflowDbContext> Databases => host.Databases;

    private ProgressQueries Queries => new(Databases, data.Reference.Agencies);

    public async Task InitializeAsync()
    {
        data = WorkflowsData.Load(CliRun.Workflows);
        host = await SqliteHost.StartAsync(data, clock);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Plan Read(string file)
    {
        var read = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", file), data.Reference);
        Assert.True(read.IsValid);
        return read.Plan!;
    }

    [Fact]
    public async Task The_2025_report_and_its_xlsx_match_the_dashboard_counts_for_the_same_milestones()
    {
        await Runtime.ImportAsync(Read("cchc-2025.csv"), "test");

        // Some done on their day, some a week late; an event wakes a dormant task.
        List<MilestoneRecord> firsts;
        var january = new DateOnly(2025, 1, 1);
        await using (var db = await Databases.CreateDbContextAsync())
        {
            firsts = await db.Milestones.AsNoTracking()
                .Where(m => m.PlanId == "cchc-2025" && m.EffectiveDue >= january && m.Status == RunStatus.Waiting)
                .OrderBy(m => m.EffectiveDue).ThenBy(m => m.Id).Take(8).ToListAsync();
        }

        clock.Set(2025, 7, 10, 9, 0);
        for (var i = 0; i < firsts.Count; i++)
        {
            var m = firsts[i];
            var on = LocalDate.FromDateOnly(m.EffectiveDue!.Value).PlusDays(i % 2 == 0 ? 0 : 7);
            Assert.Equal(1, await Runtime.MarkDoneAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, on, "test"));
        }

        Assert.Equal(1, await Runtime.RecordEventAsync(new PlanId("cchc-2025"), new TaskId("6"), new LocalDate(2025, 6, 2), "test"));

        var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        var overview = await Queries.OverviewAsync(AsOf, year);
        var dashboard = overview.Plans.Single(p => p.PlanId == "cchc-2025").Counts;
        var report = await Queries.ReportAsync(2025, ReportPeriod.Year, AsOf, "cchc-2025");

        Assert.Equal(AsOf, report.JudgedOn);
        Assert.Equal(dashboard, Assert.Single(report.Plans).Counts);
        Assert.Equal(dashboard, report.Total);
        Assert.True(dashboard.DoneOnTime >= 4 && dashboard.DoneLate >= 4 && dashboard.Overdue > 0 && dashboard.Dormant > 0 && dashboard.NotYetDue > 0, dashboard.ToString());

        // The same milestones counted in memory by the compiled rules.
        await using (var db = await Databases.CreateDbContextAsync())
        {
            var start = new DateOnly(2025, 1, 1);
            var end = new DateOnly(2025, 12, 31);
            var rows = await db.Milestones.AsNoTracking().Where(m => m.PlanId == "cchc-2025" && m.EffectiveDue >= start && m.EffectiveDue <= end).ToListAsync();
            Assert.Equal(dashboard, ProgressCounts.Of(rows, ProgressRules.For(AsOf)));
        }

        // The unrestricted dashboard also counts the milestones due in 2024 and the undated ones.
        var all = (await Queries.OverviewAsync(AsOf)).Plans.Single(p => p.PlanId == "cchc-2025").Counts;
        Assert.True(all.Total >= dashboard.Total);

        // The quarters of 2025 add up to the report.
        var quarters = (await Queries.QuartersAsync("cchc-2025", AsOf)).Where(q => q.Year == 2025).ToList();
        Assert.Equal(dashboard, ProgressCounts.Sum(quarters.Select(q => q.Counts)));

        // The XLSX's plan row holds the same numbers.
        using var stream = new MemoryStream();
        ReportExport.WriteXlsx(report, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == ReportExport.PlanSheet);
        var planRow = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 3);
        var values = planRow.Elements<Cell>().Skip(3).Take(6).Select(c => int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([dashboard.Total, dashboard.DoneOnTime, dashboard.DoneLate, dashboard.OpenInTime, dashboard.OpenOverdue, dashboard.Dormant], values);
    }

    [Fact]
    public async Task The_2023_index_plan_keeps_its_criteria_and_reports_per_criterion()
    {
        var plan = Read("chiso-2023.csv");
        await Runtime.ImportAsync(plan, "test");
        Assert.Equal(0, (await Runtime.ImportAsync(plan, "test")).Created); // the hash with criteria is stable

        await using (var db = await Databases.CreateDbContextAsync())
        {
            var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.PlanId == "chiso-2023" && t.TaskId == "I-2.4.1");
            Assert.Equal(("2.4.1", 1m, 0.8219m), (task.CriterionCode, task.MaxScore, task.PreviousScore));
            Assert.StartsWith("Tính đồng bộ", task.CriterionText, StringComparison.Ordinal);
        }

        var report = await Queries.ReportAsync(2023, ReportPeriod.Year, new LocalDate(2024, 1, 10), "chiso-2023");
        Assert.NotEmpty(report.Criteria);
        var criterion = report.Criteria.First(c => c.Code == "2.4.1");
        Assert.Equal((1m, 0.8219m), (criterion.MaxScore, criterion.PreviousScore));
        Assert.Equal(report.Total.Total, report.Criteria.Sum(c => c.Counts.Total) + await UncodedAsync());

        async Task<int> UncodedAsync()
        {
            await using var db = await Databases.CreateDbContextAsync();
            var uncoded = await db.Tasks.Where(t => t.PlanId == "chiso-2023" && t.CriterionCode == null).Select(t => t.TaskId).ToListAsync();
            var start = new DateOnly(2023, 1, 1);
            var end = new DateOnly(2023, 12, 31);
            return await db.Milestones.CountAsync(m => m.PlanId == "chiso-2023" && uncoded.Contains(m.TaskId) && m.EffectiveDue >= start && m.EffectiveDue <= end);
        }
    }

    [Fact]
    public async Task Cached_counts_follow_every_change_the_runtime_makes()
    {
        await Runtime.ImportAsync(Read("cchc-2025.csv"), "test");
        var cached = new ProgressQueries(Databases, data.Reference.Agencies, new ProgressOptions(CacheFor: TimeSpan.FromHours(1)));
        var before = await cached.OverviewAsync(AsOf);
        Assert.Same(before, await cached.OverviewAsync(AsOf)); // nothing changed: the same counts, not counted again

        await Runtime.MarkDoneAsync(new PlanId("cchc-2025"), new TaskId("15"), null, new LocalDate(2025, 3, 20), "test");
        var after = await cached.OverviewAsync(AsOf);

        Assert.Equal(before.Total.Done + 1, after.Total.Done);
        var uncached = await Queries.OverviewAsync(AsOf); // the uncached count agrees
        Assert.Equal(uncached.Total, after.Total);
        Assert.Equal(uncached.Plans.Select(p => p.Counts), after.Plans.Select(p => p.Counts));
        var agencies = await cached.AgenciesAsync("cchc-2025", AsOf);
        Assert.True(agencies.Sum(a => a.Counts.Done) >= 1);
        Assert.Equal((await Queries.AgenciesAsync("cchc-2025", AsOf)).Select(a => a.Counts), agencies.Select(a => a.Counts));
    }
}
