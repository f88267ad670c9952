using NodaTime;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// A fake real time the test sets by hand (forwards or back, as each test's story needs), in
/// Vietnam's local time: what the runtime's <see cref="Workflow.Host.Runtime.RuntimeClock"/> reads
/// as now, and what it stamps records with.
/// </summary>
internal sealed class TestClock(Instant now) : TimeProvider
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public Instant Now { get; set; } = now;

    public static TestClock At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant());

    public void Set(int year, int month, int day, int hour = 0, int minute = 0) =>
        Now = new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant();

    public override DateTimeOffset GetUtcNow() => Now.ToDateTimeOffset();
}
