using NodaTime;

namespace Workflow.Definitions.Calendars;

/// <summary>A date of an adjustment file, with the line it is written on.</summary>
internal sealed record DatedLine(LocalDate Date, int Line);

/// <summary>
/// The official days of one holiday in one year, replacing its default days; or, for a key that is not a
/// built-in holiday, an additional public holiday (e.g. one added to the Labour Code later).
/// </summary>
internal sealed record HolidayOverride(string Key, string Name, IReadOnlyList<DatedLine> Dates, string Source, int Line);

/// <summary>An announced day off or a make-up working day.</summary>
internal sealed record AdjustmentEntry(LocalDate Date, string Name, string Source, int Line);

/// <summary>The content of one <c>YYYY.yaml</c> file.</summary>
internal sealed record YearAdjustments(
    int Year,
    string SourceName,
    IReadOnlyList<HolidayOverride> Holidays,
    IReadOnlyList<AdjustmentEntry> DaysOff,
    IReadOnlyList<AdjustmentEntry> WorkingDays);
