namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Before a named period ends: "trước (khi) kết thúc năm 2025", "trước (khi) hết tháng 10/2025".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước khi kết thúc" or "trước khi hết" (with or without "khi") before a year, quarter or month said with its
    /// number is a deadline on that period's last day, not an event and not work over the year. A period without its number
    /// ("trước khi kết thúc năm"), or a school year ("năm học 2025-2026"), still waits; "Trước hết," (first of all) is no
    /// deadline word.</summary>
    [Theory]
    [InlineData("Báo cáo kết quả trước khi kết thúc năm 2025.", "once: 2025-12-31")]
    [InlineData("Báo cáo kết quả trước kết thúc năm 2025.", "once: 2025-12-31")]
    [InlineData("Báo cáo trước khi hết năm 2025.", "once: 2025-12-31")]
    [InlineData("Báo cáo kết quả trước khi kết thúc Quý III/2025.", "once: 2025-09-30")]
    [InlineData("Hoàn thành trước khi hết tháng 10/2025.", "once: 2025-10-31")]
    [InlineData("Hoàn thành trước khi kết thúc năm.", "event:")]
    [InlineData("Trước hết, năm 2025 tập trung triển khai.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Before_a_named_period_ends_is_its_last_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
