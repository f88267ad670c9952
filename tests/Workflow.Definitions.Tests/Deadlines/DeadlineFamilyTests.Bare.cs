namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Dates and years typed short: a month with its year and no "tháng", a date with a two-digit year, two years
/// with a comma and no space between.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Trước 3/2026", "Đầu 12/2025", "tuần 2 01/2026": the words that part or bound a month apply to a month typed
    /// without "tháng" as to "tháng 3/2026". "Phấn đấu" is no "đầu".</summary>
    [Theory]
    [InlineData("Trước 3/2026", "once: 2026-02-28")]
    [InlineData("Trước tháng 3/2026", "once: 2026-02-28")]
    [InlineData("Đầu 12/2025", "once: 2025-12-10")]
    [InlineData("Giữa 12/2025", "once: 2025-12-20")]
    [InlineData("Xong trước tuần 2 01/2026.", "once: 2026-01-14")]
    [InlineData("Tuần đầu của 12/2025", "once: 2025-12-07")]
    [InlineData("Thượng tuần 12/2025", "once: 2025-12-10")]
    [InlineData("Phấn đấu 12/2025", "once: 2025-12-31")]
    [InlineData("12/2025", "once: 2025-12-31")]
    public void A_month_typed_without_thang_keeps_its_part(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
