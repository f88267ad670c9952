namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the fifty-second harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A cited letter's day after a comma ("Công văn số 2887, ngày 4-10-2025"); a day after "sau ngày" that says
    /// which cases a task is for; a bound by the day something happens ("không vượt quá ngày bắt đầu học kỳ mới"); shifts
    /// worked without a break ("làm việc liên tục 3 ca"); a flower fair's Tết and its year after a dash; days listed in a
    /// lunar restatement after "nhằm ngày".</summary>
    [Theory]
    [InlineData("Ban tổ chức các cuộc thi đã có Công văn số 2887, ngày 4-10-2025 về việc gia hạn thời gian nộp tác phẩm. Theo đó, các cuộc thi sẽ gia hạn nộp tác phẩm đến hạn chót ngày 25-11-2025.", "once: 2025-11-25")]
    [InlineData("Các cơ quan, đơn vị, địa phương còn số lượng cấp phó vượt quá quy định sau ngày 31/12/2024 khẩn trương sắp xếp, hoàn thành trước ngày 30/6/2025.", "once: 2025-06-30")]
    [InlineData("(Hướng dẫn: sinh viên được làm hồ sơ gia hạn thời gian đóng học phí tối đa 02 lần, mỗi lần không quá 07 ngày, nhưng không vượt quá ngày bắt đầu học kỳ mới)", "event:")]
    [InlineData("UBND tỉnh yêu cầu Công an tỉnh duy trì các tổ cấp thẻ lưu động đến ngày 1/7/2025, làm việc liên tục 3 ca tất cả các ngày trong tuần.", "once: 2025-07-01")]
    [InlineData("Ngoài ra, Hội hoa xuân Tết nguyên đán Ất Tỵ - 2025 còn tổ chức thi chim hót trong 3 ngày từ ngày 25-1-2025 đến ngày 27-1-2025 (nhằm ngày 26, 27 và 28 tháng Chạp năm Giáp Thìn).", "continuous: 2025-01-27")]
    public void Letters_bounds_and_fairs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
