using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Designer;

// Published versions of a definition: the list with who and when, publishing a draft as the next version, and the diff between two.
public sealed partial class DesignerWorkspace
{
    /// <summary>Every version of <paramref name="definitionId"/> that loads, oldest first, with who published it and when.</summary>
    public IReadOnlyList<DefinitionVersion> Versions(string definitionId)
    {
        CheckId(definitionId);
        var catalog = Catalog();
        catalog.TryGet(definitionId, out var latest);
        var list = new List<DefinitionVersion>();
        foreach (var d in catalog.All.Where(d => d.DefinitionId == definitionId))
        {
            var (createdAt, by) = Provenance(d.Source);
            list.Add(new DefinitionVersion(d.Version, d.IsPublished, ReferenceEquals(d, latest), d.Name, Path.GetFileName(d.Source), createdAt, by));
        }

        return list;
    }

    /// <summary>
    /// Publishes the draft as version N = the highest version any file of the folder gives this definition + 1:
    /// writes definitions/ID.vN.json (isPublished true, id "ID:N", <c>createdAt</c> and
    /// <c>customProperties.publishedBy</c> set), deletes the draft and raises <see cref="Published"/>. Refused,
    /// with the problems, when the draft would not load.
    /// </summary>
    public PublishResult Publish(string definitionId, string publishedBy)
    {
        CheckId(definitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        PublishResult result;
        DateTimeOffset now;
        lock (gate)
        {
            var draftPath = DraftPath(definitionId);
            if (!File.Exists(draftPath))
            {
                return new PublishResult(false, null, null, [new DesignerProblem(null, null, "không có bản nháp để công bố; hãy lưu bản nháp trước.")]);
            }

            var text = File.ReadAllText(draftPath);
            var agencies = Agencies();
            var templates = TemplateSet.TryLoad(Path.Combine(Folder, "templates"));
            var problems = Validate(text, definitionId, agencies, templates);
            if (problems.Count > 0)
            {
                return new PublishResult(false, null, null, problems);
            }

            var top = (JsonObject)JsonNode.Parse(text, documentOptions: ReadOptions)!;
            var version = HighestVersion(definitionId) + 1;
            now = time.GetUtcNow().ToOffset(VietnamOffset);
            Set(top, "id", $"{definitionId}:{version}", after: null);
            Set(top, "version", version, after: "name");
            Set(top, "isPublished", true, after: "version");
            Set(top, "createdAt", now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), after: "isPublished");
            var custom = Property(top, "customProperties") as JsonObject;
            if (custom is null)
            {
                custom = [];
                Set(top, "customProperties", custom, after: "createdAt");
            }

            custom["publishedBy"] = publishedBy;
            var json = top.ToJsonString(WriteOptions) + "\n";
            var file = $"{definitionId}.v{version}.json";
            var recheck = Validate(json, definitionId, agencies, templates);
            if (recheck.Count > 0)
            {
                return new PublishResult(false, null, null, recheck);
            }

            var path = Path.Combine(DefinitionsFolder, file);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(json);
            }

            File.Delete(draftPath);
            result = new PublishResult(true, version, file, []);
        }

        Published?.Invoke(this, new WorkflowsPublishedEventArgs("definition", definitionId, result.Version, publishedBy, now));
        return result;
    }

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/> ("1", "2", … or "draft"), per activity, by display name; null when one of them does not exist.</summary>
    public DefinitionDiff? Diff(string definitionId, string from, string to)
    {
        CheckId(definitionId);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var left = Side(definitionId, from);
        var right = Side(definitionId, to);
        if (left is null || right is null)
        {
            return null;
        }

        var entries = DefinitionDiffer.Compare(left, right);
        var header = $"Quy trình \"{definitionId}\": so sánh {SideName(from)} với {SideName(to)}";
        var lines = new List<string> { header };
        if (entries.Count == 0)
        {
            lines.Add("Không có thay đổi nào (ngoài bố cục sơ đồ).");
        }

        foreach (var e in entries)
        {
            lines.Add("- " + e.Title);
            lines.AddRange(e.Details.Select(d => "    • " + d));
        }

        return new DefinitionDiff(definitionId, from, to, entries, string.Join("\n", lines));
    }

    /// <summary>The highest version any JSON file of definitions/ gives <paramref name="definitionId"/>, refused files included (0 when none).</summary>
    private int HighestVersion(string definitionId)
    {
        var highest = 0;
        foreach (var file in Directory.EnumerateFiles(DefinitionsFolder, "*.json"))
        {
            var (top, _) = ParseObject(File.ReadAllText(file));
            if (top is null || StringProperty(top, "definitionId")?.Trim() != definitionId)
            {
                continue;
            }

            var version = Property(top, "version") switch
            {
                JsonValue v when v.TryGetValue(out int n) => n,
                JsonValue v when v.TryGetValue(out string? s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => 1,
            };
            highest = Math.Max(highest, version);
        }

        return highest;
    }

    private static (DateTimeOffset? CreatedAt, string? By) Provenance(string file)
    {
        var (top, _) = ParseObject(File.ReadAllText(file));
        if (top is null)
        {
            return (null, null);
        }

        DateTimeOffset? createdAt = StringProperty(top, "createdAt") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        var by = Property(top, "customProperties") is JsonObject custom ? StringProperty(custom, "publishedBy") : null;
        return (createdAt, by);
    }

    private JsonObject? Side(string definitionId, string which)
    {
        string? text;
        if (which == "draft")
        {
            var draft = DraftPath(definitionId);
            text = File.Exists(draft) ? File.ReadAllText(draft) : null;
        }
        else
        {
            text = int.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? Export(definitionId, version) : null;
        }

        return text is null ? null : ParseObject(text).Top;
    }

    private static string SideName(string which) => which == "draft" ? "bản nháp" : $"phiên bản {which}";
}
