using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Where a deadline phrase becomes dates: "Quý I/2025", "Trong năm 2025", "- Ban hành kế hoạch
/// tháng 12/2024 - Thực hiện trong Quý II, III/2025", "Sau khi Trung ương công bố…".
/// </summary>
/// <remarks>
/// <para>The parser reads the phrase as a careful coordinator would, in four steps: it cleans the
/// noise of extracted documents (line breaks, markup, NFD, a footnote number glued to a year such as
/// "20257"); it finds the date items (quarters, months, exact dates, whole years, periods); it
/// splits the phrase into phases at sentence marks and bullets, each phase named by the words
/// before its dates; and it decides the kind from what it found.</para>
/// <para>It never throws: whatever the input, the answer is a <see cref="Schedule"/>, of kind
/// <see cref="ScheduleKind.Unknown"/> with a reason in Vietnamese when the words say no date.</para>
/// <para>Thread-safe and allocation-light: one call allocates the cleaned text, its tokens and the
/// result.</para>
/// </remarks>
public static partial class DeadlineParser
{
    private static readonly string[] QuarterNames = ["Quý I", "Quý II", "Quý III", "Quý IV"];
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly char[] ConditionTrim = ['.', ',', ';', ' '];
    private static readonly char[] LabelTrim = [':', ' ', ','];
    private static readonly ReportingPeriod[] Periods = Enum.GetValues<ReportingPeriod>();

    /// <summary>Reads <paramref name="phrase"/> in <paramref name="context"/>.</summary>
    public static Schedule Parse(string? phrase, DeadlineContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        phrase ??= string.Empty;
        try
        {
            return new Reading(phrase, context).Read();
        }
#pragma warning disable CA1031 // The contract is "never an exception": a bug must still come out as an unknown schedule.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Schedule.Unknown(phrase, $"Không đọc được cụm từ thời hạn ({e.GetType().Name}).");
        }
    }

    private enum ItemKind : byte
    {
        /// <summary>A date: a quarter's end, a month's end, a day.</summary>
        Date,

        /// <summary>A whole year ("Trong năm 2025", "Thường xuyên"): continuous on its own, its last day inside phases.</summary>
        Year,

        /// <summary>A period word of a recurring duty ("quý", "6 tháng", "năm").</summary>
        Period,

        /// <summary>A span from <see cref="Item.Start"/> to <see cref="Item.Date"/> ("2026 - 2030", "từ tháng 3 đến tháng 10").</summary>
        Span,

        /// <summary>A given day of every month ("ngày 22 hàng tháng"): <see cref="Item.Year"/> holds the day; a
        /// <see cref="Item.Name"/> of "sau" moves it to the next month ("ngày 10 của tháng tiếp theo").</summary>
        DayOfMonth,

        /// <summary>"từ nay": the start of a span, the plan's issue date.</summary>
        Now,
    }

    /// <summary>What the scanner found, with the tokens it covers; <see cref="Start"/> is the first day the item
    /// covers (a quarter's first day for "Quý II"), used when it opens a span.</summary>
    private readonly record struct Item(ItemKind Kind, LocalDate Date, int Year, ReportingPeriod Period, string? Name, bool YearImplicit, int FirstToken, int LastToken)
    {
        public LocalDate Start { get; init; } = Date;

        /// <summary>A deadline to finish by ("Hoàn thành trong năm 2026"), not work that goes on.</summary>
        public bool Completion { get; init; }

        /// <summary>A span opened by "từ" that nothing closes ("Từ 01/7/2025"): it runs to its year's end.</summary>
        public bool OpenEnded { get; init; }
    }

    private sealed partial class Reading
    {
        private readonly string phrase;
        private readonly DeadlineContext context;
        private readonly PhraseText text;
        private readonly Token[] tokens;
        private readonly List<Item> items = new(4);
        private readonly List<string> notes = new(2);
        private readonly bool[] covered;
        private string? error;
        private readonly List<int> recurringMarkers = [];
        private readonly List<string> ambiguities = [];
        private bool frequencyGiven;
        private bool placeholderYear;
        private int eventMarker = -1;
        private bool eventOnlyWithoutDate;

        public Reading(string phrase, DeadlineContext context)
        {
            this.phrase = phrase;
            this.context = context;
            text = PhraseText.Of(phrase);
            tokens = Tokenizer.Tokenize(text.Folded);
            covered = new bool[tokens.Length];
        }

        public Schedule Read()
        {
            if (tokens.Length == 0)
            {
                return Schedule.Unknown(phrase, "Ô thời hạn trống: hãy ghi thời hạn, ví dụ \"Quý I/2025\" hoặc \"Thường xuyên\".");
            }

            SplitFootnotes();
            Scan();
            if (error is not null)
            {
                return Schedule.Unknown(phrase, error);
            }

            MergeSpans();
            MarkCompletions();
            var hasDates = items.Exists(i => i.Kind is not (ItemKind.Period or ItemKind.DayOfMonth or ItemKind.Now));
            var isEvent = eventMarker >= 0 && !(eventOnlyWithoutDate && hasDates);
            if (isEvent)
            {
                notes.Insert(0, EventCondition());
            }

            CollectFreeText(isEvent);
            if (isEvent && eventOnlyWithoutDate && !hasDates)
            {
                // "Theo kế hoạch công tác tư pháp hàng năm": the period words belong to the other body's timetable.
                return Finish(ScheduleKind.Event, []);
            }

            var (kind, milestones, reason) = IsRecurring() ? Recurring() : Dated();
            if (reason is not null && !isEvent)
            {
                return Schedule.Unknown(phrase, reason);
            }

            if (isEvent)
            {
                kind = ScheduleKind.Event;
            }

            return Finish(kind, milestones);
        }

        private Schedule Finish(ScheduleKind kind, List<Milestone> milestones)
        {
            NoteDatesBeforeIssue(milestones);
            notes.AddRange(ambiguities);
            return new Schedule(phrase, kind, milestones, notes.Count == 0 ? null : string.Join("; ", notes), null)
            {
                Ambiguity = ambiguities.Count == 0 ? null : string.Join("; ", ambiguities),
            };
        }

        // ----- step 1: noise -------------------------------------------------------------------

        /// <summary>"Trong năm 20257": a five- or six-digit number that starts with a year is that
        /// year followed by a footnote mark.</summary>
        private void SplitFootnotes()
        {
            for (var k = 0; k < tokens.Length; k++)
            {
                var t = tokens[k];
                if (t.IsNumber && t.Length is 5 or 6 && (text.Folded[t.Start] == '2' || (text.Folded[t.Start] == '1' && text.Folded[t.Start + 1] == '9')))
                {
                    var year = int.Parse(text.Folded.AsSpan(t.Start, 4), CultureInfo.InvariantCulture);
                    if (year is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear)
                    {
                        notes.Add($"bỏ số chú thích {text.Folded.AsSpan(t.Start + 4, t.Length - 4)} dính sau năm {year}");
                        tokens[k] = new Token(TokenType.Number, t.Start, 4, year);
                    }
                }
            }
        }

        // ----- step 2: items --------------------------------------------------------------------

        private void Scan()
        {
            var k = 0;
            while (k < tokens.Length && error is null)
            {
                var next = TryItem(k);
                if (next > k)
                {
                    MarkCovered(k, next - 1);
                    k = next;
                }
                else
                {
                    k++;
                }
            }
        }

        /// <summary>Tries every pattern at token <paramref name="k"/>; returns the token after the match, or k.</summary>
        private int TryItem(int k)
        {
            if (Is(k, "quy") || Is(k, "qui"))
            {
                return Quarters(k);
            }

            if (Is(k, "thang") && !Is(k - 1, TokenType.Number))
            {
                return Is(k + 1, ':') ? k : Months(k);
            }

            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            if (tokens[k].IsNumber)
            {
                return NumberLed(k);
            }

            if (Is(k, "nam"))
            {
                return YearWord(k);
            }

            if (Is(k, "thuong", "xuyen") || Is(k, "lien", "tuc"))
            {
                AddYear(context.TrackedYear, k, k + 1, yearImplicit: true);
                return k + 2;
            }

            if (Is(k, "ca", "nam") && !IsYearNumber(k + 2))
            {
                AddYear(context.TrackedYear, k, k + 1, yearImplicit: true);
                return k + 2;
            }

            if ((Is(k, "hang") || Is(k, "moi")) && k + 1 < tokens.Length)
            {
                return Every(k);
            }

            if (Is(k, "dinh", "ky"))
            {
                recurringMarkers.Add(k);
                return k + 2;
            }

            if (Is(k, "cuoi", "nam"))
            {
                var year = IsYearNumber(k + 2) ? tokens[k + 2].Value : context.TrackedYear;
                var last = IsYearNumber(k + 2) ? k + 2 : k + 1;
                AddDate(new LocalDate(year, 12, 31), null, !IsYearNumber(k + 2), k, last);
                return last + 1;
            }

            if ((Is(k, "neu", "co") || Is(k, "khi")) && !InPurposeClause(k))
            {
                SetEventMarker(k > 0 && Is(k - 1, "sau") ? k - 1 : k, onlyWithoutDate: false);
                return k + 1;
            }

            if (Is(k, "theo", "huong", "dan"))
            {
                SetEventMarker(k, onlyWithoutDate: true);
                return k;
            }

            return k;
        }

        /// <summary>"Quý II, III/2025", "Quý III, IV năm 2025", "Quý II - Quý IV năm 2019", or the
        /// bare period word "quý" of "định kỳ quý/ 6 tháng".</summary>
        private int Quarters(int k)
        {
            var quarters = new List<int>(4);
            var j = k + 1;
            var q = Quarter(j);
            if (q == 0)
            {
                if (j < tokens.Length && (tokens[j].IsNumber || IsRomanLike(j)) && !Is(j + 1, "thang"))
                {
                    error = $"\"{Original(k, j)}\": quý chỉ có I, II, III, IV (hoặc 1 đến 4).";
                    return j + 1;
                }

                AddPeriod(ReportingPeriod.Quarterly, k);
                return k + 1;
            }

            quarters.Add(q);
            j++;
            while (j < tokens.Length)
            {
                var separator = tokens[j];
                var isList = separator.IsPunct(',') || separator.IsPunct('&') || Is(j, "va");
                var isRange = separator.IsPunct('-') || Is(j, "den");
                if (!isList && !isRange)
                {
                    break;
                }

                var at = Is(j + 1, "quy") ? j + 2 : j + 1;
                var nextQuarter = Quarter(at);
                if (nextQuarter == 0)
                {
                    break;
                }

                if (isRange)
                {
                    for (var r = quarters[^1] + 1; r < nextQuarter; r++)
                    {
                        quarters.Add(r);
                    }
                }

                quarters.Add(nextQuarter);
                j = at + 1;
            }

            var (year, yearImplicit, after) = YearSuffix(j);
            foreach (var quarter in quarters)
            {
                AddQuarter(year, quarter, yearImplicit, k, after - 1);
            }

            return QuarterRangeToNextYear(year, quarters[^1], yearImplicit, k, after);
        }

        /// <summary>"Tháng 12/2024", "tháng 12 năm 2017", "Tháng 11, 12/2025", or the bare "tháng" of "hằng tháng".</summary>
        private int Months(int k)
        {
            var j = k + 1;
            if (!Is(j, TokenType.Number))
            {
                AddPeriod(ReportingPeriod.Monthly, k);
                return k + 1;
            }

            var months = new List<int>(2);
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

                break;
            }

            var (year, yearImplicit, after) = YearSuffix(j);
            foreach (var m in months)
            {
                var end = new LocalDate(year, m, 1).PlusMonths(1).PlusDays(-1);
                items.Add(new Item(ItemKind.Date, end, end.Year, default, $"Tháng {m}", yearImplicit, k, after - 1) { Start = new LocalDate(year, m, 1) });
            }

            return after;
        }

        /// <summary>Exact dates ("31/01/2025", "31-01-2025", "15 tháng 12 năm 2024", "15/12"),
        /// "6 tháng đầu năm", the periods "6 tháng", "9 tháng", and frequencies "02 lần/năm".</summary>
        private int NumberLed(int k)
        {
            var n = tokens[k].Value;
            var j = k + 1;
            if (TryNumberLedExtended(k) is var extended && extended > k)
            {
                return extended;
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
                    year = tokens[j + 3].Length == 2 ? 2000 + tokens[j + 3].Value : tokens[j + 3].Value;
                    last = j + 3;
                }
                else if (Is(j + 2, "nam") && IsYearNumber(j + 3))
                {
                    year = tokens[j + 3].Value;
                    last = j + 3;
                }
                else if (Is(j + 2, "nam") && PlaceholderYear(j + 3) is { } placeholder)
                {
                    (year, last) = placeholder;
                }

                return LunarSuffix(last + 1) is var lunarEnd && lunarEnd > last + 1
                    ? LunarDay(n, month, year, k, lunarEnd)
                    : ExactDate(n, month, year, k, last);
            }

            // 15 tháng 12 [năm 2024]
            if (Is(j, "thang") && Is(j + 1, TokenType.Number) && n is >= 1 and <= 31 && tokens[j + 1].Length <= 2)
            {
                var month = tokens[j + 1].Value;
                var last = j + 1;
                int? year = null;
                if (Is(j + 2, "nam") && Is(j + 3, TokenType.Number))
                {
                    year = tokens[j + 3].Value;
                    last = j + 3;
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

            // 23 tháng Chạp, 10 tháng Giêng
            if (Is(j, "thang") && n is >= 1 and <= 30 && (Is(j + 1, "gieng") || Is(j + 1, "chap")))
            {
                var (lunarYear, after) = LunarYearSuffix(j + 2);
                return LunarDay(n, LunarMonth(j + 1), lunarYear, k, LunarSuffix(after));
            }

            // 6 tháng đầu năm / 6 tháng cuối năm / 6 tháng / 9 tháng
            if (Is(j, "thang"))
            {
                if ((Is(j + 1, "dau", "nam") || Is(j + 1, "cuoi", "nam")) && n == 6 && Is(j + 3, ':'))
                {
                    return j + 3; // "6 tháng đầu năm: Sơ bộ: 20/6 năm N …" — the period's heading, its dates follow
                }

                if ((Is(j + 1, "dau", "nam") || Is(j + 1, "cuoi", "nam")) && n == 6)
                {
                    var yearGiven = IsYearNumber(j + 3);
                    var year = yearGiven ? tokens[j + 3].Value : context.TrackedYear;
                    var last = yearGiven ? j + 3 : j + 2;
                    var firstHalf = Is(j + 1, "dau");
                    items.Add(new Item(ItemKind.Date, firstHalf ? new LocalDate(year, 6, 30) : new LocalDate(year, 12, 31), year, default, firstHalf ? "6 tháng đầu năm" : "6 tháng cuối năm", !yearGiven, k, last)
                    {
                        Start = firstHalf ? new LocalDate(year, 1, 1) : new LocalDate(year, 7, 1),
                    });
                    return last + 1;
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
                if (period is { } p)
                {
                    AddPeriod(p, k);
                    return j + 1;
                }

                return k;
            }

            // 02 lần/năm, 2 lần mỗi năm, 4 lần trong năm
            if (Is(j, "lan"))
            {
                var at = j + 1;
                while (at < tokens.Length && (tokens[at].IsPunct('/') || Is(at, "moi") || Is(at, "trong") || Is(at, "mot")))
                {
                    at++;
                }

                if (Is(at, "nam") && !IsYearNumber(at + 1))
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

            return IsYearNumber(k) && !Is(k - 1, '/') && !Is(k + 1, '/') ? BareYear(k) : k;
        }

        private int ExactDate(int day, int month, int? year, int first, int last)
        {
            var y = year ?? context.TrackedYear;
            if (y is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
            {
                error = $"\"{Original(first, last)}\": năm {y} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return last + 1;
            }

            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(y, month))
            {
                error = $"\"{Original(first, last)}\": ngày {day:00}/{month:00}/{y} không có trong lịch.";
                return last + 1;
            }

            AddDate(new LocalDate(y, month, day), null, year is null, first, last);
            return last + 1;
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

                AddYear(tokens[k + 1].Value, k, k + 1);
                return k + 2;
            }

            if (k + 1 < tokens.Length && tokens[k + 1].IsNumber && tokens[k + 1].Length == 4)
            {
                error = $"\"{Original(k, k + 1)}\": năm {tokens[k + 1].Value} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                return k + 2;
            }

            if (Is(k - 1, "trong"))
            {
                AddYear(context.TrackedYear, k, k, yearImplicit: true);
                return k + 1;
            }

            if (Is(k + 1, ':'))
            {
                return k; // "Năm: Sơ bộ ngày 22/12 năm N" — a heading, not a period
            }

            AddPeriod(ReportingPeriod.Yearly, k);
            return k + 1;
        }

        /// <summary>"hằng quý", "hàng tháng", "hằng năm", "mỗi quý"; "hằng ngày", "hằng tuần" are
        /// work that goes on all year.</summary>
        private int Every(int k)
        {
            if (Is(k + 1, "ngay") || Is(k + 1, "tuan"))
            {
                AddYear(context.TrackedYear, k, k + 1, yearImplicit: true);
                notes.Add(Original(k, k + 1).ToLowerInvariant());
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

        private (int Year, bool Implicit, int After) YearSuffix(int j)
        {
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

            var w = text.Folded.AsSpan(t.Start, t.Length);
            return w switch
            {
                "i" => 1,
                "ii" => 2,
                "iii" => 3,
                "iv" => 4,
                _ => 0,
            };
        }

        private bool IsRomanLike(int j) =>
            j < tokens.Length && tokens[j].IsWord && tokens[j].Length <= 4 && text.Folded.AsSpan(tokens[j].Start, tokens[j].Length).IndexOfAnyExcept("ivx") < 0;

        private void SetEventMarker(int k, bool onlyWithoutDate)
        {
            if (eventMarker < 0 || (eventOnlyWithoutDate && !onlyWithoutDate))
            {
                eventMarker = k;
                eventOnlyWithoutDate = onlyWithoutDate;
            }
        }

        private void AddDate(LocalDate date, string? name, bool yearImplicit, int first, int last) =>
            items.Add(new Item(ItemKind.Date, date, date.Year, default, name, yearImplicit, first, last));

        private void AddYear(int year, int first, int last, bool yearImplicit = false) =>
            items.Add(new Item(ItemKind.Year, new LocalDate(year, 12, 31), year, default, null, yearImplicit, first, last) { Start = new LocalDate(year, 1, 1) });

        private void AddQuarter(int year, int quarter, bool yearImplicit, int first, int last)
        {
            var end = new LocalDate(year, quarter * 3, 1).PlusMonths(1).PlusDays(-1);
            items.Add(new Item(ItemKind.Date, end, year, default, QuarterNames[quarter - 1], yearImplicit, first, last) { Start = new LocalDate(year, (quarter * 3) - 2, 1) });
        }

        private void AddPeriod(ReportingPeriod period, int first, int? last = null) =>
            items.Add(new Item(ItemKind.Period, default, 0, period, null, true, first, last ?? first));

        // ----- step 3: phases and free text -----------------------------------------------------

        /// <summary>The event a task waits for: the words in brackets around the marker, or from the
        /// marker to the end of its sentence.</summary>
        private string EventCondition()
        {
            var open = -1;
            for (var j = eventMarker - 1; j >= 0; j--)
            {
                if (tokens[j].IsPunct(')'))
                {
                    break;
                }

                if (tokens[j].IsPunct('('))
                {
                    open = j;
                    break;
                }
            }

            int first, last;
            if (open >= 0)
            {
                first = open + 1;
                last = first;
                while (last + 1 < tokens.Length && !tokens[last + 1].IsPunct(')'))
                {
                    last++;
                }

                MarkCovered(open, Math.Min(last + 1, tokens.Length - 1));
            }
            else
            {
                first = eventMarker;
                last = first;
                while (last + 1 < tokens.Length && !IsSentenceBreak(last + 1))
                {
                    last++;
                }

                MarkCovered(first, last);
            }

            return Original(first, last).TrimEnd(ConditionTrim);
        }

        /// <summary>Words that are neither dates, labels nor filler become notes ("Theo Kế hoạch của
        /// Bộ Nội vụ"); labels are the words that open a phase before its dates.</summary>
        private void CollectFreeText(bool isEvent)
        {
            var k = 0;
            while (k < tokens.Length)
            {
                if (covered[k] || tokens[k].Type == TokenType.Punct)
                {
                    k++;
                    continue;
                }

                var first = k;
                while (k < tokens.Length && !covered[k] && !IsSentenceBreak(k) && !tokens[k].IsPunct('('))
                {
                    k++;
                }

                var last = k - 1;
                while (last >= first && tokens[last].Type == TokenType.Punct)
                {
                    last--;
                }

                // Words right before a date item in the same phase are its label, not a note.
                if (k < tokens.Length && covered[k] && !IsSentenceBreak(k))
                {
                    continue;
                }

                if (last >= first && HasContent(first, last))
                {
                    var note = Original(first, last);
                    if (!isEvent || !notes.Contains(note))
                    {
                        notes.Add(note);
                    }
                }
            }
        }

        private bool HasContent(int first, int last)
        {
            for (var j = first; j <= last; j++)
            {
                if (tokens[j].IsWord && !IsFiller(j))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Words that only lead up to a date ("trong", "trước ngày", "chậm nhất"): never a label, never a note on their own.</summary>
        private bool IsFiller(int j)
        {
            if (!tokens[j].IsWord)
            {
                return true;
            }

            var w = text.Folded.AsSpan(tokens[j].Start, tokens[j].Length);
            return w is "trong" or "truoc" or "vao" or "den" or "cham" or "nhat" or "muon" or "toi" or "tu" or "khoang" or "ngay" or "thoi" or "han" or "gian" or "la" or "het" or "it" or "va" or "hoac" or "sau";
        }

        /// <summary>A sentence mark or a bullet ends a phase: ";", "." not inside a number, ":" (after a
        /// label), and a "-" or "+" that opens a phrase ("- Ban hành… - Thực hiện…").</summary>
        private bool IsSentenceBreak(int j)
        {
            var t = tokens[j];
            if (t.Type != TokenType.Punct)
            {
                return false;
            }

            return t.Value switch
            {
                ';' => true,
                '.' => !(Is(j - 1, TokenType.Number) && Is(j + 1, TokenType.Number) && tokens[j - 1].End == t.Start && t.End == tokens[j + 1].Start),
                '-' or '+' => j == 0 || (t.Start > 0 && text.Folded[t.Start - 1] == ' ' && j + 1 < tokens.Length && tokens[j + 1].IsWord),
                _ => false,
            };
        }

        /// <summary>The label of the phase that holds token <paramref name="j"/>: the words between the
        /// phase's start and its first date, without filler ("trong", "trước ngày") or a trailing colon.</summary>
        private string? LabelBefore(int j)
        {
            var start = j;
            while (start > 0 && !IsSentenceBreak(start - 1) && !covered[start - 1])
            {
                start--;
            }

            if (start > 0 && !IsSentenceBreak(start - 1) && covered[start - 1])
            {
                return null; // a second date of the same phase ("Quý I/2025 Quý IV/2025")
            }

            var last = j - 1;
            while (last >= start && (IsFiller(last) || tokens[last].Type == TokenType.Punct))
            {
                last--;
            }

            while (start <= last && tokens[start].Type == TokenType.Punct)
            {
                start++;
            }

            if (start > last)
            {
                return null;
            }

            var label = Original(start, last).TrimEnd(LabelTrim);
            if (label.Length == 0)
            {
                return null;
            }

            return char.ToUpper(label[0], Vietnamese) + label[1..];
        }

        // ----- step 4: the kind ---------------------------------------------------------------

        private (ScheduleKind Kind, List<Milestone> Milestones, string? Reason) Dated()
        {
            var dated = DatedItems();
            if (dated.Count == 0)
            {
                return (ScheduleKind.Unknown, [], "Không thấy thời hạn: không có quý, tháng, ngày, năm hay \"thường xuyên\". Hãy ghi ví dụ \"Quý I/2025\", \"Tháng 12/2024\", \"Trước ngày 31/01/2025\" hoặc \"Trong năm 2025\".");
            }

            if (dated.Count == 1 && dated[0].Kind == ItemKind.Span)
            {
                return (ScheduleKind.Continuous, SpanMilestones(dated[0].Start, dated[0].Date), null);
            }

            if (dated.Count > 1 && dated.TrueForAll(i => i.Kind == ItemKind.Year && !i.YearImplicit))
            {
                // "Trong năm 2023, 2024": work over the years listed, a checkpoint at each year's end.
                return (ScheduleKind.Continuous, dated.Select(i => Milestone($"Năm {i.Year}", i.Date)).ToList(), null);
            }

            if (dated.Count == 1 && dated[0].Kind == ItemKind.Year)
            {
                var year = dated[0].Year;
                var checkpoints = new List<Milestone>(4);
                for (var q = 1; q <= 4; q++)
                {
                    checkpoints.Add(Milestone(QuarterNames[q - 1], new LocalDate(year, q * 3, 1).PlusMonths(1).PlusDays(-1)));
                }

                return (ScheduleKind.Continuous, checkpoints, null);
            }

            if (dated.Count == 1)
            {
                return (ScheduleKind.Once, [Milestone(null, dated[0].Date)], null);
            }

            var milestones = new List<Milestone>(dated.Count);
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
            return (ScheduleKind.Phased, milestones, null);
        }

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

        private (ScheduleKind Kind, List<Milestone> Milestones, string? Reason) Recurring()
        {
            var periods = 0;
            var namedDays = 0;
            foreach (var item in items)
            {
                periods |= item.Kind == ItemKind.Period ? 1 << (int)item.Period : 0;
                namedDays += item.Kind == ItemKind.Date && item.Name is null ? 1 : 0;
            }

            var whole = items.FindIndex(i => i.Kind is ItemKind.Year or ItemKind.Span);
            var year = placeholderYear ? context.TrackedYear : whole >= 0 ? items[whole].Start.Year : 0;
            if (year == 0)
            {
                year = items.Where(i => i.Kind == ItemKind.Date && !i.YearImplicit).Select(i => i.Year).DefaultIfEmpty(context.TrackedYear).First();
            }

            var byDate = new SortedDictionary<LocalDate, (ReportingPeriod Rank, string Label)>();
            void Add(LocalDate date, ReportingPeriod rank, string label)
            {
                if (!byDate.TryGetValue(date, out var existing) || existing.Rank < rank)
                {
                    byDate[date] = (rank, label);
                }
            }

            // A named day of the year ("Trước ngày 15/12 hằng năm") is the yearly period's day.
            // Named quarters and months inside a recurring phrase are periods too: "định kỳ (quý I, 6 tháng, quý III và năm)".
            foreach (var dated in items)
            {
                if (dated.Kind != ItemKind.Date)
                {
                    continue;
                }

                var date = dated.YearImplicit ? new LocalDate(year, dated.Date.Month, dated.Date.Day) : dated.Date;
                if (dated.Name is null)
                {
                    Add(date, ReportingPeriod.Yearly, "Năm");
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

                for (var m = 1; m <= 12; m++)
                {
                    var month = new LocalDate(year, m, 1).PlusMonths(day.Name is null ? 0 : 1);
                    Add(month.PlusDays(Math.Min(day.Year, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)) - 1), ReportingPeriod.Monthly, $"Tháng {m}");
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
                        for (var m = 1; m <= 12; m++)
                        {
                            Add(new LocalDate(year, m, 1).PlusMonths(1).PlusDays(-1), period, $"Tháng {m}");
                        }

                        break;
                    case ReportingPeriod.Quarterly:
                        for (var q = 1; q <= 4; q++)
                        {
                            Add(new LocalDate(year, q * 3, 1).PlusMonths(1).PlusDays(-1), period, QuarterNames[q - 1]);
                        }

                        break;
                    case ReportingPeriod.HalfYearly:
                        Add(new LocalDate(year, 6, 30), period, "6 tháng");
                        Add(new LocalDate(year, 12, 31), ReportingPeriod.Yearly, "Năm");
                        break;
                    case ReportingPeriod.NineMonths:
                        Add(new LocalDate(year, 9, 30), period, "9 tháng");
                        break;
                    case ReportingPeriod.Yearly when namedDays == 0:
                        Add(new LocalDate(year, 12, 31), period, "Năm");
                        break;
                }
            }

            if (byDate.Count == 0)
            {
                return (ScheduleKind.Unknown, [], "\"Định kỳ\" nhưng không nói kỳ nào: hãy ghi ví dụ \"Định kỳ hằng quý\", \"6 tháng\", \"hằng năm\", hoặc điền cột \"Kỳ báo cáo\".");
            }

            return (ScheduleKind.Recurring, byDate.Select(p => Milestone(p.Value.Label, p.Key)).ToList(), null);
        }

        private void NoteDatesBeforeIssue(List<Milestone> milestones)
        {
            if (context.IssuedOn is { } issued && milestones.Count > 0 && milestones[0].Due < issued)
            {
                notes.Add($"hạn {milestones[0].Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} trước ngày ban hành {issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            }
        }

        private Milestone Milestone(string? label, LocalDate due) =>
            new(label, due, context.Calendar.NextWorkingDayOnOrAfter(due));

        // ----- token helpers ----------------------------------------------------------------

        private void MarkCovered(int first, int last)
        {
            for (var j = Math.Max(first, 0); j <= last && j < covered.Length; j++)
            {
                covered[j] = true;
            }
        }

        private string Original(int first, int last) =>
            text.Text[tokens[first].Start..tokens[Math.Min(last, tokens.Length - 1)].End];

        private bool Is(int k, TokenType type) => k >= 0 && k < tokens.Length && tokens[k].Type == type;

        private bool Is(int k, char punct) => k >= 0 && k < tokens.Length && tokens[k].IsPunct(punct);

        private bool IsYearNumber(int k) =>
            Is(k, TokenType.Number) && tokens[k].Length == 4 && tokens[k].Value is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear;

        private bool Is(int k, string word) =>
            k >= 0 && k < tokens.Length && tokens[k].IsWord && text.Folded.AsSpan(tokens[k].Start, tokens[k].Length).SequenceEqual(word);

        private bool Is(int k, string first, string second) => Is(k, first) && Is(k + 1, second);

        private bool Is(int k, string first, string second, string third) => Is(k, first) && Is(k + 1, second) && Is(k + 2, third);
    }
}
