using System.Text.Json;

namespace Workflow.Host.Tests.Cli;

public class DeadlineCommandTests
{
    [Fact]
    public void Prints_one_json_object_in_the_agreed_shape()
    {
        var (exit, output, _) = CliRun.Run("deadline", "--year", "2025", "Quý I/2025");

        Assert.Equal(0, exit);
        Assert.Equal(
            """{"phrase":"Quý I/2025","kind":"once","milestones":[{"label":null,"due":"2025-03-31","effective":"2025-03-31"}],"note":null,"reason":null}""",
            output.TrimEnd());
    }

    [Fact]
    public void Labels_phases_and_moves_days_off_to_working_days()
    {
        var (_, output, _) = CliRun.Run("deadline", "--year", "2025", "--issued", "2024-12-24", "Ban hành kế hoạch: Quý I/2025. Thực hiện: Tháng 4/2026");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("phased", root.GetProperty("kind").GetString());
        var milestones = root.GetProperty("milestones");
        Assert.Equal("Ban hành kế hoạch", milestones[0].GetProperty("label").GetString());
        Assert.Equal("2026-04-30", milestones[1].GetProperty("due").GetString());
        Assert.Equal("2026-05-04", milestones[1].GetProperty("effective").GetString()); // 30/4, 1/5 holidays, then the weekend
    }

    [Fact]
    public void Unknown_phrases_come_with_a_reason_and_exit_zero()
    {
        var (exit, output, _) = CliRun.Run("deadline", "--year", "2025", "theo quy định");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal("unknown", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("milestones").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Batch_prints_one_object_per_line_in_order()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file,
            [
                "Quý I/2025\t2025\t2024-12-24",
                "Thường xuyên\t2019\t",
                "Quý II\tnăm\t",
                "Tháng 12\t2018",
                "Trước ngày 31/01/2025\t2025\tngày lạ",
            ]);
            var (exit, output, _) = CliRun.Run("deadline", "--batch", file);
            Assert.Equal(0, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, lines.Length);
            var kinds = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()!).ToArray();
            Assert.Equal(["once", "continuous", "unknown", "once", "unknown"], kinds);
            Assert.Equal("Quý II", JsonDocument.Parse(lines[2]).RootElement.GetProperty("phrase").GetString());
            Assert.Contains("2019-03-31", lines[1], StringComparison.Ordinal);
            Assert.Contains("2018-12-31", lines[3], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Missing_year_is_a_usage_error_in_vietnamese()
    {
        var (exit, _, error) = CliRun.Run("deadline", "Quý I/2025");
        Assert.Equal(2, exit);
        Assert.Contains("Cần --year", error, StringComparison.Ordinal);
    }
}
