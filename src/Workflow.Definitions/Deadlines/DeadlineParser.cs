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
/// <para>Thread-safe and allocation-light: one call allocates the folded text and the result; the reading
/// itself, its tokens, items and notes live in buffers kept per thread.</para>
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
        var scratch = Scratch.Take();
        try
        {
            return scratch.Reading.Begin(phrase, context).Read();
        }
#pragma warning disable CA1031 // The contract is "never an exception": a bug must still come out as an unknown schedule.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Schedule.Unknown(phrase, $"Không đọc được cụm từ thời hạn ({e.GetType().Name}).");
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    /// <summary>
    /// The working buffers of a reading (its tokens, what covers them, its items and notes), kept per thread from
    /// one call to the next and cleared at the start of each: the parser's hot path then allocates little more than
    /// the folded text and the schedule it returns. Nothing a reading returns refers to them.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        // Arrays of exact length (the reading asks them their Length), one per length met.
        private readonly Token[]?[] tokens = new Token[Tokenizer.MaxTokens + 1][];
        private readonly bool[]?[] covered = new bool[Tokenizer.MaxTokens + 1][];
        private readonly bool[]?[] breaks = new bool[Tokenizer.MaxTokens + 1][];
        private readonly Token[] buffer = new Token[Tokenizer.MaxTokens];

        /// <summary>The buffer the phrase is folded into (<see cref="PhraseText.Of(string, ref char[])"/>), kept for the next
        /// call: a reading allocates no folded string.</summary>
#pragma warning disable SA1401, CA1051 // a field, so that PhraseText.Of can grow it in place
        public char[] Folded = new char[256];
#pragma warning restore SA1401, CA1051

        public List<Item> Items { get; } = new(8);

        public List<Item> Dated { get; } = new(8);

        public List<string> Notes { get; } = new(4);

        public List<int> RecurringMarkers { get; } = new(4);

        public List<string> Ambiguities { get; } = new(2);

        /// <summary>A reading's milestones before they are copied into its schedule (<c>Reading.NewMilestones</c>).</summary>
        public List<Milestone> Milestones { get; } = new(16);

        public List<int> Numbers { get; } = new(4);

        /// <summary>The months a "tháng" lists ("Tháng 11, 12/2025"), filled by <c>Reading.Months</c> at each call.</summary>
        public List<int> Months { get; } = new(4);

        /// <summary>A recurring schedule's dates with the period and label of each, before they become milestones.</summary>
        public List<(LocalDate Date, ReportingPeriod Rank, string Label)> ByDate { get; } = new(16);

        /// <summary>Where the time's label that <see cref="Tokenize"/> dropped starts in the text ("Thời hạn: …"), or -1.</summary>
        public int LabelStart { get; private set; } = -1;

        /// <summary>The reading that uses these buffers, made once per thread: it is reset by <see cref="Reading.Begin"/>
        /// at every call, so a call allocates no reading of its own.</summary>
        public Reading Reading => reading ??= new Reading(this);

        private Reading? reading;

        /// <summary>This thread's scratch, cleared; a nested call (none today) would get a new one.</summary>
        public static Scratch Take()
        {
            var scratch = current ?? new Scratch();
            current = null;
            scratch.Items.Clear();
            scratch.Notes.Clear();
            scratch.RecurringMarkers.Clear();
            scratch.Ambiguities.Clear();
            return scratch;
        }

        public static void Return(Scratch scratch) => current = scratch;

        /// <summary>The tokens of <paramref name="folded"/>, in an array of their exact count.</summary>
        /// <remarks>A list's marker opening the cell ("- ", "+ ", "- + ") is dropped: "- Trong tháng 12/2025" is read as
        /// "Trong tháng 12/2025", the marker's dash no separator of phases. A cell of one dash keeps it. So is a time's label
        /// after it (<see cref="TimeLabel"/>). A semicolon closing the cell is read as a full stop.</remarks>
        public Token[] Tokenize(ReadOnlySpan<char> folded, ReadOnlySpan<char> written)
        {
            var count = Tokenizer.JoinCountWords(folded, written, buffer, Tokenizer.Fill(folded, buffer));
            var marker = 0;
            while (marker + 1 < count && (buffer[marker].IsPunct('-') || buffer[marker].IsPunct('+')))
            {
                marker++;
            }

            var label = TimeLabel(folded, buffer.AsSpan(marker, count - marker));
            LabelStart = label > 0 ? buffer[marker].Start : -1;
            marker += label;
            count -= marker;
            if (count > 1 && count + marker < Tokenizer.MaxTokens && buffer[marker + count - 1] is { Type: TokenType.Punct, Value: ';' } last)
            {
                // A semicolon closing the cell ends it as a full stop does ("100 ngày;"); after a mark that already ends it,
                // it adds nothing ("… cụ thể như sau:;").
                if (buffer[marker + count - 2].Type == TokenType.Punct)
                {
                    count--;
                }
                else
                {
                    buffer[marker + count - 1] = last with { Value = '.' };
                }
            }

            var array = tokens[count] ??= new Token[count];
            buffer.AsSpan(marker, count).CopyTo(array);
            return array;
        }

        /// <summary>How many tokens a time's label opening the cell takes, its colon included ("Thời hạn:", "Thời gian:",
        /// "Tiến độ:", each maybe with "thực hiện"), or 0 when none opens it: "Thời hạn: 100 ngày" is read as "100 ngày",
        /// so that the rules asking how the cell opens see its time first. A label with nothing after it is kept.</summary>
        private static int TimeLabel(ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens)
        {
            if (tokens.Length < 4 || !((IsWord(folded, tokens[0], "thoi") && (IsWord(folded, tokens[1], "han") || IsWord(folded, tokens[1], "gian")))
                || (IsWord(folded, tokens[0], "tien") && IsWord(folded, tokens[1], "do"))))
            {
                return 0;
            }

            var colon = IsWord(folded, tokens[2], "thuc") && IsWord(folded, tokens[3], "hien") ? 4 : 2;
            return colon + 1 < tokens.Length && tokens[colon].IsPunct(':') ? colon + 1 : 0;
        }

        private static bool IsWord(ReadOnlySpan<char> folded, Token token, string word) =>
            token.Type == TokenType.Word && folded.Slice(token.Start, token.Length).SequenceEqual(word);

        /// <summary>A cleared array of <paramref name="length"/> flags.</summary>
        public bool[] Covered(int length)
        {
            var array = covered[length] ??= new bool[length];
            Array.Clear(array);
            return array;
        }

        /// <summary>An array of <paramref name="length"/> flags for the sentence breaks, each set by the reading before it is read.</summary>
        public bool[] Breaks(int length) => breaks[length] ??= new bool[length];
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

        /// <summary>The period whose report this date is for ("trước ngày 15 tháng 7 đối với báo cáo 6 tháng", "Riêng
        /// đối với báo cáo quý 2, … ngày 20 tháng 9"): the date replaces that period's own.</summary>
        public ReportingPeriod? ReportOf { get; init; }

        /// <summary>A report's date said to be in the year after its period ("Riêng đối với báo cáo quý IV, … ngày 15 tháng 3
        /// năm sau"): the next year outright, whatever the report's window would choose (<c>ReportDue</c>).</summary>
        public bool NextYear { get; init; }

        /// <summary>A deadline to finish by ("Hoàn thành trong năm 2026"), not work that goes on.</summary>
        public bool Completion { get; init; }

        /// <summary>A span opened by "từ" that nothing closes ("Từ 01/7/2025"): it runs to its year's end.</summary>
        public bool OpenEnded { get; init; }

        /// <summary>Whether <paramref name="day"/> falls from <see cref="Start"/> to <see cref="Date"/>, both included.</summary>
        public bool Holds(LocalDate day) => Start <= day && day <= Date;

        /// <summary>The first of days listed up to the last of one month, after "trong N ngày" ("trong 3 ngày (4, 5 và 6/3)"):
        /// the next item, that last day, closes the span (<c>MergeSpans</c>).</summary>
        public bool Listed { get; init; }
    }

    /// <summary>A year a cell writes as a placeholder, the strongest one read: none, one relative to the plan's
    /// ("năm sau"), or a report's ("năm N", "năm sau (N+1)"), which makes the duty recurring.</summary>
    private enum YearPlaceholder : byte
    {
        None,
        Relative,
        Report,
    }

    /// <summary>When the words at a reading's event marker make the cell an event, weakest first: only when the cell
    /// gives no date ("Theo hướng dẫn của Bộ"), only when no date or period follows them ("Thông tin … (nếu có) định
    /// kỳ hằng quý": the brackets say the thing may not exist, not when it is due), or always ("Sau khi …").</summary>
    private enum EventWhen : byte
    {
        /// <summary>Only when the cell says no time at all, not even a period ("Đột xuất", "Báo cáo đột xuất").</summary>
        WithoutAnyTime,
        WithoutDate,
        WithoutLaterItem,
        Always,
    }

    private sealed partial class Reading
    {
        // The buffers of this thread's scratch, the same at every call.
        private readonly Scratch scratch;
        private readonly List<Item> items;
        private readonly List<string> notes;
        private readonly List<int> recurringMarkers;
        private readonly List<string> ambiguities;

        // The phrase read and what the reading has found so far: every one of these is set by Begin, since the reading
        // object is reused from one call to the next. A field added here must be reset there.
        private string phrase = string.Empty;
        private DeadlineContext context = null!;
        private PhraseText text;
        private Token[] tokens = [];
        private bool[] covered = [];
        private bool[] breaks = [];
        private ulong sketch;
        private string? error;
        private string? impossibleDate;

        /// <summary>Whether the first <see cref="impossibleDate"/> is numbers that no day and month can be ("số 58 - 60", a
        /// house's numbers), not a day the calendar lacks ("31/02").</summary>
        private bool impossibleNumbers;
        private string? pastYear;
        private bool frequencyGiven;
        private YearPlaceholder placeholder;
        private int eventMarker;
        private EventWhen eventWhen;
        private bool startYearTypo;
        private LocalDate beforeHoliday;

        public Reading(Scratch scratch)
        {
            this.scratch = scratch;
            (items, notes, recurringMarkers, ambiguities) = (scratch.Items, scratch.Notes, scratch.RecurringMarkers, scratch.Ambiguities);
        }

        /// <summary>Starts reading <paramref name="phrase"/>: every per-phrase field is set here (the scratch's lists are
        /// cleared by <see cref="Scratch.Take"/>).</summary>
        public Reading Begin(string phrase, DeadlineContext context)
        {
            this.phrase = phrase;
            this.context = context;
            text = PhraseText.Of(phrase, ref scratch.Folded);
            tokens = scratch.Tokenize(text.Folded, text.Text);
            covered = scratch.Covered(tokens.Length);
            breaks = scratch.Breaks(tokens.Length);
            sketch = Tokenizer.Sketch(text.Folded, tokens);
            error = null;
            impossibleDate = null;
            impossibleNumbers = false;
            pastYear = null;
            frequencyGiven = false;
            placeholder = YearPlaceholder.None;
            eventMarker = -1;
            eventWhen = default;
            startYearTypo = false;
            beforeHoliday = default;
            return this;
        }

        /// <summary>Whether the phrase may have the folded word or mark <paramref name="word"/>; false only when it surely has
        /// not, so that a pass looking for it ends before it scans.</summary>
        private bool Mentions(string word) => (sketch & Tokenizer.Bit(word)) != 0;

        /// <summary>Whether the phrase may have a number of <paramref name="digits"/> digits (false only when it surely has not).</summary>
        private bool HasNumberOf(int digits) => (sketch & Tokenizer.NumberBit(digits)) != 0;

        public Schedule Read()
        {
            if (tokens.Length == 0)
            {
                return Schedule.Unknown(phrase, "Ô thời hạn trống: hãy ghi thời hạn, ví dụ \"Quý I/2025\" hoặc \"Thường xuyên\".");
            }

            SplitFootnotes();
            JoinSplitYears();
            MarkSentenceBreaks();
            Scan();
            SetImpossibleDatesApart();
            if (error is not null)
            {
                return Schedule.Unknown(phrase, error);
            }

            SetCutOffsApart();
            SetConditionsApart();
            SetOpeningCasesApart();
            SetBesidesClauseApart();
            SetPastActsApart();
            SetSpecialCasesApart();
            SetSubjectYearsApart();
            SetPurposesApart();
            SetPurposeHorizonsApart();
            SetNamedTermsApart();
            SetStretchTargetsApart();
            SetReplacedTimesApart();
            SetShortenedTimesApart();
            SetReplacedReportsApart();
            SetPastStartsApart();
            SetWindowOpeningsApart();
            SetReportedPeriodsApart();
            SetEstimatesApart();
            SetPeriodDefinitionsApart();
            SetAsidesApart();
            SetPostponedDatesApart();
            SetScopeAfterDaysApart();
            SetAnniversariesApart();
            DropSessionYears();
            DropHalfYearsCountedFrom();
            MergeSpans();
            JoinCountedDays();
            if (error is not null)
            {
                return Schedule.Unknown(phrase, error);
            }

            SetDataPeriodsApart();
            SetSubmissionWindowsApart();
            SetEpisodesApart();
            SetOccasionsOfTetApart();
            SetHolidaysOfSpansApart();

            MarkCompletions();
            FoldOngoingWork();
            // A day of every month or quarter ("Trước ngày 25 hằng tháng báo cáo … theo Kế hoạch …") is a date the duty keeps
            // whatever timetable its work follows; a bare period ("Theo kế hoạch công tác hàng năm") is not.
            var hasDates = items.Exists(i => i.Kind is not (ItemKind.Period or ItemKind.Now));
            var isEvent = eventMarker >= 0 && eventWhen switch
            {
                EventWhen.WithoutAnyTime => items.Count == 0 && recurringMarkers.Count == 0,
                EventWhen.WithoutDate => !hasDates,
                EventWhen.WithoutLaterItem => !ItemAfter(eventMarker),
                _ => true,
            };
            if (eventMarker >= 0 && !isEvent && eventWhen == EventWhen.WithoutLaterItem)
            {
                var open = Is(eventMarker - 1, '(') ? -1 : OpenBracketBefore(eventMarker);
                var (first, last) = open >= 0 ? (open, ClosingBracket(open)) : (eventMarker - 1, eventMarker + 2);
                notes.Add($"\"{Original(first, last)}\" nói về nội dung, không phải điều kiện của thời hạn");
            }

            if (isEvent && YearlyDaySaid())
            {
                // "Bước 3: Sau khi nhận được đầy đủ hồ sơ, …, Bộ Tài chính … công bố … trước ngày 31 tháng 12 hàng năm": in a
                // standing rule with its own day of every year, "sau khi …" or "khi …" is a step of the yearly procedure, not
                // a condition the day waits for.
                isEvent = false;
            }

            if (isEvent)
            {
                notes.Insert(0, EventCondition());
            }

            CollectFreeText(isEvent);
            var startsOnly = isEvent && OnlyStartsBeforeEvent();
            if (startsOnly)
            {
                var what = items[0].Kind == ItemKind.Span ? "ngày bắt đầu áp dụng" : "trường hợp áp dụng";
                notes.Add($"\"{Original(items[0].FirstToken, items[^1].LastToken)}\" là {what}, không phải hạn");
            }

            if (isEvent && (eventWhen <= EventWhen.WithoutDate || (!hasDates && (NamesASession() || PeriodsNameAPlan() || PeriodsNameAPayment())) || startsOnly))
            {
                // "Theo kế hoạch công tác tư pháp hàng năm": the period words belong to the other body's timetable; so do
                // they when the duty waits for a session ("… hằng năm được công khai khi Chính phủ trình Quốc hội vào kỳ
                // họp giữa năm sau"), and when they name the plan the awaited act concerns ("Kế hoạch, chuyên đề kiểm tra hằng
                // năm … phải được công khai … chậm nhất là 30 ngày làm việc kể từ ngày ban hành quyết định phê duyệt …").
                return Finish(ScheduleKind.Event, NewMilestones());
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

        /// <summary>Whether every item is a day that opens a span with nothing closing it, said before the awaited event
        /// ("Kể từ ngày 01 tháng 01 năm 2026, trong thời hạn 10 ngày kể từ ngày giao hàng, tổ chức … phải lập phiếu"): the day
        /// the rule starts to apply, not work until the year's end; each deadline counts from its own event. A span the
        /// event closes ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê") has no comma before it and keeps its dates. So is a
        /// quarter or month named in an opening "Đối với …," case (<see cref="InOpeningCase"/>).</summary>
        private bool OnlyStartsBeforeEvent()
        {
            var before = false;
            foreach (var item in items)
            {
                if (item.FirstToken > eventMarker && !HasPunct(eventMarker, item.FirstToken, commas: false))
                {
                    continue; // a period in the awaited event's own words ("kể từ ngày … nhận được báo cáo quyết toán quý 4")
                }

                if (item.LastToken >= eventMarker || !HasComma(item.LastToken, eventMarker)
                    || !((item.Kind == ItemKind.Span && item.OpenEnded) || (item.Kind is ItemKind.Date or ItemKind.Year && InOpeningCase(item.FirstToken))))
                {
                    return false;
                }

                before = true;
            }

            return before;
        }

        /// <summary>Whether a punctuation mark stands between tokens <paramref name="from"/> and <paramref name="to"/> (both left
        /// out); a comma counts only with <paramref name="commas"/>.</summary>
        private bool HasPunct(int from, int to, bool commas)
        {
            for (var j = from + 1; j < to; j++)
            {
                if (Is(j, TokenType.Punct) && (commas || !Is(j, ',')))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the token <paramref name="k"/> is in a clause "Đối với …" that opens the cell (after a list's marker)
        /// and runs to k without a comma: "Đối với quý 4 trong năm, thời hạn thông báo … không quá 60 ngày, kể từ ngày …" — the
        /// quarter is the case the count is for.</summary>
        private bool InOpeningCase(int k)
        {
            var open = AfterListMarker();
            return Is(open, "doi", "voi") && k > open + 1 && !HasPunct(open + 1, k, commas: true);
        }

        /// <summary>Whether a day and month without a year is said with "hằng năm" / "hàng năm" / "mỗi năm" right after it
        /// ("trước ngày 31 tháng 12 hằng năm", "không muộn hơn ngày 31 tháng 3 hằng năm"): a day of every year.</summary>
        private bool YearlyDaySaid()
        {
            if (!Mentions("nam"))
            {
                return false;
            }

            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Date && item.YearImplicit && item.Name is null
                    && (Is(item.LastToken + 1, "hang", "nam") || Is(item.LastToken + 1, "moi", "nam") || Is(item.LastToken - 1, "hang", "nam")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether every period item names a payment ("… tạm dừng in danh sách chi trả lương hưu, trợ cấp BHXH hàng
        /// tháng …, chuyển cho người hưởng chậm nhất trong thời gian 05 ngày làm việc kể từ ngày nhận được thông báo"): in a
        /// cell that waits for an event, the month is the payment's, not the duty's frequency.</summary>
        private bool PeriodsNameAPayment()
        {
            var any = false;
            foreach (var item in items)
            {
                if (item.Kind != ItemKind.Period)
                {
                    continue;
                }

                if (!PaymentBefore(item.FirstToken))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>Whether every period item ("hằng năm", "hàng quý") comes within a few words after "kế hoạch" in its sentence,
        /// naming the plan's kind ("Kế hoạch, chuyên đề kiểm tra hằng năm": the annual inspection plan), and there is one.</summary>
        private bool PeriodsNameAPlan()
        {
            var any = false;
            foreach (var item in items)
            {
                if (item.Kind != ItemKind.Period)
                {
                    continue;
                }

                var named = false;
                for (var j = item.FirstToken - 2; j >= 0 && j >= item.FirstToken - 8 && !named && !IsSentenceBreak(j); j--)
                {
                    named = Is(j, "ke", "hoach");
                }

                if (!named)
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>Whether the phrase says "kỳ họp" (a session of a council or the National Assembly).</summary>
        private bool NamesASession()
        {
            if (!Mentions("hop"))
            {
                return false;
            }

            for (var t = 0; t + 1 < tokens.Length; t++)
            {
                if (IsSession(t))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether an item starts after token <paramref name="k"/>.</summary>
        private bool ItemAfter(int k)
        {
            foreach (var item in items)
            {
                if (item.FirstToken > k)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether any item gives a date, a span or a year.</summary>
        private bool AnyDated()
        {
            foreach (var item in items)
            {
                if (item.Kind is ItemKind.Date or ItemKind.Span or ItemKind.Year)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A date the calendar does not have ("31/02/2026") refuses the cell, unless the cell gives other dates:
        /// then it is a slip beside them ("44/92/2026; 6/8/2026; 8/8/2026; 60/11/2026"), left out and listed. So does a year
        /// of the last century (<see cref="IsPastYear"/>), which beside other dates is the note.</summary>
        private void SetImpossibleDatesApart()
        {
            if (pastYear is not null && error is null)
            {
                // "… người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945 … gửi về Cục Chính sách trước ngày 10 tháng 01 năm
                // sau": a year of the last century beside the cell's own dates says who or what the rule is for, not when.
                if (AnyDated())
                {
                    notes.Add($"{pastYear} đã qua, nói về đối tượng, không phải hạn");
                }
                else
                {
                    error = $"{pastYear} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
                }
            }

            if (impossibleDate is null || error is not null)
            {
                return;
            }

            if (AnyDated())
            {
                ambiguities.Add($"{impossibleDate} Đã bỏ qua, đọc theo các ngày còn lại");
            }
            else if (impossibleNumbers && eventMarker >= 0 && eventWhen == EventWhen.Always)
            {
                // "… địa chỉ: số 58 - 60 Trần Phú, …, trong thời gian 05 ngày làm việc kể từ khi đăng tải thông tin": a cell that
                // waits for something is read so; the numbers no calendar has are listed.
                ambiguities.Add($"{impossibleDate} Đã bỏ qua, ô chờ sự kiện");
            }
            else
            {
                error = impossibleDate;
            }
        }

        /// <summary>Whether <paramref name="year"/> is of the last century, before the years a plan is tracked in (1900 to
        /// 1989): history a rule's subject is defined by ("người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945"), not a
        /// typo of a plan's year, as "2205" may be. The first such words are kept in <see cref="pastYear"/>.</summary>
        private bool IsPastYear(int year, int first, int last)
        {
            if (year is < 1900 or >= DeadlineContext.MinYear)
            {
                return false;
            }

            pastYear ??= $"\"{Original(first, last)}\": năm {year}";
            return true;
        }

        private Schedule Finish(ScheduleKind kind, List<Milestone> milestones)
        {
            NoteDatesBeforeIssue(milestones);
            notes.AddRange(ambiguities);
            return new Schedule(phrase, kind, milestones.Count == 0 ? [] : milestones.ToArray(), notes.Count == 0 ? null : string.Join("; ", notes), null)
            {
                Ambiguity = ambiguities.Count == 0 ? null : string.Join("; ", ambiguities),
            };
        }
    }
}
