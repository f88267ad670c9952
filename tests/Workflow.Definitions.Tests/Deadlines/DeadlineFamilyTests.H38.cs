namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-eighth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước ngày mùng 10 của tháng 01": "mùng" and "của" together still make one day of a month.</summary>
    [Theory]
    [InlineData("Hàng năm, trước ngày mùng 10 của tháng 01, báo cáo kết quả.", "recurring: Năm 2025-01-10")]
    [InlineData("Hàng năm, trước ngày 10 của tháng 01, báo cáo kết quả.", "recurring: Năm 2025-01-10")]
    public void A_day_said_with_mung_and_cua_is_one_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"đã được kiểm tra trước khi hoàn thuế": "trước khi" after an act said done describes that act; the cell does
    /// not wait for it. Without "đã" it still waits.</summary>
    [Theory]
    [InlineData("Lựa chọn các doanh nghiệp đã được kiểm tra trước khi hoàn thuế để thanh tra trong năm 2025.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Kiểm tra trước khi hoàn thuế.", "event:")]
    public void Before_an_act_said_done_is_no_condition(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"- Đến năm 2025: 100% … được bổ sung": a share to reach by a year, said after its colon, is a target by the
    /// year's end; "Đến năm 2025" alone stays as it was.</summary>
    [Theory]
    [InlineData("- Đến năm 2025: 100% văn bản hướng dẫn được bổ sung hoặc ban hành mới.", "once: 2025-12-31")]
    [InlineData("Đến năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_share_to_reach_by_a_year_is_due_at_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"giao hết kế hoạch vốn … năm 2020 ngay trong tháng 3 năm 2020": a year right after what it qualifies, beside a
    /// month of the same year, names the plan; the month is due.</summary>
    [Theory]
    [InlineData("Giao hết kế hoạch vốn đầu tư nguồn ngân sách nhà nước năm 2025 ngay trong tháng 3 năm 2025.", "once: 2025-03-31")]
    public void A_subject_year_beside_a_month_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"… chi trả lương hưu, trợ cấp BHXH hàng tháng …, chậm nhất trong thời gian 05 ngày làm việc kể từ ngày nhận
    /// được thông báo": in a cell that waits for an event, "hàng tháng" after a payment's name is the payment's; a monthly
    /// payment with its own day stays monthly.</summary>
    [Theory]
    [InlineData("Bưu điện tiếp nhận Thông báo tạm dừng chi trả lương hưu, trợ cấp BHXH hàng tháng, chuyển cho người hưởng chậm nhất 05 ngày làm việc kể từ ngày nhận được thông báo.", "event:")]
    [InlineData("Chi trả trợ cấp hàng tháng trước ngày 10.", "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10")]
    public void A_payments_month_in_an_event_is_no_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
