using NodaTime;
using Workflow.Host.Cli;

namespace Workflow.Host.Tests.Cli;

/// <summary>`serve --clock-start --clock-speed --clock-anchor`: the accelerated clock of demos and the reliability tests.</summary>
public sealed class ServeClockTests
{
    [Theory]
    [InlineData(new[] { "--clock-speed", "7200" }, "chỉ dùng cùng --clock-start")]
    [InlineData(new[] { "--clock-start", "2025-13-01T00:00:00" }, "không phải một thời điểm")]
    [InlineData(new[] { "--clock-start", "2025-03-03T00:00:00", "--clock-speed", "0.5" }, "từ 1 trở lên")]
    [InlineData(new[] { "--clock-start", "2025-03-03T00:00:00", "--clock-anchor", "hôm qua" }, "không phải một thời điểm UTC")]
    public void A_wrong_clock_is_refused_before_anything_starts(string[] clock, string message)
    {
        var (exit, _, err) = CliRun.Run(["serve", "--database", "sqlite:" + Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"), .. clock]);

        Assert.Equal(WorkflowCommandLine.Usage, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_arguments_a_test_gives_are_the_clock_it_means()
    {
        var anchor = Instant.FromUtc(2026, 12, 2, 2, 10, 0);
        Assert.Equal(
            ["--clock-start", "2025-03-03T00:00:00", "--clock-speed", "7200", "--clock-anchor", "2026-12-02T02:10:00Z"],
            ServeClock.Arguments(new LocalDateTime(2025, 3, 3, 0, 0), 7200, anchor));
    }
}
