using System.Text.Json;

namespace Workflow.Host.Tests.Cli;

public class CalendarCommandTests
{
    [Fact]
    public void Prints_the_days_off_of_a_year_as_json_lines()
    {
        var (exit, output, _) = CliRun.Run("calendar", "--year", "2025");
        Assert.Equal(0, exit);
        var days = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("date").GetString()!, e => e.GetProperty("name").GetString()!);

        Assert.StartsWith("Tết Dương lịch", days["2025-01-01"], StringComparison.Ordinal);
        Assert.StartsWith("Tết Nguyên đán", days["2025-01-29"], StringComparison.Ordinal);
        Assert.StartsWith("Giỗ Tổ Hùng Vương", days["2025-04-07"], StringComparison.Ordinal);
        Assert.Contains("2025-04-30", days.Keys);
        Assert.Contains("2025-05-01", days.Keys);
        Assert.Contains("2025-09-02", days.Keys);
        Assert.Equal(days.Keys.Order(StringComparer.Ordinal), days.Keys);
    }
}
