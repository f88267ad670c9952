using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Phrases that start at a number: exact dates ("31/01/2025", "15 tháng 12 năm 2024", "15/12"),
/// months written "08/2026", "6 tháng đầu năm", the periods "6 tháng" and "9 tháng", and frequencies
/// ("02 lần/năm").
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>Whether a month with its year and no "tháng" starts at <paramref name="k"/>: "08/2026", "12/2026 hoặc 1/2027";
        /// not "12/2025/NĐ-CP", a document number, nor the end of "1/12/2025".</summary>
        private bool BareMonthAt(int k) =>
            Is(k + 1, '/') && IsYearNumber(k + 2) && tokens[k].IsNumber && tokens[k].Length <= 2 && tokens[k].Value is >= 1 and <= 12 && !Is(k + 3, '/') && !Is(k - 1, '/');

        /// <summary>Whether a month starts at <paramref name="k"/>, said with "tháng" and its number ("tháng 9/2026", "tháng 9") or
        /// typed without it (<see cref="BareMonthAt"/>): what the parts of a month ("đầu", "giữa", "tuần 2") read.</summary>
        private bool MonthAt(int k) => (Is(k, "thang") && Is(k + 1, TokenType.Number)) || BareMonthAt(k);

        /// <summary>Adds the month at <paramref name="k"/> (<see cref="BareMonthAt"/>) and returns the token after it.</summary>
        private int BareMonth(int k)
        {
            var n = tokens[k].Value;
            var end = MonthEnd(tokens[k + 2].Value, n);
            items.Add(new Item(ItemKind.Date, end, end.Year, default, MonthLabels[n], false, k, k + 2) { Start = new LocalDate(end.Year, n, 1) });
            return k + 3;
        }

        /// <summary>Whether tokens <paramref name="k"/>..k+2 are an hour and its minutes written with <paramref name="separator"/>
        /// (a dot, "22.08", or a colon, "16:00") and no space: at most 24, the mark, two digits at most 59.</summary>
        private bool ClockTime(int k, char separator = '.') =>
            Is(k, TokenType.Number) && tokens[k].Length <= 2 && tokens[k].Value <= 24 && Is(k + 1, separator) && Is(k + 2, TokenType.Number)
            && tokens[k + 2].Length == 2 && tokens[k + 2].Value <= 59 && Touches(k, k + 1) && Touches(k + 1, k + 2);

        /// <summary>Exact dates ("31/01/2025", "31-01-2025", "15 tháng 12 năm 2024", "15/12"),
        /// "6 tháng đầu năm", the periods "6 tháng", "9 tháng", and frequencies "02 lần/năm".</summary>
        private int NumberLed(int k)
        {
            var n = tokens[k].Value;
            var j = k + 1;
            if (CitedDocumentDate(k) is var cited && cited > k)
            {
                return cited;
            }

            if (Is(k - 1, "nay") && (Is(k - 2, "hom") || Is(k - 2, "sang") || Is(k - 2, "chieu") || Is(k - 2, "toi") || Is(k - 2, "trua"))
                && WrittenDate(k) is { } today)
            {
                // "Chiều nay 8/10/2020, Giám đốc Sở … đã ký văn bản hỏa tốc …": the day a report tells of, when it was written,
                // no deadline.
                notes.Add(Original(k - 2, today.Last));
                return today.Last + 1;
            }

            if (ClockTime(k) && (Is(k + 3, "ngay") || ((Is(k + 3, "den") || Is(k + 3, '-')) && ClockTime(k + 4) && Is(k + 7, "ngay"))))
            {
                // "Thời gian bắn: Từ 22.00 đến 22.08 ngày 10 tháng 8 năm 2025": hours written with a dot before the day they
                // fall on, no day and month of their own.
                return k + 3;
            }

            if ((Is(k - 1, "dot") || Is(k - 1, "buoc")) && tokens[k].Length <= 2 && Is(j, "thang") && Is(j + 1, TokenType.Number))
            {
                // "Đợt 1 tháng 4, đợt 2 tháng 10/2026": the round's (step's) number, no count of months nor day; its month follows.
                return k;
            }

            if (IsYearNumber(k) && Is(k - 1, "cot") && WrittenAs(k - 1, "cột"))
            {
                // "b) Cột “2023”: Thuế suất áp dụng từ ngày 01 tháng 01 năm 2023 đến hết ngày 31 tháng 12 năm 2023": a table's
                // column named by its year (or years, "Cột “2023 - 2027”"), no deadline.
                return Is(k + 1, '-') && IsYearNumber(k + 2) ? k + 3 : k + 1;
            }

            if (IsYearNumber(k) && NamesCharter(k - 1))
            {
                // "sửa đổi, bổ sung một số điều của Hiến pháp (năm) 2013", "Luật Phòng, chống tham nhũng 2018": the year names
                // the constitution or the law, no deadline.
                return k + 1;
            }

            if (Is(j, '/') && Is(j + 1, TokenType.Number) && (Is(k - 2, "ty", "le") || Is(k - 2, "ti", "le")))
            {
                // "tỷ lệ 1/2.000", "tỉ lệ 1/500": after "tỷ lệ" a fraction is a map's scale or a ratio, no day and month.
                // Its words stay free text (a note or a label), as any number that is no date.
                return k;
            }

            if (TryNumberLedExtended(k) is var extended && extended > k)
            {
                return extended;
            }

            if (SpanStartDay(k) is var spanStart && spanStart > k)
            {
                return spanStart;
            }

            if (ListedDaysStart(k) is var listed && listed > k)
            {
                return listed;
            }

            if (AlternativeDayStart(k) is var alternative && alternative > k)
            {
                return alternative;
            }

            // m/yyyy: "08/2026", "12/2026 hoặc 1/2027" — a month; not "12/2025/NĐ-CP", a document number
            if (BareMonthAt(k))
            {
                // "Trước 3/2027" is "Trước tháng 3/2027": by the month before's end.
                var year = tokens[j + 1].Value;
                return Is(k - 1, "truoc") ? BeforeMonth(k, n, year, false, j + 2, $"tháng {n}/{year}") : BareMonth(k);
            }

            // d/m[/y], d-m-y, d.m.y
            if (j + 1 < tokens.Length && (tokens[j].IsPunct('/') || tokens[j].IsPunct('-') || tokens[j].IsPunct('.')) && Is(j + 1, TokenType.Number) && tokens[k].Length <= 2 && tokens[j + 1].Length <= 2)
            {
                var separator = tokens[j].Value;
                var month = tokens[j + 1].Value;
                var last = j + 1;
                int? year = null;
                if (j + 3 < tokens.Length && tokens[j + 2].IsPunct((char)separator) && Is(j + 3, TokenType.Number))
                {
                    // "31/12/25": a two-digit year is of this century.
                    year = tokens[j + 3].Length == 2 && tokens[j + 3].Value < 100 ? 2000 + tokens[j + 3].Value : tokens[j + 3].Value;
                    last = j + 3;
                }
                else if (Is(j + 2, "nam") && IsYearNumber(j + 3))
                {
                    year = tokens[j + 3].Value;
                    last = j + 3;
                }
                else if (RelativeYearAt(j + 2) is { } placeholder)
                {
                    (year, last) = placeholder;
                }

                if (year is null && tokens[j + 1].End < text.Folded.Length && text.Folded[tokens[j + 1].End] == '%')
                {
                    // "tỷ lệ huy động từ thuế, phí khoảng 13 - 14% GDP", "đạt khoảng 85 - 86%": a second number glued to "%" makes
                    // the pair a range of shares, no day and month (nor one the calendar lacks).
                    return k;
                }

                if (separator == '.' && ((year is null && (n > 31 || month > 12)) || (NumberedAfterSo(k) && (year is null || tokens[last].Length != 4))))
                {
                    // "theo mẫu biểu từ số 54 đến số 56.1, 56.2 Phụ lục I": with a dot and no year, a number that cannot be a day
                    // and month, or one after "số", numbers a form or a decimal, not a day; no impossible date to refuse. After
                    // "số" so does a third number not written as a year ("theo Mẫu số 5.1.6 của Phụ lục I"), after a section's
                    // word ("điểm c và điểm đ mục 3.2.1", "tiết 1.2.1") and opening the cell before a dot ("5.2.3. Tiếp nhận …").
                    return k;
                }

                if (year is null && Is(j + 2, '/') && Touches(j + 1, j + 2) && IsCodeWord(j + 3, tokens.Length))
                {
                    // "theo mẫu số 01-2/TB-TĐT": a day and month glued to "/" and a code in capitals are a form's or a
                    // document's number, not a day.
                    return k;
                }

                if (year is null && separator == '.' && (Is(last + 1, ':') || NumbersSection(k) || (k == 0 && Is(last + 1, '.'))))
                {
                    // "Khu vực 3.1:", "Mục 2.3", "4.2. Hằng năm, …" opening the cell: the number of a section, not a day and
                    // month; left to the label.
                    return k;
                }

                return LunarSuffix(last + 1) is var lunarEnd && lunarEnd > last + 1
                    ? LunarDay(n, month, year, k, lunarEnd)
                    : ExactDate(n, month, year, k, last);
            }

            // 15 tháng 12 [năm 2024]; "ngày 25 của tháng 3/2025", "trước ngày mùng 10 của tháng 01"
            j += (Is(k - 1, "ngay") || Is(k - 2, "ngay", "mung")) && Is(j, "cua", "thang") && Is(j + 2, TokenType.Number) ? 1 : 0;
            if (Is(j, "thang") && Is(j + 1, TokenType.Number) && n is >= 1 and <= 31 && tokens[j + 1].Length <= 2 && !OnceEveryFewMonths(k, j))
            {
                var month = tokens[j + 1].Value;
                var last = j + 1;
                int? year = null;
                if (Is(j + 2, "nam") && Is(j + 3, TokenType.Number))
                {
                    year = tokens[j + 3].Value;
                    last = j + 3;
                }
                else if (RelativeYearAt(j + 2) is { } placeholder)
                {
                    // "chậm nhất là ngày 31 tháng 01 năm sau đối với báo cáo năm": the next year's, every year.
                    (year, last) = placeholder;
                }
                else if (Is(j + 2, '/') && Is(j + 3, TokenType.Number))
                {
                    year = tokens[j + 3].Value;
                    last = j + 3;
                }

                if (LunarSuffix(last + 1) is var lunarEnd && lunarEnd > last + 1)
                {
                    // "ngày 15 tháng 8 (âm lịch) năm 2025": the year may follow the words "âm lịch".
                    var lunarYear = year is null && Is(lunarEnd, "nam") && IsYearNumber(lunarEnd + 1) ? tokens[lunarEnd + 1].Value : year;
                    return LunarDay(n, month, lunarYear, k, lunarYear == year ? lunarEnd : lunarEnd + 2);
                }

                return ExactDate(n, month, year, k, last);
            }

            // "ngày 20 tháng Sáu năm 2025", "ngày 2 tháng mười một năm 2025": a month's name in words with its year, as its
            // number; without a year the name is left unread (see MonthInWords).
            if (Is(k - 1, "ngay") && Is(j, "thang") && n is >= 1 and <= 31 && MonthInWords(j + 1) is (> 0 and var named, var nameEnd))
            {
                return ExactDate(n, named, tokens[nameEnd + 1].Value, k, nameEnd + 1);
            }

            // 23 tháng Chạp, 10 tháng Giêng
            if (Is(j, "thang") && n is >= 1 and <= 30 && (Is(j + 1, "gieng") || Is(j + 1, "chap")))
            {
                var (lunarYear, after) = LunarYearSuffix(j + 2);
                return LunarDay(n, LunarMonth(j + 1), lunarYear, k, LunarSuffix(after));
            }

            // 6 tháng đầu năm / 6 tháng cuối năm / 6 tháng / 9 tháng
            if (Is(j, "thang"))
            {
                if (Is(k - 2, "het", "han") && Is(k - 4, "truoc", "khi"))
                {
                    // "Trước khi hết hạn 06 tháng, cơ sở … nộp hồ sơ cấp lại": counted back from when a licence expires, a day
                    // the cell does not give: the task waits for it, no half-year period.
                    SetEventMarker(k, EventWhen.Always);
                    return j + 1;
                }

                if ((Is(j + 1, "dau", "nam") || Is(j + 1, "cuoi", "nam")) && n == 6 && Is(j + 3, ':'))
                {
                    return j + 3; // "6 tháng đầu năm: Sơ bộ: 20/6 năm N …" — the period's heading, its dates follow
                }

                if ((Is(j + 1, "dau", "nam") || Is(j + 1, "cuoi", "nam")) && n == 6)
                {
                    return HalfYear(k, j + 1);
                }

                if (Is(j + 1, "dau", "nam") && n is >= 2 and <= 11 && n != 6 && (n is not (3 or 9) || IsYearNumber(j + 3)) && !Is(j + 3, ':'))
                {
                    return FirstMonths(k, n, j + 1);
                }

                if (MonthsIntoNextYear(k, n, j) is var into && into > k)
                {
                    return into;
                }

                var period = n switch
                {
                    1 => ReportingPeriod.Monthly,
                    3 => ReportingPeriod.Quarterly,
                    6 => ReportingPeriod.HalfYearly,
                    9 => ReportingPeriod.NineMonths,
                    12 => ReportingPeriod.Yearly,
                    _ => (ReportingPeriod?)null,
                };
                if (Is(k - 1, "chia") && period is not null)
                {
                    // "thù lao theo kế hoạch năm chia 12 tháng": a sum divided by months, no period.
                    return j + 1;
                }

                if (period is not null && LengthOfTime(k, j))
                {
                    // "có thể kéo dài thêm nhưng không quá 06 tháng", "gia hạn tối đa 06 tháng": how long something may last,
                    // no period that ends on a day.
                    return j + 1;
                }

                if (period is { } p)
                {
                    // ("06 tháng 01 lần": the frequency's words are the period's.)
                    var once = OnceEveryFewMonths(k, j);
                    AddPeriod(p, k, once ? j + 2 : null);
                    return once ? j + 3 : j + 1;
                }

                return k;
            }

            // 02 lần/năm, 2 lần mỗi năm, 4 lần trong năm; "02 đợt/năm", "2 kỳ/năm" (rounds or sittings, with "/", "mỗi" or
            // "trong" before the year); "01 lần/quý", "1 lần/tháng", "1 lần/6 tháng": once in each such period.
            var rounds = Is(j, "dot") || Is(j, "ky");
            if (Is(j, "lan") || rounds)
            {
                var at = j + 1;
                // ("04 lần/01 năm", "01 lần trong 01 tháng": one period written with its number.)
                while (at < tokens.Length && (tokens[at].IsPunct('/') || Is(at, "moi") || Is(at, "trong") || Is(at, "mot")
                    || (Is(at, TokenType.Number) && tokens[at].Value == 1 && (Is(at - 1, '/') || Is(at - 1, "trong"))
                        && (Is(at + 1, "nam") || Is(at + 1, "quy") || Is(at + 1, "thang")))))
                {
                    at++;
                }

                var each = at > j + 1 && n == 1 && !IsYearNumber(at + 1) && !(Is(at + 1, '/') || Is(at + 1, '-'))
                    ? Is(at, "quy") ? ReportingPeriod.Quarterly : Is(at, "thang") ? ReportingPeriod.Monthly : Is(at, TokenType.Number) && tokens[at].Value == 6 && Is(at + 1, "thang") ? ReportingPeriod.HalfYearly : (ReportingPeriod?)null
                    : null;
                if (each is { } once)
                {
                    var last = once == ReportingPeriod.HalfYearly ? at + 1 : at;
                    frequencyGiven = true;
                    recurringMarkers.Add(k);
                    AddPeriod(once, k, last);
                    return last + 1;
                }

                if (Is(at, "nam") && !IsYearNumber(at + 1) && (!rounds || at > j + 1) && RoundsListedAfter(at + 1))
                {
                    // "Thời gian chi trả thực hiện 2 lần trong năm học: lần 1 chi trả vào tháng 12 hằng năm; lần 2 … vào tháng 5
                    // hằng năm": each round gives its own month; the count of rounds is no period of its own.
                    return at + 1;
                }

                if (Is(at, "nam") && !IsYearNumber(at + 1) && (!rounds || at > j + 1) && EarlierInClause(k, "khuyen", "khich"))
                {
                    // "Nộp tối thiểu 50% … trước ngày 30 tháng 7 năm 2022, số còn lại nộp trước ngày 20 tháng 11 năm 2022.
                    // Khuyến khích các tổ chức nộp Quỹ 01 lần/năm": a way of paying encouraged, no duty's frequency.
                    return at + 1;
                }

                if (Is(at, "nam") && !IsYearNumber(at + 1) && (!rounds || at > j + 1))
                {
                    var period = n switch
                    {
                        1 => ReportingPeriod.Yearly,
                        2 => ReportingPeriod.HalfYearly,
                        4 => ReportingPeriod.Quarterly,
                        12 => ReportingPeriod.Monthly,
                        _ => (ReportingPeriod?)null,
                    };
                    if (period is null)
                    {
                        error = $"\"{Original(k, at)}\": chỉ đọc được 1, 2, 4 hoặc 12 lần mỗi năm.";
                        return at + 1;
                    }

                    frequencyGiven = true;
                    recurringMarkers.Add(k);
                    AddPeriod(period.Value, k, at);
                    return at + 1;
                }
            }

            // Not "Sửa đổi 1:2024 QCVN 05A:2020/BCT", "TCVN 5507:2002": a standard's edition after ":".
            var edition = Is(k - 1, ':') && Touches(k - 1, k) && k >= 2 && Touches(k - 2, k - 1);
            // Not "đón chào năm mới 2026": the New Year's name, an occasion, not a year's work.
            return IsYearNumber(k) && !Is(k - 1, '/') && !Is(k + 1, '/') && !edition && !Is(k - 2, "nam", "moi") ? BareYear(k) : k;
        }

        /// <summary>Whether the first of the rounds just counted is named within twenty tokens from <paramref name="j"/>, in
        /// its sentence: "lần 1", "lần thứ nhất", "đợt 1" ("… 2 lần trong năm học: lần 1 chi trả vào tháng 12 …").</summary>
        private bool RoundsListedAfter(int j)
        {
            for (var t = j; t + 1 < tokens.Length && t < j + 20 && !IsSentenceBreak(t); t++)
            {
                if ((Is(t, "lan") || Is(t, "dot")) && ((Is(t + 1, TokenType.Number) && tokens[t + 1].Value == 1) || Is(t + 1, "thu", "nhat")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether "N tháng 01 lần" (<paramref name="k"/> the count, <paramref name="j"/> "tháng") says how often, once
        /// every N months, as "N tháng một lần" does: "… có trách nhiệm định kỳ 06 tháng 01 lần thông báo tình hình chấp hành
        /// án …" is every half year, not the date 06/01. After "ngày" the numbers are a day and its month.</summary>
        private bool OnceEveryFewMonths(int k, int j) =>
            Is(j + 2, "lan") && Is(j + 1, TokenType.Number) && tokens[j + 1].Value == 1 && !Is(k - 1, "ngay") && !Is(k - 1, "mung");

        /// <summary>"năm N", "năm sau", "(của) năm tiếp theo", "năm trước" at <paramref name="j"/>, after a date; also "năm báo
        /// cáo (N)", the year reported on ("Sơ bộ ngày 25/12 năm báo cáo (N)"): the tracked year, a report's, every year; so is
        /// "của kỳ báo cáo" ("chậm nhất vào ngày 21 tháng 12 của kỳ báo cáo", the report period's own day). "năm
        /// thực hiện", the year the work is carried out in, is the tracked year too: one date ("trước ngày 01 tháng 11 năm thực
        /// hiện"), unless a yearly duty is named before it ("Đối với phương án điều hành ngân quỹ nhà nước năm, … phê duyệt chậm
        /// nhất ngày 10 tháng 01 của năm thực hiện": each year's plan, every year) or the cell speaks of a report. So is "năm
        /// hiện hành", the current year ("… hoàn thành trước ngày 15 tháng 11 năm hiện hành" is once).</summary>
        private (int Year, int Last)? RelativeYearAt(int j)
        {
            var year = Is(j, "cua", "nam") ? j + 1 : j;
            var period = Is(j, "cua", "ky") ? j + 1 : j;
            if (Is(period, "ky") && IsReportWord(period + 1) && YearlyPeriodBefore(j) && (Is(period + 3, "tiep", "theo") || Is(period + 3, "ke", "tiep") || Is(period + 3, "sau")))
            {
                // "… hằng năm … trước ngày 15 tháng 01 của kỳ báo cáo tiếp theo": in a yearly duty, the next report period is the
                // next year, every year, as "năm tiếp theo của kỳ báo cáo" is.
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear + 1, Is(period + 3, "sau") ? period + 3 : period + 4);
            }

            if (Is(j, "cua", "ky") && IsReportWord(j + 2) && !Is(j + 4, "tiep") && !Is(j + 4, "ke") && !Is(j + 4, "sau") && !Is(j + 4, "truoc") && !YearNumberInCell())
            {
                // "chậm nhất vào ngày 21 tháng 12 của kỳ báo cáo": a day and month "of the report period", without a year, is
                // that day of each period's year: every year, as "năm báo cáo" is. A cell naming a year ("hạn nộp báo cáo …
                // năm 2025 là trước ngày 20 tháng 12 của kỳ báo cáo") speaks of that one period: left as it reads.
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear, j + 3);
            }

            if (Is(year, "nam") && (Is(year + 1, "thuc", "hien") || Is(year + 1, "hien", "hanh")) && !Is(year + 3, TokenType.Number))
            {
                // "năm thực hiện", the year the work is carried out in, is each cycle's: a rule's day in it recurs ("cơ quan chủ
                // quản tổng hợp nhu cầu … gửi cơ quan tài chính chậm nhất trước ngày 01 tháng 11 năm thực hiện"); "năm hiện hành",
                // the current year, is the tracked one, every year only after a yearly duty.
                placeholder = Is(year + 1, "thuc") || YearlyPeriodBefore(j) ? YearPlaceholder.Report
                    : placeholder == YearPlaceholder.None ? YearPlaceholder.Relative : placeholder;
                return (context.TrackedYear, year + 2);
            }

            if (Is(year, "nam", "tinh") && Is(year + 2, "thue") && !Is(year + 3, TokenType.Number))
            {
                // "chậm nhất là ngày 31 tháng 12 của năm tính thuế": the tax year is each year's, as a report's year is; every year.
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear, year + 2);
            }

            if (Is(year, "nam", "ke") && Is(year + 2, "hoach") && !Is(year + 3, TokenType.Number) && !Is(year + 3, "tiep") && !Is(year + 3, "sau")
                && !Is(year + 3, "truoc") && !Is(year + 3, "lien") && PlanOrReportNamed(j))
            {
                // "… lập và gửi … dự kiến kế hoạch tài chính … trước ngày 01 tháng 3 năm kế hoạch": in a cell about the plan, the
                // plan's year is each cycle's, as a report's year is; every year. Bare, "trước ngày 31 tháng 3 của năm kế hoạch"
                // is the tracked year's one date.
                placeholder = YearPlaceholder.Report;
                return (context.TrackedYear, year + 2);
            }

            if (Is(year, "nam") && IsReportWord(year + 1))
            {
                placeholder = YearPlaceholder.Report;
                var last = year + 2;
                return (context.TrackedYear, Is(last + 1, '(') && Is(last + 2, "n") && Is(last + 3, ')') ? last + 3 : last);
            }

            return Is(year, "nam") ? PlaceholderYear(year + 1) : null;
        }

        /// <summary>Whether the cell names a plan ("kế hoạch", not "năm kế hoạch" nor "Bộ Kế hoạch") or a report outside the
        /// date at token <paramref name="j"/> and its year: "… rà soát kế hoạch tài chính và giao … trước ngày 30 tháng 4 năm
        /// kế hoạch".</summary>
        private bool PlanOrReportNamed(int j)
        {
            for (var t = 1; t < tokens.Length; t++)
            {
                // (After the date too: "Trước ngày 30 tháng 3 năm kế hoạch, Ủy ban nhân dân cấp tỉnh … phê duyệt kế hoạch tài
                // chính năm kế hoạch"; and a report: "Thời gian báo cáo … các chỉ tiêu này trước ngày 15 tháng 3 năm kế hoạch".)
                if ((t < j - 1 || t > j + 3) && ((Is(t, "ke", "hoach") && !Is(t - 1, "nam") && !Is(t - 1, "bo")) || IsReportWord(t)))
                {
                    return true;
                }
            }

            return Is(0, "ke", "hoach");
        }

        /// <summary>Whether any token of the cell is a year number ("2025").</summary>
        private bool YearNumberInCell()
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                if (IsYearNumber(i))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a yearly period word ("năm" as a period, "hằng năm") was read before token <paramref name="j"/>.</summary>
        private bool YearlyPeriodBefore(int j)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Period && item.Period == ReportingPeriod.Yearly && item.LastToken < j)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"… nhưng không chậm hơn 03 tháng của năm công tác tiếp theo": after "không chậm hơn" or "chậm nhất", a count
        /// of months "of the next year" (its kind of year between: "năm công tác", "năm tài chính") is that many months into
        /// it, by the end of its month of that number; a year relative to the plan's, as "năm sau". Returns the token after
        /// the words, or <paramref name="first"/> when they are not there.</summary>
        private int MonthsIntoNextYear(int first, int months, int thang)
        {
            if (months is < 1 or > 11 || !Is(thang + 1, "cua", "nam") || !(Is(first - 3, "khong", "cham", "hon") || Is(first - 2, "cham", "nhat")))
            {
                return first;
            }

            for (var t = thang + 3; t <= thang + 5 && Is(t, TokenType.Word); t++)
            {
                var last = Is(t, "sau") ? t : Is(t, "tiep", "theo") || Is(t, "ke", "tiep") ? t + 1 : -1;
                if (last > 0)
                {
                    placeholder = placeholder == YearPlaceholder.None ? YearPlaceholder.Relative : placeholder;
                    AddDate(MonthEnd(context.TrackedYear + 1, months), null, false, first, last);
                    return last + 1;
                }
            }

            return first;
        }

        /// <summary>"Trong 5 tháng đầu năm 2026", "10 tháng đầu năm 2025", "9 tháng đầu năm 2026": the first <paramref name="months"/>
        /// months of the year, which end with the last day of its month of that number. Not 6 (<see cref="HalfYear"/>); not 3 or 9
        /// without the year written, "Ước tính 9 tháng đầu năm báo cáo", which is the nine months' report (a period).</summary>
        private int FirstMonths(int first, int months, int part)
        {
            var yearGiven = IsYearNumber(part + 2);
            var year = yearGiven ? tokens[part + 2].Value : context.TrackedYear;
            var last = yearGiven ? part + 2 : part + 1;
            var end = new LocalDate(year, months, CalendarSystem.Iso.GetDaysInMonth(year, months));
            items.Add(new Item(ItemKind.Date, end, year, default, Original(first, part + 1), !yearGiven, first, last)
            {
                Start = new LocalDate(year, 1, 1),
            });
            return last + 1;
        }

        /// <summary>"6 tháng đầu năm [2026]", "nửa cuối năm": the half named by "đầu"/"cuối" at <paramref name="part"/>,
        /// due at its last day, the phrase starting at <paramref name="first"/>.</summary>
        private int HalfYear(int first, int part)
        {
            var yearGiven = IsYearNumber(part + 2);
            var year = yearGiven ? tokens[part + 2].Value : context.TrackedYear;
            var last = yearGiven ? part + 2 : part + 1;
            var firstHalf = Is(part, "dau");
            items.Add(new Item(ItemKind.Date, firstHalf ? new LocalDate(year, 6, 30) : new LocalDate(year, 12, 31), year, default, firstHalf ? "6 tháng đầu năm" : "6 tháng cuối năm", !yearGiven, first, last)
            {
                Start = firstHalf ? new LocalDate(year, 1, 1) : new LocalDate(year, 7, 1),
            });
            return last + 1;
        }

        /// <summary>Whether the months counted at <paramref name="k"/> (their unit at <paramref name="unit"/>) are a length of
        /// time: after "không quá", "tối đa", "thêm", "gia hạn" or "kéo dài" ("kéo dài thêm nhưng không quá 06 tháng"). Not
        /// after "định kỳ" nor before "một lần" or "/lần": "định kỳ tối đa 06 tháng một lần" is how often.</summary>
        private bool LengthOfTime(int k, int unit)
        {
            var says = Is(k - 2, "khong", "qua") || Is(k - 2, "toi", "da") || Is(k - 1, "them") || Is(k - 2, "gia", "han") || Is(k - 2, "keo", "dai");
            if (!says || Is(unit + 1, '/') || Is(unit + 1, "mot", "lan") || (Is(unit + 1, TokenType.Number) && Is(unit + 2, "lan")))
            {
                return false;
            }

            for (var t = k - 1; t >= 0 && t >= k - 5; t--)
            {
                if (Is(t, "dinh", "ky"))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the words ending at token <paramref name="last"/> name the constitution or a law, which the year
        /// after them (or after "năm") completes: "Hiến pháp 2013", "Luật Phòng, chống tham nhũng 2018", "Bộ luật Lao động
        /// năm 2019". A law's name is "Luật" written with its capital (or "Bộ luật"), a capitalised word (both in small
        /// letters in a cell typed so: "luật phòng, chống tham nhũng 2018"; never "pháp luật"), then words or commas, at most sixteen tokens in all ("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân sửa đổi 2025"),
        /// none of them a word that says when ("Luật Đất đai có hiệu lực trong năm 2025" keeps its year; "theo Luật Doanh
        /// nghiệp, Điều lệ Công ty nhưng chậm nhất không quá ngày 30/6/2020" its day; "Luật Trọng tài thương mại 2010":
        /// "Trọng" is no "trong"). (Not the words of time of <see cref="SaysTime"/>: folded, "nhũng", "tư", "Quy", "Đấu", "Nam"
        /// are in laws' names.)</summary>
        private bool NamesCharter(int last)
        {
            if (Is(last - 1, "hien", "phap"))
            {
                return true;
            }

            // "Luật" first, one comparison a token: a year's words are asked their meaning only after a law's name.
            var law = -1;
            for (var j = last; j >= 1 && j >= last - 15 && law < 0 && (tokens[j].IsWord || Is(j, ',')); j--)
            {
                law = Is(j - 1, "luat") ? j : -1;
            }

            // "Luật Đất đai", "Bộ luật Lao động" with their capitals, or "luật phòng, chống tham nhũng" in a cell typed in small
            // letters; not "Luật về …" nor "pháp luật về …", the law in general.
            var named = IsCapitalWord(law) ? IsCapitalWord(law - 1) || Is(law - 2, "bo") : !IsCapitalWord(law - 1);
            if (law < 0 || !named || Is(law - 2, "phap"))
            {
                return false;
            }

            for (var j = law; j <= last; j++)
            {
                if ((Is(j, "trong") && !WrittenAs(j, "trọng")) || Is(j, "den") || Is(j, "toi") || Is(j, "truoc") || Is(j, "sau") || Is(j, "vao") || Is(j, "ngay")
                    || Is(j, "thang") || Is(j, "het") || Is(j, "cuoi") || Is(j, "giua") || Is(j, "hieu", "luc") || Is(j - 1, "thi", "hanh")
                    || Is(j - 1, "ban", "hanh") || Is(j - 1, "hoan", "thanh") || Is(j, "thong", "qua") || Is(j, "cham", "nhat") || Is(j, "khong", "qua")
                    || (Is(j, "nhung") && WrittenAs(j, "nhưng")))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"khu vực", "mục", "khoản", "điểm", "phần" before a number: it numbers a section.</summary>
        private bool NumbersSection(int k) =>
            Is(k - 1, "muc") || Is(k - 1, "khoan") || Is(k - 1, "diem") || Is(k - 1, "phan") || Is(k - 2, "khu", "vuc")
            || (Is(k - 1, "tiet") && WrittenAs(k - 1, "tiết"));

        /// <summary>"Thông báo số 326/TB-TTHĐND ngày 17/12/2025", "Quyết định 962/QĐ-UBND ngày 15/8/2024", "Nghị quyết số
        /// 190/2025/QH15 ngày 19/02/2025", "Quyết định 484/QĐ-TTg ban hành hôm 7/6": the date after a document's number is when that document was issued, not a
        /// deadline. A cell that is only such a reference defers to the document (an event). Returns the token after the
        /// date, or <paramref name="k"/>.</summary>
        /// <remarks>So is the day of a meeting listed after such documents ("tại các Thông báo kết luận số 09/TB-VPCP ngày
        /// 11 tháng 01 năm 2024; số 328/TB-VPCP ngày 16 tháng 7 năm 2024 và cuộc họp ngày 22 tháng 8 năm 2024"): when it was
        /// held, what the task follows up. A meeting's day alone ("Tổ chức cuộc họp ngày 15/12/2025") stays a date.</remarks>
        private int CitedDocumentDate(int k)
        {
            // "Quyết định 484/QĐ-TTg ban hành hôm 7/6": "(ban hành) hôm" as "ngày".
            var said = Is(k - 1, "ngay") || Is(k - 1, "hom") ? k - 1 : -1;
            said = said >= 2 && Is(said - 2, "ban", "hanh") ? said - 2 : said;
            // "Thông tư 23/2025/TT-BNNMT có hiệu lực từ ngày 01/07/2025": the day a cited document takes effect.
            said = said >= 4 && Is(said - 4, "co", "hieu") && Is(said - 2, "luc", "tu") ? said - 4 : said;
            var number = said >= 0 ? DocumentNumberBefore(said) : -1;
            // "Thực hiện Luật Nghĩa vụ quân sự ngày 19 tháng 6 năm 2015; …": a law named with its day is cited as a numbered
            // document is, the day it was passed (<see cref="NamesCharter"/>: "Luật" and its capitalised name, no word of time);
            // not a day said as a deadline after the name ("… của Luật Bầu cử … chậm nhất là ngày 22 tháng 02 năm 2026", also
            // glued to the name in a cell typed in one case: "… HỘI ĐỒNG NHÂN DÂNCHẬM NHẤT LÀ NGÀY 4 THÁNG 3 NĂM 2021").
            var law = number < 0 && said >= 2 && Is(said, "ngay") && !Is(said - 1, "la") && !Is(said - 1, "nhat") && Mentions("luat")
                && NamesCharter(said - 1) && !SaidAsDeadline(k);
            var meeting = number < 0 && !law && MeetingAfterCitedDocuments(k);
            if (number < 0 && !meeting && !law)
            {
                return k;
            }

            var last = k;
            if (Is(k + 1, '/') && Is(k + 2, TokenType.Number))
            {
                last = Is(k + 3, '/') && Is(k + 4, TokenType.Number) ? k + 4 : k + 2;
            }
            else if (Is(k + 1, "thang") && Is(k + 2, TokenType.Number))
            {
                last = Is(k + 3, "nam") && Is(k + 4, TokenType.Number) ? k + 4 : k + 2;
            }

            var kindEnd = Is(number - 1, "so") ? number - 2 : number - 1;
            if (!meeting && kindEnd is >= 0 and <= 2 && NamesDocument(0, kindEnd))
            {
                SetEventMarker(0, EventWhen.WithoutDate);
            }

            return last + 1;
        }

        /// <summary>Whether the day at <paramref name="k"/> follows "và cuộc họp ngày" or "và phiên họp ngày" after a cited
        /// document's day earlier in its sentence (<see cref="CitedDocumentDate"/>).</summary>
        private bool MeetingAfterCitedDocuments(int k)
        {
            if (!Is(k - 1, "ngay") || !Is(k - 2, "hop") || !(Is(k - 3, "cuoc") || Is(k - 3, "phien")) || !Is(k - 4, "va"))
            {
                return false;
            }

            for (var j = k - 5; j >= 1 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, "ngay") && DocumentNumberBefore(j) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Quyết định 1299/QĐ-UBND năm 2024": the year after a document's number is when that document was
        /// issued, not a deadline. Returns the token after the year, or <paramref name="k"/>.</summary>
        private int CitedDocumentYear(int k) =>
            Is(k, "nam") && IsYearNumber(k + 1) && DocumentNumberBefore(k) >= 0 ? k + 2 : k;

        /// <summary>The leading number of a document's number written right before token <paramref name="k"/>, said after
        /// "số" or a kind of document: "số 12/KH-UBND", "Quyết định 962/QĐ-UBND", "Nghị quyết số 190/2025/QH15", "Nghị định
        /// 69/2024/NĐ-CP"; -1 when there is none. After the number's "/" come capitals as written ("QĐ", "UBND", "TTg") or
        /// numbers, joined by "-" or "/"; a Party body's numbers put the kind first, after "-": "Văn bản số 43-CV/TU",
        /// "Kế hoạch 02-KH/BCĐTW"; a plain number needs both, "Quyết định số 57". "Quý 3/2025" and "tháng 6/2025" are no document's.</summary>
        private int DocumentNumberBefore(int k)
        {
            // ("… đã có Công văn số 2887, ngày 4-10-2022 về việc …": a comma between the number and its day.)
            k -= Is(k - 1, ',') && Is(k - 2, TokenType.Number) && Is(k - 3, "so") ? 1 : 0;
            if (Is(k - 1, TokenType.Number) && Is(k - 2, "so") && k >= 4 && NamesDocument(k - 4, k - 3))
            {
                // "Quyết định số 57 ngày 16/5/2025", "Thông báo số 668 ngày 4/12/2025": a kind of document and "số" before a
                // plain number name a document too.
                return k - 1;
            }

            var lead = -1;
            for (var s = k - 1; s >= 0 && s >= k - 10; s--)
            {
                if (Is(s, '/') && Is(s - 1, TokenType.Number) && (Is(s + 1, TokenType.Number) || IsCapitalWord(s + 1)))
                {
                    lead = s - 1;
                }
                else if (Is(s, '-') && Is(s - 1, TokenType.Number) && IsCapitalWord(s + 1) && Is(s + 2, '/') && IsCapitalWord(s + 3))
                {
                    lead = s - 1;
                }
                else if (!IsCodeWord(s, k) && !Is(s, TokenType.Number) && !Is(s, '-') && !Is(s, '/'))
                {
                    break;
                }
            }

            return lead >= 1 && (Is(lead - 1, "so") || NamesDocument(lead - 1, lead - 1) || (lead >= 2 && NamesDocument(lead - 2, lead - 1))) ? lead : -1;
        }

        /// <summary>Whether the number at <paramref name="k"/> opens, or goes on, a group of numbers joined by dots right after
        /// "số" ("Mẫu số 5.1.6": "5", "1" and "6" alike), which numbers a form, not a day; so right after "Mẫu" without "số"
        /// ("theo Mẫu 2.9 tại Phụ lục"; "màu", a colour, folds alike and numbers nothing), or after a section's word ("mục
        /// 3.2.1").</summary>
        private bool NumberedAfterSo(int k)
        {
            var first = k;
            while (Is(first - 1, '.') && Is(first - 2, TokenType.Number) && Touches(first - 2, first - 1) && Touches(first - 1, first))
            {
                first -= 2;
            }

            return Is(first - 1, "so") || (Is(first - 1, "mau") && WrittenAs(first - 1, "mẫu")) || NumbersSection(first) || (first == 0 && SectionNumberOpensCell());
        }

        /// <summary>Whether the cell opens with a section's number of two or more parts and a dot before its words ("5.2.3.
        /// Tiếp nhận Thông báo …", "1.3. Đối với …"): no day, month and year.</summary>
        private bool SectionNumberOpensCell()
        {
            for (var j = 0; Is(j, TokenType.Number) && Is(j + 1, '.') && Touches(j, j + 1); j += 2)
            {
                if (!(Is(j + 2, TokenType.Number) && Touches(j + 1, j + 2)))
                {
                    return j >= 2 && Is(j + 2, TokenType.Word);
                }
            }

            return false;
        }

        private bool IsCapitalWord(int k) => Is(k, TokenType.Word) && char.IsUpper(text.Text[tokens[k].Start]);

        /// <summary>Whether token <paramref name="k"/> is a capitalised word glued to the mark or number before it, or to the
        /// next token before <paramref name="end"/>: a piece of a document's number ("QĐ", "UBND" of "962/QĐ-UBND"), not a
        /// word of the sentence, which a cell typed in capitals writes alike ("NGHỊ ĐỊNH 307/2025/NĐ-CP TRƯỚC NGÀY …").</summary>
        private bool IsCodeWord(int k, int end) =>
            IsCapitalWord(k) && ((k > 0 && Touches(k - 1, k)) || (k + 1 < end && Touches(k, k + 1)));

        /// <summary>Whether tokens <paramref name="first"/>..<paramref name="last"/> name a kind of document.</summary>
        private bool NamesDocument(int first, int last) =>
            (last == first + 1 && (Is(first, "thong", "bao") || Is(first, "cong", "van") || Is(first, "quyet", "dinh") || Is(first, "nghi", "quyet")
                || Is(first, "ke", "hoach") || Is(first, "chi", "thi") || Is(first, "van", "ban") || Is(first, "to", "trinh") || Is(first, "ket", "luan")
                || Is(first, "nghi", "dinh") || Is(first, "thong", "tu") || Is(first, "cong", "dien") || Is(first, "huong", "dan")))
            || (last == first && (Is(first, "tb") || Is(first, "cv") || Is(first, "qd")));

        private int ExactDate(int day, int month, int? year, int first, int last)
        {
            var y = year ?? context.TrackedYear;
            if (IsPastYear(y, first, last))
            {
                return last + 1;
            }

            if (y is < DeadlineContext.MinYear or > DeadlineContext.MaxYear && y is >= 1000 and <= 9999 && OpensSpan(first) && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(y, month))
            {
                // "Từ ngày 01/11/2205 đến ngày 10/12/2025": perhaps a typo the span's end can mend (MendStartYear).
                startYearTypo = true;
                AddDate(new LocalDate(y, month, day), null, false, first, last);
                return last + 1;
            }

            if (y < 1000)
            {
                // "dành cho học sinh khối 3-4-5": a group of numbers whose last is not a year written out (one or three
                // digits) is no date; refused only if the phrase has no other date, as a day the calendar lacks.
                impossibleDate ??= $"\"{Original(first, last)}\": năm {y} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return last + 1;
            }

            if (y is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
            {
                error = $"\"{Original(first, last)}\": năm {y} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return last + 1;
            }

            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(y, month))
            {
                // Refused only if the phrase has no other date ("44/92/2026; 6/8/2026; 8/8/2026": a slip among good dates).
                impossibleNumbers |= impossibleDate is null && (month > 12 || day > 31);
                impossibleDate ??= $"\"{Original(first, last)}\": ngày {day:00}/{month:00}/{y} không có trong lịch.";
                return last + 1;
            }

            AddDate(new LocalDate(y, month, day), null, year is null, first, last);
            return last + 1;
        }

        /// <summary>"Ngày 15 hoặc 16/12/2025", "trước ngày 4 hoặc 5/3": a day said without its month, then "hoặc" and a day with
        /// its month (and year), is a day of that month: added alone, so that the two read as alternatives (the earlier, listed
        /// for a coordinator to confirm, as "15/12 hoặc 16/12/2025" is).</summary>
        private int AlternativeDayStart(int k)
        {
            if (!Is(k - 1, "ngay") || !Is(k + 1, "hoac") || !Is(k + 2, TokenType.Number) || tokens[k].Length > 2 || tokens[k + 2].Length > 2
                || !(Is(k + 3, '/') || Is(k + 3, '.') || Is(k + 3, '-')) || !Is(k + 4, TokenType.Number) || tokens[k + 4].Length > 2)
            {
                return k;
            }

            var withYear = k + 6 < tokens.Length && tokens[k + 5].IsPunct((char)tokens[k + 3].Value) && IsYearNumber(k + 6);
            var (day, month, year) = (tokens[k].Value, tokens[k + 4].Value, withYear ? tokens[k + 6].Value : context.TrackedYear);
            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return k;
            }

            AddDate(new LocalDate(year, month, day), null, !withYear, k, k);
            return k + 1;
        }
    }
}
