namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the twenty-seventh and twenty-eighth harvests' misses: what "ban hành" counts from,
/// a request or a later notice as the condition, a case's later deadline, a task to finish within an opening year.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A count from issuing a thing named after "ban hành" that is not the plan (a rule, a price table, a decision
    /// still to be made) waits for that act. From "ban hành" alone, "Kế hoạch", a document named with "này" or a document's
    /// kind alone, it still counts from the issue date.</summary>
    [Theory]
    [InlineData("2. Trong thời hạn 10 ngày kể từ ngày ban hành nội quy lao động, người sử dụng lao động phải nộp hồ sơ đăng ký nội quy lao động.", "event:")]
    [InlineData("Trong thời hạn 05 ngày làm việc kể từ ngày ký ban hành quy chế tổ chức, hoạt động của trường, hiệu trưởng gửi các cơ quan.", "event:")]
    [InlineData("Chậm nhất là 30 ngày làm việc kể từ ngày ban hành quyết định phê duyệt kế hoạch kiểm tra.", "event:")]
    [InlineData("Trong thời hạn 15 ngày kể từ ngày quyết định ban hành bảng giá đất, Ủy ban nhân dân cấp tỉnh gửi kết quả về Bộ.", "event:")]
    [InlineData("Chậm nhất 03 ngày kể từ ngày ban hành Quyết định.", "once: 2025-11-23")]
    [InlineData("30 ngày kể từ ngày ban hành Thông tư này", "once: 2025-12-20")]
    [InlineData("30 ngày kể từ ngày ban hành văn bản này", "once: 2025-12-20")]
    [InlineData("10 ngày kể từ ngày ban hành Kế hoạch", "once: 2025-11-30")]
    [InlineData("10 ngày kể từ ngày ban hành, các đơn vị báo cáo.", "once: 2025-11-30")]
    [InlineData("30 ngày kể từ ngày ban hành Bộ tiêu chí", "once: 2025-12-20")]
    public void A_count_from_issuing_another_thing_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"hằng năm" naming the plan the awaited act concerns ("Kế hoạch, chuyên đề kiểm tra hằng năm") makes no yearly
    /// milestone beside the event.</summary>
    [Theory]
    [InlineData("Kế hoạch, chuyên đề kiểm tra hằng năm phải được công khai chậm nhất là 30 ngày làm việc kể từ ngày ban hành quyết định phê duyệt kế hoạch.", "event:")]
    [InlineData("Báo cáo hằng năm chậm nhất là 30 ngày kể từ ngày Chính phủ ban hành Nghị định", "event: Năm 2025-12-31")]
    public void A_period_naming_the_plan_an_event_concerns_is_no_milestone(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"khi có yêu cầu", "khi có đề nghị" wait for the request even after a purpose clause, when the cell says no
    /// date; beside a date, or another "khi" after "để", it is still the purpose's.</summary>
    [Theory]
    [InlineData("Các Bộ xuất cấp phương tiện theo đề nghị của địa phương để hỗ trợ khắc phục hậu quả khi có yêu cầu của địa phương./.", "event:")]
    [InlineData("Chuẩn bị hồ sơ để sẵn sàng kết nối khi hoàn thành hệ thống.", "unknown:")]
    [InlineData("Hoàn thành trong năm 2026 để kịp đưa vào sử dụng khi có yêu cầu", "once: 2026-12-31")]
    public void A_request_after_a_purpose_clause_is_still_the_condition(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"sẽ (có) thông báo (cụ thể) sau": another body's later notice decides when; beside a date the date stays.</summary>
    [Theory]
    [InlineData("- Thời gian tổng kết, trao giải (Ban Tổ chức sẽ có thông báo cụ thể sau).", "event:")]
    [InlineData("Sở GDĐT sẽ thông báo sau.", "event:")]
    [InlineData("Tổng kết vào tháng 12/2025 (Ban Tổ chức sẽ có thông báo cụ thể sau).", "once: 2025-12-31")]
    public void A_later_notice_defers_the_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A later day after "; trường hợp …" whose clause speaks of coming "sau thời hạn" (after the deadline said) is
    /// that case's: the note. Two steps, each with its day, stay phased.</summary>
    [Theory]
    [InlineData("Việc tặng quà phải hoàn thành trong ngày 01/9/2025; trường hợp vì lý do khách quan, người dân được nhận quà sau thời hạn này, nhưng chậm nhất không quá ngày 15/9/2025.", "once: 2025-09-01")]
    [InlineData("- Thời gian chi trả: tập trung từ ngày 31 tháng 8 năm 2025 đến hết ngày 01 tháng 9 năm 2025; trường hợp khách quan có thể nhận quà sau thời hạn này, nhưng không muộn hơn ngày 15 tháng 9 năm 2025.", "continuous: 2025-09-01")]
    [InlineData("Tiếp nhận hồ sơ trong ngày 01/9/2025; trả kết quả trong ngày 15/9/2025.", "phased: Tiếp nhận hồ sơ 2025-09-01 | Trả kết quả 2025-09-15")]
    public void A_later_day_of_a_case_past_the_deadline_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Trong năm N, (cơ bản) hoàn thành …" opening its clause is due by the year's end, as "Hoàn thành trong năm N";
    /// "Trong năm N, triển khai …" stays work over the year.</summary>
    [Theory]
    [InlineData("- Trong năm 2026, cơ bản hoàn thành việc rà soát, thể chế hoá các chủ trương.", "once: 2026-12-31")]
    [InlineData("Trong năm 2025, hoàn thành việc rà soát văn bản.", "once: 2025-12-31")]
    [InlineData("Trong năm 2025, triển khai việc rà soát văn bản.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_task_to_finish_within_an_opening_year_is_due_by_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
