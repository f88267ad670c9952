using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The family mended from the thirty-sixth harvest's miss: a rule's starting day said before a count from an event.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Kể từ ngày 01/01/2026, trong thời hạn 10 ngày kể từ ngày giao hàng, …": the day, set off by a comma before the
    /// count, is when the rule starts to apply; the deadline waits for its own event and the note names the starting day. A span
    /// the event closes ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê") keeps its dates.</summary>
    [Theory]
    [InlineData("Kể từ ngày 01 tháng 01 năm 2026, trong thời hạn 10 ngày kể từ ngày giao hàng, tổ chức kinh doanh phải lập phiếu kiểm soát.", "event:")]
    [InlineData("Từ ngày 01/7/2025, chậm nhất 05 ngày làm việc kể từ ngày nhận hồ sơ, cơ quan phải trả lời.", "event:")]
    [InlineData("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.", "event: Quý IV 2025-12-31")]
    [InlineData("Kể từ ngày 01/01/2026, định kỳ hằng quý, trước ngày 20 tháng cuối quý, báo cáo.", "recurring: Quý I 2026-03-20 | Quý II 2026-06-20 | Quý III 2026-09-20 | Quý IV 2026-12-20")]
    public void A_starting_day_before_a_count_from_an_event_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void The_note_names_the_starting_day()
    {
        var schedule = DeadlineParser.Parse("Từ ngày 01/7/2025, chậm nhất 05 ngày làm việc kể từ ngày nhận hồ sơ, cơ quan phải trả lời.", Y2025);

        Assert.Contains("\"01/7/2025\" là ngày bắt đầu áp dụng", schedule.Note, StringComparison.Ordinal);
    }
}
