namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirtieth harvest's misses (lane cas): a case's days said in its own sentence after
/// the rule's, and a day before which something has already happened beside a cut-off phrased "cho đến hết ngày".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A sentence opened by "Trường hợp …" after the rule's deadline gives that case's days, as a clause after a comma
    /// or a semicolon does; days joined by "và" to the case's day are its too. Without "Trường hợp" both days stay.</summary>
    [Theory]
    [InlineData("Các bộ gửi Bộ Công an trước ngày 31 tháng 3 hằng năm. Trường hợp nhu cầu vượt quá dự trù, các bộ thông báo để đăng ký bổ sung trước ngày 31 tháng 5 và trước ngày 30 tháng 9 của năm đăng ký.", "recurring: Năm 2025-03-31")]
    [InlineData("Các bộ gửi Bộ Công an trước ngày 31 tháng 3 hằng năm; trường hợp nhu cầu vượt quá dự trù, các bộ thông báo để đăng ký bổ sung trước ngày 31 tháng 5 và trước ngày 30 tháng 9 của năm đăng ký.", "recurring: Năm 2025-03-31")]
    [InlineData("Các bộ gửi Bộ Công an trước ngày 31 tháng 3 hằng năm. Các bộ thông báo để đăng ký bổ sung trước ngày 31 tháng 5 và trước ngày 30 tháng 9 của năm đăng ký.", "recurring: Năm 2025-03-31 | Năm 2025-05-31 | Năm 2025-09-30")]
    public void A_cases_sentence_after_the_rule_gives_that_cases_days(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A day said with "trước" after "đã" ("đã sản xuất trước ngày 31/3/2026") is a condition, not a deadline beside
    /// which a later day reached with "(cho) đến hết ngày" is a cut-off: that later day is the deadline. Beside a real
    /// deadline the day reached so is still the cut-off.</summary>
    [Theory]
    [InlineData("Đối với hàng đã sản xuất trước ngày 31/3/2026 chưa được dán tem sẽ được tiếp tục bán cho đến hết ngày 30/6/2026.", "once: 2026-06-30")]
    [InlineData("Cập nhật số liệu đến hết ngày 30/6/2026 và gửi báo cáo trước ngày 15/7/2026.", "once: 2026-07-15")]
    public void A_day_already_past_is_no_deadline_beside_a_cut_off(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
