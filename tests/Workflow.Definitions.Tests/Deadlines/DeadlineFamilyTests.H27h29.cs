using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The twenty-ninth harvest's misses: a plan broken down by quarter, "quý hiếm" (precious, rare), "tháng liền sau
/// tháng báo cáo", and the last day of the Nth month counted from the year's end (a yearly tax settlement).</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A bare "quý" or "tháng" after "chi tiết theo", "chia theo" or "phân theo" is how a plan is broken down, no
    /// period of the duty; a bare "quý" said otherwise still is one.</summary>
    [Theory]
    [InlineData("Hằng năm, chậm nhất đến ngày 31 tháng 3, Bộ Tài chính thông báo kế hoạch bán ngoại tệ trong năm chi tiết theo quý.", "recurring: Năm 2025-03-31")]
    [InlineData("Hằng năm, chậm nhất ngày 31 tháng 3, gửi kế hoạch vốn chia theo tháng.", "recurring: Năm 2025-03-31")]
    [InlineData("Hằng năm, chậm nhất ngày 31 tháng 3, gửi kế hoạch; nộp báo cáo theo quý.", "recurring: Năm 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_breakdown_by_quarter_is_no_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"quý" beside "hiếm" ("nguy cấp, quý, hiếm", "quý hiếm") is precious, no quarter.</summary>
    [Theory]
    [InlineData("Báo cáo kết quả cứu hộ loài thủy sản nguy cấp, quý, hiếm định kỳ trước ngày 20 tháng 11 hằng năm hoặc khi có yêu cầu.", "recurring: Năm 2025-11-20")]
    [InlineData("Bảo tồn nguồn gen quý hiếm trước ngày 20 tháng 11 hằng năm.", "recurring: Năm 2025-11-20")]
    [InlineData("Báo cáo hằng quý.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Rare_and_precious_is_no_quarter(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"ngày N tháng liền sau tháng (quý) báo cáo": that day of the month right after each reported month (quarter).</summary>
    [Theory]
    [InlineData("Hàng tháng, chậm nhất vào ngày 12 tháng liền sau tháng báo cáo, tổ chức tín dụng báo cáo.", "recurring 12: 2025-02-12 … 2026-01-12")]
    [InlineData("Chậm nhất vào ngày 15 tháng liền sau quý báo cáo.", "recurring 4: 2025-04-15 … 2026-01-15")]
    public void The_month_right_after_the_reported_one(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>"ngày cuối cùng của tháng thứ N kể từ ngày kết thúc năm (quý)": the last day of the Nth month after each
    /// period's end, every year (quarter); the yearly settlement named after it adds no year's end. From the end of anything
    /// else (a contract's) it waits for that end.</summary>
    [Theory]
    [InlineData("Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm dương lịch hoặc năm tài chính, tổ chức phải nộp hồ sơ quyết toán thuế năm.", "recurring: Năm 2026-03-31")]
    [InlineData("Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc quý.", "recurring: Quý I 2025-06-30 | Quý II 2025-09-30 | Quý III 2025-12-31 | Quý IV 2026-03-31")]
    [InlineData("Chậm nhất là 90 ngày kể từ ngày kết thúc năm tài chính, nộp hồ sơ quyết toán thuế năm.", "recurring: Năm 2026-03-31")]
    [InlineData("Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc hợp đồng.", "event:")]
    public void The_last_day_of_the_nth_month_after_the_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A holiday of Tết with its days given in a span: the days counted around Tết after it make up the holiday,
    /// and a weekday before each day, "Dương lịch" with a footnote's digit glued, keep the span whole. Without the span,
    /// "01 ngày trước Tết" stays a day.</summary>
    [Theory]
    [InlineData("- Nghỉ tết Âm lịch năm 2026: nghỉ 05 ngày theo quy định, gồm 01 ngày trước Tết và 04 ngày sau Tết (từ thứ Hai ngày 16/02/2026 Dương lịch1 đến hết thứ Sáu ngày 20/02/2026 Dương lịch2).", "continuous: 2026-02-20")]
    [InlineData("Từ thứ Hai ngày 16/02/2026 đến hết thứ Sáu ngày 20/02/2026.", "continuous: 2026-02-20")]
    [InlineData("Gửi báo cáo chậm nhất 01 ngày trước Tết Nguyên đán 2026.", "once: 2026-02-16")]
    public void Days_counted_around_a_holiday_of_tet_with_its_span(string phrase, string expected) =>
        Assert.Equal(expected, Read(phrase, new DeadlineContext(2025, new LocalDate(2025, 10, 30), RepositoryData.Calendar)));
}
