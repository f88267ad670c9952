using Workflow.Definitions;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;

namespace Workflow.Host.Hosting;

/// <summary>Everything the runtime reads from the workflows folder, loaded once and checked.</summary>
public sealed record WorkflowsData(string Folder, ReferenceData Reference, DefinitionCatalog Definitions, DefinitionRules Rules)
{
    /// <summary>
    /// Reads the folder. A broken definition file is refused on its own (its problems are in
    /// <see cref="DefinitionCatalog.Problems"/>, for the caller to show) and the versions that load
    /// keep running; the rules must name definitions that exist.
    /// </summary>
    /// <exception cref="DataFileException">A file is missing or wrong, or a rule names no loadable definition.</exception>
    public static WorkflowsData Load(string folder)
    {
        var reference = ReferenceData.Load(folder);
        var templates = Workflow.Notifications.Templates.TemplateSet.TryLoad(Path.Combine(folder, "templates"));
        var definitions = DefinitionCatalog.LoadDirectory(Path.Combine(folder, "definitions"), d => Runtime.DefinitionChecks.Problems(d, reference.Agencies, templates));
        var rulesFile = Path.Combine(folder, "rules.yaml");
        var rules = DefinitionRules.Load(rulesFile);
        var ruleProblems = rules.Validate(definitions);
        if (ruleProblems.Count > 0)
        {
            throw new DataFileException(rulesFile, null, string.Join(Environment.NewLine, ruleProblems));
        }

        return new WorkflowsData(folder, reference, definitions, rules);
    }

    /// <summary>Tells the coordinator about definition files that were refused.</summary>
    public void ReportRefusedDefinitions(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var problem in Definitions.Problems)
        {
            error.WriteLine($"Quy trình bị từ chối (phiên bản đã công bố trước vẫn chạy): {problem}");
        }
    }

    /// <summary>
    /// A stored plan read again from its file through <paramref name="throughYear"/> (an open-ended plan's new year):
    /// the file it was imported from, else this folder's plans/PLAN-ID.csv or .xlsx (where the import page keeps
    /// uploads); null when no such file reads as that plan.
    /// </summary>
    public Plan? ReadPlanAgain(PlanRecord record, int throughYear)
    {
        ArgumentNullException.ThrowIfNull(record);
        var candidates = new[] { record.Source, Path.Combine(Folder, "plans", record.Id + ".csv"), Path.Combine(Folder, "plans", record.Id + ".xlsx") };
        return candidates.Where(File.Exists)
            .Select(file => PlanReader.Read(file, Reference, openEndedThrough: throughYear).Plan)
            .FirstOrDefault(plan => plan is not null && plan.Id.Value == record.Id);
    }

    public IEnumerable<string> PlanFiles =>
        Directory.Exists(Path.Combine(Folder, "plans"))
            ? Directory.EnumerateFiles(Path.Combine(Folder, "plans")).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            : [];
}
