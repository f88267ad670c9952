namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The thirty-first and thirty-second harvests' half years and months: a half-year's report with its own day, a
/// month's data span, "định kỳ 06 tháng 01 lần".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A half-year's report whose own day the cell gives adds no half-year's end: one day after the half in its
    /// sentence, or days bound with a year relative to the report ("của kỳ báo cáo", "của năm tiếp theo") to each half's
    /// report, the second half's too; a day in another sentence leaves the half's end.</summary>
    [Theory]
    [InlineData("Báo cáo 6 tháng đầu năm được gửi muộn nhất trong ngày 17 tháng 6 hằng năm;", "recurring: Năm 2025-06-17")]
    [InlineData("g) Thời hạn gửi báo cáo: Trước ngày 05 tháng 07 của kỳ báo cáo đối với báo cáo định kỳ 06 tháng đầu năm và trước ngày 05 tháng 01 của năm tiếp theo đối với báo cáo định kỳ 06 tháng cuối năm;", "recurring: 6 tháng 2025-07-05 | 6 tháng 2026-01-05")]
    [InlineData("Báo cáo 6 tháng đầu năm; kiểm kê trước ngày 15 tháng 12 hằng năm.", "recurring: 6 tháng đầu năm 2025-06-30 | Năm 2025-12-15")]
    public void A_half_years_report_with_its_own_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"(kể) từ ngày N của tháng trước đến ngày M của tháng sau (đó)" beside a day of every month is the month's
    /// data period, the note; a day of the next month alone is still the deadline.</summary>
    [Theory]
    [InlineData("Xếp loại tháng vào ngày 25 hằng tháng. Thời gian xếp loại tháng kể từ ngày 26 của tháng trước đến ngày 25 của tháng sau đó.", "recurring 12: 2025-01-25 … 2025-12-25")]
    [InlineData("Xếp loại vào ngày 25 của tháng sau.", "recurring 12: 2025-02-25 … 2026-01-25")]
    public void A_month_to_month_span_beside_a_day_of_every_month(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>"định kỳ N tháng 01 lần" is every N months, as "N tháng một lần"; after "ngày" the numbers are a date.</summary>
    [Theory]
    [InlineData("1. Trại giam có trách nhiệm định kỳ 06 tháng 01 lần thông báo tình hình chấp hành án của phạm nhân cho thân nhân của họ.", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Tổ chức họp ngày 06 tháng 01 lần thứ nhất", "once: 2025-01-06")]
    public void Once_every_few_months_is_a_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
