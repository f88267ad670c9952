using NodaTime;

namespace Workflow.Host.Runtime;

/// <summary>
/// The runtime's time: now in Vietnam (Asia/Ho_Chi_Minh), and the real instant at which a Quartz
/// trigger must fire for a moment of that time.
/// </summary>
/// <remarks>
/// Normally both are the same clock. For demos and the end-to-end reliability tests the clock can
/// run faster than real time from a fixed start (<c>workflow serve --clock-start --clock-speed</c>,
/// <see cref="Accelerated"/>): the local moment START was at the real instant ANCHOR and time runs
/// SPEED times faster. Every process given the same three values agrees on the time, so a server
/// killed and restarted picks up the same timeline. Without an anchor the clock stands at START
/// until <see cref="Run"/> (the server calls it once its data is read and its host built, so that a
/// slow start costs none of the accelerated time), then runs from that instant.
/// </remarks>
public sealed class RuntimeClock : Workflow.Notifications.Delivery.IDeliveryClock
{
    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>A timer that fires more than this much real time after its moment counts as late (the server was down).</summary>
    private static readonly Duration RealLateness = Duration.FromMinutes(5);

    private readonly Instant virtualStart;
    private Instant? realStart;
    private readonly double speed;

    private RuntimeClock(TimeProvider time, Instant? realStart, Instant virtualStart, double speed)
    {
        Time = time;
        this.realStart = realStart;
        this.virtualStart = virtualStart;
        this.speed = speed;
    }

    /// <summary>Real time: what every wait, interval and "recorded at" stamp of the runtime reads (a fake one in tests).</summary>
    public TimeProvider Time { get; }

    /// <summary>The real instant: when something was recorded (the *AtUtc columns), never a moment of the plans' time.</summary>
    public Instant RealNow => Instant.FromDateTimeOffset(Time.GetUtcNow());

    /// <summary>Real time, in Vietnam.</summary>
    public static RuntimeClock System(TimeProvider? time = null) => new(time ?? TimeProvider.System, Instant.MinValue, Instant.MinValue, 1);

    /// <summary>
    /// A clock that was at <paramref name="start"/> (Vietnam local time) at the real instant
    /// <paramref name="anchor"/> and runs <paramref name="speed"/> times faster than <paramref name="time"/>;
    /// without an anchor it stands at <paramref name="start"/> until <see cref="Run"/>.
    /// </summary>
    public static RuntimeClock Accelerated(LocalDateTime start, double speed, Instant? anchor, TimeProvider? time = null)
    {
        if (!(speed >= 1) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed is at least 1.");
        }

        return new(time ?? TimeProvider.System, anchor, start.InZoneLeniently(Vietnam).ToInstant(), speed);
    }

    public bool IsAccelerated => speed != 1 || virtualStart != Instant.MinValue;

    /// <summary>The real instant at which the accelerated clock was at its start; null while it stands (not yet <see cref="Run"/>).</summary>
    public Instant? Anchor => realStart;

    /// <summary>
    /// Sets a standing accelerated clock running from now, and returns its anchor (the instant to
    /// give <c>--clock-anchor</c> to go on along the same timeline after a restart). A clock that
    /// already runs keeps its anchor. Call it before anything is scheduled: the real instant of a
    /// moment is unknown while the clock stands.
    /// </summary>
    public Instant Run()
    {
        realStart ??= Instant.FromDateTimeOffset(Time.GetUtcNow());
        return realStart.Value;
    }

    /// <summary>Now, Vietnam local time.</summary>
    public LocalDateTime Now => ToVirtual(Instant.FromDateTimeOffset(Time.GetUtcNow())).InZone(Vietnam).LocalDateTime;

    /// <summary>
    /// How late a timer may run before its step counts as late, in runtime time: five minutes of real
    /// time on every clock, so "late" always means the server was down, never that it was busy.
    /// </summary>
    /// <remarks>
    /// On an accelerated clock the same five real minutes are many runtime days (25 at a day in 12 s):
    /// a busy machine that fires a few real seconds behind, or a server restarted within minutes, sends
    /// what it would have sent on time. An outage is a clock started later than it stood, as after a
    /// week down (the gap is then real on that clock). The product is capped at a hundred years so that
    /// a moment plus it stays a date.
    /// </remarks>
    public Duration LateAfter => IsAccelerated
        ? Duration.FromTicks((long)Math.Min(RealLateness.BclCompatibleTicks * speed, MaxLateAfter.BclCompatibleTicks))
        : RealLateness;

    private static readonly Duration MaxLateAfter = Duration.FromDays(36_525);

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
        if (!IsAccelerated)
        {
            return instant.ToDateTimeOffset();
        }

        var anchor = realStart ?? throw new InvalidOperationException("The accelerated clock stands at its start: Run() it before scheduling.");
        return (anchor + Duration.FromTicks((long)((instant - virtualStart).BclCompatibleTicks / speed))).ToDateTimeOffset();
    }

    private Instant ToVirtual(Instant real) => !IsAccelerated ? real
        : realStart is { } anchor ? virtualStart + Duration.FromTicks((long)((real - anchor).BclCompatibleTicks * speed))
        : virtualStart;
}
