using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The thirty-fourth harvest's Tết holiday: a span whose solar days carry their lunar days in brackets.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>Days counted around Tết, "N ngày trước Tết và M ngày sau Tết", beside a span given with "từ" make up that
    /// span, no date of their own; a weekday right before a day ("thứ Hai 16/02/2026", "ngày" left out) and "Dương lịch"
    /// with the lunar day in brackets after the first day keep the span whole. Without the span, the count stays a day.</summary>
    [Theory]
    [InlineData("Nghỉ 05 ngày theo quy định gồm 01 ngày trước Tết và 04 ngày sau Tết từ thứ Hai 16/02/2026 Dương lịch (tức ngày 29 tháng Chạp năm Ất Tỵ) đến hết thứ Sáu ngày 20/02/2026 Dương lịch (tức ngày mùng 4 tháng Giêng năm Bính Ngọ).", "continuous: 2026-02-20")]
    [InlineData("Nghỉ từ thứ Hai 16/02/2026 đến hết thứ Sáu 20/02/2026.", "continuous: 2026-02-20")]
    [InlineData("Gửi báo cáo chậm nhất 01 ngày trước Tết Nguyên đán 2026 và 04 ngày sau Tết.", "once: 2026-02-16")]
    public void Days_around_tet_beside_a_span_with_lunar_days_in_brackets(string phrase, string expected) =>
        Assert.Equal(expected, Read(phrase, new DeadlineContext(2025, new LocalDate(2025, 10, 30), RepositoryData.Calendar)));
}
