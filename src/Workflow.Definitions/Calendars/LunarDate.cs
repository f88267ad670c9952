using System.Globalization;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// A date in the Vietnamese lunisolar calendar (âm lịch): lunar year, month 1–12, day 1–30, and whether
/// the month is the leap (nhuận) month that repeats the number of the month before it.
/// </summary>
/// <remarks>
/// <para>
/// This is a plain value: the constructor checks only the ranges every lunar date obeys. Whether a given
/// year has a 30th day in that month, or a leap month with that number, is known only to
/// <see cref="VietnameseLunarCalendar"/>, which throws when asked to convert a date that does not exist.
/// </para>
/// <para>
/// <see cref="Year"/> is the Gregorian number of the year in which the lunar year mostly falls: lunar
/// 1/1/2025 (Tết Ất Tỵ) is 29 January 2025, and lunar 29/12/2024 is 28 January 2025.
/// </para>
/// <para>
/// Ordering follows time: within a year the leap month comes right after the ordinary month of the same
/// number. <c>default(LunarDate)</c> (all zeros) is not a valid date and is rejected by every conversion.
/// </para>
/// </remarks>
public readonly record struct LunarDate : IComparable<LunarDate>
{
    /// <summary>Creates a lunar date.</summary>
    /// <param name="year">The lunar year, numbered like the Gregorian year it mostly overlaps.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month, 1–30.</param>
    /// <param name="isLeapMonth">True for the leap month (tháng nhuận) that follows month <paramref name="month"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1–12 or the day is not 1–30.</exception>
    public LunarDate(int year, int month, int day, bool isLeapMonth = false)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month,
                "A lunar month is numbered 1 to 12; a leap month repeats the number of the month before it (isLeapMonth: true).");
        }

        if (day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "A lunar month has 29 or 30 days.");
        }

        Year = year;
        Month = month;
        Day = day;
        IsLeapMonth = isLeapMonth;
    }

    /// <summary>The lunar year, numbered like the Gregorian year it mostly overlaps.</summary>
    public int Year { get; }

    /// <summary>The month number, 1–12 (the leap month has the number of the month it follows).</summary>
    public int Month { get; }

    /// <summary>The day of the month, 1–30.</summary>
    public int Day { get; }

    /// <summary>True for a day of the leap month (tháng nhuận).</summary>
    public bool IsLeapMonth { get; }

    /// <summary>Deconstructs into year, month, day and the leap flag.</summary>
    public void Deconstruct(out int year, out int month, out int day, out bool isLeapMonth)
    {
        year = Year;
        month = Month;
        day = Day;
        isLeapMonth = IsLeapMonth;
    }

    /// <inheritdoc />
    public int CompareTo(LunarDate other)
    {
        int c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = Month.CompareTo(other.Month);
        if (c != 0)
        {
            return c;
        }

        c = IsLeapMonth.CompareTo(other.IsLeapMonth);
        return c != 0 ? c : Day.CompareTo(other.Day);
    }

    /// <summary>Is <paramref name="left"/> earlier than <paramref name="right"/>?</summary>
    public static bool operator <(LunarDate left, LunarDate right) => left.CompareTo(right) < 0;

    /// <summary>Is <paramref name="left"/> later than <paramref name="right"/>?</summary>
    public static bool operator >(LunarDate left, LunarDate right) => left.CompareTo(right) > 0;

    /// <summary>Is <paramref name="left"/> earlier than or equal to <paramref name="right"/>?</summary>
    public static bool operator <=(LunarDate left, LunarDate right) => left.CompareTo(right) <= 0;

    /// <summary>Is <paramref name="left"/> later than or equal to <paramref name="right"/>?</summary>
    public static bool operator >=(LunarDate left, LunarDate right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The date the way Vietnamese write it: <c>10/3/2025 (âm lịch)</c>, or <c>15/2 nhuận/2023 (âm lịch)</c>
    /// in a leap month.
    /// </summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year} (âm lịch)");
}
