using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the fifty-first harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A day's restatement in the lunar calendar after "tức", or in a bracket of commas, is the note; the Tết of a
    /// market, of shopping or of gifts reported beside a day written out is what the cell is about; gifts given at Tết are
    /// still due then.</summary>
    [Theory]
    [InlineData("Theo đó, Chợ hoa Tết bắt đầu từ ngày 28/1 đến ngày 11/2/2025, tức từ ngày 29 tháng Chạp đến ngày 14 tháng Giêng âm lịch.", "continuous: 2025-02-11")]
    [InlineData("Thời gian khai mạc dự kiến ngày 3/2/2025, tức ngày 6 tháng Giêng âm lịch.", "once: 2025-02-03")]
    [InlineData("Các Sở báo cáo những trường hợp tặng quà, nhận quà tặng không đúng quy định trong dịp Tết Ất Tỵ năm 2025; gửi báo cáo về Thanh tra tỉnh trước ngày 20/02/2025.", "once: 2025-02-20")]
    [InlineData("Tổ chức tặng quà cho hộ nghèo dịp Tết Nguyên đán 2026", "once: 2026-02-17")]
    [InlineData("Các cấp học nghỉ Tết Nguyên đán bắt đầu từ thứ Hai, ngày 20/1/2025 (21, tháng Chạp, năm Giáp Thìn) đến hết thứ Bảy, ngày 1/2/2025 (mùng 4, tháng Giêng, năm Ất Tỵ).", "continuous: 2025-02-01")]
    public void Lunar_restatements_and_the_tet_of_trade(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Changes said with "Thay đổi … Từ … sang …"; a report's "thời kỳ báo cáo" span is the data's; a letter's day
    /// told without its year ("Ngày 15/4, UBND tỉnh … có Công văn số …") beside a span; "liên tục" right before a span.</summary>
    [Theory]
    [InlineData("- Thay đổi thời gian tổ chức Phiên chợ Rau - Hoa Đà Lạt: Từ ngày 26/12/2025 - 02/01/2026 sang ngày 06/12/2025 - 15/12/2025.", "continuous: 2025-12-15")]
    [InlineData("- Thay đổi thời gian tổ chức chương trình “Giao lưu văn hóa nghệ thuật”: Từ ngày 27/12/2025 sang ngày 04/12/2025.", "once: 2025-12-04")]
    [InlineData("Theo đó, yêu cầu thực hiện báo cáo kết quả công tác giải quyết khiếu nại, tố cáo năm 2025 (thời kỳ báo cáo từ ngày 1/8/2024 đến ngày 31/7/2025), thời hạn gửi báo cáo trước ngày 5/8/2025.", "once: 2025-08-05")]
    [InlineData("Ngày 15/4, UBND tỉnh có Công văn số 3673/UBND-VH cho phép miễn phí tham quan Bảo tàng; thời gian áp dụng bắt đầu từ ngày 17/4/2025 đến hết ngày 17/5/2025.", "continuous: 2025-05-17")]
    [InlineData("- Thời gian: Hội nghị tập huấn: 1 buổi, từ 10 giờ, thứ Ba, ngày 09/12/2025.", "once: 2025-12-09")]
    public void Changes_data_periods_and_letters_told(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"liên tục" right before a span ("kiểm tra liên tục từ nay đến hết …") says how the work goes in it, no work
    /// over the year.</summary>
    [Fact]
    public void Continuously_before_a_span_is_how() =>
        Assert.Equal("continuous: 2025-02-22", Read("Thời gian kiểm tra liên tục từ nay đến hết ngày 22/02/2025.", new DeadlineContext(2025, new LocalDate(2025, 2, 10), RepositoryData.Calendar)));

    /// <summary>A letter told after a news agency's mark ("(BĐT) - Ngày 16/8/2025, Bộ … có công văn …") beside a day said
    /// with "chậm nhất trong ngày": the told day is the note, the later one due.</summary>
    [Theory]
    [InlineData("(BĐT) - Ngày 16/8/2025, Bộ Kế hoạch và Đầu tư tiếp tục có công văn gửi các bộ, ngành, địa phương, đốc thúc các cơ quan khẩn trương hoàn thiện báo cáo gửi về Bộ chậm nhất trong ngày 18/8/2025.", "once: 2025-08-18")]
    [InlineData("Gửi báo cáo chậm nhất trong ngày 18/8/2025.", "once: 2025-08-18")]
    public void A_letter_told_after_a_news_mark(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
