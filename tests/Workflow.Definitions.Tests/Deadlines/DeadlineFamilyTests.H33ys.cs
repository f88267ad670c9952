namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-third and thirty-fourth harvests' misses (lane ys): a year's statistics filed
/// the next year, "năm liền sau năm báo cáo" as the next year, and a budget's "năm sau" that is no yearly period.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"(số liệu) thống kê năm" is a year's statistics, filed every year as a year's report is, so "của năm sau" is
    /// the year after each; with its year's number, or with no statistics, the day is one date.</summary>
    [Theory]
    [InlineData("Bộ Tư pháp nhận số liệu thống kê năm chính thức chậm nhất trước ngày 31 tháng 01 của năm sau.", "recurring: Năm 2026-01-31")]
    [InlineData("Gửi số liệu thống kê năm 2025 trước ngày 31 tháng 01 năm 2026.", "once: 2026-01-31")]
    [InlineData("Gửi kế hoạch trước ngày 31 tháng 01 của năm sau.", "once: 2026-01-31")]
    public void A_years_statistics_are_filed_every_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"năm liền sau năm báo cáo", the year right after the report's, is the next year, as "năm tiếp theo" is; "năm
    /// liền sau năm thực hiện" is left as it read.</summary>
    [Theory]
    [InlineData("Các Sở gửi báo cáo 06 tháng đầu năm chậm nhất vào ngày 15 tháng 7 của năm báo cáo và báo cáo năm gửi chậm nhất vào ngày 15 tháng 01 của năm liền sau năm báo cáo.", "recurring: Năm 2025-07-15 | Năm 2026-01-15")]
    [InlineData("Báo cáo năm gửi chậm nhất vào ngày 15 tháng 01 của năm liền sau năm báo cáo.", "recurring: Năm 2026-01-15")]
    [InlineData("thời hạn công bố trước ngày 30 tháng 6 của năm liền sau năm thực hiện;", "once: 2025-06-30")]
    public void The_year_right_after_the_reports_is_the_next(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"năm sau" after a budget's words ("kinh phí", "dự toán", "dự trù", "ngân sách") is the year the estimate is for,
    /// not a yearly period: the duty's own time stands alone; a report's "năm sau" with no budget still adds the year's end.</summary>
    [Theory]
    [InlineData("(2) Định kỳ hằng năm (vào cuối quý III), cơ quan lập dự trù kinh phí khen thưởng năm sau của đảng bộ, báo cáo ban thường vụ.", "recurring: Quý III 2025-09-30")]
    [InlineData("Trước ngày 30 tháng 11 hằng năm, giao kế hoạch vốn ngân sách nhà nước năm sau.", "recurring: Năm 2025-11-30")]
    [InlineData("Định kỳ hằng quý, cơ quan báo cáo năm sau.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Năm 2025-12-31")]
    public void A_budgets_next_year_is_no_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
