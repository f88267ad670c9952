namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>"tới" is "đến" (to, until) where it stands before a time: a span's link, "tới hết", "tới khi"; right after a
/// period's word it is "the coming" period ("năm tới", "tháng tới"), as before.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>Each phrase reads as with "đến", and as expected; "hàng năm tới Bộ …" keeps its "tới" (a period's word
    /// before it) and still reads as "hàng năm đến Bộ …".</summary>
    [Theory]
    [InlineData("Giai đoạn chuẩn bị đầu tư: Quý III/2025 tới hết quý I/2026.", "continuous: Quý III/2025 2025-09-30 | Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31")]
    [InlineData("Tiến độ xây dựng cơ bản: Quý I/2026 tới Quý IV/2027;", "continuous: Năm 2026 2026-12-31 | Năm 2027 2027-12-31")]
    [InlineData("tháng 11/2025 tới tháng 4/2026;", "continuous: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | 2026-04-30")]
    [InlineData("Từ ngày 16 tới 31/12/2025", "continuous: Quý IV 2025-12-31")]
    [InlineData("TỪ NGÀY 16 TỚI 31/12/2025", "continuous: Quý IV 2025-12-31")]
    [InlineData("Đại hội diễn ra trong 3 ngày từ ngày 2/12 tới hết ngày 4/12 tại Hà Nội.", "continuous: 2025-12-04")]
    [InlineData("Thời gian tiếp xúc từ ngày 7 tới 25-10.", "continuous: 2025-10-25")]
    [InlineData("Từ ngày thành lập Uỷ ban bầu cử tới ngày kết thúc cuộc bầu cử.", "event:")]
    [InlineData("Tiếp tục rà soát, sắp xếp số lượng cấp phó bảo đảm tới hết năm 2030 số lượng cấp phó thực hiện đúng quy định.", "once: 2030-12-31")]
    [InlineData("T11 tới T12/2025", "continuous: Quý IV 2025-12-31")]
    [InlineData("Từ đầu năm tới nay", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo định kỳ hàng năm tới Bộ Lao động", "recurring: Năm 2025-12-31")]
    [InlineData("Năm 2026 và hằng năm tới 2030", "recurring: Năm 2026 2026-12-31 | Năm 2027 2027-12-31 | Năm 2028 2028-12-31 | Năm 2029 2029-12-31 | Năm 2030 2030-12-31")]
    public void To_is_read_as_den_before_a_time(string phrase, string expected)
    {
        Assert.Equal(expected, Read(phrase));
        Assert.Equal(Read(phrase.Replace("tới", "đến", StringComparison.Ordinal).Replace("TỚI", "ĐẾN", StringComparison.Ordinal)), Read(phrase));
    }

    /// <summary>"tới" right after a period's word is the coming period, and after a date with no time after it the coming
    /// date ("tháng 12 tới": the coming December): neither is a span's link. "tôi" (I) and "tối" (evening) fold to the same
    /// letters and are other words.</summary>
    [Theory]
    [InlineData("Trong năm tới", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Trong tháng tới", "once: 2025-12-31")]
    [InlineData("Đầu năm tới", "once: 2026-03-31")]
    [InlineData("Trong thời gian sắp tới", "unknown:")]
    [InlineData("Tổ chức vào tháng 12 tới.", "once: 2025-12-31")]
    [InlineData("Hoàn thành trước ngày 15/12 tới đây", "once: 2025-12-15")]
    [InlineData("Trước 9 giờ tối ngày 30/6/2025", "once: 2025-06-30")]
    public void Coming_is_not_a_span_link(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
