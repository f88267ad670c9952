namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-seventh harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"cuối đợt tiêu hủy" beside a monthly duty is the duty's; alone, "Cuối đợt giám sát …" still waits.</summary>
    [Theory]
    [InlineData("d) Định kỳ hàng tháng (đối với giám sát tiêu hủy tiền), cuối đợt tiêu hủy (đối với tiền in hỏng) và đột xuất theo yêu cầu, báo cáo kết quả với Chủ tịch Hội đồng.", "recurring: Tháng 1 2025-01-31 | Tháng 2 2025-02-28 | Tháng 3 2025-03-31 | Tháng 4 2025-04-30 | Tháng 5 2025-05-31 | Tháng 6 2025-06-30 | Tháng 7 2025-07-31 | Tháng 8 2025-08-31 | Tháng 9 2025-09-30 | Tháng 10 2025-10-31 | Tháng 11 2025-11-30 | Tháng 12 2025-12-31")]
    [InlineData("- Cuối đợt giám sát, mỗi thành viên gửi nội dung nhận xét.", "event:")]
    public void The_end_of_a_round_beside_a_duty(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"hồ sơ công bố hợp quy" (conformity) is no quarter in a cell typed with its accents.</summary>
    [Fact]
    public void Hop_quy_is_no_quarter() =>
        Assert.Equal("recurring: Năm 2025-12-31", Read("4. Định kỳ hàng năm, đột xuất tổng hợp báo cáo Bộ về tình hình kiểm tra chất lượng sản phẩm, tình hình tiếp nhận hồ sơ công bố hợp quy;"));

    /// <summary>Months after "không quá", "tối đa", "thêm", "gia hạn", "kéo dài" are a length of time, no half year; after
    /// "định kỳ" they still say how often.</summary>
    [Theory]
    [InlineData("1. Thời gian giải thể doanh nghiệp không quá 01 năm kể từ ngày quyết định giải thể có hiệu lực và có thể kéo dài thêm nhưng không quá 06 tháng trong trường hợp được người quyết định giải thể đồng ý bằng văn bản.", "event:")]
    [InlineData("Gia hạn tối đa 06 tháng, hoàn thành trước ngày 30/9/2025.", "once: 2025-09-30")]
    [InlineData("- Báo cáo nội bộ về rủi ro hoạt động: Định kỳ tối thiểu 06 tháng hoặc đột xuất;", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void Months_of_a_length_are_no_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"N lần trong 01 tuần" is as "N lần/tuần" (work all year); "01 lần trong 01 tháng (quý)" once each period.</summary>
    [Theory]
    [InlineData("a) Kiểm tra trên tuyến đường được giao quản lý ít nhất 01 lần trong 01 tuần;", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Họp 01 lần trong 01 quý.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Kiểm tra 01 lần trong ngày 15/3/2025.", "once: 2025-03-15")]
    public void Times_within_one_week_or_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
