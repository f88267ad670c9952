using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The rule families added for other provinces' phrases, one case each beyond the corpus, and the
/// phrases that must stay as they were.</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext Y2025 = new(2025, new LocalDate(2025, 11, 20), RepositoryData.Calendar);

    private static string Read(string phrase, DeadlineContext? context = null) =>
        ScheduleText.Of(DeadlineParser.Parse(phrase, context ?? Y2025));

    [Theory]
    [InlineData("Quí II/2025", "once: 2025-06-30")]
    [InlineData("Quý III-2025", "once: 2025-09-30")]
    [InlineData("Quý III/2025 - Quý I/2026", "phased: 2025-09-30 | 2025-12-31 | 2026-03-31")]
    [InlineData("Quý I/2027 - Quý IV/2027", "phased: 2027-03-31 | 2027-06-30 | 2027-09-30 | 2027-12-31")]
    [InlineData("Quý II/2026 - Quý II/2026", "once: 2026-06-30")]
    [InlineData("Quý II2027", "once: 2027-06-30")]
    [InlineData("Quý l/2026", "once: 2026-03-31")]
    [InlineData("Quý lV năm 2026", "once: 2026-12-31")]
    [InlineData("Quý I+II/2026", "phased: 2026-03-31 | 2026-06-30")]
    [InlineData("Quý I.2026", "once: 2026-03-31")]
    public void Period_words_and_separators(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A day said with "(hoàn thành) trước" in brackets inside the period right before it bounds that period, as
    /// "chậm nhất" does; a later one, or "trước khi …", leaves the period due and becomes its note.</summary>
    [Theory]
    [InlineData("Năm 2026 (hoàn thành trước 30/11/2026)", "once: 2026-11-30")]
    [InlineData("Quý II/2026 (trước ngày 15/6/2026)", "once: 2026-06-15")]
    [InlineData("Năm 2026 (hoàn thành chậm nhất tháng 11/2026)", "once: 2026-11-30")]
    [InlineData("Quý II/2026 (trước ngày 15/7/2026)", "once: 2026-06-30")]
    [InlineData("Quý III/2026 (trước khi tổng kết)", "once: 2026-09-30")]
    [InlineData("Trước khi tổng kết năm 2026", "event: 2026-12-31")]
    [InlineData("Năm 2026-2027 (chậm nhất 31/12/2027)", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31")]
    [InlineData("Năm 2026-2027 (hoàn thành trước 31/12/2027)", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31")]
    public void A_bracket_said_with_truoc_bounds_the_period_before_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The thirds of a month ("thượng tuần" the 10th, "trung tuần" the 20th, "hạ tuần" its last day) and its
    /// weeks, also said "tuần thứ N (của) tháng" (week n ends on day 7n).</summary>
    [Theory]
    [InlineData("Thượng tuần tháng 7/2026", "once: 2026-07-10")]
    [InlineData("Trung tuần tháng 7/2026", "once: 2026-07-20")]
    [InlineData("Hạ tuần tháng 2/2026", "once: 2026-02-28")]
    [InlineData("Tuần thứ 2 của tháng 4/2026", "once: 2026-04-14")]
    [InlineData("Tuần thứ 3 tháng 4/2026", "once: 2026-04-21")]
    [InlineData("Dự kiến tuần 1 tháng 01 năm 2026", "once: 2026-01-07")]
    public void Thirds_and_weeks_of_a_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Each report period named before its own day, also a quarter without its year and a label's colon, is
    /// that day's, every year; none adds its period's end beside it.</summary>
    [Theory]
    [InlineData("Báo cáo quý I trước 15/3; báo cáo 6 tháng trước 15/6; báo cáo 9 tháng trước 15/9; báo cáo năm trước 15/12",
        "recurring: Quý I 2025-03-15 | 6 tháng 2025-06-15 | 9 tháng 2025-09-15 | Năm 2025-12-15")]
    [InlineData("Quý I: trước 15/3; 6 tháng: trước 15/6; 9 tháng: trước 15/9; năm: trước 15/12",
        "recurring: Quý I 2025-03-15 | 6 tháng 2025-06-15 | 9 tháng 2025-09-15 | Năm 2025-12-15")]
    [InlineData("6 tháng: trước 15/6; năm: trước 15/12", "recurring: 6 tháng 2025-06-15 | Năm 2025-12-15")]
    [InlineData("Báo cáo quý I trước ngày 15/3/2025; báo cáo 6 tháng trước ngày 15/6/2025; báo cáo quý III trước ngày 15/9/2025; báo cáo năm trước ngày 15/11/2025",
        "recurring: Quý I 2025-03-15 | 6 tháng 2025-06-15 | Quý III 2025-09-15 | Năm 2025-11-15")]
    [InlineData("Báo cáo 9 tháng trước 15/9; báo cáo năm trước 15/12", "recurring: 9 tháng 2025-09-15 | Năm 2025-12-15")]
    [InlineData("Sơ kết 6 tháng: tháng 7/2025; tổng kết năm: tháng 11/2025", "recurring: 6 tháng 2025-07-31 | Tháng 11 2025-11-30")]
    public void Report_periods_named_before_their_days(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Beside a day of the same year, said as a deadline or not, a year written with "năm" right after what it
    /// qualifies names the event or campaign, no deadline at its end; after a word of time or doing it stays a step.</summary>
    [Theory]
    [InlineData("Tổng điều tra nông thôn, nông nghiệp năm 2026 từ ngày 01/7 đến 30/7/2026", "continuous: 2026-07-30")]
    [InlineData("Tháng hành động vì an toàn thực phẩm năm 2025 từ ngày 15/4 đến 15/5", "continuous: 2025-05-15")]
    [InlineData("Tổ chức Hội nghị điển hình tiên tiến năm 2026 vào ngày 20/11/2026", "once: 2026-11-20")]
    [InlineData("Ban hành kế hoạch ngày 15/3/2026; tổ chức thực hiện năm 2026", "phased: Ban hành kế hoạch 2026-03-15 | Tổ chức thực hiện 2026-12-31")]
    [InlineData("Ngày 15/3/2026 ban hành kế hoạch; hoàn thành năm 2026", "phased: 2026-03-15 | Hoàn thành 2026-12-31")]
    public void A_named_year_beside_a_day_of_that_year_is_the_subject(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A count of days before Tết is that many days before the first day of the lunar year; "trước Tết" alone is
    /// its eve.</summary>
    [Theory]
    [InlineData("Gửi chậm nhất 20 ngày trước Tết Nguyên đán 2026", "once: 2026-01-28")]
    [InlineData("Ít nhất 15 ngày trước Tết Nguyên đán 2027", "once: 2027-01-22")]
    [InlineData("Trước Tết Nguyên đán 2026", "once: 2026-02-16")]
    public void A_count_of_days_before_tet(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A cell that opens by deferring to another body's document or schedule waits for it (an event unless it also
    /// gives a date); further in, a cited document says how, not when.</summary>
    [Theory]
    [InlineData("Theo văn bản chỉ đạo của UBND thành phố", "event:")]
    [InlineData("Theo thông báo của Ban Tổ chức", "event:")]
    [InlineData("Theo lịch của Thành ủy", "event:")]
    [InlineData("Thực hiện theo quy định tại Thông tư số 01/2020/TT-BNV", "event:")]
    [InlineData("Thời gian cụ thể theo Thông báo của Ban Tổ chức", "event:")]
    [InlineData("Chờ hướng dẫn của Trung ương", "event:")]
    [InlineData("Quý II/2025 (theo văn bản hướng dẫn của Bộ)", "once: 2025-06-30")]
    [InlineData("Theo quy định", "unknown:")]
    [InlineData("Báo cáo định kỳ hàng năm được thực hiện theo Mẫu số 16 Phụ lục II ban hành kèm theo Nghị định số 126/2024/NĐ-CP", "recurring: Năm 2025-12-31")]
    public void A_cell_that_defers_to_another_bodys_document_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A round's or step's number before its month is no day ("Đợt 1 tháng 4" is April, not 1 April), and the next
    /// round after a comma names its own phase; the first week of a month ends on its 7th.</summary>
    [Theory]
    [InlineData("Đợt 1 tháng 4, đợt 2 tháng 10/2025", "phased: Đợt 1 2025-04-30 | Đợt 2 2025-10-31")]
    [InlineData("Đợt 1 tháng 4/2025, đợt 2 tháng 10/2025", "phased: Đợt 1 2025-04-30 | Đợt 2 2025-10-31")]
    [InlineData("Ngày 1 tháng 4 năm 2025", "once: 2025-04-01")]
    [InlineData("Tuần đầu tiên của tháng 3/2025", "once: 2025-03-07")]
    [InlineData("Tuần đầu tháng 3/2025", "once: 2025-03-07")]
    public void Rounds_and_the_first_week_of_a_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Periods said relative to the plan: "năm tới" is "năm sau"; "năm nay" the plan's year; "quý tới", "tháng
    /// tới" (and "Tháng sau", "Quý sau" alone) the quarter or month after the one the plan is issued in, refused without an
    /// issue date; "quý sau" of a report's day stays the report's next quarter.</summary>
    [Theory]
    [InlineData("Năm tới", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Quý I năm tới", "once: 2026-03-31")]
    [InlineData("Đầu năm tới", "once: 2026-03-31")]
    [InlineData("Hoàn thành trong năm nay", "once: 2025-12-31")]
    [InlineData("Năm nay", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Trong quý tới", "once: 2026-03-31")]
    [InlineData("Tháng tới", "once: 2025-12-31")]
    [InlineData("Tháng sau", "once: 2025-12-31")]
    [InlineData("Ngày 10 của tháng đầu quý sau", "recurring: Quý I 2025-04-10 | Quý II 2025-07-10 | Quý III 2025-10-10 | Quý IV 2026-01-10")]
    public void Periods_said_relative_to_the_plan(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_coming_quarter_needs_the_issue_date() =>
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("Quý tới", new DeadlineContext(2025, null, RepositoryData.Calendar)).Kind);

    /// <summary>"đấu" of "phấn đấu" (strive) folds like "đầu" (the start) and says no time; a year right after "phấn đấu"
    /// or "mục tiêu" is a target by its end.</summary>
    [Theory]
    [InlineData("Phấn đấu tháng 6/2025 hoàn thành", "once: 2025-06-30")]
    [InlineData("Phấn đấu quý III/2025 hoàn thành", "once: 2025-09-30")]
    [InlineData("Phấn đấu năm 2026 đạt 45%", "once: 2026-12-31")]
    [InlineData("Đặt mục tiêu năm 2026 nâng tỷ lệ lên 45%", "once: 2026-12-31")]
    [InlineData("Đầu năm 2027", "once: 2027-03-31")]
    [InlineData("dau thang 3/2025", "once: 2025-03-10")]
    [InlineData("Năm 2026 đạt 45%", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void Striving_is_no_start_and_a_target_year_is_due_by_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A table's short "Q" for "quý" is read only with a quarter's number and its year (or another such quarter):
    /// "Q1" alone also names a district ("quận 1").</summary>
    [Theory]
    [InlineData("Q1/2026", "once: 2026-03-31")]
    [InlineData("Q IV/2026", "once: 2026-12-31")]
    [InlineData("Q4 năm 2026", "once: 2026-12-31")]
    [InlineData("Q2-Q3/2026", "phased: 2026-06-30 | 2026-09-30")]
    [InlineData("Q2, Q3/2026", "phased: 2026-06-30 | 2026-09-30")]
    [InlineData("UBND Q1 thực hiện trong tháng 5/2026", "once: 2026-05-31")]
    [InlineData("Q1", "unknown:")]
    public void A_short_q_is_a_quarter_with_its_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Đầu quý" is the end of the quarter's first month and "giữa quý" of its second, listed since the quarter's
    /// end is the other reading; "tháng đầu quý" stays a month of every quarter and "Từ đầu quý …" a span.</summary>
    [Theory]
    [InlineData("Đầu quý III/2026", "once: 2026-07-31", true)]
    [InlineData("Đầu quý IV năm 2026", "once: 2026-10-31", true)]
    [InlineData("Giữa quý II/2026", "once: 2026-05-31", true)]
    [InlineData("Đầu quý I, II/2026", "phased: 2026-01-31 | 2026-04-30", true)]
    [InlineData("Trước ngày 10 của tháng đầu quý", "recurring: Quý I 2025-01-10 | Quý II 2025-04-10 | Quý III 2025-07-10 | Quý IV 2025-10-10", false)]
    [InlineData("Từ đầu quý II đến hết quý III/2025", "continuous: Quý II 2025-06-30 | Quý III 2025-09-30", false)]
    [InlineData("Cuối quý II/2026", "once: 2026-06-30", false)]
    public void The_start_or_middle_of_a_quarter_is_one_of_its_months(string phrase, string expected, bool listed)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(expected, ScheduleText.Of(schedule));
        Assert.Equal(listed, schedule.Ambiguity is not null);
    }

    [Theory]
    [InlineData("2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Giai đoạn 2026 - 2028", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | Năm 2028 2028-12-31")]
    [InlineData("từ năm 2025 đến năm 2026", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31")]
    [InlineData("Trong năm 2025, 2026", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31")]
    [InlineData("Từ tháng 4 đến tháng 8/2025", "continuous: Quý II 2025-06-30 | 2025-08-31")]
    [InlineData("Từ ngày 01/10/2025 đến ngày 15/11/2025", "continuous: 2025-11-15")]
    [InlineData("Từ 01/8/2025", "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Years_and_spans(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_rest_of_the_year_counts_from_the_issue_date()
    {
        Assert.Equal("continuous: Quý IV 2025-12-31", Read("Từ nay đến hết năm 2025"));
        Assert.Equal("continuous: Quý III 2025-09-30 | Quý IV 2025-12-31", Read("Từ nay đến hết năm 2025", new DeadlineContext(2025, new LocalDate(2025, 7, 15), RepositoryData.Calendar)));
    }

    [Theory]
    [InlineData("Trong vòng 15 ngày kể từ ngày Kế hoạch được ban hành", "once: 2025-12-05")]
    [InlineData("10 ngày làm việc kể từ ngày ban hành Kế hoạch", "once: 2025-12-04")] // Thu 20/11 + 10 working days
    [InlineData("31/12/25", "once: 2025-12-31")]
    public void Dates_counted_from_the_plan_and_short_years(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("3 tháng kể từ ngày ban hành", "once: 2026-02-20")]
    [InlineData("Hoàn thành trong năm 2026 để kịp đưa vào sử dụng khi có yêu cầu", "once: 2026-12-31")]
    [InlineData("Từ năm 2025, phấn đấu hoàn thành trong năm 2027", "once: 2027-12-31")]
    [InlineData("Từ 08h00 ngày 01/10/2025 đến 17h00 ngày 15/10/2025", "continuous: 2025-10-15")]
    public void Counted_from_the_plan_purposes_starts_and_hours(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Counted_from_another_event_the_task_waits_for_it()
    {
        var schedule = DeadlineParser.Parse("24 tháng kể từ ngày được giao đất", Y2025);
        Assert.Equal(ScheduleKind.Event, schedule.Kind);
        Assert.Contains("kể từ ngày được giao đất", schedule.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_after_an_issue_date_the_plan_does_not_give_are_unknown_and_say_why()
    {
        var schedule = DeadlineParser.Parse("15 ngày kể từ ngày ban hành", new DeadlineContext(2025, null, RepositoryData.Calendar));
        Assert.Equal(ScheduleKind.Unknown, schedule.Kind);
        Assert.Contains("chưa ghi ngày ban hành", schedule.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_number_is_not_a_year()
    {
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("Nghị định số 151/2025/NĐ-CP", Y2025).Kind);
        Assert.Equal("once: 2025-12-31", Read("Quý IV/2025 theo Nghị định số 151/2025/NĐ-CP"));
    }

    [Theory]
    [InlineData("Hoàn thành trong năm 2026", "once: 2026-12-31")]
    [InlineData("Ban hành trong năm 2026", "once: 2026-12-31")]
    [InlineData("Trong năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void Finishing_by_a_year_is_its_last_day_while_working_in_it_is_continuous(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Theo lộ trình của Bộ Nội vụ")]
    [InlineData("Theo tiến độ của dự án")]
    [InlineData("Theo kế hoạch thanh tra hằng năm")]
    [InlineData("theo quy định của Bộ Tài chính")]
    [InlineData("Trình tại kỳ họp giữa năm 2026 của HĐND tỉnh")]
    public void Another_bodys_timetable_is_an_event_with_its_words_as_the_note(string phrase)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(ScheduleKind.Event, schedule.Kind);
        Assert.Empty(schedule.Milestones);
        Assert.False(string.IsNullOrWhiteSpace(schedule.Note));
    }

    [Fact]
    public void Bare_guidance_words_stay_unknown() =>
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("theo quy định", Y2025).Kind);

    [Fact]
    public void A_day_of_every_month()
    {
        var schedule = DeadlineParser.Parse("Báo cáo trước ngày 20 hằng tháng", Y2025);
        Assert.Equal(ScheduleKind.Recurring, schedule.Kind);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => new LocalDate(2025, m, 20)), schedule.Milestones.Select(m => m.Due));

        var next = DeadlineParser.Parse("chậm nhất ngày 5 của tháng tiếp theo", Y2025);
        Assert.Equal(new LocalDate(2025, 2, 5), next.Milestones[0].Due);
        Assert.Equal(new LocalDate(2026, 1, 5), next.Milestones[^1].Due);
    }

    [Fact]
    public void Periods_that_carry_their_own_dates()
    {
        Assert.Equal("recurring: Năm 2025-06-20 | Năm 2025-07-31", Read("6 tháng đầu năm: Sơ bộ: 20/6 năm N. Chính thức: 31/7 năm N"));
        Assert.Equal("recurring: Năm 2025-12-20 | Năm 2026-03-31", Read("Sơ bộ: 20/12 năm N. Chính thức: 31/3 năm sau (N+1)"));
    }

    [Theory]
    [InlineData("Trước Tết Nguyên đán 2026", "2026-02-16")] // Tết Bính Ngọ: 17/02/2026
    [InlineData("Tết Nguyên đán năm 2025", "2025-01-29")]
    [InlineData("Rằm tháng Giêng năm 2025", "2025-02-12")]
    [InlineData("ngày 15/8 âm lịch", "2025-10-06")] // Tết Trung thu 2025
    [InlineData("ngày 15 tháng 8 (âm lịch) năm 2025", "2025-10-06")]
    public void Lunar_references_use_our_lunar_calendar(string phrase, string due)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(ScheduleKind.Once, schedule.Kind);
        Assert.Equal(due, schedule.Milestones[0].Due.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void A_tet_without_its_year_is_the_next_one_and_says_so()
    {
        var schedule = DeadlineParser.Parse("Trước Tết Nguyên đán", Y2025);
        Assert.Equal(new LocalDate(2026, 2, 16), schedule.Milestones.Single().Due);
        Assert.NotNull(schedule.Ambiguity);
    }

    [Fact]
    public void A_lunar_day_that_does_not_exist_is_unknown() =>
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("ngày 31/8 âm lịch", Y2025).Kind);

    [Theory]
    [InlineData("Trước năm 2030", "once: 2029-12-31")]
    [InlineData("Thường xuyên, hằng năm", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hoàn thành trong năm 2026 và duy trì thường xuyên", "once: 2026-12-31")]
    public void Two_readings_choose_the_coordinators_and_say_so(string phrase, string expected)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(expected, ScheduleText.Of(schedule));
        Assert.NotNull(schedule.Ambiguity);
        Assert.Contains(schedule.Ambiguity!, schedule.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quý I/2025")]
    [InlineData("Trong năm 2025")]
    [InlineData("Hằng năm")]
    [InlineData("Giai đoạn 2026 - 2030")]
    public void Plain_phrases_have_one_reading(string phrase) => Assert.Null(DeadlineParser.Parse(phrase, Y2025).Ambiguity);

    [Theory]
    [InlineData("07/2026", "once: 2026-07-31")]
    [InlineData("Hoàn thành 11/2025", "once: 2025-11-30")]
    [InlineData("Theo Nghị định 12/2025/NĐ-CP", "event:")] // no month 12/2025: the decree sets the time, an event
    [InlineData("Từ ngày 5 đến 20/11/2025", "continuous: 2025-11-20")]
    [InlineData("Trước 2027", "once: 2026-12-31")]
    [InlineData("Xong trong năm 2026, duy trì hằng năm", "once: 2026-12-31")]
    public void Months_written_bare_span_days_and_years_before(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Đầu tháng 4/2026", "once: 2026-04-10")]
    [InlineData("Giữa tháng 12", "once: 2025-12-20")]
    [InlineData("Tuần 2 tháng 3/2026", "once: 2026-03-14")]
    [InlineData("Trong tuần 5 tháng 02/2026", "once: 2026-02-28")]
    public void Parts_of_a_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_early_days_of_a_month_and_a_week_before_are_readings_to_confirm()
    {
        Assert.NotNull(DeadlineParser.Parse("Đầu tháng 4/2026", Y2025).Ambiguity);
        Assert.NotNull(DeadlineParser.Parse("Xong trước tuần 3 tháng 02/2026", Y2025).Ambiguity);
        Assert.Null(DeadlineParser.Parse("Tuần 2 tháng 3/2026", Y2025).Ambiguity);
    }

    [Fact]
    public void Of_two_alternatives_the_earlier_is_due_and_the_choice_is_listed()
    {
        var schedule = DeadlineParser.Parse("11/2026 hoặc 02/2027 (tuỳ lịch họp)", Y2025);
        Assert.Equal("once: 2026-11-30", ScheduleText.Of(schedule));
        Assert.Contains("sớm hơn", schedule.Ambiguity, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_in_brackets_after_a_deadline_are_its_note()
    {
        var schedule = DeadlineParser.Parse("Ngày 15/3/2026 (ngày 16/3/2026 dự phòng)", Y2025);
        Assert.Equal("once: 2026-03-15", ScheduleText.Of(schedule));
        Assert.Contains("16/3/2026", schedule.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thường xuyên; riêng năm 2025 hoàn thành trong quý III/2025", "once: 2025-09-30")]
    [InlineData("Định kỳ hằng quý, riêng việc sơ kết hoàn thành trước ngày 30/6/2025", "once: 2025-06-30")]
    public void An_exception_with_its_own_deadline_is_the_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Depending_on_another_bodys_timing_is_an_event()
    {
        var schedule = DeadlineParser.Parse("Tùy theo tiến độ sửa đổi Luật", Y2025);
        Assert.Equal(ScheduleKind.Event, schedule.Kind);
        Assert.Equal("once: 2025-12-31", Read("12/2025, tuỳ thời điểm họp"));
    }

    [Theory]
    [InlineData("Trình Kỳ họp thường lệ năm 2026", "event:")]
    [InlineData("Kỳ họp chuyên đề tháng 7/2026", "once: 2026-07-31")]
    public void A_year_after_a_council_session_names_the_session(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_mistyped_year_at_a_spans_start_takes_the_year_of_its_end_and_is_listed()
    {
        var schedule = DeadlineParser.Parse("Từ ngày 15/10/2205 đến ngày 20/11/2025", Y2025);
        Assert.Equal("continuous: 2025-11-20", ScheduleText.Of(schedule));
        Assert.Contains("2205", schedule.Ambiguity, StringComparison.Ordinal);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("Ngày 15/10/2205", Y2025).Kind);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("Từ ngày 15/10/2205", Y2025).Kind);
    }

    [Theory]
    [InlineData("Quý I/2026 và duy trì thường xuyên", "once: 2026-03-31")]
    [InlineData("Từ tháng 10/2025, thường xuyên", "continuous: Quý IV 2025-12-31")]
    public void Ongoing_work_after_a_deadline_has_no_date_of_its_own(string phrase, string expected)
    {
        Assert.Equal(expected, Read(phrase));
    }

    [Fact]
    public void Ongoing_work_after_a_deadline_is_a_reading_to_confirm() =>
        Assert.NotNull(DeadlineParser.Parse("Quý I/2026 và duy trì thường xuyên", Y2025).Ambiguity);

    [Theory]
    [InlineData("Theo yêu cầu của Bộ Nội vụ", "event:")]
    [InlineData("Quý III/2025 hoặc theo yêu cầu của Ủy ban nhân dân tỉnh", "once: 2025-09-30")]
    [InlineData("Thường xuyên, theo yêu cầu nhiệm vụ", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_request_of_another_body_is_an_event_unless_a_date_is_given(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Quý IV/2025 (thực hiện theo lộ trình giai đoạn 2025 - 2030)", "once: 2025-12-31")]
    [InlineData("Tháng 12/2025 (số liệu năm 2024)", "once: 2025-12-31")]
    [InlineData("Quý II/2025 (để triển khai trong năm 2026)", "once: 2025-06-30")]
    public void Years_in_brackets_after_a_deadline_are_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Years_in_brackets_stay_in_the_note()
    {
        var schedule = DeadlineParser.Parse("Quý IV/2025 (thực hiện theo lộ trình giai đoạn 2025 - 2030)", Y2025);
        Assert.Contains("2025 - 2030", schedule.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xây dựng kế hoạch trong Quý III/2025. Tổ chức thực hiện trong Quý III/2025", "once: 2025-09-30")]
    [InlineData("Ban hành kế hoạch: Quý I/2025. Thực hiện: Quý I/2025. Báo cáo: Quý II/2025", "phased: Ban hành kế hoạch 2025-03-31 | Báo cáo 2025-06-30")]
    [InlineData("Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025", "phased: Ban hành kế hoạch 2025-03-31 | Thực hiện 2025-12-31")]
    public void Phases_due_on_one_day_are_one_chase(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Tháng 3 - 5/2025", "continuous: Quý I 2025-03-31 | 2025-05-31")]
    [InlineData("Tháng 7 - 9/2026", "continuous: Quý III 2026-09-30")]
    [InlineData("Tháng 3 - 5/2026", "continuous: Quý I 2026-03-31 | 2026-05-31")] // the first month takes the last's year, not the plan's
    [InlineData("Tháng 11, 12/2025", "phased: 2025-11-30 | 2025-12-31")]
    [InlineData("Quý II - Quý IV năm 2025", "phased: 2025-06-30 | 2025-09-30 | 2025-12-31")]
    public void A_range_of_months_is_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_range_of_months_is_a_reading_to_confirm()
    {
        Assert.NotNull(DeadlineParser.Parse("Tháng 3 - 5/2025", Y2025).Ambiguity);
        Assert.Null(DeadlineParser.Parse("Từ tháng 3 đến tháng 5/2025", Y2025).Ambiguity);
    }

    [Theory]
    [InlineData("Trước tháng 3/2027", "once: 2027-02-28")]
    [InlineData("Trước tháng 01/2026", "once: 2025-12-31")]
    [InlineData("Hoàn thành trước tháng 7", "once: 2025-06-30")]
    [InlineData("Trong tháng 3/2027", "once: 2027-03-31")]
    [InlineData("Tháng 3/2027", "once: 2027-03-31")]
    public void Before_a_month_is_the_end_of_the_month_before(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Before_a_month_is_a_reading_to_confirm()
    {
        Assert.Contains("hết tháng 3/2027", DeadlineParser.Parse("Trước tháng 3/2027", Y2025).Ambiguity, StringComparison.Ordinal);
        Assert.Null(DeadlineParser.Parse("Trong tháng 3/2027", Y2025).Ambiguity);
    }

    [Theory]
    [InlineData("Quý III/năm 2025", "once: 2025-09-30")]
    [InlineData("Tháng 6/năm 2026", "once: 2026-06-30")]
    [InlineData("Quý I - năm 2026", "once: 2026-03-31")]
    [InlineData("Quý II, III/2025", "phased: 2025-06-30 | 2025-09-30")]
    public void A_year_written_with_its_word_after_the_separator(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Kỳ họp thường lệ cuối năm 2026", "event:")]
    [InlineData("Trình HĐND tại Kỳ họp cuối năm", "event:")]
    // The year-end season ("dịp cuối năm") before a day said with "trước ngày" or "chậm nhất" is what the task speaks of.
    [InlineData("Báo cáo tình hình trả thưởng vào dịp cuối năm, gửi trước ngày 20 tháng 12 năm 2025", "once: 2025-12-20")]
    [InlineData("Tổ chức vào dịp cuối năm 2025", "once: 2025-12-31")]
    [InlineData("Cuối năm 2026", "once: 2026-12-31")]
    public void The_session_at_the_years_end_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Trong 3 tháng sau khi Bộ Tài chính ban hành Thông tư", "event:")]
    [InlineData("15 ngày sau khi có văn bản của Bộ", "event:")]
    [InlineData("30 ngày sau khi ban hành Kế hoạch", "once: 2025-12-20")]
    [InlineData("Định kỳ 6 tháng", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void Counted_from_another_bodys_act_the_task_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Tháng 10/2025 (sau khi kết thúc mùa mưa bão)", "once: 2025-10-31")]
    [InlineData("Quý IV/2025 (sau khi Bộ Nội vụ ban hành hướng dẫn)", "event: 2025-12-31")]
    [InlineData("Sau khi kết thúc Đại hội", "event:")]
    public void After_a_season_ends_in_brackets_is_a_note_not_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void After_a_season_ends_in_brackets_is_a_reading_to_confirm() =>
        Assert.Contains("sau khi kết thúc mùa mưa bão", DeadlineParser.Parse("Tháng 10/2025 (sau khi kết thúc mùa mưa bão)", Y2025).Ambiguity, StringComparison.Ordinal);

    [Theory]
    [InlineData("Mục 2.3: Hoàn thành trong Quý II/2026", "once: 2026-06-30")]
    [InlineData("Khu vực 1: trước 30/8/2026. Khu vực 2.1: trước 31/12/2026", "phased: Khu vực 1 2026-08-30 | Khu vực 2.1 2026-12-31")]
    [InlineData("Trước ngày 15.12", "once: 2025-12-15")]
    [InlineData("15.12.2025", "once: 2025-12-15")]
    // A number with dots that opens the cell and ends with its own dot ("4.2. Hằng năm …") numbers a section too.
    [InlineData("2.3. Định kỳ hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("1.2. Trước ngày 15/12/2025, báo cáo kết quả", "once: 2025-12-15")]
    [InlineData("4.2.2026", "once: 2026-02-04")]
    // After "tỷ lệ" a fraction is a map's scale or a ratio ("tỷ lệ 1/2.000"), no day and month.
    [InlineData("Phê duyệt quy hoạch chi tiết tỷ lệ 1/2.000, hoàn thành trong tháng 6 năm 2026", "once: 2026-06-30")]
    [InlineData("Lập quy hoạch phân khu tỉ lệ 1/5.000 trước ngày 30/9/2026", "once: 2026-09-30")]
    [InlineData("Đạt tỷ lệ 100% trước ngày 1/2/2026", "once: 2026-02-01")]
    public void Numbers_of_sections_are_not_dates(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Hằng năm đến năm 2028", "recurring: Năm 2025 2025-12-31 | Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | Năm 2028 2028-12-31")]
    [InlineData("Năm 2026 và hằng năm đến 2027", "recurring: Năm 2026 2026-12-31 | Năm 2027 2027-12-31")]
    [InlineData("hằng năm", "recurring: Năm 2025-12-31")]
    [InlineData("Trước ngày 15/12 hằng năm", "recurring: Năm 2025-12-15")]
    public void A_yearly_duty_up_to_a_year_is_due_at_each_years_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Trước quý III/2026", "once: 2026-06-30")]
    [InlineData("Hoàn thành trước quý I năm 2026", "once: 2025-12-31")]
    [InlineData("Trong quý III/2026", "once: 2026-09-30")]
    public void Before_a_quarter_is_the_end_of_the_quarter_before(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Before_a_quarter_is_a_reading_to_confirm() =>
        Assert.Contains("hết quý III/2026", DeadlineParser.Parse("Trước quý III/2026", Y2025).Ambiguity, StringComparison.Ordinal);

    [Theory]
    [InlineData("Giữa năm 2026", "once: 2026-06-30")]
    [InlineData("Nửa đầu năm 2026", "once: 2026-06-30")]
    [InlineData("Nửa cuối năm", "once: 2025-12-31")]
    [InlineData("Kỳ họp giữa năm 2026", "event:")]
    public void The_middle_and_halves_of_a_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_middle_of_a_year_is_a_reading_to_confirm()
    {
        Assert.NotNull(DeadlineParser.Parse("Giữa năm 2026", Y2025).Ambiguity);
        Assert.Null(DeadlineParser.Parse("Nửa đầu năm 2026", Y2025).Ambiguity);
    }

    [Theory]
    [InlineData("03 tháng kể từ ngày Chính phủ ban hành Nghị định", "event:")]
    [InlineData("3 tháng kể từ ngày ban hành Nghị định hướng dẫn", "event:")]
    [InlineData("10 ngày làm việc kể từ ngày Bộ Nội vụ ban hành hướng dẫn", "event:")]
    [InlineData("10 ngày làm việc kể từ ngày Sở Tài chính ban hành hướng dẫn", "event:")]
    [InlineData("15 ngày kể từ ngày Quyết định này được ban hành", "once: 2025-12-05")]
    [InlineData("30 ngày kể từ ngày ban hành Bộ tiêu chí", "once: 2025-12-20")]
    public void Counted_from_a_decree_of_another_body_the_task_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Tháng 01 và tháng 7 hằng năm", "recurring: Tháng 1 2025-01-31 | Tháng 7 2025-07-31")]
    [InlineData("Tháng 6 hàng năm", "recurring: Tháng 6 2025-06-30")]
    [InlineData("Định kỳ quý I, 6 tháng, quý III và năm", "recurring: Quý I 2025-03-31 | 6 tháng 2025-06-30 | Quý III 2025-09-30 | Năm 2025-12-31")]
    public void Months_named_with_every_year_are_the_years_dates(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Theo chỉ đạo của UBND tỉnh", "event:")]
    [InlineData("Quý III/2026 theo chỉ đạo của UBND tỉnh", "once: 2026-09-30")]
    public void A_direction_of_another_body_is_an_event_unless_a_date_is_given(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ hằng tháng, trước ngày 20")]
    [InlineData("Hằng tháng (trước ngày 20)")]
    [InlineData("trước ngày 20 hằng tháng")]
    public void A_day_after_every_month_is_that_day_of_each_month(string phrase)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(ScheduleKind.Recurring, schedule.Kind);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => new LocalDate(2025, m, 20)), schedule.Milestones.Select(m => m.Due));
    }

    [Theory]
    [InlineData("Hằng tháng", "recurring: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    public void Every_month_alone_is_each_months_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Báo cáo 6 tháng trước 15/6, báo cáo năm trước 15/12", "recurring: 6 tháng 2025-06-15 | Năm 2025-12-15")]
    [InlineData("Báo cáo 6 tháng, báo cáo năm trước ngày 15/12", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-15")]
    [InlineData("Báo cáo 9 tháng trước ngày 20/9", "recurring: 9 tháng 2025-09-20")]
    [InlineData("Hằng năm, trước ngày 15/12", "recurring: Năm 2025-12-15")]
    [InlineData("Định kỳ 6 tháng, hằng năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void A_period_with_its_own_day_is_due_that_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Hằng quý, trước ngày 15 tháng cuối quý", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("Định kỳ hằng quý, chậm nhất ngày 20 của tháng cuối quý", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("ngày 10 tháng đầu quý", "recurring: Quý I 2025-01-10 | Quý II 2025-04-10 | Quý III 2025-07-10 | Quý IV 2025-10-10")]
    [InlineData("Hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_day_of_a_month_of_every_quarter(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Đầu năm 2027", "once: 2027-03-31")]
    [InlineData("Đầu năm", "once: 2025-03-31")]
    [InlineData("Kỳ họp đầu năm 2027", "event:")]
    [InlineData("6 tháng đầu năm 2026", "once: 2026-06-30")]
    [InlineData("Nửa đầu năm 2026", "once: 2026-06-30")]
    public void The_start_of_a_year_is_its_first_quarters_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_start_of_a_year_is_a_reading_to_confirm() =>
        Assert.Contains("hết tháng 01", DeadlineParser.Parse("Đầu năm 2027", Y2025).Ambiguity, StringComparison.Ordinal);

    [Theory]
    [InlineData("Giai đoạn 1 (2026): triển khai thí điểm; Giai đoạn 2 (2027-2028): nhân rộng", "phased: Giai đoạn 1 2026-12-31 | Giai đoạn 2 2028-12-31")]
    [InlineData("Đợt 1 (Quý II/2026); Đợt 2 (Quý IV/2026)", "phased: Đợt 1 2026-06-30 | Đợt 2 2026-12-31")]
    [InlineData("Quý II/2026 (giai đoạn 2026 - 2031)", "once: 2026-06-30")]
    public void A_phase_gives_its_dates_in_brackets(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Chậm nhất là ngày 20 tháng đầu tiên của quý sau đối với báo cáo quý", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("ngày 10 tháng đầu quý tiếp theo", "recurring: Quý I 2025-04-10 | Quý II 2025-07-10 | Quý III 2025-10-10 | Quý IV 2026-01-10")]
    [InlineData("chậm nhất là ngày 31 tháng 3 năm sau đối với báo cáo năm", "recurring: Năm 2026-03-31")]
    public void Report_deadlines_in_the_next_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Báo cáo quý gửi chậm nhất vào ngày cuối cùng của tháng đầu tiên của quý tiếp theo", "recurring: Quý I 2025-04-30 | Quý II 2025-07-31 | Quý III 2025-10-31 | Quý IV 2026-01-31")]
    [InlineData("Chậm nhất là ngày cuối của tháng đầu quý sau đối với báo cáo quý. Riêng đối với báo cáo quý IV, chậm nhất là ngày 15 tháng 3 năm sau",
        "recurring: Quý I 2025-04-30 | Quý II 2025-07-31 | Quý III 2025-10-31 | Quý IV 2026-03-15")]
    [InlineData("Chậm nhất là ngày 20 tháng đầu tiên của quý liền sau. Riêng đối với báo cáo quý 3, thời hạn là ngày 5 tháng 10",
        "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-05 | Quý IV 2026-01-20")]
    public void A_quarterly_report_with_one_quarter_excepted(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 20 tháng 7 đối với báo cáo 6 tháng; trước ngày 20 tháng 01 đối với báo cáo năm", "recurring: 6 tháng 2025-07-20 | Năm 2026-01-20")]
    [InlineData("Trước ngày 10 tháng 02 hằng năm đối với báo cáo năm", "recurring: Năm 2026-02-10")]
    [InlineData("trước ngày 15 tháng 12 hằng năm đối với báo cáo năm", "recurring: Năm 2025-12-15")]
    public void A_date_bound_to_the_report_named_after_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("44/92/2026; 6/8/2026", "once: 2026-08-06")]
    [InlineData("31/02/2026", "unknown:")]
    public void An_impossible_date_beside_good_ones_is_left_out(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void An_impossible_date_left_out_is_a_reading_to_confirm() =>
        Assert.Contains("44/92/2026", DeadlineParser.Parse("44/92/2026; 6/8/2026", Y2025).Ambiguity, StringComparison.Ordinal);

    [Theory]
    [InlineData("Thông báo số 326/TB-TTHĐND ngày 17/12/2025", "event:")]
    [InlineData("Quý II/2026 theo Kế hoạch số 12/KH-UBND ngày 05/01/2026", "once: 2026-06-30")]
    [InlineData("Trước ngày 15/01/2026 (Công văn số 3562/SKHCN-KHTC ngày 27/7/2025)", "once: 2026-01-15")]
    public void The_date_of_a_cited_document_is_not_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này", "once: 2025-11-30")]
    [InlineData("15 ngày kể từ ngày nhận được Kế hoạch", "once: 2025-12-05")]
    [InlineData("(17,5) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "event:")]
    [InlineData("3,5 ngày kể từ ngày Sở Nội vụ tiếp nhận đủ giấy tờ", "event:")]
    [InlineData("2,5 ngày kể từ ngày ban hành", "once: 2025-11-23")]
    public void Counts_from_receiving_the_plan_and_half_days(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Từ tháng 9 đến tháng 11/2025, hằng tháng", "recurring: Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30")]
    [InlineData("Hằng tháng, từ tháng 10/2025", "recurring: Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    [InlineData("Định kỳ hằng tháng từ tháng 6 đến tháng 8/2025", "recurring: Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31")]
    [InlineData("Hằng quý, từ quý II/2025", "recurring: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo hằng quý từ quý III/2025", "recurring: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hằng quý, từ tháng 5/2025", "recurring: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Ngày 20 hằng tháng, từ tháng 10/2025", "recurring: Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    [InlineData("Hằng quý, trước ngày 15 tháng cuối quý, từ quý III/2025", "recurring: Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("Hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_duty_every_period_inside_a_span_has_the_spans_periods_only(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 30 tháng 6 đối với báo cáo năm", "recurring: Năm 2025-06-30")]
    [InlineData("trước ngày 15 tháng 7 đối với báo cáo 6 tháng; trước ngày 30 tháng 6 đối với báo cáo năm", "recurring: Năm 2025-06-30 | 6 tháng 2025-07-15")]
    [InlineData("trước ngày 01 tháng 4 đối với báo cáo năm", "recurring: Năm 2025-04-01")]
    [InlineData("trước ngày 31 tháng 3 đối với báo cáo năm", "recurring: Năm 2026-03-31")]
    [InlineData("trước ngày 15 tháng 3 đối với báo cáo 6 tháng", "recurring: 6 tháng 2025-03-15")]
    [InlineData("Chậm nhất là ngày 20 tháng đầu tiên của quý liền sau. Riêng đối với báo cáo quý 3, thời hạn là ngày 15 tháng 1 năm sau",
        "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2026-01-15 | Quý IV 2026-01-20")]
    public void A_report_date_moves_to_the_next_year_only_inside_the_window_after_its_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 30 tháng 6 đối với báo cáo năm", "30/06/2026")]
    [InlineData("trước ngày 15 tháng 3 đối với báo cáo 6 tháng", "15/03/2026")]
    public void A_report_date_long_before_its_period_ends_is_a_reading_to_confirm(string phrase, string other) =>
        Assert.Contains(other, DeadlineParser.Parse(phrase, Y2025).Ambiguity, StringComparison.Ordinal);

    [Theory]
    [InlineData("trước ngày 15 tháng 12 hằng năm đối với báo cáo năm")]
    [InlineData("trước ngày 15 tháng 01 đối với báo cáo năm")]
    [InlineData("trước ngày 15 tháng 7 đối với báo cáo 6 tháng")]
    public void A_report_date_in_its_window_is_not_flagged(string phrase) => Assert.Null(DeadlineParser.Parse(phrase, Y2025).Ambiguity);

    [Theory]
    [InlineData("Từ đầu năm 2026 đến hết tháng 6/2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30")]
    [InlineData("Từ đầu năm đến hết tháng 6/2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30")]
    [InlineData("Từ đầu tháng 3 đến hết tháng 5/2025", "continuous: Quý I 2025-03-31 | 2025-05-31")]
    [InlineData("Từ đầu quý II đến hết quý III/2025", "continuous: Quý II 2025-06-30 | Quý III 2025-09-30")]
    [InlineData("Từ đầu năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Đầu năm 2027", "once: 2027-03-31")]
    [InlineData("Đầu tháng 3/2026", "once: 2026-03-10")]
    public void The_start_of_a_period_after_tu_opens_one_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A range of quarters opened by "từ" is work from the first quarter's first day to the last one's end, read as
    /// the same span written in months; without "từ" a range of quarters stays a deadline at each quarter's end. A span of a
    /// year at most that crosses the new year has each quarter's end, named with its year (since the thirteenth harvest;
    /// before, it had the first year's end and its last day).</summary>
    [Theory]
    [InlineData("Từ quý I đến quý III/2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30")]
    [InlineData("Từ tháng 1 đến tháng 9/2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30")]
    [InlineData("Từ quý II/2025 đến quý IV/2025", "continuous: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Từ quý IV/2025 đến quý II/2026", "continuous: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | Quý II/2026 2026-06-30")]
    [InlineData("Từ tháng 10/2025 đến tháng 6/2026", "continuous: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | Quý II/2026 2026-06-30")]
    [InlineData("Từ quý III/2025 - quý I/2026", "continuous: Quý III/2025 2025-09-30 | Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31")]
    [InlineData("Hằng quý, từ quý IV/2025 đến quý II/2026", "recurring: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | Quý II/2026 2026-06-30")]
    [InlineData("Hằng quý, từ quý II đến quý IV/2025", "recurring: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Quý II - Quý IV năm 2025", "phased: 2025-06-30 | 2025-09-30 | 2025-12-31")]
    [InlineData("Quý IV/2025 - Quý II/2026", "phased: 2025-12-31 | 2026-03-31 | 2026-06-30")]
    public void A_range_of_quarters_after_tu_is_one_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("2,5 ngày kể từ ngày ban hành", "once: 2025-11-23")]
    [InlineData("2,5 ngày làm việc kể từ ngày ban hành", "once: 2025-11-25")]
    [InlineData("Trong vòng 7,5 ngày kể từ ngày Kế hoạch được ban hành", "once: 2025-11-28")]
    [InlineData("2,0 ngày kể từ ngày ban hành", "once: 2025-11-22")]
    [InlineData("1,5 tháng kể từ ngày ban hành", "unknown:")]
    [InlineData("3,5 ngày kể từ ngày Sở Nội vụ tiếp nhận đủ giấy tờ", "event:")]
    public void A_decimal_count_of_days_from_the_issue_date_ends_on_the_day_it_runs_out(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_decimal_count_is_a_reading_to_confirm_and_needs_the_issue_date()
    {
        Assert.Contains("thứ 3", DeadlineParser.Parse("2,5 ngày kể từ ngày ban hành", Y2025).Ambiguity, StringComparison.Ordinal);
        var refused = DeadlineParser.Parse("2,5 ngày kể từ ngày ban hành", new DeadlineContext(2025, null, RepositoryData.Calendar));
        Assert.Equal(ScheduleKind.Unknown, refused.Kind);
        Assert.Contains("chưa ghi ngày ban hành", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chậm nhất ngày 20 tháng 02 năm sau", "once: 2026-02-20")]
    [InlineData("trước ngày 31/3 của năm tiếp theo", "once: 2026-03-31")]
    [InlineData("ngày 15 tháng 01 năm kế tiếp", "once: 2026-01-15")]
    [InlineData("trước ngày 20 tháng 12 năm trước", "once: 2024-12-20")]
    [InlineData("trước ngày 10 tháng 2 năm sau năm báo cáo", "recurring: Năm 2026-02-10")]
    [InlineData("chậm nhất ngày 31 tháng 01 năm tiếp theo của kỳ báo cáo", "recurring: Năm 2026-01-31")]
    [InlineData("Sơ bộ: 20/12 năm N. Chính thức: 31/3 năm sau (N+1)", "recurring: Năm 2025-12-20 | Năm 2026-03-31")]
    public void A_year_said_relative_to_the_plans_is_that_year_and_a_reports_every_year(string phrase, string expected) =>
        Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Hằng tháng, ngày 10 của tháng tiếp theo", "recurring: Tháng 1 2025-02-10 | Tháng 2 2025-03-10 | Tháng 3 2025-04-10 | Tháng 4 2025-05-10 | Tháng 5 2025-06-10 | Tháng 6 2025-07-10 | Tháng 7 2025-08-10 | Tháng 8 2025-09-10 | Tháng 9 2025-10-10 | Tháng 10 2025-11-10 | Tháng 11 2025-12-10 | Tháng 12 2026-01-10")]
    [InlineData("Định kỳ hằng tháng, trước ngày 5 hằng tháng", "recurring: Tháng 1 2025-01-05 | Tháng 2 2025-02-05 | Tháng 3 2025-03-05 | Tháng 4 2025-04-05 | Tháng 5 2025-05-05 | Tháng 6 2025-06-05 | Tháng 7 2025-07-05 | Tháng 8 2025-08-05 | Tháng 9 2025-09-05 | Tháng 10 2025-10-05 | Tháng 11 2025-11-05 | Tháng 12 2025-12-05")]
    [InlineData("Trước ngày 25 hằng tháng, báo cáo kết quả tháng trước", "recurring: Tháng 1 2025-01-25 | Tháng 2 2025-02-25 | Tháng 3 2025-03-25 | Tháng 4 2025-04-25 | Tháng 5 2025-05-25 | Tháng 6 2025-06-25 | Tháng 7 2025-07-25 | Tháng 8 2025-08-25 | Tháng 9 2025-09-25 | Tháng 10 2025-10-25 | Tháng 11 2025-11-25 | Tháng 12 2025-12-25")]
    [InlineData("Định kỳ hằng năm, trước ngày 10 tháng 12 hằng năm", "recurring: Năm 2025-12-10")]
    [InlineData("Báo cáo 6 tháng, báo cáo năm trước ngày 15/12", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-15")]
    public void A_duty_with_its_own_day_has_no_period_ends_besides(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 25 tháng 6 đối với báo cáo sáu tháng; trước ngày 25 tháng 12 đối với báo cáo năm", "recurring: 6 tháng 2025-06-25 | Năm 2025-12-25")]
    [InlineData("Báo cáo 6 tháng gửi trước ngày 15 tháng 7, báo cáo năm gửi trước ngày 15 tháng 01 năm sau", "recurring: 6 tháng 2025-07-15 | Năm 2026-01-15")]
    [InlineData("trước ngày 15 tháng 02 hằng năm đối với kỳ báo cáo năm", "recurring: Năm 2026-02-15")]
    [InlineData("Hằng quý, trước ngày 20 các tháng 3, 6, 9 và 12", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("ngày 5 các tháng 1, 7", "recurring: Tháng 1 2025-01-05 | Tháng 7 2025-07-05")]
    public void Report_dates_written_in_words_sent_or_listed_by_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ hằng quý hoặc đột xuất khi có yêu cầu", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hằng năm hoặc khi cần thiết", "recurring: Năm 2025-12-31")]
    [InlineData("Báo cáo 6 tháng, hằng năm và đột xuất theo yêu cầu của UBND tỉnh", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Khi có yêu cầu", "event:")]
    [InlineData("Theo yêu cầu của cấp có thẩm quyền", "event:")]
    public void An_extra_report_on_request_beside_a_periodic_duty_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Hằng năm, theo quy định", "recurring: Năm 2025-12-31")]
    [InlineData("Quy IV/2025", "once: 2025-12-31")]
    [InlineData("Quy II, III/2025", "phased: 2025-06-30 | 2025-09-30")]
    public void Quy_without_its_accent_is_a_quarter_only_before_a_quarters_number(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("30 ngày kể từ ngày kết thúc quý", "recurring: Quý I 2025-04-30 | Quý II 2025-07-30 | Quý III 2025-10-30 | Quý IV 2026-01-30")]
    [InlineData("trong thời hạn 90 ngày từ ngày kết thúc năm tài chính", "recurring: Năm 2026-03-31")]
    [InlineData("90 ngày kể từ ngày kết thúc năm 2025", "once: 2026-03-31")]
    public void A_count_from_the_end_of_a_period_is_due_that_long_after_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("hoàn thành trước ngày 30/6/2026 đối với hồ sơ năm 2024", "once: 2026-06-30")]
    [InlineData("xong trước ngày 01/5/2026 đối với hồ sơ năm 2023, xong trước ngày 01/8/2026 đối với hồ sơ năm 2024", "phased: Xong 2026-05-01 | Xong 2026-08-01")]
    public void A_year_after_doi_voi_says_what_a_date_is_for(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Hằng tháng, từ tháng 11/2025 đến tháng 2/2026", "recurring: Tháng 11/2025 2025-11-30 | Tháng 12/2025 2025-12-31 | Tháng 1/2026 2026-01-31 | Tháng 2/2026 2026-02-28")]
    [InlineData("ngày 15 hằng tháng, từ tháng 12/2025 đến tháng 1/2026", "recurring: Tháng 12/2025 2025-12-15 | Tháng 1/2026 2026-01-15")]
    [InlineData("Hằng quý, từ tháng 10/2025 đến tháng 6/2026", "recurring: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | Quý II/2026 2026-06-30")]
    [InlineData("Từ tháng 10 đến tháng 12/2025, hằng tháng", "recurring: Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    public void A_periodic_duty_over_a_span_into_the_next_year_has_each_years_periods(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 15 tháng 01 năm sau theo mẫu ban hành kèm theo Thông tư này", "once: 2026-01-15")]
    [InlineData("Hằng quý theo biểu mẫu của Thông tư này", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Từ nay đến hết năm 2025", "continuous: Quý IV 2025-12-31")]
    public void Thong_tu_nay_is_this_circular_not_from_now(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trong vòng 45 ngày kể từ ngày kết thúc 6 tháng đầu năm", "recurring: 6 tháng đầu năm 2025-08-14")]
    [InlineData("30 ngày kể từ ngày kết thúc 6 tháng cuối năm tài chính", "recurring: 6 tháng cuối năm 2026-01-30")]
    public void A_count_from_the_end_of_a_half_year_is_due_that_long_after_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("báo cáo 6 tháng (trước ngày 20 tháng 6), hằng năm (trước ngày 20 tháng 12)", "recurring: 6 tháng 2025-06-20 | Năm 2025-12-20")]
    [InlineData("Quý II/2026 (ngày 15/6/2026 tổ chức hội nghị)", "once: 2026-06-30")]
    public void A_date_in_brackets_right_after_a_period_is_that_periods(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("định kỳ hằng quý hoặc thực hiện báo cáo theo yêu cầu đột xuất", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Quý IV/2025 hoặc khi có hướng dẫn", "event: 2025-12-31")]
    public void An_alternative_on_request_after_a_periodic_duty_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Năm sau", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Trong năm tiếp theo", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Năm kế tiếp.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Năm 2026 và các năm tiếp theo", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")] // ongoing years after a year: not a second one
    [InlineData("2025 và những năm tiếp theo", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_cell_that_is_only_a_year_relative_to_the_plans_is_that_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo", "recurring: Năm 2026-02-15")]
    [InlineData("nộp trước ngày 31 tháng 3 của năm liền kề", "once: 2026-03-31")]
    [InlineData("trước ngày 01 tháng 3 năm liền kề trước", "once: 2024-03-01")]
    public void Nam_lien_ke_is_the_year_next_to_the_reports_or_the_plans(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Được lập và nộp trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo, kỳ báo cáo là năm (từ 01 tháng 01 đến 31 tháng 12)", "recurring: Năm 2026-02-15")]
    [InlineData("định kỳ 6 tháng, kỳ báo cáo (từ ngày 15/12 năm trước đến ngày 14/6)", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("báo cáo 6 tháng (trước ngày 20 tháng 6), hằng năm (trước ngày 20 tháng 12)", "recurring: 6 tháng 2025-06-20 | Năm 2025-12-20")]
    public void A_span_in_brackets_after_a_period_word_is_what_the_period_covers(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm, báo cáo 6 tháng và năm", "recurring: 6 tháng 2025-06-15 | Năm 2025-12-15")]
    [InlineData("Trước ngày 20/6 và 20/12 hằng năm, báo cáo kết quả 6 tháng, năm", "recurring: 6 tháng 2025-06-20 | Năm 2025-12-20")]
    [InlineData("Định kỳ 6 tháng", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Báo cáo 6 tháng trước 15/6, báo cáo năm trước 15/12", "recurring: 6 tháng 2025-06-15 | Năm 2025-12-15")]
    public void Two_days_of_the_year_with_a_half_year_word_are_the_duty_dates(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Chậm nhất là 30 ngày, kể từ ngày cơ quan Thuế ban hành thông báo nộp tiền")]
    [InlineData("10 ngày, kể từ ngày nhận được văn bản đề nghị")]
    [InlineData("Chậm nhất 30 ngày trước ngày khai mạc Đại hội")]
    [InlineData("15 ngày làm việc trước ngày tổ chức hội nghị")]
    [InlineData("02 tháng trước khi hết hạn giấy phép")]
    [InlineData("Chậm nhất 01 năm trước ngày chấm dứt hợp đồng")]
    public void A_count_from_or_before_another_bodys_act_waits_for_it(string phrase)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal("event:", ScheduleText.Of(schedule));
        Assert.False(string.IsNullOrEmpty(schedule.Note));
    }

    [Fact]
    public void A_count_from_the_plan_keeps_its_date_with_a_comma() =>
        Assert.Equal("once: 2025-12-05", Read("15 ngày, kể từ ngày ban hành Kế hoạch"));

    [Theory]
    [InlineData("Số liệu thu hồi khoáng sản (nếu có) báo cáo hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo đột xuất (nếu có) và định kỳ hằng năm", "recurring: Năm 2025-12-31")]
    [InlineData("Quý IV/2025 (nếu có)", "event: 2025-12-31")]
    [InlineData("Số liệu (nếu có)", "event:")]
    [InlineData("(nếu có)", "event:")]
    public void Neu_co_in_the_subject_before_the_dates_says_what_may_not_exist(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("số liệu tính đến hết ngày 30/9/2025, gửi trước ngày 15/10/2025", "once: 2025-10-15")]
    [InlineData("chốt số liệu đến ngày 30 tháng 6, báo cáo chậm nhất ngày 10 tháng 7 hằng năm", "recurring: Năm 2025-07-10")]
    [InlineData("thực hiện đến hết ngày 31/12/2025", "once: 2025-12-31")]
    // So is a day "as of" which the data is taken, "(tại) thời điểm (ngày) …"; "trước thời điểm …" is a deadline.
    [InlineData("Báo cáo số lượng cán bộ hiện có (thời điểm 30/6/2025), gửi trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Tổng hợp số liệu tại thời điểm ngày 31/10/2025, chậm nhất là ngày 20/11/2025 gửi Sở Nội vụ", "once: 2025-11-20")]
    [InlineData("Hoàn thành trước thời điểm 31/12/2025", "once: 2025-12-31")]
    [InlineData("Báo cáo số liệu tính đến thời điểm 30/11/2025, gửi trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Tổ chức Đại hội vào thời điểm 15/3/2026; báo cáo kết quả trước ngày 30/3/2026", "phased: Tổ chức Đại hội vào thời điểm 2026-03-15 | Báo cáo kết quả 2026-03-30")]
    [InlineData("Số liệu thời điểm 31/12/2025", "once: 2025-12-31")]
    public void A_day_reached_with_den_het_ngay_beside_a_deadline_is_the_datas_cut_off(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Which days a phrase is due on, without the milestones' labels: what a deadline marker changes.
    private static string Days(string phrase)
    {
        var s = DeadlineParser.Parse(phrase, Y2025);
        return $"{s.Kind.ToString().ToLowerInvariant()}:" + string.Concat(s.Milestones.Select((m, i) => (i == 0 ? " " : " | ") + m.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    // The deadline marker (DeadlineParser.DeadlineDayAt): "trước (ngày)", "chậm nhất (là / vào / đến) ngày". A Tết bonus's
    // cell that says its deadline as a day is due on that day, not at Tết; "sớm nhất" (the earliest), "chậm nhất" with a
    // month and "trước khi" say no day, so Tết stays.
    [Theory]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi trước ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi trước 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi chậm nhất ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi chậm nhất là ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi chậm nhất vào ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi chậm nhất đến ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi sớm nhất ngày 20/12/2025.", "phased: 2025-12-20 | 2026-02-17")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi chậm nhất trong tháng 12/2025.", "phased: 2025-12-31 | 2026-02-17")]
    [InlineData("Báo cáo kế hoạch thưởng dịp Tết Nguyên đán 2026, gửi trước khi nghỉ Tết.", "once: 2026-02-17")]
    public void A_day_said_as_a_deadline_makes_tet_the_bonus_occasion(string phrase, string expected) => Assert.Equal(expected, Days(phrase));

    // From a day already read, the marker may come without "ngày" and before any day ("trước 15/01/2026"); beside it the
    // data's cut-off is the note. A day said plainly or with "sớm nhất" is no deadline: both days stay.
    [Theory]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo trước ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo trước 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo chậm nhất ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo chậm nhất là ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo chậm nhất vào ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo chậm nhất đến ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo ngày 15/01/2026.", "phased: 2025-12-31 | 2026-01-15")]
    [InlineData("Cập nhật số liệu đến hết ngày 31/12/2025 và nộp báo cáo sớm nhất ngày 15/01/2026.", "phased: 2025-12-31 | 2026-01-15")]
    public void A_day_said_as_a_deadline_sets_the_datas_cut_off_apart(string phrase, string expected) => Assert.Equal(expected, Days(phrase));

    // The year-end season is no deadline when one comes later: a day said as a deadline, or anything said with "chậm nhất"
    // (a month). "trước khi" says none: the season's end is the day.
    [Theory]
    [InlineData("Báo cáo tình hình trả lương, trả thưởng vào dịp cuối năm, gửi trước 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo tình hình trả lương, trả thưởng vào dịp cuối năm, gửi chậm nhất vào ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Báo cáo tình hình trả lương, trả thưởng vào dịp cuối năm, gửi chậm nhất trong tháng 01/2026.", "once: 2026-01-31")]
    [InlineData("Báo cáo tình hình trả lương, trả thưởng vào dịp cuối năm, gửi trước khi nghỉ.", "once: 2025-12-31")]
    public void A_deadline_said_later_makes_the_years_end_the_season(string phrase, string expected) => Assert.Equal(expected, Days(phrase));

    // "trước khi …" beside a full date said as a deadline, in its sentence, is how the task is done: due on the date.
    [Theory]
    [InlineData("Báo cáo trước khi tổ chức hội nghị, chậm nhất vào ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Báo cáo trước khi tổ chức hội nghị, chậm nhất đến ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Báo cáo trước khi tổ chức hội nghị, trước 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Báo cáo trước khi tổ chức hội nghị, sớm nhất ngày 15/12/2025.", "event: 2025-12-15")]
    public void Before_an_act_beside_a_day_said_as_a_deadline_is_due_on_the_day(string phrase, string expected) => Assert.Equal(expected, Days(phrase));

    [Theory]
    [InlineData("ngày 15 / 12 /202 5", "once: 2025-12-15")]
    [InlineData("Quý IV/20 25", "once: 2025-12-31")]
    public void A_year_typed_in_two_pieces_is_that_year_and_flagged(string phrase, string expected) => ReadsFlagged(phrase, expected, "năm gõ tách");

    /// <summary>The phrase reads as <paramref name="expected"/> in 2025, and its ambiguity, listed for a coordinator, says
    /// <paramref name="flag"/>.</summary>
    private static void ReadsFlagged(string phrase, string expected, string flag)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(expected, ScheduleText.Of(schedule));
        Assert.Contains(flag, schedule.Ambiguity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trong vòng 2 tháng kể từ khi kết thúc quý", "recurring: Quý I 2025-05-31 | Quý II 2025-08-30 | Quý III 2025-11-30 | Quý IV 2026-02-28")]
    [InlineData("trong vòng 2 tháng kể từ ngày kết thúc quý", "recurring: Quý I 2025-05-31 | Quý II 2025-08-30 | Quý III 2025-11-30 | Quý IV 2026-02-28")]
    [InlineData("03 tháng kể từ ngày kết thúc năm tài chính", "recurring: Năm 2026-03-31")]
    [InlineData("1 tháng kể từ ngày kết thúc 6 tháng đầu năm", "recurring: 6 tháng đầu năm 2025-07-30")]
    [InlineData("trong thời hạn 02 tháng kể từ ngày kết thúc năm 2025", "once: 2026-02-28")]
    public void A_count_of_months_from_the_end_of_a_period_ends_on_the_same_day_of_the_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ 06 (sáu) tháng", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Trong vòng 15 (mười lăm) ngày kể từ ngày Kế hoạch được ban hành", "once: 2025-12-05")]
    [InlineData("02 (hai) lần/năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Quý IV/2025 (ba tháng cuối năm)", "once: 2025-12-31")] // words in brackets that are not only a number's spelling stay
    public void A_number_spelled_again_in_brackets_is_one_count(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ hằng quý, chậm nhất 15 ngày kể từ ngày kết thúc kỳ báo cáo", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Định kỳ 06 tháng, gửi báo cáo chậm nhất là 10 ngày kể từ khi kết thúc kỳ báo cáo", "recurring: 6 tháng đầu năm 2025-07-10 | 6 tháng cuối năm 2026-01-10")]
    [InlineData("Hằng năm, trong thời hạn 30 ngày kể từ ngày kết thúc kỳ báo cáo", "recurring: Năm 2026-01-30")]
    public void A_count_from_the_end_of_the_report_period_counts_from_each_period_of_the_duty(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Invented variants (not blind): "sau khi / sau ngày kết thúc" reads as "kể từ khi kết thúc", and a duty of the same
    // period named before is the one counted from, not a report due at each period's end as well. (Working days follow the
    // repository's calendar: 02/05/2025, 01–02/09/2025 and 02/01/2026 are days off.)
    [Theory]
    [InlineData("Định kỳ 6 tháng, chậm nhất 10 ngày sau khi kết thúc kỳ báo cáo", "recurring: 6 tháng đầu năm 2025-07-10 | 6 tháng cuối năm 2026-01-10")]
    [InlineData("Báo cáo tháng gửi trong 05 ngày làm việc sau ngày kết thúc kỳ báo cáo", "recurring: Tháng 1 2025-02-07 | Tháng 2 2025-03-07 | Tháng 3 2025-04-08 | Tháng 4 2025-05-09 | Tháng 5 2025-06-06 | Tháng 6 2025-07-07 | Tháng 7 2025-08-07 | Tháng 8 2025-09-09 | Tháng 9 2025-10-07 | Tháng 10 2025-11-07 | Tháng 11 2025-12-05 | Tháng 12 2026-01-09")]
    [InlineData("Báo cáo quý gửi trong 15 ngày sau khi kết thúc quý", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Định kỳ hằng quý, 15 ngày kể từ khi kết thúc quý", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Định kỳ hằng năm, chậm nhất 30 ngày sau ngày kết thúc năm", "recurring: Năm 2026-01-30")]
    [InlineData("Chậm nhất 30 ngày sau ngày kết thúc năm tài chính", "recurring: Năm 2026-01-30")]
    [InlineData("Trong 06 tháng sau khi kết thúc dự án", "event:")] // not a period: the end of the project is the event
    public void A_count_after_the_end_of_a_period_counts_from_each_period_of_the_duty(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Định kỳ hằng năm hoặc đột xuất theo kế hoạch kiểm tra", "recurring: Năm 2025-12-31")]
    [InlineData("Theo Kế hoạch công tác hằng năm", "event:")]
    public void A_plan_for_the_extra_inspection_beside_a_periodic_one_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Ban hành kế hoạch kiểm tra trước ngày 15 tháng 3 hằng năm", "recurring: Năm 2025-03-15")]
    [InlineData("Hoàn thành trước ngày 30/6 hằng năm", "recurring: Năm 2025-06-30")]
    [InlineData("Hoàn thành trong năm 2026 và thực hiện thường xuyên hằng năm", "once: 2026-12-31")]
    [InlineData("Hoàn thành trong Quý II/2026, hằng năm rà soát", "once: 2026-06-30")]
    public void A_period_word_right_after_a_completion_date_is_its_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Trong vòng 06 tháng tính đến trước ngày hết hạn hợp đồng")]
    [InlineData("30 ngày tính đến trước ngày khai giảng")]
    public void A_count_up_to_before_an_event_waits_for_it(string phrase) => Assert.Equal("event:", Read(phrase));

    // A count from a date written out is due that long after it (the day after it first); a count of days before it, that
    // long before it; working days skip Tết, holidays and weekends both ways (2025's calendar). Before, "kể từ ngày 01/7/2025"
    // waited for an event with quarterly check-ins, and "trước ngày 31/12/2025" ignored the count.
    [Theory]
    [InlineData("30 ngày trước ngày 31/12/2025", "once: 2025-12-01")]
    [InlineData("Chậm nhất 10 ngày trước ngày 30/6/2025", "once: 2025-06-20")]
    [InlineData("10 ngày làm việc trước ngày 02/01/2026", "once: 2025-12-18")]
    [InlineData("30 ngày kể từ ngày 01/7/2025", "once: 2025-07-31")]
    [InlineData("Trong vòng 15 ngày làm việc kể từ ngày 01/7/2025", "once: 2025-07-22")]
    [InlineData("2 tháng tính từ ngày 31 tháng 12 năm 2025", "once: 2026-02-28")]
    [InlineData("15 ngày sau ngày 10/3", "once: 2025-03-25")]
    [InlineData("2 tháng trước ngày 31/12/2025", "once: 2025-10-31")]
    [InlineData("20 ngày từ ngày 05-01-2026", "once: 2026-01-25")]
    public void A_count_from_or_before_a_written_date_is_that_far_from_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // 3, 6 or 9 months before a date, or months right after "báo cáo", are a report's period with its day, not a count; a count from the
    // plan's issue date or from an event keeps its reading; a day not in the calendar is refused as before.
    [Theory]
    [InlineData("Báo cáo 9 tháng trước ngày 20/9", "recurring: 9 tháng 2025-09-20")]
    [InlineData("3 tháng trước ngày 31/12/2025", "once: 2025-12-31")]
    [InlineData("30 ngày trước ngày khai giảng", "event:")]
    [InlineData("30 ngày kể từ ngày 31/02/2025", "unknown:")]
    public void A_count_beside_a_date_that_is_not_a_count_from_it_keeps_its_reading(string phrase, string expected) => Assert.StartsWith(expected, Read(phrase), StringComparison.Ordinal);

    // Two duties in one cell, one counted from the year's end: the quarters are the tracked year's (they moved to the next
    // year with the count's date before), and the year's report is due that long after the year ends.
    [Theory]
    [InlineData("Hằng quý; báo cáo năm trong 90 ngày kể từ ngày kết thúc năm tài chính", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31 | Năm 2026-03-31")]
    [InlineData("Báo cáo quý; báo cáo năm trong vòng 90 ngày kể từ ngày kết thúc năm", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31 | Năm 2026-03-31")]
    [InlineData("Báo cáo quý trước ngày 20 tháng cuối quý; báo cáo năm trong 30 ngày kể từ ngày kết thúc năm", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20 | Năm 2026-01-30")]
    public void A_duty_counted_from_the_years_end_beside_another_keeps_the_others_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Báo cáo quý" before a day of the quarter's last or first month: the report's day, not the quarter's end as well (as
    // after "hằng quý").
    [Theory]
    [InlineData("Báo cáo quý trước ngày 20 tháng cuối quý", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("Báo cáo quý trước ngày 20 tháng cuối quý; báo cáo năm trước ngày 15/12", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Năm 2025-12-15 | Quý IV 2025-12-20")]
    public void A_quarterly_report_with_its_day_of_the_quarter_has_no_quarter_ends(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day of the quarter's last or first month with "của", "cùng", "mỗi"/"các" between the words ("ngày 15 tháng cuối
    // của quý", the eleventh harvest); the quarter words of such a duty add no quarters' ends. A quarter named after them is
    // that quarter's month, not every quarter's.
    [Theory]
    [InlineData("định kỳ trước ngày 15 tháng cuối của quý đối với dự án kéo dài qua các quý", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("Trước ngày 20 tháng cuối cùng của mỗi quý", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("ngày 10 tháng đầu của quý", "recurring: Quý I 2025-01-10 | Quý II 2025-04-10 | Quý III 2025-07-10 | Quý IV 2025-10-10")]
    public void A_day_of_the_quarters_last_month_written_with_cua(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("trước ngày 15 tháng cuối của quý IV/2025", "once: 2025-12-15")]
    [InlineData("ngày 10 tháng đầu quý II năm 2026", "once: 2026-04-10")]
    public void A_day_of_a_named_quarters_month_is_that_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày D của tháng tiếp theo sau tháng cuối cùng của kỳ báo cáo đối với báo cáo quý, 6 tháng, 9 tháng và cả năm": every
    // report listed ends with a quarter, so day D of the month after each quarter's end, without the periods' ends; the
    // monthly clause before it keeps its day of each next month.
    [Theory]
    [InlineData("trước ngày 03 của tháng tiếp theo sau tháng cuối cùng của kỳ báo cáo đối với báo cáo quý, 6 tháng, 9 tháng và cả năm", "recurring: Quý I 2025-04-03 | Quý II 2025-07-03 | Quý III 2025-10-03 | Quý IV 2026-01-03")]
    [InlineData("trước ngày 05 của tháng tiếp theo sau tháng cuối của kỳ báo cáo đối với báo cáo quý", "recurring: Quý I 2025-04-05 | Quý II 2025-07-05 | Quý III 2025-10-05 | Quý IV 2026-01-05")]
    [InlineData("trước ngày 05 của tháng tiếp theo", "recurring: Tháng 1 2025-02-05 | Tháng 2 2025-03-05 | Tháng 3 2025-04-05 | Tháng 4 2025-05-05 | Tháng 5 2025-06-05 | Tháng 6 2025-07-05 | Tháng 7 2025-08-05 | Tháng 8 2025-09-05 | Tháng 9 2025-10-05 | Tháng 10 2025-11-05 | Tháng 11 2025-12-05 | Tháng 12 2026-01-05")]
    public void A_day_after_the_last_month_of_each_quarterly_report(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "sáu tháng", "chín tháng" spelled in words beside other periods are the six- and nine-month periods, as "6 tháng" and
    // "9 tháng" are, not every month's end ("quý, sáu tháng, năm", the eleventh harvest); "sau tháng 3" (after) is not six.
    [Theory]
    [InlineData("Báo cáo quý, sáu tháng, năm", "recurring: Quý I 2025-03-31 | 6 tháng 2025-06-30 | Quý III 2025-09-30 | Năm 2025-12-31")]
    [InlineData("Báo cáo chín tháng", "recurring: 9 tháng 2025-09-30")]
    [InlineData("báo cáo sáu tháng đầu năm", "once: 2025-06-30")]
    [InlineData("sau tháng 3", "once: 2025-03-31")]
    public void Six_or_nine_months_spelled_in_words_are_periods(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count from the end of an activity (a meeting, an inspection, an exam, a dissolution) or from something that
    // happens waits for it: an event (the twelfth harvest; these read as no schedule at all). The end of a quarter, a
    // year, a financial or accounting year ("kỳ kế toán năm") stays a period's end, counted every period.
    [Theory]
    [InlineData("15 ngày kể từ ngày kết thúc cuộc họp", "event:")]
    [InlineData("Trong thời hạn 05 ngày làm việc, kể từ ngày kết thúc việc giải thể", "event:")]
    [InlineData("chậm nhất là ngày thứ 45 kể từ ngày xảy ra sự kiện", "event:")]
    [InlineData("30 ngày kể từ ngày kết thúc quý", "recurring: Quý I 2025-04-30 | Quý II 2025-07-30 | Quý III 2025-10-30 | Quý IV 2026-01-30")]
    [InlineData("trong thời hạn 90 ngày, kể từ ngày kết thúc kỳ kế toán năm", "recurring: Năm 2026-03-31")]
    public void A_count_from_the_end_of_an_activity_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày thứ N": the Nth day of the month named after it, or N days counted from what follows "kể từ".
    [Theory]
    [InlineData("ngày thứ 20 của tháng tiếp theo", "recurring: Tháng 1 2025-02-20 | Tháng 2 2025-03-20 | Tháng 3 2025-04-20 | Tháng 4 2025-05-20 | Tháng 5 2025-06-20 | Tháng 6 2025-07-20 | Tháng 7 2025-08-20 | Tháng 8 2025-09-20 | Tháng 9 2025-10-20 | Tháng 10 2025-11-20 | Tháng 11 2025-12-20 | Tháng 12 2026-01-20")]
    [InlineData("chậm nhất là ngày thứ 10 kể từ ngày phát sinh nghĩa vụ thuế", "event:")]
    public void An_ordinal_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Counted from each quarter's end, "quý và 06 tháng": the half year ends with a quarter, no half-year's ends of its own.
    [Theory]
    [InlineData("Báo cáo quý trong 20 ngày kể từ ngày kết thúc quý và 06 tháng", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("hằng quý, 06 tháng phải được công khai chậm nhất là 15 ngày kể từ ngày kết thúc quý và 06 tháng", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void A_half_year_counted_with_the_quarters_has_no_ends_of_its_own(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "… nhưng không (vượt) quá N ngày kể từ …": the bound is the deadline, the count from another act its note.
    [Fact]
    public void A_bound_after_nhung_khong_qua_is_the_deadline() =>
        Assert.Equal("recurring: Quý I 2025-04-30 | Quý II 2025-07-30 | Quý III 2025-10-30 | Quý IV 2026-01-30", Read("10 ngày kể từ ngày ký hợp đồng nhưng không quá 30 ngày kể từ ngày kết thúc quý"));

    // A period word of a duty that waits for a session belongs to the session's timetable: no period's end.
    [Fact]
    public void A_yearly_duty_at_a_session_has_no_years_end() =>
        Assert.Equal("event:", Read("Báo cáo hằng năm được công khai khi Chính phủ trình Quốc hội vào kỳ họp giữa năm sau"));

    // "đã … trước ngày D" beside another deadline is the case the duty is for, not a date; "chậm nhất đến ngày D" is the
    // deadline (not a cut-off); "tối đa" is not "đã"; a standard's edition ("1:2024", "5507:2002") is not a year.
    [Theory]
    [InlineData("đã hoàn thành trước ngày 30/6/2025, chậm nhất đến ngày 31/12/2025 phải báo cáo", "once: 2025-12-31")]
    [InlineData("đã hoàn thành trước ngày 30/6/2025", "once: 2025-06-30")]
    [InlineData("Nhà xưởng đã được đưa vào hoạt động trước ngày 15 tháng 4 năm 2025, chậm nhất đến ngày 15 tháng 4 năm 2026 phải đáp ứng yêu cầu của Sửa đổi 1:2024 QCVN 05A:2020/BCT.", "once: 2026-04-15")]
    [InlineData("đáp ứng TCVN 5507:2002 trước ngày 31/12/2025", "once: 2025-12-31")]
    public void A_condition_said_with_da_is_not_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "báo cáo tài chính giữa năm": the report's period; "Giữa năm 2026" alone is still its half's end.
    [Theory]
    [InlineData("Báo cáo tài chính giữa năm (nếu có); việc công bố phải thực hiện trước ngày 31 tháng 7 hằng năm", "recurring: Năm 2025-07-31")]
    [InlineData("Giữa năm 2026", "once: 2026-06-30")]
    public void A_mid_year_report_is_a_period_not_a_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "đến hết" between two quarters says the work lasts to the last one's end: a span, as after "từ" (the thirteenth
    // harvest); so does "đến" between two quarters that carry their own years (the fourteenth: this was phased before);
    // a dash between them still lists the quarters. A span of a year at most keeps each quarter's end across the new
    // year, a longer one each year's end.
    [Theory]
    [InlineData("Giai đoạn chuẩn bị đầu tư: Quý III/2025 đến hết quý I/2026.", "continuous: Quý III/2025 2025-09-30 | Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31")]
    [InlineData("Từ quý II/2026 đến hết quý III năm 2028", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | 2028-09-30")]
    [InlineData("Quý III/2025 đến quý I/2026", "continuous: Quý III/2025 2025-09-30 | Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31")]
    [InlineData("Quý III/2025 - Quý I/2026", "phased: 2025-09-30 | 2025-12-31 | 2026-03-31")]
    public void Until_the_end_of_a_quarter_is_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year written right after what it qualifies ("kê khai tài sản, thu nhập năm 2025", "kế hoạch năm 2026"), beside a
    // day said with "trước" or "chậm nhất", is the year the task is about, not a second deadline at its end (the
    // fourteenth harvest); after a word of time ("trong năm 2025", "hoàn thành năm 2025") it stays a year.
    [Theory]
    [InlineData("Phê duyệt danh sách người có nghĩa vụ kê khai tài sản, thu nhập năm 2025 gửi Thanh tra tỉnh; thời gian hoàn thành trước ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Xây dựng kế hoạch năm 2026 trước ngày 31/12/2025", "once: 2025-12-31")]
    [InlineData("Báo cáo công tác kiểm soát tài sản năm 2025 chậm nhất ngày 31/3/2026", "once: 2026-03-31")]
    [InlineData("Thực hiện trong năm 2025, báo cáo trước ngày 15/12/2025", "phased: Báo cáo 2025-12-15 | Thực hiện 2025-12-31")]
    [InlineData("Hoàn thành năm 2025; báo cáo trước ngày 15/12/2025", "phased: Báo cáo 2025-12-15 | Hoàn thành 2025-12-31")]
    [InlineData("Kế hoạch năm 2026, Quý I/2026", "phased: Kế hoạch 2026-03-31 | Kế hoạch 2026-12-31")]
    // Also a year written bare ("lao động 2025"), and a period after "giai đoạn" that a word qualifies ("biên chế giai
    // đoạn 2026 2031", its dash lost or not); after a word of time ("Thực hiện giai đoạn …", "Trong 2026") they stay.
    [InlineData("Báo cáo tình hình sử dụng lao động 2025 trước ngày 15/01/2026", "once: 2026-01-15")]
    [InlineData("Kế hoạch 2026 ban hành trước ngày 31/12/2025", "once: 2025-12-31")]
    [InlineData("Quý IV 2025, trước ngày 15/12/2025", "phased: 2025-12-15 | 2025-12-31")]
    [InlineData("Xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026-2030, trình trước ngày 15/10/2026", "once: 2026-10-15")]
    [InlineData("Đề xuất biên chế giai đoạn 2026 2031, gửi chậm nhất là ngày 30/12/2025", "once: 2025-12-30")]
    [InlineData("Thực hiện giai đoạn 2026 - 2030, báo cáo trước ngày 15/12/2025", "phased: Báo cáo 2025-12-15 | Thực hiện giai đoạn 2030-12-31")]
    [InlineData("Trong 2026, báo cáo trước ngày 15/12/2025", "phased: Báo cáo 2025-12-15 | 2026-12-31")]
    // A programme's period after "giai đoạn" is the note beside any date written with its year, or a year written with
    // "năm" ("trong năm 2025"); after a word of time it stays.
    [InlineData("Đầu tư nhà ở xã hội giai đoạn 2021 - 2030. Hoàn thành chỉ tiêu được giao trong năm 2025.", "once: 2025-12-31")]
    [InlineData("Ban hành danh sách sáng kiến giai đoạn 2020 - 2021; hoàn thành trong năm 2020", "once: 2020-12-31")]
    [InlineData("Thực hiện giai đoạn 2026 - 2030, hoàn thành trong năm 2027", "phased: Hoàn thành 2027-12-31 | Thực hiện giai đoạn 2030-12-31")]
    [InlineData("Đầu tư nhà ở xã hội giai đoạn 2021 - 2023", "continuous: Năm 2021 2021-12-31 | Năm 2022 2022-12-31 | Năm 2023 2023-12-31")]
    [InlineData("Quý III năm 2025, tổng kết Đề án giai đoạn 2021 - 2025", "once: 2025-09-30")]
    [InlineData("Tháng 6/2026: sơ kết chương trình giai đoạn 2026-2030", "once: 2026-06-30")]
    [InlineData("Thực hiện giai đoạn 2026 - 2030, sơ kết trong Quý IV/2027", "phased: Sơ kết 2027-12-31 | Thực hiện giai đoạn 2030-12-31")]
    // So is a half-year written with its year right after what it qualifies: the period a report is about.
    [InlineData("Báo cáo tai nạn lao động 6 tháng đầu năm 2025 phải nộp trước ngày 05/7/2025", "once: 2025-07-05")]
    [InlineData("Báo cáo tình hình sử dụng lao động 6 tháng cuối năm 2025 trước ngày 05/12/2025", "once: 2025-12-05")]
    [InlineData("Trong 6 tháng đầu năm 2025, báo cáo trước ngày 15/5/2025", "phased: Báo cáo 2025-05-15 | 2025-06-30")]
    public void The_year_a_task_is_about_is_not_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "(sau khi …)" in brackets says what a step comes after: with a date after the brackets, that date is the deadline
    // and the brackets the note; with none, the cell still waits for the act.
    [Theory]
    [InlineData("Dự thảo lần 2 Điều chỉnh Quy hoạch tỉnh (sau khi xin ý kiến các sở, ban, ngành). Hoàn thành trước ngày 30/11/2025.", "once: 2025-11-30")]
    [InlineData("Quý II/2026 (sau khi có hướng dẫn của Bộ)", "event: 2026-06-30")]
    [InlineData("Sau khi xin ý kiến các sở, hoàn thành trước ngày 30/11/2025", "event: 2025-11-30")]
    public void After_in_brackets_before_a_date_is_a_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void After_in_brackets_is_named_in_the_note() =>
        Assert.Contains("\"(sau khi xin ý kiến các sở)\" nói về nội dung", DeadlineParser.Parse("Dự thảo lần 2 (sau khi xin ý kiến các sở). Hoàn thành trước ngày 30/11/2025.", Y2025).Note, StringComparison.Ordinal);

    // "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên" is a name (continuing education), not ongoing work.
    [Theory]
    [InlineData("khối trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên: Hoàn thành trước ngày 30/11/2025.", "once: 2025-11-30")]
    [InlineData("Giáo dục thường xuyên", "unknown:")]
    [InlineData("Tuyên truyền thường xuyên", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Continuing_education_is_a_name(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // The Tết of a bonus or gift ("tiền thưởng tết Dương lịch và tết Nguyên đán 2026") is what a report is about, not a
    // date; "Trước Tết Nguyên đán 2026" is still the eve of Tết.
    [Theory]
    [InlineData("Báo cáo tình hình tiền thưởng tết Dương lịch và tết Nguyên đán 2026 - Hạn nộp báo cáo: Trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Báo cáo tiền thưởng Tết Nguyên đán 2026 trước ngày 20/12/2025", "once: 2025-12-20")]
    [InlineData("Trước Tết Nguyên đán 2026", "once: 2026-02-16")]
    // So is Tết as the occasion, "dịp", of a bonus or gift said a few words before, in a cell that says its deadline as
    // a day; without one the gifts are given at Tết, and "thường xuyên" is no bonus.
    [InlineData("Khảo sát kế hoạch thưởng của doanh nghiệp dịp Tết Nguyên đán 2026, gửi trước ngày 20/12/2025", "once: 2025-12-20")]
    [InlineData("Tặng quà dịp Tết Nguyên đán 2026; báo cáo kết quả chậm nhất là ngày 28/02/2026", "once: 2026-02-28")]
    [InlineData("Tổ chức tặng quà cho hộ nghèo dịp Tết Nguyên đán 2026", "once: 2026-02-17")]
    public void The_tet_of_a_bonus_is_not_a_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "trước khi …" in a clause after the cell's dates says when something else is done (an event only without a date);
    // "đột xuất nếu có …" beside a dated or periodic duty is an extra inspection, its note.
    [Theory]
    [InlineData("Thực hiện thường xuyên trong năm 2025, sẽ thông báo lịch trước khi đoàn đến làm việc", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Trước khi đoàn đến làm việc", "event:")]
    [InlineData("Kiểm tra định kỳ hằng năm, đột xuất nếu có vấn đề phát sinh", "recurring: Năm 2025-12-31")]
    [InlineData("Quý IV/2025 (nếu có)", "event: 2025-12-31")]
    public void Before_another_act_after_the_dates_is_a_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A span opened by "từ" after a label's colon or comma is the work's time even when the label starts with "Hoàn
    // thành"; "hoàn thành trong giai đoạn từ năm 2026 đến năm 2030" is still a deadline at the span's end.
    [Theory]
    [InlineData("Hoàn thành thủ tục, thi công xây dựng: từ Quý II/2026 - Quý II/2028", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | 2028-06-30")]
    [InlineData("Hoàn thành trong giai đoạn từ năm 2026 đến năm 2030", "once: 2030-12-31")]
    public void A_span_from_after_a_label_is_work_over_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "đến" between two quarters each with its year joins two dates: work over the span (each year's end when it runs
    // over years); one year for both ("Quý I đến Quý III/2025") or a dash still lists the quarters.
    [Theory]
    [InlineData("Tiến độ xây dựng cơ bản: Quý I/2026 đến Quý IV/2027;", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31")]
    [InlineData("Hoàn thiện các thủ tục chuẩn bị đầu tư: Quý III/2025 đến Quý IV/2025;", "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Quý I đến Quý III/2025", "phased: 2025-03-31 | 2025-06-30 | 2025-09-30")]
    [InlineData("Quý I/2027 - Quý IV/2027", "phased: 2027-03-31 | 2027-06-30 | 2027-09-30 | 2027-12-31")]
    public void To_a_quarter_with_its_year_is_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // In a yearly duty, a month joined by "đến (hết) ngày" to a day, without "từ", opens the window: the day is the
    // deadline each year. With "từ" it stays work over the span; a range of months stays the span each year.
    [Theory]
    [InlineData("Thời gian kiểm tra được thực hiện vào tháng 11 đến ngày 15 tháng 12 hàng năm", "recurring: Năm 2025-12-15")]
    [InlineData("Từ tháng 11 đến ngày 15 tháng 12 hằng năm", "continuous: 2025-12-15")]
    [InlineData("Từ tháng 3 đến tháng 11 hằng năm", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | 2025-11-30")]
    public void A_yearly_window_to_a_day_is_due_on_the_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A cell that defers to each row's or task's own timetable ("Theo từng mốc thời hạn dưới đây", "Theo thời hạn cụ thể
    // sau đây:", "Theo thời điểm có nhu cầu", "Theo từng nhiệm vụ đầu tư của năm 2025": the year is whose tasks) or to
    // another body's plan ("Sở KHCN đưa ra kế hoạch") is an event; with a date of its own it stays that date.
    [Theory]
    [InlineData("Theo từng mốc thời hạn dưới đây", "event:")]
    [InlineData("Theo thời hạn cụ thể sau đây:", "event:")]
    [InlineData("Theo thời điểm có nhu cầu", "event:")]
    [InlineData("Theo từng nhiệm vụ đầu tư của năm 2025", "event:")]
    [InlineData("Sở KHCN đưa ra kế hoạch", "event:")]
    [InlineData("Theo thời hạn quy định, trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Theo từng nhiệm vụ, hoàn thành trong năm 2025", "once: 2025-12-31")]
    public void Each_rows_own_timetable_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Từ ngày ban hành Kế hoạch trở đi" runs from the plan's issue date to the year's end, as "Từ nay"; a count "kể từ
    // ngày ban hành" is still a count.
    [Theory]
    [InlineData("Từ ngày ban hành Kế hoạch trở đi", "continuous: Quý IV 2025-12-31")]
    [InlineData("Từ ngày ban hành Kế hoạch này", "continuous: Quý IV 2025-12-31")]
    [InlineData("15 ngày kể từ ngày ban hành", "once: 2025-12-05")]
    public void From_the_issue_date_onwards_is_the_rest_of_the_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A cell that is only a count of calendar days ("100 ngày", a 100-day plan's task) counts from the plan's issue date,
    // listed; working days alone are a procedure's processing time, months alone a report's period.
    [Theory]
    [InlineData("100 ngày", "once: 2026-02-28")]
    [InlineData("43 ngày làm việc.", "unknown:")]
    [InlineData("Triển khai trong 100 ngày cao điểm", "unknown:")]
    public void A_bare_count_of_days_counts_from_the_issue_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_bare_count_of_days_is_listed_and_needs_the_issue_date()
    {
        Assert.Contains("\"100 ngày\" đọc là tính từ ngày ban hành kế hoạch", DeadlineParser.Parse("100 ngày", Y2025).Ambiguity, StringComparison.Ordinal);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("100 ngày", new DeadlineContext(2025, null, RepositoryData.Calendar)).Kind);
    }

    // Right after the deadline in force, a proposal to change it ("Đề xuất hạn là thường xuyên") is a note, not ongoing
    // work; "đảm bảo (phấn đấu) đạt … trong năm 2026" is a target by the year's end, as "hoàn thành trong năm".
    [Theory]
    [InlineData("13/02/2026 Đề xuất hạn là thường xuyên", "once: 2026-02-13")]
    [InlineData("Quý I/2026. Đề xuất điều chỉnh thời hạn sang Quý III/2026", "once: 2026-03-31")]
    [InlineData("Thường xuyên", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Theo tiến độ đề xuất của đơn vị triển khai, đảm bảo đạt tỷ lệ trong năm 2026", "once: 2026-12-31")]
    [InlineData("Phấn đấu đạt 100% trong năm 2026", "once: 2026-12-31")]
    [InlineData("Cập nhật dữ liệu đất đai trong năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void A_proposal_is_a_note_and_a_target_is_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Two days joined by "-" or "đến", the first without its year ("28/6-5/7/2026"), are a span of days (listed: two
    // deadlines is the other reading); two full dates with a dash stay as they were.
    [Theory]
    [InlineData("28/6-5/7/2026", "continuous: Quý II 2026-06-30 | 2026-07-05")]
    [InlineData("15/3 đến 30/3/2026", "continuous: 2026-03-30")]
    [InlineData("Từ ngày 16 đến 31/12/2025", "continuous: Quý IV 2025-12-31")]
    [InlineData("Từ ngày 27/5 đến trước ngày 31/5/2025", "continuous: 2025-05-31")]
    // The first without its month too, with "-" and no "từ" ("Ngày 02-03/03/2026: …"): a later day of the same month.
    [InlineData("Ngày 10-12/12/2025: Niêm yết danh sách cử tri.", "continuous: 2025-12-12")]
    [InlineData("29-30/9/2025", "continuous: Quý III 2025-09-30")]
    [InlineData("Ngày 10-12/2025", "once: 2025-12-10")]
    public void Two_days_joined_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // After the cell's dated steps, "triển khai (thực hiện) theo tiến độ / thời hạn / Quyết định …" defers the work itself to
    // another timetable: an event, the dated steps still due. "thực hiện theo …" alone, or in brackets, says how.
    [Theory]
    [InlineData("Hoàn thành xây dựng kế hoạch trong Quý I/2026; triển khai thực hiện theo tiến độ của Kế hoạch.", "event: 2026-03-31")]
    [InlineData("Quý II/2026 ban hành các Chương trình. Việc triển khai thực hiện theo Quyết định phê duyệt. Báo cáo kết quả vào Quý IV/2026", "event: 2026-06-30 | Báo cáo kết quả 2026-12-31")]
    [InlineData("Quý IV/2025 (thực hiện theo lộ trình giai đoạn 2025 - 2030)", "once: 2025-12-31")]
    [InlineData("Thường xuyên, triển khai theo kế hoạch", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Theo lộ trình triển khai Đề án, hoàn thành trong năm 2025", "once: 2025-12-31")]
    public void A_step_deferred_after_the_dates_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "trước khi …" keeps its words whole in the note, in a clause after the dates and on its own (an event).
    [Theory]
    [InlineData("Thực hiện thường xuyên trong năm 2025, sẽ thông báo lịch trước khi đoàn đến làm việc", "sẽ thông báo lịch trước khi đoàn đến làm việc")]
    [InlineData("Trước khi đoàn đến làm việc", "Trước khi đoàn đến làm việc")]
    public void Before_another_act_is_named_whole_in_the_note(string phrase, string note) =>
        Assert.StartsWith(note, DeadlineParser.Parse(phrase, Y2025).Note, StringComparison.Ordinal);

    // In a list of reports that names the half year, a named day of June or July before one of December is the half year's
    // ("6 tháng"), not a second "Năm"; the dates do not change. Two yearly days alone stay "Năm".
    [Theory]
    [InlineData("Báo cáo quý, sáu tháng, năm trước ngày 25 tháng cuối của quý, ngày 25 tháng 6 và ngày 25 tháng 12 hằng năm", "recurring: Quý I 2025-03-25 | 6 tháng 2025-06-25 | Quý III 2025-09-25 | Năm 2025-12-25")]
    [InlineData("ngày 25 tháng 6 và ngày 25 tháng 12 hằng năm", "recurring: Năm 2025-06-25 | Năm 2025-12-25")]
    public void The_half_years_day_is_labelled_as_the_half_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // Words that fold to a period or condition word are read as written: "khí" (air) is not "khi" (when), "mới" (new) is not
    // "mỗi" (each). Typed without accents, "khi" and "moi" keep their reading.
    [Theory]
    [InlineData("Tổng hợp kết quả kiểm kê khí nhà kính, gửi Bộ trước ngày 30 tháng 6 hằng năm", "recurring: Năm 2025-06-30")]
    [InlineData("Ban hành Nghị quyết mới quy định về tổ chức chính quyền trước ngày 15/5/2025", "once: 2025-05-15")]
    [InlineData("Mỗi quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("moi quy", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Khi có hướng dẫn của Bộ", "event:")]
    [InlineData("khi co huong dan cua Bo", "event:")]
    public void Words_that_fold_alike_are_read_as_written(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A document's number with its day or year ("Quyết định 962/QĐ-UBND ngày 15/8/2024", "Quyết định 1299/QĐ-UBND năm
    // 2024", "Nghị quyết số 190/2025/QH15 ngày 19/02/2025") says when that document was issued, not a deadline, after "số"
    // or after the kind of document; a cell that is only such a reference is an event.
    [Theory]
    [InlineData("Trước ngày 31/5/2025 Quyết định 962/QĐ-UBND ngày 15/8/2024", "once: 2025-05-31")]
    [InlineData("31/5/2025. Quyết định 1299/QĐ-UBND năm 2024", "once: 2025-05-31")]
    [InlineData("Sửa đổi Nghị quyết số 190/2025/QH15 ngày 19/02/2025; hoàn thành trước ngày 15/5/2025", "once: 2025-05-15")]
    [InlineData("Quyết định 962/QĐ-UBND ngày 15/8/2024", "event:")]
    [InlineData("Tháng 6/2025 và tháng 12/2025", "phased: 2025-06-30 | 2025-12-31")]
    // Also after "Nghị định", "Thông tư", "Công điện", "Hướng dẫn", and a Party body's numbers, kind first ("43-CV/TU").
    [InlineData("Sửa đổi Nghị định 45/2023/NĐ-CP ngày 12 tháng 3 năm 2023 của Chính phủ, hoàn thành trong tháng 12 năm 2025", "once: 2025-12-31")]
    [InlineData("Thực hiện Thông tư 15/2024/TT-BTC ngày 20/5/2024; báo cáo trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Triển khai Kế hoạch 05-KH/TU năm 2024, hoàn thành trong Quý IV/2025", "once: 2025-12-31")]
    [InlineData("Hướng dẫn 45-HD/BTCTW ngày 21/11/2025", "event:")]
    [InlineData("Gửi báo cáo theo hướng dẫn ngày 15/12/2025", "once: 2025-12-15")]
    public void A_cited_documents_day_or_year_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A cited letter's date ("Văn bản số 12-CV/TU ngày 03/10/2025") gives a yearly duty no year: it is the tracked year's.
    [Fact]
    public void A_cited_letters_year_is_not_a_yearly_dutys()
    {
        var y2026 = new DeadlineContext(2026, null, RepositoryData.Calendar);
        Assert.Equal("recurring: Năm 2026-12-15", Read("Theo Văn bản số 12-CV/TU ngày 03/10/2025, trước ngày 15 tháng 12 hằng năm báo cáo kết quả", y2026));
    }
    // The years after "nhiệm kỳ", "năm học", "niên khóa" or "lộ trình" name what the task is about; beside another date they
    // are the note. Alone they are still the cell's time.
    [Theory]
    [InlineData("Đại hội công đoàn nhiệm kỳ 2025-2030: hoàn thành trước ngày 31/12/2025.", "once: 2025-12-31")]
    [InlineData("Tuyển sinh lớp 10 năm học 2025 - 2026: Hoàn thành trước 30/6/2025.", "once: 2025-06-30")]
    [InlineData("Kế hoạch 5 năm theo lộ trình 2026 - 2030 được ban hành trước ngày 31 tháng 12 năm 2025", "once: 2025-12-31")]
    [InlineData("Năm học 2025-2026", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31")]
    // Also in brackets after the term's number: "nhiệm kỳ V (2024 – 2029)".
    [InlineData("Tổ chức Đại hội Hội Luật gia nhiệm kỳ IV (2025 - 2030) trước ngày 31/12/2025", "once: 2025-12-31")]
    [InlineData("Đại hội nhiệm kỳ (2025-2030): hoàn thành trong Quý IV/2025", "once: 2025-12-31")]
    public void A_named_term_beside_a_date_is_the_subject(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Put into operation (use, service) within a year is finished by its end; recurrent spending ("chi thường xuyên") is a
    // budget's, not ongoing work; a year compared with ("so với năm 2024", "gốc so sánh năm 2010") is no deadline.
    [Theory]
    [InlineData("Đưa công trình vào vận hành trong năm 2025", "once: 2025-12-31")]
    [InlineData("Đưa hệ thống vào sử dụng trong quý III/2025", "once: 2025-09-30")]
    [InlineData("Đơn vị tự bảo đảm chi thường xuyên: chậm nhất là ngày 31 tháng 12 năm 2026", "once: 2026-12-31")]
    [InlineData("Giảm 10% số thủ tục so với năm 2024, hoàn thành trong năm 2025", "once: 2025-12-31")]
    [InlineData("Tăng 15% so với cùng kỳ năm 2024; thực hiện trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hằng năm, cung cấp chỉ số giá theo gốc so sánh năm 2010", "recurring: Năm 2025-12-31")]
    public void Operation_budget_words_and_baselines(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A date said with "phấn đấu", no later than the deadline before it, is a goal to beat it: the note. Later, it is a step
    // of its own; alone, the deadline.
    [Theory]
    [InlineData("Chậm nhất trong tháng 7/2026 phải hoàn thành giai đoạn 1, phấn đấu hoàn thành sớm hơn vào 30/4/2026.", "once: 2026-07-31")]
    [InlineData("Hoàn thành trước ngày 30/6/2025, phấn đấu hoàn thành trước ngày 15/6/2025", "once: 2025-06-30")]
    [InlineData("Quý I/2025 ban hành kế hoạch; phấn đấu hoàn thành trong Quý III/2025", "phased: 2025-03-31 | Phấn đấu hoàn thành 2025-09-30")]
    [InlineData("Từ năm 2025, phấn đấu hoàn thành trong năm 2027", "once: 2027-12-31")]
    public void A_goal_to_beat_a_deadline_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Counts from or before an event are events: two counts joined by "hoặc", the second's case said with "đối với …" before
    // ", kể từ …" (from the plan's issue date it is dated); a count before an event written after it ("Trước ngày khai mạc ít
    // nhất 5 ngày"); a range of counts ("10-15 ngày", read at its longer bound, listed); the start of a term ("Đầu nhiệm kỳ",
    // a date given with it is the deadline); a span between two events ("Từ ngày khai mạc đến ngày bế mạc").
    [Theory]
    [InlineData("Chậm nhất 10 ngày hoặc 20 ngày đối với hồ sơ phức tạp, kể từ ngày nhận đủ hồ sơ", "event:")]
    [InlineData("Chậm nhất 10 ngày đối với dự án nhóm A, kể từ ngày ban hành Kế hoạch", "once: 2025-11-30")]
    [InlineData("Chậm nhất 10 ngày hoặc 20 ngày đối với hồ sơ phức tạp, kể từ ngày ban hành Kế hoạch", "once: 2025-11-30")]
    [InlineData("Trước ngày khai mạc ít nhất 5 ngày", "event:")]
    [InlineData("Trước ngày họp 02 ngày làm việc", "event:")]
    [InlineData("Trước ngày 15/12/2025 ít nhất 5 ngày", "once: 2025-12-15")]
    [InlineData("Trong 10-15 ngày kể từ ngày nhận đủ hồ sơ", "event:")]
    [InlineData("Trong 3-6 tháng kể từ ngày ban hành Kế hoạch", "once: 2026-05-20")]
    [InlineData("Đầu mỗi nhiệm kỳ", "event:")]
    [InlineData("Kỳ họp đầu nhiệm kỳ, tháng 6/2026", "once: 2026-06-30")]
    [InlineData("Từ ngày khai mạc đến ngày bế mạc Đại hội", "event:")]
    [InlineData("Từ ngày ký đến ngày 31/12/2025", "once: 2025-12-31")]
    public void Counts_from_or_before_an_event_are_events(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_rules_count_is_the_deadline_and_the_cases_count_is_listed() =>
        Assert.Contains("\"10 ngày\" đọc là hạn chung; \"20 ngày\" là hạn của trường hợp riêng", DeadlineParser.Parse("Chậm nhất 10 ngày hoặc 20 ngày đối với hồ sơ phức tạp, kể từ ngày ban hành Kế hoạch", Y2025).Ambiguity, StringComparison.Ordinal);

    [Fact]
    public void A_range_of_counts_is_read_at_its_longer_bound_and_listed() =>
        Assert.Contains("\"3-6 tháng\" đọc theo số lớn hơn (6 tháng)", DeadlineParser.Parse("Trong 3-6 tháng kể từ ngày ban hành Kế hoạch", Y2025).Ambiguity, StringComparison.Ordinal);

    // Two months, each with its year, joined by "đến" are a span, as two quarters are; a dash lists them. A time of day with
    // its comma between "đến" and the day ("đến 17 giờ 00, ngày 15/01/2026") leaves the span whole.
    [Theory]
    [InlineData("Tháng 10/2025 đến tháng 3/2026", "continuous: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31")]
    [InlineData("Tháng 3/2025 đến tháng 3/2027", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31 | 2027-03-31")]
    [InlineData("Tháng 10/2025 - tháng 3/2026", "phased: 2025-10-31 | 2026-03-31")]
    [InlineData("Từ ngày 01/12/2025 đến 17 giờ 00, ngày 15/01/2026", "continuous: Quý IV/2025 2025-12-31 | 2026-01-15")]
    [InlineData("Từ 8 giờ 00 ngày 01/12/2025 đến 17 giờ 30, ngày 20/12/2025", "continuous: 2025-12-20")]
    public void Months_with_their_years_joined_by_den_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A group of numbers whose last is no year written out ("khối 3-4-5") is no date: beside a good date it is left out and
    // listed, alone it is refused.
    [Theory]
    [InlineData("Từ ngày 01/12/2025: học sinh khối 3-4-5 tham gia", "continuous: Quý IV 2025-12-31")]
    [InlineData("Khối 3-4-5", "unknown:")]
    public void A_number_group_that_is_no_date_does_not_sink_a_good_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // In the words of the event a count waits for, a payment before "hằng tháng" ("trợ cấp hằng tháng") names the payment,
    // not a frequency; paying it, or a quantity ("sản lượng"), stays monthly.
    [Theory]
    [InlineData("30 ngày kể từ ngày người hưởng lương hưu hằng tháng chết", "event:")]
    [InlineData("15 ngày kể từ ngày người hưởng sinh hoạt phí hằng tháng thôi việc", "event:")]
    [InlineData("Chi trả trợ cấp hằng tháng", "recurring: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    [InlineData("30 ngày kể từ ngày phát sinh sản lượng hằng tháng", "event: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    public void A_payment_in_an_events_words_is_no_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // "(cho) đến khi" after a verb says how long something goes on: beside a date the date is the deadline, alone an event;
    // a span it closes ("Từ tháng 10/2025 đến khi kết thúc kiểm kê") still waits for it.
    [Theory]
    [InlineData("Tiếp tục thực hiện cho đến khi có quyết định mới, chậm nhất Quý I/2025", "once: 2025-03-31")]
    [InlineData("Thực hiện đến khi có quyết định mới", "event:")]
    [InlineData("Từ tháng 10/2025 đến khi kết thúc kiểm kê", "event: Quý IV 2025-12-31")]
    public void Until_another_act_is_how_long_not_a_condition(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // An adjustment "từ X thành Y": the time it changes from is no longer due, the time it changes into is.
    [Theory]
    [InlineData("Điều chỉnh thời gian thực hiện dự án từ “Từ năm 2022 - 2025” thành “Hoàn thành trước ngày 01/7/2026”.", "once: 2026-07-01")]
    [InlineData("Điều chỉnh thời hạn hoàn thành từ tháng 6/2025 thành tháng 9/2025", "once: 2025-09-30")]
    [InlineData("Quý II/2025: điều chỉnh quy hoạch; Quý IV/2025: hoàn thành", "phased: 2025-06-30 | 2025-12-31")]
    public void An_adjustment_replaces_the_old_time(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // A capacity per year ("công suất 6 triệu hành khách mỗi năm") is a rate, not a frequency; an output reported every year
    // still is one.
    [Theory]
    [InlineData("Nhà ga T2: với công suất 6 triệu hành khách mỗi năm, dự kiến hoàn thành trước năm 2027.", "once: 2026-12-31")]
    [InlineData("Báo cáo sản lượng khai thác hằng năm trước ngày 15/12", "recurring: Năm 2025-12-15")]
    public void A_capacity_per_year_is_no_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // In a statistical report regime the report's month and year are named as such: "ngày N tháng báo cáo" is that day of
    // every month, "ngày N tháng sau / kế tiếp sau tháng báo cáo" that day of the next month (Tháng 12's in January), and
    // a date "năm báo cáo (N)" (also "năm báo báo", typed twice) is the reported year's, every year.
    [Theory]
    [InlineData("Ngày 10 tháng báo cáo", "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10")]
    [InlineData("Trước ngày 20 của tháng kế tiếp sau tháng báo cáo", "recurring: Tháng 1 2025-02-20 | Tháng 2 2025-03-20 | Tháng 3 2025-04-20 | Tháng 4 2025-05-20 | Tháng 5 2025-06-20 | Tháng 6 2025-07-20 | Tháng 7 2025-08-20 | Tháng 8 2025-09-20 | Tháng 9 2025-10-20 | Tháng 10 2025-11-20 | Tháng 11 2025-12-20 | Tháng 12 2026-01-20")]
    [InlineData("Ngày 15 tháng sau quý báo cáo", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Sơ bộ ngày 15/12 năm báo cáo (N)", "recurring: Năm 2025-12-15")]
    [InlineData("Trước ngày 28 tháng 02 năm tiếp theo sau năm báo báo", "recurring: Năm 2026-02-28")]
    [InlineData("Ngày 28 tháng 02 năm sau", "once: 2026-02-28")]
    public void The_report_month_and_year_are_every_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // After a date and its colon or bracket, a period "… năm báo cáo" is what that date's report covers, not a deadline: the dates alone,
    // the reported year's, every year. Without "năm báo cáo", or without a date before the colon, nothing changes.
    [Theory]
    [InlineData("- Ngày 20 tháng 7: Chính thức 6 tháng đầu năm báo cáo", "recurring: Năm 2025-07-20")]
    [InlineData("- Ngày 20 tháng 4: Quý I năm báo cáo - Ngày 20 tháng 10: Ước tính 9 tháng đầu năm báo cáo", "recurring: Năm 2025-04-20 | Năm 2025-10-20")]
    [InlineData("Ngày 18 tháng 6 (ước tính 6 tháng đầu năm báo cáo); ngày 18 tháng 12 (ước tính năm báo cáo)", "recurring: Năm 2025-06-18 | Năm 2025-12-18")]
    [InlineData("Ngày 20 tháng 4: Quý I năm 2025", "phased: 2025-03-31 | 2025-04-20")]
    [InlineData("Quý I năm báo cáo", "once: 2025-03-31")]
    public void A_reported_period_after_a_dates_colon_is_not_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A period in the year after the one reported, assessed or accounted for ("Quý I năm tiếp theo của kỳ báo cáo", "quý II
    // của năm liền kề năm đánh giá", "ngày 20 của tháng đầu năm tiếp theo ngay sau kỳ báo cáo", "kỳ kế toán năm: … năm tiếp
    // theo") is that period of the next year, every year, a day of the yearly report (no end of the reported year besides
    // it); "Quý I năm sau" alone is the next year's, once.
    [Theory]
    [InlineData("Báo cáo Chính phủ trong Quý I năm tiếp theo của kỳ báo cáo", "recurring: Năm 2026-03-31")]
    [InlineData("Trong quý II của năm liền kề năm đánh giá", "recurring: Năm 2026-06-30")]
    [InlineData("chậm nhất vào ngày 20 của tháng đầu năm tiếp theo ngay sau kỳ báo cáo", "recurring: Năm 2026-01-20")]
    [InlineData("Đối với kỳ kế toán năm: ngày 31/3 năm tiếp theo", "recurring: Năm 2026-03-31")]
    [InlineData("Kỳ báo cáo năm được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12; gửi báo cáo trước ngày 20 tháng 01 năm sau", "recurring: Năm 2026-01-20")]
    [InlineData("Trong tháng 3 năm sau năm báo cáo", "recurring: Năm 2026-03-31")]
    [InlineData("Báo cáo năm gửi trong quý I của năm tiếp theo", "recurring: Năm 2026-03-31")]
    [InlineData("Quý I năm sau", "once: 2026-03-31")]
    public void A_period_of_the_year_after_the_reported_one_is_every_years(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Every few years from a given year: the end of the first such year from the tracked one on. "Quỹ" ("Quĩ"), a fund, is
    // never a quarter, even last in its sentence. In a yearly duty, a window to pay or send in ("nộp", "gửi … từ ngày … đến
    // ngày …") is due on its last day each year; a span without those words stays work over it.
    [Theory]
    [InlineData("Định kỳ 3 năm một lần, bắt đầu từ năm 2024", "recurring: Năm 2027-12-31")]
    [InlineData("Định kỳ 2 năm/lần, bắt đầu từ năm 2025", "recurring: Năm 2025-12-31")]
    [InlineData("Định kỳ 2 năm/lần", "recurring: Năm 2025-12-31")]
    [InlineData("Định kỳ hằng năm báo cáo về tình hình hoạt động của Quỹ;", "recurring: Năm 2025-12-31")]
    [InlineData("Hằng năm báo cáo tình hình sử dụng Quĩ", "recurring: Năm 2025-12-31")]
    [InlineData("Quy IV/2025", "once: 2025-12-31")]
    [InlineData("Gửi hồ sơ từ ngày 01/3 đến ngày 31/3 hằng năm", "recurring: Năm 2025-03-31")]
    [InlineData("Từ tháng 11 đến ngày 15 tháng 12 hằng năm", "continuous: 2025-12-15")]
    public void Every_few_years_from_a_year_and_a_fund_is_no_quarter(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Kỳ báo cáo X (được) tính từ … đến …" defines the period (the note); the day given after it is that period's report's.
    [Theory]
    [InlineData("Kỳ báo cáo 6 tháng được tính từ ngày 01 tháng 01 đến ngày 30 tháng 6; thời hạn gửi báo cáo chậm nhất vào ngày 15 tháng 7.", "recurring: 6 tháng 2025-07-15")]
    [InlineData("Kỳ báo cáo quý được tính từ ngày 01 của tháng đầu quý đến ngày cuối cùng của tháng cuối quý; thời hạn gửi báo cáo chậm nhất vào ngày 15 của tháng đầu quý tiếp theo.", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Kỳ báo cáo năm được tính từ ngày 01 tháng 01 đến ngày 31 tháng 12; thời hạn gửi báo cáo chậm nhất vào ngày 20 tháng 01.", "recurring: Năm 2026-01-20")]
    public void A_report_periods_definition_is_not_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // A start already made in a year before the plan's is history beside a later date; a plan's own start stays a step.
    // "sau khi …" inside the label of dates its colon introduces names what they are for. A cell that opens with its duty's
    // frequency ("Định kỳ …") keeps it, its conditions are extra occasions.
    [Theory]
    [InlineData("Dự án được khởi công vào tháng 9 năm 2022 và dự kiến hoàn thành vào cuối tháng 6 năm 2025", "once: 2025-06-30")]
    [InlineData("Dự án đã khởi công năm 2024, hoàn thành trong năm 2025", "once: 2025-12-31")]
    [InlineData("Tuần dự phòng sau khi kết thúc học kỳ II: từ ngày 26/5/2025 đến ngày 31/5/2025", "continuous: 2025-05-31")]
    [InlineData("Sau khi có hướng dẫn của Bộ", "event:")]
    [InlineData("Định kỳ hằng năm cập nhật kế hoạch và cập nhật khi có sự thay đổi: nhân sự; sau khi xảy ra sự cố", "recurring: Năm 2025-12-31")]
    public void Past_starts_labels_of_dates_and_extra_occasions(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    [Fact]
    public void A_plans_own_start_stays_a_step()
    {
        var schedule = DeadlineParser.Parse("Khởi công Quý I/2025 và hoàn thành Quý IV/2025", Y2025);
        Assert.Equal(ScheduleKind.Phased, schedule.Kind);
        Assert.Equal([new LocalDate(2025, 3, 31), new LocalDate(2025, 12, 31)], schedule.Milestones.Select(m => m.Due));
    }

    // Statistical reporting regimes: "Ngày 15 (của) tháng thứ 2 quý kế tiếp sau quý báo cáo" is that day of the second (third)
    // month of the quarter after each reported one, Quý IV's in the next year, and the "Báo cáo quý" before it adds no
    // quarter ends; without "quý báo cáo" after it, "tháng thứ 2" stays what it was.
    [Theory]
    [InlineData("Ngày 15 tháng thứ 2 quý kế tiếp sau quý báo cáo", "recurring: Quý I 2025-05-15 | Quý II 2025-08-15 | Quý III 2025-11-15 | Quý IV 2026-02-15")]
    [InlineData("Báo cáo quý: Ngày 30 tháng thứ 3 quý kế tiếp sau quý báo cáo", "recurring: Quý I 2025-06-30 | Quý II 2025-09-30 | Quý III 2025-12-30 | Quý IV 2026-03-30")]
    [InlineData("Báo cáo quý: ngày 10 của tháng thứ 2 của quý sau quý báo cáo", "recurring: Quý I 2025-05-10 | Quý II 2025-08-10 | Quý III 2025-11-10 | Quý IV 2026-02-10")]
    [InlineData("Ngày 20 tháng thứ 1 quý tiếp theo sau quý báo cáo", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("Ngày 15 tháng sau quý báo cáo", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void A_day_of_a_month_of_the_quarter_after_the_reported_one(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count before an event in brackets right after a date ("Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày theo
    // Điều 39 …)") is how the date was worked out: the date, once; without the date it still waits for the event.
    [Theory]
    [InlineData("Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày theo Điều 39 Luật Bầu cử).", "once: 2025-12-10")]
    [InlineData("Hoàn thành trước ngày 03/02/2026 (trước ngày khai giảng ít nhất 40 ngày)", "once: 2026-02-03")]
    [InlineData("Trước ngày bầu cử 95 ngày", "event:")]
    [InlineData("Trước ngày thi ít nhất 3 ngày", "event:")]
    public void A_count_before_an_event_in_brackets_after_a_date_is_its_reason(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_count_in_brackets_after_a_date_is_its_note() =>
        Assert.Equal("trước ngày bầu cử 95 ngày theo Điều 39 Luật Bầu cử", DeadlineParser.Parse("Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày theo Điều 39 Luật Bầu cử).", Y2025).Note);

    // So is a count before or after an event written with the day it comes to: the count first in brackets right after
    // the day ("Chậm nhất là ngày 17/02/2021 (95 ngày trước ngày bầu cử)"), the day restated in brackets after the event
    // ("… chậm nhất trước 70 ngày trước ngày bầu cử (tức ngày 04/01/2026)"), or the day as the label whose colon opens the
    // count ("Ngày 01/02/2026: Chậm nhất 42 ngày trước ngày bầu cử, …"): the day, once; the count and the event its note.
    // A count alone, or with brackets that restate no day, still waits for the event.
    [Theory]
    [InlineData("Chậm nhất là ngày 20/3/2026 (60 ngày trước ngày khai giảng): Hội nghị triển khai.", "once: 2026-03-20")]
    [InlineData("Hoàn thành chậm nhất trước 30 ngày trước ngày khai giảng (tức ngày 05/8/2026).", "once: 2026-08-05")]
    [InlineData("Gửi biên bản chậm nhất sau 05 ngày sau ngày bỏ phiếu (tức là ngày 20/12/2025).", "once: 2025-12-20")]
    [InlineData("Ngày 15/01/2026: Chậm nhất 30 ngày trước ngày khai mạc Đại hội, gửi hồ sơ.", "once: 2026-01-15")]
    [InlineData("Chậm nhất là 30 ngày trước ngày khai giảng, gửi hồ sơ.", "event:")]
    [InlineData("Chậm nhất sau 05 ngày sau ngày bỏ phiếu.", "event:")]
    [InlineData("Chậm nhất 30 ngày trước ngày khai giảng (theo Điều 5 Quy chế).", "event:")]
    [InlineData("Ngày 15/01/2026 tổ chức hội nghị; chậm nhất 30 ngày trước ngày khai mạc gửi hồ sơ.", "event: 2026-01-15")]
    public void A_count_from_an_event_written_with_its_day_is_that_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_count_from_an_event_written_with_its_day_is_in_the_note()
    {
        var schedule = DeadlineParser.Parse("Hoàn thành chậm nhất trước 30 ngày trước ngày khai giảng (tức ngày 05/8/2026).", Y2025);
        Assert.Contains("30 ngày trước ngày khai giảng", schedule.Note, StringComparison.Ordinal);
    }

    // A year said with "chậm nhất" right before it, or after a report or submission to the competent authority ("báo cáo /
    // trình cấp có thẩm quyền trong năm 2025"), is a deadline by its end, once; "Trong năm 2025" alone stays work over it.
    [Theory]
    [InlineData("Chậm nhất trong năm 2025, hoàn thành xây dựng cơ sở dữ liệu.", "once: 2025-12-31")]
    [InlineData("Chậm nhất năm 2026", "once: 2026-12-31")]
    [InlineData("Hoàn thiện Đề án, báo cáo cấp có thẩm quyền trong năm 2025.", "once: 2025-12-31")]
    [InlineData("Xây dựng dự thảo, trình cấp có thẩm quyền năm 2026", "once: 2026-12-31")]
    [InlineData("Trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Triển khai thực hiện trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    // So is a year with a share to reach before it in its clause ("cung cấp 80% … trong năm 2026"), and a year of a review,
    // "sơ kết" or "tổng kết", in its sentence; a share after the year says what the work is.
    [InlineData("Cung cấp 80% dịch vụ công trực tuyến toàn trình trong năm 2026", "once: 2026-12-31")]
    [InlineData("Tổ chức tổng kết Đề án vào năm 2026", "once: 2026-12-31")]
    [InlineData("Năm 2026 sơ kết Kế hoạch; năm 2030 tổng kết", "phased: 2026-12-31 | 2030-12-31")]
    [InlineData("Trong năm 2026, 100% hồ sơ được số hóa", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Duy trì tỷ lệ 100% hồ sơ được giải quyết trực tuyến trong năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void A_year_at_the_latest_or_for_a_report_to_the_authority_is_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Beside a full date said with "trước ngày" or "chậm nhất ngày" in its sentence, "trước khi …" says what the task comes
    // before, and "sau khi …" after such a date describes the work: the date, once. "Sau khi …" before the date still waits.
    [Theory]
    [InlineData("Báo cáo Bộ Chính trị trước khi xin ý kiến các cấp uỷ chậm nhất ngày 09/3/2025.", "once: 2025-03-09")]
    [InlineData("Trước ngày 20/8/2025: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-08-20")]
    [InlineData("Sau khi xin ý kiến các sở, hoàn thành trước ngày 30/11/2025", "event: 2025-11-30")]
    [InlineData("Trước khi khai giảng năm học", "event:")]
    // "sau khi thống nhất với …" right after the body that acts is its own step (it agrees, then decides): the date, once.
    [InlineData("UBND xã sau khi thống nhất với Mặt trận Tổ quốc quyết định thành lập Tổ bầu cử chậm nhất ngày 31/01/2026.", "once: 2026-01-31")]
    [InlineData("UBND xã sau khi thống nhất với Mặt trận Tổ quốc quyết định thành lập Tổ bầu cử.", "event:")]
    [InlineData("Sau khi thống nhất với Sở Tài chính, hoàn thành trước ngày 30/6/2026.", "event: 2026-06-30")]
    [InlineData("UBND xã sau khi Sở Tài chính thẩm định, quyết định trước ngày 30/6/2026", "event: 2026-06-30")]
    public void Before_a_step_or_after_the_date_a_when_clause_does_not_wait(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Định kỳ …" right after a label's colon opens the duty as it does at the cell's start: its conditions ("và khi có phát
    // sinh …") are extra occasions beside the periodic dates; without "Định kỳ" there the condition still waits.
    [Theory]
    [InlineData("Thời gian cung cấp thông tin: Định kỳ trước ngày 10 hàng tháng và khi có phát sinh thay đổi thông tin.", "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10")]
    [InlineData("Thời gian: Khi có phát sinh thay đổi thông tin", "event:")]
    public void A_frequency_after_a_labels_colon_keeps_its_conditions_extra(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Ngày 12 tháng tiếp theo", without "của": after "Ngày", that day of the next month, every month ("Đối với kỳ kế toán
    // tháng: …"); it is not a count of the next twelve months.
    [Theory]
    [InlineData("Đối với kỳ kế toán tháng: Ngày 12 tháng tiếp theo.", "recurring: Tháng 1 2025-02-12 | Tháng 2 2025-03-12 | Tháng 3 2025-04-12 | Tháng 4 2025-05-12 | Tháng 5 2025-06-12 | Tháng 6 2025-07-12 | Tháng 7 2025-08-12 | Tháng 8 2025-09-12 | Tháng 9 2025-10-12 | Tháng 10 2025-11-12 | Tháng 11 2025-12-12 | Tháng 12 2026-01-12")]
    [InlineData("Ngày 12 của tháng tiếp theo", "recurring: Tháng 1 2025-02-12 | Tháng 2 2025-03-12 | Tháng 3 2025-04-12 | Tháng 4 2025-05-12 | Tháng 5 2025-06-12 | Tháng 6 2025-07-12 | Tháng 7 2025-08-12 | Tháng 8 2025-09-12 | Tháng 9 2025-10-12 | Tháng 10 2025-11-12 | Tháng 11 2025-12-12 | Tháng 12 2026-01-12")]
    public void A_day_of_the_next_month_without_cua_is_every_months(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // The year of "Hiến pháp (năm) 2013" names the constitution, and the year after a law's name ("Luật Phòng, chống tham
    // nhũng 2018", "Luật Đầu tư công 2019") the law: no deadline; the date beside it is the task's. A word that says when
    // between them ("có hiệu lực trong năm 2025", "được thông qua năm 2024") keeps the year.
    [Theory]
    [InlineData("(i) Việc sửa đổi, bổ sung một số điều của Hiến pháp 2013 (hoàn thành trước ngày 30/6/2025).", "once: 2025-06-30")]
    [InlineData("Sửa đổi Hiến pháp năm 2013, hoàn thành trước ngày 30/6/2025", "once: 2025-06-30")]
    [InlineData("Hoàn thành năm 2026", "once: 2026-12-31")]
    [InlineData("Triển khai Luật Đất đai 2024 trong Quý I/2026", "once: 2026-03-31")]
    [InlineData("Tổng kết Luật Đầu tư công 2019, báo cáo trong Quý II/2026", "once: 2026-06-30")]
    [InlineData("Kê khai theo Luật Phòng, chống tham nhũng 2018 khi dự kiến bổ nhiệm", "event:")]
    [InlineData("Luật Đất đai có hiệu lực trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Luật Đất đai được thông qua năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    // A law's long name, up to sixteen tokens ("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân (sửa đổi) 2015").
    [InlineData("Theo khoản 2 Điều 9 Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân 2015, hoàn thành trước ngày 30/6/2026.", "once: 2026-06-30")]
    [InlineData("Theo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân sửa đổi 2025, gửi hồ sơ chậm nhất ngày 01/02/2026", "once: 2026-02-01")]
    [InlineData("Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân có hiệu lực trong năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void The_year_of_the_constitution_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Deferring to another body ("Theo kết quả rà soát / đề xuất …", "… sẽ thông báo sau"): an event, unless a date is given.
    [Theory]
    [InlineData("Theo kết quả rà soát, đề xuất của các cơ quan", "event:")]
    [InlineData("Sở GDĐT sẽ thông báo sau.", "event:")]
    [InlineData("Theo kết quả rà soát, hoàn thành trước ngày 30/6/2025", "once: 2025-06-30")]
    [InlineData("Thông báo sau ngày 15/7/2025", "once: 2025-07-15")]
    public void Deferring_to_another_bodys_review_or_notice_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Việt Nam", "Quảng Nam": "Nam" with its capital and no breve, after a word and before no number, is a name, not "năm";
    // a year typed without accents is still one.
    [Theory]
    [InlineData("Định kỳ vào ngày 10 hàng tháng thông tin cho Ngân hàng Nhà nước Việt Nam", "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10")]
    [InlineData("Quý II/2025, gửi UBND tỉnh Quảng Nam", "once: 2025-06-30")]
    [InlineData("Hoan thanh trong Nam 2026", "once: 2026-12-31")]
    [InlineData("Trong năm, gửi Ngân hàng Nhà nước", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Nam_as_a_name_is_no_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "(sau khi …)" opening right after a month said with "dự kiến" (planned for) is why the step falls then; after any other
    // date it is what the deadline waits for.
    [Theory]
    [InlineData("Dự kiến tháng 11/2025 (sau khi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh ban hành Hướng dẫn).", "once: 2025-11-30")]
    [InlineData("Dự kiến vào tháng 11/2025 (sau khi Bộ ban hành hướng dẫn)", "once: 2025-11-30")]
    [InlineData("Tháng 11/2025 (sau khi Bộ ban hành hướng dẫn)", "event: 2025-11-30")]
    [InlineData("Trước tháng 3/2027 (sau khi Chính phủ ban hành Nghị định thay thế", "event: 2027-02-28")]
    public void After_clause_in_brackets_after_a_planned_month_is_its_reason(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A release timetable: after a day's colon, the periods an estimate ("Ước tính", "Sơ bộ", "Chính thức") names, up to the
    // next day, are what that release covers; with "năm báo cáo" the days recur every year. Without an estimate word a
    // quarter after a colon is still a date.
    [Theory]
    [InlineData("- Ngày 22 tháng 3: Ước tính quý I năm báo cáo - Ngày 22 tháng 6: Ước tính quý II, sơ bộ quý I năm báo cáo", "recurring: Năm 2025-03-22 | Năm 2025-06-22")]
    [InlineData("Ngày 15 tháng 11: Báo cáo ước tính năm báo cáo Ngày 20 tháng 12: Báo cáo sơ bộ năm báo cáo", "recurring: Năm 2025-11-15 | Năm 2025-12-20")]
    [InlineData("Ngày 22 tháng 3: Ước tính quý I; sơ bộ quý IV của năm trước", "once: 2025-03-22")]
    [InlineData("Ngày 22 tháng 3: hoàn thành quý I", "phased: 2025-03-22 | 2025-03-31")]
    public void A_release_timetables_estimates_name_what_each_day_covers(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A comma may stand between a count and what it counts from or before: "…, trước ngày <event>" waits for the event, "…,
    // trước ngày 30/6/2025" is that far before the date, as without the comma.
    [Theory]
    [InlineData("Chậm nhất là 10 ngày làm việc, trước ngày khai mạc kỳ họp, gửi tài liệu đến đại biểu.", "event:")]
    [InlineData("Chậm nhất 10 ngày, trước ngày 30/6/2025", "once: 2025-06-20")]
    [InlineData("Chậm nhất 10 ngày trước ngày 30/6/2025", "once: 2025-06-20")]
    [InlineData("Chậm nhất là 30 ngày, kể từ ngày cơ quan Thuế ban hành thông báo nộp tiền", "event:")]
    public void A_comma_between_a_count_and_its_start_changes_nothing(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count of years from something that happens waits for it, as days and months do; from the plan's issue the words stay
    // as they were (unknown), and "2 năm/lần" is still a frequency.
    [Theory]
    [InlineData("Chậm nhất là 03 năm kể từ ngày quyết định thành lập có hiệu lực, đơn vị phải hoàn thiện bộ máy.", "event:")]
    [InlineData("02 năm sau khi dự án được phê duyệt", "event:")]
    [InlineData("Chậm nhất 01 năm trước ngày chấm dứt hợp đồng dự án", "event:")]
    [InlineData("02 năm kể từ ngày ban hành Kế hoạch", "unknown:")]
    [InlineData("Định kỳ 2 năm/lần, bắt đầu từ năm 2024", "recurring: Năm 2026-12-31")]
    public void A_count_of_years_from_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "chỉ … khi …" (only … when) says when part of the work applies, the task's content: the date is due; without a date it
    // is still an event. Without "chỉ", or with the "chỉ" of "chỉ đạo", "khi" still waits.
    [Theory]
    [InlineData("Chỉ cấp bản giấy khi người dân có yêu cầu, hoàn thành trong tháng 10 năm 2025.", "once: 2025-10-31")]
    [InlineData("Chỉ thực hiện khi có yêu cầu", "event:")]
    [InlineData("Cấp bản giấy khi người dân có yêu cầu, hoàn thành trong tháng 10 năm 2025.", "event: 2025-10-31")]
    [InlineData("Chỉ đạo xử lý khi có vi phạm, hoàn thành trong tháng 10 năm 2025.", "event: 2025-10-31")]
    public void Only_when_is_a_condition_of_the_content(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A second step joined by "và" right after the date and done "theo tiến độ (lộ trình, thời hạn) quy định tại …" waits on
    // that provision's timetable: an event with the date due. Without the second step the words say how: the date, once.
    [Theory]
    [InlineData("Ban hành quy chế trước ngày 30/11/2025 và triển khai cập nhật dữ liệu theo lộ trình quy định tại khoản 2 Điều 5.", "event: 2025-11-30")]
    [InlineData("Ban hành quy chế trước ngày 30/11/2025 theo tiến độ quy định tại khoản 2 Điều 5.", "once: 2025-11-30")]
    [InlineData("Theo tiến độ quy định tại khoản 2 Điều 5.", "event:")]
    public void A_step_after_the_date_by_another_provisions_timetable_waits(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A purpose clause right after a day said with "trước" or "chậm nhất" ("để", "nhằm", ", đảm bảo …") says what the deadline
    // is for: its dates and years are the note. A day in it said with "trước" is the next step's, and ", đảm bảo hoàn thành
    // trong năm 2025" a second deadline: both stay; "Hoàn thành trong năm 2025 để …" has no day before the purpose.
    [Theory]
    [InlineData("Trình Ủy ban trước ngày 15/10/2025, đảm bảo bố trí vốn cho các công trình hoàn thành trong năm 2025.", "once: 2025-10-15")]
    [InlineData("Trình Quốc hội trước ngày 30/6/2025 để có hiệu lực từ ngày 01/7/2025.", "once: 2025-06-30")]
    [InlineData("Gửi hồ sơ trước ngày 15/9/2025 nhằm kịp triển khai trong năm 2026.", "once: 2025-09-15")]
    [InlineData("Trình Ủy ban trước ngày 15/10/2025, đảm bảo hoàn thành trong năm 2025.", "phased: Trình Ủy ban 2025-10-15 | Đảm bảo hoàn thành 2025-12-31")]
    [InlineData("Gửi báo cáo trước ngày 31 tháng 10 để tổng hợp báo cáo Chính phủ trước ngày 31 tháng 12 hằng năm.", "recurring: Năm 2025-10-31 | Năm 2025-12-31")]
    [InlineData("Hoàn thành trong năm 2025 để kịp đưa vào sử dụng từ tháng 01/2026", "once: 2025-12-31")]
    public void A_purpose_after_a_deadline_day_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year after "đối với" and a few words, in a clause that goes on to its day said with "trước" or "chậm nhất", says which
    // things the day is for; after the day, as before, within three words.
    [Theory]
    [InlineData("Riêng đối với các công trình có kế hoạch hoàn thành năm 2025 phải hoàn thành chậm nhất vào ngày 20 tháng 12 năm 2025.", "once: 2025-12-20")]
    [InlineData("Đối với nhiệm vụ năm 2026 trình trước ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("xong trước ngày 01 tháng 5 năm 2026 đối với chi phí năm 2023", "once: 2026-05-01")]
    // After a day said with "chậm nhất (vào) ngày" or "trước ngày", the scope reaches eight words, "trong" not counted.
    [InlineData("Dự án phải hoàn thành chậm nhất vào ngày 19/12/2025 đối với các dự án có kế hoạch hoàn thành trong năm 2025.", "once: 2025-12-19")]
    [InlineData("Dự án phải hoàn thành trước ngày 19/12/2025 đối với các dự án có kế hoạch hoàn thành trong năm 2025.", "once: 2025-12-19")]
    public void A_year_in_the_scope_before_a_deadline_day_is_its_subject(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày N của tháng cuối (cùng) (của / thuộc) kỳ báo cáo" with no period but the quarter named: every report period ends with
    // a quarter's last month, so that day of each quarter's last month.
    [Theory]
    [InlineData("Thời hạn gửi báo cáo chậm nhất là ngày 15 của tháng cuối cùng của kỳ báo cáo.", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("Báo cáo quý gửi chậm nhất vào ngày 20 của tháng cuối thuộc kỳ báo cáo.", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("Báo cáo quý gửi trước ngày 18 tháng cuối quý", "recurring: Quý I 2025-03-18 | Quý II 2025-06-18 | Quý III 2025-09-18 | Quý IV 2025-12-18")]
    public void A_day_of_the_last_month_of_the_report_period_is_each_quarters(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "năm thực hiện", the year the work is carried out in, is each cycle's year: every year, as "năm báo cáo".
    [Theory]
    [InlineData("Trình phê duyệt trước ngày 15 tháng 12 của năm thực hiện.", "recurring: Năm 2025-12-15")]
    [InlineData("Kế hoạch năm, trình phê duyệt trước ngày 15 tháng 12 của năm thực hiện.", "recurring: Năm 2025-12-15")]
    [InlineData("Báo cáo trước ngày 15 tháng 12 năm báo cáo", "recurring: Năm 2025-12-15")]
    public void The_year_of_carrying_out_is_the_tracked_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "lần thứ N trong năm" says which occasion within a year, not the tracked year's work; a year written after it, "trong năm
    // 2025", and "trong năm" alone stay a year; "2 lần trong năm" stays a frequency.
    [Theory]
    [InlineData("Tổ chức kiểm tra lần thứ 2 trong năm sau 60 ngày kể từ ngày kết thúc lần kiểm tra thứ nhất.", "event:")]
    [InlineData("Tổ chức kiểm tra lần thứ 2 trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Triển khai thực hiện trong năm", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Tổ chức 2 lần trong năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void The_nth_time_in_a_year_is_no_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Hours counted from something that happens wait for it, as years, months and days do; from the plan's issue they stay
    // unknown, and an hour of a day in a span is no count.
    [Theory]
    [InlineData("Cập nhật dữ liệu trong thời hạn 48 giờ kể từ thời điểm phát sinh thay đổi.", "event:")]
    [InlineData("Trong 24 giờ kể từ ngày ban hành Kế hoạch", "unknown:")]
    [InlineData("Từ 17 giờ 00 ngày 01/12/2025 đến ngày 05/12/2025", "continuous: 2025-12-05")]
    public void A_count_of_hours_from_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "trước ngày" followed by what happens, with no count, waits for it as "trước khi" does; an event only without a date. An
    // ordinal day ("ngày thứ 20") and a date stay dates.
    [Theory]
    [InlineData("Công khai danh sách cử tri trước ngày bỏ phiếu.", "event:")]
    [InlineData("Công khai danh sách trước ngày bỏ phiếu, chậm nhất ngày 10/12/2025.", "once: 2025-12-10")]
    [InlineData("Chậm nhất là ngày thứ 20 của tháng tiếp theo", "recurring: Tháng 1 2025-02-20 | Tháng 2 2025-03-20 | Tháng 3 2025-04-20 | Tháng 4 2025-05-20 | Tháng 5 2025-06-20 | Tháng 6 2025-07-20 | Tháng 7 2025-08-20 | Tháng 8 2025-09-20 | Tháng 9 2025-10-20 | Tháng 10 2025-11-20 | Tháng 11 2025-12-20 | Tháng 12 2026-01-20")]
    public void Before_the_day_of_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count from the issue of something named that is not the plan ("ngày kết quả được ban hành") waits for it; "ngày Kế
    // hoạch được ban hành" and "ngày ban hành" count from the plan's issue date.
    [Theory]
    [InlineData("Đăng tải kết quả chậm nhất là 05 ngày làm việc kể từ ngày kết quả được ban hành", "event:")]
    [InlineData("15 ngày kể từ ngày Kế hoạch được ban hành", "once: 2025-12-05")]
    [InlineData("10 ngày làm việc kể từ ngày ban hành", "once: 2025-12-04")]
    public void A_count_from_the_issue_of_another_thing_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "theo quy định của …", "theo hướng dẫn của …" beside a periodic duty with an extra report ("hoặc / và đột xuất") say
    // whose rules govern the reports, not when: the periods are due. Alone they still defer.
    [Theory]
    [InlineData("Định kỳ hằng quý hoặc đột xuất báo cáo theo quy định của Bộ Tài chính.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo hằng năm và đột xuất theo hướng dẫn của Bộ Nội vụ.", "recurring: Năm 2025-12-31")]
    [InlineData("Theo hướng dẫn của Bộ Nội vụ", "event:")]
    [InlineData("Theo quy định của Chính phủ", "event:")]
    public void Rules_for_an_extra_report_beside_a_periodic_one_are_no_deferral(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "(riêng quý IV là ngày 15 tháng 02 năm sau)" after a day of every quarter is that quarter's own date, in brackets too.
    [Theory]
    [InlineData("Hằng quý, trước ngày 15 của tháng đầu quý tiếp theo (riêng quý IV là ngày 15 tháng 02 năm sau).", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-02-15")]
    [InlineData("Hằng quý, trước ngày 15 của tháng đầu quý tiếp theo.", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void One_quarters_own_date_in_brackets_replaces_its_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Days listed with "và" before "hằng tháng" each take it.
    [Theory]
    [InlineData("Trước ngày 10 và ngày 25 hằng tháng", "recurring: Tháng 1 2025-01-10 | Tháng 1 2025-01-25 | Tháng 2 2025-02-10 | Tháng 2 2025-02-25 | Tháng 3 2025-03-10 | Tháng 3 2025-03-25 | Tháng 4 2025-04-10 | Tháng 4 2025-04-25 | Tháng 5 2025-05-10 | Tháng 5 2025-05-25 | Tháng 6 2025-06-10 | Tháng 6 2025-06-25 | Tháng 7 2025-07-10 | Tháng 7 2025-07-25 | Tháng 8 2025-08-10 | Tháng 8 2025-08-25 | Tháng 9 2025-09-10 | Tháng 9 2025-09-25 | Tháng 10 2025-10-10 | Tháng 10 2025-10-25 | Tháng 11 2025-11-10 | Tháng 11 2025-11-25 | Tháng 12 2025-12-10 | Tháng 12 2025-12-25")]
    [InlineData("Trước ngày 10 hằng tháng", "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10")]
    public void Days_listed_before_every_month_each_take_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // In a yearly duty "của kỳ báo cáo tiếp theo" after a date is the next year's, every year, as "năm tiếp theo của kỳ báo
    // cáo"; the budget year ends as the financial year does, counted up to two years after it.
    [Theory]
    [InlineData("Báo cáo hằng năm gửi trước ngày 31 tháng 3 của kỳ báo cáo tiếp theo.", "recurring: Năm 2026-03-31")]
    [InlineData("trước ngày 15 tháng 4 năm tiếp theo của kỳ báo cáo", "recurring: Năm 2026-04-15")]
    [InlineData("Báo cáo quyết toán chậm nhất là 18 tháng sau khi kết thúc năm ngân sách.", "recurring: Năm 2027-06-30")]
    [InlineData("90 ngày kể từ ngày kết thúc năm tài chính", "recurring: Năm 2026-03-31")]
    public void The_next_report_period_and_the_budget_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // An average per month ("bình quân hằng tháng") is a rate, not a frequency; "năm trước liền kề" and "năm kế hoạch" name
    // the year the figures are of, no yearly period. "tiền lương hằng tháng" in a report stays monthly.
    [Theory]
    [InlineData("Quý I hằng năm, báo cáo tiền lương bình quân hằng tháng của người lao động.", "recurring: Quý I 2025-03-31")]
    [InlineData("Chậm nhất tháng 6 hằng năm, báo cáo quỹ lương năm trước liền kề và quỹ lương năm kế hoạch.", "recurring: Tháng 6 2025-06-30")]
    [InlineData("Báo cáo tiền lương hằng tháng", "recurring: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    public void An_average_per_month_and_the_years_of_figures_are_no_periods(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day and month "của kỳ báo cáo" (of the report period), in a cell naming no year, is that day of each period's
    // year: every year. A plain day and month stays one date.
    [Theory]
    [InlineData("Gửi báo cáo chậm nhất vào ngày 15 tháng 12 của kỳ báo cáo.", "recurring: Năm 2025-12-15")]
    [InlineData("Gửi báo cáo trước ngày 15 tháng 12.", "once: 2025-12-15")]
    public void A_day_of_the_report_period_recurs_every_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "và khi …" (and when …) after a periodic duty's words adds an extra occasion beside it, as "hoặc khi" does: the periods
    // are due. Alone, "khi có yêu cầu" still waits for the event.
    [Theory]
    [InlineData("Báo cáo định kỳ hằng năm và khi có yêu cầu.", "recurring: Năm 2025-12-31")]
    [InlineData("Báo cáo hằng quý tại hội nghị và tại Đại hội khi kết thúc nhiệm kỳ.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo khi có yêu cầu.", "event:")]
    public void An_occasion_added_with_and_after_a_periodic_duty_is_no_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count after the day something happens ("sau ngày nhận được …") or before the first day of an act ("trước ngày đầu
    // tiên thực hiện …") waits for it. Before the first day of a period, or from a written day, it is left as it was.
    [Theory]
    [InlineData("Chậm nhất là 05 ngày làm việc, sau ngày nhận được đề nghị, Thường trực xem xét.", "event:")]
    [InlineData("Chậm nhất là 5 ngày trước ngày đầu tiên thực hiện dịch vụ, doanh nghiệp gửi thông báo.", "event:")]
    [InlineData("5 ngày trước ngày đầu tiên của tháng", "unknown:")]
    [InlineData("Chậm nhất 10 ngày, trước ngày 30/6/2025", "once: 2025-06-20")]
    public void A_count_after_a_day_that_happens_or_before_an_acts_first_day_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count right after the "Trên cơ sở …," clause (what the work is based on) is counted from it: an event. Without that
    // clause the count is left as it was.
    [Theory]
    [InlineData("Trên cơ sở thông báo của Bộ, trong 05 ngày làm việc, doanh nghiệp rà soát.", "event:")]
    [InlineData("Trong 05 ngày làm việc, doanh nghiệp rà soát.", "unknown:")]
    public void A_count_after_the_clause_of_what_the_work_is_based_on_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "(nếu có)" in brackets is an aside, and a passive "được … khi" (is issued when) says how the thing works: beside a full
    // date the task is due on it. Without a date both still wait.
    [Theory]
    [InlineData("Gửi báo cáo (nếu có) chậm nhất ngày 15/10/2025.", "once: 2025-10-15")]
    [InlineData("Gửi báo cáo (nếu có).", "event:")]
    [InlineData("Sổ giấy được cấp khi người tham gia yêu cầu.", "event:")]
    public void If_any_in_brackets_and_a_passive_when_beside_a_date_are_no_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "định kỳ" whose only frequency is daily or weekly ("Định kỳ thứ 4 hàng tuần", "định kỳ hàng ngày, hàng tuần") is work
    // that goes on all year, as "Hằng tuần" is: each quarter's end. A month or quarter said with it stays recurring by its
    // own words, and "định kỳ" with no period at all is still refused.
    [Theory]
    [InlineData("Định kỳ thứ 6 hằng tuần, tổng hợp tình hình gửi Sở Nội vụ.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Cập nhật thông tin một cách thường xuyên, định kỳ hằng ngày.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Định kỳ hằng tuần, hằng quý báo cáo.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Thường xuyên, định kỳ", "unknown:")]
    public void A_periodic_duty_said_daily_or_weekly_is_ongoing_work(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "năm hiện hành" (the current year) after a day is the tracked year: one date, every year only in a yearly duty;
    // "năm thực hiện" (each cycle's year) is every year.
    [Theory]
    [InlineData("Việc phân bổ dự toán hoàn thành trước ngày 15 tháng 11 năm hiện hành.", "once: 2025-11-15")]
    [InlineData("Báo cáo hằng năm trước ngày 15 tháng 11 năm hiện hành.", "recurring: Năm 2025-11-15")]
    [InlineData("trước ngày 01 tháng 11 năm thực hiện", "recurring: Năm 2025-11-01")]
    public void The_current_year_after_a_day_is_the_tracked_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year in the words of the event a count waits for, after "kể từ ngày / khi", says which event: no year of work. After
    // a comma the words are the cell's again.
    [Theory]
    [InlineData("Trong vòng 60 ngày, kể từ ngày có quyết định thu hồi đất năm 2025 theo quy định.", "event:")]
    [InlineData("Trong 30 ngày kể từ khi có văn bản chấp thuận năm 2025", "event:")]
    [InlineData("Trong vòng 30 ngày kể từ ngày có quyết định, hoàn thành trong năm 2025.", "event: 2025-12-31")]
    public void A_year_in_the_words_of_a_counts_event_names_the_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // The day of a meeting listed with "và" after cited documents is when it was held, as the documents' days are. A meeting's
    // day alone, or in a later sentence, is a date.
    [Theory]
    [InlineData("Thực hiện các kết luận tại Thông báo số 12/TB-VPCP ngày 05 tháng 3 năm 2025 và cuộc họp ngày 20 tháng 9 năm 2025; hoàn thành trước ngày 30 tháng 12 năm 2025.", "once: 2025-12-30")]
    [InlineData("Tổ chức cuộc họp ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Thực hiện Thông báo số 12/TB-VPCP ngày 05/3/2025. Tổ chức tổng kết và cuộc họp ngày 15/12/2025.", "once: 2025-12-15")]
    public void A_meetings_day_after_cited_documents_is_when_it_was_held(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A range of quarters written with its years is a date written with its year, as a range of months: the years of a period
    // after "giai đoạn" in the work's words are its note. Alone, or after a word of time, the period stays a deadline.
    [Theory]
    [InlineData("Từ Quý I/2026 đến Quý IV/2026: Xây dựng hạ tầng theo quy hoạch giai đoạn 2021 - 2030;", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Từ tháng 1/2026 đến tháng 12/2026: Xây dựng hạ tầng theo quy hoạch giai đoạn 2021 - 2030;", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Giai đoạn 2026 - 2028", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | Năm 2028 2028-12-31")]
    public void A_programmes_period_beside_a_range_of_quarters_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A span's first day written alone takes the month and year of a last day written in words too. Spans of several phases
    // that end on one day are one span, from the earliest start: still work over it. Phases of single days due on one day,
    // or spans that end on different days, are left as they were.
    [Theory]
    [InlineData("Từ ngày 10 đến ngày 20 tháng 12 năm 2025", "continuous: 2025-12-20")]
    [InlineData("- Khối tiểu học: Từ ngày 10 đến ngày 20 tháng 12 năm 2025. - Khối THCS: Từ ngày 15 đến ngày 20 tháng 12 năm 2025.", "continuous: 2025-12-20")]
    [InlineData("- Khối tiểu học: Từ ngày 20/9 đến 20/10/2025. - Khối THCS: Từ ngày 01 đến 20/10/2025.", "continuous: Quý III 2025-09-30 | 2025-10-20")]
    [InlineData("- Khối tiểu học: trước ngày 20/12/2025. - Khối THCS: trước ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("- Khối tiểu học: Từ ngày 10 đến 18/12/2025. - Khối THCS: Từ ngày 15 đến 20/12/2025.", "phased: Khối tiểu học 2025-12-18 | Khối THCS 2025-12-20")]
    public void Spans_of_days_that_end_on_one_day_are_one_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "khi" after the work's words, before a merger or reorganisation of units ("khi sáp nhập", "khi sắp xếp", "khi tổ chức
    // lại"), says which situation the work is for: beside a full date said with "trước ngày" or "chậm nhất" in its sentence
    // the date is due. Without such a date, or with "khi" before another act, the cell still waits.
    [Theory]
    [InlineData("Hướng dẫn bố trí cán bộ, công chức khi sáp nhập đơn vị hành chính cấp xã trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Rà soát biên chế khi tổ chức lại các phòng chuyên môn, chậm nhất ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Hướng dẫn bố trí cán bộ, công chức khi sáp nhập đơn vị hành chính cấp xã.", "event:")]
    [InlineData("Ban hành quy chế khi có hướng dẫn của Bộ, trước ngày 15/12/2025.", "event: 2025-12-15")]
    public void When_before_a_reorganisation_of_units_names_the_situation(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // What is to be ensured by a year's end ("bảo đảm / đảm bảo đến hết năm 2026 …") is a target by then: once, at the year's
    // end, as "đảm bảo đạt … trong năm" is. Work kept up to it ("Duy trì đến hết năm 2026") stays work over the year.
    [Theory]
    [InlineData("Rà soát, sắp xếp biên chế bảo đảm đến hết năm 2026 số lượng biên chế đúng quy định.", "once: 2026-12-31")]
    [InlineData("Đảm bảo đến hết năm 2027 100% xã có nhà văn hóa.", "once: 2027-12-31")]
    [InlineData("Duy trì đến hết năm 2026 số lượng biên chế hiện có.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void What_is_ensured_by_a_years_end_is_a_target_by_then(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A date said with "chậm nhất" in brackets right after a year or a date bounds it: the bracket's date is the deadline, the
    // looser one the note. Other dates in brackets stay the deadline's note, and brackets with no date change nothing.
    [Theory]
    [InlineData("Tổ chức Đại hội trong năm 2026 (chậm nhất tháng 9/2026).", "once: 2026-09-30")]
    [InlineData("Quý IV/2025 (chậm nhất ngày 15/12/2025)", "once: 2025-12-15")]
    [InlineData("Ngày 09/02/2026 (ngày 10/02/2026 họp tổng kết)", "once: 2026-02-09")]
    [InlineData("Hoàn thành 100 trường trong năm 2025 (chậm nhất là đến thời điểm khai giảng năm học sau).", "once: 2025-12-31")]
    public void A_latest_date_in_brackets_bounds_the_one_before(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A span opened by "từ (ngày)" a few words after "đợt" (an episode) says when it happened: beside a day said with "trước"
    // or "chậm nhất" it is the note. Without "đợt", or without such a day, the span is read as before.
    [Theory]
    [InlineData("Báo cáo thiệt hại do đợt mưa bão từ ngày 02/11/2025 đến ngày 05/11/2025, gửi Sở Nông nghiệp trước ngày 20/11/2025.", "once: 2025-11-20")]
    [InlineData("Tổng hợp kết quả đợt kiểm tra từ ngày 10-15/12/2025, chậm nhất ngày 30/12/2025.", "once: 2025-12-30")]
    [InlineData("Tổ chức đợt kiểm tra từ ngày 10/12/2025 đến ngày 20/12/2025.", "continuous: 2025-12-20")]
    [InlineData("Báo cáo thiệt hại từ ngày 02/11/2025 đến ngày 05/11/2025, gửi trước ngày 20/11/2025.", "phased: Báo cáo thiệt hại 2025-11-05 | Gửi 2025-11-20")]
    public void An_episodes_span_beside_a_deadline_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A month or quarter written with its year right after "kỳ tính thuế" (the tax period) names what is paid: beside a day
    // said with "chậm nhất" or "trước" that day is the deadline, once. Alone, or without "kỳ tính thuế", the month stays a date.
    [Theory]
    [InlineData("Thời hạn nộp thuế thu nhập doanh nghiệp của kỳ tính thuế quý IV/2025 chậm nhất là ngày 30/01/2026.", "once: 2026-01-30")]
    [InlineData("Thời hạn nộp thuế của kỳ tính thuế tháng 3/2026 chậm nhất là ngày 20 tháng 4 năm 2026", "once: 2026-04-20")]
    [InlineData("Thời hạn nộp thuế của kỳ tính thuế tháng 02/2025.", "once: 2025-02-28")]
    [InlineData("Nộp thuế tháng 02/2025, chậm nhất là ngày 20/9/2025.", "phased: Nộp thuế 2025-02-28 | Nộp thuế 2025-09-20")]
    public void A_tax_period_beside_a_deadline_names_what_is_paid(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A lunar date restated in brackets right after a solar one is the same day: a span from it stays whole. A lunar year
    // named by its stem and branch ("năm Ất Tỵ") is the nearest such year; "nghỉ Tết" before the holiday's days given with
    // "từ" is the holiday, not Tết's day. Another bracket between the days still breaks the span; "Nghỉ Tết" alone is Tết.
    [Theory]
    [InlineData("Từ ngày 16/02/2026 (29 tháng Chạp) đến hết ngày 20/02/2026 (mùng 4 Tết).", "continuous: 2026-02-20")]
    [InlineData("Từ ngày 16/02/2026 đến hết ngày 20/02/2026 (mùng 4 tháng Giêng Âm lịch).", "continuous: 2026-02-20")]
    [InlineData("Lịch nghỉ tết từ ngày 12/02/2026 (25 Âm lịch) đến ngày 22/02/2026.", "continuous: 2026-02-22")]
    [InlineData("ngày 26 tháng Chạp năm Ất Tỵ", "once: 2026-02-13")]
    [InlineData("Từ ngày 16/02/2026 (thứ Hai) đến hết ngày 20/02/2026.", "phased: 2026-02-20 | 2026-12-31")]
    [InlineData("Nghỉ Tết Nguyên đán 2026.", "once: 2026-02-17")]
    public void A_lunar_date_restated_in_brackets_is_the_same_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Beside a day of every year said with "hằng năm", "sau khi …" or "khi …" is a step of the yearly procedure: recurring,
    // not an event. Without such a day the cell still waits.
    [Theory]
    [InlineData("Sau khi nhận đủ hồ sơ, Sở Tài chính công bố danh sách trước ngày 15 tháng 12 hằng năm.", "recurring: Năm 2025-12-15")]
    [InlineData("Định kỳ trước ngày 30 tháng 6 hằng năm rà soát và công bố danh mục khi có thay đổi.", "recurring: Năm 2025-06-30")]
    [InlineData("Kết quả được công bố sau khi kết thúc học kỳ I nhưng không muộn hơn ngày 15 tháng 3 hằng năm.", "recurring: Năm 2025-03-15")]
    [InlineData("Sau khi có hướng dẫn của Bộ, trước ngày 15/12/2025.", "event: 2025-12-15")]
    public void A_when_clause_beside_a_yearly_day_is_a_step(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day in the next year is every year when the cell speaks of a year's own account: its settlement ("quyết toán năm"),
    // year-end review ("tổng kết") or assessment ("kiểm điểm", "xếp loại"), as of a report. Alone it is one date.
    [Theory]
    [InlineData("Hoàn thành thẩm định quyết toán năm trước ngày 31 tháng 3 năm sau.", "recurring: Năm 2026-03-31")]
    [InlineData("Tổ chức tổng kết trước ngày 15/01 năm sau.", "recurring: Năm 2026-01-15")]
    [InlineData("Gửi hồ sơ đánh giá, xếp loại trước ngày 01/02 năm sau.", "recurring: Năm 2026-02-01")]
    [InlineData("Hoàn thành trước ngày 15/01 năm sau.", "once: 2026-01-15")]
    public void A_next_years_day_of_a_years_account_is_every_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A tax declaration ("kê khai", "tờ khai") or a tax paid by the year ("nộp thuế … theo năm") is the taxpayer's report of
    // the year: its next year's day is every year. A payment without "theo năm", or "theo năm 2025", stays one date.
    [Theory]
    [InlineData("Cá nhân kinh doanh thực hiện kê khai doanh thu gửi cơ quan thuế chậm nhất là ngày 31 tháng 01 năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Nộp tờ khai thuế chậm nhất là ngày 31 tháng 01 năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Hộ kinh doanh nộp thuế thu nhập cá nhân theo năm chậm nhất là ngày 31/01 năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Hộ kinh doanh nộp thuế chậm nhất là ngày 31/01 năm sau.", "once: 2026-01-31")]
    [InlineData("Nộp thuế theo năm 2025 chậm nhất là ngày 31/01 năm sau.", "once: 2026-01-31")]
    public void A_next_years_day_of_a_tax_declaration_is_every_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Trong khi đó" (meanwhile) links two sentences: no condition. "Trong khi chờ …" still waits.
    [Theory]
    [InlineData("Trong khi đó, kỳ thi sẽ kết thúc trước 20/6/2026.", "once: 2026-06-20")]
    [InlineData("Trong khi chờ hướng dẫn, hoàn thành trước 20/6/2026.", "event: 2026-06-20")]
    public void Meanwhile_is_no_condition(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A passive "khi được …" whose own clause holds a full date said with "trước" or "chậm nhất" makes meeting that date
    // the condition: the date is due. After a comma, or without a date, "khi" still waits.
    [Theory]
    [InlineData("Hồ sơ được coi là hợp lệ khi được nộp về Sở Nội vụ trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Hồ sơ được tiếp nhận khi được Bộ hướng dẫn, trước ngày 15/12/2025.", "event: 2025-12-15")]
    [InlineData("Báo cáo khi được yêu cầu.", "event:")]
    public void A_when_clause_holding_its_date_is_due_on_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Two days of one month after "ngày" joined by "-" ("Ngày 26-27/02/2026: …") are a span of days; a first day after the
    // last is read as before, a day and month.
    [Theory]
    [InlineData("Ngày 10-12/12/2025: Tổ chức hội nghị.", "continuous: 2025-12-12")]
    [InlineData("Từ ngày 10-12/12/2025 tổ chức hội nghị.", "continuous: 2025-12-12")]
    [InlineData("Ngày 12-10/12/2025: Tổ chức hội nghị.", "once: 2025-10-12")]
    public void Two_days_of_one_month_after_ngay_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A span of days without a year said with "hằng năm" right after it is the window of every year: due on its last day,
    // recurring. A span of months, or of days with their year, stays work over it.
    [Theory]
    [InlineData("Thời gian tuyển sinh từ ngày 01 tháng 6 đến hết ngày 30 tháng 6 hằng năm.", "recurring: Năm 2025-06-30")]
    [InlineData("Từ ngày 01/6 đến ngày 30/6 hằng năm tổ chức kiểm tra.", "recurring: Năm 2025-06-30")]
    [InlineData("Từ tháng 3 đến tháng 11 hằng năm", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | 2025-11-30")]
    [InlineData("Từ ngày 01/6/2025 đến ngày 30/6/2025.", "continuous: Quý II 2025-06-30")]
    public void A_span_of_days_every_year_is_a_yearly_window(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "và kết thúc (vào)" closes a span opened by "từ" as "đến" does, a time of day before the last day included. After a
    // comma, with other words between, it does not.
    [Theory]
    [InlineData("Nhận hồ sơ bắt đầu từ ngày 01/12/2025 và kết thúc vào 17 giờ 00 ngày 15/12/2025.", "continuous: 2025-12-15")]
    [InlineData("Bắt đầu từ ngày 01/12/2025 và kết thúc ngày 15/01/2026.", "continuous: Quý IV/2025 2025-12-31 | 2026-01-15")]
    [InlineData("Từ ngày 01/12/2025, và kết thúc dự án trước ngày 15/12/2025.", "phased: Kết thúc dự án 2025-12-15 | 2025-12-31")]
    public void And_ends_closes_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A fee per month of delay ("lệ phí cho mỗi tháng bị muộn") is a rate, no frequency; "mỗi tháng" alone is monthly.
    [Theory]
    [InlineData("Trong vòng 06 tháng kể từ ngày hết hạn, chủ văn bằng phải nộp lệ phí cho mỗi tháng bị muộn.", "event:")]
    [InlineData("Nộp lệ phí mỗi tháng.", "recurring: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    public void A_fee_per_month_of_delay_is_no_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "mùng" before a day of the first ten ("trước ngày mùng 5 tháng cuối quý") is how the day is said: that day of each
    // quarter's month, not an event after "trước ngày". "trước ngày khai giảng" still is one.
    [Theory]
    [InlineData("trước ngày mùng 5 tháng cuối quý", "recurring: Quý I 2025-03-05 | Quý II 2025-06-05 | Quý III 2025-09-05 | Quý IV 2025-12-05")]
    [InlineData("Hằng quý, trước ngày mùng 10 tháng đầu quý", "recurring: Quý I 2025-01-10 | Quý II 2025-04-10 | Quý III 2025-07-10 | Quý IV 2025-10-10")]
    [InlineData("trước ngày mùng 5 tháng 3 năm 2026", "once: 2026-03-05")]
    [InlineData("trước ngày khai giảng", "event:")]
    public void Mung_before_a_day_is_how_it_is_said(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Sau khi …" whose next clause says "đã" tells what was already done: beside a full date said with "trước" the date is
    // due. Without "đã", or without a date, the clause still waits.
    [Theory]
    [InlineData("Sau khi trao đổi với các sở, Sở Nội vụ đã ban hành hướng dẫn, yêu cầu hoàn thành trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Sau khi có hướng dẫn của Bộ, Sở Nội vụ tổ chức triển khai trước ngày 15/12/2025.", "event: 2025-12-15")]
    [InlineData("Sau khi Bộ ban hành hướng dẫn, đã triển khai thực hiện.", "event:")]
    public void After_which_something_was_already_done_is_no_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year or half-year that is the tracked one, beside a day said with "trước" written without its year, is what the task
    // is about: the day, once ("trước 17h ngày 22/8": the hour before the day is when it closes). Another year stays.
    [Theory]
    [InlineData("Nộp báo cáo tình hình lao động 6 tháng đầu năm 2025 trước ngày 05/7.", "once: 2025-07-05")]
    [InlineData("Công bố kết quả tuyển sinh năm 2025 trước 17h ngày 22/8.", "once: 2025-08-22")]
    [InlineData("Nộp hồ sơ trước 17h ngày 22/8/2025.", "once: 2025-08-22")]
    [InlineData("Tổng hợp kết quả năm 2024 trước ngày 15/3.", "phased: Tổng hợp kết quả 2024-12-31 | Tổng hợp kết quả 2025-03-15")]
    public void The_tracked_year_beside_a_day_without_its_year_is_the_subject(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A document cited as issued "(ban hành) hôm 7/6", as "ngày 7/6", names when it was issued: no deadline. Without the
    // document's number the day stays.
    [Theory]
    [InlineData("Công bố vào tháng 3/2026, theo Quyết định 484/QĐ-TTg ban hành hôm 7/6.", "once: 2026-03-31")]
    [InlineData("Công bố vào tháng 3/2026, theo Quyết định 484/QĐ-TTg ban hành ngày 07/6/2025.", "once: 2026-03-31")]
    [InlineData("Công bố vào tháng 3/2026, ban hành hôm 7/6.", "phased: Ban hành 2025-06-07 | Công bố 2026-03-31")]
    public void A_document_issued_hom_a_day_names_its_issue(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // What an older document set, in brackets after a duty's own day ("(theo Nghị định số 62/2024/NĐ-CP là ngày 06 của tháng
    // kế tiếp …)"), is an aside, its day of every month too. A bracketed day of every month without the document stays.
    [Theory]
    [InlineData("Số liệu công bố vào ngày 3 của tháng tiếp theo (theo Thông tư số 10/2020/TT-BKHĐT là ngày 06 của tháng tiếp theo).", "recurring: Tháng 1 2025-02-03 | Tháng 2 2025-03-03 | Tháng 3 2025-04-03 | Tháng 4 2025-05-03 | Tháng 5 2025-06-03 | Tháng 6 2025-07-03 | Tháng 7 2025-08-03 | Tháng 8 2025-09-03 | Tháng 9 2025-10-03 | Tháng 10 2025-11-03 | Tháng 11 2025-12-03 | Tháng 12 2026-01-03")]
    [InlineData("Số liệu công bố vào ngày 3 của tháng tiếp theo (ngày 06 của tháng tiếp theo đối với số liệu chính thức).", "recurring: Tháng 1 2025-02-03 | Tháng 1 2025-02-06 | Tháng 2 2025-03-03 | Tháng 2 2025-03-06 | Tháng 3 2025-04-03 | Tháng 3 2025-04-06 | Tháng 4 2025-05-03 | Tháng 4 2025-05-06 | Tháng 5 2025-06-03 | Tháng 5 2025-06-06 | Tháng 6 2025-07-03 | Tháng 6 2025-07-06 | Tháng 7 2025-08-03 | Tháng 7 2025-08-06 | Tháng 8 2025-09-03 | Tháng 8 2025-09-06 | Tháng 9 2025-10-03 | Tháng 9 2025-10-06 | Tháng 10 2025-11-03 | Tháng 10 2025-11-06 | Tháng 11 2025-12-03 | Tháng 11 2025-12-06 | Tháng 12 2026-01-03 | Tháng 12 2026-01-06")]
    public void An_older_documents_day_in_brackets_is_an_aside(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Beside any other date, the year of a survey or an inventory ("Điều tra Doanh nghiệp 2025", "Tổng điều tra … năm 2029",
    // "điều tra dân số … giữa kỳ 2025", "công tác tổng kiểm kê năm 2025"), bare too, names it; so does a year after a place's
    // "Nam" ("… Việt Nam năm 2025"). Alone, or after the work done ("Hoàn thành tổng kiểm kê năm 2025"), it stays a year.
    [Theory]
    [InlineData("Điều tra doanh nghiệp 2025 kết thúc vào ngày 30/6/2025.", "once: 2025-06-30")]
    [InlineData("Tổng điều tra dân số năm 2029 công bố kết quả vào tháng 3/2030.", "once: 2030-03-31")]
    [InlineData("Từ ngày 1/4 đến ngày 30/4, thu thập thông tin điều tra dân số giữa kỳ 2025.", "continuous: 2025-04-30")]
    [InlineData("Để bảo đảm hoàn thành công tác tổng kiểm kê năm 2025 theo đúng kế hoạch, Bộ sẽ định kỳ công khai tiến độ vào sáng thứ Ba hàng tuần.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Cuộc thi hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2025 được tổ chức từ ngày 01/11/2025 đến ngày 09/11/2025.", "continuous: 2025-11-09")]
    [InlineData("Hoàn thành tổng kiểm kê năm 2025, công khai tiến độ vào sáng thứ Ba hàng tuần.", "once: 2025-12-31")]
    [InlineData("Tổng điều tra dân số năm 2029", "continuous: Quý I 2029-03-31 | Quý II 2029-06-30 | Quý III 2029-09-30 | Quý IV 2029-12-31")]
    [InlineData("Từ ngày 01/11/2025 đến ngày 09/11/2025, thực hiện năm 2025.", "phased: 2025-11-09 | Thực hiện 2025-12-31")]
    public void A_surveys_year_names_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "trong khi" (while) after a dated clause and its comma joins a second clause: no condition. "…, trong khi chờ …" (while
    // waiting) and "Khi …" first still wait.
    [Theory]
    [InlineData("Kết quả sơ bộ công bố vào tháng 12 năm 2025, trong khi kết quả chính thức công bố vào tháng 3 năm 2026.", "phased: Kết quả sơ bộ công bố 2025-12-31 | Kết quả sơ bộ công bố 2026-03-31")]
    [InlineData("Thực hiện trong quý IV/2025, trong khi chờ hướng dẫn của Bộ.", "event: 2025-12-31")]
    [InlineData("Khi có hướng dẫn của Bộ, thực hiện trong quý IV/2025.", "event: 2025-12-31")]
    public void While_between_two_dated_clauses_is_no_condition(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A month and its year joined by a dot with no space ("tháng 7.2026") is that month; with a space the dot ends a sentence.
    [Theory]
    [InlineData("Dự kiến hoàn tất vào tháng 7.2026.", "once: 2026-07-31")]
    [InlineData("Hoàn thành trong tháng 12.2025", "once: 2025-12-31")]
    [InlineData("Hoàn thành tháng 7. Năm 2026 tổng kết.", "phased: Hoàn thành 2025-07-31 | 2026-12-31")]
    public void A_month_dot_year_is_that_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A count from the end of the accounting quarter ("kỳ kế toán quý") is counted from each quarter's end, as from the
    // accounting year's; from the end of another activity ("kỳ kiểm toán") it waits.
    [Theory]
    [InlineData("Nộp báo cáo tài chính quý chậm nhất là 20 ngày, kể từ ngày kết thúc kỳ kế toán quý.", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("Nộp báo cáo tài chính chậm nhất là 30 ngày, kể từ ngày kết thúc kỳ kế toán năm.", "recurring: Năm 2026-01-30")]
    [InlineData("Chậm nhất là 20 ngày, kể từ ngày kết thúc kỳ kiểm toán.", "event:")]
    public void A_count_from_the_accounting_quarters_end_is_quarterly(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A target opening its clause, "mục tiêu (đặt ra là) đến ngày / năm …", is due then: after "Sau khi …," it is fixed
    // already, no event; a year so set is due by its end. Goals the work carries out ("các mục tiêu đến năm 2030"), work
    // said without "mục tiêu", and "Sau khi …, hoàn thành trước ngày …" stay as they were.
    [Theory]
    [InlineData("Sau khi khai trương hệ thống, mục tiêu đến ngày 01/7/2025, cấp 50 triệu thẻ.", "once: 2025-07-01")]
    [InlineData("Sau khi có hướng dẫn của Bộ, hoàn thành trước ngày 15/12/2025.", "event: 2025-12-15")]
    [InlineData("Mục tiêu đặt ra là đến năm 2026 cơ bản hoàn thành việc rà soát.", "once: 2026-12-31")]
    [InlineData("Mục tiêu đến hết năm 2026, 80% hồ sơ được số hóa.", "once: 2026-12-31")]
    [InlineData("Đến năm 2026 tiếp tục thực hiện rà soát.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Thực hiện các mục tiêu đến năm 2030.", "continuous: Quý I 2030-03-31 | Quý II 2030-06-30 | Quý III 2030-09-30 | Quý IV 2030-12-31")]
    public void A_target_set_for_a_day_or_year_is_due_then(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "như sau:" closing a cell is a group row whose rows give the dates: an event, unless the cell gives a date; so is a
    // deadline left to another document's rule, "theo quy định tại văn bản …". "theo quy định" alone, or of an article,
    // says nothing.
    [Theory]
    [InlineData("Thời gian thực hiện được chia thành 3 đợt, cụ thể như sau:", "event:")]
    [InlineData("Hoàn thành trước ngày 15/12/2025, cụ thể như sau:", "once: 2025-12-15")]
    [InlineData("Cụ thể như sau: Quý I/2026", "once: 2026-03-31")]
    [InlineData("Thời hạn gửi báo cáo định kỳ thực hiện theo quy định tại văn bản quy phạm pháp luật có liên quan.", "event:")]
    [InlineData("Thực hiện theo quy định.", "unknown:")]
    [InlineData("Thực hiện theo quy định tại Điều 5.", "unknown:")]
    public void A_group_row_or_another_documents_rule_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // The half a business started in ("bắt đầu kinh doanh trong 6 tháng cuối năm") is the case a tax rule is for, and what
    // arose from an event up to a day ("phát sinh từ khi … đến hết ngày 30 tháng 6") what the declaration covers, beside a
    // day said as a deadline: the note. Work "từ khi … đến hết ngày …" still waits, and a half-year of work stays.
    [Theory]
    [InlineData("Cá nhân bắt đầu kinh doanh trong 6 tháng cuối năm thực hiện kê khai doanh thu chậm nhất là ngày 31 tháng 01 năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Kê khai doanh thu phát sinh từ khi bắt đầu kinh doanh đến hết ngày 30 tháng 6 và nộp tờ khai chậm nhất là ngày 30 tháng 7.", "once: 2025-07-30")]
    [InlineData("Thực hiện từ khi có hướng dẫn đến hết ngày 30/6/2025, báo cáo trước ngày 15/7/2025.", "event: 2025-06-30 | 2025-07-15")]
    [InlineData("Thực hiện trong 6 tháng cuối năm, báo cáo chậm nhất là ngày 15/01/2026.", "phased: Thực hiện 2025-12-31 | Báo cáo 2026-01-15")]
    public void A_tax_rules_case_and_covered_days_are_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    // A span of days opened by "từ" whose last day is written without its year ("5/3", "19 tháng 4", "25-10", "2-4/12") is a
    // span of the tracked year; so is one whose last day is written with "." or "-" ("24.1.2026"). A first day after the last,
    // a span in a cell that says a frequency, and two days without "từ" read as before.
    [Theory]
    [InlineData("Từ ngày 4 đến 5/3 tổ chức giao nhận quân.", "continuous: 2025-03-05")]
    [InlineData("Từ ngày 17 đến 19 tháng 4 tổ chức đại hội.", "continuous: 2025-04-19")]
    [InlineData("Thời gian tiếp xúc từ ngày 7 đến 25-10.", "continuous: 2025-10-25")]
    [InlineData("Diễn ra từ ngày 2-4/12 tại Hà Nội.", "continuous: 2025-12-04")]
    [InlineData("Từ ngày 5 - 24.1.2026, chốt hồ sơ.", "continuous: 2026-01-24")]
    [InlineData("Từ ngày 7 đến 25-10-2025.", "continuous: 2025-10-25")]
    [InlineData("Hằng năm, gửi báo cáo từ ngày 10 đến ngày 15 tháng 12.", "recurring: Năm 2025-12-15")]
    [InlineData("Từ ngày 20 đến 5/3 tổ chức.", "once: 2025-03-05")]
    [InlineData("Trước ngày 5/3 tổ chức.", "once: 2025-03-05")]
    public void A_span_of_days_without_its_year_is_of_the_tracked_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "và kết thúc chậm nhất (vào)" closes a span as "và kết thúc" does, and after "bắt đầu từ" so does "và hoàn thành (vào)";
    // a part of the day ("sáng ngày") before the first day leaves it opened. "từ … và hoàn thành", without "bắt đầu", and
    // "hoàn thành" after a comma stay a deadline.
    [Theory]
    [InlineData("Bắt đầu từ ngày 01/3/2025 và kết thúc chậm nhất vào ngày 25/3/2025.", "continuous: 2025-03-25")]
    [InlineData("Tiếp nhận hồ sơ bắt đầu từ 7 giờ 30 phút sáng ngày 01/04/2025 và kết thúc vào ngày 25/04/2025.", "continuous: 2025-04-25")]
    [InlineData("Lấy ý kiến bắt đầu từ ngày 06 tháng 5 năm 2025 và hoàn thành vào ngày 05 tháng 6 năm 2025.", "continuous: 2025-06-05")]
    [InlineData("Triển khai từ ngày 01/3/2025 và hoàn thành vào ngày 25/3/2025.", "once: 2025-03-25")]
    [InlineData("Bắt đầu từ ngày 01/3/2025, hoàn thành vào ngày 25/3/2025.", "once: 2025-03-25")]
    public void Begun_from_and_finished_on_close_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A Tết named without a day ("dịp Tết Nguyên đán Bính Ngọ", "Tết Nguyên đán Ất Tỵ 2025", "đón Tết") inside the span of days
    // of a campaign is its occasion, not a date; "trật tự Tết" opens no span. "trước Tết", a Tết outside the span, and a Tết
    // alone stay dates.
    [Theory]
    [InlineData("Từ ngày 15/12/2025 đến ngày 15/3/2026, thực hiện cao điểm trấn áp tội phạm dịp Tết Nguyên đán Bính Ngọ.", "continuous: Quý IV/2025 2025-12-31 | 2026-03-15")]
    [InlineData("Đợt cao điểm dịp Tết Nguyên đán Ất Tỵ 2025 diễn ra từ ngày 15.12.2024 đến ngày 14.2.2025.", "continuous: Quý IV/2024 2024-12-31 | 2025-02-14")]
    [InlineData("Từ ngày 15/12/2025 đến ngày 16/3/2026, tăng cường lực lượng để nhân dân đón Tết.", "continuous: Quý IV/2025 2025-12-31 | 2026-03-16")]
    [InlineData("Từ ngày 15/12/2025 đến ngày 16/3/2026, đảm bảo an ninh, trật tự Tết Nguyên đán Bính Ngọ.", "continuous: Quý IV/2025 2025-12-31 | 2026-03-16")]
    [InlineData("Từ ngày 01/12/2025 đến ngày 31/12/2025 chuẩn bị; hoàn thành trước Tết Nguyên đán Bính Ngọ.", "phased: 2025-12-31 | Hoàn thành 2026-02-16")]
    [InlineData("Từ ngày 01/3/2026 đến ngày 31/3/2026 kiểm tra; tổng kết dịp Tết Nguyên đán Bính Ngọ.", "phased: Tổng kết dịp 2026-02-17 | 2026-03-31")]
    [InlineData("Tổ chức thăm hỏi dịp Tết Nguyên đán Bính Ngọ.", "once: 2026-02-17")]
    public void A_Tet_inside_a_campaign_span_is_its_occasion(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // As many days of one month as "trong N ngày" says, each the day after the one before, listed with "," and "và" ("trong 3
    // ngày (4, 5 và 6/3)", "trong 2 ngày 26 và 27/12/2025"), are a span of days. Days not in a row, a count that does not
    // match, or a list without the count stay the last day.
    [Theory]
    [InlineData("Lễ giao nhận quân diễn ra trong 3 ngày (4, 5 và 6/3) tại các địa phương.", "continuous: 2025-03-06")]
    [InlineData("Đại hội diễn ra trong 2 ngày 26 và 27/12/2025.", "continuous: 2025-12-27")]
    [InlineData("Hội nghị diễn ra trong 3 ngày 10, 11 và 12/6.", "continuous: 2025-06-12")]
    [InlineData("Trong 2 ngày 4 và 6/3 tổ chức kiểm tra.", "once: 2025-03-06")]
    [InlineData("Trong 3 ngày 26 và 27/12/2025 tổ chức đại hội.", "once: 2025-12-27")]
    [InlineData("Kiểm tra ngày 4, 5 và 6/3.", "once: 2025-03-06")]
    public void Days_of_one_month_listed_after_their_count_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A kind of document, "số" and a plain number ("Quyết định số 57 ngày 16/5/2025") cite a document: its day is when it was
    // issued, no deadline; a cell that only cites it defers to it. "hội nghị số 2 ngày …" names no document.
    [Theory]
    [InlineData("Căn cứ Quyết định số 57 ngày 16/5/2025 của Hội đồng, tổ chức hội nghị trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Căn cứ Thông báo số 668 ngày 4/12/2025, đại hội diễn ra trong 2 ngày 26 và 27/12/2025.", "continuous: 2025-12-27")]
    [InlineData("Thông báo số 668 ngày 4/12/2025", "event:")]
    [InlineData("Tổ chức hội nghị số 2 ngày 15/12/2025.", "once: 2025-12-15")]
    public void A_document_cited_with_a_plain_number_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Two days, each with its year, joined by "-" in the brackets after a phase's name are that phase's own span: one phase is
    // work over it, several are due each on its last day. After other words they are a span too, listed (two dates is the
    // other reading).
    [Theory]
    [InlineData("Giai đoạn 1 (05/01/2026 - 31/3/2026): Triển khai đối với hộ kinh doanh.", "continuous: Quý I 2026-03-31")]
    [InlineData("Giai đoạn I (05/01/2026 - 15/3/2026): Triển khai.", "continuous: 2026-03-15")]
    [InlineData("Giai đoạn 1 (05/01/2026 - 31/3/2026): Triển khai; Giai đoạn 2 (01/4/2026 - 30/6/2026): Nhân rộng.", "phased: Giai đoạn 1 2026-03-31 | Giai đoạn 2 2026-06-30")]
    [InlineData("Hội nghị (05/01/2026 - 31/3/2026): Triển khai.", "continuous: Quý I 2026-03-31")]
    public void Days_in_brackets_after_a_phase_are_its_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Days said before a span opened by "từ" ("trong 3 ngày từ ngày 2/12 đến hết ngày 4/12") are how long the span lasts, no
    // count from its first day; "kể từ", or "từ" a day that closes no span, still counts.
    [Theory]
    [InlineData("Hội nghị diễn ra trong 3 ngày từ ngày 2/12 đến hết ngày 4/12 tại Hà Nội.", "continuous: 2025-12-04")]
    [InlineData("Trong 3 ngày từ ngày 2/12/2025 đến ngày 4/12/2025, tổ chức đại hội.", "continuous: 2025-12-04")]
    [InlineData("Trong 3 ngày kể từ ngày 2/12/2025", "once: 2025-12-05")]
    [InlineData("3 ngày từ ngày 2/12/2025", "once: 2025-12-05")]
    public void Days_before_a_span_are_its_length(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year written with "năm" after an occasion's number ("lần thứ 2 năm 2025") names the occasion beside a day of that year,
    // or beside a day said as a deadline, as after a word; alone with a day of another year and no deadline word it stays.
    [Theory]
    [InlineData("Đại hội lần thứ 2 năm 2025 diễn ra từ ngày 2/12 đến hết ngày 4/12.", "continuous: 2025-12-04")]
    [InlineData("Đại hội lần thứ 2 năm 2025 diễn ra ngày 4/12/2025.", "once: 2025-12-04")]
    [InlineData("Kiểm tra lần thứ 2 năm 2026, báo cáo trước ngày 4/12/2025.", "once: 2025-12-04")]
    public void A_year_after_an_occasions_number_names_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A rate after a count ("02 ngày làm việc/01 đơn vị") says how much of it each unit takes; the count still starts where
    // ", tính từ …" says: from an act, an event; from the plan's issue, a date. A rate with no start stays unread.
    [Theory]
    [InlineData("Khoảng 02 ngày làm việc/01 đơn vị, tính từ ngày công bố Quyết định kiểm tra.", "event:")]
    [InlineData("Khoảng 02 ngày làm việc/01 đơn vị, tính từ ngày ban hành Kế hoạch.", "once: 2025-11-24")]
    [InlineData("Hoàn thành 05 ngày/hồ sơ.", "unknown:")]
    public void A_rate_after_a_count_keeps_its_start(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày N của kỳ báo cáo" with the periods in brackets: with the month among them, that day of every month; without it,
    // or without the brackets, the periods are not known and the cell stays unread.
    [Theory]
    [InlineData("Báo cáo về Sở Tài chính trước ngày 20 của kỳ báo cáo (tháng, quý, năm).", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    [InlineData("Báo cáo về Sở Tài chính trước ngày 20 của kỳ báo cáo (quý, năm).", "unknown:")]
    [InlineData("Báo cáo về Sở Tài chính trước ngày 20 của kỳ báo cáo.", "unknown:")]
    public void A_day_of_the_report_period_with_the_month_listed_is_monthly(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A report asked for "nếu … khó khăn, vướng mắc" waits for them, as "nếu có" does; beside a date the date is due. "nêu"
    // (to state) folds like "nếu" and is no condition.
    [Theory]
    [InlineData("Quá trình thực hiện, nếu địa phương gặp khó khăn, vướng mắc cần kịp thời báo cáo về Bộ.", "event:")]
    [InlineData("Nếu gặp khó khăn, vướng mắc, báo cáo về Sở Nội vụ trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Các đơn vị nêu rõ vướng mắc, gửi về Sở trước ngày 15/12/2025.", "once: 2025-12-15")]
    [InlineData("Các đơn vị nêu rõ khó khăn, vướng mắc.", "unknown:")]
    public void A_report_if_difficulties_arise_waits_for_them(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "hoàn thiện … vào năm 2026": to complete something in a year is done by its end; "trong năm" is work over the year, and
    // other verbs "vào năm" stay so.
    [Theory]
    [InlineData("Bộ đề nghị các địa phương duy trì kết quả, hoàn thiện cơ sở dữ liệu quốc gia về đất đai vào năm 2026.", "once: 2026-12-31")]
    [InlineData("Hoàn thiện cơ sở dữ liệu trong năm 2026.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Xây dựng cơ sở dữ liệu vào năm 2026.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void To_complete_in_a_year_is_by_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A year reached with "đến" or "tới" at the end of a purpose clause ("để", "nhằm") after an earlier date of its sentence is
    // how far the purpose reaches: the note. Two steps each with its year stay phased.
    [Theory]
    [InlineData("- Năm 2022: Hội đồng tiến hành sơ kết để làm cơ sở tiếp tục triển khai phong trào đến năm 2025.", "once: 2022-12-31")]
    [InlineData("Tổ chức sơ kết năm 2025 nhằm tiếp tục triển khai phong trào tới năm 2030.", "once: 2025-12-31")]
    [InlineData("Năm 2025: sơ kết; đến năm 2030: tổng kết.", "phased: 2025-12-31 | 2030-12-31")]
    public void A_purposes_reach_is_no_step(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A Tết said with "sau (dịp, kỳ) (nghỉ)" beside another date is when the work resumes, not a deadline; "trước Tết" stays a
    // date.
    [Theory]
    [InlineData("Bắt tay vào công việc sau dịp nghỉ tết, tập trung hoàn thành các công việc của tháng 02 và quý I năm 2025.", "phased: Tập trung hoàn thành các công việc 2025-02-28 | Tập trung hoàn thành các công việc 2025-03-31")]
    [InlineData("Sau kỳ nghỉ Tết, hoàn thành trong tháng 3/2025.", "once: 2025-03-31")]
    [InlineData("Trước Tết Nguyên đán 2025, hoàn thành trong tháng 3/2025.", "phased: 2025-01-28 | Hoàn thành 2025-03-31")]
    public void Work_resumed_after_Tet_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day said without its month before "hoặc" and a day with its month ("Ngày 15 hoặc 16/12/2025") is a day of that month:
    // the two are alternatives, the earlier due and flagged, as "15/12 hoặc 16/12/2025" is.
    [Theory]
    [InlineData("Ngày 15 hoặc 16/12/2025", "once: 2025-12-15")]
    [InlineData("Trước ngày 15 hoặc 16.12.2025", "once: 2025-12-15")]
    [InlineData("Ngày 15/12 hoặc 16/12/2025", "once: 2025-12-15")]
    [InlineData("Ngày 4 hoặc 5/3", "once: 2025-03-04")]
    public void A_day_before_or_takes_the_next_days_month(string phrase, string expected) => ReadsFlagged(phrase, expected, "hạn sớm hơn");

    [Fact]
    public void An_impossible_day_before_or_is_no_alternative()
    {
        var schedule = DeadlineParser.Parse("Ngày 30 hoặc 28/2/2025", Y2025);
        Assert.Equal("once: 2025-02-28", ScheduleText.Of(schedule));
        Assert.Null(schedule.Ambiguity);
    }

    // Rounds or sittings a year ("02 đợt/năm", "02 kỳ/năm") are read as times a year ("02 lần/năm"); once a quarter, a month
    // or a half year ("01 lần/quý", "1 lần/tháng", "1 lần/6 tháng") recurs each such period. A round's number before its month
    // ("Đợt 1 tháng 4") stays a phase, and "2 kỳ năm 2025" no frequency.
    [Theory]
    [InlineData("Tổ chức 02 đợt/năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("02 kỳ/năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("01 lần/quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("1 đợt/quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("1 lần/6 tháng", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("2 kỳ năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Rounds_a_period_recur(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A due date said before Tết binds on the last working day before it, not the next one after the holiday (which would be
    // after Tết); any other day off still moves forward (Bộ luật Dân sự 2015, Điều 148).
    [Theory]
    [InlineData("Trước Tết Nguyên đán 2026", 2026, "2026-02-16", "2026-02-13")]
    [InlineData("Trước Tết Nguyên đán 2025", 2025, "2025-01-28", "2025-01-24")]
    [InlineData("Gửi chậm nhất 24 ngày trước Tết Nguyên đán 2026", 2026, "2026-01-24", "2026-01-23")]
    [InlineData("Trước ngày 24/01/2026", 2026, "2026-01-24", "2026-01-26")]
    public void A_day_before_Tet_binds_before_the_holiday(string phrase, int year, string due, string effective)
    {
        var milestone = Assert.Single(DeadlineParser.Parse(phrase, new DeadlineContext(year, null, RepositoryData.Calendar)).Milestones);
        Assert.Equal((due, effective), (milestone.Due.ToString("yyyy-MM-dd", null), milestone.Effective.ToString("yyyy-MM-dd", null)));
    }

    // A year or half-year right after "tổng kết" or "sơ kết", with a day of a later date a few words after it, is the period
    // reviewed on that day: the note. A day in another clause is another step.
    [Theory]
    [InlineData("Hội nghị tổng kết năm 2025 ngày 15/01/2026", "once: 2026-01-15")]
    [InlineData("Tổ chức Hội nghị tổng kết công tác năm 2025 vào ngày 15/01/2026", "once: 2026-01-15")]
    [InlineData("Sơ kết 6 tháng đầu năm 2026 vào ngày 10/7/2026", "once: 2026-07-10")]
    [InlineData("Tổng kết năm 2025; ngày 15/01/2026 báo cáo", "phased: Tổng kết 2025-12-31 | 2026-01-15")]
    public void A_period_reviewed_on_a_later_day_is_its_subject(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "Đột xuất" (unscheduled) alone waits for the request or the occurrence: an event. Beside a period or a date it is the
    // extra report, the note.
    [Theory]
    [InlineData("Đột xuất", "event:")]
    [InlineData("Báo cáo đột xuất", "event:")]
    [InlineData("Định kỳ hằng năm hoặc đột xuất", "recurring: Năm 2025-12-31")]
    [InlineData("Đột xuất và định kỳ hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Đột xuất, trước ngày 15/12/2025", "once: 2025-12-15")]
    public void Unscheduled_alone_is_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày thứ 90 kể từ ngày kết thúc năm tài chính": the ninetieth day after each year's end, every year (its unit before its
    // count once made the reading fault).
    [Theory]
    [InlineData("Định kỳ hàng năm, chậm nhất là ngày thứ 90 kể từ ngày kết thúc năm tài chính, doanh nghiệp nộp báo cáo quyết toán", "recurring: Năm 2026-03-31")]
    public void The_nth_day_after_the_years_end_recurs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // With a dot and no year, a number that cannot be a day and month, or one after "số", numbers a form or a decimal: no date,
    // and no impossible date to refuse the cell for.
    [Theory]
    [InlineData("Định kỳ hằng quý báo cáo theo mẫu biểu từ số 54 đến số 56.1, 56.2 Phụ lục I", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hoàn thành trước ngày 31.12, tỷ lệ đạt 45.5%", "once: 2025-12-31")]
    [InlineData("Ngày 31.2", "unknown:")]
    public void A_dotted_number_that_is_no_day_is_no_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day of every month is a date the duty keeps, whatever timetable its work follows ("theo Kế hoạch"); in a cell that opens
    // with its duty's frequency ("Định kỳ hằng năm …"), a timetable later is how the work goes. A period alone with a timetable
    // ("Theo kế hoạch công tác hằng năm") still waits for it.
    [Theory]
    [InlineData("Trước ngày 25 hằng tháng báo cáo tình hình thực hiện nhiệm vụ theo Kế hoạch của Bộ.", "recurring: Tháng 1 2025-01-25 | Tháng 2 2025-02-25 | Tháng 3 2025-03-25 | Tháng 4 2025-04-25 | Tháng 5 2025-05-25 | Tháng 6 2025-06-25 | Tháng 7 2025-07-25 | Tháng 8 2025-08-25 | Tháng 9 2025-09-25 | Tháng 10 2025-10-25 | Tháng 11 2025-11-25 | Tháng 12 2025-12-25")]
    [InlineData("Định kỳ hằng năm tổ chức kiểm tra, đánh giá kết quả thí điểm theo lộ trình.", "recurring: Năm 2025-12-31")]
    [InlineData("Theo kế hoạch công tác hằng năm", "event:")]
    public void A_day_of_every_month_is_kept_beside_a_timetable(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // Words that fold like a time word and are none: "đăng ký hợp tác xã" is no "kỳ họp"; "làm xuyên lễ tết" (through the
    // holidays) says how, not when; "năm mới 2026" names the New Year, an occasion. After a duty of every month, "tháng tới" is
    // each month's next, not one month from the issue date; "ngày 25 của tháng" with nothing naming the month is every month's.
    [Theory]
    [InlineData("Cơ quan đăng ký hợp tác xã cấp tỉnh tổng hợp, gửi các cơ quan có liên quan.", "unknown:")]
    [InlineData("Trình HĐND tại kỳ họp cuối năm", "event:")]
    [InlineData("Hoàn thành trước ngày 15/1/2026, làm xuyên lễ tết.", "once: 2026-01-15")]
    [InlineData("Biểu diễn văn nghệ đón chào năm mới 2026 trong 02 đêm: ngày 31 tháng 12 năm 2025 và ngày 01 tháng 01 năm 2026", "phased: 2025-12-31 | 2026-01-01")]
    [InlineData("Trước ngày 15 hằng tháng, dự báo nhu cầu để lập kế hoạch vận hành tháng tới.", "recurring: Tháng 1 2025-01-15 | Tháng 2 2025-02-15 | Tháng 3 2025-03-15 | Tháng 4 2025-04-15 | Tháng 5 2025-05-15 | Tháng 6 2025-06-15 | Tháng 7 2025-07-15 | Tháng 8 2025-08-15 | Tháng 9 2025-09-15 | Tháng 10 2025-10-15 | Tháng 11 2025-11-15 | Tháng 12 2025-12-15")]
    [InlineData("Định kỳ trước ngày 25 của tháng, thông báo công khai lịch kiểm tra của tháng tiếp theo.", "recurring: Tháng 1 2025-01-25 | Tháng 2 2025-02-25 | Tháng 3 2025-03-25 | Tháng 4 2025-04-25 | Tháng 5 2025-05-25 | Tháng 6 2025-06-25 | Tháng 7 2025-07-25 | Tháng 8 2025-08-25 | Tháng 9 2025-09-25 | Tháng 10 2025-10-25 | Tháng 11 2025-11-25 | Tháng 12 2025-12-25")]
    [InlineData("Trước ngày 25 của tháng 3/2025", "once: 2025-03-25")]
    public void Words_that_fold_like_time_words_are_read_for_what_they_say(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day opened by "từ" and an hour after midnight, with nothing closing it, is when an occasion starts that day; from
    // midnight, or without an hour, it still opens a span to the year's end.
    [Theory]
    [InlineData("Đợt 1: Từ 13h30 ngày 02/6/2025 (Thứ Hai).", "once: 2025-06-02")]
    [InlineData("Từ 8 giờ ngày 02/6/2025", "once: 2025-06-02")]
    [InlineData("Từ 0 giờ ngày 01/7/2025", "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Từ ngày 01/7/2025", "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_start_at_an_hour_is_that_days_occasion(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "thường xuyên" before a verb, after a closed span of days of its year, is how the work goes during the span.
    [Theory]
    [InlineData("Từ ngày 30/4/2025 đến hết ngày 03/5/2025, các đơn vị bố trí trực; thường xuyên nắm tình hình.", "continuous: 2025-05-03")]
    [InlineData("Từ ngày 30/4/2025 đến hết ngày 03/5/2025; thường xuyên", "phased: 2025-05-03 | 2025-12-31")]
    public void Ongoing_words_during_a_span_are_its_manner(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day opening the cell before a clause of what has already ("đã") been done is when that happened: beside a later
    // deadline, the note. After a full date or span of its sentence, "trước khi" says what comes next, not an event to wait for.
    [Theory]
    [InlineData("Ngày 08/6/2025, Bộ đã có công văn đề nghị các Sở báo cáo và gửi về Bộ trước ngày 20/6/2025.", "once: 2025-06-20")]
    [InlineData("Xin ý kiến trong vòng 05 ngày (từ ngày 07/10/2025-11/10/2025) trước khi trình cấp có thẩm quyền.", "continuous: 2025-10-11")]
    [InlineData("Trước khi trình cấp có thẩm quyền, xin ý kiến Nhân dân.", "event:")]
    public void Past_acts_and_next_steps_are_no_deadlines(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A span from the plan's issue date that closes at an event ("đến khi …") waits for it, as "Từ nay đến khi …" and "Từ tháng
    // 10/2025 đến khi kết thúc kiểm kê" do; closed at a date it is work over the span.
    [Theory]
    [InlineData("Từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội XIV", "event: Quý IV 2025-12-31")]
    [InlineData("Từ nay đến khi kết thúc kiểm kê", "event: Quý IV 2025-12-31")]
    [InlineData("Từ ngày ban hành Kế hoạch đến hết năm 2025", "continuous: Quý IV 2025-12-31")]
    public void A_span_from_the_issue_date_to_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // What is to be reached ("đạt") by the end of a year, said after "đến hết năm", is a target by then; "đến hết năm" alone is
    // work until then.
    [Theory]
    [InlineData("Kết quả dự kiến đến hết năm 2025 số trạm 5G đạt 68.457 trạm.", "once: 2025-12-31")]
    [InlineData("Triển khai đến hết năm 2025, bảo đảm chất lượng đạt yêu cầu.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_target_reached_by_a_years_end_is_due_then(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A second day said as a deadline after "trường hợp" (a case), following the rule's own deadline, is that case's: the note.
    // A case said first, before the only deadline, is the rule's case.
    [Theory]
    [InlineData("Đánh giá trước ngày 15 tháng 12 hằng năm, trường hợp đặc biệt thì hoàn thành trước ngày 15 tháng 01 năm sau.", "recurring: Năm 2025-12-15")]
    [InlineData("Hoàn thành trước ngày 15/12/2025; trường hợp chưa hoàn thành thì chậm nhất ngày 15/01/2026.", "once: 2025-12-15")]
    [InlineData("Trường hợp chưa nộp thì nộp trước ngày 15/01/2026.", "once: 2026-01-15")]
    [InlineData("Trước ngày 15/12/2025 nộp hồ sơ; trước ngày 15/01/2026 báo cáo.", "phased: 2025-12-15 | 2026-01-15")]
    public void A_special_cases_deadline_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "của năm trước năm kế hoạch": each plan is filed in the year before the one it plans, so the day is the tracked year's,
    // every year. "năm dương lịch tiếp theo năm tính thuế": the calendar year after the tax year, the one reported on.
    [Theory]
    [InlineData("Gửi đề xuất trước ngày 01 tháng 10 của năm trước năm kế hoạch", "recurring: Năm 2025-10-01")]
    [InlineData("Nộp hồ sơ chậm nhất ngày 15 tháng 8 của năm trước năm kế hoạch", "recurring: Năm 2025-08-15")]
    [InlineData("Nộp tờ khai chậm nhất ngày 30 tháng 4 của năm dương lịch tiếp theo năm tính thuế", "recurring: Năm 2026-04-30")]
    [InlineData("Hoàn thành trước ngày 01 tháng 10 năm sau", "once: 2026-10-01")]
    public void A_year_before_the_plan_or_after_the_tax_year_recurs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "kể từ thời điểm kết thúc kỳ báo cáo" reads as "kể từ ngày (khi) kết thúc …"; several periods named before are counted
    // from the ends of the shortest (a year ends with its second half, its fourth quarter). An activity's end stays an event.
    [Theory]
    [InlineData("Định kỳ 06 tháng và hằng năm gửi báo cáo trong vòng 10 ngày kể từ thời điểm kết thúc kỳ báo cáo", "recurring: 6 tháng đầu năm 2025-07-10 | 6 tháng cuối năm 2026-01-10")]
    [InlineData("Báo cáo hằng quý và hằng năm chậm nhất 15 ngày kể từ ngày kết thúc kỳ báo cáo", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Báo cáo hằng quý trong vòng 10 ngày kể từ thời điểm kết thúc kỳ báo cáo", "recurring: Quý I 2025-04-10 | Quý II 2025-07-10 | Quý III 2025-10-10 | Quý IV 2026-01-10")]
    [InlineData("Gửi biên bản trong vòng 05 ngày kể từ thời điểm kết thúc cuộc họp", "event:")]
    public void Counted_from_the_moment_a_report_period_ends(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // "ngày thứ N" past 7 is the Nth day of the month named after it ("ngày thứ 2" to "thứ 7" may be a weekday): "ngày thứ 20 của
    // tháng đầu tiên quý tiếp theo" is that day of each next quarter's first month.
    [Theory]
    [InlineData("Hằng quý, chậm nhất ngày thứ 20 của tháng đầu tiên quý tiếp theo", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("Chậm nhất ngày 20 tháng đầu tiên của quý tiếp theo", "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    [InlineData("Chậm nhất là ngày thứ 10 kể từ ngày phát sinh nghĩa vụ thuế", "event:")]
    public void An_ordinal_day_of_the_next_quarters_first_month_recurs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    // A day in the clause opening the cell with "Đối với" (up to its comma) or "Trường hợp" (up to "thì") says which cases the
    // rule is for: beside a later day it is the note. Several cases listed each keep their day.
    [Theory]
    [InlineData("Đối với các công trình khởi công trước ngày 01/3/2025, chủ đầu tư phải hoàn thành hồ sơ trước ngày 30/9/2025", "once: 2025-09-30")]
    [InlineData("a) Đối với hồ sơ tiếp nhận trước ngày 01 tháng 4 năm 2025, cơ quan xử lý xong không chậm hơn ngày 30 tháng 6 năm 2025", "once: 2025-06-30")]
    [InlineData("Trường hợp hợp đồng ký từ ngày 01 tháng 5 năm 2025 trở đi thì chậm nhất đến ngày 31 tháng 12 năm 2025 phải đăng ký", "once: 2025-12-31")]
    public void A_day_in_the_opening_case_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Days_of_several_listed_cases_stay_deadlines()
    {
        var schedule = DeadlineParser.Parse("Đối với cấp xã trước ngày 15/3/2025, đối với cấp tỉnh trước ngày 30/3/2025", Y2025);
        Assert.Equal(["2025-03-15", "2025-03-30"], schedule.Milestones.Select(m => m.Due.ToString("yyyy-MM-dd", null)));
    }
    /// <summary>A span said with "bắt đầu … kết thúc …", the hour's comma, "lúc" and a colon after each word, is one span.</summary>
    [Theory]
    [InlineData("Cuộc thi được tổ chức trong thời gian bắt đầu từ 07 giờ 00 phút, ngày 01/10/2025 đến 24 giờ 00 phút, ngày 15/10/2025.", "continuous: 2025-10-15")]
    [InlineData("Thời gian bắt đầu bình chọn từ 15h00 ngày 18-12-2025, và kết thúc lúc 15h00 ngày 28-12-2025.", "continuous: 2025-12-28")]
    [InlineData("Thời gian bắt đầu: 15/12/2025 - Thời gian kết thúc: 24/12/2025", "continuous: 2025-12-24")]
    public void A_span_said_with_its_start_and_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A count back from when a licence expires ("hết hạn", "hết hiệu lực") waits for that day, which the cell does
    /// not give; "06 tháng" there is no half-year.</summary>
    [Theory]
    [InlineData("Trước khi hết hạn 06 tháng, cơ sở có trách nhiệm nộp hồ sơ đăng ký cấp lại Giấy chứng nhận.", "event:")]
    [InlineData("a) Chậm nhất 45 ngày trước thời điểm Giấy phép nhận chìm ở biển hết hiệu lực", "event:")]
    public void A_count_back_from_an_expiry_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_last_day_of_the_next_month_is_every_months()
    {
        var schedule = DeadlineParser.Parse("Thời hạn đóng kinh phí chậm nhất là ngày cuối cùng của tháng tiếp theo", Y2025);

        Assert.Equal(ScheduleKind.Recurring, schedule.Kind);
        Assert.Equal(12, schedule.Milestones.Count);
        Assert.Equal(new LocalDate(2025, 2, 28), schedule.Milestones[0].Due);
        Assert.Equal(new LocalDate(2026, 1, 31), schedule.Milestones[^1].Due);
    }
    /// <summary>Tax periods listed before a deadline written with its year are what the payment is for, not phases.</summary>
    [Theory]
    [InlineData("b) Kỳ tính thuế tháng 6, tháng 7, tháng 8 và tháng 9 năm 2025 chậm nhất là ngày 21 tháng 12 năm 2025;", "once: 2025-12-21")]
    [InlineData("Hồ sơ khai thuế tháng 1, tháng 2, tháng 3 năm 2026 gửi cơ quan thuế chậm nhất là ngày 20 tháng 4 năm 2026;", "once: 2026-04-20")]
    [InlineData("Hoàn thành dự thảo tháng 6, tháng 7 năm 2026; trình ban hành chậm nhất là ngày 21 tháng 12 năm 2026", "phased: Hoàn thành dự thảo 2026-06-30 | Hoàn thành dự thảo 2026-07-31 | Trình ban hành 2026-12-21")]
    [InlineData("Tháng 6, tháng 7 và tháng 9 năm 2026", "phased: 2026-06-30 | 2026-07-31 | 2026-09-30")]
    public void Tax_periods_listed_before_the_day_are_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>A notice of the year's turnover is the taxpayer's report: the next year's day, every year; what arose "trong
    /// năm" is what it covers.</summary>
    [Theory]
    [InlineData("Cá nhân kinh doanh thông báo doanh thu thực tế phát sinh trong năm với cơ quan thuế chậm nhất là ngày 31 tháng 01 của năm dương lịch tiếp theo.", "recurring: Năm 2026-01-31")]
    [InlineData("Hoàn thành kiểm tra các khoản chi phát sinh trong năm nay", "once: 2025-12-31")]
    public void A_notice_of_the_years_turnover_is_every_years(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>"trong năm" in what a programme includes is its content's year; a term said with "thời hạn … là" and nothing
    /// it counts from waits for the case its clause names.</summary>
    [Theory]
    [InlineData("Chương trình công tác năm: Xây dựng hàng năm, bao gồm các đề án, kế hoạch cần thực hiện trong năm.", "recurring: Năm 2025-12-31")]
    [InlineData("Báo cáo hằng năm kết quả thực hiện trong năm.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("a) Vi phạm dẫn đến bị thu hồi đất, thời hạn hoàn trả chậm nhất là 01 tháng;", "event:")]
    [InlineData("Thời hạn hoàn trả là 30 ngày kể từ ngày ban hành", "once: 2025-12-20")]
    public void Content_years_and_terms_without_a_start(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>A month named in words, with its capital and its year, is that month; without a year it names nothing.</summary>
    [Theory]
    [InlineData("Hoàn thành trong tháng Tám năm 2026", "once: 2026-08-31")]
    [InlineData("Tháng Mười/2025", "once: 2025-10-31")]
    [InlineData("Tháng Mười Hai năm 2026", "once: 2026-12-31")]
    [InlineData("Tháng Tư năm 2026", "once: 2026-04-30")]
    [InlineData("Kỷ niệm Cách mạng tháng Tám, Quý III/2025", "once: 2025-09-30")]
    public void A_month_named_in_words_with_its_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>A month in brackets right after a session's number is when it sits: the deadline, the programme's year its note.</summary>
    [Theory]
    [InlineData("Bổ sung dự án Luật vào Chương trình lập pháp năm 2026, trình Quốc hội thông qua tại Kỳ họp thứ 2 (tháng 10/2026).", "once: 2026-10-31")]
    [InlineData("Trình Quốc hội thông qua tại Kỳ họp thứ 2 (tháng 10/2026).", "once: 2026-10-31")]
    [InlineData("Triển khai kế hoạch xây dựng xã không ma túy năm 2026; thành lập Hội đồng cấp xã (hoàn thành trong tháng 4/2026).", "once: 2026-04-30")]
    public void A_sessions_month_in_brackets_is_the_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>"chậm nhất" after "đến", and an hour written "17g00", still close a span; "tháng liền kề" is the next month.</summary>
    [Theory]
    [InlineData("Từ 15/5/2025 đến chậm nhất 17g00 ngày 19/5/2025: cha mẹ học sinh nộp hồ sơ", "continuous: 2025-05-19")]
    [InlineData("Từ 20/5/2025 đến chậm nhất ngày 23/5/2025", "continuous: 2025-05-23")]
    public void A_span_closed_by_a_deadline_and_its_hour(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void A_day_of_the_adjoining_month_is_the_next_months()
    {
        var schedule = DeadlineParser.Parse("Công bố chỉ số trước ngày 05 của tháng liền kề", Y2025);

        Assert.Equal(ScheduleKind.Recurring, schedule.Kind);
        Assert.Equal(new LocalDate(2025, 2, 5), schedule.Milestones[0].Due);
        Assert.Equal(new LocalDate(2026, 1, 5), schedule.Milestones[^1].Due);
    }
    /// <summary>Hours written with a dot before their day are no dates; another document's milestones are its timetable.</summary>
    [Theory]
    [InlineData("Thời gian bắn: Từ 22.00 đến 22.08 ngày 10 tháng 8 năm 2025 (theo hiệp đồng).", "once: 2025-08-10")]
    [InlineData("Từ 07.30 ngày 15/12/2025", "once: 2025-12-15")]
    [InlineData("Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh", "event:")]
    public void Clock_times_and_another_documents_milestones(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
    /// <summary>A half-year period named after a report counted from a half's end is that report's frequency.</summary>
    [Fact]
    public void A_half_year_named_after_a_count_from_its_end_is_the_same_duty()
    {
        var schedule = DeadlineParser.Parse("a) Trong thời hạn 60 ngày kể từ ngày kết thúc 06 tháng đầu năm tài chính, doanh nghiệp công bố thông tin định kỳ 06 tháng;", Y2025);

        Assert.Equal("recurring: 6 tháng đầu năm 2025-08-29", ScheduleText.Of(schedule));
    }
    /// <summary>"nếu có" closing a bracket in the subject, "theo thời điểm" before period words, and the working day after an
    /// undated act.</summary>
    [Theory]
    [InlineData("b) Giá ca máy (gồm giá thuê máy nếu có) được công bố theo định kỳ hàng năm hoặc sớm hơn khi cần thiết;", "recurring: Năm 2025-12-31")]
    [InlineData("Chỉ số giá được xác định theo thời điểm tháng, quý, năm và công bố theo định kỳ hàng quý;", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Theo thời điểm có nhu cầu", "event:")]
    [InlineData("Lập hóa đơn chậm nhất không quá ngày làm việc tiếp theo kể từ ngày hàng hóa được thông quan", "event:")]
    public void Subject_brackets_index_periods_and_the_next_working_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
