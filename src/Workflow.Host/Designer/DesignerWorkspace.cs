using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using NodaTime;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Designer;

/// <summary>
/// The designer's files in a workflows folder: drafts of definitions (definitions/drafts/ID.json) and of
/// the rules (drafts/rules.yaml), published versions (definitions/ID.vN.json), the rules' history
/// (rules-history/). Every check is the runtime's own (<see cref="WorkflowDefinitionReader"/>,
/// <see cref="DefinitionRules"/>); dry runs are <see cref="Simulation.Simulator"/>, as `workflow simulate`.
/// </summary>
/// <remarks>
/// <para>Drafts are saved even when they would not load, so work is never lost; publishing refuses them
/// with the reader's problems, each naming its activity.</para>
/// <para>Thread-safe: writes are serialized by one lock per workspace (one host writes a folder).</para>
/// <para>After a publish, <see cref="Published"/> is raised: the host reloads the catalog and the rules
/// (<see cref="Hosting.WorkflowsData.Load"/>) so that NEW milestones use them; running ones keep their version.</para>
/// </remarks>
public sealed partial class DesignerWorkspace
{
    /// <summary>At most this many emails are returned by a dry run (the count says how many there are).</summary>
    public const int MaxEmails = 300;

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly Lock gate = new();
    private readonly TimeProvider time;

    public DesignerWorkspace(string workflowsFolder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowsFolder);
        Folder = Path.GetFullPath(workflowsFolder);
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Raised after a definition version or the rules were published (outside the workspace's lock).</summary>
    public event EventHandler<WorkflowsPublishedEventArgs>? Published;

    /// <summary>The workflows folder.</summary>
    public string Folder { get; }

    public string DefinitionsFolder => Path.Combine(Folder, "definitions");

    public string DraftsFolder => Path.Combine(DefinitionsFolder, "drafts");

    public string RulesFile => Path.Combine(Folder, "rules.yaml");

    public string RulesDraftFile => Path.Combine(Folder, "drafts", "rules.yaml");

    public string RulesHistoryFolder => Path.Combine(Folder, "rules-history");

    /// <summary>Whether <paramref name="definitionId"/> can name files: lower-case letters, digits, '-', '_' and '.'.</summary>
    public static bool IsValidDefinitionId(string? definitionId) =>
        definitionId is { Length: > 0 and <= 100 } && IdPattern().IsMatch(definitionId);

    // ---------------------------------------------------------------- file storage

    internal DefinitionCatalog Catalog() =>
        Directory.Exists(DefinitionsFolder) ? DefinitionCatalog.LoadDirectory(DefinitionsFolder) : DefinitionCatalog.Create([]);

    private static (JsonObject? Top, DesignerProblem? Problem) ParseObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var position = (int)(e.BytePositionInLine ?? 0) + 1;
            return (null, new DesignerProblem(null, line,
                $"JSON không hợp lệ ở dòng {line}, vị trí {position}: hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy quanh chỗ đó."));
        }

        return node is JsonObject top
            ? (top, null)
            : (null, new DesignerProblem(null, 1, "tệp phải là một đối tượng JSON {...} theo dạng định nghĩa quy trình của Elsa 3."));
    }

    private static JsonNode? Property(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var exact) ? exact : obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? StringProperty(JsonObject obj, string name) =>
        Property(obj, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Sets a top-level member in place (under the name it is written with), or inserts it after <paramref name="after"/> (at the end when absent).</summary>
    private static void Set(JsonObject obj, string name, JsonNode? value, string? after)
    {
        var existing = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
        if (existing is not null)
        {
            obj[existing] = value;
            return;
        }

        var anchor = after is null ? null : obj.FirstOrDefault(p => string.Equals(p.Key, after, StringComparison.OrdinalIgnoreCase)).Key;
        if (anchor is null)
        {
            obj[name] = value;
        }
        else
        {
            obj.Insert(obj.IndexOf(anchor) + 1, name, value);
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    private static void CheckId(string definitionId)
    {
        if (!IsValidDefinitionId(definitionId))
        {
            throw new ArgumentException($"\"{definitionId}\" không phải mã quy trình (chữ thường không dấu, số, '-', '_', '.').", nameof(definitionId));
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
