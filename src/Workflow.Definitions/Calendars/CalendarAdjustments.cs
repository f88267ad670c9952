using System.Text.RegularExpressions;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// The official, per-year changes to the default working calendar: the exact days of holidays the Prime
/// Minister fixes each year (Tết, the second day of Quốc khánh), announced days off (ngày nghỉ hoán đổi) and
/// make-up working days (ngày làm bù). Coordinators keep them in <c>workflows/calendars/YYYY.yaml</c>, one
/// file per year; the format is described in <c>workflows/calendars/README.md</c>.
/// </summary>
/// <remarks>
/// Immutable. Loading checks each file on its own (syntax, dates, duplicates, unknown keys) and throws
/// <see cref="DataFileException"/> naming the file and line, in Vietnamese for the coordinator; checks that
/// need the holiday rules (e.g. an announced day off that is already a holiday) happen in
/// <see cref="WorkingCalendar.Create"/>.
/// </remarks>
public sealed partial class CalendarAdjustments
{
    private readonly SortedDictionary<int, YearAdjustments> _years;

    private CalendarAdjustments(SortedDictionary<int, YearAdjustments> years) => _years = years;

    /// <summary>No adjustments: the Labour Code's default rules only.</summary>
    public static CalendarAdjustments None { get; } = new(new SortedDictionary<int, YearAdjustments>());

    /// <summary>The years that have an adjustment file, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys];

    /// <summary>
    /// Loads every <c>YYYY.yaml</c> (or <c>YYYY.yml</c>) file of <paramref name="directory"/>; other files such
    /// as <c>README.md</c> are ignored. Subdirectories are not searched.
    /// </summary>
    /// <exception cref="DataFileException">
    /// The directory does not exist, a YAML file is not named after its year, two files are for the same
    /// year, or a file is invalid.
    /// </exception>
    public static CalendarAdjustments LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DataFileException(directory, null, "không có thư mục lịch này (workflows/calendars).");
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

        var years = new SortedDictionary<int, YearAdjustments>();
        foreach (string file in files)
        {
            int? year = YearFromFileName(file)
                ?? throw new DataFileException(file, null,
                    "tên tệp lịch phải là năm, ví dụ 2025.yaml; hãy đổi tên hoặc chuyển tệp này ra khỏi thư mục.");
            using var reader = new StreamReader(file);
            Add(years, CalendarAdjustmentParser.Parse(reader, file, year));
        }

        return new CalendarAdjustments(years);
    }

    /// <summary>Loads one year's adjustments from YAML text.</summary>
    /// <param name="reader">The YAML text.</param>
    /// <param name="sourceName">
    /// The name used in error messages. When it is a file name like <c>2025.yaml</c>, the file's
    /// <c>year:</c> must match it.
    /// </param>
    /// <exception cref="DataFileException">The text is not a valid adjustment file.</exception>
    public static CalendarAdjustments Load(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var years = new SortedDictionary<int, YearAdjustments>();
        Add(years, CalendarAdjustmentParser.Parse(reader, sourceName, YearFromFileName(sourceName)));
        return new CalendarAdjustments(years);
    }

    /// <summary>Combines adjustments of different years, e.g. several <see cref="Load"/> results.</summary>
    /// <exception cref="DataFileException">Two of them have a file for the same year.</exception>
    public static CalendarAdjustments Combine(params IEnumerable<CalendarAdjustments> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var years = new SortedDictionary<int, YearAdjustments>();
        foreach (CalendarAdjustments part in parts)
        {
            foreach (YearAdjustments year in part._years.Values)
            {
                Add(years, year);
            }
        }

        return new CalendarAdjustments(years);
    }

    internal YearAdjustments? ForYear(int year) => _years.GetValueOrDefault(year);

    internal IEnumerable<YearAdjustments> All => _years.Values;

    private static void Add(SortedDictionary<int, YearAdjustments> years, YearAdjustments adjustments)
    {
        if (years.TryGetValue(adjustments.Year, out YearAdjustments? existing))
        {
            throw new DataFileException(adjustments.SourceName, null,
                $"{existing.SourceName} đã là tệp của năm {adjustments.Year}; mỗi năm chỉ một tệp.");
        }

        years.Add(adjustments.Year, adjustments);
    }

    private static int? YearFromFileName(string path)
    {
        Match match = YearFileName().Match(Path.GetFileName(path));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(\d{4})\.ya?ml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearFileName();
}
