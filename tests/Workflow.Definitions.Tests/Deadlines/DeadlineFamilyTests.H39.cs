namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-ninth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"kết quả đóng BHXH năm trước của người lao động": "năm trước" (the year before) is what the figures are of, no
    /// yearly period; "Báo cáo năm trước ngày 15/12" is the year's report and its day.</summary>
    [Theory]
    [InlineData("Tháng 01 hằng năm, in thông báo kết quả đóng BHXH năm trước của người lao động.", "recurring: Tháng 1 2025-01-31")]
    [InlineData("Báo cáo năm trước ngày 15/12.", "once: 2025-12-15")]
    public void The_year_before_is_what_the_figures_are_of(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"30 ngày đầu kể từ ngày vợ sinh con", "30 ngày đầu tiên kể từ …": the first days of a count run from what
    /// follows "kể từ", as the count does.</summary>
    [Theory]
    [InlineData("Nghỉ trong khoảng thời gian 30 ngày đầu kể từ ngày vợ sinh con.", "event:")]
    [InlineData("Trong 30 ngày đầu tiên kể từ ngày nhận hồ sơ.", "event:")]
    public void The_first_days_of_a_count_run_from_its_start(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
