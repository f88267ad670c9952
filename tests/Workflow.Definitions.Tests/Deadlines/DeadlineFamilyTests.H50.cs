namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the fiftieth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>Holidays and notices: "N ngày liên tục" is how long a holiday lasts, no work over the year; "Thứ 2 ngày …" is a
    /// weekday; "cho đến hết" closes a span; "08:00", "16:00" are hours of a day.</summary>
    [Theory]
    [InlineData("1. Thời gian nghỉ: 05 ngày liên tục, từ thứ Bẩy ngày 29/4/2025 đến hết thứ Tư  ngày 03/5/2025.", "continuous: 2025-05-03")]
    [InlineData("– Nghỉ từ thứ Bảy ngày 09/4 đến hết thứ Hai ngày 11/4/2025 (03 ngày nghỉ liên tục).", "continuous: 2025-04-11")]
    [InlineData("Thời gian nghỉ lễ: Từ Chủ nhật ngày 06/04/2025 (ngày 09/3 Âm lịch) đến hết Thứ 2 ngày 07/04/2025 (ngày 10/3 Âm Lịch)", "continuous: 2025-04-07")]
    [InlineData("- Các cơ sở giáo dục tiếp tục cho học sinh nghỉ học từ ngày 02/3/2025 cho đến hết ngày 15/3/2025 để phòng, tránh dịch bệnh.", "continuous: 2025-03-15")]
    [InlineData("Thời gian đăng ký bắt đầu từ 08:00 ngày 16/05/2025 và kết thúc vào lúc 16:00 ngày 03/06/2025 (“Thời Hạn Đăng Ký”).", "continuous: 2025-06-03")]
    [InlineData("Từ 08:00 ngày 16/05/2025", "once: 2025-05-16")]
    [InlineData("Hội đồng họp lần thứ 2 ngày 15/3/2025", "once: 2025-03-15")]
    public void Holidays_and_notices(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>What a notice tells beside its day: an anniversary's two days; a plan issued before ("Trước đó, ngày …, … đã
    /// ban hành"); an occasion's edition ("lần thứ nhất năm 2026"); what was just issued ("vừa ban hành"), no completion; a
    /// law named before "nhưng chậm nhất không quá ngày …", whose day is the deadline; "Năm 2025," opening a cell beside a
    /// day of that year; the next working day after something.</summary>
    [Theory]
    [InlineData("- Lễ kỷ niệm 50 năm ngày giải phóng huyện Tư Nghĩa (24/03/1975 - 24/03/2025) sẽ chính thức diễn ra vào lúc 18 giờ ngày 23/3/2025.", "once: 2025-03-23")]
    [InlineData("Trước đó, ngày 01/12/2025, Ban Tổ chức Hội chợ Thương mại, Du lịch vùng Đông Bắc - Tuyên Quang đã ban hành Kế hoạch số 01/KH-BTC, theo đó Hội chợ diễn ra từ ngày 22/12/2025 đến ngày 28/12/2025.", "continuous: 2025-12-28")]
    [InlineData("Bộ Công thương vừa ban hành công văn hỏa tốc về việc tổ chức Hội chợ mùa xuân lần thứ nhất năm 2025 từ 2.2 - 13.2, tại Trung tâm Triển lãm.", "continuous: 2025-02-13")]
    [InlineData("Việc tổ chức ĐHĐCĐ thường niên năm 2025 sẽ được thực hiện theo Luật Doanh nghiệp, Điều lệ Công ty nhưng chậm nhất không quá ngày 30/6/2025.", "once: 2025-06-30")]
    [InlineData("Năm 2025, Lễ khai hội được tổ chức quy mô cấp tỉnh, bắt đầu từ 9h ngày 5/2/2025.", "once: 2025-02-05")]
    [InlineData("(ii) Trường hợp chấm dứt hợp đồng bảo lãnh trước thời hạn, chậm nhất vào ngày làm việc tiếp theo, ngân hàng thương mại phải thông báo công khai.", "event:")]
    public void What_a_notice_tells_beside_its_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A second holiday joined by "và" to one a later span holds ("dịp Lễ 30/4 và 1/5/2025 kéo dài 4 ngày từ …") is
    /// the span's occasion too; a year right after a title in quotation marks names the round.</summary>
    [Theory]
    [InlineData("2.Đối với dịp Lễ 30/4 và 1/5/2025 kéo dài 4 ngày từ 28/4/2025-01/5/2025:", "continuous: 2025-05-01")]
    [InlineData("Gửi về Hội đồng xét tặng danh hiệu “Nhà giáo nhân dân”, “Nhà giáo ưu tú” năm 2026 của Sở trước 17h ngày 1/12/2025.", "once: 2025-12-01")]
    public void Names_beside_the_days_of_a_notice(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
