using NodaTime;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// Converts between Gregorian dates and the Vietnamese lunisolar calendar (âm lịch), computed from the
/// astronomy for the meridian of UTC+7 as Vietnam has done since 1968.
/// </summary>
/// <remarks>
/// <para>The rules, applied with local (UTC+7) civil days:</para>
/// <list type="bullet">
/// <item>A month starts on the day of a new moon and lasts until the day before the next one (29 or 30 days).</item>
/// <item>Month 11 is the month that contains the winter solstice (sun at longitude 270°).</item>
/// <item>When 13 new moons start between one month 11 and the next, one month is a leap month: the first one
/// after month 11 that contains no major solar term (trung khí, a multiple of 30° of solar longitude). It
/// takes the number of the month before it.</item>
/// <item>A solar term or new moon belongs to the local day on which it happens, from 00:00 to 24:00 UTC+7.</item>
/// </list>
/// <para>
/// China computes the same rules for UTC+8, so the two calendars differ whenever a new moon or a solar term
/// falls between 00:00 and 01:00 Beijing time: Tết 2007 is 17 February in Vietnam and 18 February in China;
/// in 1985 the months even shift (Tết 21 January in Vietnam, 20 February in China). Do not use
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> for Vietnam.
/// </para>
/// <para>
/// Accuracy: the series are those of Hồ Ngọc Đức's published calendar (see <see cref="LunarAstronomy"/>). Checked
/// against a modern ephemeris, every month of 1900–2100 starts on the same day except three whose new moon or
/// solar term is within one minute of midnight, beyond what any published almanac can settle: 1938 (leap
/// month 8 here, 7 by the ephemeris), month 11 of 2072 (starts a day later here) and month 9 of 2085 (a day earlier).
/// Before 1968 Vietnam used China's UTC+8 calendar; this class computes UTC+7 throughout, so historical
/// dates may differ from the almanacs of the time (Tết 1968 is 29 January here, 30 January in the South then).
/// </para>
/// <para>
/// The supported range is the Gregorian dates <see cref="MinDate"/> to <see cref="MaxDate"/> (1900–2100) and
/// the lunar dates that fall in it; anything else throws <see cref="ArgumentOutOfRangeException"/>.
/// Dates in other NodaTime calendar systems are converted to ISO first; results are always ISO.
/// All members are thread-safe; each solstice-to-solstice cycle is computed once, on first use.
/// </para>
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>The offset from UT of the meridian the calendar is computed for, in hours.</summary>
    public const int TimeZoneOffsetHours = 7;

    /// <summary>The first supported Gregorian date, 1 January 1900.</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The last supported Gregorian date, 31 December 2100.</summary>
    public static LocalDate MaxDate { get; } = new(2100, 12, 31);

    // Cycle g runs from month 11 of lunar year g (around December g) to the day before month 11 of g + 1.
    // Lunar year 1899's months 1–10 (needed for DaysInMonth) live in cycle 1898.
    private const int FirstCycle = 1898;
    private const int LastCycle = 2100;
    private const int MinLunarYear = 1899;
    private const int MaxLunarYear = 2100;
    private static readonly SolsticeCycle?[] Cycles = new SolsticeCycle?[LastCycle - FirstCycle + 1];

    /// <summary>The lunar date of the Gregorian date <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before <see cref="MinDate"/> or after <see cref="MaxDate"/>.</exception>
    public static LunarDate ToLunar(LocalDate date)
    {
        date = ToIso(date);
        if (date < MinDate || date > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"The Vietnamese lunar calendar is supported from {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}.");
        }

        int day = JulianDayNumber(date);
        SolsticeCycle cycle = Cycle(date.Year);
        if (day < cycle.MonthStarts[0])
        {
            cycle = Cycle(date.Year - 1);
        }

        int index = cycle.MonthCount - 1;
        while (cycle.MonthStarts[index] > day)
        {
            index--;
        }

        return cycle.DateAt(index, day - cycle.MonthStarts[index] + 1);
    }

    /// <summary>The Gregorian date of the lunar date <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date does not exist (a 30th day in a 29-day month, a leap month the year does not have, or
    /// <c>default(LunarDate)</c>), or it falls outside <see cref="MinDate"/>–<see cref="MaxDate"/>.
    /// </exception>
    public static LocalDate ToGregorian(LunarDate date)
    {
        (SolsticeCycle cycle, int index) = Locate(date.Year, date.Month, date.IsLeapMonth, nameof(date));
        int length = cycle.MonthLength(index);
        if (date.Day < 1 || date.Day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"Lunar month {MonthLabel(date.Month, date.IsLeapMonth)} of {date.Year} has {length} days.");
        }

        LocalDate result = FromJulianDayNumber(cycle.MonthStarts[index] + date.Day - 1);
        if (result < MinDate || result > MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"{date} is {result:uuuu-MM-dd}, outside the supported range {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}.");
        }

        return result;
    }

    /// <summary>The Gregorian date of Tết Nguyên đán, day 1 of month 1 of <paramref name="lunarYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not 1900–2100.</exception>
    public static LocalDate NewYear(int lunarYear)
    {
        if (lunarYear is < 1900 or > MaxLunarYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear,
                $"Tết is supported for the lunar years 1900 to {MaxLunarYear}.");
        }

        return ToGregorian(new LunarDate(lunarYear, 1, 1));
    }

    /// <summary>
    /// The number of the leap month of <paramref name="lunarYear"/> (the month it repeats, so
    /// <c>2</c> for the 2023 month "2 nhuận"), or null when the year has twelve months.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not 1899–2100.</exception>
    public static int? LeapMonth(int lunarYear)
    {
        CheckLunarYear(lunarYear, nameof(lunarYear));

        // Months 1–10 of the year are in the previous cycle; 11 and 12 in the cycle that starts in it.
        SolsticeCycle early = Cycle(lunarYear - 1);
        for (int i = 0; i < early.MonthCount; i++)
        {
            if (early.IsLeap(i) && early.YearAt(i) == lunarYear)
            {
                return early.MonthNumber(i);
            }
        }

        SolsticeCycle late = Cycle(lunarYear);
        for (int i = 0; i < late.MonthCount; i++)
        {
            if (late.IsLeap(i) && late.YearAt(i) == lunarYear)
            {
                return late.MonthNumber(i);
            }
        }

        return null;
    }

    /// <summary>The number of days (29 or 30) of a lunar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year is not 1899–2100, the month is not 1–12, or the year has no leap month with that number.
    /// </exception>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A lunar month is numbered 1 to 12.");
        }

        (SolsticeCycle cycle, int index) = Locate(lunarYear, month, isLeapMonth, nameof(lunarYear));
        return cycle.MonthLength(index);
    }

    /// <summary>The Julian day number (days since 1 January 4713 BC, Julian calendar) of an ISO date.</summary>
    internal static int JulianDayNumber(LocalDate isoDate) => isoDate.ToDateOnly().DayNumber + 1721426;

    /// <summary>The ISO date of a Julian day number.</summary>
    internal static LocalDate FromJulianDayNumber(int julianDayNumber) =>
        LocalDate.FromDateOnly(DateOnly.FromDayNumber(julianDayNumber - 1721426));

    /// <summary>The local (UTC+7) day on which new moon number <paramref name="lunation"/> happens.</summary>
    internal static int NewMoonDay(int lunation) =>
        (int)Math.Floor(LunarAstronomy.NewMoon(lunation) + 0.5 + TimeZoneOffsetHours / 24.0);

    /// <summary>
    /// Which 30° sector (0 = from the spring equinox, 9 = from the winter solstice) the sun is in at the start
    /// (00:00 UTC+7) of the local day <paramref name="julianDayNumber"/>. A major solar term falls in a month
    /// exactly when the sector at the start of the month differs from the sector at the start of the next one.
    /// </summary>
    internal static int SunSectorAtStartOfDay(int julianDayNumber) =>
        (int)(LunarAstronomy.SunLongitude(julianDayNumber - 0.5 - TimeZoneOffsetHours / 24.0) / 30.0);

    private static LocalDate ToIso(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    private static void CheckLunarYear(int lunarYear, string parameterName)
    {
        if (lunarYear is < MinLunarYear or > MaxLunarYear)
        {
            throw new ArgumentOutOfRangeException(parameterName, lunarYear,
                $"The Vietnamese lunar calendar is supported for the lunar years {MinLunarYear} to {MaxLunarYear} (Gregorian {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}).");
        }
    }

    private static (SolsticeCycle Cycle, int Index) Locate(int lunarYear, int month, bool isLeapMonth, string parameterName)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(parameterName, month,
                "A lunar month is numbered 1 to 12; default(LunarDate) is not a date.");
        }

        CheckLunarYear(lunarYear, parameterName);

        // Months 11 and 12 of lunar year Y (and a leap 11 or 12) open cycle Y; months 1–10 close cycle Y - 1.
        SolsticeCycle cycle = Cycle(month >= 11 ? lunarYear : lunarYear - 1);
        for (int i = 0; i < cycle.MonthCount; i++)
        {
            if (cycle.MonthNumber(i) == month && cycle.IsLeap(i) == isLeapMonth && cycle.YearAt(i) == lunarYear)
            {
                return (cycle, i);
            }
        }

        int? leap = LeapMonth(lunarYear);
        string has = leap is null ? "has no leap month" : $"has only the leap month {leap}";
        throw new ArgumentOutOfRangeException(parameterName, lunarYear,
            $"Lunar year {lunarYear} {has}; there is no month {MonthLabel(month, isLeapMonth)}.");
    }

    private static string MonthLabel(int month, bool isLeapMonth) => isLeapMonth ? $"{month} nhuận" : $"{month}";

    private static SolsticeCycle Cycle(int gregorianYear)
    {
        int slot = gregorianYear - FirstCycle;
        SolsticeCycle? cycle = Volatile.Read(ref Cycles[slot]);
        if (cycle is null)
        {
            // Benign race: two threads may both compute a cycle; the results are equal and immutable.
            cycle = SolsticeCycle.Compute(gregorianYear);
            Volatile.Write(ref Cycles[slot], cycle);
        }

        return cycle;
    }

    /// <summary>The months from month 11 of lunar year g to the month before month 11 of g + 1.</summary>
    private sealed class SolsticeCycle
    {
        private readonly int _year;
        private readonly int _leapIndex; // -1 when the cycle has twelve months
        private readonly int _firstMonthOfNextYear; // index of month 1 of lunar year g + 1

        private SolsticeCycle(int year, int[] monthStarts, int leapIndex)
        {
            _year = year;
            MonthStarts = monthStarts;
            _leapIndex = leapIndex;
            _firstMonthOfNextYear = leapIndex is 1 or 2 ? 3 : 2;
        }

        /// <summary>The first day (JDN) of each month, plus the first day of the next cycle's month 11.</summary>
        public int[] MonthStarts { get; }

        public int MonthCount => MonthStarts.Length - 1;

        public int MonthLength(int index) => MonthStarts[index + 1] - MonthStarts[index];

        public bool IsLeap(int index) => index == _leapIndex;

        public int MonthNumber(int index)
        {
            int ordinal = _leapIndex >= 0 && index >= _leapIndex ? index - 1 : index; // 0 = month 11
            return (ordinal + 10) % 12 + 1;
        }

        public int YearAt(int index) => index < _firstMonthOfNextYear ? _year : _year + 1;

        public LunarDate DateAt(int index, int day) => new(YearAt(index), MonthNumber(index), day, IsLeap(index));

        public static SolsticeCycle Compute(int gregorianYear)
        {
            int start = Month11Lunation(gregorianYear);
            int end = Month11Lunation(gregorianYear + 1);
            var starts = new int[end - start + 1];
            for (int i = 0; i < starts.Length; i++)
            {
                starts[i] = NewMoonDay(start + i);
            }

            int leapIndex = -1;
            if (starts.Length == 14)
            {
                // 13 months: the leap month is the first one after month 11 without a major solar term.
                for (int i = 1; i <= 12 && leapIndex < 0; i++)
                {
                    if (SunSectorAtStartOfDay(starts[i]) == SunSectorAtStartOfDay(starts[i + 1]))
                    {
                        leapIndex = i;
                    }
                }
            }
            else if (starts.Length != 13)
            {
                throw new InvalidOperationException($"Lunar cycle {gregorianYear} has {starts.Length - 1} months.");
            }

            return new SolsticeCycle(gregorianYear, starts, leapIndex);
        }

        /// <summary>
        /// The number of the new moon that starts month 11 of <paramref name="gregorianYear"/>: the month
        /// in which the sun reaches 270°, the winter solstice (around 21–22 December).
        /// </summary>
        private static int Month11Lunation(int gregorianYear)
        {
            int solsticeEstimate = JulianDayNumber(new LocalDate(gregorianYear, 12, 21));
            int k = (int)Math.Floor((solsticeEstimate - LunarAstronomy.NewMoonEpoch) / LunarAstronomy.SynodicMonth);

            // Step back while the month starting at new moon k begins after the solstice (sun already past
            // 270° at its first midnight), forward while the next month still begins before it. Around
            // December the sun's longitude is between 240° and 300°, so there is no wrap-around to worry about.
            while (SunLongitudeAtStartOfDay(NewMoonDay(k)) >= 270)
            {
                k--;
            }

            while (SunLongitudeAtStartOfDay(NewMoonDay(k + 1)) < 270)
            {
                k++;
            }

            return k;
        }

        private static double SunLongitudeAtStartOfDay(int julianDayNumber) =>
            LunarAstronomy.SunLongitude(julianDayNumber - 0.5 - TimeZoneOffsetHours / 24.0);
    }
}
