namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-sixth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"quyết định trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng": in a cell that waits
    /// for an event, the month is the benefit's, a few words back, not the duty's frequency.</summary>
    [Fact]
    public void A_benefits_month_in_a_cell_that_waits() =>
        Assert.Equal("event:", Read("đ) Trong thời hạn 03 ngày làm việc, kể từ ngày nhận được văn bản trình của Phòng, Chủ tịch Ủy ban nhân dân cấp huyện quyết định trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng cho đối tượng."));

    /// <summary>"diễn tập chuyển đổi hoạt động liên tục": a drill's name, not work over the year.</summary>
    [Fact]
    public void A_continuity_drill_is_a_name() =>
        Assert.Equal("event:", Read("3. Tổ chức phải thông báo kế hoạch diễn tập chuyển đổi hoạt động liên tục cho Ngân hàng Nhà nước chậm nhất là 5 ngày làm việc trước khi thực hiện."));

    /// <summary>"Chậm nhất 07 (bảy) ngày làm việc trước phiên họp đầu tiên …": a count back from a meeting waits for it;
    /// beside a written day the day is due.</summary>
    [Theory]
    [InlineData("a) Chậm nhất 07 (bảy) ngày làm việc trước phiên họp đầu tiên của Hội đồng thẩm định, dự thảo được gửi cho các thành viên Hội đồng.", "event:")]
    [InlineData("Ngày 04/01/2026: Chậm nhất 70 ngày trước bầu cử, các Ban bầu cử được thành lập.", "once: 2026-01-04")]
    public void A_count_back_from_a_meeting_waits(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
