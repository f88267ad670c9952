using System.Text.Json;

namespace Workflow.Host.Tests.Cli;

public class PlanCommandTests
{
    [Theory]
    [InlineData("cchc-2012.csv")]
    [InlineData("cchc-2018.csv")]
    [InlineData("cchc-2019.csv")]
    [InlineData("chiso-2023.csv")]
    [InlineData("cchc-2025.csv")]
    public void Every_seed_plan_passes_plan_check(string file)
    {
        var (exit, output, error) = CliRun.Run("plan", "check", Path.Combine(CliRun.Workflows, "plans", file));
        Assert.True(exit == 0, output + error);
        Assert.Contains("hợp lệ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_lists_its_problems_and_exits_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ke-hoach-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "Mã kế hoạch,thu\nTên kế hoạch,Thử\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Việc,Sở Không Có,Quý I/2025\n1,Việc,Sở Nội vụ,lúc nào cũng được\n");
        try
        {
            var (exit, output, _) = CliRun.Run("plan", "check", file);
            Assert.Equal(1, exit);
            Assert.Contains("dòng 6, cột C (Đơn vị chủ trì)", output, StringComparison.Ordinal);
            Assert.Contains("dòng 7, cột A (TT)", output, StringComparison.Ordinal);
            Assert.Contains("dòng 7, cột D (Thời gian hoàn thành)", output, StringComparison.Ordinal);
            Assert.Contains("chưa nhận nhiệm vụ nào", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Cells_with_two_readings_are_warnings_not_errors()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ke-hoach-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "Mã kế hoạch,thu\nTên kế hoạch,Thử\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Việc,Sở Nội vụ,Trước năm 2030\n2,Việc,Sở Nội vụ,\"Thường xuyên, hằng năm\"\n3,Việc,Sở Nội vụ,Quý I/2025\n");
        try
        {
            var (exit, output, _) = CliRun.Run("plan", "check", file);
            Assert.True(exit == 0, output);
            Assert.Contains("hợp lệ", output, StringComparison.Ordinal);
            Assert.Contains("Cảnh báo: " + Path.GetFileName(file), output.Replace(file, Path.GetFileName(file), StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("dòng 6, cột D (Thời gian hoàn thành): \"Trước năm 2030\" có hai cách đọc", output, StringComparison.Ordinal);
            Assert.Contains("dòng 7, cột D (Thời gian hoàn thành): \"Thường xuyên, hằng năm\" có hai cách đọc", output, StringComparison.Ordinal);
            Assert.DoesNotContain("dòng 8", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var (exit, output, _) = CliRun.Run("plan", "check", "/khong/co/tep.csv");
        Assert.Equal(1, exit);
        Assert.Contains("không có tệp này", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_calendar_lists_every_milestone_sorted_by_effective_date()
    {
        var (exit, output, _) = CliRun.Run("plan", "calendar", Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), "--json");
        Assert.Equal(0, exit);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var dated = rows.Where(r => r.GetProperty("effective").ValueKind == JsonValueKind.String).Select(r => r.GetProperty("effective").GetString()!).ToList();
        Assert.Equal(dated.Order(StringComparer.Ordinal), dated);
        Assert.Contains(rows, r => r.GetProperty("task").GetString() == "6" && r.GetProperty("kind").GetString() == "event" && r.GetProperty("due").ValueKind == JsonValueKind.Null);

        var task15 = rows.Single(r => r.GetProperty("task").GetString() == "15");
        Assert.Equal("2025-03-31", task15.GetProperty("due").GetString());
        Assert.True(task15.GetProperty("final").GetBoolean());
    }

    [Fact]
    public void Plan_calendar_table_shows_written_and_effective_dates()
    {
        var (exit, output, _) = CliRun.Run("plan", "calendar", Path.Combine(CliRun.Workflows, "plans", "cchc-2018.csv"));
        Assert.Equal(0, exit);
        // Quý II năm 2018 ends on Saturday 30/06/2018: effective Monday 02/07/2018.
        Assert.Contains("02/07/2018  30/06/2018*", output, StringComparison.Ordinal);
        Assert.Contains("Điều 148", output, StringComparison.Ordinal);
    }
}
