using System.Text;
using NodaTime;
using Workflow.Notifications.Text;

namespace Workflow.Notifications.Tests;

public sealed class DueTextTests
{
    private static readonly LocalDate Today = new(2025, 3, 15);

    [Theory]
    [InlineData(0, "hôm nay")]
    [InlineData(1, "còn 1 ngày")]
    [InlineData(3, "còn 3 ngày")]
    [InlineData(7, "còn 7 ngày")]
    [InlineData(13, "còn 13 ngày")]
    [InlineData(14, "còn 2 tuần")]
    [InlineData(20, "còn 2 tuần")]
    [InlineData(21, "còn 3 tuần")]
    [InlineData(30, "còn 4 tuần")] // 14 April: not yet a calendar month
    [InlineData(31, "còn 1 tháng")] // 15 April
    [InlineData(60, "còn 1 tháng")]
    [InlineData(61, "còn 2 tháng")] // 15 May
    [InlineData(183, "còn 5 tháng")] // 14 September
    [InlineData(184, "còn 6 tháng")] // 15 September
    [InlineData(364, "còn 11 tháng")]
    [InlineData(365, "còn 1 năm")] // 15 March 2026
    [InlineData(400, "còn 1 năm")]
    [InlineData(-1, "quá hạn 1 ngày")]
    [InlineData(-2, "quá hạn 2 ngày")]
    [InlineData(-13, "quá hạn 13 ngày")]
    [InlineData(-14, "quá hạn 2 tuần")]
    [InlineData(-27, "quá hạn 3 tuần")]
    [InlineData(-28, "quá hạn 1 tháng")] // 15 February
    [InlineData(-59, "quá hạn 2 tháng")] // 15 January
    [InlineData(-90, "quá hạn 3 tháng")] // 15 December 2024
    [InlineData(-364, "quá hạn 11 tháng")]
    [InlineData(-365, "quá hạn 1 năm")] // 15 March 2024
    [InlineData(-400, "quá hạn 1 năm")]
    public void Describes_the_due_date_at_key_points(int days, string expected)
    {
        Assert.Equal(expected, DueText.Describe(Today.PlusDays(days), Today));
    }

    [Fact]
    public void Month_end_counts_calendar_months()
    {
        // NodaTime clamps to the month's end: 31 January + 1 month = 28 February.
        Assert.Equal("còn 1 tháng", DueText.Describe(new LocalDate(2025, 2, 28), new LocalDate(2025, 1, 31)));
        Assert.Equal("còn 3 tuần", DueText.Describe(new LocalDate(2025, 2, 27), new LocalDate(2025, 1, 31)));
        Assert.Equal("còn 1 tháng", DueText.Describe(new LocalDate(2025, 3, 1), new LocalDate(2025, 2, 1)));
        Assert.Equal("quá hạn 1 năm", DueText.Describe(new LocalDate(2024, 2, 29), new LocalDate(2025, 2, 28)));
    }

    [Fact]
    public void Every_day_from_minus_400_to_plus_400_is_framed_NFC_Vietnamese()
    {
        for (var days = -400; days <= 400; days++)
        {
            var text = DueText.Describe(Today.PlusDays(days), Today);
            Assert.True(text.IsNormalized(NormalizationForm.FormC), text);
            var prefix = days switch { 0 => "hôm nay", > 0 => "còn ", _ => "quá hạn " };
            Assert.StartsWith(prefix, text, StringComparison.Ordinal);
            if (days != 0)
            {
                Assert.Matches(@"^(còn|quá hạn) [1-9][0-9]* (ngày|tuần|tháng|năm)$", text);
            }

            if (Math.Abs(days) is >= 1 and <= 13)
            {
                Assert.EndsWith($" {Math.Abs(days)} ngày", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Is_symmetric_in_words()
    {
        Assert.Equal("còn 2 tuần", DueText.Describe(Today.PlusDays(14), Today));
        Assert.Equal("quá hạn 2 tuần", DueText.Describe(Today, Today.PlusDays(14)));
    }

    [Fact]
    public void Different_calendars_are_rejected()
    {
        var julian = Today.WithCalendar(CalendarSystem.Julian);
        Assert.Throws<ArgumentException>(() => DueText.Describe(julian, Today));
    }
}
