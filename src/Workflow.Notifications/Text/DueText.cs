using System.Globalization;
using System.Text;
using Humanizer;
using NodaTime;

namespace Workflow.Notifications.Text;

/// <summary>What a reminder says about a due date at a glance, in Vietnamese.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>due today: "hôm nay";</item>
/// <item>1–13 days: "còn 3 ngày" / "quá hạn 1 ngày";</item>
/// <item>14 days up to a calendar month: whole weeks, rounded down: "còn 2 tuần";</item>
/// <item>a calendar month up to a calendar year: whole months: "còn 1 tháng", "quá hạn 3 tháng";</item>
/// <item>a calendar year or more: whole years: "quá hạn 1 năm".</item>
/// </list>
/// Months and years are counted on the calendar (NodaTime <see cref="Period"/>): 15 March → 15 April
/// is "1 tháng", and a date one year ahead is "1 năm". Humanizer's own TimeSpan arithmetic uses
/// 30.44-day months and would call 365 days "11 tháng". The amount itself ("3 ngày", "2 tuần") is
/// Humanizer's own Vietnamese resources (Humanizer.Core.vi); only the "còn" / "quá hạn" framing, which
/// Humanizer lacks, is ours.
/// </remarks>
public static class DueText
{
    private const string Today = "hôm nay";
    private const string Remaining = "còn {0}";
    private const string Overdue = "quá hạn {0}";

    /// <summary>Vietnamese, as Humanizer knows it (Humanizer.Core.vi).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi");

    /// <summary>Describes <paramref name="due"/> as seen on <paramref name="today"/>.</summary>
    /// <exception cref="ArgumentException">The dates are in different calendars.</exception>
    public static string Describe(LocalDate due, LocalDate today)
    {
        if (due.Calendar != today.Calendar)
        {
            throw new ArgumentException("The due date and today must be in the same calendar.", nameof(due));
        }

        if (due == today)
        {
            return Today.Normalize(NormalizationForm.FormC);
        }

        var overdue = due < today;
        var (start, end) = overdue ? (due, today) : (today, due);
        var (unit, count) = Amount(start, end);
        var amount = Configurator.Formatters.ResolveForCulture(Culture).TimeSpanHumanize(unit, count);
        var text = string.Format(Culture, overdue ? Overdue : Remaining, amount);
        return text.Normalize(NormalizationForm.FormC);
    }

    private static (TimeUnit Unit, int Count) Amount(LocalDate start, LocalDate end)
    {
        var period = Period.Between(start, end, PeriodUnits.Years | PeriodUnits.Months);
        if (period.Years >= 1)
        {
            return (TimeUnit.Year, period.Years);
        }

        if (period.Months >= 1)
        {
            return (TimeUnit.Month, period.Months);
        }

        var days = Period.DaysBetween(start, end);
        return days >= 14 ? (TimeUnit.Week, days / 7) : (TimeUnit.Day, days);
    }
}
