using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Spans and the words around them: years written bare or as a span ("2026", "Năm 2025 - 2030",
/// "Giai đoạn 2026-2027", "Trong năm 2023, 2024"), spans opened by "từ" ("Từ tháng 3 đến tháng 11",
/// "Từ 01/7/2025", "Từ nay đến hết năm 2025", "Từ ngày 16 đến 31/12/2025"), ranges of months ("Tháng 11 -
/// 12/2025") and their checkpoints,
/// and "Trước năm 2030", "Trước 2030".
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>Patterns that start at a word and are not dates of the base language. <see cref="TryItem"/> asks them only
        /// at a word of letter t, g, k, r, d, n or c, the letters they start with.</summary>
        private int TryExtendedItem(int k)
        {
            // Of the d, n and c words, only these start a pattern here: a look at the word instead of a dozen comparisons.
            var first = text.Folded[tokens[k].Start];
            if ((first == 'd' && !Is(k, "dau") && !Is(k, "doi", "voi") && !Is(k, "dua", "ra") && !Is(k, "dot", "xuat"))
                || (first == 'n' && !Is(k, "ngay", "cuoi") && !Is(k, "nhu", "sau") && !Is(k, "ngay", "lam"))
                || (first == 'c' && (k > 4 || !Is(k, "cho"))))
            {
                return k;
            }

            // Each pattern below but the deferrals asks its first word, so it is tried only at a word of its letter: "ngày làm
            // việc" (n); "ngày cuối", "riêng", "đối với" (n, r, d); "từ nay", "từ ngày" (t); "đầu", "giữa", "thượng", "trung",
            // "tuần" (d, g, t); "tết", "rằm" (t, r). None of them changes anything where it does not match.
            if (first == 'n' && NextWorkingDayFromAnEvent(k) is var nextDay && nextDay > k)
            {
                return nextDay;
            }

            if (first is 'n' or 'r' or 'd' && TryReportClause(k) is var clause && clause > k)
            {
                return clause;
            }

            if (first == 't' && ((Is(k, "tu", "nay") && !Is(k - 1, "thong") && !Is(k - 1, "dau") && !GluedThong(k - 1) && !WrittenAs(k + 1, "này")) || FromIssueDate(k) > k))
            {
                // ("Thông tư này", "đầu tư này": "tư", not "từ", so after "phụ lục IThông", a numeral glued to "Thông"; "các
                // chứng từ này", "Cụm từ này": "này", this, not "nay", now.)
                // The rest of the plan's year: from its issue date (or the year's first day).
                var now = context.IssuedOn is { } issued && issued.Year == context.TrackedYear ? issued : new LocalDate(context.TrackedYear, 1, 1);
                var last = Is(k, "tu", "nay") ? k + 1 : FromIssueDate(k) - 1;
                items.Add(new Item(ItemKind.Now, now, now.Year, default, null, true, k, last));
                return last + 1;
            }

            if (TryDeferral(k) is var deferral && deferral >= 0)
            {
                return deferral;
            }

            if (first is 'd' or 'g' or 't' && TryPartOfMonth(k) is var part && part > k)
            {
                return part;
            }

            return first is 't' or 'r' ? TryLunarItem(k) : k;
        }

        /// <summary>"… nhưng chậm nhất không quá ngày làm việc tiếp theo kể từ ngày hàng hóa được thông quan": the working day
        /// after something that happens, which the cell does not date: the task waits for it. Returns the token after "kể
        /// từ (ngày | thời điểm | khi)", or <paramref name="k"/> (a written day after them is left to be read as a date).</summary>
        /// <remarks>So is the working day after it said with "(ngay) sau ngày …" ("trước 16 giờ ngày làm việc tiếp theo ngay sau
        /// ngày phát sinh giao dịch"), and "ngày làm việc tiếp theo" closing its sentence, after nothing the cell dates ("Trong
        /// trường hợp văn bản được gửi về sau 16 giờ thì … hoàn thành trước 10 giờ sáng ngày làm việc tiếp theo."; an event only
        /// without a date); and the very day something is received, "ngay trong ngày làm việc nhận được văn bản", see
        /// <see cref="SameDayAsAnEvent"/>.</remarks>
        private int NextWorkingDayFromAnEvent(int k)
        {
            if (SameDayAsAnEvent(k) is var same && same > k)
            {
                return same;
            }

            if (!Is(k, "ngay", "lam") || !Is(k + 2, "viec", "tiep") || !Is(k + 4, "theo"))
            {
                return k;
            }

            var after = Is(k + 5, "ngay", "sau") ? k + 6 : k + 5;
            if (Is(after, "sau", "ngay") && Is(after + 2, TokenType.Word) && !Is(after + 2, "nay") && !Is(after + 2, "ban", "hanh"))
            {
                SetEventMarker(k, EventWhen.Always);
                return after + 2;
            }

            if (k + 5 >= tokens.Length || IsSentenceBreak(k + 5))
            {
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 5;
            }

            if (!(Is(k + 5, "ke", "tu") || Is(k + 5, "tinh", "tu")))
            {
                return k;
            }

            var from = k + 7;
            var words = Is(from, "thoi", "diem") ? from + 2 : Is(from, "ngay") || Is(from, "khi") ? from + 1 : -1;
            if (words < 0 || !Is(words, TokenType.Word))
            {
                return k;
            }

            SetEventMarker(k, EventWhen.Always);
            return words;
        }

        /// <summary>"(ngay) trong ngày (làm việc) nhận (được) …", "trong ngày tiếp nhận …", "trong ngày phát sinh …" at the
        /// "ngày" <paramref name="k"/>: the very day something is received or happens, which the cell does not date: the task
        /// waits for it. Returns the token after "ngày (làm việc)", or <paramref name="k"/>.</summary>
        private int SameDayAsAnEvent(int k)
        {
            if (!Is(k - 1, "trong") || !Is(k, "ngay"))
            {
                return k;
            }

            var words = Is(k + 1, "lam", "viec") ? k + 3 : k + 1;
            if (!(Is(words, "nhan") || Is(words, "tiep", "nhan") || Is(words, "phat", "sinh")))
            {
                return k;
            }

            SetEventMarker(k, EventWhen.Always);
            return words;
        }

        /// <summary>"Từ ngày ban hành Kế hoạch trở đi": from the plan's issue date, as "từ nay" (a count "kể từ ngày ban hành"
        /// is read with its number); the token after the words, or k when they are not there. So is the day the cell's own act
        /// is signed or issued, named by its kind right before "đến" closes the span ("thời gian chưa thực hiện cưỡng chế từ
        /// ngày ban hành Nghị định đến ngày 31 tháng 12 năm 2021", "Từ ngày ký ban hành đến …"): "ban hành" there opens the
        /// span, no completion word; an act named with its number or issuer ("Nghị định số …") is another's. So is "từ ngày ra
        /// thông báo đến …", the day the notice is put out.</summary>
        private int FromIssueDate(int k)
        {
            if (Is(k, "tu", "ngay") && Is(k + 2, "ra") && NamesDocument(k + 3, k + 4) && Is(k + 5, "den") && !Is(k - 1, "ke"))
            {
                // "Thời gian thu nhận hồ sơ: Từ ngày ra thông báo đến hết ngày 30/3/2026": the day the cell's own notice is
                // issued ("ra", put out), as "từ ngày ban hành".
                return k + 5;
            }

            var signed = Is(k + 2, "ky") && WrittenAs(k + 2, "ký") ? 1 : 0;
            if (!Is(k, "tu", "ngay") || !Is(k + 2 + signed, "ban", "hanh") || Is(k - 1, "ke"))
            {
                return k;
            }

            var j = k + 4 + signed;
            if (Is(j, "ke", "hoach"))
            {
                j += Is(j + 2, "nay") ? 3 : 2;
            }
            else if (NamesDocument(j, j + 1) && (Is(j + 2, "den") || (Is(j + 2, "nay") && Is(j + 3, "den"))))
            {
                j += Is(j + 2, "nay") ? 3 : 2;
            }
            else if (signed == 1 && !Is(j, "den") && !Is(j, "tro", "di"))
            {
                return k;
            }

            return Is(j, "tro", "di") ? j + 2 : j;
        }

        /// <summary>"2026", "2025 - 2030": a year written without "năm", not part of a document number ("151/2025/NĐ-CP");
        /// "Trước 2030" reads as "Trước năm 2030".</summary>
        private int BareYear(int k)
        {
            if (Is(k - 1, "truoc"))
            {
                return BeforeYear(k, k);
            }

            AddYear(tokens[k].Value, k, k);
            return k + 1;
        }

        /// <summary>"Trước năm 2030": by the last day of the year before, which a reader could also take as the end
        /// of 2030 — said in the note and listed by <c>plan check</c>.</summary>
        private int BeforeYear(int yearWord, int yearToken)
        {
            var year = tokens[yearToken].Value;
            var due = new LocalDate(year - 1, 12, 31);
            items.Add(new Item(ItemKind.Date, due, due.Year, default, null, false, yearWord, yearToken) { Start = new LocalDate(due.Year, 1, 1) });
            ambiguities.Add($"\"{Original(yearWord - 1, yearToken)}\" đọc là hạn 31/12/{year - 1} (có thể hiểu là hết năm {year})");
            return yearToken + 1;
        }

        /// <summary>"Từ ngày 16 đến 31/12/2025", "Từ ngày 24 đến ngày 30 tháng 5 năm 2025": a span's first day written alone
        /// takes the month and year of its last day; the end is scanned next and <see cref="MergeSpans"/> joins the two.
        /// Without "từ", a day joined by "-" to a later day of the same month written with "/" ("Ngày 02-03/03/2026: Phân
        /// phối phiếu bầu …") is the same span, as "28/6-5/7/2026" is (listed there): "02-03" is no day and month before
        /// "/03/2026".</summary>
        private int SpanStartDay(int k)
        {
            var day = tokens[k].Value;
            var opened = Is(k - 1, "tu") || Is(k - 1, "ngay", "tu") || (Is(k - 1, "ngay") && Is(k - 2, "tu"));
            var dashed = Is(k + 1, '-') && Is(k + 2, TokenType.Number) && tokens[k + 2].Length <= 2 && tokens[k + 2].Value > day && Is(k + 3, '/');
            if (tokens[k].Length > 2 || day is < 1 or > 31 || !(dashed || opened))
            {
                return k;
            }

            var j = k + 1;
            if (!(Is(j, "den") || Is(j, '-')))
            {
                return k;
            }

            j++;
            while (Is(j, "het") || Is(j, "ngay"))
            {
                j++;
            }

            // The last day written with "/", "-" or "." ("31/12/2025", "25-10-2025", "24.1.2026") or in words ("Từ ngày 24 đến
            // ngày 30 tháng 5 năm 2025", "… tháng 5/2025"); after "từ", also without its year ("từ ngày 4 đến 5/3", "từ ngày 7 đến 25-10", "từ
            // ngày 2-4/12", "từ ngày 17 đến 19 tháng 4"): both days are then of the tracked year (a last day with "năm sau" or a
            // two-digit year is left as it was).
            var written = Is(j + 1, "thang") || Is(j + 1, '/') || Is(j + 1, '-') || Is(j + 1, '.');
            if (!(Is(j, TokenType.Number) && tokens[j].Length <= 2 && written && Is(j + 2, TokenType.Number) && tokens[j + 2].Length <= 2))
            {
                return k;
            }

            var withYear = (Is(j + 1, "thang") ? Is(j + 3, "nam") || Is(j + 3, '/') : Is(j + 3, (char)tokens[j + 1].Value)) && IsYearNumber(j + 4);
            var yearless = opened && !Is(j + 1, '.') && !Is(j + 3, "nam") && !((Is(j + 3, '/') || Is(j + 3, '-') || Is(j + 3, '.')) && Is(j + 4, TokenType.Number))
                && !SaysAFrequency();
            if (!(withYear || (yearless && tokens[j].Value > day)))
            {
                return k;
            }

            var (month, year) = (tokens[j + 2].Value, withYear ? tokens[j + 4].Value : context.TrackedYear);
            if (month is < 1 or > 12 || day > CalendarSystem.Iso.GetDaysInMonth(year, month) || tokens[j].Value is < 1 or > 31)
            {
                return k;
            }

            // Without "từ", the first day counts as written without its year, so that MergeSpans reads a range of days.
            AddDate(new LocalDate(year, month, day), null, !opened || !withYear, k, k);
            return k + 1;
        }

        /// <summary>"diễn ra trong 3 ngày (4, 5 và 6/3)", "trong 2 ngày 26 và 27/12/2025": as many days of one month as the count
        /// before them says, each the day after the one before, listed with "," and "và" up to the last written with its month,
        /// are a span of days from the first. The first is added, marked <see cref="Item.Listed"/>, covering the list up to the
        /// last day, which is scanned next as any day and closes the span in <see cref="MergeSpans"/>; the first takes the
        /// last day's year (the tracked year when it has none). So are such days listed after "từ ngày", the count said before
        /// it: "… tại Phòng LĐ,TB&amp;XH huyện 3 ngày, từ ngày 15, 16, 17/4/2020".</summary>
        private int ListedDaysStart(int k)
        {
            var open = Is(k - 1, '(') ? 1 : 0;
            var counted = Is(k - 1 - open, "ngay") && Is(k - 2 - open, TokenType.Number) && Is(k - 3 - open, "trong") ? k - 2 - open : -1;
            if (counted < 0 && Is(k - 2, "tu", "ngay"))
            {
                // "3 ngày, từ ngày 15, 16, 17/4/2020": the count of days right before "từ ngày" (its comma or not).
                var c = Is(k - 3, ',') ? k - 3 : k - 2;
                counted = Is(c - 1, "ngay") && Is(c - 2, TokenType.Number) ? c - 2 : -1;
            }

            if (counted < 0 || tokens[k].Length > 2)
            {
                return k;
            }

            var (count, day, t) = (tokens[counted].Value, tokens[k].Value, k);
            while ((Is(t + 1, ',') || Is(t + 1, "va")) && Is(t + 2, TokenType.Number) && tokens[t + 2].Length <= 2 && tokens[t + 2].Value == tokens[t].Value + 1)
            {
                t += 2;
            }

            if (t == k || tokens[t].Value - day + 1 != count || !Is(t + 1, '/') || !Is(t + 2, TokenType.Number) || tokens[t + 2].Length > 2)
            {
                return k;
            }

            var withYear = Is(t + 3, '/') && IsYearNumber(t + 4);
            var (month, year) = (tokens[t + 2].Value, withYear ? tokens[t + 4].Value : context.TrackedYear);
            if (month is < 1 or > 12 || tokens[t].Value > CalendarSystem.Iso.GetDaysInMonth(year, month) || day < 1)
            {
                return k;
            }

            items.Add(new Item(ItemKind.Date, new LocalDate(year, month, day), year, default, null, !withYear, k, t - 1) { Listed = true });
            return t;
        }

        /// <summary>Whether the phrase says a frequency ("hằng năm", "hàng tháng", "mỗi quý", "định kỳ"): a span of days
        /// without its year is then a window of every period, read by the periodic rules as before.</summary>
        private bool SaysAFrequency()
        {
            if (!Mentions("hang") && !Mentions("moi") && !Mentions("dinh"))
            {
                return false;
            }

            for (var t = 0; t + 1 < tokens.Length; t++)
            {
                if (((Is(t, "hang") || Is(t, "moi")) && (Is(t + 1, "nam") || Is(t + 1, "thang") || Is(t + 1, "quy") || Is(t + 1, "tuan")))
                    || Is(t, "dinh", "ky"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Quý IV/2025 - Quý II/2026": a range of quarters that runs into another year, or one with its year
        /// written at both ends ("Quý I/2027 - Quý IV/2027").</summary>
        private int QuarterRangeToNextYear(int year, int lastQuarter, bool yearImplicit, int first, int after)
        {
            var word = Is(after, "den") && Is(after + 1, "het") ? after + 2 : after + 1; // "Quý III/2025 đến hết quý I/2026"
            if (yearImplicit || !(Is(after, '-') || Is(after, "den")) || !Is(word, "quy"))
            {
                return after;
            }

            var endQuarter = Quarter(word + 1);
            if (endQuarter == 0)
            {
                return after;
            }

            var (endYear, endImplicit, end) = YearSuffix(word + 2);
            if (endImplicit || endYear < year || (endYear == year && endQuarter <= lastQuarter) || endYear > year + 5)
            {
                return after;
            }

            for (var (y, q) = Next(year, lastQuarter); y < endYear || (y == endYear && q <= endQuarter); (y, q) = Next(y, q))
            {
                AddQuarter(y, q, false, first, end - 1);
            }

            return end;

            static (int, int) Next(int y, int q) => q == 4 ? (y + 1, 1) : (y, q + 1);
        }

        /// <summary>Flags a span of days read from two days a dash (or a listing) joins: two deadlines is the other reading.</summary>
        private void FlagDaySpan(Item start, Item next)
            => ambiguities.Add($"\"{Original(start.FirstToken, next.LastToken)}\" đọc là khoảng ngày (có thể hiểu là hai hạn)");

        /// <summary>Joins the items of a span into one: two years with "-" or "đến" between them ("Năm 2025 - 2026",
        /// "từ năm 2025 đến năm 2027"), or any date opened by "từ"/"bắt đầu từ", closed by the next item after
        /// "đến"/"-" ("Từ ngày 07/10/2025 đến ngày 22/10/2025"), or by the year's end when nothing closes it
        /// ("Từ 01/7/2025", "Từ tháng 10/2025 đến khi …").</summary>
        /// <summary>"cán bộ được nghỉ 02 ngày: thứ Tư ngày 02/9/2026 và thứ Năm ngày 03/9/2026": as many days as a count of
        /// days said right before them (its colon or comma between, each day's weekday and "ngày" allowed), written in full,
        /// each the day after the one before and joined by "và" or a comma, are a span from the first to the last, as days
        /// listed by their number are (<see cref="ListedDaysStart"/>). Runs after <see cref="MergeSpans"/>.</summary>
        private void JoinCountedDays()
        {
            for (var i = 0; i + 1 < items.Count; i++)
            {
                var first = items[i];
                if (first.Kind != ItemKind.Date || first.Name is not null || CountOfDaysBefore(first.FirstToken) is var count && count < 2 || i + count > items.Count)
                {
                    continue;
                }

                var last = i;
                while (last - i + 1 < count && items[last + 1] is var next && next.Kind == ItemKind.Date && next.Name is null
                    && next.Date == items[last].Date.PlusDays(1) && JoinedAsList(items[last].LastToken + 1, next.FirstToken))
                {
                    last++;
                }

                if (last - i + 1 != count)
                {
                    continue;
                }

                var end = items[last];
                items[i] = new Item(ItemKind.Span, end.Date, end.Date.Year, default, null, false, first.FirstToken, end.LastToken) { Start = first.Date };
                items.RemoveRange(i + 1, last - i);
            }
        }

        /// <summary>The count N of "N ngày" said right before the day at <paramref name="k"/>, past a colon or comma, the day's
        /// weekday and "ngày" ("nghỉ 02 ngày: thứ Tư ngày 02/9/2026"); or 0.</summary>
        private int CountOfDaysBefore(int k)
        {
            var j = k - 1;
            j -= Is(j, "ngay") ? 1 : 0;
            j -= j >= 1 && IsWeekday(j - 1) ? 2 : j >= 1 && Is(j - 1, "chu", "nhat") ? 2 : 0;
            j -= Is(j, ':') || Is(j, ',') ? 1 : 0;
            return Is(j, "ngay") && Is(j - 1, TokenType.Number) && tokens[j - 1].Value is >= 2 and <= 10 ? tokens[j - 1].Value : 0;
        }

        /// <summary>Whether the tokens from <paramref name="from"/> to before <paramref name="to"/> join two listed days: "và"
        /// or a comma, then the next day's weekday and "ngày".</summary>
        private bool JoinedAsList(int from, int to)
        {
            var j = from;
            j += Is(j, ',') ? 1 : 0;
            j += Is(j, "va") ? 1 : 0;
            if (j == from)
            {
                return false;
            }

            // (The day's item may start at its weekday's word, "Năm" of "thứ Năm ngày 03/9", which the scan reads first.)
            j += IsWeekday(j) && j + 2 <= to ? 2 : Is(j, "thu") && j + 1 == to ? 1 : 0;
            j += Is(j, "ngay") && j < to ? 1 : 0;
            return j == to;
        }

        private void MergeSpans()
        {
            if (startYearTypo)
            {
                MendStartYear();
            }

            for (var i = 0; i < items.Count; i++)
            {
                var start = items[i];
                if (start.Kind is ItemKind.Period or ItemKind.DayOfMonth or ItemKind.Span)
                {
                    continue;
                }

                var opened = start.Kind == ItemKind.Now || start.Listed || OpensSpan(start.FirstToken);
                var next = i + 1 < items.Count ? items[i + 1] : default;
                var closes = i + 1 < items.Count && next.Kind is ItemKind.Date or ItemKind.Year
                    && (Joins(start.LastToken + 1, next.FirstToken, (Mentions("hoan") || Mentions("thuc")) && BeginsSpan(start.FirstToken))
                        || (start.Listed && next.FirstToken == start.LastToken + 1));
                if (closes && !opened && IsMonthRange(start, next))
                {
                    // "Tháng 11 - 12/2025": a range of months, read as "từ tháng 11 đến tháng 12/2025"; the first month
                    // takes the year of the last. Listed: each month's end is the other reading.
                    var first = new LocalDate(next.Date.Year, start.Start.Month, 1);
                    start = start with { Start = first > next.Date ? first.PlusYears(-1) : first };
                    opened = true;
                    ambiguities.Add($"\"{Original(start.FirstToken, next.LastToken)}\" đọc là khoảng tháng (có thể hiểu là hạn cuối từng tháng)");
                }

                if (closes && !opened && IsMonthSpan(start, next))
                {
                    // "tháng 11/2025 đến tháng 4/2026": two months, each with its year, joined by "đến" are a span, as two
                    // quarters are ("Quý I/2026 đến Quý IV/2027"); a dash lists them.
                    opened = true;
                }

                if (closes && !opened && IsDayRange(start, next))
                {
                    // "28/6-5/7/2026": two days joined by "-" or "đến", the first without a year of its own, are a span of
                    // days (the first takes the year of the last, below). Listed: two deadlines is the other reading.
                    opened = true;
                    FlagDaySpan(start, next);
                }

                if (closes && !opened && PhaseOwnSpan(start, next))
                {
                    // "Giai đoạn 1 (05/01/2026 - 31/3/2026): Triển khai …": two days, each with its year, joined by "-" in the
                    // brackets after a phase's name are that phase's own span, as two years there are ("Giai đoạn 2 (2027-2028)").
                    opened = true;
                }

                if (closes && !opened && IsFullDaySpan(start, next))
                {
                    // "05/01/2026 đến 31/3/2026", "20/12/2025 – 25/12/2025": two days, each with its year, joined by "đến" are a
                    // span, as two months are; by a dash, a span listed (two deadlines is the other reading).
                    opened = true;
                    if (!JoinedBy(start.LastToken + 1, next.FirstToken, "den"))
                    {
                        FlagDaySpan(start, next);
                    }
                }

                if (closes && opened && start.YearImplicit && !next.YearImplicit && start.Kind is ItemKind.Date or ItemKind.Year)
                {
                    // "Từ đầu năm đến hết tháng 6/2026", "Từ tháng 3 đến tháng 12/2025": a start without a year takes the
                    // year of the end (the year before when it would fall after the end).
                    var first = new LocalDate(next.Date.Year, start.Start.Month, start.Start.Day);
                    start = start with { Start = first > next.Date ? first.PlusYears(-1) : first };
                }

                if (closes && (opened || (start.Kind == ItemKind.Year && next.Kind == ItemKind.Year)) && next.Date > start.Start)
                {
                    items[i] = new Item(ItemKind.Span, next.Date, next.Date.Year, default, null, false, start.FirstToken, next.LastToken) { Start = start.Start };
                    items.RemoveAt(i + 1);
                }
                else if (opened && !start.Listed && !FromAnHourOfTheDay(start) && !LatestStart(start.FirstToken))
                {
                    var end = new LocalDate(start.Start.Year, 12, 31);
                    items[i] = new Item(ItemKind.Span, end, end.Year, default, null, false, start.FirstToken, start.LastToken) { Start = start.Start, OpenEnded = true };
                }
            }
        }

        /// <summary>Whether "chậm nhất" (or "muộn nhất") comes right before the "(kể) từ (ngày)" opening the date at
        /// <paramref name="first"/>: "chậm nhất từ ngày 01/01/2021, BHXH huyện phải thực hiện …" is the latest day to start,
        /// a deadline on that day, not work that runs from it.</summary>
        private bool LatestStart(int first)
        {
            var j = first - 1;
            j -= Is(j, "ngay") ? 1 : 0;
            if (!Is(j, "tu"))
            {
                return false;
            }

            j -= Is(j - 1, "ke") ? 2 : 1;
            return Is(j - 1, "cham", "nhat") || Is(j - 1, "muon", "nhat");
        }

        /// <summary>"Dịp nghỉ lễ Ngày Chiến thắng 30/4/2021 và Ngày Quốc tế lao động 01/5/2021, cán bộ … được nghỉ 04 ngày từ thứ
        /// Sáu ngày 30/4 đến hết thứ Hai ngày 03/5/2021": a day named by its occasion, after "Ngày" and a capitalised name
        /// ("Ngày Chiến thắng") or right after "lễ" ("dịp lễ 30/4/2021"), that a later span of the cell holds is what the
        /// span is for, as a Tết held by a campaign's span is: the note, no date of its own. Runs after
        /// <see cref="MergeSpans"/>.</summary>
        private void SetHolidaysOfSpansApart()
        {
            if (items.Count < 2 || !Mentions("ngay"))
            {
                return;
            }

            var holidayEnd = -1;
            for (var i = 0; i + 1 < items.Count; i++)
            {
                var day = items[i];
                var name = day.Kind == ItemKind.Date ? HolidayNameBefore(day.FirstToken) : -1;
                // ("dịp Lễ 30/4 và 1/5/2018 kéo dài 4 ngày từ 28/4/2018-01/5/2018": the second day joined to the holiday's by
                // "và" is the other holiday's.)
                name = name < 0 && day.Kind == ItemKind.Date && holidayEnd >= 0 && day.FirstToken == holidayEnd + 2 && Is(holidayEnd + 1, "va") ? day.FirstToken : name;
                if (name >= 0 && LaterSpanHolds(day))
                {
                    holidayEnd = day.LastToken;
                    SetApart(i--, $"\"{Original(name, day.LastToken)}\" là dịp của khoảng ngày, không phải hạn");
                }
            }
        }

        /// <summary>Whether a closed span after <paramref name="day"/> in the cell holds its date.</summary>
        private bool LaterSpanHolds(Item day)
        {
            foreach (var span in items)
            {
                if (span.Kind == ItemKind.Span && !span.OpenEnded && span.FirstToken > day.LastToken && span.Holds(day.Date))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first token of a holiday's name right before the day at <paramref name="k"/>, in a clause said with
        /// "lễ" or "dịp" before it: "lễ" itself ("dịp lễ 30/4"), or "ngày" with a name of a few words between ("Dịp nghỉ lễ
        /// Ngày Chiến thắng 30/4/2021 và Ngày Quốc tế lao động 01/5/2021", in small letters too), or the words right after "dịp"
        /// ("Dịp Quốc khánh 2/9/2026"); or -1. "ngày 30/4" alone is no name.</summary>
        private int HolidayNameBefore(int k)
        {
            var name = Is(k - 1, "le") && WrittenAs(k - 1, "lễ") ? k - 1 : -1;
            for (var t = k - 1; name < 0 && t >= 0 && t >= k - 7 && Is(t, TokenType.Word); t--)
            {
                name = Is(t, "ngay") && t < k - 1 ? t : -1;
            }

            for (var t = name - 1; name >= 0 && t >= 0 && t >= k - 20 && !Is(t, ',') && !Is(t, ';') && !IsSentenceBreak(t); t--)
            {
                if ((Is(t, "le") && WrittenAs(t, "lễ")) || Is(t, "dip"))
                {
                    return name;
                }
            }

            return name == k - 1 ? name : OccasionRightAfterDip(k);
        }

        /// <summary>The token after "dịp" when the words between it and <paramref name="k"/> are a few words and nothing else
        /// ("Dịp Quốc khánh 2/9/2026"), or -1.</summary>
        private int OccasionRightAfterDip(int k)
        {
            for (var t = k - 2; t >= 0 && t >= k - 6 && Is(t + 1, TokenType.Word); t--)
            {
                if (Is(t, "dip"))
                {
                    return t + 1;
                }
            }

            return -1;
        }

        /// <summary>"Đợt 1: Từ 13h30’ ngày 02/6/2026 (Thứ Ba).": a day opened by "từ" and an hour after midnight, with nothing
        /// closing it, says when an occasion starts that day, not work from then to the year's end; "Từ 0 giờ ngày 01/7/2025"
        /// (from midnight) still opens a span.</summary>
        private bool FromAnHourOfTheDay(Item start)
        {
            if (start.Kind != ItemKind.Date || start.Name is not null)
            {
                return false;
            }

            var hour = -1;
            var j = start.FirstToken - 1;
            // ("bắt đầu từ 8 giờ 15 phút, ngày 26/4/2023": a comma may stand between the hour and its day; "từ 10 giờ, thứ Ba,
            // ngày 09/12/2025": the weekday too.)
            while (j >= 0 && (Is(j, "ngay") || IsTimeOfDay(j) || PartOfDay(j) || IsWeekday(j) || (j >= 1 && IsWeekday(j - 1))
                || (Is(j, ',') && (Is(j + 1, "ngay") || IsWeekday(j + 1)) && (IsTimeOfDay(j - 1) || (j >= 2 && IsWeekday(j - 2))))))
            {
                hour = Is(j, TokenType.Number) && (Is(j + 1, "h") || Is(j + 1, "gio") || ClockTime(j, ':')) ? tokens[j].Value : hour;
                j--;
            }

            return hour > 0 && Is(j, "tu");
        }

        /// <summary>Two days, each with its own year, the first before the last, that fill the brackets right after a phase's
        /// name and number ("Giai đoạn 1 (05/01/2026 - 31/3/2026)").</summary>
        private bool PhaseOwnSpan(Item start, Item end) =>
            start.Kind == ItemKind.Date && end.Kind == ItemKind.Date && !start.YearImplicit && !end.YearImplicit && start.Name is null && end.Name is null
            && start.Date < end.Date && Is(start.FirstToken - 1, '(') && Is(end.LastToken + 1, ')')
            && Is(start.FirstToken - 4, "giai", "doan") && (Is(start.FirstToken - 2, TokenType.Number) || Is(start.FirstToken - 2, TokenType.Word));

        /// <summary>Two months joined by "-" or "đến", the first without a year of its own ("Tháng 11 - 12/2025").</summary>
        private static bool IsMonthRange(Item start, Item end) =>
            start.Kind == ItemKind.Date && end.Kind == ItemKind.Date && start.YearImplicit && !end.YearImplicit
            && start.Name is { } a && a.StartsWith("Tháng", StringComparison.Ordinal)
            && end.Name is { } b && b.StartsWith("Tháng", StringComparison.Ordinal);

        /// <summary>Two months, each with its own year, joined by "đến" ("tháng 11/2025 đến tháng 4/2026"), the first before the last.</summary>
        private bool IsMonthSpan(Item start, Item end) =>
            start.Kind == ItemKind.Date && end.Kind == ItemKind.Date && !start.YearImplicit && !end.YearImplicit
            && start.Name is { } a && a.StartsWith("Tháng", StringComparison.Ordinal)
            && end.Name is { } b && b.StartsWith("Tháng", StringComparison.Ordinal)
            && start.Date < end.Date && JoinedBy(start.LastToken + 1, end.FirstToken, "den");

        /// <summary>Whether the word <paramref name="word"/> (folded) is among tokens <paramref name="from"/> to before <paramref name="to"/>.</summary>
        private bool JoinedBy(int from, int to, string word)
        {
            for (var j = from; j < to; j++)
            {
                if (Is(j, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Two full days, each with its year and nothing between them but the words that join them ("05/01/2026 đến
        /// 31/3/2026", "20/12/2025 - 25/12/2025"), the first before the last.</summary>
        private bool IsFullDaySpan(Item start, Item end) =>
            start.Kind == ItemKind.Date && end.Kind == ItemKind.Date && !start.YearImplicit && !end.YearImplicit
            && start.Name is null && end.Name is null && start.Date < end.Date && end.FirstToken - start.LastToken <= 3
            && (FullDayAt(start.FirstToken) || FullDayAt(start.FirstToken + 1)) && (FullDayAt(end.FirstToken) || FullDayAt(end.FirstToken + 1));

        /// <summary>Two days joined by "-" or "đến", the first without a year of its own and falling in the last one's year
        /// ("28/6-5/7/2026").</summary>
        private static bool IsDayRange(Item start, Item end) =>
            start.Kind == ItemKind.Date && end.Kind == ItemKind.Date && start.YearImplicit && !end.YearImplicit
            && start.Name is null && end.Name is null && start.Date.Day <= CalendarSystem.Iso.GetDaysInMonth(end.Date.Year, start.Date.Month)
            && new LocalDate(end.Date.Year, start.Date.Month, start.Date.Day) < end.Date;

        /// <summary>A span's first day with a year no plan has ("Từ ngày 01/11/2205 đến ngày 10/12/2025") takes the
        /// year of its last day (the year before when the day would fall after it), listed for a coordinator to
        /// confirm; with no last day to mend it, the cell is refused as before.</summary>
        private void MendStartYear()
        {
            var i = items.FindIndex(item => item.Year is < DeadlineContext.MinYear or > DeadlineContext.MaxYear);
            if (i < 0)
            {
                return;
            }

            var start = items[i];
            if (i + 1 >= items.Count || items[i + 1].Kind != ItemKind.Date || !Joins(start.LastToken + 1, items[i + 1].FirstToken))
            {
                error = $"\"{Original(start.FirstToken, start.LastToken)}\": năm {start.Year} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return;
            }

            var end = items[i + 1].Date;
            var day = Math.Min(start.Date.Day, CalendarSystem.Iso.GetDaysInMonth(end.Year, start.Date.Month));
            var mended = new LocalDate(end.Year, start.Date.Month, day);
            if (mended > end)
            {
                mended = mended.PlusYears(-1);
            }

            ambiguities.Add($"\"{Original(start.FirstToken, start.LastToken)}\": năm {start.Year} đọc là {mended.Year} (có lẽ gõ nhầm)");
            items[i] = start with { Date = mended, Year = mended.Year, Start = mended };
        }

        /// <summary>"từ", "bắt đầu từ", with "ngày", "năm", "đầu" or a time of day ("00h00") between it and the item: "từ đầu
        /// năm 2026", "từ đầu tháng 3", "từ đầu quý II" open a span on the first day of the year, month or quarter, which is
        /// where the item starts anyway.</summary>
        private bool OpensSpan(int first)
        {
            var j = WordBeforeTimeOf(first, periodWords: true);

            // ("an ninh, trật tự Tết Nguyên đán": "tự" of "trật tự", order, folds like "từ" and opens nothing.) "Thời gian bắt
            // đầu: 15/12/2023 - Thời gian kết thúc: 24/12/2023": the start said with its colon opens the span too.
            return (Is(j, "tu") && !Is(j - 1, "trat")) || (Is(j, ':') && Is(j - 2, "bat", "dau"));
        }

        /// <summary>The token before the words that say the time of the item at <paramref name="first"/>: "ngày", an hour, the
        /// part of the day, and with <paramref name="periodWords"/> "năm" and "đầu" too ("từ đầu năm …").</summary>
        private int WordBeforeTimeOf(int first, bool periodWords)
        {
            // ("từ thứ Hai 16/02/2026": a weekday right before the day, "ngày" left out.)
            var j = IsWeekday(first - 2) ? first - 3 : first - 1;
            // ("bắt đầu từ 07 giờ 00 phút, ngày 01/10/2023": the hour's comma; "kết thúc lúc 15h00 ngày …".)
            while (j >= 0 && (Is(j, "ngay") || (periodWords && (Is(j, "nam") || Is(j, "dau"))) || IsTimeOfDay(j) || PartOfDay(j)
                || (Is(j, ',') && j > 0 && IsTimeOfDay(j - 1)) || (Is(j, "luc") && Is(j + 1, TokenType.Number))))
            {
                // "từ thứ Hai ngày 16/02/2026": the weekday before "ngày" says which day it is, as the hour says when ("từ thứ
                // Hai, ngày 16/1/2023": a comma after it).
                j -= Is(j, "ngay") && IsWeekday(j - 2) ? 3 : Is(j, "ngay") && Is(j - 1, ',') && IsWeekday(j - 3) ? 4 : 1;
            }

            return j;
        }

        /// <summary>"thứ Hai" … "thứ Bảy", "Chủ nhật" at <paramref name="j"/>: a weekday, read where one stands before a span's
        /// day ("đến hết thứ Sáu ngày 20/02/2026"; in small letters too, "từ thứ hai ngày 16/02/2026").</summary>
        private bool IsWeekday(int j) =>
            (Is(j, "thu") && (Is(j + 1, "hai") || Is(j + 1, "ba") || Is(j + 1, "tu") || Is(j + 1, "nam") || Is(j + 1, "sau") || Is(j + 1, "bay")
                || (Is(j + 1, TokenType.Number) && Digits(j + 1) == 1 && tokens[j + 1].Value is >= 2 and <= 7 && Is(j + 2, "ngay"))))
            || Is(j, "chu", "nhat");

        /// <summary>Whether the span opened before <paramref name="first"/> is opened by "bắt đầu từ" ("bắt đầu từ 07 giờ 30 phút
        /// sáng ngày 01/04/2019"), which "và hoàn thành vào" may close (<see cref="Joins"/>).</summary>
        private bool BeginsSpan(int first) => Is(WordBeforeTimeOf(first, periodWords: false) - 2, "bat", "dau", "tu");

        /// <summary>"sáng", "chiều" right before "ngày" ("07 giờ 30 phút sáng ngày 01/04/2019"): the part of the day, which a
        /// deadline does not need either.</summary>
        private bool PartOfDay(int j) => (Is(j, "sang") || Is(j, "chieu")) && Is(j + 1, "ngay");

        /// <summary>"00h00", "24 giờ", "17 giờ 00", "17g00", "16:00": the hour of a date, which a deadline does not need.</summary>
        private bool IsTimeOfDay(int j) =>
            Is(j, "h") || Is(j, "gio") || Is(j, "phut") || (Is(j, "g") && Is(j - 1, TokenType.Number))
            || ClockTime(j, ':') || (Is(j, ':') && ClockTime(j - 1, ':')) || (Is(j - 1, ':') && ClockTime(j - 2, ':'))
            || (Is(j, TokenType.Number) && Digits(j) <= 2 && (Is(j + 1, "h") || Is(j + 1, "gio") || Is(j - 1, "h") || Is(j - 1, "gio") || Is(j + 1, "g") || Is(j - 1, "g")
                || (Is(j + 1, "phut") && Is(j - 1, "gio"))));

        /// <summary>A word after "để" in the same sentence tells the purpose ("… để sẵn sàng kết nối … khi hoàn
        /// thành"), not a condition the task waits for.</summary>
        private bool InPurposeClause(int k) => EarlierInSentence(k, "de");

        /// <summary>Whether "khó khăn" or "vướng mắc" comes within six words after "nếu" (<paramref name="k"/> is the word after
        /// it), with no sentence break or bracket between: "nếu địa phương gặp khó khăn, vướng mắc", "nếu có phát sinh vướng
        /// mắc".</summary>
        private bool DifficultiesAfterIf(int k)
        {
            for (var j = k; j < k + 6 && j < tokens.Length && Is(j, TokenType.Word); j++)
            {
                if (Is(j, "kho", "khan") || Is(j, "vuong", "mac"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the word <paramref name="word"/> (folded) comes before token <paramref name="k"/> in its sentence.</summary>
        private bool EarlierInSentence(int k, string word)
        {
            for (var j = k - 1; j >= 0 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Only "-", "đến", "tới", "và kết thúc (chậm nhất) (vào)", with <paramref name="begun"/> (a span opened by "bắt
        /// đầu từ") "và hoàn thành (vào)" and "; kết thúc (vào)" or ", kết thúc (vào)", "hết", "ngày"/"năm" and a time of day with its comma ("đến 17 giờ 00, ngày
        /// 01/02/2026") between two items; the first may be followed by its lunar date restated in brackets ("Từ ngày
        /// 11/02/2026 (24/12 Âm lịch) đến hết ngày 22/02/2026": the same day, see <see cref="RestatesLunarDay"/>).</summary>
        private bool Joins(int from, int to, bool begun = false)
        {
            var joined = false;
            if (Is(from, "duong", "lich"))
            {
                // "ngày 16/02/2026 Dương lịch1 đến hết …", "16/02/2026 Dương lịch (tức ngày 29 tháng Chạp năm Ất Tỵ) đến hết …":
                // the first day said to be of the solar calendar, a footnote's number glued to it, its lunar day after.
                from += Is(from + 2, TokenType.Number) && Touches(from + 1, from + 2) && Digits(from + 2) == 1 ? 3 : 2;
            }

            if (Is(from, '(') && RestatesLunarDay(from) is var close && close > from && close < to)
            {
                from = close + 1;
            }

            for (var j = from; j < to; j++)
            {
                if (Is(j, '-') || Is(j, "den") || Is(j, "toi"))
                {
                    joined = true;
                }
                else if (Is(j, "cho", "den") && !joined)
                {
                    // "từ ngày 02/3/2020 cho đến hết ngày 15/3/2020": "cho đến", until, as "đến".
                }
                else if ((Is(j, "ket", "thuc") || (Is(j, "thoi", "gian") && Is(j + 2, "ket", "thuc"))) && Is(j + (Is(j, "thoi") ? 4 : 2), ':') && j > from && Is(j - 1, '-'))
                {
                    // "Thời gian bắt đầu: 15/12/2023 - Thời gian kết thúc: 24/12/2023": the end said with its colon after the dash.
                    j += Is(j, "thoi") ? 4 : 2;
                }
                else if (Is(j, "cham", "nhat") && joined)
                {
                    // "Từ 15/5/2025 đến chậm nhất 17g00 ngày 19/5/2025": "chậm nhất" after "đến" says the end is a deadline.
                    j++;
                }
                else if (Is(j, ',') && Is(j + 1, "va", "ket", "thuc") && !joined)
                {
                    // "từ 15h00 ngày 18-12-2019, và kết thúc lúc 15h00 ngày 28-12-2019": the comma before "và kết thúc".
                }
                else if (begun && (Is(j, ';') || Is(j, ',')) && Is(j + 1, "ket", "thuc") && !joined)
                {
                    // "bắt đầu từ tháng 9/2025; kết thúc vào 31/12/2025": after "bắt đầu từ", the end said in the next clause
                    // closes the span too.
                    joined = true;
                    j += Is(j + 3, "cham", "nhat") ? 4 : 2;
                    j += Is(j + 1, "vao") ? 1 : 0;
                }
                else if (IsWeekday(j) && (Is(j + 2, "ngay") || j + 2 == to || (Is(j + 2, ',') && Is(j + 3, "ngay"))))
                {
                    // ("… đến hết thứ Bảy, ngày 28/1/2023": a comma after the weekday.)
                    j += Is(j + 2, ',') ? 1 : 0;
                    // "từ thứ Hai ngày 16/02/2026 đến hết thứ Sáu ngày 20/02/2026": the last day's weekday before it ("ngày" left
                    // out too, "đến hết thứ Sáu 20/02/2026").
                    j++;
                }
                else if (Is(j, "luc") && !Is(j + 1, TokenType.Word))
                {
                    // "và kết thúc lúc 15h00 ngày …": "lúc" (at) before the hour.
                }
                else if ((Is(j, "va", "ket", "thuc") || (begun && Is(j, "va", "hoan", "thanh"))) && !joined)
                {
                    // "bắt đầu từ ngày 15 tháng 12 năm 2025 và kết thúc vào 17 giờ 00 ngày 01 tháng 02 năm 2026": "và kết thúc
                    // (chậm nhất) (vào)" closes the span as "đến" does; after "bắt đầu từ", so does "và hoàn thành (vào)"
                    // ("bắt đầu từ ngày 06 tháng 5 năm 2025 và hoàn thành vào ngày 05 tháng 6 năm 2025").
                    joined = true;
                    j += Is(j + 3, "cham", "nhat") ? 4 : 2;
                    j += Is(j + 1, "vao") ? 1 : 0;
                }
                else if (!(Is(j, "ngay") || Is(j, "nam") || Is(j, "het") || (Is(j, "truoc") && Is(j - 1, "den")) || IsTimeOfDay(j) || (Is(j, ',') && j > from && IsTimeOfDay(j - 1))))
                {
                    return false;
                }
            }

            return joined;
        }

        /// <summary>At the bracket opened at <paramref name="open"/>, right after a solar date: its closing bracket when the
        /// bracket restates that day in the lunar calendar ("(24/12 Âm lịch)", "(tức ngày 25 tháng Chạp Âm lịch)", "(ngày 26
        /// tháng Chạp năm Ất Tỵ)", "(tức mùng 6 Tết)"), otherwise -1.</summary>
        private int RestatesLunarDay(int open)
        {
            if (!Mentions("am") && !Mentions("chap") && !Mentions("gieng") && !Mentions("tet"))
            {
                return -1;
            }

            var close = ClosingBracket(open);
            for (var j = open + 1; j < close; j++)
            {
                if (Is(j, "am", "lich") || (Is(j, "thang") && (Is(j + 1, "chap") || Is(j + 1, "gieng"))) || Is(j, "tet"))
                {
                    return close < tokens.Length ? close : -1;
                }
            }

            return -1;
        }

        /// <summary>The checkpoints of work over a span: each year's end when it runs over several years, otherwise
        /// each quarter's end inside it (also across the new year when the span lasts a year at most, "Quý III/2025 đến hết
        /// quý I/2026", the quarters then named with their years); and its last day.</summary>
        private List<Milestone> SpanMilestones(LocalDate start, LocalDate end)
        {
            var milestones = NewMilestones();
            if (start.Year < end.Year && end < start.PlusYears(1))
            {
                for (var month = new LocalDate(start.Year, start.Month, 1); month <= end; month = month.PlusMonths(1))
                {
                    var monthEnd = MonthEnd(month.Year, month.Month);
                    if (month.Month % 3 == 0 && monthEnd >= start && monthEnd < end)
                    {
                        milestones.Add(Milestone($"{QuarterNames[(month.Month / 3) - 1]}/{month.Year}", monthEnd));
                    }
                }

                var last = end.Day == CalendarSystem.Iso.GetDaysInMonth(end.Year, end.Month) && end.Month % 3 == 0;
                milestones.Add(Milestone(last ? $"{QuarterNames[(end.Month / 3) - 1]}/{end.Year}" : null, end));
                return milestones;
            }

            if (start.Year < end.Year)
            {
                for (var y = start.Year; y < end.Year; y++)
                {
                    milestones.Add(Milestone($"Năm {y}", new LocalDate(y, 12, 31)));
                }

                milestones.Add(Milestone(end.Month == 12 && end.Day == 31 ? $"Năm {end.Year}" : null, end));
                return milestones;
            }

            for (var q = 1; q <= 4; q++)
            {
                var quarterEnd = MonthEnd(end.Year, q * 3);
                if (quarterEnd >= start && quarterEnd < end)
                {
                    milestones.Add(Milestone(QuarterNames[q - 1], quarterEnd));
                }
            }

            milestones.Add(Milestone(end.Day == CalendarSystem.Iso.GetDaysInMonth(end.Year, end.Month) && end.Month % 3 == 0 ? QuarterNames[(end.Month / 3) - 1] : null, end));
            return milestones;
        }

        /// <summary>Whether token <paramref name="k"/> ends with "Thông" glued to an annex's Roman numeral before it, or to any
        /// word with its capital marking where it begins: "… ban hành kèm theo phụ lục IThông tư này" (a scanned text that
        /// lost the space; "phụ lục ithông tư này" in small letters), still "Thông tư".</summary>
        private bool GluedThong(int k)
        {
            if (!Is(k, TokenType.Word) || tokens[k].Length <= 5)
            {
                return false;
            }

            var start = tokens[k].End - 5;
            return text.Folded.Slice(start, 5).SequenceEqual("thong")
                && (char.IsUpper(text.Text[start]) || !text.Folded[tokens[k].Start..start].ContainsAnyExcept("ivx"));
        }
    }
}
