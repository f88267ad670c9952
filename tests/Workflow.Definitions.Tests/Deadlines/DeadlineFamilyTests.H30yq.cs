using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The plan's and the assessed year, the next quarter said "kế tiếp", a "quy" that is no quarter and a plan broken
/// down by quarter: the thirtieth harvest's lane "yq".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"năm kế hoạch" in a cell about the plan is each plan's year, every year; bare it stays one date.</summary>
    [Theory]
    [InlineData("Lập và gửi dự kiến kế hoạch tài chính trước ngày 01 tháng 3 năm kế hoạch.", "recurring: Năm 2025-03-01")]
    [InlineData("Rà soát kế hoạch tài chính và giao chỉ tiêu trước ngày 30 tháng 4 năm kế hoạch.", "recurring: Năm 2025-04-30")]
    [InlineData("trước ngày 31 tháng 3 của năm kế hoạch", "once: 2025-03-31")]
    public void The_plans_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"năm sau" after "năm đánh giá", the year assessed, is every year; without it, one date.</summary>
    [Theory]
    [InlineData("Công bố kết quả đánh giá của năm đánh giá trước ngày 15 tháng 3 của năm sau.", "recurring: Năm 2026-03-15")]
    [InlineData("Công bố kết quả trước ngày 15 tháng 3 của năm sau.", "once: 2026-03-15")]
    public void The_year_after_the_assessed_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"tháng đầu tiên của quý kế tiếp" is the next quarter's first month, Quý IV's in January.</summary>
    [Theory]
    [InlineData("Phí được nộp hàng quý, chậm nhất vào ngày 20 tháng đầu tiên của quý kế tiếp.",
        "recurring: Quý I 2025-04-20 | Quý II 2025-07-20 | Quý III 2025-10-20 | Quý IV 2026-01-20")]
    public void The_first_month_of_the_next_quarter_said_ke_tiep(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"quy" without its accent glued by a stray mark to the next word is "quy định"; "Quy IV/2025" is a quarter.</summary>
    [Theory]
    [InlineData("Gửi báo cáo Bộ theo quy;định trước ngày 15 tháng 01 hằng năm.", "recurring: Năm 2025-01-15")]
    [InlineData("Quy IV/2025", "once: 2025-12-31")]
    public void A_quy_glued_to_the_next_word(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"(có) chia ra từng quý" says how a plan is broken down: no quarters; "báo cáo từng quý" still is one.</summary>
    [Theory]
    [InlineData("Hàng năm, chậm nhất vào ngày 31/7, xây dựng kế hoạch cho năm kế hoạch (có chia ra từng quý) gửi Bộ Tài chính.", "recurring: Năm 2025-07-31")]
    [InlineData("Hàng năm, chậm nhất vào ngày 31/7, gửi báo cáo từng quý.",
        "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Năm 2025-07-31 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_plan_broken_down_by_quarter(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
