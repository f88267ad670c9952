namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The thirty-first harvest's first days of every month: "trong (thời hạn) N ngày đầu (tiên) (của) tháng" of a monthly
/// duty, and "… của tháng đầu (tiên) (của) quý" of a quarterly one, end on day N of that month; working days, if said, are
/// counted with the calendar.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>The first N days of every month end on its Nth day; of each quarter's first (last) month, on that month's.</summary>
    [Theory]
    [InlineData("Định kỳ hằng tháng, trong thời hạn 05 ngày đầu tiên của tháng, thực hiện nhận xét về việc chấp hành án;", "recurring: Tháng 1 2025-01-05 | Tháng 2 2025-02-05 | Tháng 3 2025-03-05 | Tháng 4 2025-04-05 | Tháng 5 2025-05-05 | Tháng 6 2025-06-05 | Tháng 7 2025-07-05 | Tháng 8 2025-08-05 | Tháng 9 2025-09-05 | Tháng 10 2025-10-05 | Tháng 11 2025-11-05 | Tháng 12 2025-12-05")]
    [InlineData("Định kỳ 01 tháng một lần, trong thời hạn 03 ngày đầu của tháng, nộp bản tự nhận xét;", "recurring: Tháng 1 2025-01-03 | Tháng 2 2025-02-03 | Tháng 3 2025-03-03 | Tháng 4 2025-04-03 | Tháng 5 2025-05-03 | Tháng 6 2025-06-03 | Tháng 7 2025-07-03 | Tháng 8 2025-08-03 | Tháng 9 2025-09-03 | Tháng 10 2025-10-03 | Tháng 11 2025-11-03 | Tháng 12 2025-12-03")]
    [InlineData("Định kỳ hằng quý, trong thời hạn 05 ngày đầu tháng của tháng đầu tiên của quý, Công an cấp xã thực hiện kiểm kê.", "recurring: Quý I 2025-01-05 | Quý II 2025-04-05 | Quý III 2025-07-05 | Quý IV 2025-10-05")]
    [InlineData("Hằng quý, trong 10 ngày đầu của tháng cuối quý, gửi báo cáo.", "recurring: Quý I 2025-03-10 | Quý II 2025-06-10 | Quý III 2025-09-10 | Quý IV 2025-12-10")]
    public void The_first_days_of_every_month_end_on_the_last_of_them(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"05 ngày làm việc đầu tiên của mỗi tháng": the month's fifth working day (2 January 2025 is the first, after
    /// New Year's Day; 7 April is the Hùng Kings' day).</summary>
    [Theory]
    [InlineData("Báo cáo trong 05 ngày làm việc đầu tiên của mỗi tháng.", "recurring: Tháng 1 2025-01-08 | Tháng 2 2025-02-07 | Tháng 3 2025-03-07 | Tháng 4 2025-04-08 | Tháng 5 2025-05-09 | Tháng 6 2025-06-06 | Tháng 7 2025-07-07 | Tháng 8 2025-08-07 | Tháng 9 2025-09-09 | Tháng 10 2025-10-07 | Tháng 11 2025-11-07 | Tháng 12 2025-12-05")]
    public void The_first_working_days_of_every_month_are_counted_with_the_calendar(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Without "trong" the first days are the data's period: the duty's own day stays its deadline.</summary>
    [Theory]
    [InlineData("Cơ quan thuế báo cáo định kỳ ngày 20 hằng tháng về thu ngân sách nhà nước 15 ngày đầu tháng.", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    public void The_first_days_said_without_trong_are_the_datas_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"05 ngày đầu tiên kể từ ngày …" counts from an event, not the first days of a month.</summary>
    [Fact]
    public void The_first_days_counted_from_an_event_are_not_a_months() =>
        Assert.DoesNotContain("2025-01-05", Read("Hằng tháng, gửi báo cáo trong 05 ngày đầu tiên kể từ ngày nhận được thông báo."));
}
