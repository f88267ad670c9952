using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Step 4 of a reading: the kind of schedule and its milestones, from the items found: dated
/// (once, phased, continuous) or recurring (one milestone per period end, or the periods' own dates).
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>"Tháng 1" … "Tháng 12", by month number.</summary>
    private static readonly string[] MonthLabels = [.. Enumerable.Range(0, 13).Select(m => $"Tháng {m}")];

    private sealed partial class Reading
    {
        private (ScheduleKind Kind, List<Milestone> Milestones, string? Reason) Dated()
        {
            var dated = DatedItems();
            if (dated.Count == 0)
            {
                return (ScheduleKind.Unknown, NewMilestones(), "Không thấy thời hạn: không có quý, tháng, ngày, năm hay \"thường xuyên\". Hãy ghi ví dụ \"Quý I/2025\", \"Tháng 12/2024\", \"Trước ngày 31/01/2025\" hoặc \"Trong năm 2025\".");
            }

            if (dated.Count == 1 && dated[0].Kind == ItemKind.Span)
            {
                return (ScheduleKind.Continuous, SpanMilestones(dated[0].Start, dated[0].Date), null);
            }

            if (dated.Count > 1 && dated.TrueForAll(i => i.Kind == ItemKind.Year && !i.YearImplicit))
            {
                // "Trong năm 2023, 2024": work over the years listed, a checkpoint at each year's end.
                var years = NewMilestones();
                foreach (var item in dated)
                {
                    years.Add(Milestone($"Năm {item.Year}", item.Date));
                }

                return (ScheduleKind.Continuous, years, null);
            }

            if (dated.Count == 1 && dated[0].Kind == ItemKind.Year)
            {
                var year = dated[0].Year;
                var checkpoints = NewMilestones();
                for (var q = 1; q <= 4; q++)
                {
                    checkpoints.Add(Milestone(QuarterNames[q - 1], MonthEnd(year, q * 3)));
                }

                return (ScheduleKind.Continuous, checkpoints, null);
            }

            if (dated.Count == 1)
            {
                return (ScheduleKind.Once, OneMilestone(Milestone(null, dated[0].Date)), null);
            }

            var milestones = NewMilestones();
            string? label = null;
            var labelFor = -1;
            foreach (var item in dated)
            {
                // Items of one phase ("Thực hiện trong Quý II, III/2025") share its label.
                var phaseLabel = LabelBefore(item.FirstToken);
                if (phaseLabel is not null || !SamePhase(labelFor, item.FirstToken))
                {
                    label = phaseLabel;
                    labelFor = item.FirstToken;
                }

                milestones.Add(Milestone(label, item.Date));
            }

            milestones.Sort((a, b) => a.Due.CompareTo(b.Due));

            // Phases due on one day are one chase: "Ban hành các quy định trong Quý II/2026. Đầu tư … trong Quý
            // II/2026" is once, at the quarter's end (the first phase's label stays when dates differ elsewhere).
            for (var i = milestones.Count - 1; i > 0; i--)
            {
                if (milestones[i].Due == milestones[i - 1].Due)
                {
                    milestones.RemoveAt(i);
                }
            }

            if (milestones.Count == 1 && dated.TrueForAll(i => i.Kind == ItemKind.Span))
            {
                // "- Mầm non, tiểu học: Từ ngày 24 đến ngày 30 tháng 5 năm 2025. - THCS …: Từ ngày 26 đến ngày 30 tháng 5 năm
                // 2025": spans of several phases that end on one day are one span, from the earliest start, still work over it.
                var start = dated[0].Start;
                foreach (var item in dated)
                {
                    start = item.Start < start ? item.Start : start;
                }

                return (ScheduleKind.Continuous, SpanMilestones(start, milestones[0].Due), null);
            }

            if (milestones.Count == 1)
            {
                return (ScheduleKind.Once, OneMilestone(Milestone(null, milestones[0].Due)), null);
            }

            return (ScheduleKind.Phased, milestones, null);
        }

        /// <summary>Whether the period from <paramref name="start"/> to <paramref name="end"/> shares a day with the span
        /// from <paramref name="from"/> to <paramref name="to"/>.</summary>
        private static bool Overlaps(LocalDate start, LocalDate end, LocalDate from, LocalDate to) => end >= from && start <= to;

        private bool SamePhase(int a, int b)
        {
            if (a < 0)
            {
                return false;
            }

            for (var j = a; j < b; j++)
            {
                if (IsSentenceBreak(j))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Bits 1 to 4: every quarter's report.</summary>
        private const int AllQuarters = 0b11110;

        /// <summary>"(bên giao đại lý chỉ thực hiện báo cáo Quý I, II và III)", "chỉ báo cáo quý I và quý III": "chỉ" (only)
        /// before a report of listed quarters limits a quarterly duty to those quarters (the others' are another report, the
        /// year's); "(trừ quý IV)", "trừ báo cáo quý IV", "ngoại trừ quý I": "trừ" (except, written with its accent: "trù",
        /// "trụ", "trú" are other words) leaves the listed ones out. Bit q for Quý q; <c>First</c> and <c>Last</c> are the
        /// tokens of the words, whose quarters are no dates of their own. Without such words, or with all four listed, every
        /// quarter ("chỉ báo cáo quý" alone lists none) and no tokens (-1).</summary>
        private (int Quarters, int First, int Last) ReportedQuarters()
        {
            for (var t = 0; t + 2 < tokens.Length; t++)
            {
                int j;
                if (Is(t, "chi"))
                {
                    // "chỉ báo cáo", "chỉ thực hiện báo cáo", "chỉ phải lập báo cáo": a verb or two between them at most.
                    j = t + 1;
                    while (j < t + 4 && !IsReportWord(j) && Is(j, TokenType.Word) && !Is(j, "quy"))
                    {
                        j++;
                    }

                    if (!IsReportWord(j))
                    {
                        continue;
                    }

                    j += 2;
                }
                else if (Is(t, "tru") && WrittenAs(t, "trừ"))
                {
                    j = t + 1 + (IsReportWord(t + 1) ? 2 : 0);
                }
                else
                {
                    continue;
                }

                if (!Is(j, "quy") || Quarter(j + 1) is var q && q == 0)
                {
                    continue;
                }

                var mask = 1 << q;
                var last = j + 1;
                for (var at = j + 2; at + 1 < tokens.Length && (Is(at, ',') || Is(at, "va"));)
                {
                    var next = at + 1 + (Is(at + 1, "quy") ? 1 : 0);
                    if (Quarter(next) is var listed && listed == 0)
                    {
                        break;
                    }

                    mask |= 1 << listed;
                    last = next;
                    at = next + 1;
                }

                return (Is(t, "tru") ? AllQuarters & ~mask : mask, t, last);
            }

            return (AllQuarters, -1, -1);
        }

        /// <summary>Drops the quarters named in the words that limit a quarterly duty (tokens <paramref name="first"/> to
        /// <paramref name="last"/>, "chỉ báo cáo quý I và quý III", "trừ quý IV"): they say which reports, not dates of their
        /// own. (Its own method: the lambda's captured locals are then allocated only for such a phrase.)</summary>
        private void DropListedQuarters(int first, int last) =>
            items.RemoveAll(i => i.Kind == ItemKind.Date && i.FirstToken > first && i.LastToken <= last);

        private (ScheduleKind Kind, List<Milestone> Milestones, string? Reason) Recurring()
        {
            // "(bên giao đại lý chỉ thực hiện báo cáo Quý I, II và III)", "(trừ quý IV)": the quarters whose reports the duty has.
            var (reportedQuarters, listFirst, listLast) = Mentions("chi") || Mentions("tru") ? ReportedQuarters() : (AllQuarters, -1, -1);
            if (listFirst >= 0)
            {
                DropListedQuarters(listFirst, listLast);
            }

            var periods = 0;
            var namedDays = 0;
            var namedPeriods = 0;
            var yearWords = 0;
            // The quarters whose last month holds one of the days counted in namedDays, or -1 once a day is in another month, a
            // quarter has two, or a day is a named report's.
            var quarterLastMonths = 0;
            var datedPeriods = DatedPeriods();

            // "Hằng tháng, ngày 10 của tháng tiếp theo", "định kỳ hàng tháng trước ngày 17 hàng tháng": the month words of a
            // duty with its own day of the month are that day's frequency, not month ends besides it; so is a second
            // "hằng năm" of a yearly duty with its own day ("định kỳ hàng năm trước ngày 17 tháng 12 hàng năm").
            var monthlyDay = items.Exists(i => i.Kind == ItemKind.DayOfMonth && i.Period == ReportingPeriod.Monthly);
            // Likewise "trước ngày 15 tháng cuối của quý đối với dự án … kéo dài qua các quý": the quarter words of a duty
            // with its own day of every quarter add no quarters' ends.
            var quarterlyDay = items.Exists(i => i.Kind == ItemKind.DayOfMonth && i.Period == ReportingPeriod.Quarterly);
            var yearlyDay = YearlyDated(datedPeriods);
            // "Định kỳ 06 tháng và hằng năm, báo cáo … Báo cáo 06 tháng gửi trước ngày 20 tháng 6 và báo cáo hằng năm gửi trước
            // ngày 20 tháng 12": a half-year (or nine months) whose report names its own day adds no period's end where the
            // same period is said again without one.
            var datedKinds = 0;
            for (var i = 0; i < items.Count && i < 31; i++)
            {
                datedKinds |= (datedPeriods & (1 << i)) != 0 && items[i].Kind == ItemKind.Period ? 1 << (int)items[i].Period : 0;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var dated = (datedPeriods & (1 << i)) != 0
                    || (item.Kind == ItemKind.Period && item.Period is ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths && (datedKinds & (1 << (int)item.Period)) != 0)
                    || (item.Period == ReportingPeriod.Monthly && monthlyDay) || (item.Period == ReportingPeriod.Yearly && yearlyDay)
                    || (item.Period == ReportingPeriod.Quarterly && quarterlyDay)
                    || (item.Period == ReportingPeriod.Yearly && HalfYearsDayFrequency(i, datedPeriods));
                periods |= item.Kind == ItemKind.Period && !dated ? 1 << (int)item.Period : 0;
                if (item.Kind == ItemKind.Date && item.Name is null && !(i > 0 && (datedPeriods & (1 << (i - 1))) != 0))
                {
                    namedDays++;
                    var quarter = 1 << ((item.Date.Month - 1) / 3);
                    quarterLastMonths = quarterLastMonths < 0 || (quarterLastMonths & quarter) != 0 || item.Date.Month % 3 != 0 || item.ReportOf is not null
                        ? -1
                        : quarterLastMonths | quarter;
                }

                namedPeriods += item.Kind == ItemKind.Date && item.Name is not null ? 1 : 0;
                yearWords += item.Kind == ItemKind.Period && item.Period == ReportingPeriod.Yearly && !recurringMarkers.Contains(item.FirstToken) ? 1 : 0;
            }

            // "Định kỳ trước ngày 25 tháng 6 và trước ngày 25 tháng 12 hằng năm, … báo cáo … trong 6 tháng và cả năm": two or
            // more days of the year given with the duty are its dates; "6 tháng" says what the reports cover, no half-year's end.
            if (namedDays >= 2)
            {
                periods &= ~(1 << (int)ReportingPeriod.HalfYearly);
            }

            // "Định kỳ hằng quý (trước ngày 20/3, 20/6, 20/9, 20/12)": four days of the year, one in each quarter, given with a
            // quarterly duty are the quarters' own days, not days of the year beside the quarters' ends.
            // (Days in a quarter's first month, "15/1, 15/4, 15/7, 15/10", may be the reports of the quarters before them; they
            // are left as they were read.)
            var quarterDays = (periods & (1 << (int)ReportingPeriod.Quarterly)) != 0 && namedDays == 4 && quarterLastMonths == 0b1111;
            if (quarterDays)
            {
                periods &= ~(1 << (int)ReportingPeriod.Quarterly);
            }

            // "Tháng 01 và tháng 7 hằng năm": the months named are the year's dates; "hằng năm" adds no year's end.
            // (A year named as a period of its own, "định kỳ quý I, 6 tháng, quý III và năm", still does.)
            var yearEnd = namedDays == 0 && (namedPeriods == 0 || yearWords > 0);

            var until = YearlyUntil(periods, namedDays);
            var whole = -1;
            for (var i = 0; i < items.Count && whole < 0; i++)
            {
                whole = items[i].Kind is ItemKind.Year or ItemKind.Span && items[i].FirstToken != until ? i : -1;
            }

            var year = placeholder != YearPlaceholder.None ? context.TrackedYear : whole >= 0 ? items[whole].Start.Year : 0;

            // "Từ tháng 3 đến tháng 12/2025, hằng tháng", "Hằng quý, từ quý II/2025": a duty every period inside a span
            // has a milestone for each period that overlaps the span, not for every period of the year.
            var bounded = whole >= 0 && items[whole].Kind == ItemKind.Span && placeholder == YearPlaceholder.None;
            var (from, to) = bounded ? (items[whole].Start, items[whole].Date) : default;
            if (year == 0)
            {
                var firstDated = items.FindIndex(i => i.Kind == ItemKind.Date && !i.YearImplicit);
                year = firstDated >= 0 ? items[firstDated].Year : context.TrackedYear;
            }

            // "Hằng tháng, từ tháng 10/2025 đến tháng 3/2026": a span that crosses into later years has the periods of each
            // of its years (five at most), each labelled with its year ("Tháng 1/2026"), since the months' names repeat.
            var spanLastYear = bounded && to.Year > year ? Math.Min(to.Year, year + 4) : year;
            string Named(string period, int y) => spanLastYear > year ? $"{period}/{y}" : period;

            // One milestone a date, the higher period's label where two meet, in date order (a dozen at most).
            var byDate = scratch.ByDate;
            byDate.Clear();
            void Add(LocalDate date, ReportingPeriod rank, string label)
            {
                var at = byDate.Count;
                while (at > 0 && byDate[at - 1].Date > date)
                {
                    at--;
                }

                if (at > 0 && byDate[at - 1].Date == date)
                {
                    if (byDate[at - 1].Rank < rank)
                    {
                        byDate[at - 1] = (date, rank, label);
                    }
                }
                else
                {
                    byDate.Insert(at, (date, rank, label));
                }
            }

            // A named day of the year ("Trước ngày 15/12 hằng năm") is the yearly period's day; one written right after a
            // period is that period's ("Báo cáo 6 tháng trước 15/6, báo cáo năm trước 15/12").
            // Named quarters and months inside a recurring phrase are periods too: "định kỳ (quý I, 6 tháng, quý III và năm)".
            for (var i = 0; i < items.Count; i++)
            {
                var dated = items[i];
                if (dated.Kind != ItemKind.Date)
                {
                    continue;
                }

                var date = dated.YearImplicit ? new LocalDate(year, dated.Date.Month, dated.Date.Day) : dated.Date;
                if (dated.ReportOf is { } reportOf)
                {
                    Add(dated.NextYear ? date.PlusYears(1) : ReportDue(date, reportOf, dated.Name), reportOf, dated.Name ?? PeriodLabel(reportOf));
                }
                else if ((datedPeriods & (1 << i)) != 0)
                {
                    continue; // a quarter named as a report period: the day after it is its date
                }
                else if (i > 0 && (datedPeriods & (1 << (i - 1))) != 0)
                {
                    var named = items[i - 1];
                    var period = named.Kind == ItemKind.Date ? ReportingPeriod.Quarterly : named.Period;
                    Add(date, period, named.Kind == ItemKind.Date ? named.Name! : PeriodLabel(period));
                }
                else if (dated.Name is null && quarterDays)
                {
                    Add(date, ReportingPeriod.Quarterly, QuarterNames[(date.Month - 1) / 3]);
                }
                else if (dated.Name is null && IsHalfYearsDay(i))
                {
                    Add(date, ReportingPeriod.HalfYearly, PeriodLabel(ReportingPeriod.HalfYearly));
                }
                else if (dated.Name is null)
                {
                    Add(date, ReportingPeriod.Yearly, "Năm");
                }
                else if (dated.YearImplicit && dated.Name is "6 tháng đầu năm" or "6 tháng cuối năm" && ReportOrDataBefore(dated.FirstToken) && (namedDays >= 2 || HalfsReportDayAfter(i)))
                {
                    // "Trước ngày 05 tháng 7 và ngày 05 tháng 01 của năm sau, … báo cáo 6 tháng đầu năm và hằng năm": beside two
                    // or more days of the year, the half a report names is what it covers, as "6 tháng" is, no half's end; so
                    // beside one, the report's own day said after it ("Báo cáo 6 tháng đầu năm được gửi muộn nhất trong ngày 17
                    // tháng 6 hằng năm", "Báo cáo giám sát an toàn vi mô 6 tháng đầu năm phải hoàn thành trước ngày 31 tháng 8");
                    // so is the half of the data a day is for ("trước ngày 10 tháng 7 đối với số liệu 06 tháng đầu năm").
                    continue;
                }
                else
                {
                    Add(date, dated.Name.StartsWith("Quý", StringComparison.Ordinal) ? ReportingPeriod.Quarterly : ReportingPeriod.Monthly, dated.Name);
                }
            }

            // "ngày 22 hàng tháng", "ngày 10 của tháng tiếp theo": a given day of every month.
            foreach (var day in items)
            {
                if (day.Kind != ItemKind.DayOfMonth)
                {
                    continue;
                }

                for (var y = year; y <= spanLastYear; y++)
                {
                    if (day.Period == ReportingPeriod.Quarterly)
                    {
                        // "ngày 15 tháng cuối quý": the day of the quarter's last (or first) month; "… tháng đầu tiên của quý
                        // sau": of the next quarter's first month (Quý IV's in January of the next year); "… tháng thứ 2 quý kế
                        // tiếp sau quý báo cáo": of its second (third) month.
                        for (var q = 1; q <= 4; q++)
                        {
                            if (items.Exists(i => i.ReportOf == ReportingPeriod.Quarterly && i.Name == QuarterNames[q - 1]))
                            {
                                continue; // "Riêng đối với báo cáo quý 2, … ngày 20 tháng 9": that quarter's own date
                            }

                            if ((reportedQuarters & (1 << q)) == 0)
                            {
                                continue; // "chỉ thực hiện báo cáo Quý I, II và III": Quý IV's is the year's report
                            }

                            if (bounded && !Overlaps(new LocalDate(y, (q * 3) - 2, 1), MonthEnd(y, q * 3), from, to))
                            {
                                continue;
                            }

                            var month = new LocalDate(y, q * 3, 1).PlusMonths(day.Name switch { null or WorkingDay => -2, "sau" => 1, "sau2" => 2, "sau3" => 3, _ => 0 });
                            Add(DayOf(month, day), ReportingPeriod.Quarterly, Named(QuarterNames[q - 1], y));
                        }

                        continue;
                    }

                    for (var m = 1; m <= 12; m++)
                    {
                        if (bounded && !Overlaps(new LocalDate(y, m, 1), MonthEnd(y, m), from, to))
                        {
                            continue;
                        }

                        var month = new LocalDate(y, m, 1).PlusMonths(day.Name is null or WorkingDay ? 0 : 1);
                        Add(DayOf(month, day), ReportingPeriod.Monthly, Named(MonthLabels[m], y));
                    }
                }
            }

            foreach (var period in Periods)
            {
                if ((periods & (1 << (int)period)) == 0)
                {
                    continue;
                }

                switch (period)
                {
                    case ReportingPeriod.Monthly:
                        for (var y = year; y <= spanLastYear; y++)
                        {
                            for (var m = 1; m <= 12; m++)
                            {
                                if (!bounded || Overlaps(new LocalDate(y, m, 1), MonthEnd(y, m), from, to))
                                {
                                    Add(MonthEnd(y, m), period, Named(MonthLabels[m], y));
                                }
                            }
                        }

                        break;
                    case ReportingPeriod.Quarterly:
                        for (var y = year; y <= spanLastYear; y++)
                        {
                            for (var q = 1; q <= 4; q++)
                            {
                                if ((reportedQuarters & (1 << q)) != 0 && (!bounded || Overlaps(new LocalDate(y, (q * 3) - 2, 1), MonthEnd(y, q * 3), from, to)))
                                {
                                    Add(MonthEnd(y, q * 3), period, Named(QuarterNames[q - 1], y));
                                }
                            }
                        }

                        break;
                    case ReportingPeriod.HalfYearly:
                        Add(new LocalDate(year, 6, 30), period, "6 tháng");
                        if (!YearlyDated(datedPeriods))
                        {
                            Add(new LocalDate(year, 12, 31), ReportingPeriod.Yearly, "Năm");
                        }

                        break;
                    case ReportingPeriod.NineMonths:
                        Add(new LocalDate(year, 9, 30), period, "9 tháng");
                        break;
                    case ReportingPeriod.Yearly when yearEnd:
                        // "Năm 2026 và hằng năm đến 2030": each year's end up to the year named after "đến".
                        var lastYear = year;
                        foreach (var item in items)
                        {
                            lastYear = item.FirstToken == until ? Math.Max(year, item.Year) : lastYear;
                        }

                        for (var y = year; y <= lastYear; y++)
                        {
                            Add(new LocalDate(y, 12, 31), period, y == year && lastYear == year ? "Năm" : $"Năm {y}");
                        }

                        break;
                }
            }

            if (byDate.Count == 0)
            {
                return (ScheduleKind.Unknown, NewMilestones(), "\"Định kỳ\" nhưng không nói kỳ nào: hãy ghi ví dụ \"Định kỳ hằng quý\", \"6 tháng\", \"hằng năm\", hoặc điền cột \"Kỳ báo cáo\".");
            }

            var milestones = NewMilestones();
            foreach (var (date, _, label) in byDate)
            {
                milestones.Add(Milestone(label, date));
            }

            return (ScheduleKind.Recurring, milestones, null);
        }

        /// <summary>The periods (as bits by item index) whose own day is written right after them: "6 tháng trước 15/6",
        /// "năm trước ngày 15/12" — a half-year, nine-month or yearly period followed, with only words like "trước
        /// ngày" between, by a day of no period of its own.</summary>
        private int DatedPeriods()
        {
            var dated = 0;
            for (var i = 0; i + 1 < items.Count && i < 31; i++)
            {
                var (period, day) = (items[i], items[i + 1]);
                var after = Is(period.LastToken + 1, "thang") ? period.LastToken + 2 : period.LastToken + 1; // "6 tháng": the item is the number
                // "Báo cáo quý I trước 15/3", "Quý I: trước 15/3; 6 tháng: trước 15/6": a quarter named without its year, in a
                // recurring cell, is a report period too, dated by the day after it. After a period's colon a month is its
                // date as a day is ("Sơ kết 6 tháng: tháng 7/2026; tổng kết năm: tháng 12/2026").
                var quarter = period is { Kind: ItemKind.Date, YearImplicit: true, ReportOf: null } && period.Name is { } name && name.StartsWith("Quý", StringComparison.Ordinal);
                if ((quarter || (period.Kind == ItemKind.Period && period.Period is ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths or ReportingPeriod.Yearly))
                    && day is { Kind: ItemKind.Date, ReportOf: null } && (day.Name is null || (!quarter && Is(after, ':') && day.FirstToken > after && MonthLabels.AsSpan().Contains(day.Name)))
                    && (OnlyFillerWords(after, day.FirstToken) || ReportDayAfterPeriod(period, day)))
                {
                    dated |= 1 << i;
                }
            }

            return dated;
        }

        /// <summary>Whether the named day at <paramref name="i"/> is the half year's in a list of reports ("báo cáo quý, sáu
        /// tháng, năm … ngày 25 tháng 6 và ngày 25 tháng 12 hằng năm"): a day of June or July, before another named day of
        /// December, in a cell that names the half-year period. Only its label and rank change, not its date.</summary>
        private bool IsHalfYearsDay(int i)
        {
            var day = items[i];
            if (day.Date.Month is not (6 or 7) || !items.Exists(p => p.Kind == ItemKind.Period && p.Period == ReportingPeriod.HalfYearly))
            {
                return false;
            }

            return items.Exists(o => o.Kind == ItemKind.Date && o.Name is null && o.ReportOf is null && o.Date.Month == 12 && o.FirstToken > day.LastToken);
        }

        /// <summary>Whether the half-year at <paramref name="first"/> is what a report covers or what data, results or a
        /// situation are of: a report word, "số liệu", "kết quả" or "tình hình" before it in its clause, at most a dozen words
        /// back ("Báo cáo 6 tháng …", "Báo cáo giám sát an toàn vi mô 6 tháng đầu năm", "đối với số liệu 06 tháng đầu năm",
        /// "và kết quả kê khai hoạt động chăn nuôi 06 tháng cuối năm").</summary>
        private bool ReportOrDataBefore(int first)
        {
            for (var j = first - 2; j >= 0 && j >= first - 14 && !Is(j, ',') && !Is(j, ';') && !IsSentenceBreak(j); j--)
            {
                if (IsReportWord(j) || Is(j, "so", "lieu") || Is(j, "ket", "qua") || Is(j, "tinh", "hinh"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a day of the year of its own (no period's name, no report's) follows the half year at
        /// <paramref name="i"/> in its sentence, within a quarter before that half's end to three months after it: "Báo cáo 6
        /// tháng đầu năm được gửi muộn nhất trong ngày 17 tháng 6 hằng năm" — the half's report's own day.</summary>
        private bool HalfsReportDayAfter(int i)
        {
            var firstHalf = items[i].Date.Month == 6;
            for (var d = i + 1; d < items.Count; d++)
            {
                var day = items[d];
                if (day.Kind == ItemKind.Date && day.Name is null && day.ReportOf is null && SamePhase(items[i].LastToken, day.FirstToken))
                {
                    return firstHalf ? day.Date.Month is >= 4 and <= 9 : day.Date.Month is >= 10 or <= 3;
                }
            }

            return false;
        }

        private static string PeriodLabel(ReportingPeriod period) =>
            period switch { ReportingPeriod.HalfYearly => "6 tháng", ReportingPeriod.NineMonths => "9 tháng", _ => "Năm" };

        /// <summary>The year of a date bound to a report ("trước ngày 15 tháng 01 … đối với báo cáo năm", "Riêng đối với
        /// báo cáo quý IV, … ngày 15 tháng 3"). A report is sent after its period ends, within a short window: the date moves
        /// into the next year only when it falls there within three months after the period's end — 15/01 and 31/03 for the
        /// year's report or Quý IV's (the report on the year just ended); a half-year's or an earlier quarter's never moves.
        /// Any later date stays in the plan's year ("trước ngày 30 tháng 6 đối với báo cáo năm" is 30/06 of that year: the
        /// report on the year before, due inside the plan); when it is more than three months before the period's end,
        /// the other reading (the same date a year later) is listed for a coordinator to confirm. "năm sau" written after
        /// the date says the next year outright (<see cref="QuarterExcepted"/>, "… ngày 31 tháng 3 năm sau").</summary>
        private LocalDate ReportDue(LocalDate date, ReportingPeriod period, string? quarter)
        {
            var endMonth = period switch
            {
                ReportingPeriod.Quarterly => 3 * (Array.IndexOf(QuarterNames, quarter) + 1),
                ReportingPeriod.HalfYearly => 6,
                ReportingPeriod.NineMonths => 9,
                _ => 12,
            };
            var end = MonthEnd(date.Year, Math.Max(endMonth, 3));
            if (date.PlusYears(1) <= end.PlusMonths(3))
            {
                return date.PlusYears(1);
            }

            if (date < end.PlusMonths(-3))
            {
                var label = quarter is null ? PeriodLabel(period).ToLowerInvariant() : "quý " + quarter[4..];
                ambiguities.Add($"hạn báo cáo {label} {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đọc trong năm kế hoạch, trước khi kỳ báo cáo kết thúc (có thể hiểu là {date.PlusYears(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})");
            }

            return date;
        }

        private bool YearlyDated(int datedPeriods)
        {
            for (var i = 0; i < items.Count && i < 31; i++)
            {
                if ((datedPeriods & (1 << i)) != 0 && items[i].Period == ReportingPeriod.Yearly)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the yearly period at <paramref name="i"/> is "hằng năm" said right after the own day of a half-year's
        /// (nine months') report: "Báo cáo sơ kết 6 tháng: … Thời gian gửi báo cáo trước ngày 15 tháng 7 hàng năm" — that day's
        /// frequency, every year, no year's end beside it.</summary>
        private bool HalfYearsDayFrequency(int i, int datedPeriods) =>
            i >= 2 && i < 32 && (datedPeriods & (1 << (i - 2))) != 0 && items[i - 2].Kind == ItemKind.Period
            && items[i - 2].Period is ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths
            && items[i - 1].Kind == ItemKind.Date && items[i].FirstToken == items[i - 1].LastToken + 1;

        /// <summary>Whether <paramref name="day"/>, the next item after a half-year's (nine months') report, is in the month
        /// right after that period ends, with words or a data period between: "- Báo cáo sơ kết 6 tháng: Được tính từ … .
        /// Thời gian gửi báo cáo trước ngày 15 tháng 7 hàng năm", "c) Báo cáo sáu tháng (số liệu được tính từ …): báo cáo
        /// trước ngày 15 tháng 7 của năm báo cáo": the report's own day, no half-year's end beside it. The period must be
        /// said as a report ("báo cáo (sơ kết) 6 tháng"); a July day after "Định kỳ 6 tháng" alone stays as it was read.</summary>
        private bool ReportDayAfterPeriod(Item period, Item day)
        {
            if (period.Kind != ItemKind.Period || period.Period is not (ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths)
                || day.Name is not null || day.Date.Month != (period.Period == ReportingPeriod.HalfYearly ? 7 : 10))
            {
                return false;
            }

            var t = period.FirstToken - 1;
            t -= Is(t - 1, "so", "ket") ? 2 : 0; // "Báo cáo sơ kết 6 tháng"
            return Is(t - 1, "bao", "cao");
        }

        /// <summary>Only filler words ("trước", "ngày", "chậm nhất", and the sending of the report: "gửi", "nộp") from
        /// <paramref name="from"/> to before <paramref name="to"/>, at least one, perhaps after an opening bracket.</summary>
        private bool OnlyFillerWords(int from, int to)
        {
            for (var j = from; j < to; j++)
            {
                if ((Is(j, '(') || Is(j, ':')) && j == from)
                {
                    continue; // "06 tháng (trước ngày 15 tháng 6), hằng năm (trước ngày 15 tháng 12)", "9 tháng: trước 15/9"
                }

                if (!tokens[j].IsWord || !(IsFiller(j) || Is(j, "gui") || Is(j, "nop")))
                {
                    return false;
                }
            }

            return to > from;
        }

        /// <summary>The first token of the year that ends a yearly duty ("hằng năm đến 2030", "hằng năm đến năm 2030"),
        /// when the year is the only period and no day is named; otherwise -1.</summary>
        private int YearlyUntil(int periods, int namedDays)
        {
            if (periods != 1 << (int)ReportingPeriod.Yearly || namedDays > 0)
            {
                return -1;
            }

            foreach (var item in items)
            {
                var at = Is(item.FirstToken - 1, "nam") ? item.FirstToken - 2 : item.FirstToken - 1;
                if (item.Kind == ItemKind.Year && !item.YearImplicit && (Is(at, "den") || Is(at, "toi")))
                {
                    return item.FirstToken;
                }
            }

            return -1;
        }

        private void NoteDatesBeforeIssue(List<Milestone> milestones)
        {
            if (context.IssuedOn is { } issued && milestones.Count > 0 && milestones[0].Due < issued)
            {
                notes.Add($"hạn {milestones[0].Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} trước ngày ban hành {issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            }
        }

        /// <summary>A milestone whose effective date is the due date moved to the next working day (Bộ luật Dân sự 2015, Điều
        /// 148); a due date said before Tết ("Trước Tết Nguyên đán 2026", "20 ngày trước Tết") moves back instead, to the last
        /// working day before it: the next one would fall after the holiday the words say to finish before.</summary>
        /// <summary>This thread's list of milestones, cleared: the milestones of a reading are gathered there and copied into
        /// the schedule's own array (<see cref="Finish"/>), so a reading allocates no list.</summary>
        private List<Milestone> NewMilestones()
        {
            var milestones = scratch.Milestones;
            milestones.Clear();
            return milestones;
        }

        /// <summary>This thread's list of milestones holding <paramref name="milestone"/> alone (made before the list is
        /// cleared, so it may be read from the list).</summary>
        private List<Milestone> OneMilestone(Milestone milestone)
        {
            var milestones = NewMilestones();
            milestones.Add(milestone);
            return milestones;
        }

        /// <summary>The day of a day-of-month item in the month opening on <paramref name="month"/>: its number, at most the
        /// month's last; counted in working days ("05 ngày làm việc đầu tiên của tháng"), that working day of the month.</summary>
        private LocalDate DayOf(LocalDate month, Item day) =>
            day.Name is WorkingDay or WorkingDayOfLast
                ? context.Calendar.AddWorkingDays(month.PlusDays(-1), day.Year)
                : month.PlusDays(Math.Min(day.Year, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)) - 1);

        private Milestone Milestone(string? label, LocalDate due) =>
            new(label, due, due == beforeHoliday ? context.Calendar.PreviousWorkingDayOnOrBefore(due) : context.Calendar.NextWorkingDayOnOrAfter(due));

        /// <summary>Recurring unless the only period is the year's and it describes work that goes on ("Thường xuyên,
        /// hằng năm": every year, all year — a coordinator chases it as continuous; "Từ tháng 3 đến tháng 11 hằng
        /// năm": the span, each year).</summary>
        private bool IsRecurring()
        {
            bool yearly = false, otherPeriod = false, halfOrNine = false, dated = false, dayOfMonth = false, span = false, ongoingYear = false;
            foreach (var item in items)
            {
                switch (item.Kind)
                {
                    case ItemKind.Period:
                        yearly |= item.Period == ReportingPeriod.Yearly;
                        otherPeriod |= item.Period != ReportingPeriod.Yearly;
                        halfOrNine |= item.Period is ReportingPeriod.HalfYearly or ReportingPeriod.NineMonths;
                        break;
                    case ItemKind.Date:
                        dated = true;
                        break;
                    case ItemKind.DayOfMonth:
                        dated = dayOfMonth = true;
                        break;
                    case ItemKind.Span:
                        span = true;
                        break;
                    case ItemKind.Year:
                        ongoingYear |= item.YearImplicit;
                        break;
                }
            }

            // A year relative to the plan's ("trước ngày 01 tháng 5 năm sau") is one date, unless it is a report's.
            var reportYear = placeholder == YearPlaceholder.Report || (placeholder == YearPlaceholder.Relative && MentionsReport());
            var recurring = recurringMarkers.Count > 0 || frequencyGiven || reportYear || halfOrNine || dayOfMonth;
            if (!recurring || frequencyGiven || reportYear || otherPeriod || dated)
            {
                return recurring;
            }

            if (span)
            {
                return false;
            }

            if (ongoingYear && yearly)
            {
                ambiguities.Add("đọc là việc làm quanh năm, mốc cuối mỗi quý (có thể hiểu là báo cáo một lần mỗi năm)");
                return false;
            }

            return recurring;
        }

        /// <summary>The items that carry dates, a year named twice ("Thường xuyên, liên tục") counted once.</summary>
        private List<Item> DatedItems()
        {
            var dated = scratch.Dated;
            dated.Clear();
            foreach (var item in items)
            {
                if (item.Kind is ItemKind.Date or ItemKind.Span || (item.Kind == ItemKind.Year && !HasYear(dated, item.Year)))
                {
                    dated.Add(item);
                }
            }

            return dated;

            static bool HasYear(List<Item> dated, int year)
            {
                foreach (var d in dated)
                {
                    if (d.Kind == ItemKind.Year && d.Year == year)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
