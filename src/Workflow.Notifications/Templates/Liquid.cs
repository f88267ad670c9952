using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using NodaTime;

namespace Workflow.Notifications.Templates;

/// <summary>
/// The product's one Liquid setup (Fluid), shared by the email templates and by Liquid
/// expressions in workflow definitions: the parser, the options (Vietnamese culture, Vietnam's
/// time zone, NodaTime values), and the HTML encoder.
/// </summary>
/// <remarks>
/// <para>NodaTime values reach Liquid as dates, so Liquid's <c>date</c> filter formats them:
/// <see cref="LocalDate"/> and <see cref="LocalDateTime"/> are read in Asia/Ho_Chi_Minh (UTC+7),
/// <see cref="Instant"/> and <see cref="ZonedDateTime"/> keep their instant.</para>
/// <para><see cref="Options"/> and <see cref="StrictOptions"/> are shared and must not be changed
/// after start-up; a render makes its own <see cref="TemplateContext"/>.</para>
/// </remarks>
public static partial class Liquid
{
    /// <summary>Vietnam: every date and number a template writes is read there.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The parser; thread-safe, shared.</summary>
    public static FluidParser Parser { get; } = new();

    /// <summary>Lenient options: a name the model lacks is empty (Liquid's own rule; what definitions' expressions use).</summary>
    public static TemplateOptions Options { get; } = Create(strict: false);

    /// <summary>Strict options: a name or filter the model lacks is an error (what the email templates use).</summary>
    public static TemplateOptions StrictOptions { get; } = Create(strict: true);

    /// <summary>Lenient options (as <see cref="Options"/>) with a bound on the statements a render runs and on how deep it
    /// nests: what a workflow definition's Liquid expressions run with, so a runaway loop stops with an error.</summary>
    public static TemplateOptions Limited(int maxSteps, int maxRecursion)
    {
        var options = Create(strict: false);
        options.MaxSteps = maxSteps;
        options.MaxRecursion = maxRecursion;
        return options;
    }

    /// <summary>Escapes what HTML gives meaning to (&lt; &gt; &amp; quotes) and leaves Vietnamese letters as they are.</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Parses <paramref name="source"/>; on failure, <paramref name="problem"/> says what and <paramref name="line"/> where (1-based, 0 when unknown).</summary>
    public static bool TryParse(string source, out IFluidTemplate template, out string problem, out int line)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Parser.TryParse(source, out template, out var error))
        {
            problem = string.Empty;
            line = 0;
            return true;
        }

        // Fluid says "… at (LINE:COLUMN)\nSource:\n…": keep the first sentence, read the line.
        var first = error.Split('\n')[0].Trim();
        var at = Position().Match(first);
        line = at.Success ? int.Parse(at.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;
        problem = at.Success ? first[..at.Index].Trim() + string.Create(CultureInfo.InvariantCulture, $" (cột {at.Groups["column"].Value})") : first;
        return false;
    }

    private static TemplateOptions Create(bool strict)
    {
        var options = new TemplateOptions
        {
            CultureInfo = Culture,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"),
            StrictVariables = strict,
            StrictFilters = strict,
        };
        options.ValueConverters.Add(value => value switch
        {
            LocalDate date => new DateTimeValue(date.AtStartOfDayInZone(Zone).ToDateTimeOffset()),
            LocalDateTime moment => new DateTimeValue(moment.InZoneLeniently(Zone).ToDateTimeOffset()),
            Instant instant => new DateTimeValue(instant.InZone(Zone).ToDateTimeOffset()),
            ZonedDateTime zoned => new DateTimeValue(zoned.ToDateTimeOffset()),
            _ => null,
        });
        return options;
    }

    [GeneratedRegex(@"at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();
}
