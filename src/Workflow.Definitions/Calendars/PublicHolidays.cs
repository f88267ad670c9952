using NodaTime;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// The public holidays of the Labour Code and the dates they fall on when no announcement says otherwise.
/// </summary>
/// <remarks>
/// <para>Bộ luật Lao động 2019, Điều 112 (in force from 2021):</para>
/// <list type="bullet">
/// <item><c>new_year</c> — Tết Dương lịch: 1 January.</item>
/// <item><c>tet</c> — Tết Nguyên đán: 5 days. The Prime Minister fixes them each year; by default the last day
/// of the lunar year and lunar 1/1 to 1/4.</item>
/// <item><c>hung_kings</c> — Giỗ Tổ Hùng Vương: lunar 10/3.</item>
/// <item><c>reunification_day</c> — Ngày Chiến thắng: 30 April.</item>
/// <item><c>labour_day</c> — Ngày Quốc tế Lao động: 1 May.</item>
/// <item><c>national_day</c> — Quốc khánh: 2 September and one day next to it, fixed by the Prime Minister; by
/// default (<see cref="NationalDayCompanion"/>) the one that joins the break to a weekend.</item>
/// </list>
/// <para>
/// Before 2021 the Labour Code 2012 (Điều 115) applies, identical except that Quốc khánh is 2 September alone.
/// Years before 2013 are treated the same way, an approximation (the 1994 Code had a 4-day Tết and, before
/// 2007, no Giỗ Tổ holiday).
/// </para>
/// </remarks>
internal static class PublicHolidays
{
    internal const string NewYearKey = "new_year";
    internal const string TetKey = "tet";
    internal const string HungKingsKey = "hung_kings";
    internal const string ReunificationDayKey = "reunification_day";
    internal const string LabourDayKey = "labour_day";
    internal const string NationalDayKey = "national_day";

    /// <summary>The first year of the Labour Code 2019 and its second day of Quốc khánh.</summary>
    internal const int LabourCode2019FirstYear = 2021;

    /// <summary>The built-in holidays by key, in calendar order, with their Vietnamese names.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> BuiltIn { get; } =
    [
        new(NewYearKey, "Tết Dương lịch"),
        new(TetKey, "Tết Nguyên đán"),
        new(HungKingsKey, "Giỗ Tổ Hùng Vương"),
        new(ReunificationDayKey, "Ngày Chiến thắng"),
        new(LabourDayKey, "Ngày Quốc tế Lao động"),
        new(NationalDayKey, "Quốc khánh"),
    ];

    /// <summary>The Vietnamese name of a built-in holiday, or null for an unknown key.</summary>
    internal static string? NameOf(string key)
    {
        foreach (KeyValuePair<string, string> holiday in BuiltIn)
        {
            if (holiday.Key == key)
            {
                return holiday.Value;
            }
        }

        return null;
    }

    /// <summary>The default dates of built-in holiday <paramref name="key"/> in <paramref name="year"/>.</summary>
    internal static IReadOnlyList<LocalDate> DefaultDates(string key, int year) => key switch
    {
        NewYearKey => [new LocalDate(year, 1, 1)],
        TetKey => TetDefault(year),
        HungKingsKey => [VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10))],
        ReunificationDayKey => [new LocalDate(year, 4, 30)],
        LabourDayKey => [new LocalDate(year, 5, 1)],
        NationalDayKey => year < LabourCode2019FirstYear
            ? [new LocalDate(year, 9, 2)]
            : [new LocalDate(year, 9, 2), NationalDayCompanion(year)],
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a built-in holiday."),
    };

    /// <summary>
    /// The default second day of Quốc khánh (from 2021), chosen so that the break joins a weekend, as the
    /// announcements of 2021–2026 did: 1 September when 2 September is a Tuesday, Wednesday, Friday or Saturday;
    /// 3 September when it is a Sunday, Monday or Thursday.
    /// </summary>
    /// <remarks>
    /// Tuesday → Monday 1/9 (weekend + Mon + Tue, as 2025); Wednesday → Tuesday 1/9 (2026 added a swapped Monday);
    /// Friday → Thursday 1/9 (2022); Saturday → Friday 1/9, Monday 4/9 compensatory (2023);
    /// Sunday → Monday 3/9, Tuesday 4/9 compensatory; Monday → Tuesday 3/9 (2024); Thursday → Friday 3/9 (2021).
    /// </remarks>
    internal static LocalDate NationalDayCompanion(int year)
    {
        var nationalDay = new LocalDate(year, 9, 2);
        return nationalDay.DayOfWeek switch
        {
            IsoDayOfWeek.Tuesday or IsoDayOfWeek.Wednesday or IsoDayOfWeek.Friday or IsoDayOfWeek.Saturday =>
                nationalDay.PlusDays(-1),
            _ => nationalDay.PlusDays(1),
        };
    }

    private static LocalDate[] TetDefault(int year)
    {
        LocalDate newYear = VietnameseLunarCalendar.NewYear(year);
        return [newYear.PlusDays(-1), newYear, newYear.PlusDays(1), newYear.PlusDays(2), newYear.PlusDays(3)];
    }
}
