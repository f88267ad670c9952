namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-first harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"theo từng giai đoạn, hằng năm trình cấp có thẩm quyền phê duyệt": the frequency said right after a plan for
    /// each stage is the duty's timetable; "Theo từng nhiệm vụ" alone still waits.</summary>
    [Theory]
    [InlineData("Xây dựng kế hoạch sử dụng nhà giáo theo từng giai đoạn, hằng năm trình cấp có thẩm quyền phê duyệt.", "recurring: Năm 2025-12-31")]
    [InlineData("Theo từng nhiệm vụ cụ thể", "event:")]
    public void A_stage_beside_a_yearly_plan_is_no_deferral(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"theo quy định của pháp luật" (the law in general) says how the work is done, not when; "theo quy định của
    /// Chính phủ" still defers to another body.</summary>
    [Theory]
    [InlineData("c) Theo dõi việc thực hiện các quyền trẻ em theo quy định của pháp luật; xây dựng báo cáo hằng năm hoặc đột xuất về việc thực hiện quyền trẻ em.", "recurring: Năm 2025-12-31")]
    [InlineData("Theo quy định của Chính phủ", "event:")]
    public void The_law_in_general_sets_no_timetable(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"quỹ tiền thưởng năm trước và báo cáo …": the year before is what the fund is of; "Trong thời hạn 01 năm kể
    /// từ ngày kết thúc kỳ tuyển dụng": a count of years from the end of an activity waits for it.</summary>
    [Theory]
    [InlineData("Quý I hàng năm, xác định quỹ tiền thưởng năm trước và báo cáo cơ quan đại diện chủ sở hữu phê duyệt.", "recurring: Quý I 2025-03-31")]
    [InlineData("Trong thời hạn 01 năm kể từ ngày kết thúc kỳ tuyển dụng công chức, Hội đồng bàn giao hồ sơ.", "event:")]
    public void The_year_before_and_the_end_of_an_activity(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
