using System.Globalization;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Reports;

/// <summary>One period of the periodic CCHC reports ("Quý I", "6 tháng", "Quý III", "Năm").</summary>
/// <remarks>Days are kept as <see cref="AnnualDate"/>: a period recurs every year. A
/// <see cref="DataFrom"/> later in the year than <see cref="DataTo"/> starts in the previous year
/// (the first-quarter data runs from 15/12 of the year before to 14/03).</remarks>
public sealed record ReportPeriodDefinition(string Name, IReadOnlyList<string> Aliases, AnnualDate DataFrom, AnnualDate DataTo, AnnualDate Submit, AnnualDate Upward)
{
    /// <summary>The data period of the report due in <paramref name="year"/>.</summary>
    public DateInterval DataPeriod(int year)
    {
        var to = DataTo.InYear(year);
        var from = DataFrom.InYear(DataFrom > DataTo ? year - 1 : year);
        return new DateInterval(from, to);
    }
}

/// <summary>
/// The report calendar of workflows/report-calendar.yaml: when periodic reports are due, for the
/// agencies (<see cref="ReportPeriodDefinition.Submit"/>) and for the follow-up agency that reports
/// upward (<see cref="ReportPeriodDefinition.Upward"/>).
/// </summary>
public sealed class ReportCalendar
{
    private readonly Dictionary<string, ReportPeriodDefinition> byKey;

    private ReportCalendar(string followUpAgency, IReadOnlyList<ReportPeriodDefinition> periods, Dictionary<string, ReportPeriodDefinition> byKey)
    {
        FollowUpAgency = followUpAgency;
        Periods = periods;
        this.byKey = byKey;
    }

    /// <summary>The id of the agency that follows the plan up and reports upward (Sở Nội vụ).</summary>
    public string FollowUpAgency { get; }

    public IReadOnlyList<ReportPeriodDefinition> Periods { get; }

    /// <summary>Finds a period by name or alias, ignoring case, diacritics and spaces.</summary>
    public ReportPeriodDefinition? Find(string name) =>
        byKey.GetValueOrDefault(Key(name));

    /// <summary>
    /// The milestones of a report task: one per period named, in date order, in the tracked year.
    /// Due on the submit day, or on the upward day when the follow-up agency alone leads the task
    /// (Sở Nội vụ consolidates the agencies' reports and reports to the city).
    /// </summary>
    public Schedule Schedule(string phrase, IEnumerable<ReportPeriodDefinition> periods, IReadOnlyCollection<AgencyId> lead, DeadlineContext context)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(context);
        var upward = lead.Count > 0 && lead.All(a => a.Value == FollowUpAgency);
        var year = context.TrackedYear;
        var milestones = periods
            .Distinct()
            .Select(p => (p.Name, Due: (upward ? p.Upward : p.Submit).InYear(year)))
            .OrderBy(p => p.Due)
            .Select(p => new Milestone(p.Name, p.Due, context.Calendar.NextWorkingDayOnOrAfter(p.Due)))
            .ToList();
        var note = $"theo lịch báo cáo định kỳ ({(upward ? "báo cáo lên" : "gửi Sở Nội vụ")})";
        return new Schedule(phrase, ScheduleKind.Recurring, milestones, note, null);
    }

    public static ReportCalendar Load(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    /// <exception cref="DataFileException">The file is not a report calendar; the message names the line.</exception>
    public static ReportCalendar Load(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new DataFileException(fileName, (int)e.Start.Line, $"YAML không hợp lệ ({e.Message}). Hãy sửa thụt lề hoặc dấu hai chấm ở dòng này.");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new DataFileException(fileName, null, "tệp trống: cần \"followUpAgency\" và danh sách \"periods\".");
        }

        string followUp = "so-noi-vu";
        var periods = new List<ReportPeriodDefinition>();
        var byKey = new Dictionary<string, ReportPeriodDefinition>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "followUpAgency":
                    followUp = Scalar(valueNode, fileName, key);
                    break;
                case "periods" when valueNode is YamlSequenceNode list:
                    foreach (var node in list)
                    {
                        var period = ReadPeriod(node, fileName);
                        foreach (var name in period.Aliases.Prepend(period.Name))
                        {
                            if (!byKey.TryAdd(Key(name), period) && byKey[Key(name)] != period)
                            {
                                throw new DataFileException(fileName, Line(node), $"tên \"{name}\" đã dùng cho kỳ \"{byKey[Key(name)].Name}\"; mỗi tên chỉ chỉ một kỳ.");
                            }
                        }

                        periods.Add(period);
                    }

                    break;
                default:
                    throw new DataFileException(fileName, Line(keyNode), $"không biết khóa \"{key}\"; chỉ dùng \"followUpAgency\" và \"periods\".");
            }
        }

        if (periods.Count == 0)
        {
            throw new DataFileException(fileName, null, "chưa có kỳ báo cáo nào trong \"periods\".");
        }

        return new ReportCalendar(followUp, periods, byKey);
    }

    private static ReportPeriodDefinition ReadPeriod(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map)
        {
            throw new DataFileException(file, Line(node), "mỗi kỳ báo cáo là một nhóm gồm name, dataFrom, dataTo, submit, upward.");
        }

        string? name = null;
        var aliases = new List<string>();
        AnnualDate? dataFrom = null, dataTo = null, submit = null, upward = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "name": name = Scalar(value, file, key); break;
                case "aliases" when value is YamlSequenceNode seq: aliases.AddRange(seq.Select(a => Scalar(a, file, key))); break;
                case "dataFrom": dataFrom = Day(value, file, key); break;
                case "dataTo": dataTo = Day(value, file, key); break;
                case "submit": submit = Day(value, file, key); break;
                case "upward": upward = Day(value, file, key); break;
                default: throw new DataFileException(file, Line(keyNode), $"không biết khóa \"{key}\" trong kỳ báo cáo.");
            }
        }

        if (name is null || dataFrom is null || dataTo is null || submit is null || upward is null)
        {
            throw new DataFileException(file, Line(node), "kỳ báo cáo cần đủ name, dataFrom, dataTo, submit và upward.");
        }

        return new ReportPeriodDefinition(name, aliases, dataFrom.Value, dataTo.Value, submit.Value, upward.Value);
    }

    private static string Scalar(YamlNode node, string file, string key) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v.Normalize(System.Text.NormalizationForm.FormC)
            : throw new DataFileException(file, Line(node), $"\"{key}\" cần một giá trị.");

    private static AnnualDate Day(YamlNode node, string file, string key)
    {
        var text = Scalar(node, file, key);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(2001, month))
        {
            return new AnnualDate(month, day);
        }

        throw new DataFileException(file, Line(node), $"\"{key}: {text}\" không phải ngày dạng dd/MM (ví dụ 16/03).");
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    internal static string Key(string name) =>
        new(PhraseText.Fold(name).Where(char.IsAsciiLetterOrDigit).ToArray());
}
