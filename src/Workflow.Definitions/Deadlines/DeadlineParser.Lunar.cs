using System.Globalization;
using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// References to the lunar calendar, resolved with <see cref="VietnameseLunarCalendar"/>: "Trước Tết
/// Nguyên đán 2026" (the eve of Tết), "Rằm tháng Giêng", "ngày 23 tháng Chạp", "ngày 15/8 âm lịch".
/// A Tết named without its year is the first one after the plan's issue date, which the note says.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        private int TryLunarItem(int k)
        {
            if (Is(k, "tet") && !Is(k + 1, "duong") && !Is(k - 1, "sau"))
            {
                return Tet(k);
            }

            if (Is(k, "ram", "thang") && LunarMonth(k + 2) is > 0 and var month)
            {
                var (year, after) = LunarYearSuffix(k + 3);
                return LunarDay(15, month, year, k, LunarSuffix(after));
            }

            return k;
        }

        /// <summary>"Tết Nguyên đán [năm] 2026": the first day of the lunar year; with "trước", its eve; with a count of days
        /// before "trước", that many days before it.</summary>
        private int Tet(int k)
        {
            var j = Is(k + 1, "nguyen", "dan") ? k + 3 : k + 1;
            var (year, after) = LunarYearSuffix(j);
            if (year is null && j == k + 3 && SexagenaryYear(j) is > 0 and var named)
            {
                // "Tết Nguyên đán Bính Ngọ", "Tết Nguyên đán Ất Tỵ 2025": the lunar year named by its stem and branch, the
                // solar year written after it the same one.
                // ("Tết nguyên đán Ất Tỵ - 2025": a dash before the solar year.)
                (year, after) = (named, IsYearNumber(j + 2) && tokens[j + 2].Value == named ? j + 3
                    : Is(j + 2, '-') && IsYearNumber(j + 3) && tokens[j + 3].Value == named ? j + 4 : j + 2);
            }

            if (DaysOffLeftOut(k))
            {
                // "20 ngày, không bao gồm ngày nghỉ lễ, tết, kể từ …": the days off a count leaves out, no day of its own.
                return after;
            }

            if (BonusOfTet(k) || HolidayOfTetWithDays(k) || InHolidayOfTetWithDays(k) || DaysAroundTetOfSpan(k, after) || Is(k - 1, "xuyen") || Is(k - 2, "xuyen", "le") || InHolidayCalendar(k)
                || TetOfTrade(k))
            {
                // "Báo cáo tình hình tiền thưởng tết Dương lịch và tết Nguyên đán 2026 … Hạn nộp báo cáo: Trước ngày
                // 15/12/2025": the Tết of a bonus or a gift is what the report is about, not a date (nor is its year); "làm xuyên
                // lễ tết" (working through the holidays) says how, not when; nor does a calendar of days off that names it.
                return after;
            }

            if (year is null)
            {
                var from = context.IssuedOn ?? new LocalDate(context.TrackedYear, 1, 1);
                year = from.Year + (VietnameseLunarCalendar.NewYear(from.Year) < from ? 1 : 0);
                if (year > DeadlineContext.MaxYear)
                {
                    return k;
                }

                ambiguities.Add($"Tết không ghi năm: đọc là Tết {VietnameseLunarCalendar.NewYear(year.Value).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}, Tết đầu tiên từ {from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            }

            var tet = VietnameseLunarCalendar.NewYear(year.Value);
            var before = Is(k - 1, "truoc");
            if (before && Is(k - 2, "ngay") && Is(k - 3, TokenType.Number) && tokens[k - 3].Value is >= 1 and <= 90)
            {
                // "Gửi chậm nhất 20 ngày trước Tết Nguyên đán": that many days before the first day of the year.
                beforeHoliday = tet.PlusDays(-tokens[k - 3].Value);
                AddDate(beforeHoliday, null, false, k - 3, after - 1);
                notes.Add($"{tokens[k - 3].Value} ngày trước Tết Nguyên đán {year}");
                return after;
            }

            beforeHoliday = before ? tet.PlusDays(-1) : beforeHoliday;
            AddDate(before ? tet.PlusDays(-1) : tet, null, false, k, after - 1);
            notes.Add(before ? $"đêm trước Tết Nguyên đán {year}" : $"Tết Nguyên đán {year}");
            return after;
        }

        /// <summary>A Tết named without a day ("dịp Tết Nguyên đán Ất Tỵ 2025", "Tết Nguyên đán Bính Ngọ", "đón Tết") in a cell
        /// whose span of days holds that Tết, or holds a Tết when none is named ("đợt cao điểm … từ ngày 15/12/2025 đến ngày
        /// 16/3/2026 … để nhân dân đón Tết"), is the occasion the campaign is for, not a date of its own: left out, in the
        /// note. So is a Tết said with "sau (dịp, kỳ) (nghỉ)" beside another date ("Bắt tay vào công việc sau dịp nghỉ tết,
        /// … hoàn thành … các công việc của tháng 02 và quý I năm 2025"): when the work resumes, not a deadline. "trước Tết",
        /// "đến Tết" stay dates.</summary>
        private void SetOccasionsOfTetApart()
        {
            if (!Mentions("tet"))
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var tet = items[i];
                var k = tet.FirstToken;
                if (tet.Kind != ItemKind.Date || !Is(k, "tet") || Is(k - 1, "truoc") || Is(k - 1, "den") || Is(k - 1, "toi") || Is(k - 1, "nhat"))
                {
                    continue;
                }

                var resumes = ResumesAfterTet(k);
                if (resumes >= 0 && items.Count > 1)
                {
                    DropTet(i, $"\"{Original(resumes, tet.LastToken)}\" là lúc bắt đầu làm việc, không phải hạn");
                    continue;
                }

                var named = tet.LastToken > k + (Is(k + 1, "nguyen", "dan") ? 2 : 0);
                foreach (var span in items)
                {
                    if (span.Kind != ItemKind.Span || span.OpenEnded || span.Start.Year < span.Date.Year - 1
                        || !(named ? span.Holds(tet.Date) : span.Holds(VietnameseLunarCalendar.NewYear(span.Start.Year)) || span.Holds(VietnameseLunarCalendar.NewYear(span.Date.Year))))
                    {
                        continue;
                    }

                    DropTet(i, $"\"{Original(k, tet.LastToken)}\" là dịp của đợt, không phải hạn");
                    break;
                }
            }
        }

        /// <summary>The first token of "sau (dịp, kỳ) (nghỉ)" before the Tết at <paramref name="k"/>, or -1.</summary>
        private int ResumesAfterTet(int k)
        {
            var j = k - 1;
            j -= Is(j, "nghi") ? 1 : 0;
            j -= Is(j, "dip") || Is(j, "ky") ? 1 : 0;
            return j < k - 1 && Is(j, "sau") ? j : -1;
        }

        /// <summary>Leaves the Tết item at <paramref name="i"/> out, with its note and its "no year" ambiguity, and says why.</summary>
        private void DropTet(int i, string why)
        {
            notes.Remove($"Tết Nguyên đán {items[i].Date.Year}");
            items.RemoveAt(i);
            for (var a = ambiguities.Count - 1; a >= 0; a--)
            {
                if (ambiguities[a].StartsWith("Tết không ghi năm", StringComparison.Ordinal))
                {
                    ambiguities.RemoveAt(a);
                }
            }

            notes.Add(why);
        }

        /// <summary>Whether the Tết at <paramref name="k"/> is that of a bonus or gift ("thưởng Tết", "quà Tết"), perhaps
        /// after the New Year's in a list ("thưởng tết Dương lịch và tết Nguyên đán"), or the occasion, "dịp", of a bonus or
        /// gift said a few words before in its clause ("kế hoạch thưởng theo kết quả sản xuất kinh doanh trong doanh nghiệp
        /// dịp tết Dương lịch và tết Nguyên đán năm 2026": "thưởng", "quà" as written, not "thường", "quả") in a cell that
        /// gives its deadline as a day, "trước ngày …", "chậm nhất (là) ngày …" (without one, "tặng quà … dịp Tết
        /// Nguyên đán 2026" is done at Tết).</summary>
        private bool BonusOfTet(int k)
        {
            var j = k - 1;
            if ((Is(j, "va") || Is(j, ',')) && Is(j - 3, "tet", "duong", "lich"))
            {
                j -= 4;
            }

            if (Is(j, "dip"))
            {
                for (var t = j - 1; t >= 0 && t >= j - 12 && !IsSentenceBreak(t) && !Is(t, ','); t--)
                {
                    if ((Is(t, "thuong") && WrittenAs(t, "thưởng")) || (Is(t, "qua") && WrittenAs(t, "quà")))
                    {
                        return DaySaidAsDeadline();
                    }
                }

                return false;
            }

            return Is(j, "thuong") || Is(j, "qua");
        }

        /// <summary>Whether the Tết at <paramref name="k"/> ends the days off a count leaves out, "không bao gồm (không kể,
        /// không tính, trừ) ngày nghỉ lễ, tết" ("ngày lễ, tết", "ngày nghỉ lễ và tết" too).</summary>
        private bool DaysOffLeftOut(int k)
        {
            var j = k - 1;
            j -= Is(j, ',') || Is(j, "va") ? 1 : 0;
            if (!Is(j, "le"))
            {
                return false;
            }

            j -= Is(j - 1, "nghi") ? 2 : 1;
            return Is(j, "ngay") && (LeavesOutWords(j - 3) == 3 || LeavesOutWords(j - 2) == 2 || LeavesOutWords(j - 1) == 1);
        }

        /// <summary>Whether the Tết at <paramref name="k"/> is named in a calendar of days off, "lịch nghỉ Tết", "lịch nghỉ lễ,
        /// Tết" ("… phù hợp với lịch nghỉ lễ, Tết theo thông báo của Bộ …"): the holidays a task fits, no day of its own.</summary>
        /// <summary>Whether the Tết at <paramref name="k"/> names what a market, shopping or gifts are for: "Chợ hoa Tết bắt đầu
        /// từ ngày 28/1 …", "nhu cầu mua sắm Tết", "hàng Tết", "báo cáo những trường hợp tặng quà, nhận quà tặng … trong dịp
        /// Tết Mậu Tuất năm 2018; gửi báo cáo … trước ngày 20/02/2018" (the gifts of the season, what the report is about).</summary>
        private bool TetOfTrade(int k)
        {
            // ("Hội hoa xuân Tết nguyên đán Ất Tỵ - 2025 còn tổ chức thi chim hót … từ ngày 25-1-2025 …": a fair's name.)
            if (Is(k - 1, "cho") || Is(k - 2, "cho", "hoa") || Is(k - 2, "mua", "sam") || (Is(k - 1, "hang") && WrittenAs(k - 1, "hàng"))
                || (Is(k - 3, "hoi", "hoa", "xuan") && DayWrittenLater(k + 1)))
            {
                return true;
            }

            // (Gifts to give at Tết, "Tổ chức tặng quà cho hộ nghèo dịp Tết Nguyên đán 2026", are due then: only beside a day
            // written out later in the cell is the Tết what the report is about.)
            for (var t = k - 1; t >= 0 && t >= k - 24 && !IsSentenceBreak(t); t--)
            {
                if (Is(t, "qua") && WrittenAs(t, "quà"))
                {
                    return DayWrittenLater(k + 1);
                }
            }

            return false;
        }

        private bool InHolidayCalendar(int k) =>
            Is(k - 2, "lich", "nghi") || (Is(k - 4, "lich", "nghi") && Is(k - 2, "le") && (Is(k - 1, ',') || Is(k - 1, "va")));

        /// <summary>Whether the Tết at <paramref name="k"/> is that of a holiday, "nghỉ Tết", whose days the cell gives after
        /// it with "từ (ngày)" ("Thời gian nghỉ tết bắt đầu từ ngày 13/02/2026 (…) đến hết ngày 23/02/2026 (…)"): the
        /// holiday is what the span is, not a date of its own. "Nghỉ Tết Nguyên đán 2026" alone is still Tết.</summary>
        private bool HolidayOfTetWithDays(int k)
        {
            if (!Is(k - 1, "nghi"))
            {
                return false;
            }

            return SpanFromAfter(k);
        }

        /// <summary>Whether a span opened by "từ (ngày)" follows <paramref name="k"/> in the cell; the weekday may come before
        /// the day ("(từ thứ Hai ngày 16/02/2026 … đến hết thứ Sáu ngày 20/02/2026 …)", "từ thứ Hai 16/02/2026").</summary>
        private bool SpanFromAfter(int k)
        {
            for (var t = k + 1; t + 1 < tokens.Length; t++)
            {
                if (Is(t, "tu") && (Is(t + 1, "ngay") || Is(t + 1, TokenType.Number) || (Is(t + 1, "thu") && (Is(t + 3, "ngay") || Is(t + 3, TokenType.Number) || (Is(t + 3, ',') && Is(t + 4, "ngay"))))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the Tết at <paramref name="k"/> (its words ending before <paramref name="after"/>) is counted around
        /// in days, "N ngày trước Tết và M ngày sau Tết", beside a span the cell gives with "từ" ("Nghỉ 05 ngày … gồm 01 ngày
        /// trước Tết và 04 ngày sau Tết từ thứ Hai 16/02/2026 … đến hết thứ Sáu ngày 20/02/2026 …"): the counts say how the
        /// span is made, no date of their own. "20 ngày trước Tết Nguyên đán" alone is still counted back from Tết.</summary>
        private bool DaysAroundTetOfSpan(int k, int after) =>
            Is(k - 1, "truoc") && Is(k - 2, "ngay") && Is(k - 3, TokenType.Number)
            && Is(after, "va") && Is(after + 1, TokenType.Number) && Is(after + 2, "ngay", "sau") && SpanFromAfter(after);

        /// <summary>Whether a holiday of Tết whose days the cell gives (<see cref="HolidayOfTetWithDays"/>) is named before the
        /// Tết at <paramref name="k"/>: "Nghỉ tết Âm lịch năm 2026: nghỉ 05 ngày …, gồm 01 ngày trước Tết và 04 ngày sau Tết (từ
        /// thứ Hai ngày 16/02/2026 … đến hết thứ Sáu ngày 20/02/2026 …)": the days counted around it make up that holiday,
        /// whose span the cell gives; no date of their own.</summary>
        private bool InHolidayOfTetWithDays(int k)
        {
            for (var t = k - 1; t > 0; t--)
            {
                if (Is(t, "tet") && HolidayOfTetWithDays(t))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the cell says a day as its deadline anywhere (<see cref="DeadlineDayAt"/>): "trước ngày 25",
        /// "chậm nhất là ngày 30".</summary>
        private bool DaySaidAsDeadline()
        {
            for (var t = 0; t + 2 < tokens.Length; t++)
            {
                if (DeadlineDayAt(t) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Giêng" is month 1, "Chạp" month 12, "Bảy" month 7, or the month's number.</summary>
        private int LunarMonth(int j) =>
            Is(j, "gieng") ? 1 : Is(j, "chap") ? 12 : Is(j, "bay") ? 7 : Is(j, TokenType.Number) && tokens[j].Value is >= 1 and <= 12 ? tokens[j].Value : 0;

        private (int? Year, int After) LunarYearSuffix(int j)
        {
            if (Is(j, "nam") && IsYearNumber(j + 1))
            {
                return (tokens[j + 1].Value, j + 2);
            }

            if (Is(j, "nam") && SexagenaryYear(j + 1) is > 0 and var named)
            {
                return (named, j + 3);
            }

            return IsYearNumber(j) ? (tokens[j].Value, j + 1) : (null, j);
        }

        private static readonly string[] Stems = ["giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"];
        private static readonly string[] Branches = ["ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi"];

        /// <summary>A lunar year named by its stem and branch at <paramref name="j"/> ("năm Ất Tỵ", "tháng Giêng năm Bính
        /// Ngọ"): the year of that name nearest the plan's tracked year, or 0. Folded, Tý and Tỵ are both "ty": a stem and its
        /// branch always have the same parity, which tells them apart ("Mẹo" is "Mão").</summary>
        private int SexagenaryYear(int j)
        {
            var stem = WordIndex(j, Stems);
            var branch = Is(j + 1, "meo") ? 3 : WordIndex(j + 1, Branches);
            if (stem < 0 || branch < 0)
            {
                return 0;
            }

            if (branch % 2 != stem % 2)
            {
                branch = branch == 0 ? 5 : branch == 5 ? 0 : -1;
                if (branch < 0)
                {
                    return 0;
                }
            }

            for (var d = 0; d <= 30; d++)
            {
                foreach (var y in (ReadOnlySpan<int>)[context.TrackedYear - d, context.TrackedYear + d])
                {
                    if ((((y - 4) % 10) + 10) % 10 == stem && (((y - 4) % 12) + 12) % 12 == branch)
                    {
                        return y is >= DeadlineContext.MinYear and < DeadlineContext.MaxYear ? y : 0;
                    }
                }
            }

            return 0;
        }

        /// <summary>The index in <paramref name="words"/> of the folded word at <paramref name="j"/>, or -1.</summary>
        private int WordIndex(int j, string[] words)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (Is(j, words[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>"âm lịch" or "(âm lịch)" at <paramref name="j"/>, or their short "ÂL" ("vào ngày 10/3 (ÂL)", written with its
        /// accent, capitals or not): the token after it, otherwise <paramref name="j"/>.</summary>
        private int LunarSuffix(int j)
        {
            if (Is(j, "am", "lich"))
            {
                return j + 2;
            }

            if (Is(j, "al") && WrittenAs(j, "âl"))
            {
                return j + 1;
            }

            return Is(j, '(') && (Is(j + 1, "am", "lich") && Is(j + 3, ')')) ? j + 4
                : Is(j, '(') && Is(j + 1, "al") && WrittenAs(j + 1, "âl") && Is(j + 2, ')') ? j + 3 : j;
        }

        /// <summary>A day of the lunar calendar in the lunar year <paramref name="year"/> (the tracked year when not given).</summary>
        private int LunarDay(int day, int month, int? year, int first, int after)
        {
            var y = year ?? context.TrackedYear;
            if (y is < DeadlineContext.MinYear or >= DeadlineContext.MaxYear || month is < 1 or > 12 || day < 1 || day > VietnameseLunarCalendar.DaysInMonth(y, month))
            {
                error = $"\"{Original(first, after - 1)}\": ngày {day}/{month} âm lịch năm {y} không có trong lịch âm.";
                return after;
            }

            AddDate(VietnameseLunarCalendar.ToGregorian(new LunarDate(y, month, day)), null, year is null, first, after - 1);
            notes.Add($"ngày {day}/{month} âm lịch");
            return after;
        }
    }
}
