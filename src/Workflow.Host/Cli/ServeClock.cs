using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Host.Runtime;

namespace Workflow.Host.Cli;

/// <summary>
/// `serve --clock-start MOMENT --clock-speed N [--clock-anchor INSTANT]`: the server on a clock
/// that runs faster than real time from a fixed start, for demos and the end-to-end reliability
/// tests. Without these options the server runs on real time.
/// </summary>
public sealed class ServeClock
{
    private readonly Option<string?> start = new("--clock-start")
    {
        Description = "Chỉ để trình diễn và kiểm thử: chạy máy chủ trên đồng hồ chạy nhanh, bắt đầu từ thời điểm này (giờ Việt Nam, yyyy-MM-ddTHH:mm:ss, ví dụ 2025-03-03T00:00:00). Mọi hẹn giờ, nhắc hạn và thư đi theo đồng hồ này.",
    };

    private readonly Option<double?> speed = new("--clock-speed")
    {
        Description = "Đồng hồ chạy nhanh gấp bao nhiêu lần thời gian thực (từ 1, mặc định 1), ví dụ 7200: một ngày trong 12 giây. Cần --clock-start.",
    };

    private readonly Option<string?> anchor = new("--clock-anchor")
    {
        Description = "Thời điểm thực (UTC, ví dụ 2026-12-02T02:10:00Z) ứng với --clock-start; mặc định lúc máy chủ sẵn sàng (đồng hồ đứng ở --clock-start trong lúc khởi động; máy chủ in thời điểm này ra). Khởi động lại máy chủ với cùng ba giá trị để đi tiếp trên cùng dòng thời gian. Cần --clock-start.",
    };

    public IEnumerable<Option> Options => [start, speed, anchor];

    /// <summary>The clock the command line asks for: real time when none of the options is given; null (after a Vietnamese line on <paramref name="error"/>) when they are wrong.</summary>
    public bool TryRead(ParseResult result, TextWriter error, out RuntimeClock clock)
    {
        clock = RuntimeClock.System();
        var startText = result.GetValue(start);
        var speedValue = result.GetValue(speed);
        var anchorText = result.GetValue(anchor);
        if (startText is null)
        {
            if (speedValue is null && anchorText is null)
            {
                return true;
            }

            error.WriteLine("--clock-speed và --clock-anchor chỉ dùng cùng --clock-start (thời điểm bắt đầu của đồng hồ chạy nhanh, ví dụ --clock-start 2025-03-03T00:00:00).");
            return false;
        }

        if (LocalDateTimePattern.GeneralIso.Parse(startText) is not { Success: true } moment)
        {
            error.WriteLine($"--clock-start \"{startText}\" không phải một thời điểm: ghi yyyy-MM-ddTHH:mm:ss (giờ Việt Nam), ví dụ 2025-03-03T00:00:00.");
            return false;
        }

        var times = speedValue ?? 1;
        if (!(times >= 1) || double.IsInfinity(times))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--clock-speed {times}: ghi một số từ 1 trở lên (số lần nhanh hơn thời gian thực), ví dụ 7200."));
            return false;
        }

        Instant? real = null; // stands at the start until the server is ready (RuntimeClock.Run)
        if (anchorText is not null)
        {
            if (InstantPattern.ExtendedIso.Parse(anchorText) is not { Success: true } given)
            {
                error.WriteLine($"--clock-anchor \"{anchorText}\" không phải một thời điểm UTC: ghi yyyy-MM-ddTHH:mm:ssZ, ví dụ 2026-12-02T02:10:00Z.");
                return false;
            }

            real = given.Value;
        }

        clock = RuntimeClock.Accelerated(moment.Value, times, real);
        return true;
    }

    /// <summary>The arguments that give a server this clock (the tests start servers with them); without an anchor, the server's clock runs from when it is ready.</summary>
    public static IReadOnlyList<string> Arguments(LocalDateTime start, double speed, Instant? anchor) =>
    [
        "--clock-start", LocalDateTimePattern.GeneralIso.Format(start),
        "--clock-speed", speed.ToString(CultureInfo.InvariantCulture),
        .. anchor is { } a ? new[] { "--clock-anchor", FormatAnchor(a) } : [],
    ];

    /// <summary>An anchor as <c>--clock-anchor</c> reads it (and the server prints it).</summary>
    public static string FormatAnchor(Instant anchor) => InstantPattern.ExtendedIso.Format(anchor);

    /// <summary>
    /// The server's line when its accelerated clock starts running: where it started, and the
    /// <c>--clock-anchor</c> that continues the same timeline after a restart (tests read it back).
    /// </summary>
    public static string RunningLine(RuntimeClock clock, Instant anchor) => string.Create(CultureInfo.InvariantCulture,
        $"Đồng hồ chạy nhanh: {LocalDateTimePattern.GeneralIso.Format(clock.Now)} (giờ Việt Nam) lúc máy chủ sẵn sàng; khởi động lại với {AnchorOption} {FormatAnchor(anchor)} để đi tiếp cùng dòng thời gian.");

    /// <summary>The option that names the anchor, as it appears in <see cref="RunningLine"/>.</summary>
    public const string AnchorOption = "--clock-anchor";
}
