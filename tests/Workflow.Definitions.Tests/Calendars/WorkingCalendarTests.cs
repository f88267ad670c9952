using System.Text;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Tests.Calendars;

public sealed class WorkingCalendarTests
{
    /// <summary>The calendar with the files shipped in workflows/calendars.</summary>
    private static readonly WorkingCalendar Official =
        WorkingCalendar.Create(CalendarAdjustments.LoadDirectory(ShippedCalendarsDirectory()));

    [Fact]
    public void The_shipped_files_cover_2023_to_2026()
    {
        int[] expected = [2023, 2024, 2025, 2026];
        Assert.Equal(expected, Official.Adjustments.Years);
    }

    [Fact]
    public void Tet_2025_is_off_from_Saturday_25_January_to_Sunday_2_February()
    {
        Assert.True(Official.IsWorkingDay(D("2025-01-24")));
        for (LocalDate day = D("2025-01-25"); day <= D("2025-02-02"); day = day.PlusDays(1))
        {
            Assert.True(Official.IsDayOff(day), $"{day} should be off");
        }

        Assert.True(Official.IsWorkingDay(D("2025-02-03")));
        Assert.Equal("Tết Nguyên đán", Official.DayOffOn(D("2025-01-27"))?.Name);
        Assert.Null(Official.DayOffOn(D("2025-01-25"))); // an ordinary Saturday has no name
        Assert.Null(Official.DayOffOn(D("2025-02-01")));
    }

    [Fact]
    public void Days_off_of_2025_with_the_shipped_file()
    {
        var expected = new (string Date, string Name, DayOffKind Kind)[]
        {
            ("2025-01-01", "Tết Dương lịch", DayOffKind.Holiday),
            ("2025-01-27", "Tết Nguyên đán", DayOffKind.Holiday),
            ("2025-01-28", "Tết Nguyên đán", DayOffKind.Holiday),
            ("2025-01-29", "Tết Nguyên đán", DayOffKind.Holiday),
            ("2025-01-30", "Tết Nguyên đán", DayOffKind.Holiday),
            ("2025-01-31", "Tết Nguyên đán", DayOffKind.Holiday),
            ("2025-04-07", "Giỗ Tổ Hùng Vương", DayOffKind.Holiday),
            ("2025-04-30", "Ngày Chiến thắng", DayOffKind.Holiday),
            ("2025-05-01", "Ngày Quốc tế Lao động", DayOffKind.Holiday),
            ("2025-05-02", "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)", DayOffKind.Announced),
            ("2025-09-01", "Quốc khánh", DayOffKind.Holiday),
            ("2025-09-02", "Quốc khánh", DayOffKind.Holiday),
        };
        Assert.Equal(
            expected.Select(e => (D(e.Date), e.Name, e.Kind)),
            Official.DaysOff(2025).Select(d => (d.Date, d.Name, d.Kind)));
        var byDefault = new[] { D("2025-01-01"), D("2025-04-07"), D("2025-04-30"), D("2025-05-01") };
        Assert.All(Official.DaysOff(2025), d =>
        {
            if (byDefault.Contains(d.Date))
            {
                Assert.Null(d.Source);
            }
            else
            {
                Assert.Contains("Thông báo 6150/TB-LĐTBXH", d.Source, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void The_30_April_2025_swap_makes_Saturday_26_April_a_working_day_and_Friday_2_May_a_day_off()
    {
        Assert.True(Official.IsWorkingDay(D("2025-04-26")));
        var makeUp = Assert.Single(Official.MakeUpWorkingDays(2025));
        Assert.Equal(D("2025-04-26"), makeUp.Date);
        Assert.Contains("6150/TB-LĐTBXH", makeUp.Source, StringComparison.Ordinal);

        for (LocalDate day = D("2025-04-30"); day <= D("2025-05-04"); day = day.PlusDays(1))
        {
            Assert.True(Official.IsDayOff(day), $"{day} should be off");
        }

        Assert.True(Official.IsWorkingDay(D("2025-05-05")));

        // Without the file, Friday 2 May is an ordinary working day and Saturday 26 April is not.
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D("2025-05-02")));
        Assert.True(WorkingCalendar.StatutoryOnly.IsDayOff(D("2025-04-26")));
    }

    [Fact]
    public void National_day_2025_is_off_from_30_August_to_2_September()
    {
        Assert.True(Official.IsWorkingDay(D("2025-08-29")));
        Assert.All(Days("2025-08-30", "2025-09-02"), d => Assert.True(Official.IsDayOff(d)));
        Assert.True(Official.IsWorkingDay(D("2025-09-03")));
    }

    [Theory]
    [InlineData("2025-03-29", "2025-03-31")] // Saturday → Monday
    [InlineData("2025-04-07", "2025-04-08")] // Monday, Giỗ Tổ Hùng Vương → Tuesday
    [InlineData("2025-04-08", "2025-04-08")] // a working day stays
    [InlineData("2025-01-25", "2025-02-03")] // the whole Tết break
    [InlineData("2025-04-30", "2025-05-05")] // 30/4, 1/5, swapped 2/5, weekend
    [InlineData("2025-04-26", "2025-04-26")] // make-up Saturday is a working day
    [InlineData("2024-02-10", "2024-02-15")] // Tết 2024 with its two compensatory days
    public void A_due_date_on_a_day_off_moves_to_the_next_working_day(string due, string moved)
    {
        Assert.Equal(D(moved), Official.NextWorkingDayOnOrAfter(D(due)));
    }

    [Theory]
    [InlineData("2025-02-02", "2025-01-24")]
    [InlineData("2025-04-08", "2025-04-08")]
    [InlineData("2025-04-07", "2025-04-04")]
    [InlineData("2025-05-04", "2025-04-29")]
    public void Previous_working_day_on_or_before(string date, string expected)
    {
        Assert.Equal(D(expected), Official.PreviousWorkingDayOnOrBefore(D(date)));
    }

    [Theory]
    [InlineData("2025-01-24", 1, "2025-02-03")] // Friday before Tết + 1 = Monday after it
    [InlineData("2025-01-24", 5, "2025-02-07")]
    [InlineData("2025-01-22", 5, "2025-02-05")]
    [InlineData("2025-01-27", 1, "2025-02-03")] // counting from a holiday
    [InlineData("2025-02-03", -1, "2025-01-24")]
    [InlineData("2025-02-05", -5, "2025-01-22")]
    [InlineData("2025-01-25", 0, "2025-02-03")] // 0 = on or after
    [InlineData("2025-01-24", 0, "2025-01-24")]
    [InlineData("2025-04-25", 1, "2025-04-26")] // the make-up Saturday counts
    [InlineData("2025-03-28", 1, "2025-03-31")] // Friday + 1 = Monday
    [InlineData("2025-03-29", 1, "2025-03-31")] // Saturday + 1 = Monday
    [InlineData("2025-03-31", -1, "2025-03-28")] // Monday - 1 = Friday
    [InlineData("2024-12-31", 10, "2025-01-15")] // across the year end and 1/1
    public void Add_working_days(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Official.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void Adding_then_subtracting_working_days_comes_back_to_the_working_day_on_or_before()
    {
        for (LocalDate day = D("2024-12-01"); day <= D("2026-12-31"); day = day.PlusDays(1))
        {
            LocalDate later = Official.AddWorkingDays(day, 7);
            Assert.True(Official.IsWorkingDay(later));
            Assert.Equal(Official.PreviousWorkingDayOnOrBefore(day), Official.AddWorkingDays(later, -7));
        }
    }

    [Fact]
    public void Tet_2024_with_the_shipped_file_is_8_to_14_February_with_two_compensatory_days()
    {
        Assert.Equal(
            new[] { D("2024-02-08"), D("2024-02-09"), D("2024-02-10"), D("2024-02-11"), D("2024-02-12"), D("2024-02-13"), D("2024-02-14") },
            Official.DaysOff(2024).Where(d => d.Date.Month == 2).Select(d => d.Date));
        Assert.Equal(DayOffKind.Compensatory, Official.DayOffOn(D("2024-02-13"))?.Kind);
        Assert.Equal("Nghỉ bù Tết Nguyên đán", Official.DayOffOn(D("2024-02-14"))?.Name);
        Assert.True(Official.IsWorkingDay(D("2024-02-15")));
        Assert.True(Official.IsWorkingDay(D("2024-05-04"))); // make-up for Monday 29/4
        Assert.True(Official.IsDayOff(D("2024-04-29")));
    }

    [Fact]
    public void Tet_2024_by_default_rules_is_the_last_day_and_lunar_1_to_4_plus_compensation()
    {
        // Without the file: 9/2 (30 Tết) to 13/2 (mùng 4); Saturday 10 and Sunday 11 give Wednesday 14 and Thursday 15.
        Assert.Equal(
            new[] { D("2024-02-09"), D("2024-02-10"), D("2024-02-11"), D("2024-02-12"), D("2024-02-13"), D("2024-02-14"), D("2024-02-15") },
            WorkingCalendar.StatutoryOnly.DaysOff(2024).Where(d => d.Date.Month == 2).Select(d => d.Date));
    }

    [Fact]
    public void The_2026_schedule()
    {
        Assert.All(Days("2026-01-01", "2026-01-04"), d => Assert.True(Official.IsDayOff(d)));
        Assert.True(Official.IsWorkingDay(D("2026-01-10")));
        Assert.All(Days("2026-02-14", "2026-02-22"), d => Assert.True(Official.IsDayOff(d)));
        Assert.True(Official.IsWorkingDay(D("2026-02-23")));
        Assert.Equal("Giỗ Tổ Hùng Vương", Official.DayOffOn(D("2026-04-26"))?.Name); // a Sunday
        Assert.Equal(new DayOff(D("2026-04-27"), "Nghỉ bù Giỗ Tổ Hùng Vương", DayOffKind.Compensatory), Official.DayOffOn(D("2026-04-27")));
        Assert.True(Official.IsWorkingDay(D("2026-08-22")));
        Assert.All(Days("2026-08-29", "2026-09-02"), d => Assert.True(Official.IsDayOff(d)));
        Assert.True(Official.IsWorkingDay(D("2026-09-03")));
    }

    [Fact]
    public void The_2023_schedule_with_a_Saturday_Sunday_Monday_run_of_holidays()
    {
        Assert.Equal("Nghỉ bù Tết Dương lịch", Official.DayOffOn(D("2023-01-02"))?.Name);
        Assert.All(Days("2023-01-20", "2023-01-26"), d => Assert.True(Official.IsDayOff(d)));
        // Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday: compensatory Tuesday 2/5 and Wednesday 3/5.
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương", Official.DayOffOn(D("2023-05-02"))?.Name);
        Assert.Equal("Nghỉ bù Ngày Chiến thắng", Official.DayOffOn(D("2023-05-03"))?.Name);
        Assert.True(Official.IsWorkingDay(D("2023-05-04")));
        Assert.All(Days("2023-09-01", "2023-09-04"), d => Assert.True(Official.IsDayOff(d)));
    }

    [Theory]
    [InlineData(2019, "2019-09-02")] // Labour Code 2012: one day
    [InlineData(2020, "2020-09-02")]
    [InlineData(2021, "2021-09-02,2021-09-03")] // Thursday → Friday
    [InlineData(2022, "2022-09-01,2022-09-02")] // Friday → Thursday
    [InlineData(2023, "2023-09-01,2023-09-02,2023-09-04")] // Saturday → Friday, Monday compensatory
    [InlineData(2024, "2024-09-02,2024-09-03")] // Monday → Tuesday
    [InlineData(2025, "2025-09-01,2025-09-02")] // Tuesday → Monday
    [InlineData(2026, "2026-09-01,2026-09-02")] // Wednesday → Tuesday
    [InlineData(2029, "2029-09-02,2029-09-03,2029-09-04")] // Sunday → Monday, Tuesday compensatory
    public void National_day_by_default_rules(int year, string dates)
    {
        Assert.Equal(
            dates.Split(',').Select(D),
            WorkingCalendar.StatutoryOnly.DaysOff(year).Where(d => d.Date.Month == 9).Select(d => d.Date));
    }

    [Fact]
    public void Every_year_has_eleven_holiday_days_with_NFC_names()
    {
        for (int year = 2021; year <= 2060; year++)
        {
            IReadOnlyList<DayOff> daysOff = WorkingCalendar.StatutoryOnly.DaysOff(year);
            Assert.Equal(11, daysOff.Count(d => d.Kind == DayOffKind.Holiday));
            Assert.All(daysOff, d =>
            {
                Assert.True(d.Name.IsNormalized(NormalizationForm.FormC), d.Name);
                Assert.Equal(d.Date.Year, year);
            });
            Assert.All(daysOff.Where(d => d.Kind == DayOffKind.Compensatory), d => Assert.True(d.Date.DayOfWeek < IsoDayOfWeek.Saturday));
            Assert.Equal(daysOff.OrderBy(d => d.Date).Select(d => d.Date), daysOff.Select(d => d.Date));
        }

        Assert.All(Official.DaysOff(2026).Concat(Official.DaysOff(2025)), d => Assert.True(d.Name.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Weekends_are_days_off_without_a_name()
    {
        Assert.True(WorkingCalendar.StatutoryOnly.IsDayOff(D("2025-03-29")));
        Assert.Null(WorkingCalendar.StatutoryOnly.DayOffOn(D("2025-03-29")));
        Assert.Null(WorkingCalendar.StatutoryOnly.DayOffOn(D("2025-03-28")));
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D("2025-03-28")));
    }

    [Fact]
    public void Dates_outside_the_supported_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.StatutoryOnly.IsWorkingDay(new LocalDate(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.StatutoryOnly.DaysOff(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.StatutoryOnly.AddWorkingDays(new LocalDate(2100, 12, 30), 5));
        Assert.Equal(new LocalDate(2100, 12, 31), WorkingCalendar.StatutoryOnly.AddWorkingDays(new LocalDate(2100, 12, 30), 1));
    }

    private static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static IEnumerable<LocalDate> Days(string first, string last)
    {
        for (LocalDate day = D(first); day <= D(last); day = day.PlusDays(1))
        {
            yield return day;
        }
    }

    internal static string ShippedCalendarsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "workflows", "calendars");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No workflows/calendars above {AppContext.BaseDirectory}.");
    }
}
