using NodaTime;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A clock the test sets (NodaTime.Testing is not in our package source).</summary>
internal sealed class TestClock(Instant now) : IClock
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public Instant Now { get; set; } = now;

    public static TestClock At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant());

    public void Set(int year, int month, int day, int hour = 0, int minute = 0) =>
        Now = new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant();

    public Instant GetCurrentInstant() => Now;
}
