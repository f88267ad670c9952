namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The family mended from the thirty-fifth harvest's misses (lane q3): a quarterly report whose words say only some
/// quarters are reported.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"chỉ (thực hiện) báo cáo Quý I, II và III": "chỉ" (only) before a report of listed quarters limits the quarterly
    /// duty to them (Quý IV's is the year's report); without "chỉ" every quarter stays.</summary>
    [Theory]
    [InlineData("(i) Kỳ báo cáo quý được tính từ ngày 01 tháng đầu quý đến hết ngày cuối cùng của tháng cuối quý (bên giao đại lý chỉ thực hiện báo cáo Quý I, II và III); thời hạn nộp báo cáo chậm nhất là ngày 10 của tháng đầu tiên quý tiếp theo;", "recurring: Quý I 2025-04-10 | Quý II 2025-07-10 | Quý III 2025-10-10")]
    [InlineData("Báo cáo hằng quý, chậm nhất ngày 15 tháng đầu quý sau (chỉ báo cáo quý I và quý III).", "recurring: Quý I 2025-04-15 | Quý III 2025-10-15")]
    [InlineData("Báo cáo hằng quý, chậm nhất ngày 15 tháng đầu quý sau.", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void Only_the_quarters_listed_are_reported(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"trừ quý IV", "(trừ quý IV)", "trừ báo cáo quý IV" leave the listed quarters out of a quarterly duty (Quý IV's
    /// is the year's report); the quarters named after "trừ" or "chỉ báo cáo" are no dates of their own. "trụ sở" (a
    /// building) folds to the same letters and limits nothing.</summary>
    [Theory]
    [InlineData("Báo cáo hằng quý (trừ quý IV), trước ngày 15 tháng cuối quý.", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15")]
    [InlineData("Báo cáo hằng quý, chậm nhất ngày 15 tháng đầu quý sau, trừ báo cáo quý IV.", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15")]
    [InlineData("Báo cáo hằng quý (trừ quý IV).", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30")]
    [InlineData("Báo cáo hằng quý, chậm nhất ngày 15 tháng đầu quý sau, chỉ báo cáo quý I và quý III.", "recurring: Quý I 2025-04-15 | Quý III 2025-10-15")]
    [InlineData("Báo cáo hằng quý về công tác xây dựng trụ sở, trước ngày 15 tháng cuối quý.", "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    public void The_quarters_left_out_are_not_reported(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
