namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-fifth harvest's misses (lane cnt3): a count before an event said another
/// way ("trước N ngày &lt;an act&gt;", "trước khi &lt;an act&gt; N ngày"), and the days off a count leaves out said between
/// it and what it counts from ("không bao gồm ngày nghỉ lễ, tết"), whose Tết is no date.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A count after "trước" followed at once by an act's words, or after the words of "trước khi …", is that long
    /// before the act: the task waits for it. A count with a comma and a day after it is still counted from that day.</summary>
    [Theory]
    [InlineData("Chậm nhất trước 05 ngày đoàn khách dự kiến vào cảng, cơ quan chủ trì lập hồ sơ gửi cơ quan cấp phép.", "event:")]
    [InlineData("Gửi dự thảo về Sở Tư pháp trước khi trình Uỷ ban nhân dân tỉnh 20 ngày, để thẩm định.", "event:")]
    [InlineData("Gửi dự thảo trước khi trình Uỷ ban nhân dân tỉnh ít nhất 03 tháng.", "event:")]
    [InlineData("Gửi hồ sơ trước 10 ngày, trước ngày 31/12/2025.", "once: 2025-12-21")]
    public void A_count_before_an_act_said_another_way_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"không bao gồm (không kể, trừ) ngày nghỉ lễ, tết" between a count and "kể từ" does not break the count, and
    /// its Tết is no date; from the plan's issue date the count runs in calendar days (listed). Tết named elsewhere stays.</summary>
    [Theory]
    [InlineData("Trong thời hạn 20 ngày, không bao gồm ngày nghỉ lễ, tết, kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội có trách nhiệm giải quyết.", "event:")]
    [InlineData("Trong thời hạn 15 ngày (không kể ngày nghỉ lễ, tết) kể từ ngày nhận đơn, cơ quan phải trả lời.", "event:")]
    [InlineData("Trong thời hạn 20 ngày (không kể ngày nghỉ lễ, tết) kể từ ngày ban hành kế hoạch, các sở báo cáo.", "once: 2025-12-10")]
    [InlineData("Hoàn thành trước Tết Nguyên đán 2026.", "once: 2026-02-16")]
    public void Days_off_a_count_leaves_out_do_not_break_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
