using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Definitions;
using Workflow.Host.Runtime;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Designer;

// The designer's drafts of definitions: listing, reading, checking, saving, importing, exporting and discarding them.
public sealed partial class DesignerWorkspace
{
    /// <summary>Every definition that has a loadable version or a draft.</summary>
    public IReadOnlyList<DefinitionSummary> ListDefinitions()
    {
        var catalog = Catalog();
        var ids = catalog.All.Select(d => d.DefinitionId).Concat(DraftIds()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var list = new List<DefinitionSummary>();
        foreach (var id in ids)
        {
            var versions = catalog.All.Where(d => d.DefinitionId == id).ToList();
            var draft = DraftPath(id);
            var hasDraft = File.Exists(draft);
            var name = versions.LastOrDefault()?.Name ?? DraftName(draft) ?? id;
            list.Add(new DefinitionSummary(id, name, catalog.TryGet(id, out var latest) ? latest.Version : null,
                [.. versions.Select(v => v.Version)], hasDraft, hasDraft ? new DateTimeOffset(File.GetLastWriteTimeUtc(draft)).ToOffset(VietnamOffset) : null));
        }

        return list;
    }

    /// <summary>The draft of <paramref name="definitionId"/>, or its latest published version (latest version if none is published); null when neither exists.</summary>
    public DefinitionDocument? GetDocument(string definitionId)
    {
        CheckId(definitionId);
        var catalog = Catalog();
        int? basedOn = catalog.TryGet(definitionId, out var published) ? published.Version : null;
        var draft = DraftPath(definitionId);
        if (File.Exists(draft))
        {
            var text = File.ReadAllText(draft);
            return new DefinitionDocument(definitionId, text, true, null, basedOn, Validate(text, definitionId));
        }

        var shown = published ?? catalog.All.Where(d => d.DefinitionId == definitionId).MaxBy(d => d.Version);
        return shown is null ? null : new DefinitionDocument(definitionId, File.ReadAllText(shown.Source), false, shown.Version, basedOn, []);
    }

    /// <summary>The reader's problems with <paramref name="json"/> as a definition of <paramref name="definitionId"/>; empty when it would load.</summary>
    /// <remarks>Beyond the reader: an activity of a type this product does not run (a placeholder), an expression in a
    /// language it does not evaluate or that does not parse, an email recipient that resolves to no address
    /// (with <paramref name="agencies"/>), a template name that is no template of workflows/templates (with <paramref name="templates"/>).</remarks>
    public static IReadOnlyList<DesignerProblem> Validate(string json, string definitionId, AgencyDirectory? agencies = null, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = DefinitionCatalog.Checked(WorkflowDefinitionReader.Read(json, $"{definitionId}.json"), d => DefinitionChecks.Problems(d, agencies, templates));
        var problems = read.Problems.Select(p => new DesignerProblem(p.ActivityId, null, p.Message)).ToList();
        if (read.Definition is { } d && d.DefinitionId != definitionId)
        {
            problems.Add(new DesignerProblem(null, null, $"\"definitionId\" là \"{d.DefinitionId}\", không phải \"{definitionId}\"."));
        }

        return problems;
    }

    /// <summary>Saves <paramref name="json"/> as the draft of <paramref name="definitionId"/>, exactly as given, even when
    /// it would not load (its problems are returned). Not saved: text that is not a JSON object, or names another definitionId.</summary>
    public DraftResult SaveDraft(string definitionId, string json)
    {
        CheckId(definitionId);
        ArgumentNullException.ThrowIfNull(json);
        var (top, error) = ParseObject(json);
        if (top is null)
        {
            return new DraftResult(definitionId, false, [error!]);
        }

        var written = StringProperty(top, "definitionId");
        if (written is not null && written.Trim() != definitionId)
        {
            return new DraftResult(definitionId, false,
                [new DesignerProblem(null, null, $"tệp là quy trình \"{written}\", không phải \"{definitionId}\"; hãy sửa \"definitionId\" hoặc mở đúng quy trình.")]);
        }

        lock (gate)
        {
            Directory.CreateDirectory(DraftsFolder);
            WriteAtomically(DraftPath(definitionId), json);
        }

        return new DraftResult(definitionId, true, Validate(json, definitionId));
    }

    /// <summary>Imports an Elsa 3 definition file as the draft of the definitionId it names (unchanged, even when it would
    /// not load). <paramref name="expectedId"/>, when given, must be that definitionId.</summary>
    public DraftResult Import(string json, string? expectedId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (top, error) = ParseObject(json);
        if (top is null)
        {
            return new DraftResult(null, false, [error!]);
        }

        var id = StringProperty(top, "definitionId")?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return new DraftResult(null, false, [new DesignerProblem(null, null, "tệp thiếu \"definitionId\": mã của quy trình, ví dụ \"chase-and-escalate\".")]);
        }

        if (!IsValidDefinitionId(id))
        {
            return new DraftResult(null, false, [new DesignerProblem(null, null, $"\"definitionId\" \"{id}\" chỉ được gồm chữ thường không dấu, số, '-', '_' và '.'.")]);
        }

        if (expectedId is not null && expectedId != id)
        {
            return new DraftResult(id, false, [new DesignerProblem(null, null, $"tệp là quy trình \"{id}\", không phải \"{expectedId}\" đang mở.")]);
        }

        return SaveDraft(id, json);
    }

    /// <summary>The JSON of a version (or of the draft, <paramref name="version"/> null: else the latest published version), exactly as stored; null when there is none.</summary>
    public string? Export(string definitionId, int? version = null)
    {
        CheckId(definitionId);
        if (version is null)
        {
            return GetDocument(definitionId)?.Json;
        }

        return Catalog().TryGet(definitionId, version.Value, out var definition) ? File.ReadAllText(definition.Source) : null;
    }

    /// <summary>Deletes the draft of <paramref name="definitionId"/>; false when there was none.</summary>
    public bool DiscardDraft(string definitionId)
    {
        CheckId(definitionId);
        lock (gate)
        {
            var path = DraftPath(definitionId);
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
    }

    /// <summary>The agency directory of the folder, for the recipients' check; null when it does not load (the
    /// runtime refuses the folder then anyway).</summary>
    private AgencyDirectory? Agencies()
    {
        try
        {
            return ReferenceData.Load(Folder).Agencies;
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    private string DraftPath(string definitionId) => Path.Combine(DraftsFolder, definitionId + ".json");

    private IEnumerable<string> DraftIds() =>
        Directory.Exists(DraftsFolder)
            ? Directory.EnumerateFiles(DraftsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsValidDefinitionId)
            : [];

    private static string? DraftName(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var (top, _) = ParseObject(File.ReadAllText(path));
        return top is null ? null : StringProperty(top, "name");
    }
}
