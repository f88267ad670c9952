using System.Globalization;
using System.Text;
using Humanizer;
using Workflow.Notifications.Text;

namespace Workflow.Notifications.Tests;

/// <summary>The amounts of the emails come from Humanizer's own Vietnamese resources (Humanizer.Core.vi), not from a formatter of ours.</summary>
public sealed class HumanizerVietnameseTests
{
    private static readonly CultureInfo Vi = DueText.Culture;
    private static readonly DateTime Base = new(2025, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_vietnamese_resources_are_deployed_and_used()
    {
        Assert.Equal("3 ngày", TimeSpan.FromDays(3).Humanize(culture: Vi));
        Assert.Equal("2 tuần", TimeSpan.FromDays(14).Humanize(culture: Vi));
        Assert.Equal("hôm qua", Base.AddDays(-1).Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
        Assert.Equal("3 ngày nữa", Base.AddDays(3).Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
        Assert.Equal("3 days", TimeSpan.FromDays(3).Humanize(culture: CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Every_amount_a_due_date_can_take_is_vietnamese_and_nfc()
    {
        var formatter = Configurator.Formatters.ResolveForCulture(Vi);
        foreach (var (unit, noun) in new[] { (TimeUnit.Day, "ngày"), (TimeUnit.Week, "tuần"), (TimeUnit.Month, "tháng"), (TimeUnit.Year, "năm") })
        {
            for (var count = 1; count <= 60; count++)
            {
                var text = formatter.TimeSpanHumanize(unit, count);
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{count} {noun}"), text.Normalize(NormalizationForm.FormC));
            }
        }
    }
}
