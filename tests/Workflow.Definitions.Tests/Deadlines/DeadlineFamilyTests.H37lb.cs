using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-seventh harvest's misses of lane lb: periods that say what a deadline is for
/// (a tax period, also as a scan damaged it; a year said with "của"; a target's year beside a report in brackets) and a target
/// "phấn đấu đến năm".</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext H37lbTracked2026 = new(2026, null, RepositoryData.Calendar);

    /// <summary>The tax period before "chậm nhất là ngày …" is the note, also when a scan split "thuế" ("th ué"), typed a dot for
    /// the space after "tháng" or "năm" ("tháng.5 năm.2026") or read the quarter's I as a bar ("quý |"). A dot or a bar
    /// elsewhere keeps its reading.</summary>
    [Theory]
    [InlineData("Thời hạn nộp thuế của kỳ tính th ué tháng 5 năm 2026 chậm nhất là ngày 20 tháng 11 năm 2026.", "once: 2026-11-20")]
    [InlineData("Thời hạn nộp thuế của kỳ tính thuế tháng.5 năm.2026 chậm nhất là ngày 20 tháng 11 năm 2026.", "once: 2026-11-20")]
    [InlineData("Thời hạn nộp thuế của kỳ tính thuế quý | năm 2026 chậm nhất là ngày 30 tháng 9 năm 2026.", "once: 2026-09-30")]
    [InlineData("Hoàn thành trong tháng.10 năm.2026", "once: 2026-10-31")]
    [InlineData("Quý |/2026", "once: 2026-03-31")]
    [InlineData("Quý | Hạn nộp", "unknown")]
    public void A_scanned_tax_period_is_the_note(string phrase, string expected) =>
        Assert.StartsWith(expected, Read(phrase, H37lbTracked2026), StringComparison.Ordinal);

    /// <summary>A year said with "của" after what it qualifies, before a later day said as a deadline in its sentence, is what
    /// the work is of; a day's own "của năm" and a year of the deadline's own year keep their readings.</summary>
    [Theory]
    [InlineData("Hoàn thành hồ sơ còn tồn của năm 2025 trước ngày 31/3/2026.", "once: 2026-03-31")]
    [InlineData("Hoàn thành trước ngày 31 tháng 12 của năm 2026.", "once: 2026-12-31")]
    [InlineData("Kết quả của năm 2026 và báo cáo trước ngày 31/3/2026.", "phased: ")]
    public void A_year_said_with_cua_before_a_later_deadline_is_the_note(string phrase, string expected) =>
        Assert.StartsWith(expected, Read(phrase, H37lbTracked2026), StringComparison.Ordinal);

    /// <summary>"phấn đấu đến năm 2027" is a target by that year's end, as "phấn đấu năm 2027" is; a span of years stays one.</summary>
    [Theory]
    [InlineData("Phấn đấu đến năm 2027 đạt 90% hồ sơ trực tuyến.", "once: 2027-12-31")]
    [InlineData("tỷ trọng thu nội địa phan đấu đến năm 2027 đạt khoảng 85 - 86%,", "once: 2027-12-31")]
    [InlineData("Triển khai từ năm 2026 đến năm 2027.", "continuous: ")]
    public void A_target_strived_for_by_a_year_is_due_at_its_end(string phrase, string expected) =>
        Assert.StartsWith(expected, Read(phrase, H37lbTracked2026), StringComparison.Ordinal);

    /// <summary>A pair of numbers whose second is glued to "%" is a range of shares, no day and month the calendar lacks; a day
    /// range with its month stays a span.</summary>
    [Fact]
    public void A_range_of_shares_is_no_date()
    {
        var schedule = DeadlineParser.Parse("Phấn đấu năm 2026 tỷ lệ thu từ thuế khoảng 13 - 14% GDP.", H37lbTracked2026);

        Assert.Equal("once: 2026-12-31", ScheduleText.Of(schedule));
        Assert.DoesNotContain("không có trong lịch", schedule.Note ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("continuous: 2026-05-14", Read("Từ ngày 13 - 14/5/2026.", H37lbTracked2026));
    }

    /// <summary>A target's year after "chỉ tiêu" beside a report in brackets ("(Báo cáo Bộ trong tháng 12/2026)", to whom at
    /// most four words) is the note; the report's month is due. Brackets with more words before "trong" keep the year.</summary>
    [Theory]
    [InlineData("Giao chỉ tiêu thu ngân sách năm 2027 cho các đơn vị (Báo cáo Bộ trong tháng 12/2026).", "once: 2026-12-31")]
    [InlineData("Giao chỉ tiêu thu ngân sách năm 2027 cho các đơn vị (Báo cáo Bộ về kết quả thực hiện trong tháng 12/2026).", "continuous: ")]
    public void A_targets_year_beside_a_report_in_brackets_is_the_note(string phrase, string expected) =>
        Assert.StartsWith(expected, Read(phrase, H37lbTracked2026), StringComparison.Ordinal);
}
