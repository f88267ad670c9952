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
        Assert.Equal(["--clock-start", "2025-03-03T00:00:00", "--clock-speed", "7200"], ServeClock.Arguments(new LocalDateTime(2025, 3, 3, 0, 0), 7200, null));
    }

    [Fact]
    public void Without_an_anchor_the_clock_stands_at_its_start_until_the_server_is_ready()
    {
        var time = new Runtime.TestClock(Instant.FromUtc(2026, 12, 2, 6, 0, 0));
        var clock = Workflow.Host.Runtime.RuntimeClock.Accelerated(new LocalDateTime(2025, 3, 27, 0, 0), 3600, null, time);

        time.Now += Duration.FromSeconds(40); // a slow start: more than a day of the clock's time
        Assert.Equal(new LocalDateTime(2025, 3, 27, 0, 0), clock.Now);
        Assert.Null(clock.Anchor);
        Assert.Throws<InvalidOperationException>(() => clock.ToReal(new LocalDateTime(2025, 3, 27, 8, 0)));

        var anchor = clock.Run();
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 6, 0, 40), anchor);
        Assert.Equal(anchor, clock.Run()); // once running, it keeps its anchor
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 0, 48, TimeSpan.Zero), clock.ToReal(new LocalDateTime(2025, 3, 27, 8, 0))); // 8 h at 3,600×: 8 s
        time.Now += Duration.FromSeconds(24);
        Assert.Equal(new LocalDateTime(2025, 3, 28, 0, 0), clock.Now);
        Assert.Contains("--clock-anchor 2026-12-02T06:00:40Z", ServeClock.RunningLine(clock, anchor), StringComparison.Ordinal);
    }

    /// <summary>
    /// "Late" (a reminder skipped, a step caught up once) means the server was down: five minutes of
    /// real time on every clock. A loaded machine firing seconds behind a 7,200× clock is not an outage
    /// (that lag once made the reliability test drop a reminder the simulation sends).
    /// </summary>
    [Theory]
    [InlineData(1, 5 * 60)]
    [InlineData(7200, 5 * 60 * 7200)]
    public void A_timer_is_late_after_five_real_minutes_whatever_the_clock_speed(double speed, long runtimeSeconds)
    {
        var time = new Runtime.TestClock(Instant.FromUtc(2026, 12, 2, 6, 0, 0));
        var clock = Workflow.Host.Runtime.RuntimeClock.Accelerated(new LocalDateTime(2025, 3, 3, 0, 0), speed, null, time);

        Assert.Equal(Duration.FromSeconds(runtimeSeconds), clock.LateAfter);
        Assert.Equal(Duration.FromMinutes(5), Workflow.Host.Runtime.RuntimeClock.System(time).LateAfter);
    }

    [Fact]
    public void The_lateness_of_a_very_fast_clock_stays_a_span_a_date_can_add()
    {
        var clock = Workflow.Host.Runtime.RuntimeClock.Accelerated(new LocalDateTime(2025, 3, 3, 0, 0), 1e15, null, new Runtime.TestClock(Instant.FromUtc(2026, 12, 2, 6, 0, 0)));

        Assert.Equal(Duration.FromDays(36_525), clock.LateAfter);
        Assert.Equal(new LocalDateTime(2125, 3, 4, 0, 0), new LocalDateTime(2025, 3, 3, 0, 0).PlusTicks(clock.LateAfter.BclCompatibleTicks)); // 24 leap days in the century
    }
}
