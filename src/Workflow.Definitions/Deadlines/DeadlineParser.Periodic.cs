using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Reports whose periods carry their own dates: a given day of every month ("ngày 22 hàng tháng",
/// "chậm nhất là ngày 10 của tháng tiếp theo") and dates in a year named by a placeholder
/// ("Sơ bộ: ngày 22/12 năm N. Chính thức: ngày 10/4 năm sau (N+1)"), the same every year.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>Patterns that start at a number and are not dates of the base language.</summary>
        private int TryNumberLedExtended(int k)
        {
            var n = tokens[k].Value;
            // (Not between two years, "Trong năm 2023,2024", "Quý IV/2026,2027": a list's comma typed without its space; nor at
            // the last of days listed in a row, "từ ngày 15,16,17/4/2020", which closes the list's span.)
            if (Is(k - 1, ',') && Is(k - 2, TokenType.Number) && Touches(k - 2, k - 1) && Touches(k - 1, k) && !(IsYearNumber(k) && IsYearNumber(k - 2))
                && !(items.Count > 0 && items[^1].Listed && items[^1].LastToken == k - 1))
            {
                return k + 1; // "2,5 ngày": the half of a count read at its whole part, not a count of its own
            }

            if (Is(k + 1, '-') && Is(k + 2, TokenType.Number) && tokens[k].Length <= 3 && tokens[k + 2].Length <= 3 && tokens[k + 2].Value > n
                && (Is(k + 3, "ngay") || Is(k + 3, "thang")) && !Is(k + 4, TokenType.Number) && !Is(k - 1, "ngay") && !Is(k - 1, "thang"))
            {
                // "Trong 18-24 tháng kể từ khi …": a range of counts, not a day and month; read at its longer bound, the one a
                // deadline holds to, and listed.
                var counted = CountedFrom(k + 2, k + 3);
                if (counted > k + 2)
                {
                    ambiguities.Add($"\"{Original(k, k + 3)}\" đọc theo số lớn hơn ({tokens[k + 2].Value} {Original(k + 3, k + 3).ToLowerInvariant()})");
                }

                return Math.Max(counted, k + 3);
            }

            var of = Is(k + 1, "cua") ? k + 2 : k + 1;
            // "ngày 15 …": a day of a month the words after it name; "ngày mùng 5 …", the first ten days said with "mùng".
            // "ngày thứ 30 của tháng đầu tiên quý tiếp theo": the ordinal day of a month, when past 7 ("ngày thứ 2" to "thứ 7"
            // may be a weekday).
            var day = (Is(k - 1, "ngay") || (Is(k - 1, "mung") && Is(k - 2, "ngay")) || (Is(k - 2, "ngay", "thu") && n >= 8 && Is(of, "thang")))
                && n is >= 1 and <= 31;
            var shortDay = day && Digits(k) <= 2;

            // "Chậm nhất là ngày 15 tháng đầu tiên của quý sau liền kề đối với báo cáo quý": a quarter's report is due on that
            // day of the next quarter's first month.
            if (day && NextQuarterFirstMonth(of) is var next && next > of)
            {
                return DayOfQuarter(n, QuarterMonth.NextFirst, k, next - 1);
            }

            // "Hằng quý, trước ngày 15 tháng cuối quý", "ngày 20 của tháng đầu quý", "ngày 25 tháng cuối của quý": that day of
            // one month of every quarter.
            if (day && Is(of, "thang") && EveryQuarterAfter(of + 1) is var quarter && quarter > of + 1)
            {
                // "trước ngày 10 tháng cuối của quý, 6 tháng, 9 tháng và 1 năm": the other periods listed each end with a
                // quarter, so that day of their last month is one of the quarters' days; "… tháng cuối của quý báo cáo": the
                // report's quarter, its words read with it.
                var others = Is(of + 1, "cuoi") ? QuarterEndingPeriods(quarter) : quarter;
                var last = others > quarter ? others - 1 : IsReportWord(quarter) ? quarter + 1 : quarter;
                return DayOfQuarter(n, Is(of + 1, "cuoi") ? QuarterMonth.Last : QuarterMonth.First, k, last);
            }

            // "chậm nhất vào ngày 20 của tháng cuối thuộc kỳ báo cáo", no period but the quarter named before: every report period
            // (quarter, six or nine months, year) ends with a quarter's last month, so that day of each quarter's last month;
            // listed when the cell names no period at all.
            if (shortDay && Is(of, "thang", "cuoi") && LastMonthOfReportPeriod(of + 2) is var period && period > of + 2 && !NamesOtherPeriod())
            {
                if (!items.Exists(static i => i.Kind == ItemKind.Period))
                {
                    ambiguities.Add($"\"{Original(k - 1, period - 1)}\" đọc là ngày {n} tháng cuối mỗi quý (ô không ghi kỳ báo cáo)");
                }

                return DayOfQuarter(n, QuarterMonth.Last, k, period - 1);
            }

            if (day && Is(of, "thang") && DayOfNamedQuarter(n, k, of + 1) is var named && named > k)
            {
                return named;
            }

            if (shortDay && Is(of, "thang") && ReportMonth(of + 1) is var (after, nextMonth) && after > of)
            {
                return DayOfMonth(n, nextMonth, k, after);
            }

            // "Ngày 15 (của) tháng thứ 2 quý kế tiếp sau quý báo cáo", "Ngày 30 tháng thứ 3 quý kế tiếp …": that day of the
            // second (third) month of the quarter after each reported one, Quý IV's in February (March) of the next year.
            if (shortDay && NthMonthOfNextQuarter(of) is var (nth, reported) && reported > of)
            {
                return DayOfQuarter(n, nth, k, reported);
            }

            // "Ngày 15 tháng sau quý báo cáo": the month after each quarter, the next quarter's first (Quý IV's in January).
            if (shortDay && Is(of, "thang") && AfterTheReported(of + 1) is var nextQuarter && nextQuarter > of
                && Is(nextQuarter, "quy") && IsReportWord(nextQuarter + 1))
            {
                return DayOfQuarter(n, QuarterMonth.NextFirst, k, nextQuarter + 2);
            }

            // "ngày 15 của tháng đầu năm tiếp theo ngay sau kỳ báo cáo": that day of January of the year said.
            if (day && Is(of, "thang", "dau") && FirstMonthOfRelativeYear(of + 2) is { } january)
            {
                return ExactDate(n, 1, january.Year, k, january.Last);
            }

            if (shortDay && (Is(k + 1, "thang", "tiep", "theo") || Is(k + 1, "thang", "ke", "tiep")))
            {
                // "Đối với kỳ kế toán tháng: Ngày 12 tháng tiếp theo": after "Ngày", that day of the next month, every month,
                // as "ngày 12 của tháng tiếp theo"; not a count of "12 tháng tiếp theo" (the next twelve months).
                return DayOfMonth(n, nextMonth: true, k, k + 3);
            }

            if (n is >= 2 and <= 10 && Is(k + 1, "nam") && EveryFewYears(n, k) is var every && every > k)
            {
                return every;
            }

            if ((Is(k + 1, "nam") || Is(k + 1, "gio") || Is(k + 1, "phut")) && Digits(k) <= 2 && YearsFromAnEvent(k) is var years && years > k)
            {
                return years;
            }

            if ((Is(k + 1, "ngay") || Is(k + 1, "thang") || Is(k + 1, "nam") || Is(k + 1, "gio")) && Digits(k) <= 3
                && (BeforeAnEvent(Is(k + 1, "ngay", "lam") ? k + 4 : k + 2) || (Is(k - 1, "truoc") && UpToAnEvent(Is(k + 1, "ngay", "lam") ? k + 4 : k + 2))))
            {
                // "Chậm nhất 01 năm trước ngày chấm dứt hợp đồng dự án", "30 ngày trước khi khai mạc", "02 giờ trước giờ cấp
                // toa xe": counted back from an event the task waits for, not from a date; with the day it comes to written
                // beside it, that day.
                if (CountBesideItsDay(k, Is(k + 1, "ngay", "lam") ? k + 4 : k + 2) is var beside && beside > k)
                {
                    return beside;
                }

                SetEventMarker(k, EventWhen.Always);
                return k + 2;
            }

            if ((Is(k - 1, "ngay") || (Is(k - 1, "thu") && Is(k - 2, "ngay") && n >= 8)) && Digits(k) <= 2 && n is >= 1 and <= 31
                && Is(k + 1, "thang", "sau") && !IsNumberWord(k + 2, "sau") && !Is(k + 3, "khi") && !Is(k + 3, "ngay") && !Is(k + 3, "quy"))
            {
                // "trước ngày 20 tháng sau", "chậm nhất vào ngày thứ 20 tháng sau": that day of the next month, every month, as
                // "ngày 20 của tháng sau"; not twenty months. "tháng sáu" (June) is a month's name, not "sau" (after).
                return DayOfMonth(n, nextMonth: true, k, k + 2);
            }

            if (Is(k + 1, "ngay") && FirstDaysOfEveryMonth(k) is var firstDays && firstDays > k)
            {
                return firstDays;
            }

            if (Is(k + 1, "ngay") || Is(k + 1, "thang"))
            {
                return CountedFrom(k, k + 1);
            }

            // "(17,5) ngày làm việc kể từ ngày nhận đủ hồ sơ", "3,5 ngày kể từ …", "2,5 ngày kể từ ngày ban hành": a count with
            // a decimal comma, the same reading as a whole count; from the plan's issue date, the part day is a day.
            var unit = Is(k + 1, ',') && Is(k + 2, TokenType.Number) && Touches(k, k + 1) && Touches(k + 1, k + 2) ? k + 3 : -1;
            unit += unit > 0 && Is(unit, ')') ? 1 : 0;
            if (unit > 0 && (Is(unit, "ngay") || Is(unit, "thang")))
            {
                return CountedFrom(k, unit, fraction: k + 2);
            }

            if (Is(k - 1, "thu") && Is(k - 2, "ngay") && (Is(k + 1, "ke", "tu") || Is(k + 1, "tinh", "tu")))
            {
                // "chậm nhất là ngày thứ 10 kể từ ngày phát sinh nghĩa vụ thuế": the tenth day from it, a count of days.
                return CountedFrom(k, k - 2, afterUnit: k + 1);
            }

            if (tokens[k].Length <= 2 && n is >= 1 and <= 31 && EveryMonthAt(k + 1)
                && (Is(k - 1, "truoc") || Is(k - 1, "nhat") || Is(k - 1, "vao")
                    || ((Is(k - 1, "va") || Is(k - 1, ',')) && Is(k - 2, TokenType.Number) && Digits(k - 2) <= 2 && Is(k - 3, "ngay"))))
            {
                // "Trước 25 hằng tháng", "chậm nhất 05 hàng tháng": a day said without "ngày" before "hằng tháng" is that day of
                // every month, as with it; so is the second day of a list said once with "ngày" ("vào ngày 15 và 25 hàng
                // tháng").
                return DayOfMonth(n, nextMonth: false, k, k + 2);
            }

            if (!(Is(k - 1, "ngay") || (Is(k - 1, "thu") && Is(k - 2, "ngay"))) || Digits(k) > 2 || n is < 1 or > 31)
            {
                return k;
            }

            if (Is(k + 1, "cac", "thang") && Is(k + 3, TokenType.Number))
            {
                return DayOfMonthsListed(n, k, k + 3);
            }

            if (EveryMonthAt(k + 1))
            {
                return DayOfMonth(n, nextMonth: false, k, k + 2);
            }

            if ((Is(k + 1, "va") || Is(k + 1, ',')) && ((Is(k + 2, "ngay") && Is(k + 3, TokenType.Number) && tokens[k + 3].Length <= 2 && EveryMonthAt(k + 4))
                || (Is(k + 2, TokenType.Number) && tokens[k + 2].Length <= 2 && tokens[k + 2].Value is >= 1 and <= 31 && EveryMonthAt(k + 3))))
            {
                // ("ngày 15 và 25 hàng tháng": the second said without "ngày".)
                // "Trước ngày 05 và ngày 20 hằng tháng": days listed before "hằng tháng" each take it.
                return DayOfMonth(n, nextMonth: false, k, k);
            }

            if (Is(k + 1, "cua", "thang", "tiep") && Is(k + 4, "theo"))
            {
                // "trước ngày 03 của tháng tiếp theo sau tháng cuối cùng của kỳ báo cáo đối với báo cáo quý, 6 tháng, 9 tháng
                // và cả năm": every such report ends with a quarter, so that day of the month after each quarter's end.
                return AfterPeriodsLastMonth(k + 5) is var reports && reports > k + 5
                    ? DayOfQuarter(n, QuarterMonth.NextFirst, k, reports - 1)
                    : DayOfMonth(n, nextMonth: true, k, k + 4);
            }

            if (Is(k + 1, "cua", "thang", "sau") || Is(k + 1, "thang", "tiep", "theo"))
            {
                return DayOfMonth(n, nextMonth: true, k, k + 3);
            }

            if (Is(k + 1, "thang", "sau"))
            {
                return DayOfMonth(n, nextMonth: true, k, k + 2);
            }

            if (Is(k + 1, "cua", "thang", "ke") && Is(k + 4, "tiep"))
            {
                // "… nộp thuế cho các tờ khai … đã thông quan … trong tháng chậm nhất vào ngày thứ mười của tháng kế tiếp":
                // "kế tiếp" (next) as "tiếp theo", that day of the next month, every month.
                return DayOfMonth(n, nextMonth: true, k, k + 4);
            }

            if ((Is(k + 1, "cua", "thang", "lien") && Is(k + 4, "ke")) || (Is(k + 1, "thang", "lien") && Is(k + 3, "ke")))
            {
                // "Trước ngày 05 của tháng liền kề": the month right after (a monthly index published the next month); "tháng
                // liền kề trước" would be the one before, left as it reads.
                var last = Is(k + 1, "cua") ? k + 4 : k + 3;
                return Is(last + 1, "truoc") ? k : DayOfMonth(n, nextMonth: true, k, last);
            }

            if (Is(k + 1, "cua", "thang") && !Is(k + 3, TokenType.Number) && !Is(k + 3, '/') && !Is(k + 3, "sau") && !Is(k + 3, "tiep") && !Is(k + 3, "ke")
                && !Is(k + 3, "cuoi") && !Is(k + 3, "dau") && !Is(k + 3, "bao") && !Is(k + 3, "thu") && !Is(k + 3, "truoc") && !Is(k + 3, "do") && !Is(k + 3, "nay"))
            {
                // "Định kỳ trước ngày 25 của tháng, cơ quan … thông báo … của tháng tiếp theo": "the month" with nothing after it
                // naming one is each month: that day of every month.
                return DayOfMonth(n, nextMonth: false, k, k + 2);
            }

            if (Is(k + 1, "cua", "ky", "bao") && Is(k + 4, "cao") && MonthInReportBracket(k + 5) is var listed && listed > 0)
            {
                // "trước ngày 20 của kỳ báo cáo (tháng, quý, năm)": the report periods listed in brackets include the month, so
                // that day of every month; a quarter's and the year's report falls on one of those days.
                return DayOfMonth(n, nextMonth: false, k, listed);
            }


            return DayAfterEveryMonth(n, k);
        }

        /// <summary>After "ngày N (của) tháng" at <paramref name="j"/>: "báo cáo" (the month reported on: that day of every month,
        /// "Ngày 25 tháng báo cáo") or "sau / tiếp theo / kế tiếp (sau) tháng báo cáo" (the month after it: that day of the
        /// next month, Tháng 12's in January, "Ngày 02 tháng sau tháng báo cáo"; "… tháng sau quý báo cáo" is the month after
        /// each quarter). Returns the last token read and whether
        /// the day is in the next month, or (-1, false).</summary>
        private (int Last, bool NextMonth) ReportMonth(int j)
        {
            if (IsReportWord(j))
            {
                return (j + 1, false);
            }

            var after = AfterTheReported(j);
            return after > 0 && Is(after, "thang") && IsReportWord(after + 1) ? (after + 2, true) : (-1, false);
        }

        /// <summary>"tháng thứ 2 (của) quý kế tiếp (sau) quý báo cáo" at <paramref name="j"/>: the month of the next quarter
        /// (its first, second or third) and the last token read, or (First, -1). Statistical reporting regimes date a quarter's
        /// report by a month of the quarter after it.</summary>
        private (QuarterMonth Month, int Last) NthMonthOfNextQuarter(int j)
        {
            if (!Is(j, "thang", "thu") || !Is(j + 2, TokenType.Number) || tokens[j + 2].Value is < 1 or > 3 || tokens[j + 2].Length > 2)
            {
                return (QuarterMonth.First, -1);
            }

            var quarter = j + 3 + (Is(j + 3, "cua") ? 1 : 0);
            var after = Is(quarter, "quy") ? AfterTheReported(quarter + 1) : -1;
            if (after < 0 || !Is(after, "quy") || !IsReportWord(after + 1))
            {
                return (QuarterMonth.First, -1);
            }

            var month = tokens[j + 2].Value switch { 1 => QuarterMonth.NextFirst, 2 => QuarterMonth.NextSecond, _ => QuarterMonth.NextThird };
            return (month, after + 2);
        }

        /// <summary>"sau", "liền sau", "tiếp theo (sau)", "kế tiếp (sau)" at <paramref name="j"/>: the token after them, or -1.
        /// "ngày 12 tháng liền sau tháng báo cáo": "liền sau" (right after) as "sau".</summary>
        private int AfterTheReported(int j)
        {
            var after = Is(j, "sau") ? j + 1 : Is(j, "tiep", "theo") || Is(j, "ke", "tiep") || Is(j, "lien", "sau") ? j + 2 : -1;
            return after + (after > 0 && Is(after, "sau") ? 1 : 0);
        }

        /// <summary>"- Ngày 18 tháng 6: Ước tính 6 tháng đầu năm báo cáo", "- Ngày 15 tháng 5: Quý I năm báo cáo", "Ngày 18 tháng 6
        /// (ước tính 6 tháng đầu năm báo cáo)": after a date and its colon or opening bracket, a period "… năm báo cáo" (with up to three words before it, "Ước tính", "Chính thức") is what that date's
        /// report covers, not a deadline of its own; it becomes the note. Runs after the scan.</summary>
        private void SetReportedPeriodsApart()
        {
            if (!Mentions("bao"))
            {
                return;
            }

            for (var t = 2; t + 2 < tokens.Length && items.Count >= 2; t++)
            {
                if (!Is(t, "nam") || !IsReportWord(t + 1))
                {
                    continue;
                }

                // The period items that end at "năm báo cáo", one after another ("9 tháng" + "đầu năm"; the period "9" covers
                // its number only).
                var first = t + 1;
                var count = 0;
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    var item = items[i];
                    var next = item.LastToken == first - 1 || (count == 0 && item.LastToken == t) || (item.Kind == ItemKind.Period && item.LastToken == first - 2 && Is(first - 1, "thang"));
                    if (item.Kind is ItemKind.Date or ItemKind.Period && next && item.FirstToken < first)
                    {
                        first = item.FirstToken;
                        count++;
                    }
                }

                var colon = first - 1;
                while (colon > first - 4 && Is(colon, TokenType.Word))
                {
                    colon--;
                }

                if (count == 0 || !(Is(colon, ':') || Is(colon, '(')) || !DateEndsAt(colon - 1, unnamed: true))
                {
                    continue;
                }

                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (items[i] is { Kind: ItemKind.Date or ItemKind.Period } item && item.FirstToken >= first && item.LastToken <= t)
                    {
                        // "đầu năm" read as the first quarter's end is no longer a reading to flag.
                        var quoted = $"\"{Original(item.FirstToken, item.LastToken)}\"";
                        for (var a = ambiguities.Count - 1; a >= 0; a--)
                        {
                            if (ambiguities[a].StartsWith(quoted, StringComparison.Ordinal))
                            {
                                ambiguities.RemoveAt(a);
                            }
                        }

                        items.RemoveAt(i);
                    }
                }

                Array.Fill(covered, false, first, t - first + 1);
                placeholder = YearPlaceholder.Report; // the dates are the reported year's, every year

            }
        }

        /// <summary>"Ngày 22 tháng 3: Ước tính quý I; sơ bộ quý IV của năm trước", "- Ngày 22 tháng 6: Ước tính quý II, sơ bộ quý I
        /// năm báo cáo", "Ngày 15 tháng 11: Báo cáo ước tính năm báo cáo": in a statistical release timetable, the periods after
        /// a day's colon and an estimate word ("ước tính", "sơ bộ", "chính thức", at most two words after the colon), up to the
        /// next day, are what that day's release covers, not deadlines of their own; their words go to the note. With "năm báo
        /// cáo" among them, the days recur every year. Runs after the scan.</summary>
        private void SetEstimatesApart()
        {
            if (items.Count < 2 || !Mentions(":") || (!Mentions("uoc") && !Mentions("so") && !Mentions("chinh")))
            {
                return;
            }

            for (var t = 1; t + 1 < tokens.Length && items.Count >= 2; t++)
            {
                if (!Is(t, "uoc", "tinh") && !Is(t, "so", "bo") && !Is(t, "chinh", "thuc"))
                {
                    continue;
                }

                var colon = t - 1;
                while (colon > t - 3 && Is(colon, TokenType.Word))
                {
                    colon--;
                }

                if (!Is(colon, ':') || !DateEndsAt(colon - 1, unnamed: true))
                {
                    continue;
                }

                // To the next day written "Ngày …", the next release's.
                var end = tokens.Length;
                foreach (var item in items)
                {
                    if (item.Kind == ItemKind.Date && item.Name is null && (Is(item.FirstToken, "ngay") || Is(item.FirstToken - 1, "ngay")) && item.FirstToken > t && item.FirstToken < end)
                    {
                        end = item.FirstToken;
                    }
                }

                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (items[i].FirstToken > t && items[i].LastToken < end)
                    {
                        SetApart(i, null);
                    }
                }

                for (var j = t + 2; j + 1 < end; j++)
                {
                    if (Is(j, "nam") && IsReportWord(j + 1))
                    {
                        placeholder = YearPlaceholder.Report; // the days are the reported year's, every year
                    }
                }

                t = end - 1;
            }
        }

        /// <summary>"Kỳ báo cáo 6 tháng được tính từ ngày 01 tháng 01 đến ngày 30 tháng 6; thời hạn gửi báo cáo chậm nhất vào ngày
        /// 15 tháng 7", "Kỳ báo cáo quý được tính từ ngày 01 của tháng đầu quý đến ngày cuối cùng …; … ngày 15 của tháng đầu quý
        /// tiếp theo": the days after "(được) tính từ", to the clause's end, say what the report's period covers, not when it is
        /// due (the note); a single day given after them is that period's report's. Runs after the scan.</summary>
        private void SetPeriodDefinitionsApart()
        {
            if (!Mentions("ky"))
            {
                return;
            }

            for (var t = 0; t + 4 < tokens.Length; t++)
            {
                var p = (Is(t, "ky") && IsReportWord(t + 1)) || Is(t, "ky", "ke", "toan") ? t + 3 : -1;
                if (p < 0)
                {
                    continue;
                }

                var period = items.FindIndex(i => i.Kind == ItemKind.Period);
                period = period >= 0 && items[period].FirstToken == p ? period : -1;
                var j = p + (Is(p, TokenType.Number) && Is(p + 1, "thang") ? 2 : 1);
                j += Is(j, "duoc") ? 1 : 0;
                // "Kỳ báo cáo từ ngày 16 của tháng cuối quý trước đến ngày 15 tháng cuối của quý báo cáo; thời gian báo cáo từ
                // ngày 16 đến ngày 20 …": "từ" right after the words, or after the period they name ("là" allowed before it),
                // defines the period as "tính từ" does.
                var named = period >= 0 || j == p + 2;
                j = Is(j, "tinh", "tu") ? j : Is(p, "tu") ? p : Is(p, "la", "tu") ? p + 1 : named && Is(j, "tu") ? j : named && Is(j, "la", "tu") ? j + 1 : -1;
                if (j < 0)
                {
                    continue;
                }

                var end = j + (Is(j, "tinh") ? 2 : 1);
                while (end < tokens.Length && !Is(end, ';') && !IsSentenceBreak(end))
                {
                    end++;
                }

                if (!ItemAfter(end))
                {
                    continue;
                }

                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (items[i].FirstToken >= j && items[i].LastToken < end)
                    {
                        items.RemoveAt(i);
                    }
                }

                for (var m = recurringMarkers.Count - 1; m >= 0; m--)
                {
                    if (recurringMarkers[m] >= j && recurringMarkers[m] < end)
                    {
                        recurringMarkers.RemoveAt(m);
                    }
                }

                Array.Fill(covered, false, j, end - j);
                if (period >= 0 && period < items.Count && items[period].FirstToken == p && items[period].Period is ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths or ReportingPeriod.Yearly
                    && items.FindIndex(i => i.Kind == ItemKind.Date) is var day && day > period && items.FindLastIndex(i => i.Kind == ItemKind.Date) == day
                    && items[day] is { Name: null, YearImplicit: true, ReportOf: null } date)
                {
                    items[day] = date with { ReportOf = items[period].Period };
                    recurringMarkers.Add(date.FirstToken);
                    items.RemoveAt(period);
                }

                return;
            }
        }

        /// <summary>After "tháng đầu" at <paramref name="j"/>: "(tiên) (của) năm tiếp theo / sau / kế tiếp …", a year said relative
        /// to the plan's or a report's (<see cref="PlaceholderYear"/>); null otherwise.</summary>
        private (int Year, int Last)? FirstMonthOfRelativeYear(int j)
        {
            j += Is(j, "tien") ? 1 : 0;
            j += Is(j, "cua") ? 1 : 0;
            return Is(j, "nam") ? PlaceholderYear(j + 1) : null;
        }

        /// <summary>"Định kỳ 2 năm/lần, bắt đầu từ năm 2024", "3 năm một lần kể từ năm 2025": every <paramref name="n"/> years
        /// from the year given, due at the end of the first such year from the tracked one on (2026 for 2024 every two
        /// years, tracked 2025 or 2026). Without the first year the words are left as they were read (each year's end).
        /// Returns the token after the year, or <paramref name="k"/>.</summary>
        private int EveryFewYears(int n, int k)
        {
            var j = Is(k + 2, '/') && Is(k + 3, "lan") ? k + 4 : Is(k + 2, "mot", "lan") ? k + 4 : -1;
            if (j < 0)
            {
                return k;
            }

            j += Is(j, ',') ? 1 : 0;
            j += Is(j, "bat", "dau") ? 2 : 0;
            j += Is(j, "ke", "tu") ? 2 : Is(j, "tu") ? 1 : 0;
            if (!Is(j, "nam") || !IsYearNumber(j + 1))
            {
                return k;
            }

            var first = tokens[j + 1].Value;
            var due = first >= context.TrackedYear ? first : first + ((context.TrackedYear - first + n - 1) / n * n);
            frequencyGiven = true;
            recurringMarkers.Add(k);
            AddDate(new LocalDate(due, 12, 31), null, false, k, j + 1);
            notes.Add($"{n} năm một lần từ năm {first}: năm {due}");
            return j + 2;
        }

        /// <summary>Whether a year follows a quarter's number at <paramref name="j"/> ("quý 1/2026", "quý 1 năm 2026"): a
        /// quarter of one year, no report of every year.</summary>
        private bool IsYearAfterQuarter(int j) => ((Is(j, '/') || Is(j, '-') || Is(j, "nam")) && IsYearNumber(j + 1)) || IsYearNumber(j);

        /// <summary>"báo cáo", or "báo báo", its second syllable typed twice ("năm kế tiếp sau năm báo báo").</summary>
        private bool IsReportWord(int j) => Is(j, "bao") && (Is(j + 1, "cao") || Is(j + 1, "bao"));

        /// <summary>Report clauses led by words: "ngày cuối (cùng) của tháng đầu tiên của quý liền sau" (the last day of
        /// the next quarter's first month), "Riêng đối với báo cáo quý 2, … ngày 20 tháng 9" (one quarter's own date) and
        /// "… ngày 15 tháng 7 đối với báo cáo 6 tháng" (the date before it is that report's).</summary>
        private int TryReportClause(int k)
        {
            if (Is(k, "ngay", "cuoi"))
            {
                var j = k + 2 + (Is(k + 2, "cung") ? 1 : 0);
                var of = Is(j, "cua") ? j + 1 : j;
                var next = NextQuarterFirstMonth(of);
                if (next > of)
                {
                    return DayOfQuarter(31, QuarterMonth.NextFirst, k, next - 1);
                }

                // "Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm dương lịch hoặc năm tài chính" (a yearly
                // tax settlement): the last day of the Nth month counted from each period's end, as "3 tháng kể từ ngày kết
                // thúc năm", every year.
                if (Is(of, "thang", "thu") && Is(of + 2, TokenType.Number) && (Is(of + 3, "ke", "tu") || Is(of + 3, "tinh", "tu"))
                    && (Is(of + 5, "ngay") || Is(of + 5, "khi")) && Is(of + 6, "ket", "thuc")
                    && CountedFromPeriodEnd(of + 2, of, months: true, working: false, of + 8, lastDay: true) is var counted && counted > of + 2)
                {
                    return counted;
                }

                // "chậm nhất là ngày cuối cùng của tháng tiếp theo" (a fee paid by the month): the last day of the month after
                // each month, Tháng 12's on 31 January.
                return Is(of, "thang", "tiep") && Is(of + 2, "theo") ? DayOfMonth(31, nextMonth: true, k, of + 2)
                    : Is(of, "thang", "sau") && !Is(of + 2, "quy") ? DayOfMonth(31, nextMonth: true, k, of + 1) : k;
            }

            return Is(k, "rieng") ? QuarterExcepted(k) : Is(k, "doi", "voi") ? ReportBoundDate(k) : k;
        }

        /// <summary>"Riêng đối với báo cáo (cuối) quý 2, thời hạn … là ngày 20 tháng 9 (của năm báo cáo | năm sau)", "(riêng quý
        /// IV là vào ngày 10 tháng 02 năm sau)", after a day of every quarter: that quarter's report is due on the date given
        /// instead.</summary>
        private int QuarterExcepted(int k)
        {
            var j = k + 1 + (Is(k + 1, "doi", "voi") ? 2 : 0);
            var report = Is(j, "bao", "cao");
            if (!(report || Is(j, "quy")) || !items.Exists(i => i.Kind == ItemKind.DayOfMonth && i.Period == ReportingPeriod.Quarterly))
            {
                return k;
            }

            j += !report ? 0 : Is(j + 2, "cuoi") ? 3 : 2;
            var quarter = Is(j, "quy") ? Quarter(j + 1) : 0;
            for (var t = j + 2; quarter > 0 && t + 3 < tokens.Length && t < j + 20 && !IsSentenceBreak(t); t++)
            {
                if (!Is(t, "ngay") || !Is(t + 1, TokenType.Number) || !Is(t + 2, "thang") || !Is(t + 3, TokenType.Number)
                    || tokens[t + 3].Value is < 1 or > 12 || tokens[t + 1].Value < 1 || tokens[t + 1].Value > CalendarSystem.Iso.GetDaysInMonth(context.TrackedYear, tokens[t + 3].Value))
                {
                    continue;
                }

                var last = t + 3;
                var nextYear = Is(last + 1, "nam", "sau");
                last += nextYear ? 2 : Is(last + 1, "cua", "nam", "bao") && Is(last + 4, "cao") ? 4 : 0;
                var date = new LocalDate(context.TrackedYear, tokens[t + 3].Value, tokens[t + 1].Value);
                items.Add(new Item(ItemKind.Date, date, date.Year, default, QuarterNames[quarter - 1], true, k, last) { ReportOf = ReportingPeriod.Quarterly, NextYear = nextYear });
                return last + 1;
            }

            return k;
        }

        /// <summary>"trước ngày 15 tháng 7 (hằng năm) đối với báo cáo (định kỳ) 06 tháng đầu năm; trước ngày 15 tháng 01 (của
        /// tháng tiếp theo) đối với báo cáo năm": each date is the report's named after it, every year.</summary>
        private int ReportBoundDate(int k)
        {
            var dated = items.FindLastIndex(i => i.Kind == ItemKind.Date);
            var report = Is(k + 2, "ky", "bao") && Is(k + 4, "cao") ? k + 3 : k + 2; // "đối với kỳ báo cáo năm trước đó"
            if (dated < 0 || items[dated] is not { Name: null, ReportOf: null } date || !Is(report, "bao", "cao") || !(date.YearImplicit || ReportRelativeYear(date)))
            {
                return k;
            }

            for (var t = date.LastToken + 1; t < k; t++)
            {
                // Only "hằng năm" or "của tháng tiếp theo" (the next period's month, said twice) between the date and its report.
                if (!(Is(t, "hang", "nam") || Is(t, "moi", "nam") || Is(t - 1, "hang", "nam") || Is(t - 1, "moi", "nam") || Is(t, "cua") || Is(t, "thang", "tiep", "theo")
                    || Is(t - 1, "thang", "tiep") || Is(t - 2, "thang", "tiep", "theo") || Is(t, ',')))
                {
                    return k;
                }
            }

            var j = report + 2 + (Is(report + 2, "dinh", "ky") ? 2 : 0);
            ReportingPeriod period;
            int last;
            var secondHalf = false;
            if (Is(j, "nam"))
            {
                (period, last) = (ReportingPeriod.Yearly, Is(j + 1, "truoc", "do") ? j + 2 : j);
            }
            else if (Is(j, TokenType.Number) && tokens[j].Value is 6 or 9 && Is(j + 1, "thang"))
            {
                period = tokens[j].Value == 6 ? ReportingPeriod.HalfYearly : ReportingPeriod.NineMonths;
                last = j + 1 + (Is(j + 2, "dau", "nam") ? 2 : 0);
                if (period == ReportingPeriod.HalfYearly && Is(j + 2, "cuoi", "nam"))
                {
                    // "trước ngày 05 tháng 01 của năm tiếp theo đối với báo cáo định kỳ 06 tháng cuối năm": the second half's
                    // report, which ends with the year; its day is said with the year it falls in.
                    (last, secondHalf) = (j + 3, true);
                }
            }
            else if ((IsNumberWord(j, "sau") || IsNumberWord(j, "chin")) && Is(j + 1, "thang"))
            {
                // "đối với báo cáo sáu tháng", "chín tháng": the count in words.
                period = Is(j, "sau") ? ReportingPeriod.HalfYearly : ReportingPeriod.NineMonths;
                last = j + 1 + (Is(j + 2, "dau", "nam") ? 2 : 0);
            }
            else if (Is(j, "quy") && Quarter(j + 1) is var quarter && quarter > 0 && !IsYearAfterQuarter(j + 2))
            {
                // "- Trước ngày 15 tháng 4 đối với báo cáo quý 1 và trước ngày 15 tháng 10 đối với báo cáo quý 3 hàng năm;": the
                // date is that quarter's report's, every year, with no quarter's end beside it.
                items.RemoveRange(dated + 1, items.Count - dated - 1);
                items[dated] = date with { ReportOf = ReportingPeriod.Quarterly, Name = QuarterNames[quarter - 1] };
                recurringMarkers.Add(date.FirstToken);
                return j + 2;
            }
            else
            {
                return k;
            }

            items.RemoveRange(dated + 1, items.Count - dated - 1);
            // (A second half's report on a day of the first quarter, its year not said, is sent in the next year.)
            items[dated] = !date.YearImplicit ? RelativeReportDate(date, period)
                : secondHalf ? date with { ReportOf = period, NextYear = date.Date.Month <= 3 } : date with { ReportOf = period };
            recurringMarkers.Add(date.FirstToken);
            return last + 1;
        }

        /// <summary>Whether <paramref name="date"/> was read with a year said relative to the plan's or a report's, not
        /// written ("ngày 05 tháng 07 của kỳ báo cáo", "ngày 05 tháng 01 của năm tiếp theo", "… năm sau"): the tracked year or
        /// the next.</summary>
        private bool ReportRelativeYear(Item date)
        {
            if (placeholder == YearPlaceholder.None || date.Year < context.TrackedYear || date.Year > context.TrackedYear + 1)
            {
                return false;
            }

            for (var t = date.FirstToken; t <= date.LastToken; t++)
            {
                if (IsYearNumber(t))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A report's date read with a relative year (<see cref="ReportRelativeYear"/>) bound to <paramref name="period"/>:
        /// "Trước ngày 05 tháng 07 của kỳ báo cáo đối với báo cáo định kỳ 06 tháng đầu năm và trước ngày 05 tháng 01 của năm
        /// tiếp theo đối với báo cáo định kỳ 06 tháng cuối năm" — the day of each year's report, the second in the next year
        /// as said (<see cref="Item.NextYear"/>), every year.</summary>
        private Item RelativeReportDate(Item date, ReportingPeriod period)
        {
            var nextYear = date.Year > context.TrackedYear;
            var day = nextYear ? date.Date.PlusYears(-1) : date.Date;
            return date with { Date = day, Year = day.Year, YearImplicit = true, ReportOf = period, NextYear = nextYear };
        }

        /// <summary>"hằng tháng" or "mỗi tháng" at <paramref name="j"/>: every month.</summary>
        private bool EveryMonthAt(int j) => Is(j, "hang", "thang") || Is(j, "moi", "thang");

        /// <summary>"định kỳ hàng quý trước ngày 17 các tháng 3, 6, 9": that day of each month listed, every year; after
        /// "hằng quý" the months are the quarters' (the quarters' own dates, not their ends besides them).</summary>
        private int DayOfMonthsListed(int day, int first, int at)
        {
            var quarterly = items.FindLastIndex(i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Quarterly);
            quarterly = quarterly >= 0 && recurringMarkers.Contains(items[quarterly].FirstToken) ? quarterly : -1;
            var start = items.Count;
            var last = at;
            while (Is(last, TokenType.Number) && tokens[last].Value is >= 1 and <= 12 && tokens[last].Length <= 2)
            {
                var month = tokens[last].Value;
                var date = new LocalDate(context.TrackedYear, month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(context.TrackedYear, month)));
                var name = quarterly >= 0 && month % 3 == 0 ? QuarterNames[(month / 3) - 1] : MonthLabels[month];
                items.Add(new Item(ItemKind.Date, date, date.Year, default, name, true, first, last));
                if (!(Is(last + 1, ',') || Is(last + 1, "va")) || !Is(last + 2, TokenType.Number))
                {
                    break;
                }

                last += 2;
            }

            if (items.Count == start)
            {
                return first;
            }

            if (quarterly >= 0)
            {
                items.RemoveAt(quarterly);
            }

            recurringMarkers.Add(first);
            return last + 1;
        }

        /// <summary>Whether token k is the number word <paramref name="folded"/> as written with its diacritics: "sáu" (six),
        /// not "sau" (after); "chín" (nine).</summary>
        private bool IsNumberWord(int k, string folded) =>
            Is(k, folded) && text.Text.AsSpan(tokens[k].Start, tokens[k].Length).IndexOfAny("áÁíÍ") >= 0;

        /// <summary>"Định kỳ hằng tháng, trong thời hạn 05 ngày đầu tiên của tháng, …", "trong 03 ngày đầu của tháng" (a monthly
        /// duty said before), "trong 05 ngày đầu mỗi tháng", "Định kỳ hằng quý, trong thời hạn 05 ngày đầu tháng của tháng đầu
        /// tiên của quý", "trong 10 ngày đầu của tháng cuối quý": the first N days of every month, or of each quarter's first
        /// (last) month, end on day N of it; "05 ngày làm việc đầu tiên" on its fifth working day, with the calendar. Only after
        /// "trong" ("trong thời hạn", "trong vòng"): "thu ngân sách nhà nước 15 ngày đầu tháng" is the data's period; and only
        /// for a month not named ("05 ngày đầu tháng 3" is not every month's). "05 ngày đầu tiên kể từ ngày …" counts from
        /// an event and is left as it was. <paramref name="k"/> is the count; returns the token after the words, or k.</summary>
        private int FirstDaysOfEveryMonth(int k)
        {
            var n = tokens[k].Value;
            var j = k + 2;
            var working = Is(j, "lam", "viec");
            j += working ? 2 : 0;
            if (!Is(j, "dau") || !IsStart(j) || Digits(k) > 2 || n < 1 || n > (working ? 20 : 31)
                || !(Is(k - 1, "trong") || Is(k - 2, "trong", "vong") || Is(k - 3, "trong", "thoi", "han") || Is(k - 3, "trong", "thoi", "gian")))
            {
                return k;
            }

            j++;
            j += Is(j, "tien") ? 1 : 0;
            // "05 ngày đầu tháng của tháng đầu tiên của quý": the month said twice.
            j += Is(j, "thang", "cua") && Is(j + 2, "thang") ? 2 : Is(j, "cua") ? 1 : 0;
            var every = Is(j, "moi") || Is(j, "hang");
            j += every ? 1 : 0;
            if (!Is(j, "thang"))
            {
                return k;
            }

            if (!every && !working && Is(j + 1, TokenType.Number) && Digits(j + 1) <= 2 && tokens[j + 1].Value is >= 1 and <= 12 && !Is(j + 2, '/') && !Is(j + 2, '-')
                && !Is(j + 2, "nam") && n <= CalendarSystem.Iso.GetDaysInMonth(context.TrackedYear, tokens[j + 1].Value))
            {
                // "Trong thời hạn 15 ngày đầu của tháng 01 hằng năm": the first N days of a month named without its year end on
                // its day N (every year with "hằng năm" after it, as "trước ngày 15 tháng 01 hằng năm").
                return ExactDate(n, tokens[j + 1].Value, null, k, j + 1);
            }

            if (!every && EveryQuarterAfter(j + 1) is var quarter && quarter > j + 1)
            {
                return DayOfQuarter(n, Is(j + 1, "cuoi") ? QuarterMonth.Last : QuarterMonth.First, k, quarter - 1, working);
            }

            // The month alone, closing its clause: every month, said so or by a monthly duty read before it.
            var closed = j + 1 >= tokens.Length || Is(j + 1, ',') || Is(j + 1, ';') || Is(j + 1, '.') || Is(j + 1, ')') || IsSentenceBreak(j + 1);
            if (!closed || !(every || items.Exists(static i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Monthly)))
            {
                return k;
            }

            return DayOfMonth(n, nextMonth: false, k, j, working);
        }

        /// <summary>"Định kỳ hằng tháng, trước ngày 20", "Hằng tháng (trước ngày 25)": a bare day after "hằng tháng"
        /// is that day of every month, as "trước ngày 20 hằng tháng" is; so is one closed by a full stop ("… gửi Bộ Tài chính
        /// trước ngày 25."): a dot is a day's and month's only with a number after it ("20.8").</summary>
        private int DayAfterEveryMonth(int day, int k)
        {
            if (Is(k + 1, '/') || Is(k + 1, '-') || (Is(k + 1, '.') && Is(k + 2, TokenType.Number)) || Is(k + 1, "thang") || Is(k + 1, TokenType.Number))
            {
                return k;
            }

            var monthly = items.FindLastIndex(i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Monthly);
            if (monthly < 0 || !recurringMarkers.Contains(items[monthly].FirstToken))
            {
                return k;
            }

            items.RemoveAt(monthly);
            return DayOfMonth(day, nextMonth: false, k, k);
        }

        /// <summary>After the day: "tháng đầu (tiên) (của) quý sau / quý liền sau / quý sau liền kề / quý tiếp theo / quý kế
        /// tiếp" ("chậm nhất vào ngày 20 tháng đầu tiên của quý kế tiếp"), and the
        /// "(đối với) báo cáo quý" it is for. Returns the token after the words, or <paramref name="of"/> when they are not there.</summary>
        private int NextQuarterFirstMonth(int of)
        {
            if (!Is(of, "thang", "dau"))
            {
                return of;
            }

            var j = of + 2;
            j += Is(j, "tien") ? 1 : 0;
            j += Is(j, "cua") ? 1 : 0;
            if (!Is(j, "quy"))
            {
                return of;
            }

            j++;
            if (Is(j, "lien", "sau") || Is(j, "tiep", "theo") || Is(j, "ke", "tiep"))
            {
                j += 2;
            }
            else if (Is(j, "sau"))
            {
                j += Is(j + 1, "lien", "ke") ? 3 : 1;
            }
            else
            {
                return of;
            }

            if (Is(j, "doi", "voi"))
            {
                j += 2;
            }

            return Is(j, "bao", "cao") && Is(j + 2, "quy") ? j + 3 : j;
        }

        /// <summary>After "tháng cuối": "(cùng) (của | thuộc) (mỗi) kỳ báo cáo". Returns the token after the words, or
        /// <paramref name="j"/> when they are not there.</summary>
        private int LastMonthOfReportPeriod(int j)
        {
            var at = j + (Is(j, "cung") ? 1 : 0);
            at += Is(at, "cua") || Is(at, "thuoc") ? 1 : 0;
            at += Is(at, "moi") ? 1 : 0;
            return Is(at, "ky") && IsReportWord(at + 1) ? at + 3 : j;
        }

        /// <summary>Whether a period other than the quarter (a month, six or nine months, a year) was read before.</summary>
        private bool NamesOtherPeriod()
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Period && item.Period != ReportingPeriod.Quarterly)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>At "cuối" or "đầu" after "tháng": "cuối (cùng) (của) (mỗi | các | từng | hằng) quý", "đầu (tiên) (của) quý"
        /// not naming one quarter. Returns the token after "quý", or <paramref name="at"/> when the words are not there.</summary>
        private int EveryQuarterAfter(int at)
        {
            if (!Is(at, "cuoi") && !Is(at, "dau"))
            {
                return at;
            }

            var j = at + 1;
            j += Is(j, "cung") || Is(j, "tien") ? 1 : 0;
            j += Is(j, "cua") ? 1 : 0;
            j += Is(j, "moi") || Is(j, "cac") || Is(j, "tung") || Is(j, "hang") ? 1 : 0;
            var named = Is(j + 1, TokenType.Number) || Is(j + 1, "i") || Is(j + 1, "ii") || Is(j + 1, "iii") || Is(j + 1, "iv");
            return Is(j, "quy") && !named && !Is(j + 1, "sau") && !Is(j + 1, "lien") && !Is(j + 1, "tiep") ? j + 1 : at;
        }

        /// <summary>"trước ngày 15 tháng cuối của quý IV/2025", "ngày 10 tháng đầu quý II năm 2026": that day of the named
        /// quarter's last (first) month, once. <paramref name="at"/> is the token of "cuối"/"đầu". Returns the token after the
        /// year, or <paramref name="day"/>'s token when the words are not there or the day is not in that month.</summary>
        private int DayOfNamedQuarter(int day, int k, int at)
        {
            if (!Is(at, "cuoi") && !Is(at, "dau"))
            {
                return k;
            }

            var j = at + 1;
            j += Is(j, "cung") || Is(j, "tien") ? 1 : 0;
            j += Is(j, "cua") ? 1 : 0;
            var q = Is(j, "quy") ? Quarter(j + 1) : 0;
            if (q == 0)
            {
                return k;
            }

            var (year, yearImplicit, after) = YearSuffix(j + 2);
            var month = Is(at, "cuoi") ? q * 3 : (q * 3) - 2;
            if (day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return k;
            }

            if (yearImplicit && ListedQuartersAfter(j + 2) is var listed && listed > j + 2)
            {
                // "Trước ngày 25 tháng đầu tiên Quý II, Quý III và Quý IV": that day of each quarter listed, no year said:
                // every year.
                for (var t = j + 1; t < listed; t++)
                {
                    if (Quarter(t) is var each and > 0 && (Is(t - 1, "quy") || Is(t - 1, ',') || Is(t - 1, "va")))
                    {
                        var m = Is(at, "cuoi") ? each * 3 : (each * 3) - 2;
                        AddDate(new LocalDate(year, m, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(year, m))), QuarterNames[each - 1], true, k, listed - 1);
                    }
                }

                recurringMarkers.Add(k);
                return listed;
            }

            AddDate(new LocalDate(year, month, day), null, yearImplicit, k, after - 1);
            return after;
        }

        /// <summary>The token after more quarters listed from <paramref name="j"/> (", Quý III và Quý IV", ", III, IV"), none
        /// with a year; <paramref name="j"/> when none is listed there.</summary>
        private int ListedQuartersAfter(int j)
        {
            var end = j;
            while ((Is(end, ',') || Is(end, "va")) && (Is(end + 1, "quy") ? Quarter(end + 2) : Quarter(end + 1)) > 0)
            {
                end += Is(end + 1, "quy") ? 3 : 2;
            }

            return end > j && !Is(end, '/') && !Is(end, "nam") ? end : j;
        }

        /// <summary>At "sau" after "tháng tiếp theo": "sau tháng cuối (cùng) (của) kỳ báo cáo (đối với) báo cáo quý" and
        /// the other periods listed with it ("6 tháng", "9 tháng", "(cả) năm"), which all end with a quarter. Returns the
        /// token after the list, or <paramref name="at"/> when the words are not there.</summary>
        private int AfterPeriodsLastMonth(int at)
        {
            if (!Is(at, "sau", "thang", "cuoi"))
            {
                return at;
            }

            var j = at + 3;
            j += Is(j, "cung") ? 1 : 0;
            j += Is(j, "cua") ? 1 : 0;
            j += Is(j, "ky", "bao", "cao") ? 3 : 0;
            j += Is(j, "doi", "voi") ? 2 : 0;
            if (!Is(j, "bao", "cao", "quy"))
            {
                return at;
            }

            return QuarterEndingPeriods(j + 3);
        }

        /// <summary>At <paramref name="j"/>, after a quarter's words: the other periods listed with it that all end with a
        /// quarter ("6 tháng", "6 tháng đầu năm", "9 tháng", "năm", "cả năm", "1 năm"), joined by commas or "và". Returns the
        /// token after the list, or <paramref name="j"/> when none follows (a year's number after "năm" names a year, no
        /// period).</summary>
        private int QuarterEndingPeriods(int j)
        {
            while (true)
            {
                var next = Is(j, ',') ? j + 1 : j;
                next += Is(next, "va") ? 1 : 0;
                if (Is(next, TokenType.Number) && tokens[next].Value is 6 or 9 && Is(next + 1, "thang"))
                {
                    j = next + 2;
                    j += tokens[next].Value == 6 && (Is(j, "dau", "nam") || Is(j, "cuoi", "nam")) ? 2 : 0;
                }
                else if ((Is(next, "ca", "nam") || (Is(next, TokenType.Number) && tokens[next].Value == 1 && Digits(next) <= 2 && Is(next + 1, "nam"))) && !IsYearNumber(next + 2))
                {
                    j = next + 2;
                }
                else if (next > j && Is(next, "nam") && !IsYearNumber(next + 1))
                {
                    j = next + 1;
                }
                else
                {
                    return j;
                }
            }
        }

        /// <summary>Which month of a quarter a day of every quarter falls in.</summary>
        private enum QuarterMonth : byte
        {
            First,
            Last,
            NextFirst,
            NextSecond,
            NextThird,
        }

        /// <summary>A day of the first or last month of every quarter (or of the month after each quarter); a "hằng quý"
        /// before it is that duty's frequency, not another set of dates (the quarters' ends).</summary>
        /// <remarks>With <paramref name="working"/>, the day is that working day of the month ("05 ngày làm việc đầu tiên của
        /// tháng đầu quý"): only for the quarter's first or last month.</remarks>
        private int DayOfQuarter(int day, QuarterMonth month, int first, int last, bool working = false)
        {
            var quarterly = items.FindLastIndex(i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Quarterly);
            // "Đối với báo cáo quý, … ngày cuối cùng của tháng đầu tiên của quý liền sau", "Báo cáo quý trước ngày 20 tháng
            // cuối quý": the quarter named before is the report's, its deadline that day, not the quarter's end as well.
            if (quarterly >= 0)
            {
                items.RemoveAt(quarterly);
            }

            items.Add(new Item(ItemKind.DayOfMonth, default, day, ReportingPeriod.Quarterly, month switch { QuarterMonth.Last => working ? WorkingDayOfLast : "cuoi", QuarterMonth.First when working => WorkingDay, QuarterMonth.NextFirst => "sau", QuarterMonth.NextSecond => "sau2", QuarterMonth.NextThird => "sau3", _ => null }, true, first, last));
            recurringMarkers.Add(first);
            return last + 1;
        }

        /// <summary>A bracket at <paramref name="j"/> that lists report periods ("(tháng, quý, năm)", "(tháng, quý, 6 tháng, năm)")
        /// with "tháng" alone among them: its closing bracket, or -1.</summary>
        private int MonthInReportBracket(int j)
        {
            if (!Is(j, '('))
            {
                return -1;
            }

            var month = false;
            for (var t = j + 1; t < tokens.Length && t < j + 16; t++)
            {
                if (Is(t, ')'))
                {
                    return month ? t : -1;
                }

                month |= Is(t, "thang") && !Is(t - 1, TokenType.Number);
                if (!(Is(t, "thang") || Is(t, "quy") || Is(t, "nam") || Is(t, ',') || Is(t, "va") || Is(t, TokenType.Number)))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>The name of a day of every month (of each quarter's first month) counted in working days, "05 ngày làm việc
        /// đầu tiên của tháng"; <see cref="WorkingDayOfLast"/>, of each quarter's last month.</summary>
        private const string WorkingDay = "lv", WorkingDayOfLast = "cuoilv";

        /// <summary>A day of every month (of the next with <paramref name="nextMonth"/>); with <paramref name="working"/>, that
        /// working day of the month.</summary>
        private int DayOfMonth(int day, bool nextMonth, int first, int last, bool working = false)
        {
            items.Add(new Item(ItemKind.DayOfMonth, default, day, ReportingPeriod.Monthly, nextMonth ? "sau" : working ? WorkingDay : null, true, first, last));
            recurringMarkers.Add(first);
            return last + 1;
        }

        /// <summary>After "năm" (or "của năm"): "N" (the year of the report), "sau (N+1)" (the year after), and the
        /// years said relative to the plan's: "sau", "tới", "tiếp theo", "kế tiếp", "liền kề (sau)" (the next), "trước", "liền kề
        /// trước" (the one before), with what
        /// they are relative to after them ("năm sau năm báo cáo", "năm tiếp theo của kỳ báo cáo", "năm sau năm kế hoạch").
        /// Returns the year meant and the last token read. A year relative to a report ("N", "(N+1)", "… báo cáo" in the
        /// cell) makes the duty recurring, every year; a bare "ngày 01 tháng 5 năm sau" is one date, in the next year.</summary>
        private (int Year, int Last)? PlaceholderYear(int j)
        {
            if (Is(j, "n"))
            {
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear, j);
            }

            if ((Is(j, "duong", "lich") || Is(j, "tai", "chinh")) && (Is(j + 2, "sau") || Is(j + 2, "tiep", "theo") || Is(j + 2, "ke", "tiep") || Is(j + 2, "lien", "ke") || Is(j + 2, "truoc")))
            {
                // "… của năm dương lịch tiếp theo năm tính thuế", "ngày 31 tháng 3 của năm tài chính kế tiếp đối với báo cáo năm": the
                // calendar (fiscal) year is the year; what follows reads as after "năm".
                j += 2;
            }

            int offset, last;
            if (Is(j, "sau") || (Is(j, "toi") && WrittenAs(j, "tới")))
            {
                // ("năm tới", the coming year, is "năm sau".)
                (offset, last) = (1, j);
            }
            else if (Is(j, "tiep", "theo") || Is(j, "ke", "tiep") || (Is(j, "lien", "sau") && Is(j + 2, "nam") && IsReportWord(j + 3)))
            {
                // ("… của năm liền sau năm báo cáo": the year right after the report's, the next. "năm liền sau năm thực hiện",
                // the year after the work's, was labelled the tracked year, the work's being the one before: left as it reads.)
                (offset, last) = (1, j + 1);
            }
            else if (Is(j, "lien", "ke"))
            {
                // "… của năm liền kề sau năm báo cáo", "năm liền kề trước": the year next to the report's (or the plan's).
                (offset, last) = Is(j + 2, "truoc") ? (-1, j + 2) : (1, Is(j + 2, "sau") ? j + 2 : j + 1);
            }
            else if (Is(j, "truoc") && !Is(j + 1, "do"))
            {
                // ("năm trước liền kề năm tính thuế": the year right before it.)
                (offset, last) = (-1, Is(j + 1, "lien", "ke") ? j + 2 : j);
            }
            else if (Is(j, "lien", "truoc"))
            {
                // "… của năm liền trước năm kế hoạch": the year right before.
                (offset, last) = (-1, j + 1);
            }
            else
            {
                return null;
            }

            if (placeholder == YearPlaceholder.None)
            {
                placeholder = YearPlaceholder.Relative;
            }

            if (offset == 1 && Is(last + 1, '(') && Is(last + 2, "n") && Is(last + 3, '+') && Is(last + 4, TokenType.Number) && Is(last + 5, ')'))
            {
                placeholder = YearPlaceholder.Report;
                last += 5;
            }

            // "… năm sau năm báo cáo", "… năm tiếp theo của kỳ báo cáo", "… năm kế tiếp (sau) năm báo cáo", "… năm sau năm kế hoạch".
            // "… năm tiếp theo ngay sau kỳ báo cáo", "… năm liền kề (năm) đánh giá".
            var of = Is(last + 1, "cua") || (last > j && Is(last + 1, "sau")) ? last + 2 : Is(last + 1, "ngay", "sau") ? last + 3 : last + 1;
            if (offset == -1 && !Is(j, "lien", "ke") && of == last + 1 && ((Is(of, "nam", "ke") && Is(of + 2, "hoach")) || (Is(of, "nam", "tinh") && Is(of + 2, "thue"))))
            {
                // "trước ngày 30 tháng 5 của năm trước năm kế hoạch": each plan is filed in the year before the one it plans, so
                // the day falls in the tracked year, every year (the tracked year is the filing year, the plan the next one's);
                // alike "năm liền trước năm kế hoạch" and a tax year's return filed the year before it, "chậm nhất là ngày 15
                // tháng 12 năm trước liền kề năm tính thuế". ("năm liền kề trước năm kế hoạch" was labelled the year before
                // the tracked one, the tracked year being the plan's: left so.)
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear, of + 2);
            }

            if (Is(of, "nam", "tinh") && Is(of + 2, "thue"))
            {
                // "chậm nhất ngày 31 tháng 3 của năm dương lịch tiếp theo năm tính thuế": the tax year is the year reported on,
                // the tracked one; the day is in the year after it, every year.
                placeholder = YearPlaceholder.Report;
                last = of + 2;
            }
            else if ((Is(of, "nam") || Is(of, "ky")) && (IsReportWord(of + 1) || Is(of + 1, "ke", "hoach")))
            {
                // Relative to a report's year ("năm báo báo" typed for "năm báo cáo" too), the duty is every year's.
                placeholder = IsReportWord(of + 1) ? YearPlaceholder.Report : placeholder;
                last = of + 2;
            }
            else if (Is(of, "nam", "cua") && Is(of + 2, "ky", "danh") && Is(of + 4, "gia"))
            {
                // "… trước ngày 15 tháng 01 của năm liền kề sau năm của kỳ đánh giá": the year of the assessment period, as "năm
                // đánh giá": every year.
                placeholder = YearPlaceholder.Report;
                last = of + 4;
            }
            else if (Is(of, "danh", "gia") || (Is(of, "nam", "danh") && Is(of + 2, "gia")))
            {
                // The year after the one assessed (a yearly assessment, as a report's year): every year.
                placeholder = YearPlaceholder.Report;
                last = Is(of, "nam") ? of + 2 : of + 1;
            }

            return (context.TrackedYear + offset, last);
        }

        /// <summary>Whether the cell speaks of a report ("báo cáo") or an accounting period ("kỳ kế toán"): a year relative to it
        /// is the report's, every year. So is a year's own account: its settlement ("quyết toán năm", "thẩm định quyết toán
        /// năm … trước ngày 01 tháng 10 năm sau"), its year-end review ("tổng kết") or assessment ("kiểm điểm", "xếp loại":
        /// "Hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng … gửi về Ban Tổ chức Trung ương trước ngày 01/02 năm sau"), and
        /// a tax declaration of the year, the taxpayer's report ("kê khai doanh thu …", "nộp tờ khai thuế", "thông báo doanh thu"), or a tax paid by
        /// the year ("nộp thuế thu nhập cá nhân theo năm chậm nhất là ngày 31 tháng 01 năm sau"). So is "năm đánh giá", the
        /// year assessed ("công bố kết quả đánh giá … của năm đánh giá … trước ngày 15 tháng 3 của năm sau").</summary>
        private bool MentionsReport()
        {
            for (var t = 0; t + 1 < tokens.Length; t++)
            {
                if (Is(t, "bao", "cao") || Is(t, "ky", "ke", "toan") || Is(t, "quyet", "toan", "nam") || Is(t, "tong", "ket") || YearsStatistics(t)
                    || Is(t, "kiem", "diem") || Is(t, "xep", "loai") || Is(t, "ke", "khai") || Is(t, "to", "khai") || (Is(t, "thong", "bao") && Is(t + 2, "doanh", "thu"))
                    || (Is(t, "thue") && TaxByTheYearAfter(t)) || (Is(t, "nam", "danh") && Is(t + 2, "gia")))
                {
                    return true; // "Đối với kỳ kế toán năm: … ngày 10/02 năm tiếp theo": the accounting year's, every year
                }
            }

            return false;
        }

        /// <summary>"(số liệu) thống kê năm" at <paramref name="t"/>, no year's number after it: a year's statistics, filed every
        /// year as a year's report is ("nhận số liệu thống kê năm chính thức chậm nhất trước ngày 31 tháng 01 của năm sau").</summary>
        private bool YearsStatistics(int t) => Is(t, "thong", "ke", "nam") && !Is(t + 3, TokenType.Number);

        /// <summary>Whether "theo năm" (by the year, no year's number after it) follows the tax word at <paramref name="tax"/>
        /// within its clause: "nộp thuế thu nhập cá nhân theo năm".</summary>
        private bool TaxByTheYearAfter(int tax)
        {
            for (var k = tax + 1; k < tokens.Length && k <= tax + 8; k++)
            {
                if (tokens[k].Type == TokenType.Punct)
                {
                    return false;
                }

                if (Is(k, "theo", "nam") && !Is(k + 2, TokenType.Number))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
