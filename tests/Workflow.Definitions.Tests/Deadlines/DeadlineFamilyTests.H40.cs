namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the fortieth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Trong thời hạn 15 ngày đầu của tháng 01 hằng năm": the first N days of a month named without its year end
    /// on its day N (every year with "hằng năm"); "mức lãi suất bình quân theo tháng" is a rate, no monthly duty.</summary>
    [Theory]
    [InlineData("Trong thời hạn 15 ngày đầu của tháng 01 hằng năm, Bảo hiểm xã hội thông báo mức lãi suất bình quân theo tháng.", "recurring: Năm 2025-01-15")]
    [InlineData("Trong 15 ngày đầu tháng 7, báo cáo.", "once: 2025-07-15")]
    public void The_first_days_of_a_named_month_end_on_its_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"trong vòng 05 ngày làm việc sau thời điểm đóng thầu": after the moment something happens waits for it.</summary>
    [Theory]
    [InlineData("Nhà thầu có thể nộp bổ sung hàng mẫu trong vòng 05 ngày làm việc sau thời điểm đóng thầu.", "event:")]
    public void A_count_after_the_moment_of_an_act_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Đối với quý 4 trong năm, thời hạn … không quá 60 ngày, kể từ ngày … nhận được báo cáo quyết toán quý 4 …":
    /// the quarter of an opening "Đối với …," case and the quarter in the awaited event's words are no deadlines.</summary>
    [Theory]
    [InlineData("Đối với quý 4 trong năm, thời hạn thông báo không quá 60 ngày, kể từ ngày nhận được báo cáo quyết toán quý 4 của cơ sở.", "event:")]
    [InlineData("Đối với báo cáo quý 4, gửi trước ngày 15/01/2026.", "once: 2026-01-15")]
    public void A_case_before_a_count_from_an_event_is_no_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
