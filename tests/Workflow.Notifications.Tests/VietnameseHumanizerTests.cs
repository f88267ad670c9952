using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Humanizer;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;
using Workflow.Notifications.Text;

namespace Workflow.Notifications.Tests;

public sealed partial class VietnameseHumanizerTests
{
    private static readonly CultureInfo Vi = VietnameseHumanizer.Culture;
    private static readonly DateTime Base = new(2025, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    public VietnameseHumanizerTests() => VietnameseHumanizer.Register();

    [GeneratedRegex(@"\b(ago|from|now|never|no|time|one|an?|yesterday|tomorrow|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    public static TheoryData<double, string> TimeSpans => new()
    {
        { 1, "1 mili giây" },
        { 250, "250 mili giây" },
        { 1_000, "1 giây" },
        { 45_000, "45 giây" },
        { 60_000, "1 phút" },
        { 120_000, "2 phút" },
        { 3_600_000, "1 giờ" },
        { 5 * 3_600_000, "5 giờ" },
        { 86_400_000, "1 ngày" },
        { 3 * 86_400_000.0, "3 ngày" },
        { 7 * 86_400_000.0, "1 tuần" },
        { 14 * 86_400_000.0, "2 tuần" },
        { 400 * 86_400_000.0, "57 tuần" },
    };

    [Theory]
    [MemberData(nameof(TimeSpans))]
    public void TimeSpan_is_humanized_without_plural_forms(double milliseconds, string expected)
    {
        Assert.Equal(expected, TimeSpan.FromMilliseconds(milliseconds).Humanize(culture: Vi));
    }

    [Theory]
    [InlineData(31, "1 tháng")]
    [InlineData(62, "2 tháng")]
    [InlineData(366, "1 năm")]
    [InlineData(800, "2 năm")]
    public void TimeSpan_up_to_years(int days, string expected)
    {
        Assert.Equal(expected, TimeSpan.FromDays(days).Humanize(culture: Vi, maxUnit: TimeUnit.Year));
    }

    [Theory]
    [InlineData(1, "một ngày")]
    [InlineData(3, "ba ngày")]
    [InlineData(21, "ba tuần")]
    public void TimeSpan_in_words(int days, string expected)
    {
        Assert.Equal(expected, TimeSpan.FromDays(days).Humanize(culture: Vi, toWords: true));
    }

    [Fact]
    public void Zero_TimeSpan()
    {
        Assert.Equal("0 mili giây", TimeSpan.Zero.Humanize(culture: Vi));
        Assert.Equal("0 giây", TimeSpan.Zero.Humanize(culture: Vi, minUnit: TimeUnit.Second));
        Assert.Equal("0 giây", TimeSpan.Zero.Humanize(culture: Vi, toWords: true));
    }

    [Fact]
    public void TimeSpan_with_precision()
    {
        Assert.Equal("1 ngày, 2 giờ", (TimeSpan.FromDays(1) + TimeSpan.FromHours(2)).Humanize(2, culture: Vi));
    }

    public static TheoryData<double, string> Relative => new()
    {
        { 0, "bây giờ" },
        { -0.2, "bây giờ" },
        { -1, "1 giây trước" },
        { 1, "1 giây nữa" },
        { -30, "30 giây trước" },
        { 45, "45 giây nữa" },
        { -90, "1 phút trước" },
        { 5 * 60, "5 phút nữa" },
        { -59 * 60, "59 phút trước" },
        { -3600, "1 giờ trước" },
        { 3600, "1 giờ nữa" },
        { 3 * 3600, "3 giờ nữa" },
        { -23 * 3600, "23 giờ trước" },
        { -86_400, "hôm qua" },
        { 86_400, "ngày mai" },
        { -3 * 86_400, "3 ngày trước" },
        { 3 * 86_400, "3 ngày nữa" },
        { 14 * 86_400, "14 ngày nữa" },
        { -31 * 86_400, "1 tháng trước" },
        { 31 * 86_400, "1 tháng nữa" },
        { -60 * 86_400, "2 tháng trước" },
        { 200 * 86_400, "6 tháng nữa" },
        { -400 * 86_400, "1 năm trước" },
        { 400 * 86_400, "1 năm nữa" },
        { -800 * 86_400, "2 năm trước" },
        { 1_100 * 86_400, "3 năm nữa" },
    };

    [Theory]
    [MemberData(nameof(Relative))]
    public void DateTime_is_humanized_relative_to_a_date(double seconds, string expected)
    {
        var input = Base.AddSeconds(seconds);
        Assert.Equal(expected, input.Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
    }

    [Fact]
    public void Nullable_DateTime_without_value_is_never()
    {
        DateTime? none = null;
        Assert.Equal("không bao giờ", none.Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
    }

    [Fact]
    public void Vietnam_culture_resolves_to_the_same_formatter()
    {
        var viVn = CultureInfo.GetCultureInfo("vi-VN");
        Assert.Equal("hôm qua", Base.AddDays(-1).Humanize(utcDate: true, dateToCompareAgainst: Base, culture: viVn));
        Assert.Equal("2 tuần", TimeSpan.FromDays(14).Humanize(culture: viVn));
    }

    [Fact]
    public void Other_cultures_are_untouched()
    {
        Assert.Equal("3 days", TimeSpan.FromDays(3).Humanize(culture: CultureInfo.GetCultureInfo("en-US")));
    }

    [Theory]
    [InlineData(TimeUnit.Second, "s")]
    [InlineData(TimeUnit.Minute, "ph")]
    [InlineData(TimeUnit.Day, "ngày")]
    [InlineData(TimeUnit.Year, "năm")]
    public void Symbols(TimeUnit unit, string expected)
    {
        Assert.Equal(expected, unit.ToSymbol(Vi));
    }

    [Fact]
    public void Every_relative_time_key_of_Humanizer_is_translated()
    {
        var resources = new ResourceManager("Humanizer.Properties.Resources", typeof(DefaultFormatter).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        Assert.NotNull(set);
        var keys = set.Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .Where(key => key.StartsWith("DateHumanize_", StringComparison.Ordinal)
                || key.StartsWith("TimeSpanHumanize_", StringComparison.Ordinal)
                || key.StartsWith("TimeUnit_", StringComparison.Ordinal))
            // Grammatical-number variants (_Dual, _Plural, …) are only asked for by formatters that override GetResourceKey.
            .Where(key => !Regex.IsMatch(key, "_(Dual|DualTrialQuadral|TrialQuadral|Plural|Singular|Paucal|Above20)$"))
            .ToList();

        Assert.True(keys.Count > 50, $"only {keys.Count} keys found");
        var missing = keys.FindAll(key => !VietnameseFormatter.Translations.ContainsKey(key));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_unit_tense_and_count_gives_Vietnamese()
    {
        var formatter = VietnameseHumanizer.Formatter;
        Assert.IsType<VietnameseFormatter>(formatter);
        var texts = new List<string> { formatter.DateHumanize_Now(), formatter.DateHumanize_Never(), formatter.TimeSpanHumanize_Zero() };
        foreach (var unit in Enum.GetValues<TimeUnit>())
        {
            texts.Add(formatter.TimeUnitHumanize(unit));
            foreach (var count in new[] { 1, 2, 3, 10, 21, 100 })
            {
                texts.Add(formatter.DateHumanize(unit, Tense.Past, count));
                texts.Add(formatter.DateHumanize(unit, Tense.Future, count));
                texts.Add(formatter.TimeSpanHumanize(unit, count, toWords: false));
                texts.Add(formatter.TimeSpanHumanize(unit, count, toWords: true));
            }
        }

        Assert.All(texts, text =>
        {
            Assert.False(English().IsMatch(text), text);
            Assert.True(text.IsNormalized(NormalizationForm.FormC), text);
        });
    }

    [Fact]
    public void Translations_are_NFC_with_precomposed_diacritics()
    {
        Assert.All(VietnameseFormatter.Translations.Values, text => Assert.True(text.IsNormalized(NormalizationForm.FormC), text));
        // "ữ" (U+1EEF) and "ờ" (U+1EDD) are single code points, not base letter + combining marks.
        Assert.Equal("3 ng\u00E0y n\u1EEFa", Base.AddDays(3).Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
        Assert.Equal("1 gi\u1EDD", TimeSpan.FromHours(1).Humanize(culture: Vi));
    }

    [Fact]
    public void Register_is_idempotent_and_thread_safe()
    {
        Parallel.For(0, 64, _ => VietnameseHumanizer.Register());
        VietnameseHumanizer.Register();
        Assert.IsType<VietnameseFormatter>(VietnameseHumanizer.Formatter);
        Assert.Equal("3 ngày nữa", Base.AddDays(3).Humanize(utcDate: true, dateToCompareAgainst: Base, culture: Vi));
    }
}
