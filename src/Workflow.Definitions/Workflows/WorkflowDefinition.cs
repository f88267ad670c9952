using System.Text.Json.Nodes;
using NodaTime;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// One version of a workflow definition, in Elsa 3's shape: <c>id</c> (this version's id),
/// <c>definitionId</c> (shared by all versions), <c>name</c>, <c>version</c>, <c>isPublished</c>,
/// <c>variables</c> and a <c>root</c> flowchart.
/// </summary>
/// <remarks>
/// <para>Immutable; made only by <see cref="WorkflowDefinitionReader"/>, so every definition passed its checks.</para>
/// <para>Equality is by content: the top-level values, the flowchart, and the unknown fields of the source at
/// each level. How the source was written (bare or wrapped inputs, flat or nested connections, the case of
/// property names, its file) does not count; <see cref="ToJson"/> keeps it anyway.</para>
/// </remarks>
public sealed class WorkflowDefinition : IEquatable<WorkflowDefinition>
{
    internal WorkflowDefinition(string id, string definitionId, string name, int version, bool isPublished, Flowchart root, string source, SourceJson json)
    {
        Id = id;
        DefinitionId = definitionId;
        Name = name;
        Version = version;
        IsPublished = isPublished;
        Root = root;
        Source = source;
        Json = json;
    }

    /// <summary>The time zone of every moment of a workflow: Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
    public static DateTimeZone TimeZone { get; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>This version's id; "definitionId:version" when the file gives none.</summary>
    public string Id { get; }

    /// <summary>The id shared by every version, which rules name ("chase-and-escalate").</summary>
    public string DefinitionId { get; }

    /// <summary>True when the file gave no definitionId and <see cref="DefinitionId"/> was made from its name (it is not written back).</summary>
    public bool DefinitionIdDerived { get; init; }

    /// <summary>
    /// Why this definition cannot run or be published, in Vietnamese, naming each activity: a placeholder for a type
    /// this product does not run (HTTP, C#, a custom activity), with the list of the types it runs. Empty when it can run.
    /// </summary>
    public IReadOnlyList<DefinitionProblem> RunProblems() =>
    [
        .. Root.Placeholders().Select(p => new DefinitionProblem(Source, p.Id,
            $"loại hoạt động \"{p.Type}\" không chạy được ở đây (hoạt động HTTP, mã C# hay hoạt động tự viết không được hỗ trợ); quy trình được giữ nguyên nhưng không công bố và không chạy được. "
            + $"Các loại dùng được: {ActivityCatalog.SupportedTypes}.")),
        .. Root.AllActivities().SelectMany(a => a.ExpressionInputs().Where(e => !e.Expression.IsSupported)
            .Select(e => new DefinitionProblem(Source, a.Id, $"đầu vào \"{e.Input}\" không chạy được ở đây: {e.Expression.Refusal}"))),
    ];

    /// <summary>The name shown to people; the definition id when the file gives none.</summary>
    public string Name { get; }

    /// <summary>The version, from 1; 1 when the file gives none.</summary>
    public int Version { get; }

    /// <summary>Whether new workflow instances may use this version; false when the file does not say (as in Elsa).</summary>
    public bool IsPublished { get; }

    public Flowchart Root { get; }

    /// <summary>The file (or name) it was read from, for messages. Not part of equality.</summary>
    public string Source { get; }

    internal SourceJson Json { get; }

    internal static string DefaultId(string definitionId, int version) => $"{definitionId}:{version}";

    /// <summary>A copy of the <c>variables</c> of the source, as written; null when it has none. The runtime
    /// does not use variables; they are kept for Elsa.</summary>
    public JsonNode? Variables() =>
        Json.Raw is { } raw ? WorkflowJson.Get(raw, "variables")?.DeepClone() : null;

    /// <summary>The definition as indented Elsa 3 JSON (see <see cref="ToJsonNode"/>).</summary>
    public string ToJson() => ToJsonNode().ToJsonString(WorkflowJson.WriteOptions);

    /// <summary>
    /// The definition as a new Elsa 3 JSON object. Known members are written under their camelCase names;
    /// every member the model does not know is copied unchanged, in the source's order; an input keeps the
    /// form it was read in (bare, or Elsa's wrapper with its extra fields) and a connection its form (flat or
    /// nested; nested for new ones). Values the source left out stay out. Reading the result gives an equal definition.
    /// </summary>
    public JsonObject ToJsonNode() => WorkflowJson.Merge(Json.Raw,
    [
        WorkflowJson.Value("id", Id, WorkflowJson.AsString, Id, Id == DefaultId(DefinitionId, Version)),
        WorkflowJson.Value("definitionId", DefinitionId, WorkflowJson.AsString, DefinitionId, DefinitionIdDerived),
        WorkflowJson.Value("name", Name, WorkflowJson.AsString, Name, Name == DefinitionId),
        WorkflowJson.Value("version", Version, t => WorkflowJson.AsInt(t), Version, Version == 1),
        WorkflowJson.Value("isPublished", IsPublished, t => WorkflowJson.AsBool(t), IsPublished, !IsPublished),
        WorkflowJson.Always("root", Root.ToJsonNode()),
    ]);

    public bool Equals(WorkflowDefinition? other) =>
        other is not null
        && Id == other.Id
        && DefinitionId == other.DefinitionId
        && Name == other.Name
        && Version == other.Version
        && IsPublished == other.IsPublished
        && Root.Equals(other.Root)
        && Json.Equals(other.Json);

    public override bool Equals(object? obj) => Equals(obj as WorkflowDefinition);

    public override int GetHashCode() => HashCode.Combine(DefinitionId, Version);

    /// <summary>"definitionId v1".</summary>
    public override string ToString() => $"{DefinitionId} v{Version}";
}
