using System.Text;
using NodaTime;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;

namespace Workflow.Definitions.Tests.Plans;

/// <summary>The years a plan tracks ("Năm theo dõi"), its closing day, and the milestones of every tracked year.</summary>
public class TrackingPeriodTests
{
    private static PlanReadResult Read(string years, string? closing = null, int? openEndedThrough = null, params string[] tasks)
    {
        var lines = new List<string> { "Mã kế hoạch,thu-nhieu-nam", "Tên kế hoạch,Kế hoạch thử nhiều năm", "Ngày ban hành,06/06/2023", $"Năm theo dõi,{years}" };
        if (closing is not null)
        {
            lines.Add($"Ngày kết thúc theo dõi,{closing}");
        }

        lines.Add(string.Empty);
        lines.Add("TT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành");
        lines.AddRange(tasks.Length > 0 ? tasks : ["1,Báo cáo định kỳ,Sở Nội vụ,Định kỳ hằng quý", "2,Rà soát,Sở Tư pháp,Thường xuyên", "3,Ban hành kế hoạch,Sở Nội vụ,Quý I/2023", "4,Trong năm,Sở Nội vụ,Trong năm 2023"]);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        return PlanReader.Read(stream, "thu.csv", RepositoryData.ReferenceData, openEndedThrough: openEndedThrough);
    }

    [Theory]
    [InlineData("2025", 2025, 2025)]
    [InlineData("2023-2025", 2023, 2025)]
    [InlineData("2023 – 2025", 2023, 2025)]
    [InlineData("2023—2025", 2023, 2025)]
    [InlineData("2023 và những năm tiếp theo", 2023, null)]
    [InlineData("2023 va nhung nam tiep theo", 2023, null)]
    [InlineData("Năm 2023 và các năm sau", 2023, null)]
    [InlineData("từ 2023", 2023, null)]
    [InlineData("2023-", 2023, null)]
    public void A_year_cell_gives_its_years(string cell, int first, int? last)
    {
        var period = TrackingPeriod.Parse(cell);

        Assert.NotNull(period);
        Assert.Equal(first, period.FirstYear);
        Assert.Equal(last, period.LastYear);
    }

    [Theory]
    [InlineData("hai nghìn")]
    [InlineData("2025-2023")]
    [InlineData("1800")]
    [InlineData("2023-2025-2027")]
    [InlineData("")]
    public void A_cell_that_is_no_period_is_refused_with_its_row(string cell)
    {
        var read = Read(cell);

        Assert.Null(read.Plan);
        var problem = Assert.Single(read.Problems, p => p.Message.Contains("năm theo dõi", StringComparison.Ordinal) || p.Message.Contains("Năm theo dõi", StringComparison.Ordinal));
        Assert.Equal(4, problem.Row);
    }

    [Fact]
    public void The_default_closing_day_is_31_January_after_the_last_year_and_a_file_may_give_its_own()
    {
        Assert.Equal(new LocalDate(2026, 1, 31), TrackingPeriod.Parse("2023-2025")!.ClosingDay(TrackingPeriod.DefaultClosing));
        Assert.Equal(new LocalDate(2026, 3, 31), TrackingPeriod.Parse("2025")!.ClosingDay(new AnnualDate(3, 31)));
        Assert.Null(TrackingPeriod.Parse("2023 và những năm tiếp theo")!.ClosingDay(TrackingPeriod.DefaultClosing));

        var plan = Read("2023 và những năm tiếp theo", closing: "30/06/2027").Plan!;
        Assert.Equal(new LocalDate(2027, 6, 30), plan.Tracking.ClosingDay(TrackingPeriod.DefaultClosing));
    }

    [Fact]
    public void A_closing_day_that_is_not_a_day_or_comes_before_the_first_year_is_refused()
    {
        var notADay = Read("2025", closing: "31/02/2026");
        Assert.Contains(notADay.Problems, p => p.Row == 5 && p.Message.Contains("không phải ngày", StringComparison.Ordinal));

        var tooEarly = Read("2025", closing: "31/12/2024");
        Assert.Contains(tooEarly.Problems, p => p.Row == 5 && p.Message.Contains("có trước năm theo dõi đầu tiên", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_tracked_2023_to_2025_has_its_recurring_and_continuous_milestones_in_all_three_years()
    {
        var plan = Read("2023-2025").Plan!;

        var recurring = plan.Tasks.Single(t => t.Id.Value == "1").Schedule;
        var continuous = plan.Tasks.Single(t => t.Id.Value == "2").Schedule;
        Assert.Equal(ScheduleKind.Recurring, recurring.Kind);
        Assert.Equal([2023, 2024, 2025], recurring.Milestones.Select(m => m.Due.Year).Distinct());
        Assert.Equal([2023, 2024, 2025], continuous.Milestones.Select(m => m.Due.Year).Distinct());
        Assert.Equal(12, continuous.Milestones.Count);
        Assert.Equal("Quý I năm 2024", continuous.Milestones[4].Label);
        Assert.True(recurring.Milestones.Zip(recurring.Milestones.Skip(1)).All(p => p.First.Due < p.Second.Due), "milestones in date order");

        // A date the phrase names outright comes once; a one-off task is not repeated.
        Assert.Single(plan.Tasks.Single(t => t.Id.Value == "3").Schedule.Milestones);
        Assert.All(plan.Tasks.Single(t => t.Id.Value == "4").Schedule.Milestones, m => Assert.Equal(2023, m.Due.Year));
    }

    [Fact]
    public void A_one_year_plan_keeps_its_milestones_and_labels_as_before()
    {
        var plan = Read("2023").Plan!;

        var continuous = plan.Tasks.Single(t => t.Id.Value == "2").Schedule;
        Assert.Equal(4, continuous.Milestones.Count);
        Assert.DoesNotContain(continuous.Milestones, m => m.Label?.Contains("năm", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void An_open_ended_plan_runs_its_recurring_milestones_through_the_year_asked()
    {
        Assert.Equal([2023], Read("2023 và những năm tiếp theo").Plan!.Tasks[1].Schedule.Milestones.Select(m => m.Due.Year).Distinct());
        Assert.Equal([2023, 2024, 2025, 2026], Read("2023 và những năm tiếp theo", openEndedThrough: 2026).Plan!.Tasks[1].Schedule.Milestones.Select(m => m.Due.Year).Distinct());
    }

    [Fact]
    public void The_seed_2023_index_plan_is_tracked_2023_to_2025_and_the_others_one_year()
    {
        foreach (var (file, years) in new[] { ("chiso-2023.csv", "2023–2025"), ("cchc-2012.csv", "2012"), ("cchc-2018.csv", "2018"), ("cchc-2019.csv", "2019"), ("cchc-2025.csv", "2025") })
        {
            var plan = PlanReader.Read(Path.Combine(RepositoryData.Workflows, "plans", file), RepositoryData.ReferenceData).Plan!;
            Assert.Equal(years, plan.Tracking.ToString());
        }

        var index = PlanReader.Read(Path.Combine(RepositoryData.Workflows, "plans", "chiso-2023.csv"), RepositoryData.ReferenceData).Plan!;
        var everyYear = index.Tasks.Where(t => t.Schedule.Kind is ScheduleKind.Recurring or ScheduleKind.Continuous).ToList();
        Assert.NotEmpty(everyYear);
        Assert.All(everyYear, t => Assert.Equal([2023, 2024, 2025], t.Schedule.Milestones.Select(m => m.Due.Year).Where(y => y <= 2025).Distinct().Order()));
    }
}
