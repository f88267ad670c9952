using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Definitions;

namespace Workflow.Host.Designer;

// The rules (rules.yaml): draft, check, dry run on a plan, publish, and the history of what was published (rules-history/).
public sealed partial class DesignerWorkspace
{
    /// <summary>The rules draft, or the published rules when there is no draft, with their problems.</summary>
    public RulesDocument GetRules()
    {
        var isDraft = File.Exists(RulesDraftFile);
        var yaml = isDraft ? File.ReadAllText(RulesDraftFile) : File.Exists(RulesFile) ? File.ReadAllText(RulesFile) : string.Empty;
        return new RulesDocument(yaml, isDraft, ValidateRules(yaml));
    }

    /// <summary>The problems of <paramref name="yaml"/> as the rules file, against the published definitions: the
    /// first syntax or key error (the reader stops there), or every rule naming no published definition.</summary>
    public IReadOnlyList<DesignerProblem> ValidateRules(string yaml) => ReadRules(yaml).Problems;

    /// <summary>Saves the rules draft as given (even with problems, which are returned).</summary>
    public IReadOnlyList<DesignerProblem> SaveRulesDraft(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RulesDraftFile)!);
            WriteAtomically(RulesDraftFile, yaml);
        }

        return ValidateRules(yaml);
    }

    /// <summary>Deletes the rules draft; false when there was none.</summary>
    public bool DiscardRulesDraft()
    {
        lock (gate)
        {
            if (!File.Exists(RulesDraftFile))
            {
                return false;
            }

            File.Delete(RulesDraftFile);
            return true;
        }
    }

    /// <summary>Which definition each milestone of a plan gets under <paramref name="yaml"/> (default: the draft, or the published rules).</summary>
    public RulesDryRun RulesDryRun(string planId, string? yaml = null)
    {
        yaml ??= GetRules().Yaml;
        var (rules, problems) = ReadRules(yaml);
        var (plan, reference, planProblem) = LoadPlan(planId);
        if (planProblem is not null)
        {
            problems = [.. problems, planProblem];
        }

        if (problems.Count > 0 || rules is null || plan is null || reference is null)
        {
            return new RulesDryRun(planId, plan?.Title ?? string.Empty, [], new Dictionary<string, int>(), problems);
        }

        var assignments = new List<RuleAssignment>();
        foreach (var task in plan.Tasks)
        {
            var leadKind = task.Lead.Agencies.Count > 0 && reference.Agencies.TryGet(task.Lead.Agencies[0], out var lead) ? lead.Kind : AgencyKind.Other;
            var rule = rules.Find(plan.Id, task.Group, leadKind, task.Schedule.Kind);
            var definition = rule?.Definition ?? rules.Default;
            var kind = task.Schedule.Kind.ToString().ToLowerInvariant();
            if (task.Schedule.Milestones.Count == 0)
            {
                if (task.Schedule.Kind == Definitions.Deadlines.ScheduleKind.Event)
                {
                    assignments.Add(new RuleAssignment(task.Id.Value, task.Activity, 1, null, null, task.Group, leadKind.ToString(), kind, definition, rule?.Line));
                }

                continue;
            }

            for (var i = 0; i < task.Schedule.Milestones.Count; i++)
            {
                var m = task.Schedule.Milestones[i];
                assignments.Add(new RuleAssignment(task.Id.Value, task.Activity, i + 1, m.Label, Iso(m.Effective), task.Group, leadKind.ToString(), kind, definition, rule?.Line));
            }
        }

        var counts = assignments.GroupBy(a => a.Definition, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new RulesDryRun(plan.Id.Value, plan.Title, assignments, counts, []);
    }

    /// <summary>
    /// Publishes the rules draft: the current rules.yaml is kept as rules-history/rules-TIMESTAMP.yaml, the draft
    /// becomes rules.yaml, who and when are appended to rules-history/history.jsonl, the draft is deleted and
    /// <see cref="Published"/> is raised. Refused, with the problems, when the draft has any.
    /// </summary>
    public RulesPublishResult PublishRules(string publishedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        RulesPublication publication;
        lock (gate)
        {
            if (!File.Exists(RulesDraftFile))
            {
                return new RulesPublishResult(false, null, [new DesignerProblem(null, null, "không có bản nháp quy tắc để công bố; hãy lưu bản nháp trước.")]);
            }

            var yaml = File.ReadAllText(RulesDraftFile);
            var problems = ValidateRules(yaml);
            if (problems.Count > 0)
            {
                return new RulesPublishResult(false, null, problems);
            }

            var now = time.GetUtcNow().ToOffset(VietnamOffset);
            Directory.CreateDirectory(RulesHistoryFolder);
            string? previous = null;
            if (File.Exists(RulesFile))
            {
                var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                previous = $"rules-{stamp}.yaml";
                for (var n = 2; File.Exists(Path.Combine(RulesHistoryFolder, previous)); n++)
                {
                    previous = $"rules-{stamp}-{n}.yaml";
                }

                File.Copy(RulesFile, Path.Combine(RulesHistoryFolder, previous));
            }

            WriteAtomically(RulesFile, yaml);
            publication = new RulesPublication(now, publishedBy, previous);
            var line = new JsonObject
            {
                ["at"] = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["by"] = publishedBy,
                ["previous"] = previous,
            }.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            File.AppendAllText(Path.Combine(RulesHistoryFolder, "history.jsonl"), line + "\n");
            File.Delete(RulesDraftFile);
        }

        Published?.Invoke(this, new WorkflowsPublishedEventArgs("rules", null, null, publishedBy, publication.At));
        return new RulesPublishResult(true, publication, []);
    }

    /// <summary>Every publish of the rules through the designer, newest first.</summary>
    public IReadOnlyList<RulesPublication> RulesHistory()
    {
        var file = Path.Combine(RulesHistoryFolder, "history.jsonl");
        if (!File.Exists(file))
        {
            return [];
        }

        var list = new List<RulesPublication>();
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            try
            {
                var o = JsonNode.Parse(line)!.AsObject();
                list.Add(new RulesPublication(DateTimeOffset.Parse(o["at"]!.GetValue<string>(), CultureInfo.InvariantCulture), o["by"]!.GetValue<string>(), o["previous"]?.GetValue<string>()));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
            {
                // A line written by hand that does not read is skipped: the history is informative.
            }
        }

        list.Reverse();
        return list;
    }

    private (DefinitionRules? Rules, IReadOnlyList<DesignerProblem> Problems) ReadRules(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        DefinitionRules rules;
        try
        {
            using var reader = new StringReader(yaml);
            rules = DefinitionRules.Load(reader, "rules.yaml");
        }
        catch (DataFileException e)
        {
            return (null, [new DesignerProblem(null, e.Line, e.Problem)]);
        }

        var catalog = Catalog();

        // Messages name the folder as the coordinator knows it, not the server's path.
        var problems = rules.Validate(catalog)
            .Select(p => new DesignerProblem(null, p.Line, p.Message.Replace(catalog.Source, "workflows/definitions", StringComparison.Ordinal)))
            .ToList();
        return (problems.Count == 0 ? rules : null, problems);
    }
}
