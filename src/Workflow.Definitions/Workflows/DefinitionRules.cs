using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// One rule of workflows/rules.yaml: the milestones it matches and the definition they run. Every key it
/// writes must match; a key it leaves out matches anything; a key with a list matches any of its values.
/// </summary>
/// <param name="Line">The 1-based line of the rule in its file.</param>
/// <param name="Definition">The definitionId to run.</param>
public sealed record DefinitionRule(int Line, string Definition)
{
    private readonly IReadOnlyList<string> _groups = [];

    /// <summary>Plan ids ("cchc-2025").</summary>
    public IReadOnlyList<PlanId> Plans { get; init; } = [];

    /// <summary>Texts looked for inside the task's group, ignoring case, diacritics and spacing:
    /// "cải cách thể chế" matches the group "II. CẢI CÁCH THỂ CHẾ".</summary>
    public IReadOnlyList<string> Groups
    {
        get => _groups;
        init
        {
            _groups = value;
            FoldedGroups = [.. value.Select(DefinitionRules.Fold)];
        }
    }

    /// <summary>The kinds of the lead agency.</summary>
    public IReadOnlyList<AgencyKind> LeadKinds { get; init; } = [];

    /// <summary>The kinds of the task's schedule.</summary>
    public IReadOnlyList<ScheduleKind> ScheduleKinds { get; init; } = [];

    private IReadOnlyList<string> FoldedGroups { get; init; } = [];

    /// <summary>Whether a milestone with these properties takes this rule. A task without a group never
    /// matches a rule that names groups.</summary>
    public bool Matches(PlanId plan, string? taskGroup, AgencyKind leadKind, ScheduleKind scheduleKind)
    {
        if ((Plans.Count > 0 && !Plans.Contains(plan))
            || (LeadKinds.Count > 0 && !LeadKinds.Contains(leadKind))
            || (ScheduleKinds.Count > 0 && !ScheduleKinds.Contains(scheduleKind)))
        {
            return false;
        }

        if (FoldedGroups.Count == 0)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(taskGroup))
        {
            return false;
        }

        string folded = DefinitionRules.Fold(taskGroup);
        return FoldedGroups.Any(g => folded.Contains(g, StringComparison.Ordinal));
    }
}

/// <summary>A problem of the rules file found against the definitions, for the coordinator.</summary>
public sealed record RuleProblem(string File, int? Line, string Message)
{
    /// <summary>"file, dòng N: message", as <see cref="DataFileException"/> words it.</summary>
    public override string ToString() => Line is null ? $"{File}: {Message}" : $"{File}, dòng {Line}: {Message}";
}

/// <summary>
/// workflows/rules.yaml: which definition each milestone runs. Rules are tried in order and the first that
/// matches wins; a milestone no rule matches runs <see cref="Default"/> (chase-and-escalate unless the file
/// says <c>default:</c>).
/// </summary>
/// <remarks>
/// <para>The file is read on its own (syntax, keys, plan ids, agency and schedule kinds) and errors name the
/// file and line. Whether each named definition exists and is published is a separate step,
/// <see cref="Validate"/>, as the definitions are another folder.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DefinitionRules
{
    /// <summary>The definition of a milestone no rule matches, unless the file says otherwise.</summary>
    public const string DefaultDefinitionId = "chase-and-escalate";

    private static readonly string[] RuleKeys = ["plan", "group", "leadKind", "scheduleKind", "definition"];

    private static readonly ScheduleKind[] Schedulable =
        [ScheduleKind.Once, ScheduleKind.Phased, ScheduleKind.Continuous, ScheduleKind.Recurring, ScheduleKind.Event];

    private DefinitionRules(string source, IReadOnlyList<DefinitionRule> rules, string @default, int? defaultLine)
    {
        Source = source;
        Rules = rules;
        Default = @default;
        DefaultLine = defaultLine;
    }

    /// <summary>No rule: every milestone runs chase-and-escalate.</summary>
    public static DefinitionRules None { get; } = new("(không có quy tắc)", [], DefaultDefinitionId, null);

    /// <summary>The file the rules were read from.</summary>
    public string Source { get; }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<DefinitionRule> Rules { get; }

    /// <summary>The definitionId of a milestone no rule matches.</summary>
    public string Default { get; }

    /// <summary>The line of <c>default:</c>, when the file writes it.</summary>
    public int? DefaultLine { get; }

    /// <exception cref="DataFileException">The file is missing or wrong; the message names the line.</exception>
    public static DefinitionRules Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DataFileException(path, null, "không có tệp quy tắc chọn quy trình (workflows/rules.yaml).");
        }

        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    /// <exception cref="DataFileException">The text is not a rules file; the message names the line.</exception>
    public static DefinitionRules Load(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new DataFileException(fileName, (int)e.Start.Line, $"YAML không hợp lệ ({e.Message}). Hãy sửa thụt lề hoặc dấu hai chấm ở dòng này.");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new DefinitionRules(fileName, [], DefaultDefinitionId, null);
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new DataFileException(fileName, Line(yaml.Documents[0].RootNode), "tệp quy tắc gồm \"rules\" (danh sách quy tắc) và có thể có \"default\".");
        }

        string @default = DefaultDefinitionId;
        int? defaultLine = null;
        var rules = new List<DefinitionRule>();
        foreach ((YamlNode keyNode, YamlNode value) in root.Children)
        {
            switch (Key(keyNode))
            {
                case "default":
                    @default = Scalar(value, fileName, "default");
                    defaultLine = Line(value);
                    break;
                case "rules" when value is YamlSequenceNode list:
                    rules.AddRange(list.Select(node => ReadRule(node, fileName)));
                    break;
                case "rules" when value is YamlScalarNode { Value: null or "" }:
                    break;
                case "rules":
                    throw new DataFileException(fileName, Line(value), "\"rules\" phải là một danh sách, mỗi quy tắc bắt đầu bằng \"- \".");
                default:
                    throw new DataFileException(fileName, Line(keyNode), $"không biết khóa \"{Key(keyNode)}\"; chỉ dùng \"rules\" và \"default\".");
            }
        }

        return new DefinitionRules(fileName, rules.AsReadOnly(), @default, defaultLine);
    }

    /// <summary>The definitionId for a milestone: that of the first matching rule, or <see cref="Default"/>.</summary>
    public string Choose(PlanId plan, string? taskGroup, AgencyKind leadKind, ScheduleKind scheduleKind) =>
        Find(plan, taskGroup, leadKind, scheduleKind)?.Definition ?? Default;

    /// <summary>The first rule that matches, or null when the default applies (to say why a definition was chosen).</summary>
    public DefinitionRule? Find(PlanId plan, string? taskGroup, AgencyKind leadKind, ScheduleKind scheduleKind) =>
        Rules.FirstOrDefault(r => r.Matches(plan, taskGroup, leadKind, scheduleKind));

    /// <summary>Every rule (and the default) naming a definition that has no published version in
    /// <paramref name="catalog"/>; empty when all are fine.</summary>
    public IReadOnlyList<RuleProblem> Validate(DefinitionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<RuleProblem>();
        string known = string.Join(", ", catalog.All.Where(d => d.IsPublished).Select(d => d.DefinitionId).Distinct().Order(StringComparer.Ordinal));
        foreach ((string id, int? line) in Rules.Select(r => (r.Definition, (int?)r.Line)).Append((Default, DefaultLine)))
        {
            if (!catalog.TryGet(id, out _))
            {
                problems.Add(new RuleProblem(Source, line,
                    $"không có quy trình \"{id}\" đã phát hành trong {catalog.Source}; các quy trình dùng được: {(known.Length > 0 ? known : "không có")}."));
            }
        }

        return problems.AsReadOnly();
    }

    /// <summary>Text as group matching compares it: white space folded, lower case, no diacritics, đ as d.</summary>
    internal static string Fold(string text) => VietnameseText.FoldWord(VietnameseText.CollapseWhitespace(text));

    private static DefinitionRule ReadRule(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map)
        {
            throw new DataFileException(file, Line(node), "mỗi quy tắc là một nhóm khóa (plan, group, leadKind, scheduleKind) và \"definition\".");
        }

        string? definition = null;
        List<PlanId> plans = [];
        List<string> groups = [];
        List<AgencyKind> leadKinds = [];
        List<ScheduleKind> scheduleKinds = [];
        foreach ((YamlNode keyNode, YamlNode value) in map.Children)
        {
            string key = Key(keyNode);
            switch (key)
            {
                case "definition":
                    definition = Scalar(value, file, key);
                    break;
                case "plan":
                    plans.AddRange(Values(value, file, key).Select(v => PlanId.IsValid(v.Text)
                        ? new PlanId(v.Text)
                        : throw new DataFileException(file, v.Line, $"\"{v.Text}\" không phải mã kế hoạch (chữ thường, số và '-', ví dụ cchc-2025).")));
                    break;
                case "group":
                    groups.AddRange(Values(value, file, key).Select(v => v.Text));
                    break;
                case "leadKind":
                    leadKinds.AddRange(Values(value, file, key).Select(v => Parse(v, Enum.GetValues<AgencyKind>(), file, "loại cơ quan", n => n)));
                    break;
                case "scheduleKind":
                    scheduleKinds.AddRange(Values(value, file, key).Select(v => Parse(v, Schedulable, file, "loại thời hạn", n => n.ToLowerInvariant())));
                    break;
                default:
                    throw new DataFileException(file, Line(keyNode), $"không biết khóa \"{key}\" trong quy tắc; dùng {string.Join(", ", RuleKeys)}.");
            }
        }

        return definition is null
            ? throw new DataFileException(file, Line(node), "quy tắc thiếu \"definition\": mã quy trình áp dụng, ví dụ light-chase.")
            : new DefinitionRule(Line(node), definition)
            {
                Plans = plans,
                Groups = groups,
                LeadKinds = leadKinds,
                ScheduleKinds = scheduleKinds,
            };
    }

    private static TEnum Parse<TEnum>((string Text, int Line) value, IReadOnlyList<TEnum> allowed, string file, string what, Func<string, string> show)
        where TEnum : struct, Enum =>
        allowed.Where(a => string.Equals(a.ToString(), value.Text, StringComparison.OrdinalIgnoreCase)).Select(a => (TEnum?)a).FirstOrDefault()
        ?? throw new DataFileException(file, value.Line,
            $"\"{value.Text}\" không phải {what}; dùng một trong: {string.Join(", ", allowed.Select(a => show(a.ToString())))}.");

    private static IEnumerable<(string Text, int Line)> Values(YamlNode node, string file, string key) => node switch
    {
        YamlSequenceNode { Children.Count: > 0 } list => list.Select(item => (Scalar(item, file, key), Line(item))),
        YamlScalarNode => [(Scalar(node, file, key), Line(node))],
        _ => throw new DataFileException(file, Line(node), $"\"{key}\" cần một giá trị hoặc một danh sách giá trị [a, b]."),
    };

    private static string Key(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static string Scalar(YamlNode node, string file, string key) =>
        node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)
            ? VietnameseText.CollapseWhitespace(v)
            : throw new DataFileException(file, Line(node), $"\"{key}\" cần một giá trị.");

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
