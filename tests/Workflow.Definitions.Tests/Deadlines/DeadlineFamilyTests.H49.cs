namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-ninth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>An hour with its minutes, a comma before its day ("bắt đầu từ 8 giờ 15 phút, ngày 26/4/2025"), says when an
    /// occasion starts that day, as "Từ 7h30 ngày …" does; with an end it is still a span.</summary>
    [Theory]
    [InlineData("- Môn Tiếng Anh: bắt đầu từ 8 giờ 15 phút, ngày 26/4/2025; hình thức thi trắc nghiệm trên máy vi tính (có 30 câu hỏi, thời gian thi 30 phút);", "once: 2025-04-26")]
    [InlineData("Từ 7 giờ 30 phút, ngày 26/4/2025 đến ngày 30/4/2025", "continuous: 2025-04-30")]
    public void An_hour_with_minutes_before_its_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Smaller families: the day a report tells of ("Chiều nay 8/10/2025"); house numbers no calendar has in a cell
    /// that waits; the month that names a periodic session held on a day written after it; "(ÂL)" after a day; a step of a
    /// procedure "Sau 15 ngày, …"; the old day in brackets of something put off.</summary>
    [Theory]
    [InlineData("(QTO) - Chiều nay 8/10/2025, Giám đốc Sở đã ký văn bản hỏa tốc đề nghị tiếp tục cho học sinh nghỉ học đến ngày 10/10/2025.", "once: 2025-10-10")]
    [InlineData("Mọi ý kiến phản hồi đề nghị gửi về Bộ Tư pháp, địa chỉ: số 58 - 60 Trần Phú, Ba Đình, Hà Nội, trong thời gian 05 ngày làm việc kể từ khi đăng tải thông tin.", "event:")]
    [InlineData("Đồng chí Bí thư Tỉnh ủy sẽ chủ trì tiếp công dân định kỳ tháng 4.2025 vào ngày 1.4.2025 (thứ Ba).", "once: 2025-04-01")]
    [InlineData("Báo cáo định kỳ tháng 4/2025", "recurring: Tháng 4 2025-04-30")]
    [InlineData("Tổ chức Lễ hội truyền thống hằng năm vào ngày 10/3 (ÂL) tại Đền Xuân Hòa", "recurring: Năm 2025-04-07")]
    [InlineData("- Sau 15 ngày, nếu không có khiếu kiện, thắc mắc của nhân dân thì Ủy ban nhân dân cấp xã lập Biên bản xác nhận.", "event:")]
    [InlineData("- Thông báo lùi thời gian công bố giá theo thông báo số 25/TBĐG-CTMT ngày 07/5/2025 của Công ty (công bố giá ngày 30/5/2025) đến ngày 19/06/2025.", "once: 2025-06-19")]
    public void Smaller_families_of_the_forty_ninth(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
