using NodaTime;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;

namespace Workflow.Definitions.Tests.Plans;

/// <summary>The five seed plans as the product carries them.</summary>
public class SeedPlanTests
{
    [Theory]
    [InlineData("cchc-2012.csv", "cchc-2012", 2012, 73)]
    [InlineData("cchc-2018.csv", "cchc-2018", 2018, 49)]
    [InlineData("cchc-2019.csv", "cchc-2019", 2019, 63)]
    [InlineData("chiso-2023.csv", "chiso-2023", 2023, 81)]
    [InlineData("cchc-2025.csv", "cchc-2025", 2025, 40)]
    public void Seed_plan_passes_every_check(string file, string id, int year, int tasks)
    {
        var result = PlanReader.Read(Path.Combine(RepositoryData.Plans, file), RepositoryData.ReferenceData);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var plan = result.Plan!;
        Assert.Equal(id, plan.Id.Value);
        Assert.Equal(year, plan.TrackedYear);
        Assert.Equal(tasks, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.NotEmpty(t.Lead.Agencies));
        Assert.All(plan.Tasks, t => Assert.True(t.Schedule.IsKnown));
    }

    [Fact]
    public void The_2025_plan_reads_as_written()
    {
        var plan = Read("cchc-2025.csv");
        Assert.Equal("257/KH-UBND", plan.Number);
        Assert.Equal(new LocalDate(2024, 12, 24), plan.IssuedOn);
        Assert.Equal(36, plan.Tasks.Count(t => !t.Id.Value.StartsWith("NV-", StringComparison.Ordinal)));

        var task1 = plan.Find(new("1"))!;
        Assert.Equal(ScheduleKind.Once, task1.Schedule.Kind);
        Assert.Equal(new LocalDate(2024, 12, 31), task1.Schedule.Final!.Due);
        Assert.Contains(task1.Lead.Agencies, a => a.Value == "so-noi-vu");

        var task3 = plan.Find(new("3"))!;
        Assert.Equal("phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30 | Thực hiện 2025-09-30", Deadlines.ScheduleText.Of(task3.Schedule));

        var task6 = plan.Find(new("6"))!;
        Assert.Equal(ScheduleKind.Event, task6.Schedule.Kind);
        Assert.Empty(task6.Schedule.Milestones);
    }

    [Fact]
    public void Standing_duties_take_their_dates_from_the_report_calendar()
    {
        var plan = Read("cchc-2025.csv");
        var reports = plan.Tasks.Where(t => t.ReportPeriods.Count > 0).ToList();
        Assert.NotEmpty(reports);

        var agencies = reports.First(t => t.Lead.Agencies.All(a => a.Value != "so-noi-vu"));
        Assert.Equal("recurring: Quý I 2025-03-16 | 6 tháng 2025-06-16 | Quý III 2025-09-16 | Năm 2025-12-16", Deadlines.ScheduleText.Of(agencies.Schedule));
        // 16/03/2025 is a Sunday: the report binds on Monday 17/03.
        Assert.Equal(new LocalDate(2025, 3, 17), agencies.Schedule.Milestones[0].Effective);

        var homeAffairs = reports.Single(t => t.Lead.Agencies.All(a => a.Value == "so-noi-vu"));
        Assert.Equal("recurring: Quý I 2025-03-20 | 6 tháng 2025-06-20 | Quý III 2025-09-20 | Năm 2025-12-20", Deadlines.ScheduleText.Of(homeAffairs.Schedule));
    }

    [Fact]
    public void The_2023_plan_keeps_criterion_codes_and_scores()
    {
        var plan = Read("chiso-2023.csv");
        var task = plan.Tasks.Single(t => t.Id.Value == "I-7.1.4");
        Assert.Equal("7.1.4", task.Criterion!.Code);
        Assert.Equal(1m, task.Criterion.MaxScore);
        Assert.Equal(0.5333m, task.Criterion.PreviousScore);
        Assert.Equal(ScheduleKind.Continuous, task.Schedule.Kind);
    }

    [Fact]
    public void Every_seed_plan_cell_is_nfc()
    {
        foreach (var file in Directory.GetFiles(RepositoryData.Plans, "*.csv"))
        {
            var text = File.ReadAllText(file);
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC), file);
        }
    }

    private static Plan Read(string file)
    {
        var result = PlanReader.Read(Path.Combine(RepositoryData.Plans, file), RepositoryData.ReferenceData);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Plan!;
    }
}
