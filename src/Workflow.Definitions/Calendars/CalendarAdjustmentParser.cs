using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Calendars;

/// <summary>
/// Reads one <c>YYYY.yaml</c> adjustment file into <see cref="YearAdjustments"/>, turning every problem into a
/// <see cref="DataFileException"/> that names the file, the line and, in Vietnamese, the fix.
/// </summary>
internal static partial class CalendarAdjustmentParser
{
    private const string YearKey = "year";
    private const string HolidaysKey = "holidays";
    private const string DaysOffKey = "days_off";
    private const string WorkingDaysKey = "working_days";
    private const string DatesKey = "dates";
    private const string DateKey = "date";
    private const string NameKey = "name";
    private const string SourceKey = "source";

    private static readonly string[] TopLevelKeys = [YearKey, HolidaysKey, DaysOffKey, WorkingDaysKey];
    private static readonly string[] HolidayKeys = [DatesKey, NameKey, SourceKey];
    private static readonly string[] EntryKeys = [DateKey, NameKey, SourceKey];

    internal static YearAdjustments Parse(TextReader reader, string sourceName, int? expectedYear)
    {
        var file = new FileContext(sourceName);
        YamlMappingNode root = file.LoadRoot(reader);
        file.CheckKeys(root, TopLevelKeys, "ở đầu tệp");

        YamlNode yearNode = FileContext.Get(root, YearKey)
            ?? throw file.Error(root, $"thiếu '{YearKey}:'; hãy mở đầu tệp bằng '{YearKey}: {expectedYear ?? 2025}'.");
        int year = file.ParseYear(yearNode);
        if (expectedYear is not null && year != expectedYear)
        {
            throw file.Error(yearNode,
                $"'{YearKey}: {year}' không khớp tên tệp; tệp {expectedYear}.yaml phải ghi '{YearKey}: {expectedYear}'.");
        }

        var seen = new Dictionary<LocalDate, int>();
        List<HolidayOverride> holidays = ParseHolidays(file, FileContext.Get(root, HolidaysKey), year, seen);
        List<AdjustmentEntry> daysOff = ParseEntries(file, FileContext.Get(root, DaysOffKey), DaysOffKey, year, seen);
        List<AdjustmentEntry> workingDays = ParseEntries(file, FileContext.Get(root, WorkingDaysKey), WorkingDaysKey, year, seen);
        return new YearAdjustments(year, sourceName, holidays, daysOff, workingDays);
    }

    private static List<HolidayOverride> ParseHolidays(FileContext file, YamlNode? node, int year, Dictionary<LocalDate, int> seen)
    {
        var result = new List<HolidayOverride>();
        if (node is null || IsEmpty(node))
        {
            return result;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw file.Error(node,
                $"'{HolidaysKey}:' phải ghi từng ngày lễ và các ngày nghỉ của nó, ví dụ:\n  {HolidaysKey}:\n    {PublicHolidays.TetKey}:\n      {DatesKey}: [{year}-01-27, {year}-01-28]\n      {SourceKey}: Thông báo 6150/TB-LĐTBXH");
        }

        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string key = file.Scalar(keyNode, "tên một ngày lễ");
            string? builtInName = PublicHolidays.NameOf(key);
            if (value is not YamlMappingNode holiday)
            {
                throw file.Error(value, $"ngày lễ '{key}' cần '{DatesKey}:' và '{SourceKey}:' ở các dòng bên dưới.");
            }

            file.CheckKeys(holiday, HolidayKeys, $"trong ngày lễ '{key}'");
            string? name = file.OptionalText(holiday, NameKey);
            if (builtInName is null)
            {
                if (!CustomKey().IsMatch(key))
                {
                    throw file.Error(keyNode,
                        $"'{key}' không phải tên ngày lễ hợp lệ; dùng chữ thường không dấu, chữ số và '_' (có sẵn: {BuiltInKeys()}).");
                }

                if (name is null)
                {
                    throw file.Error(keyNode,
                        $"'{key}' không phải ngày lễ có sẵn ({BuiltInKeys()}); hãy kiểm tra chính tả, hoặc, nếu thêm một ngày lễ mới, ghi thêm '{NameKey}:'.");
                }
            }

            string source = file.RequiredText(holiday, SourceKey, keyNode);
            YamlNode datesNode = FileContext.Get(holiday, DatesKey)
                ?? throw file.Error(keyNode, $"ngày lễ '{key}' thiếu '{DatesKey}:'; hãy liệt kê các ngày nghỉ chính thức, ví dụ '{DatesKey}: [{year}-09-01, {year}-09-02]'.");
            string atLeastOne = $"'{DatesKey}:' phải có ít nhất một ngày, ví dụ [{year}-09-01, {year}-09-02].";
            IEnumerable<YamlNode> items = datesNode switch
            {
                YamlSequenceNode sequence => sequence.Children,
                YamlScalarNode scalar when !IsEmpty(scalar) => [scalar],
                _ => throw file.Error(datesNode, atLeastOne),
            };
            var dates = new List<DatedLine>();
            foreach (YamlNode item in items)
            {
                dates.Add(new DatedLine(file.ParseDate(item, year, seen), FileContext.LineOf(item)));
            }

            if (dates.Count == 0)
            {
                throw file.Error(datesNode, atLeastOne);
            }

            result.Add(new HolidayOverride(key, name ?? builtInName!, dates, source, FileContext.LineOf(keyNode)));
        }

        return result;
    }

    private static List<AdjustmentEntry> ParseEntries(FileContext file, YamlNode? node, string section, int year, Dictionary<LocalDate, int> seen)
    {
        var result = new List<AdjustmentEntry>();
        if (node is null || IsEmpty(node))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw file.Error(node,
                $"'{section}:' phải là một danh sách, mỗi mục bắt đầu bằng '- {DateKey}:', ví dụ:\n  {section}:\n    - {DateKey}: {year}-05-02\n      {NameKey}: ...\n      {SourceKey}: ...");
        }

        foreach (YamlNode item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw file.Error(item, $"mỗi mục của '{section}:' cần '{DateKey}:', '{NameKey}:' và '{SourceKey}:'.");
            }

            file.CheckKeys(entry, EntryKeys, $"trong một mục của '{section}'");
            YamlNode dateNode = FileContext.Get(entry, DateKey)
                ?? throw file.Error(entry, $"mục này của '{section}:' thiếu '{DateKey}:'.");
            LocalDate date = file.ParseDate(dateNode, year, seen);
            string name = file.RequiredText(entry, NameKey, entry);
            string source = file.RequiredText(entry, SourceKey, entry);
            result.Add(new AdjustmentEntry(date, name, source, FileContext.LineOf(dateNode)));
        }

        return result;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain or ScalarStyle.Any };

    private static string BuiltInKeys() => string.Join(", ", PublicHolidays.BuiltIn.Select(h => h.Key));

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomKey();

    [GeneratedRegex(@"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlLocationPrefix();

    /// <summary>Helpers bound to one file: they know its name for the error messages.</summary>
    private sealed class FileContext(string sourceName)
    {
        public YamlMappingNode LoadRoot(TextReader reader)
        {
            // YAML forbids tabs in indentation, and YamlDotNet reports them at the start of the enclosing
            // block rather than on the offending line: find the line ourselves.
            string text = reader.ReadToEnd();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart(' ').StartsWith('\t'))
                {
                    throw new DataFileException(sourceName, i + 1, "dòng này thụt lề bằng phím tab; YAML chỉ cho thụt lề bằng dấu cách.");
                }
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                string detail = YamlLocationPrefix().Replace(e.Message, "").TrimEnd('.');
                if (detail.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
                {
                    detail = "một khóa được ghi hai lần trong cùng một khối";
                }

                throw new DataFileException(sourceName, checked((int)e.Start.Line),
                    $"YAML không hợp lệ ({detail}). Hãy sửa thụt lề (dùng dấu cách, không dùng tab) hoặc đặt giá trị có dấu ':' hay '#' trong ngoặc kép.");
            }

            if (stream.Documents.Count == 0)
            {
                throw new DataFileException(sourceName, null, $"tệp trống: cần ít nhất dòng '{YearKey}: 2025'.");
            }

            if (stream.Documents.Count > 1)
            {
                throw new DataFileException(sourceName, LineOf(stream.Documents[1].RootNode),
                    "tệp có nhiều hơn một tài liệu YAML ('---'); mỗi tệp chỉ ghi một năm.");
            }

            YamlNode root = stream.Documents[0].RootNode;
            return root as YamlMappingNode ?? throw Error(root,
                $"tệp phải gồm các khóa '{YearKey}:', '{HolidaysKey}:', '{DaysOffKey}:' và '{WorkingDaysKey}:'.");
        }

        public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

        public static YamlNode? Get(YamlMappingNode mapping, string key)
        {
            foreach ((YamlNode k, YamlNode v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { } text } && text == key)
                {
                    return v;
                }
            }

            return null;
        }

        public DataFileException Error(YamlNode node, string problem) => new(sourceName, LineOf(node), problem);

        public void CheckKeys(YamlMappingNode mapping, string[] allowed, string where)
        {
            foreach (YamlNode key in mapping.Children.Keys)
            {
                string text = Scalar(key, "một khóa");
                if (!allowed.Contains(text, StringComparer.Ordinal))
                {
                    string hint = allowed.FirstOrDefault(a => string.Equals(a, text.Replace('-', '_'), StringComparison.OrdinalIgnoreCase)) is { } near
                        ? $"có phải là '{near}'? "
                        : "";
                    throw Error(key, $"không biết khóa '{text}' {where}; {hint}chỉ dùng {string.Join(", ", allowed.Select(a => $"'{a}'"))}.");
                }
            }
        }

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } text } ? text : throw Error(node, $"ở đây cần {what}, không phải một danh sách hay một khối.");

        public string? OptionalText(YamlMappingNode mapping, string key)
        {
            YamlNode? node = Get(mapping, key);
            if (node is null)
            {
                return null;
            }

            string text = Scalar(node, $"nội dung của '{key}:'").Trim();
            return text.Length == 0
                ? throw Error(node, $"'{key}:' đang để trống; hãy ghi nội dung hoặc xóa dòng này.")
                : text.Normalize(NormalizationForm.FormC);
        }

        public string RequiredText(YamlMappingNode mapping, string key, YamlNode owner)
        {
            string what = key == SourceKey
                ? "số văn bản, ví dụ 'Thông báo 6150/TB-LĐTBXH'"
                : "tên ngày, ví dụ 'Nghỉ hoán đổi dịp 30/4 – 1/5'";
            YamlNode node = Get(mapping, key) ?? throw Error(owner, $"thiếu '{key}:' ({what}).");
            string text = Scalar(node, $"nội dung của '{key}:'").Trim();
            return text.Length == 0
                ? throw Error(node, $"'{key}:' đang để trống; hãy ghi {what}.")
                : text.Normalize(NormalizationForm.FormC);
        }

        public int ParseYear(YamlNode node)
        {
            string text = Scalar(node, "một năm").Trim();
            int first = VietnameseLunarCalendar.MinDate.Year;
            int last = VietnameseLunarCalendar.MaxDate.Year;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < first || year > last)
            {
                throw Error(node, $"'{text}' không phải năm từ {first} đến {last}; hãy viết ví dụ '{YearKey}: 2025'.");
            }

            return year;
        }

        public LocalDate ParseDate(YamlNode node, int year, Dictionary<LocalDate, int> seen)
        {
            string text = Scalar(node, "một ngày dạng YYYY-MM-DD").Trim();
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                Match dmy = DayMonthYear().Match(text);
                string hint = dmy.Success
                    ? $"hãy viết {dmy.Groups[3].Value}-{int.Parse(dmy.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(dmy.Groups[1].Value, CultureInfo.InvariantCulture):00} (năm-tháng-ngày)"
                    : $"hãy viết ngày dạng YYYY-MM-DD, ví dụ {year}-04-30";
                throw Error(node, $"'{text}' không phải ngày hợp lệ; {hint}.");
            }

            LocalDate date = parsed.Value;
            if (date.Year != year)
            {
                throw Error(node,
                    $"{text} không thuộc năm {year}; tệp này chỉ ghi các ngày của năm {year} (hãy chuyển sang tệp {date.Year}.yaml).");
            }

            int line = LineOf(node);
            if (seen.TryGetValue(date, out int firstLine))
            {
                throw Error(node, $"{text} được ghi hai lần (dòng {firstLine} và {line}); mỗi ngày chỉ ghi một lần trong tệp.");
            }

            seen.Add(date, line);
            return date;
        }
    }
}
