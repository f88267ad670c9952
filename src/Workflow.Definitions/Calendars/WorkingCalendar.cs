using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// The working days of Vietnamese state agencies (cán bộ, công chức, viên chức): Monday to Friday, minus public
/// holidays, compensatory days off and announced days off, plus announced make-up Saturdays.
/// </summary>
/// <remarks>
/// <para>The rules, applied to each Gregorian year:</para>
/// <list type="number">
/// <item>Saturday and Sunday are the weekly rest days (Quyết định 188/1999/QĐ-TTg, 40-hour week).</item>
/// <item>Public holidays (Bộ luật Lao động 2019, Điều 112; before 2021 the 2012 Code) on their default days,
/// unless the year's adjustment file gives the official days (see <see cref="CalendarAdjustments"/>).</item>
/// <item>A holiday on a Saturday or Sunday gives a compensatory day off (nghỉ bù, Điều 111 khoản 3) on the next
/// weekday that is not a holiday and not already a compensatory day: the official Tết 2024, 8–12/2 with
/// Saturday 10/2 and Sunday 11/2, gives Tuesday 13/2 and Wednesday 14/2.</item>
/// <item>Announced days off (<c>days_off</c>) and make-up working days (<c>working_days</c>) of the file apply last.</item>
/// </list>
/// <para>
/// Immutable and thread-safe. Each year is computed once, on first use, into a per-day table, so queries
/// cost an array look-up. Dates in other calendar systems are converted to ISO; returned dates are ISO.
/// The supported range is that of <see cref="VietnameseLunarCalendar"/> (1900–2100); other dates throw
/// <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly int FirstYear = VietnameseLunarCalendar.MinDate.Year;
    private static readonly int LastYear = VietnameseLunarCalendar.MaxDate.Year;

    private readonly YearPlan?[] _plans = new YearPlan?[LastYear - FirstYear + 1];

    private WorkingCalendar(CalendarAdjustments adjustments) => Adjustments = adjustments;

    /// <summary>
    /// The calendar of the Labour Code's default rules only, without any year's announcement: in a
    /// year with swapped days it gives other dates than the official schedule (30/04/2025 moves to
    /// 02/05, not 05/05). Use <see cref="Create"/> with <see cref="CalendarAdjustments.LoadDirectory"/>
    /// of <c>workflows/calendars</c> for the official schedule (exact Tết days, swapped days,
    /// make-up Saturdays).
    /// </summary>
    public static WorkingCalendar StatutoryOnly { get; } = new(CalendarAdjustments.None);

    /// <summary>The adjustments this calendar was built with.</summary>
    public CalendarAdjustments Adjustments { get; }

    /// <summary>Builds the calendar of the default rules plus <paramref name="adjustments"/>.</summary>
    /// <exception cref="DataFileException">
    /// An adjustment contradicts the rules: an announced day off that is already a day off (a weekend, a
    /// holiday, a compensatory day off), a make-up working day that is not a Saturday or Sunday or is a
    /// holiday, or two holidays on the same day. The message names the file and line.
    /// </exception>
    public static WorkingCalendar Create(CalendarAdjustments adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var calendar = new WorkingCalendar(adjustments);
        foreach (YearAdjustments year in adjustments.All)
        {
            _ = calendar.Plan(year.Year); // validates now rather than at the first query of that year
        }

        return calendar;
    }

    /// <summary>
    /// Is <paramref name="date"/> a working day: a weekday that is not a day off, or an announced make-up
    /// Saturday/Sunday?
    /// </summary>
    public bool IsWorkingDay(LocalDate date)
    {
        date = Checked(date, nameof(date));
        return Plan(date.Year).IsWorking(date);
    }

    /// <summary>Is <paramref name="date"/> a day off: a weekend (not made up), a holiday, or a compensatory or announced day off?</summary>
    public bool IsDayOff(LocalDate date) => !IsWorkingDay(date);

    /// <summary>
    /// The named day off on <paramref name="date"/>, or null when it is a working day or an ordinary weekend
    /// day. A holiday that falls on a weekend is returned (its compensatory day is another entry).
    /// </summary>
    public DayOff? DayOffOn(LocalDate date)
    {
        date = Checked(date, nameof(date));
        return Plan(date.Year).Named.GetValueOrDefault(date);
    }

    /// <summary>
    /// Every named day off of <paramref name="year"/> in date order: holidays (including those on a weekend),
    /// compensatory days off and announced days off. Ordinary weekends are not listed.
    /// </summary>
    public IReadOnlyList<DayOff> DaysOff(int year) => Plan(CheckedYear(year)).DaysOff;

    /// <summary>The announced make-up working days (ngày làm bù) of <paramref name="year"/>, in date order.</summary>
    public IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays(int year) => Plan(CheckedYear(year)).MakeUpDays;

    /// <summary>
    /// <paramref name="date"/> if it is a working day, otherwise the first working day after it: where a due date
    /// lands when it falls on a day off (Bộ luật Dân sự 2015, Điều 148 khoản 5). Saturday 29/03/2025 →
    /// Monday 31/03/2025; Monday 07/04/2025 (Giỗ Tổ) → Tuesday 08/04/2025.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the result, is outside 1900–2100.</exception>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        date = Checked(date, nameof(date));
        while (!Plan(date.Year).IsWorking(date))
        {
            date = Step(date, 1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> if it is a working day, otherwise the last working day before it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the result, is outside 1900–2100.</exception>
    public LocalDate PreviousWorkingDayOnOrBefore(LocalDate date)
    {
        date = Checked(date, nameof(date));
        while (!Plan(date.Year).IsWorking(date))
        {
            date = Step(date, -1);
        }

        return date;
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="date"/> (before it when negative):
    /// "within 5 working days of 24/01/2025" is <c>AddWorkingDays(2025-01-24, 5)</c>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Counting starts the day after <paramref name="date"/> (Bộ luật Dân sự 2015, Điều 147), and
    /// <paramref name="date"/> itself need not be a working day: Friday + 1 = Monday, Saturday + 1 = Monday.</item>
    /// <item>Negative: the |n|-th working day before <paramref name="date"/>: Monday − 1 = the Friday before.</item>
    /// <item>Zero: <see cref="NextWorkingDayOnOrAfter"/> — the date itself when it is a working day, otherwise the
    /// next working day, so the result is always a working day.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the result, is outside 1900–2100.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        date = Checked(date, nameof(date));
        if (days == 0)
        {
            return NextWorkingDayOnOrAfter(date);
        }

        int step = Math.Sign(days);
        long remaining = Math.Abs((long)days);
        while (remaining > 0)
        {
            date = Step(date, step);
            if (Plan(date.Year).IsWorking(date))
            {
                remaining--;
            }
        }

        return date;
    }

    private static LocalDate Step(LocalDate date, int days)
    {
        LocalDate next = date.PlusDays(days);
        if (next < VietnameseLunarCalendar.MinDate || next > VietnameseLunarCalendar.MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"The working calendar is supported from {VietnameseLunarCalendar.MinDate:uuuu-MM-dd} to {VietnameseLunarCalendar.MaxDate:uuuu-MM-dd}; the result would be outside it.");
        }

        return next;
    }

    private static LocalDate Checked(LocalDate date, string parameterName)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        if (date < VietnameseLunarCalendar.MinDate || date > VietnameseLunarCalendar.MaxDate)
        {
            throw new ArgumentOutOfRangeException(parameterName, date,
                $"The working calendar is supported from {VietnameseLunarCalendar.MinDate:uuuu-MM-dd} to {VietnameseLunarCalendar.MaxDate:uuuu-MM-dd}.");
        }

        return date;
    }

    private static int CheckedYear(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"The working calendar is supported for the years {FirstYear} to {LastYear}.");
        }

        return year;
    }

    private YearPlan Plan(int year)
    {
        int slot = year - FirstYear;
        YearPlan? plan = Volatile.Read(ref _plans[slot]);
        if (plan is null)
        {
            // Benign race: two threads may both build a year; the results are equal and immutable.
            plan = YearPlan.Build(year, Adjustments);
            Volatile.Write(ref _plans[slot], plan);
        }

        return plan;
    }

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>A holiday day: its date, name, source and, for error messages, the line it was written on.</summary>
    private sealed record HolidayDay(LocalDate Date, string Name, string? Source, int? Line);

    /// <summary>The public holidays of a year: defaults, with the year's overrides and additions.</summary>
    private static Dictionary<LocalDate, HolidayDay> HolidaysOf(int year, CalendarAdjustments adjustments)
    {
        var result = new Dictionary<LocalDate, HolidayDay>();
        if (year < FirstYear || year > LastYear)
        {
            return result; // only looked at for spill-over across 1900/2100, where no holiday falls
        }

        YearAdjustments? file = adjustments.ForYear(year);
        foreach ((string key, string name) in PublicHolidays.BuiltIn)
        {
            if (file?.Holidays.Any(h => h.Key == key) == true)
            {
                continue;
            }

            foreach (LocalDate date in PublicHolidays.DefaultDates(key, year))
            {
                result.Add(date, new HolidayDay(date, name, null, null));
            }
        }

        foreach (HolidayOverride holiday in file?.Holidays ?? [])
        {
            foreach (DatedLine date in holiday.Dates)
            {
                if (result.TryGetValue(date.Date, out HolidayDay? other))
                {
                    string where = other.Line is null ? "theo mặc định" : $"dòng {other.Line}";
                    throw new DataFileException(file!.SourceName, date.Line,
                        $"{Iso(date.Date)} đã là {other.Name} ({where}); mỗi ngày chỉ là một ngày lễ.");
                }

                result.Add(date.Date, new HolidayDay(date.Date, holiday.Name, holiday.Source, date.Line));
            }
        }

        return result;
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Monday => "thứ Hai",
        IsoDayOfWeek.Tuesday => "thứ Ba",
        IsoDayOfWeek.Wednesday => "thứ Tư",
        IsoDayOfWeek.Thursday => "thứ Năm",
        IsoDayOfWeek.Friday => "thứ Sáu",
        IsoDayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    /// <summary>One year's days, computed once.</summary>
    private sealed class YearPlan
    {
        private readonly bool[] _working;

        private YearPlan(bool[] working, Dictionary<LocalDate, DayOff> named, List<MakeUpWorkingDay> makeUpDays)
        {
            _working = working;
            Named = named;
            DaysOff = [.. named.Values.OrderBy(d => d.Date)];
            MakeUpDays = makeUpDays.AsReadOnly();
        }

        public IReadOnlyDictionary<LocalDate, DayOff> Named { get; }

        public IReadOnlyList<DayOff> DaysOff { get; }

        public IReadOnlyList<MakeUpWorkingDay> MakeUpDays { get; }

        public bool IsWorking(LocalDate date) => _working[date.DayOfYear - 1];

        public static YearPlan Build(int year, CalendarAdjustments adjustments)
        {
            Dictionary<LocalDate, HolidayDay> holidays = HolidaysOf(year, adjustments);
            YearAdjustments? file = adjustments.ForYear(year);
            var named = new Dictionary<LocalDate, DayOff>();
            foreach (HolidayDay holiday in holidays.Values)
            {
                named.Add(holiday.Date, new DayOff(holiday.Date, holiday.Name, DayOffKind.Holiday, holiday.Source));
            }

            // Make-up days only ever turn a weekend day into a working day; compensatory days never land on them.
            var makeUpDays = new List<MakeUpWorkingDay>();
            foreach (AdjustmentEntry entry in file?.WorkingDays ?? [])
            {
                if (!IsWeekend(entry.Date))
                {
                    throw new DataFileException(file!.SourceName, entry.Line,
                        $"{Iso(entry.Date)} là {Weekday(entry.Date)}, vốn đã là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
                }

                if (holidays.TryGetValue(entry.Date, out HolidayDay? holiday))
                {
                    throw new DataFileException(file!.SourceName, entry.Line,
                        $"{Iso(entry.Date)} là ngày lễ {holiday.Name}; không thể làm bù vào ngày lễ.");
                }

                makeUpDays.Add(new MakeUpWorkingDay(entry.Date, entry.Name, entry.Source));
            }

            makeUpDays.Sort((a, b) => a.Date.CompareTo(b.Date));

            // Compensatory days (Điều 111 khoản 3), for this year's weekend holidays and for those of last
            // December whose compensation could spill into January (none do today; kept for safety).
            var previous = HolidaysOf(year - 1, adjustments).Values.Where(h => h.Date.Month == 12);
            var taken = new HashSet<LocalDate>();
            foreach (HolidayDay holiday in previous.Concat(holidays.Values).Where(h => IsWeekend(h.Date)).OrderBy(h => h.Date))
            {
                LocalDate day = holiday.Date.PlusDays(1);
                while (IsWeekend(day) || taken.Contains(day) || IsHoliday(day, year, holidays, adjustments))
                {
                    day = day.PlusDays(1);
                }

                taken.Add(day);
                if (day.Year == year)
                {
                    named.Add(day, new DayOff(day, "Nghỉ bù " + holiday.Name, DayOffKind.Compensatory, holiday.Source));
                }
            }

            foreach (AdjustmentEntry entry in file?.DaysOff ?? [])
            {
                if (IsWeekend(entry.Date))
                {
                    throw new DataFileException(file!.SourceName, entry.Line,
                        $"{Iso(entry.Date)} là {Weekday(entry.Date)}, vốn đã là ngày nghỉ; 'days_off' chỉ ghi những ngày làm việc được cho nghỉ.");
                }

                if (named.TryGetValue(entry.Date, out DayOff? other))
                {
                    string why = other.Kind == DayOffKind.Compensatory
                        ? "ngày nghỉ bù được tính tự động từ các ngày lễ, hãy xóa mục này"
                        : "hãy xóa mục này";
                    throw new DataFileException(file!.SourceName, entry.Line,
                        $"{Iso(entry.Date)} đã là ngày nghỉ ('{other.Name}'); {why}.");
                }

                named.Add(entry.Date, new DayOff(entry.Date, entry.Name, DayOffKind.Announced, entry.Source));
            }

            var firstDay = new LocalDate(year, 1, 1);
            var working = new bool[CalendarSystem.Iso.GetDaysInYear(year)];
            for (int i = 0; i < working.Length; i++)
            {
                LocalDate day = firstDay.PlusDays(i);
                working[i] = !IsWeekend(day) && !named.ContainsKey(day);
            }

            foreach (MakeUpWorkingDay makeUp in makeUpDays)
            {
                working[makeUp.Date.DayOfYear - 1] = true;
            }

            return new YearPlan(working, named, makeUpDays);
        }

        private static bool IsHoliday(LocalDate day, int year, Dictionary<LocalDate, HolidayDay> holidays, CalendarAdjustments adjustments) =>
            day.Year == year ? holidays.ContainsKey(day) : HolidaysOf(day.Year, adjustments).ContainsKey(day);
    }
}
