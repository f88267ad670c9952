namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The thirtieth harvest's period reports said with their own day beside their data period: "(được) tính từ … đến …"
/// and "(số liệu được tính từ …)" are the note, a half-year's report due in July adds no half-year's end, a named half
/// beside two days of the year is what the report covers, "đối với báo cáo quý N" binds the date before it.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A span "(được) tính từ … đến …", or brackets opened by "số liệu", beside a day said as a deadline is the data
    /// period; a half-year's report's day in July, with "hàng năm" after it, is its only date.</summary>
    [Theory]
    [InlineData("Báo cáo 6 tháng: được tính từ ngày 01 tháng 01 đến ngày 30 tháng 6 hàng năm. Gửi báo cáo trước ngày 15 tháng 7 hàng năm;", "recurring: 6 tháng 2025-07-15")]
    [InlineData("Báo cáo năm: được tính từ ngày 01 tháng 01 đến hết ngày 31 tháng 12 hàng năm. Gửi báo cáo trước ngày 31 tháng 01 năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Báo cáo sáu tháng (số liệu được tính từ ngày đầu tiên của năm đến ngày cuối cùng của tháng 6): báo cáo trước ngày 15 tháng 7;", "recurring: 6 tháng 2025-07-15")]
    [InlineData("Định kỳ 6 tháng, gửi báo cáo trước ngày 15 tháng 7 hằng năm", "recurring: 6 tháng 2025-06-30 | Năm 2025-07-15 | Năm 2025-12-31")]
    public void A_period_report_with_its_own_day_beside_its_data_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"đối với báo cáo quý N" after a date binds it to that quarter's report, every year; with a year after the
    /// quarter it does not.</summary>
    [Theory]
    [InlineData("Trước ngày 15 tháng 4 đối với báo cáo quý 1 và trước ngày 15 tháng 10 đối với báo cáo quý 3 hàng năm;", "recurring: Quý I 2025-04-15 | Quý III 2025-10-15")]
    [InlineData("Trước ngày 15 tháng 4 đối với báo cáo quý 1/2025", "phased: 2025-03-31 | 2025-04-15")]
    public void A_date_for_a_quarters_report(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Beside two days of the year, "báo cáo 6 tháng đầu năm" names what the report covers, no half's end.</summary>
    [Theory]
    [InlineData("Trước ngày 05 tháng 7 và ngày 05 tháng 01 của năm sau, báo cáo 6 tháng đầu năm và hằng năm.", "recurring: Năm 2025-07-05 | Năm 2026-01-05")]
    public void A_named_half_beside_two_days_is_what_is_reported(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
