using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Notices' days: leave listed day by day after its count, the occasion it is for, "từ ngày ra thông báo".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"nghỉ 02 ngày: thứ Tư ngày 02/9/2026 và thứ Năm ngày 03/9/2026": as many consecutive days as the count before
    /// them, each written in full with its weekday or not, are a span; days that are not consecutive, or fewer than the
    /// count, stay listed. The occasion named after "Dịp" that the span holds is its note, and "thứ Năm" (Thursday) is no
    /// year.</summary>
    [Theory]
    [InlineData("Dịp Quốc khánh 2/9/2026, cán bộ được nghỉ 02 ngày: thứ Tư ngày 02/9/2026 và thứ Năm ngày 03/9/2026.", "continuous: 2026-09-03")]
    [InlineData("Nghỉ 02 ngày: thứ Tư 02/9/2026 và thứ Năm 03/9/2026.", "continuous: 2026-09-03")]
    [InlineData("Tổ chức trong 03 ngày: 14/10/2026, 15/10/2026 và 16/10/2026.", "continuous: 2026-10-16")]
    [InlineData("Nghỉ 02 ngày: ngày 02/9/2026 và ngày 05/9/2026.", "phased: Nghỉ 02 2026-09-02 | Nghỉ 02 2026-09-05")]
    [InlineData("Họp vào thứ Năm hằng tuần", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Days_counted_then_listed_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Thời gian thu nhận hồ sơ: Từ ngày ra thông báo đến hết ngày 30/3/2026": from the day the notice is put out,
    /// as "từ ngày ban hành".</summary>
    [Theory]
    [InlineData("Thời gian thu nhận hồ sơ: Từ ngày ra thông báo đến hết ngày 30/3/2026.", "continuous: 2026-03-30")]
    public void From_the_day_a_notice_is_put_out_is_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase, new DeadlineContext(2026, new NodaTime.LocalDate(2026, 1, 20), RepositoryData.Calendar)));
}
