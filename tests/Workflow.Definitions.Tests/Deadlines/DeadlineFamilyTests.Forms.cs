using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>A date written in words ("ngày 20 tháng 8 năm 2025"), with slashes ("ngày 20/8/2025") or mixed ("ngày 20
/// tháng 8/2025") is one date: every rule that asks whether a full day is said reads all three alike.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A full day said with "trước" or "chậm nhất" in the sentence makes "sau khi", "trước khi", a passive "khi được"
    /// and "khi" before a reorganisation the note, whichever way the day is written. The clause first still waits.</summary>
    [Theory]
    [InlineData("Trước ngày 20 tháng 8 năm 2025: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-08-20")]
    [InlineData("Trước ngày 20/8/2025: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-08-20")]
    [InlineData("Trước ngày 20 tháng 8/2025: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-08-20")]
    [InlineData("Báo cáo Bộ Chính trị trước khi xin ý kiến các cấp ủy, chậm nhất ngày 09 tháng 3 năm 2025.", "once: 2025-03-09")]
    [InlineData("Đơn phúc tra được coi là hợp lệ khi được gửi Chủ tịch Hội đồng trước ngày 14 tháng 7 năm 2025.", "once: 2025-07-14")]
    [InlineData("Sau khi sắp xếp đơn vị hành chính, hoàn thành trước ngày 20 tháng 8 năm 2025.", "event: 2025-08-20")]
    public void A_full_day_in_words_is_said_as_with_slashes(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A span's last day with its month's year after "/" closes the span as with "năm".</summary>
    [Theory]
    [InlineData("Từ ngày 24 đến ngày 30 tháng 5/2025.", "continuous: 2025-05-30")]
    [InlineData("Từ ngày 24 đến ngày 30 tháng 5 năm 2025.", "continuous: 2025-05-30")]
    [InlineData("Kỳ họp diễn ra từ ngày 08 đến ngày 09 tháng 12/2025.", "continuous: 2025-12-09")]
    public void A_span_closed_by_a_month_with_its_year_after_a_slash(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The Party's style ("tháng 12-2024", "Quý I-2025"), a padded month and a quarter in Arabic numerals.</summary>
    [Theory]
    [InlineData("Tháng 12-2024", "once: 2024-12-31")]
    [InlineData("Quý I-2025", "once: 2025-03-31")]
    [InlineData("tháng 03/2025", "once: 2025-03-31")]
    [InlineData("Quý 1 năm 2026", "once: 2026-03-31")]
    public void Months_and_quarters_in_other_forms(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Letters and marks that only look like Vietnamese ones are read, and shown in labels and notes, as the
    /// Vietnamese ones: the eth "Ð" old-font conversions leave for "Đ", full-width colons some input methods type.</summary>
    [Theory]
    [InlineData("\u00D0ầu tháng 9/2026", 2026, "once: 2026-09-10")]
    [InlineData("Thực hiện thủ tục chấp thuận chủ trương đầu tư\uFF1A Quý IV năm 2025.", 2025, "once: 2025-12-31")]
    [InlineData("Tuần dự phòng sau khi kết thúc học kỳ II\uFF1A từ ngày 26/5/2025 đến ngày 31/5/2025.", 2025, "continuous: 2025-05-31")]
    public void Look_alike_letters_and_marks_are_read_as_the_Vietnamese_ones(string phrase, int year, string expected) =>
        Assert.Equal(expected, Read(phrase, new DeadlineContext(year, null, RepositoryData.Calendar)));

    [Fact]
    public void A_look_alike_letter_is_shown_as_the_Vietnamese_one()
    {
        var schedule = DeadlineParser.Parse("\u00D0ợt 1: \u00F0ầu tháng 9/2026. \u00D0ợt 2: tháng 12/2026", new DeadlineContext(2026, null, RepositoryData.Calendar));
        Assert.Equal(["Đợt 1", "Đợt 2"], schedule.Milestones.Select(m => m.Label));
    }
}
