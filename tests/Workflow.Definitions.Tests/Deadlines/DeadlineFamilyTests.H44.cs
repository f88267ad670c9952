namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-fourth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước ngày 25 của tháng cuối cùng hằng quý": the day of each quarter's last month, as "mỗi quý" says.</summary>
    [Fact]
    public void The_last_month_of_every_quarter_said_with_hang() =>
        Assert.Equal("recurring: Quý I 2025-03-25 | Quý II 2025-06-25 | Quý III 2025-09-25 | Quý IV 2025-12-25", Read("Định kỳ trước ngày 25 của tháng cuối cùng hằng quý, gửi văn bản thông báo."));

    /// <summary>"Một năm 2 lần, … trước ngày 20 tháng 6, 20 tháng 11": twice a year, the days listed recur.</summary>
    [Fact]
    public void Twice_a_year_the_listed_days_recur() =>
        Assert.Equal("recurring: Năm 2025-06-20 | Năm 2025-11-20", Read("b) Một năm 2 lần, Ủy ban nhân dân cấp huyện báo cáo Ủy ban nhân dân cấp tỉnh trước ngày 20 tháng 6, 20 tháng 11;"));

    /// <summary>"… văn bằng đã được công nhận trước ngày 25 tháng 12 hằng năm": with no other day beside it, a day after an
    /// act said done is the report's own; beside another deadline it still says which cases.</summary>
    [Theory]
    [InlineData("b) Báo cáo số lượng các loại văn bằng đã được công nhận trước ngày 25 tháng 12 hằng năm.", "recurring: Năm 2025-12-25")]
    [InlineData("Nhà xưởng đã được đưa vào hoạt động trước ngày 15 tháng 4 năm 2025, chậm nhất đến ngày 15 tháng 4 năm 2026 phải đáp ứng yêu cầu.", "once: 2026-04-15")]
    public void A_day_after_an_act_done_is_a_condition_only_beside_another(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
