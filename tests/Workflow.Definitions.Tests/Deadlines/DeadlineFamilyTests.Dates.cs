namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Dates and period words typed the other ways documents type them: "quí" for "quý".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"quí", the spelling of "quý" common until about 2010, is the same word in any case; "quĩ" (a fund) is not.</summary>
    [Theory]
    [InlineData("Định kỳ hằng quí (trước ngày 05 của tháng đầu quí)", "recurring: Quý I 2025-01-05 | Quý II 2025-04-05 | Quý III 2025-07-05 | Quý IV 2025-10-05")]
    [InlineData("BÁO CÁO HẰNG QUÍ TRƯỚC NGÀY 15 CỦA THÁNG ĐẦU QUÍ SAU", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Quí III/2025", "once: 2025-09-30")]
    [InlineData("thực hiện theo qui định hiện hành", "unknown:")]
    [InlineData("Quĩ phát triển đất báo cáo trước ngày 15/12/2025", "once: 2025-12-15")]
    public void Qui_is_quy_in_its_old_spelling(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
