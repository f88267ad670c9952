using System.Globalization;
using NodaTime;

namespace Workflow.Host.Simulation;

/// <summary>
/// How much a simulation may do: the span it covers, the steps it runs, the notifications it
/// keeps, the time it takes, the memory it allocates. A real plan stays far inside (the 2025 plan
/// over 13 months: about 10,000 steps, 2,691 notifications, 0.01 s, about 22 MB allocated); a
/// definition with a timer every second, or a span of a century, is stopped with a message that
/// says which bound it hit.
/// </summary>
/// <param name="MaxSpanDays">Days from the first to the last of the span.</param>
/// <param name="MaxSteps">Steps of the runtime (a timer fired, a report, an event).</param>
/// <param name="MaxNotifications">Notifications the run keeps.</param>
/// <param name="MaxTime">Wall-clock time of the run.</param>
/// <param name="MaxAllocatedBytes">
/// Bytes the run may allocate, measured directly (<see cref="GC.GetAllocatedBytesForCurrentThread"/>:
/// a run is synchronous, on one thread). Whatever a run holds it allocated first, so this bounds the
/// memory a run can take however its definition is written.
/// </param>
public sealed record SimulationBudget(int MaxSpanDays, long MaxSteps, int MaxNotifications, TimeSpan MaxTime, long MaxAllocatedBytes)
{
    /// <summary>The first and last days a simulation may cover (the working calendar knows 1900–2100; a chase runs weeks past its last day).</summary>
    public static readonly LocalDate Earliest = new(1990, 1, 1), Latest = new(2099, 12, 31);

    /// <summary>`workflow simulate`.</summary>
    public static readonly SimulationBudget Command = new(MaxSpanDays: 5 * 366, MaxSteps: 5_000_000, MaxNotifications: 200_000, MaxTime: TimeSpan.FromSeconds(60), MaxAllocatedBytes: 4L << 30);

    /// <summary>The designer's dry run: it answers a web request, so it is held tighter.</summary>
    public static readonly SimulationBudget DryRun = new(MaxSpanDays: 3 * 366, MaxSteps: 1_000_000, MaxNotifications: 50_000, MaxTime: TimeSpan.FromSeconds(20), MaxAllocatedBytes: 1L << 30);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>What is wrong with simulating from <paramref name="from"/> to <paramref name="to"/>, or null.</summary>
    public string? SpanProblem(LocalDate from, LocalDate to)
    {
        foreach (var day in new[] { from, to })
        {
            if (day < Earliest || day > Latest)
            {
                return $"Ngày {Day(day)} nằm ngoài khoảng mô phỏng được ({Day(Earliest)} – {Day(Latest)}): chọn ngày trong khoảng đó.";
            }
        }

        var days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
        return days > MaxSpanDays
            ? $"Khoảng mô phỏng {Day(from)} – {Day(to)} dài {Count(days)} ngày, vượt giới hạn {Count(MaxSpanDays)} ngày: chọn khoảng ngắn hơn (một kế hoạch thường cần 13 tháng)."
            : null;
    }

    internal string StepsExceeded(LocalDateTime reached) =>
        $"Mô phỏng dừng sau {Count(MaxSteps)} bước xử lý, mới đến {reached.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}: quy trình hẹn giờ quá dày (ví dụ một bộ hẹn giờ vài giây một lần). Hãy sửa bộ hẹn giờ hoặc rút ngắn khoảng mô phỏng.";

    internal string NotificationsExceeded(LocalDateTime reached) =>
        $"Mô phỏng dừng khi đã có hơn {Count(MaxNotifications)} thông báo, mới đến {reached.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}: quy trình gửi quá nhiều thư. Hãy sửa quy trình hoặc rút ngắn khoảng mô phỏng.";

    internal string TimeExceeded(LocalDateTime reached) =>
        $"Mô phỏng dừng sau {MaxTime.TotalSeconds.ToString("0", Vietnamese)} giây, mới đến {reached.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}: quá lâu cho một lần chạy thử. Hãy rút ngắn khoảng mô phỏng hoặc sửa các bộ hẹn giờ.";

    internal string MemoryExceeded(long allocated, LocalDateTime reached) =>
        $"Mô phỏng dừng khi đã cấp phát {Definitions.Plans.PlanLimits.Size(allocated)} bộ nhớ, vượt giới hạn {Definitions.Plans.PlanLimits.Size(MaxAllocatedBytes)} của một lần {(MaxTime < Command.MaxTime ? "chạy thử" : "mô phỏng")}, mới đến {reached.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}: quy trình tạo quá nhiều bước hoặc thông báo. Hãy sửa các bộ hẹn giờ hoặc rút ngắn khoảng mô phỏng.";

    private static string Day(LocalDate d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Count(long n) => n.ToString("#,0", Vietnamese);
}

/// <summary>A simulation went past its <see cref="SimulationBudget"/>; the message (Vietnamese) says which bound and what to do.</summary>
public sealed class SimulationBudgetExceededException : Exception
{
    public SimulationBudgetExceededException(string message)
        : base(message)
    {
    }

    public SimulationBudgetExceededException()
    {
    }

    public SimulationBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
