using Cronos;
using NodaTime;

namespace Workflow.Definitions.Workflows;

/// <summary>Elsa.Cron's expressions (Cronos): five fields, or six with seconds first, as Elsa reads them; moments in
/// Asia/Ho_Chi_Minh, which keeps UTC+7 all year, so wall-clock arithmetic is exact.</summary>
public static class CronSchedules
{
    /// <summary>The shortest gap a milestone's timers may repeat at: an hour (a floor checked when a definition is read).</summary>
    public static readonly Duration Floor = Duration.FromHours(1);

    /// <summary>The expression parsed, or null with <paramref name="error"/> in Vietnamese.</summary>
    public static CronExpression? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            error = $"\"{text}\" không phải biểu thức cron: cần 5 trường (phút giờ ngày tháng thứ) hoặc 6 trường có giây ở đầu, ví dụ \"0 8 * * 1\".";
            return null;
        }

        try
        {
            return CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = $"\"{text}\" không phải biểu thức cron hợp lệ ({e.Message}).";
            return null;
        }
    }

    /// <summary>The next occurrence strictly after <paramref name="now"/>, or null when the expression has none (or is invalid).</summary>
    public static LocalDateTime? NextAfter(string text, LocalDateTime now)
    {
        if (Parse(text, out _) is not { } cron)
        {
            return null;
        }

        var wall = DateTime.SpecifyKind(now.ToDateTimeUnspecified(), DateTimeKind.Utc);
        return cron.GetNextOccurrence(wall, TimeZoneInfo.Utc, inclusive: false) is { } next
            ? LocalDateTime.FromDateTime(next)
            : null;
    }

    /// <summary>The shortest gap between two successive occurrences over a year of them (from 1 January 2025), or null
    /// when it occurs at most once.</summary>
    public static Duration? ShortestGap(CronExpression cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var from = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime? previous = null;
        Duration? shortest = null;
        var count = 0;
        foreach (var at in cron.GetOccurrences(from, from.AddYears(1), TimeZoneInfo.Utc))
        {
            if (previous is { } p)
            {
                var gap = Duration.FromTimeSpan(at - p);
                if (shortest is null || gap < shortest)
                {
                    shortest = gap;
                }

                if (shortest < Floor || ++count > 20_000)
                {
                    break;
                }
            }

            previous = at;
        }

        return shortest;
    }
}
