using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// The periods of the calendar: quarters ("Quý II, III/2025", "Quý II - Quý IV năm 2019"), months
/// ("Tháng 11, 12/2025"), whole years ("năm 2025", "trong năm") and the words of a duty that repeats
/// ("hằng quý", "hàng tháng", "mỗi năm"), with the year that follows them.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>"Quý II, III/2025", "Quý III, IV năm 2025", "Quý II - Quý IV năm 2019", or the
        /// bare period word "quý" of "định kỳ quý/ 6 tháng".</summary>
        private int Quarters(int k)
        {
            var quarters = scratch.Numbers;
            quarters.Clear();
            var j = k + 1;
            var q = Quarter(j);
            if (q == 0 && NextPeriodAt(k, j))
            {
                return PeriodAfterIssue(k, j, 3);
            }

            if (q == 0 && (Is(j, "tiep", "theo") || Is(j, "sau") || Is(j, "ke", "tiep")) && BudgetBefore(k))
            {
                // "…; kế hoạch tổ chức tiếp nhận của quý tiếp theo": the quarter a plan is for is what is sent, not a period of
                // the duty's own.
                return Is(j, "sau") ? j + 1 : j + 2;
            }

            if (q == 0 && Is(j, "truoc") && Is(k - 1, "cua") && items.Exists(static i => i.Kind == ItemKind.Date))
            {
                // "Trước ngày 25 tháng đầu tiên Quý II, Quý III và Quý IV, … xác định sản lượng … thực tế của quý trước": after
                // the duty's own days, the quarter before each is what the figures are of, no quarterly period.
                return j + 1;
            }

            if (q == 0)
            {
                if (j < tokens.Length && (tokens[j].IsNumber || IsRomanLike(j)) && !Is(j + 1, "thang"))
                {
                    error = $"\"{Original(k, j)}\": quý chỉ có I, II, III, IV (hoặc 1 đến 4).";
                    return j + 1;
                }

                if (!BrokenDownBy(k))
                {
                    AddPeriod(ReportingPeriod.Quarterly, k);
                }

                return k + 1;
            }

            quarters.Add(q);
            j++;
            var ranged = false;
            var toTheEnd = false;
            while (j < tokens.Length)
            {
                var separator = tokens[j];
                var isList = separator.IsPunct(',') || separator.IsPunct('&') || separator.IsPunct('+') || Is(j, "va");
                var isRange = separator.IsPunct('-') || Is(j, "den");
                if (!isList && !isRange)
                {
                    break;
                }

                // "Quý III/2025 đến hết quý I/2026": "hết" says the work lasts to the last quarter's end, a span.
                var untilEnd = isRange && Is(j + 1, "het");
                var at = untilEnd ? j + 2 : j + 1;
                at += Is(at, "quy") || Is(at, "q") ? 1 : 0;
                var nextQuarter = Quarter(at);
                if (nextQuarter == 0)
                {
                    break;
                }

                if (isRange)
                {
                    ranged = true;
                    toTheEnd |= untilEnd;
                    for (var r = quarters[^1] + 1; r < nextQuarter; r++)
                    {
                        quarters.Add(r);
                    }
                }

                quarters.Add(nextQuarter);
                j = at + 1;
            }

            var (year, yearImplicit, after) = YearSuffix(j);
            if (yearImplicit && quarters.Count == 1 && !Is(k - 1, "truoc") && RelativeYearOfPeriod(j) is { } relative)
            {
                return RelativePeriodEnd(MonthEnd(relative.Year, quarters[0] * 3), 3, k, relative.Last);
            }

            if (quarters.Count == 1 && Is(k - 1, "truoc"))
            {
                return BeforeMonth(k, ((quarters[0] - 1) * 3) + 1, year, yearImplicit, after, $"quý {QuarterNames[quarters[0] - 1][4..]}/{year}");
            }

            var added = items.Count;
            foreach (var quarter in quarters)
            {
                AddQuarter(year, quarter, yearImplicit, k, after - 1);
            }

            var end = QuarterRangeToNextYear(year, quarters[^1], yearImplicit, k, after);
            // "Quý I/2026 đến Quý IV/2027": "đến" between two quarters that carry their own years joins two dates, a span as
            // "từ ngày … đến ngày …" is; a dash ("Quý IV/2025- Quý II/2026") or one year for both ("Quý I đến Quý III/2025")
            // lists the quarters.
            toTheEnd |= end != after && Is(after, "den");
            if ((ranged || end != after) && (OpensSpan(k) || toTheEnd))
            {
                SpanOfQuarters(added, end - 1);
            }

            return end;
        }

        /// <summary>"… thông báo kế hoạch bán ngoại tệ trong năm chi tiết theo quý", "chia theo tháng", "phân theo quý": a bare
        /// "quý" or "tháng" after "chi tiết theo", "chia theo" or "phân theo" says how a plan or figure is broken down, not how
        /// often the duty falls: no period ("báo cáo theo quý" still is one). So with "ra" for "theo" and "từng" before the
        /// period: "kế hoạch … cho năm kế hoạch (có chia ra từng quý)", "chi tiết từng quý". So is a rate "bình quân theo
        /// tháng" (averaged by month) or "tính theo tháng" (counted by the month).</summary>
        private bool BrokenDownBy(int k)
        {
            var j = Is(k - 1, "tung") ? k - 2 : k - 1;
            return ((Is(j, "theo") || Is(j, "ra")) && (Is(j - 2, "chi", "tiet") || Is(j - 1, "chia") || Is(j - 1, "phan")))
                || (j < k - 1 && Is(j - 1, "chi", "tiet"))
                || (Is(j, "theo") && (Is(j - 2, "binh", "quan") || Is(j - 1, "tinh")));
        }

        /// <summary>
        /// "Từ quý I đến quý III/2025", "Từ quý IV/2025 đến quý II/2026", "Quý I/2026 đến Quý IV/2027": a range of quarters
        /// opened by "từ", or joined by "đến" with a year at each end, is work
        /// that goes on from the first quarter's first day to the last one's end (as "Từ tháng 10/2025 đến tháng
        /// 6/2026" is), not a deadline at each quarter's end, which "Quý II - Quý IV năm 2019" keeps.
        /// The quarters read from <paramref name="first"/> on become one span.
        /// </summary>
        private void SpanOfQuarters(int first, int lastToken)
        {
            var (start, last) = (items[first], items[^1]);
            items.RemoveRange(first, items.Count - first);
            items.Add(new Item(ItemKind.Span, last.Date, last.Date.Year, default, null, false, start.FirstToken, lastToken) { Start = start.Start });
        }

        /// <summary>"Tháng 12/2024", "tháng 12 năm 2017", "Tháng 11, 12/2025", or the bare "tháng" of "hằng tháng".</summary>
        private int Months(int k)
        {
            var j = k + 1;
            var once = OnceEveryFewMonths(k - 1, k);
            if ((!Is(j, TokenType.Number) || once) && (IsNumberWord(k - 1, "sau") || IsNumberWord(k - 1, "chin")))
            {
                // "báo cáo … quý, sáu tháng, năm": the count in words is a period of six (nine) months, as "6 tháng" is,
                // not the months' ends; "định kỳ sáu tháng 01 lần" is that period too, not January.
                if (Is(k - 1, "sau") && (Is(j, "dau", "nam") || Is(j, "cuoi", "nam")))
                {
                    return HalfYear(k - 1, j);
                }

                AddPeriod(Is(k - 1, "sau") ? ReportingPeriod.HalfYearly : ReportingPeriod.NineMonths, k - 1, once ? j + 1 : null);
                return once ? j + 2 : j;
            }

            if (!Is(j, TokenType.Number) && NextPeriodAt(k, j))
            {
                return PeriodAfterIssue(k, j, 1);
            }

            if (!Is(j, TokenType.Number) && MonthInWords(j) is (> 0 and var named, var nameEnd))
            {
                // "tháng Tám năm 2026", "Tháng Mười/2025": a month named in words, with its year.
                var (namedYear, _, afterYear) = YearSuffix(nameEnd);
                var end = MonthEnd(namedYear, named);
                items.Add(new Item(ItemKind.Date, end, end.Year, default, MonthLabels[named], false, k, afterYear - 1) { Start = new LocalDate(namedYear, named, 1) });
                return afterYear;
            }

            if (!Is(j, TokenType.Number))
            {
                if (Is(k - 1, "cac") && Is(j, "con", "lai") && items.Exists(static i => i.Kind == ItemKind.Date))
                {
                    // "… ước sản lượng điện thương phẩm các tháng còn lại trong năm": after the duty's own days, the months
                    // left are what is estimated, no monthly period.
                    return j + 2;
                }

                if (!BrokenDownBy(k))
                {
                    AddPeriod(ReportingPeriod.Monthly, k);
                }

                return k + 1;
            }

            var months = scratch.Months;
            months.Clear();
            while (true)
            {
                var m = tokens[j].Value;
                if (m is < 1 or > 12)
                {
                    error = $"\"{Original(k, j)}\": tháng phải từ 1 đến 12.";
                    return j + 1;
                }

                months.Add(m);
                j++;
                if (j + 1 < tokens.Length && (tokens[j].IsPunct(',') || Is(j, "va")) && Is(j + 1, TokenType.Number) && tokens[j + 1].Length <= 2)
                {
                    j++;
                    continue;
                }

                if (j + 2 < tokens.Length && (tokens[j].IsPunct(',') || Is(j, "va")) && Is(j + 1, "thang") && Is(j + 2, TokenType.Number) && tokens[j + 2].Length <= 2)
                {
                    // "tháng 6, tháng 7, tháng 8 và tháng 9 năm 2026": "tháng" said again before each month, as "quý" may be;
                    // all take the last one's year.
                    j += 2;
                    continue;
                }

                break;
            }

            var (year, yearImplicit, after) = YearSuffix(j);
            if (yearImplicit && (Is(after, "nam", "thuc") || Is(after, "cua", "nam")) && Is(after + (Is(after, "cua") ? 2 : 1), "thuc", "hien")
                && !Is(after + (Is(after, "cua") ? 4 : 3), TokenType.Number))
            {
                // "… hằng năm trước tháng 10 năm thực hiện": the year the work is carried out in is each cycle's, the month
                // without a year of its own, every year; its words are the month's.
                after += Is(after, "cua") ? 4 : 3;
                placeholder = YearPlaceholder.Report;
            }

            if (yearImplicit && months.Count == 1 && !Is(k - 1, "truoc") && RelativeYearOfPeriod(j) is { } relative)
            {
                return RelativePeriodEnd(MonthEnd(relative.Year, months[0]), 1, k, relative.Last);
            }

            if (months.Count == 1 && Is(k - 1, "truoc"))
            {
                return BeforeMonth(k, months[0], year, yearImplicit, after, $"tháng {months[0]}/{year}");
            }

            foreach (var m in months)
            {
                var end = MonthEnd(year, m);
                items.Add(new Item(ItemKind.Date, end, end.Year, default, MonthLabels[m], yearImplicit, k, after - 1) { Start = new LocalDate(year, m, 1) });
            }

            return after;
        }

        /// <summary>Whether the period word at <paramref name="k"/> is "the coming" one: "tới" after it ("Quý tới", "Trong
        /// tháng tới"), or "sau" when the two open the cell ("Tháng sau", "Trong quý sau") and nothing follows; "quý sau" in
        /// "ngày 10 của tháng đầu quý sau" is a report's next quarter, read with its day.</summary>
        private bool NextPeriodAt(int k, int j) =>
            (Is(j, "toi") && WrittenAs(j, "tới") && !Is(k - 1, "dau") && !Is(k - 1, "cuoi"))
            || (Is(j, "sau") && (k == 0 || (k == 1 && Is(0, "trong"))) && (j + 1 >= tokens.Length || tokens[j + 1].IsPunct('.') || tokens[j + 1].IsPunct(';')));

        /// <summary>"Quý tới", "Trong tháng tới": the end of the quarter (<paramref name="months"/> 3) or month (1) after the one
        /// the plan is issued in; without an issue date the cell is refused with the reason.</summary>
        private int PeriodAfterIssue(int k, int j, int months)
        {
            if (recurringMarkers.Count > 0)
            {
                // "Trước ngày 15 hằng tháng, … dự báo … để lập kế hoạch vận hành tháng tới": after a duty said for every period,
                // "the coming month" is each period's next, what the duty is about, not one month from the issue date.
                return j + 1;
            }

            if (context.IssuedOn is not { } issued)
            {
                error = NeedsIssueDate(k, j);
                return j + 1;
            }

            var start = new LocalDate(issued.Year, ((issued.Month - 1) / months * months) + 1, 1).PlusMonths(months);
            var end = start.PlusMonths(months).PlusDays(-1);
            items.Add(new Item(ItemKind.Date, end, end.Year, default, null, false, k, j) { Start = start });
            notes.Add($"\"{Original(k, j)}\" tính từ ngày ban hành {issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            return j + 1;
        }

        /// <summary>"(của) năm tiếp theo của kỳ báo cáo", "(của) năm liền kề đánh giá", "năm sau" at <paramref name="j"/>, right
        /// after a quarter or a month without its year ("trong Quý II năm tiếp theo của kỳ báo cáo", "Trong quý I của năm liền
        /// kề đánh giá", "tháng 3 năm sau năm báo cáo"): the period of the year said (<see cref="PlaceholderYear"/>; relative
        /// to a report's or an assessment's year, every year). "năm báo cáo" itself is left to the words after it.</summary>
        private (int Year, int Last)? RelativeYearOfPeriod(int j)
        {
            var yearOf = Is(j, "cua", "nam") ? j + 1 : j;
            return Is(yearOf, "nam") && !IsReportWord(yearOf + 1) ? PlaceholderYear(yearOf + 1) : null;
        }

        /// <summary>The end of a quarter or month of a year said relative to another: a day of its own, as "ngày 31 tháng 3 năm
        /// sau" is (no period's name: in a yearly report's cell it is the report's day, "Báo cáo năm gửi trong quý I của năm
        /// tiếp theo" has no year's end of the reported year besides it).</summary>
        private int RelativePeriodEnd(LocalDate end, int months, int first, int last)
        {
            items.Add(new Item(ItemKind.Date, end, end.Year, default, null, false, first, last) { Start = new LocalDate(end.Year, end.Month - months + 1, 1) });
            return last + 1;
        }

        /// <summary>"Trước tháng 3/2027", "Trước quý III/2026": by the last day of the month before the month (or
        /// quarter) named, as "Trước năm 2030" is 31/12/2029; a reader could also take it as the end of
        /// <paramref name="period"/> — said in the note and listed by <c>plan check</c>.</summary>
        private int BeforeMonth(int monthWord, int month, int year, bool yearImplicit, int after, string period)
        {
            var first = new LocalDate(year, month, 1);
            var due = first.PlusDays(-1);
            items.Add(new Item(ItemKind.Date, due, due.Year, default, MonthLabels[due.Month], yearImplicit, monthWord, after - 1) { Start = new LocalDate(due.Year, due.Month, 1) });
            ambiguities.Add($"\"{Original(monthWord - 1, after - 1)}\" đọc là hạn {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (có thể hiểu là hết {period})");
            return after;
        }

        /// <summary>Whether <paramref name="k"/> is in what something holds, said before it in its sentence: what a programme
        /// includes ("bao gồm …") or what a report is about ("báo cáo … về việc sử dụng các quỹ trong năm").</summary>
        private bool InContentOf(int k)
        {
            var about = false;
            for (var j = k - 1; j > 0 && !IsSentenceBreak(j); j--)
            {
                if (Is(j - 1, "bao", "gom") || (about && IsReportWord(j)))
                {
                    return true;
                }

                about |= Is(j, "ve");
            }

            return false;
        }

        /// <summary>"năm 2025" (a whole year), "trong năm" (the tracked year), or the bare period word "năm".</summary>
        private int YearWord(int k)
        {
            if (IsYearNumber(k + 1))
            {
                if (Is(k - 1, "truoc"))
                {
                    return BeforeYear(k, k + 1);
                }

                if (ScopeOfDate(k) || Baseline(k) || NamesCharter(k - 1) || NamesAmendment(k) || NamesTitlesRound(k) || NamesEdition(k) || InWordsOfAnEvent(k))
                {
                    return k + 2;
                }

                AddYear(tokens[k + 1].Value, k, k + 1);
                return k + 2;
            }

            if (k + 1 < tokens.Length && tokens[k + 1].IsNumber && tokens[k + 1].Length == 4 && IsPastYear(tokens[k + 1].Value, k, k + 1))
            {
                return k + 2;
            }

            if (k + 1 < tokens.Length && tokens[k + 1].IsNumber && tokens[k + 1].Length == 4)
            {
                error = $"\"{Original(k, k + 1)}\": năm {tokens[k + 1].Value} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return k + 2;
            }

            if ((k == 0 || (k == 1 && Is(0, "trong"))) && !Is(k + 1, "n"))
            {
                // "Năm tiếp theo", "Trong năm sau": a cell that is only a year said relative to the plan's is that year,
                // as "Năm 2026" is ("các năm tiếp theo", ongoing years, is not this).
                var before = placeholder;
                if (PlaceholderYear(k + 1) is { } relative && OnlyMarksAfter(relative.Last))
                {
                    AddYear(relative.Year, k, relative.Last);
                    notes.Add($"\"{Original(k, relative.Last)}\" là năm {relative.Year}");
                    return relative.Last + 1;
                }

                placeholder = before;
            }

            if (Is(k - 1, "trong") && (Is(k - 4, "lan", "thu") || Is(k - 3, "lan", "dau")))
            {
                // "rà soát, bổ sung quy hoạch lần thứ 2 trong năm phải báo cáo …": which occasion within a year, not the tracked
                // year's work.
                return k + 1;
            }

            if (Is(k - 1, "trong") && !Is(k + 1, "nay") && InContentOf(k - 1))
            {
                // "Chương trình công tác năm: Xây dựng hàng năm, bao gồm các đề án, … kế hoạch cần thực hiện trong năm": what a
                // programme includes is its content; "trong năm" there is the content's year, not work over it. So is what a
                // report is about ("Hằng năm, … báo cáo Đại hội thành viên về việc quản lý, sử dụng các quỹ trong năm").
                return k + 1;
            }

            if (Is(k - 1, "trong") && Is(k - 3, "phat", "sinh") && !Is(k + 1, "nay"))
            {
                // "thông báo doanh thu thực tế phát sinh trong năm với cơ quan thuế chậm nhất là ngày 31 tháng 01 …": what arose
                // in the year is what the notice covers, not work over the year.
                return k + 1;
            }

            if (Is(k - 1, "trong") || Is(k - 2, "tu", "dau"))
            {
                // "trong năm (nay)": the tracked year; "từ đầu năm đến …": its start, which takes the end's year (MergeSpans).
                // ("năm nay" names the year as a number would: "Hoàn thành trong năm nay" is a deadline at its end.)
                var now = Is(k + 1, "nay") ? k + 1 : k;
                AddYear(context.TrackedYear, k, now, yearImplicit: now == k);
                return now + 1;
            }

            if ((k == 0 || (k == 1 && Is(0, "trong"))) && Is(k + 1, "nay") && OnlyMarksAfter(k + 1))
            {
                // "Năm nay": a cell that is only the plan's own year.
                AddYear(context.TrackedYear, k, k + 1, yearImplicit: false);
                return k + 2;
            }

            if (Is(k + 1, ':'))
            {
                return k; // "Năm: Sơ bộ ngày 22/12 năm N" — a heading, not a period
            }

            if ((Is(k + 1, "truoc", "lien") && Is(k + 3, "ke")) || Is(k + 1, "lien", "ke") || (Is(k + 1, "ke", "hoach") && !Is(k + 3, TokenType.Number)))
            {
                // "tiền lương, tiền thưởng năm trước liền kề", "quỹ tiền lương năm kế hoạch": the year the figures are of (the one
                // before, the one planned for), what is reported, not a yearly period of its own.
                return k + (Is(k + 1, "truoc") ? 4 : Is(k + 3, "truoc") || Is(k + 3, "sau") ? 4 : 3);
            }

            if (Is(k + 1, "truoc") && (k + 2 >= tokens.Length || Is(k + 2, TokenType.Punct) || Is(k + 2, "cua") || Is(k + 2, "do") || (Is(k + 2, "va") && Is(k + 3, TokenType.Word) && !Is(k + 3, "sau"))))
            {
                // "in thông báo kết quả đóng BHXH … năm trước của người lao động", "quỹ tiền thưởng năm trước và báo cáo …": the
                // year before, what the figures are of, as "năm trước liền kề"; "Báo cáo năm trước ngày 15/12" is the yearly
                // report and its day.
                return k + 2;
            }

            if ((Is(k + 1, "sau") || Is(k + 1, "tiep", "theo")) && BudgetBefore(k))
            {
                // "lập dự trù kinh phí khen thưởng năm sau của đảng bộ": the year the estimate is for, what is filed, not a
                // yearly period of its own (the duty's time is said elsewhere: "Định kỳ hằng năm (vào cuối quý III)").
                return k + 2;
            }

            if (Is(k - 2, "ke", "hoach") && !IsYearNumber(k + 1) && (items.Count > 0 || recurringMarkers.Count > 0) && !Is(k - 3, "xay", "dung"))
            {
                // "Trước ngày 20 hàng tháng, … (80% của số tiền lương, thù lao theo kế hoạch năm chia 12 tháng …)": after the
                // cell's time, the year's plan is what figures come from, no yearly period.
                return k + 1;
            }

            if (Is(k - 1, TokenType.Number) && tokens[k - 1].Value is >= 2 and <= 50 && (Is(k - 3, "ke", "hoach") || Is(k - 3, "quy", "hoach") || Is(k - 3, "chien", "luoc") || Is(k - 3, "giai", "doan")))
            {
                // "căn cứ vào kế hoạch 5 năm xây dựng TCVN", "kết thúc giai đoạn 5 năm": how many years a plan or a stage spans
                // names it, no yearly period.
                return k + 1;
            }

            if (TimesAYear(k) is var times && times > 0 && (times > 1 || recurringMarkers.Count > 0 || items.Exists(i => i.Kind == ItemKind.Period)))
            {
                // "Thực hiện 04 lần/01 năm, … ngày 20 của tháng cuối quý", "vào tháng 3 hằng năm … nhưng phải đảm bảo ít nhất 1
                // năm 1 lần": how many times a year says how often, which the cell's own periods and days already give; no
                // year's end of its own. More than once a year, the days it lists recur ("Một năm 2 lần, … trước ngày 20 tháng
                // 6, 20 tháng 11").
                if (times > 1)
                {
                    recurringMarkers.Add(k);
                }

                return k + 1;
            }

            AddPeriod(ReportingPeriod.Yearly, k);
            return k + 1;
        }

        /// <summary>How many times a year "năm" <paramref name="k"/> counts, when the times are said after it: "1 năm 1 lần",
        /// "Một năm 2 lần"; 0 otherwise. (Times said before it, "04 lần/01 năm", are read with the count: <see cref="NumberLed"/>.)</summary>
        private int TimesAYear(int k)
        {
            var one = (Is(k - 1, TokenType.Number) && tokens[k - 1].Value == 1) || Is(k - 1, "mot"); // "1 năm", "Một năm"
            return one && Is(k + 1, TokenType.Number) && Is(k + 2, "lan") ? tokens[k + 1].Value : 0;
        }

        /// <summary>Whether a budget's words ("kinh phí", "dự toán", "dự trù", "ngân sách") start within the five words before
        /// "năm" <paramref name="k"/>, no punctuation between: "dự toán ngân sách năm sau", "kinh phí khen thưởng năm sau". So
        /// do a plan's ("kế hoạch", "dự kiến"), eight words back, when the cell has said its time before: "Quý II hằng năm, …
        /// gửi dự kiến kế hoạch xây dựng TCVN cho năm sau", "… báo cáo …; kế hoạch tổ chức tiếp nhận của quý tiếp theo".</summary>
        private bool BudgetBefore(int k)
        {
            var timed = items.Count > 0 || recurringMarkers.Count > 0;
            for (var j = k - 1; j >= 0 && j >= k - 8 && !Is(j, TokenType.Punct); j--)
            {
                if (j >= k - 5 && (Is(j, "kinh", "phi") || Is(j, "du", "toan") || Is(j, "du", "tru") || Is(j, "ngan", "sach")))
                {
                    return true;
                }

                if (timed && (Is(j, "ke", "hoach") || Is(j, "du", "kien")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether only punctuation follows token <paramref name="last"/>.</summary>
        private bool OnlyMarksAfter(int last)
        {
            for (var j = last + 1; j < tokens.Length; j++)
            {
                if (!Is(j, TokenType.Punct))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"… Hội đồng xét tặng danh hiệu “Nhà giáo nhân dân”, “Nhà giáo ưu tú” năm 2023 của Sở trước 17h ngày
        /// 1/12/2022": right after a title in quotation marks, before a day written out in its sentence, the year is the
        /// round's, no year of work; the note says so.</summary>
        private bool NamesTitlesRound(int k)
        {
            if (!QuoteClosesBefore(k) || !DayWrittenLaterInSentence(k + 2))
            {
                return false;
            }

            notes.Add($"\"{Original(k, k + 1)}\" là năm của nội dung, không phải hạn");
            return true;
        }

        /// <summary>"Hội chợ mùa xuân lần thứ nhất năm 2026 từ 2.2 - 13.2": the year after "lần thứ N" names the edition of an
        /// occasion whose days the cell gives, no year of work; the note says so.</summary>
        private bool NamesEdition(int k)
        {
            if (!Is(k - 3, "lan", "thu") || !(Is(k - 1, TokenType.Number) || Is(k - 1, "nhat") || Is(k - 1, "hai") || Is(k - 1, "ba")) || !DayWrittenLaterInSentence(k + 2))
            {
                return false;
            }

            notes.Add($"\"{Original(k - 3, k + 1)}\" là lần tổ chức, không phải hạn");
            return true;
        }

        /// <summary>Whether a closing quotation mark ("”", or '"' after a word) stands right before token <paramref name="k"/>,
        /// a space between or not.</summary>
        private bool QuoteClosesBefore(int k)
        {
            var at = tokens[k].Start - 1;
            at -= at >= 0 && text.Text[at] == ' ' ? 1 : 0;
            return at >= 1 && (text.Text[at] == '”' || (text.Text[at] == '"' && char.IsLetter(text.Text[at - 1])));
        }

        /// <summary>"(được sửa đổi, bổ sung năm 2020)", "(sửa đổi năm 2019)" after a law's name: the year the cited law was
        /// amended, no deadline. Only in brackets: a plan's own "Rà soát, sửa đổi, bổ sung năm 2026" is the year the work is
        /// done.</summary>
        private bool NamesAmendment(int k)
        {
            var j = Is(k - 2, "bo", "sung") || Is(k - 2, "sua", "doi") ? k - 2 : -1;
            if (j >= 2 && Is(j, "bo") && Is(j - 1, ',') && Is(j - 3, "sua", "doi"))
            {
                j -= 3;
            }

            j = Is(j - 1, "duoc") ? j - 1 : j;
            if (j < 1 || !Is(j - 1, '('))
            {
                return false;
            }

            notes.Add($"\"{Original(j, k + 1)}\" là năm luật được dẫn sửa đổi, không phải hạn");
            return true;
        }

        /// <summary>Whether the year at "năm" <paramref name="k"/> is a baseline: "giảm 10% so với năm 2024", "so với cùng kỳ năm
        /// 2024", "theo gốc so sánh bình quân năm 1994": after "so với" or "so sánh" and at most three words, it is what a
        /// figure is compared with, not a deadline; it becomes the note.</summary>
        private bool Baseline(int k)
        {
            for (var j = k - 2; j >= 0 && j >= k - 5; j--)
            {
                if (Is(j, "so", "voi") || Is(j, "so", "sanh"))
                {
                    notes.Add($"\"{Original(j, k + 1)}\" là năm so sánh, không phải hạn");
                    return true;
                }

                if (!tokens[j].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Whether the year at "năm" <paramref name="k"/> says what a date applies to: "xong trước ngày 01 tháng 5 năm
        /// 2026 đối với chi phí năm 2023, xong trước ngày 01 tháng 8 năm 2026 đối với chi phí năm 2024" — after "đối với" and
        /// at most three words, in the clause of a date before it, it is the scope (the costs of 2023), not a deadline; so it
        /// is after "đối với" and at most eight words when the clause goes on to its day said with "trước" or "chậm nhất"
        /// ("riêng đối với các dự án có kế hoạch hoàn thành năm 2025 phải hoàn thành chậm nhất vào ngày 19 tháng 12 năm
        /// 2025": the projects planned for 2025), and after "đối với" and at most eight words (not counting "trong") in the
        /// clause of a day before it said with "trước" or "chậm nhất" ("… hoàn thành chậm nhất vào ngày 19/12/2025 đối với
        /// các dự án có kế hoạch hoàn thành trong năm 2025").</summary>
        private bool ScopeOfDate(int k)
        {
            // "trong" before the year is not counted among the words ("… đối với các dự án có kế hoạch hoàn thành trong năm 2025").
            var reach = Is(k - 1, "trong") ? 11 : 10;
            for (var j = k - 2; j >= 0 && j >= k - reach; j--)
            {
                if (Is(j, "doi", "voi"))
                {
                    foreach (var item in items)
                    {
                        if ((j >= k - 5 || SaidAsDeadline(item.FirstToken)) && item.Kind == ItemKind.Date && item.LastToken < j && SamePhase(item.LastToken, j) && !HasComma(item.LastToken, j))
                        {
                            return true;
                        }
                    }

                    return DeadlineDayInClause(k + 2);
                }

                if (!tokens[j].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Whether a day said as a deadline (<see cref="DeadlineDayAt"/>) follows <paramref name="from"/> in its
        /// clause (no comma or sentence mark between).</summary>
        private bool DeadlineDayInClause(int from)
        {
            for (var t = from; t + 2 < tokens.Length && !IsSentenceBreak(t) && !Is(t, ','); t++)
            {
                if (DeadlineDayAt(t) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasComma(int from, int to)
        {
            for (var j = from + 1; j < to; j++)
            {
                if (Is(j, ','))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"hằng quý", "hàng tháng", "hằng năm", "mỗi quý"; "hằng ngày", "hằng tuần" are
        /// work that goes on all year, also said with "định kỳ" ("Định kỳ thứ 4 hàng tuần, báo cáo …", "một cách thường
        /// xuyên, định kỳ hàng ngày, hàng tuần"): a frequency shorter than a month is no report period, so the "định kỳ"
        /// before it marks no recurring duty ("Định kỳ hằng tuần, hằng tháng" stays monthly by its own words). The note of
        /// such work starts at <paramref name="noteFrom"/> when given ("03 lần/tuần") and runs to <paramref name="noteTo"/>,
        /// the words taken with it ("các ngày thứ 4, thứ 7 và Chủ nhật").</summary>
        private int Every(int k, int noteFrom = -1, int noteTo = -1)
        {
            if (Is(k + 1, "ngay") || Is(k + 1, "tuan"))
            {
                if (recurringMarkers.Count > 0 && recurringMarkers[^1] < k && Is(recurringMarkers[^1], "dinh", "ky"))
                {
                    recurringMarkers.RemoveAt(recurringMarkers.Count - 1);
                }

                AddYear(context.TrackedYear, k, k + 1, yearImplicit: true);
                var first = noteFrom >= 0 ? noteFrom : k;
                notes.Add(noteTo > k + 1 ? Original(first, noteTo) : Original(first, k + 1).ToLowerInvariant());
                return noteTo > k + 1 ? noteTo + 1 : k + 2;
            }

            if ((Is(k + 1, "quy") || Is(k + 1, "thang") || Is(k + 1, "nam")) && NamesAPaymentInAnEvent(k))
            {
                // "90 ngày kể từ ngày người hưởng trợ cấp hằng tháng chết": in the words of the event a count waits for, the
                // period word names a payment ("trợ cấp hằng tháng"), not the duty's frequency.
                return k + 2;
            }

            if (Is(k + 1, "quy") || Is(k + 1, "thang") || (Is(k + 1, "nam") && !IsYearNumber(k + 2)))
            {
                recurringMarkers.Add(k);
                AddPeriod(Is(k + 1, "quy") ? ReportingPeriod.Quarterly : Is(k + 1, "thang") ? ReportingPeriod.Monthly : ReportingPeriod.Yearly, k, k + 1);
                return k + 2;
            }

            return k;
        }

        /// <summary>The token after days of the week listed from <paramref name="k"/> ("thứ 4, thứ 7 và Chủ nhật", "thứ Hai
        /// và thứ Năm"), or <paramref name="k"/> when no day of the week starts there.</summary>
        private int WeekdaysListed(int k)
        {
            var end = k;
            var j = k;
            while (Weekday(j) is var after && after > j)
            {
                end = after;
                j = after + (Is(after, ',') ? 1 : 0);
                j += Is(j, "va") ? 1 : 0;
                if (j == after)
                {
                    break;
                }
            }

            return end;
        }

        /// <summary>The token after a day of the week at <paramref name="k"/>, in words (<see cref="IsWeekday"/>: "thứ Bảy",
        /// "Chủ nhật") or by its number ("thứ 4"), or k.</summary>
        private int Weekday(int k) =>
            IsWeekday(k) || (Is(k, "thu") && Is(k + 1, TokenType.Number) && Digits(k + 1) == 1 && tokens[k + 1].Value is >= 2 and <= 7) ? k + 2 : k;

        /// <summary>Whether token <paramref name="k"/> is in the words of the event a count waits for, after its "kể từ" or
        /// "tính từ" with no mark between: "Trong vòng 30 ngày, kể từ ngày có quyết định giảm tiền thuê đất năm 2025" — the
        /// year says which decision, no year of work. After a comma or a sentence's end the words are the cell's again.</summary>
        private bool InWordsOfAnEvent(int k)
        {
            if (eventMarker < 0 || eventMarker >= k || eventWhen != EventWhen.Always || !Is(eventMarker, TokenType.Number))
            {
                return false;
            }

            for (var j = k - 1; j > eventMarker; j--)
            {
                if (Is(j, TokenType.Punct))
                {
                    return false;
                }

                if ((Is(j, "ke", "tu") || Is(j, "tinh", "tu")) && (Is(j + 2, "ngay") || Is(j + 2, "khi")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether "hằng …" at <paramref name="k"/> follows the name of a payment (<see cref="PaymentBefore"/>) inside
        /// the words of an event a count waits for, which start at the event marker, earlier in the sentence.</summary>
        private bool NamesAPaymentInAnEvent(int k)
        {
            if (eventMarker < 0 || eventMarker >= k || eventWhen != EventWhen.Always || !PaymentBefore(k))
            {
                return false;
            }

            for (var j = eventMarker; j < k; j++)
            {
                if (IsSentenceBreak(j))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the words right before <paramref name="k"/> name a payment: trợ cấp, phụ cấp, lương, lương hưu,
        /// sinh hoạt phí, with one word between allowed ("trợ cấp BHXH hằng tháng"); or, a few words back in the clause, a
        /// benefit or its funds ("trợ cấp xã hội hàng tháng", "hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng").</summary>
        private bool PaymentBefore(int k)
        {
            for (var j = k; j >= k - 1; j--)
            {
                if (Is(j - 2, "tro", "cap") || Is(j - 2, "phu", "cap") || Is(j - 3, "sinh", "hoat", "phi") || IsWage(j - 1) || (Is(j - 1, "huu") && IsWage(j - 2)))
                {
                    return true;
                }
            }

            for (var j = k - 2; j >= 0 && j >= k - 7 && !Is(j, ';') && !IsSentenceBreak(j); j--)
            {
                if (Is(j, "tro", "cap") || Is(j, "kinh", "phi"))
                {
                    return true;
                }
            }

            return false;

            // "lương", not "lượng" (a quantity) nor "lường", which fold alike.
            bool IsWage(int t) => Is(t, "luong") && WrittenAs(t, "lương");
        }

        private (int Year, bool Implicit, int After) YearSuffix(int j)
        {
            if ((Is(j, '/') || Is(j, '-')) && Is(j + 1, "nam") && IsYearNumber(j + 2))
            {
                return (tokens[j + 2].Value, false, j + 3); // "Quý II/năm 2026", "Tháng 6/năm 2026"
            }

            if (j + 1 < tokens.Length && (tokens[j].IsPunct('/') || tokens[j].IsPunct('-') || Is(j, "nam")) && tokens[j + 1].IsNumber && tokens[j + 1].Length == 4)
            {
                var y = tokens[j + 1].Value;
                if (y is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
                {
                    error = $"\"{Original(j, j + 1)}\": năm {y} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                    return (context.TrackedYear, false, j + 2);
                }

                return (y, false, j + 2);
            }

            if (j > 0 && Is(j, '.') && IsYearNumber(j + 1) && Touches(j - 1, j) && Touches(j, j + 1)
                && ((tokens[j - 1].IsNumber && tokens[j - 1].Length <= 2) || IsRomanLike(j - 1)))
            {
                return (tokens[j + 1].Value, false, j + 2); // "tháng 7.2026", "Quý I.2026": the year after a dot, no space either side
            }

            if (j > 0 && IsYearNumber(j) && Touches(j - 1, j) && !tokens[j - 1].IsNumber)
            {
                return (tokens[j].Value, false, j + 1); // "Quý IV2026": the year typed straight after the period
            }

            return (context.TrackedYear, true, j);
        }

        private int Quarter(int j)
        {
            if (j >= tokens.Length)
            {
                return 0;
            }

            var t = tokens[j];
            if (t.IsNumber)
            {
                return t.Length == 1 && t.Value is >= 1 and <= 4 && !Is(j + 1, "thang") ? t.Value : 0;
            }

            if (!t.IsWord)
            {
                return 0;
            }

            var w = text.Folded.Slice(t.Start, t.Length);
            return w switch
            {
                "i" => 1,
                "ii" => 2,
                "iii" => 3,
                "iv" => 4,
                _ when w.Length <= 3 && w.Contains('l') && w.IndexOfAnyExcept("ilv") < 0 => LowercaseLAsI(w),
                _ => 0,
            };

            // "Quý l/2026", "Quý lI/2026", "Quý lV/2026": a lowercase L typed (or read from a scan) for a capital I.
            static int LowercaseLAsI(ReadOnlySpan<char> w)
            {
                Span<char> roman = stackalloc char[w.Length];
                w.Replace(roman, 'l', 'i');
                return roman switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, _ => 0 };
            }
        }

        private bool IsRomanLike(int j) =>
            j >= 0 && j < tokens.Length && tokens[j].IsWord && tokens[j].Length <= 4 && text.Folded.Slice(tokens[j].Start, tokens[j].Length).IndexOfAnyExcept("ivx") < 0;
    }
}
