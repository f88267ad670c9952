using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Parts of a month or quarter: a month's first or middle ten days ("Đầu tháng 3/2026", "giữa tháng 10"), a quarter's
/// first or middle month ("Đầu quý III/2026" is 31/07/2026, listed), a month's thirds ("Thượng tuần tháng 7/2026" the
/// 10th, "trung tuần" the 20th, "hạ tuần" its last day), and its weeks
/// ("Dự kiến tuần 1 tháng 01 năm 2026", "Xong trước tuần 2 tháng 01/2026"). Week n ends on day 7n (the
/// fifth week on the month's last day); "đầu tháng" is the 10th and "giữa tháng" the 20th, a reading a
/// coordinator should confirm, so it is listed.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>The token after a part of a month, or k when none starts at k.</summary>
        private int TryPartOfMonth(int k)
        {
            // "Từ đầu tháng 3 đến …": the month's first day opens a span (OpensSpan), not its 10th.
            // "Đầu 9/2026", a month typed without "tháng", alike (as every part below).
            if (((Is(k, "dau") && IsStart(k)) || Is(k, "giua")) && MonthAt(k + 1) && !(Is(k - 1, "tu") && Is(k, "dau")))
            {
                var day = Is(k, "dau") ? 10 : 20;
                return PartOfMonth(k, k + 1, day, $"\"{Original(k, Is(k + 1, "thang") ? k + 1 : k)}\" đọc là ngày {day} của tháng (có thể hiểu là hết tháng)");
            }

            // "Đầu quý III/2026": the quarter's first month, "giữa quý" its second. Not "tháng đầu quý", a month of every
            // quarter (Periodic), nor "Từ đầu quý …", which opens a span at the quarter's first day.
            if (((Is(k, "dau") && IsStart(k)) || Is(k, "giua")) && Is(k + 1, "quy") && Quarter(k + 2) != 0 && !Is(k - 1, "thang") && !Is(k - 1, "tu"))
            {
                return PartOfQuarter(k, Is(k, "dau") ? 0 : 1);
            }

            // "Thượng tuần tháng 7/2026": the month's first ten days, "trung tuần" its middle ten, "hạ tuần" its last (the
            // words say so; nothing to confirm).
            if (Is(k + 1, "tuan") && (Is(k, "thuong") || Is(k, "trung") || Is(k, "ha")) && MonthAt(k + 2))
            {
                return PartOfMonth(k, k + 2, Is(k, "thuong") ? 10 : Is(k, "trung") ? 20 : 31, null);
            }

            // "Dự kiến tuần 1 tháng 01 năm 2026", "Tuần thứ 2 của tháng 4/2026", "Tuần đầu (tiên) của tháng 3/2026" (the first).
            if (Is(k, "tuan", "dau"))
            {
                var of = Is(k + 2, "tien") ? k + 3 : k + 2;
                of += Is(of, "cua") ? 1 : 0;
                if (MonthAt(of))
                {
                    return PartOfMonth(k, of, 7, null);
                }
            }

            var number = Is(k + 1, "thu") ? k + 2 : k + 1;
            var month = Is(number + 1, "cua") ? number + 2 : number + 1;
            if (Is(k, "tuan") && Is(number, TokenType.Number) && tokens[number].Value is >= 1 and <= 5 && MonthAt(month))
            {
                var week = tokens[number].Value;
                var reading = Is(k - 1, "truoc") ? $"\"trước tuần {week}\" đọc là hết tuần {week} (có thể hiểu là hết tuần {week - 1})" : null;
                return PartOfMonth(k, month, week * 7, reading);
            }

            return k;
        }

        /// <summary>"đầu" (the start) as written, or typed without accents: "Phấn đấu năm 2026", "phấn đấu quý III", "đấu thầu"
        /// fold to the same letters and say no time.</summary>
        private bool IsStart(int k) => WrittenAs(k, "đầu") || WrittenAs(k, "dau");

        /// <summary>Reads the quarters after the part at <paramref name="first"/> and moves each to the end of its month
        /// <paramref name="monthOfQuarter"/> (0 the first), a reading that is listed: the quarter's end is the other.</summary>
        private int PartOfQuarter(int first, int monthOfQuarter)
        {
            var before = items.Count;
            var after = Quarters(first + 1);
            if (error is not null)
            {
                return after;
            }

            for (var i = before; i < items.Count; i++)
            {
                var start = items[i].Start.PlusMonths(monthOfQuarter);
                var due = MonthEnd(start.Year, start.Month);
                items[i] = items[i] with { Date = due, FirstToken = first, Name = null };
                ambiguities.Add($"\"{Original(first, first + 1)}\" đọc là hết tháng {due.Month:00}/{due.Year} (có thể hiểu là hết quý)");
            }

            return after;
        }

        /// <summary>Reads the month at <paramref name="monthWord"/> ("tháng", or a month with its year and no "tháng") and moves its dates to <paramref name="day"/>
        /// (at most the month's last day), the part starting at <paramref name="first"/>.</summary>
        private int PartOfMonth(int first, int monthWord, int day, string? reading)
        {
            var before = items.Count;
            var after = Is(monthWord, "thang") ? Months(monthWord) : BareMonth(monthWord);
            if (error is not null)
            {
                return after;
            }

            for (var i = before; i < items.Count; i++)
            {
                var month = items[i].Start;
                var due = new LocalDate(month.Year, month.Month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)));
                items[i] = items[i] with { Date = due, FirstToken = first, Name = null };
                if (reading is not null)
                {
                    ambiguities.Add(reading.Replace(" của tháng", "/" + month.Month.ToString("00", CultureInfo.InvariantCulture) + "/" + month.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                }
            }

            return after;
        }
    }
}
