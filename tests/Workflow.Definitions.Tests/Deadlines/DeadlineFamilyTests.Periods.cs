using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Report periods and their days: periods named twice before a count from their end, periods listed after a day
/// of the quarter's last month, the reporting period ("kỳ báo cáo từ … đến …") beside the window to send in, and a second
/// report at a council session beside a periodic duty.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A period named as the frequency and again as the report's label, then counted from its end, has only the
    /// counted days, no ends of its own.</summary>
    [Theory]
    [InlineData("Gửi báo cáo theo định kỳ hàng quý và hàng năm. Báo cáo quý: Chậm nhất là 30 ngày, kể từ ngày kết thúc quý. Báo cáo năm: Chậm nhất là 90 ngày, kể từ ngày kết thúc năm.",
        "recurring: Quý I 2025-04-30 | Quý II 2025-07-30 | Quý III 2025-10-30 | Quý IV 2026-01-30 | Năm 2026-03-31")]
    [InlineData("Báo cáo hằng quý; báo cáo quý gửi trong 15 ngày sau khi kết thúc quý.",
        "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void A_period_named_twice_before_a_count_from_its_end_has_only_the_counted_days(string phrase, string expected) =>
        Assert.Equal(expected, Read(phrase));

    /// <summary>Six months, nine months and the year listed after "tháng cuối của quý" end with a quarter: they take that day
    /// of their last month, which is a quarter's day.</summary>
    [Theory]
    [InlineData("Định kỳ trước ngày 10 tháng cuối của quý, 6 tháng, 9 tháng và 1 năm, các đơn vị báo cáo Bộ.",
        "recurring: Quý I 2025-03-10 | Quý II 2025-06-10 | Quý III 2025-09-10 | Quý IV 2025-12-10")]
    [InlineData("Trước ngày 20 tháng cuối quý, 6 tháng đầu năm và cả năm, gửi báo cáo.",
        "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    public void Periods_listed_after_the_quarters_last_month_take_its_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Kỳ báo cáo từ … đến …" defines the period the data covers, as "kỳ báo cáo … được tính từ" does: beside the
    /// window or day to send in after it, the note.</summary>
    [Theory]
    [InlineData("Báo cáo quý: Kỳ báo cáo từ ngày 16 của tháng cuối quý trước đến ngày 15 tháng cuối của quý báo cáo; thời gian báo cáo từ ngày 16 đến ngày 20 của tháng cuối quý báo cáo;",
        "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("Báo cáo năm: Kỳ báo cáo từ ngày 01/01 đến ngày 31/12; gửi báo cáo trước ngày 15/01 năm sau.", "recurring: Năm 2026-01-15")]
    public void The_reporting_period_beside_a_deadline_is_the_note(string phrase, string expected)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(expected, ScheduleText.Of(schedule));
        Assert.Contains("Kỳ báo cáo từ ngày", schedule.Note, StringComparison.Ordinal);
    }

    /// <summary>A second report at a council session, joined by "và" to a periodic duty's report, is an extra occasion: the
    /// duty keeps its period's dates. One report at a session still waits for it.</summary>
    [Theory]
    [InlineData("định kỳ hằng quý báo cáo Ủy ban Thường vụ Quốc hội và báo cáo Quốc hội tại kỳ họp gần nhất.",
        "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hàng năm, Ủy ban nhân dân Thành phố báo cáo Hội đồng nhân dân Thành phố kết quả triển khai quy hoạch tại kỳ họp thường lệ cuối năm.", "event:")]
    public void A_second_report_at_a_session_beside_a_periodic_duty_is_its_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"N tháng đầu năm" is the first N months, due at the end of month N; 6 is the half-year, and 3 or 9 without a year
    /// written are the quarter's and nine months' reports (the corpus's "Ước tính 9 tháng đầu năm báo cáo" keeps its reading).</summary>
    [Theory]
    [InlineData("Trong 5 tháng đầu năm 2026", "once: 2026-05-31")]
    [InlineData("10 tháng đầu năm 2025", "once: 2025-10-31")]
    [InlineData("Trong năm tháng đầu năm 2026", "once: 2026-05-31")]
    [InlineData("9 tháng đầu năm 2026", "once: 2026-09-30")]
    [InlineData("Trong 6 tháng đầu năm 2026", "once: 2026-06-30")]
    public void The_first_months_of_a_year_end_with_the_last_of_them(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A quarterly duty with a day in each quarter's last month is due on those days, each its quarter's; days in a
    /// quarter's first month keep their reading.</summary>
    [Theory]
    [InlineData("Định kỳ hằng quý (trước ngày 20/3, 20/6, 20/9, 20/12)", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("Báo cáo quý trước ngày 15/3, 15/6, 15/9 và 15/12 hằng năm", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    public void A_quarterly_duty_with_its_four_days_is_due_on_them(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Two full days, each with its year, are a span when "đến" joins them and a span listed when a dash does; two
    /// quarters joined by a dash stay a list, as the seed plans write them.</summary>
    [Theory]
    [InlineData("05/01/2026 đến 31/3/2026", "continuous: Quý I 2026-03-31", false)]
    [InlineData("20/12/2025 – 25/12/2025", "continuous: 2025-12-25", true)]
    [InlineData("Quý I/2026 - Quý II/2026", "phased: 2026-03-31 | 2026-06-30", false)]
    public void Two_full_days_joined_are_a_span(string phrase, string expected, bool listed)
    {
        Assert.Equal(expected, Read(phrase));
        Assert.Equal(listed, DeadlineParser.Parse(phrase, Y2025).Ambiguity is not null);
    }

    /// <summary>"… và những năm tiếp theo" says the work goes on after the years given: their reading is kept and the words
    /// stay whole in the note (it was "tiếp theo").</summary>
    [Theory]
    [InlineData("Năm 2026 và những năm tiếp theo", "và những năm tiếp theo")]
    [InlineData("Quý IV năm 2025 và các năm tiếp theo", "và các năm tiếp theo")]
    public void The_years_after_stay_whole_in_the_note(string phrase, string note) =>
        Assert.Equal(note, DeadlineParser.Parse(phrase, new DeadlineContext(2026, null, RepositoryData.Calendar)).Note);
}
