using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Workflow.Host.Runtime;

/// <summary>
/// The runtime's time: now in Vietnam (Asia/Ho_Chi_Minh), and the real instant at which a Quartz
/// trigger must fire for a moment of that time.
/// </summary>
/// <remarks>
/// Normally both are the same clock. For the reliability tests (and demos) the clock can run
/// faster than real time from a fixed start, set by the environment variable
/// <see cref="EnvironmentVariable"/> as <c>START|REALSTART|SPEED</c>: the local moment START
/// (yyyy-MM-ddTHH:mm:ss) was at the real instant REALSTART (Unix milliseconds) and time runs SPEED
/// times faster. Every process given the same value agrees on the time, so a server killed and
/// restarted picks up the same timeline.
/// </remarks>
public sealed class RuntimeClock
{
    public const string EnvironmentVariable = "WORKFLOW_CLOCK";

    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>A timer that fires more than this much real time after its moment counts as late (the server was down).</summary>
    private static readonly Duration RealLateness = Duration.FromMinutes(5);

    private readonly IClock clock;
    private readonly Instant realStart;
    private readonly Instant virtualStart;
    private readonly double speed;

    private RuntimeClock(IClock clock, Instant realStart, Instant virtualStart, double speed)
    {
        this.clock = clock;
        this.realStart = realStart;
        this.virtualStart = virtualStart;
        this.speed = speed;
    }

    public static RuntimeClock System(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new RuntimeClock(clock, Instant.MinValue, Instant.MinValue, 1);
    }

    /// <summary>The clock the environment asks for: accelerated when <see cref="EnvironmentVariable"/> is set, else <paramref name="clock"/>.</summary>
    /// <exception cref="FormatException">The variable is set but malformed.</exception>
    public static RuntimeClock FromEnvironment(IClock clock)
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return System(clock);
        }

        var parts = value.Split('|');
        var start = parts.Length == 3 ? LocalDateTimePattern.GeneralIso.Parse(parts[0]) : null;
        if (start is not { Success: true }
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var realMs)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || speed < 1)
        {
            throw new FormatException($"{EnvironmentVariable}=\"{value}\": ghi START|REALSTART|SPEED, ví dụ 2025-03-03T00:00:00|1767225600000|7200.");
        }

        return new RuntimeClock(clock, Instant.FromUnixTimeMilliseconds(realMs), start.Value.InZoneStrictly(Vietnam).ToInstant(), speed);
    }

    public bool IsAccelerated => speed != 1 || virtualStart != Instant.MinValue;

    /// <summary>Now, Vietnam local time.</summary>
    public LocalDateTime Now => ToVirtual(clock.GetCurrentInstant()).InZone(Vietnam).LocalDateTime;

    /// <summary>How late a timer may run before its step counts as late, in runtime time.</summary>
    public Duration LateAfter => IsAccelerated ? Duration.FromTicks((long)(RealLateness.BclCompatibleTicks / 60.0 * speed)) : RealLateness;

    /// <summary>
    /// How often the outbox is delivered: every 10 s, and on an accelerated clock often enough
    /// (a quarter of an hour of its time, at most once a second) that an email goes out on the day
    /// its notifications are meant for, as it would in real time.
    /// </summary>
    public TimeSpan DeliveryInterval => IsAccelerated
        ? TimeSpan.FromSeconds(Math.Clamp(TimeSpan.FromMinutes(15).TotalSeconds / speed, 1, 10))
        : TimeSpan.FromSeconds(10);

    /// <summary>The real instant at which <paramref name="moment"/> (Vietnam local time) comes.</summary>
    public DateTimeOffset ToReal(LocalDateTime moment)
    {
        var instant = moment.InZoneLeniently(Vietnam).ToInstant();
        return (IsAccelerated ? realStart + Duration.FromTicks((long)((instant - virtualStart).BclCompatibleTicks / speed)) : instant).ToDateTimeOffset();
    }

    private Instant ToVirtual(Instant real) =>
        IsAccelerated ? virtualStart + Duration.FromTicks((long)((real - realStart).BclCompatibleTicks * speed)) : real;
}
