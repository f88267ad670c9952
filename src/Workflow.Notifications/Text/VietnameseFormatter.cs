using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Humanizer;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace Workflow.Notifications.Text;

/// <summary>
/// Vietnamese texts for Humanizer 2.14's relative-time keys (<c>DateHumanize_*</c>,
/// <c>TimeSpanHumanize_*</c>, <c>TimeUnit_*</c>). Humanizer.Core ships English resources only,
/// so this formatter answers every such key from its own table instead of the resource files.
/// </summary>
/// <remarks>
/// <para>Vietnamese nouns do not inflect for number: "1 ngày", "3 ngày". Past is "… trước"
/// ("3 ngày trước"), future is "… nữa" ("3 ngày nữa"); one day is "hôm qua" / "ngày mai";
/// now is "bây giờ"; never is "không bao giờ". Hours are "giờ" ("2 giờ trước"), the written form
/// used in notifications (the spoken "tiếng" is avoided).</para>
/// <para>Zero: <c>TimeSpan.Zero.Humanize()</c> gives "0 mili giây" (Humanizer formats zero in the
/// smallest unit); <c>toWords: true</c> gives "0 giây" (<see cref="DefaultFormatter.TimeSpanHumanize_Zero"/>,
/// English "no time"): a plain zero duration reads most naturally in seconds.</para>
/// <para>With <c>toWords: true</c> the number is spelled by Humanizer's Vietnamese number-to-words
/// converter ("ba ngày", "hai mươi mốt ngày"). Symbols (<c>TimeUnit.ToSymbol</c>): ms, s, ph, h,
/// ngày, tuần, tháng, năm. Byte-size texts (<c>DataUnitHumanize</c>) are not translated.</para>
/// <para>A key missing from the table falls back to Humanizer's English text rather than failing
/// a notification; the tests check that every relative-time key is covered.</para>
/// </remarks>
public sealed class VietnameseFormatter : DefaultFormatter
{
    /// <summary>The culture code this formatter is registered under.</summary>
    public const string CultureCode = "vi";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo(CultureCode);

    private static readonly FrozenDictionary<string, string> Texts = BuildTexts();

    /// <summary>Creates the formatter for the <c>vi</c> culture.</summary>
    public VietnameseFormatter()
        : base(CultureCode)
    {
    }

    /// <summary>The resource keys this formatter translates, with their Vietnamese templates.</summary>
    public static IReadOnlyDictionary<string, string> Translations => Texts;

    /// <inheritdoc />
    protected override string Format(string resourceKey)
    {
        return Texts.TryGetValue(GetResourceKey(resourceKey), out var text) ? text : base.Format(resourceKey);
    }

    /// <inheritdoc />
    protected override string Format(string resourceKey, int number, bool toWords)
    {
        if (!Texts.TryGetValue(GetResourceKey(resourceKey, number), out var template))
        {
            return base.Format(resourceKey, number, toWords);
        }

        var value = toWords ? number.ToWords(Vietnamese) : number.ToString(Vietnamese);
        return string.Format(Vietnamese, template, value).Normalize(NormalizationForm.FormC);
    }

    private static FrozenDictionary<string, string> BuildTexts()
    {
        // Humanizer's key names: singular unit for "Single…", English plural for "Multiple…".
        (string Singular, string Plural, string Noun, string Symbol)[] units =
        [
            ("Millisecond", "Milliseconds", "mili giây", "ms"),
            ("Second", "Seconds", "giây", "s"),
            ("Minute", "Minutes", "phút", "ph"),
            ("Hour", "Hours", "giờ", "h"),
            ("Day", "Days", "ngày", "ngày"),
            ("Week", "Weeks", "tuần", "tuần"),
            ("Month", "Months", "tháng", "tháng"),
            ("Year", "Years", "năm", "năm"),
        ];

        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DateHumanize_Now"] = "bây giờ",
            ["DateHumanize_Never"] = "không bao giờ",
            ["TimeSpanHumanize_Zero"] = "0 giây",
        };

        foreach (var (singular, plural, noun, symbol) in units)
        {
            texts[$"DateHumanize_Single{singular}Ago"] = $"1 {noun} trước";
            texts[$"DateHumanize_Single{singular}FromNow"] = $"1 {noun} nữa";
            texts[$"DateHumanize_Multiple{plural}Ago"] = $"{{0}} {noun} trước";
            texts[$"DateHumanize_Multiple{plural}FromNow"] = $"{{0}} {noun} nữa";
            texts[$"TimeSpanHumanize_Single{singular}"] = $"1 {noun}";
            texts[$"TimeSpanHumanize_Single{singular}_Words"] = $"một {noun}";
            texts[$"TimeSpanHumanize_Multiple{plural}"] = $"{{0}} {noun}";
            texts[$"TimeUnit_{singular}"] = symbol;
        }

        texts["DateHumanize_SingleDayAgo"] = "hôm qua";
        texts["DateHumanize_SingleDayFromNow"] = "ngày mai";

        return texts.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Normalize(NormalizationForm.FormC),
            StringComparer.Ordinal);
    }
}
