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

    /// <summary>"phải thông báo trước 03 ngày làm việc cho đơn vị được kiểm tra" (notice that long before the inspection) and
    /// "… về nơi cư trú … trong thời hạn 15 ngày làm việc phải đến cơ quan …" (a term the case starts) wait; beside a written
    /// day the day is due.</summary>
    [Theory]
    [InlineData("Trường hợp kiểm tra định kỳ phải thông báo trước 03 ngày làm việc cho đơn vị được kiểm tra về thời gian, nội dung kiểm tra.", "event:")]
    [InlineData("6. Chiến sĩ hoàn thành nghĩa vụ về nơi cư trú trong thời hạn 15 ngày làm việc phải đến cơ quan đăng ký nghĩa vụ quân sự để đăng ký.", "event:")]
    [InlineData("Thông báo trước 03 ngày làm việc, hoàn thành trước ngày 30/6/2025.", "once: 2025-06-30")]
    public void Notice_ahead_and_a_term_the_case_starts_wait(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A year in brackets after "(được) sửa đổi, bổ sung" is when a cited law was amended; outside brackets, a plan's
    /// "sửa đổi, bổ sung năm 2026" is the year of its work.</summary>
    [Theory]
    [InlineData("Trong thời hạn 05 ngày làm việc kể từ khi phát hiện, lập hồ sơ theo Điều 103 Luật Xử lý vi phạm hành chính (được sửa đổi, bổ sung năm 2020).", "event:")]
    [InlineData("Luật Xử lý vi phạm hành chính năm 2012 (sửa đổi năm 2020): trong 05 ngày kể từ ngày nhận.", "event:")]
    [InlineData("Rà soát, sửa đổi, bổ sung năm 2026", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void An_amended_laws_year_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Hours counted back from the hour of an act ("trước giờ cấp toa xe") wait for it, as "trước khi" does.</summary>
    [Theory]
    [InlineData("1. Chậm nhất 02 giờ trước giờ cấp toa xe, doanh nghiệp phải thông báo cho người thuê vận tải.", "event:")]
    [InlineData("Chậm nhất 48 giờ trước khi xuất cảnh, cơ quan chủ quản thông báo bằng văn bản.", "event:")]
    public void Hours_before_an_act_wait_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
