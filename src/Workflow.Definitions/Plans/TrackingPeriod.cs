using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

/// <summary>
/// The years a plan is followed: one year ("2025"), a range ("2023-2025"), or open-ended ("2023
/// và những năm tiếp theo"), and the day its chase ends.
/// </summary>
/// <remarks>
/// A plan is chased until its closing day: the one its file gives (<see cref="ClosesOn"/>), or
/// <see cref="DefaultClosing"/> of the year after its last tracked year (31/01, so the annual report
/// can still be chased). An open-ended plan with no closing day of its own runs until a coordinator
/// closes it.
/// </remarks>
public sealed partial record TrackingPeriod
{
    /// <summary>The default closing day: 31 January of the year after the last tracked year.</summary>
    public static readonly AnnualDate DefaultClosing = new(1, 31);

    public TrackingPeriod(int firstYear, int? lastYear, LocalDate? closesOn = null)
    {
        if (firstYear is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, $"The first tracked year must be between {DeadlineContext.MinYear} and {DeadlineContext.MaxYear}.");
        }

        if (lastYear is { } last && (last < firstYear || last > DeadlineContext.MaxYear))
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "The last tracked year must be between the first one and " + DeadlineContext.MaxYear + ".");
        }

        FirstYear = firstYear;
        LastYear = lastYear;
        ClosesOn = closesOn;
    }

    /// <summary>The first tracked year: the year of every phrase that names none.</summary>
    public int FirstYear { get; }

    /// <summary>The last tracked year; null when the plan is open-ended ("và những năm tiếp theo").</summary>
    public int? LastYear { get; }

    /// <summary>The closing day the plan file gives ("Ngày kết thúc theo dõi"); null for the default.</summary>
    public LocalDate? ClosesOn { get; }

    public bool IsOpenEnded => LastYear is null;

    /// <summary>The day the chase ends (nothing is chased from that day on), or null for an open-ended plan with no day of its own.</summary>
    /// <param name="defaultClosing">The closing day of the year after the last tracked year when the file gives none.</param>
    public LocalDate? ClosingDay(AnnualDate defaultClosing) =>
        ClosesOn ?? (LastYear is { } last ? defaultClosing.InYear(last + 1) : null);

    /// <summary>The tracked years, up to <paramref name="throughYear"/> for an open-ended plan (at least the first year).</summary>
    public IEnumerable<int> Years(int throughYear)
    {
        var last = LastYear ?? Math.Max(FirstYear, Math.Min(throughYear, DeadlineContext.MaxYear));
        return Enumerable.Range(FirstYear, last - FirstYear + 1);
    }

    /// <summary>"2025", "2023–2025", "2023 và những năm tiếp theo".</summary>
    public override string ToString() =>
        LastYear is not { } last ? $"{FirstYear} và những năm tiếp theo"
        : last == FirstYear ? FirstYear.ToString(CultureInfo.InvariantCulture)
        : $"{FirstYear}–{last}";

    /// <summary>
    /// Reads a "Năm theo dõi" cell: "2025", "2023-2025" (any dash, spaces allowed), "2023-",
    /// "từ 2023", "2023 và những năm tiếp theo" (with or without diacritics). Null when it is none of these.
    /// </summary>
    public static TrackingPeriod? Parse(string text, LocalDate? closesOn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Text.VietnameseText.FoldWord(Text.VietnameseText.CollapseWhitespace(text));
        var match = Pattern().Match(folded);
        if (!match.Success)
        {
            return null;
        }

        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        if (first is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
        {
            return null;
        }

        int? last = first;
        if (match.Groups["last"].Success)
        {
            last = int.Parse(match.Groups["last"].Value, CultureInfo.InvariantCulture);
            if (last < first || last > DeadlineContext.MaxYear)
            {
                return null;
            }
        }
        else if (match.Groups["open"].Success || match.Groups["from"].Success)
        {
            last = null;
        }

        return new TrackingPeriod(first, last, closesOn);
    }

    [GeneratedRegex(@"^(?:(?<from>tu(?: nam)?)\s+)?(?:nam\s+)?(?<first>\d{4})(?:\s*[-–—]\s*(?:(?<last>\d{4})|(?<open>))|\s+(?<open>va (?:nhung|cac) nam (?:tiep theo|sau)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
