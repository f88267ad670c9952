using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// Reads and checks a workflow definition in Elsa 3's JSON shape. The one way to make a
/// <see cref="WorkflowDefinition"/>.
/// </summary>
/// <remarks>
/// <para>Reading never throws on bad content: every problem is reported, in Vietnamese, naming the
/// activity concerned, and a file with any problem gives no definition. Checked: the JSON itself; the
/// top-level values; the root is an "Elsa.Flowchart"; each activity has an id used once and a known
/// type; required inputs are present and every input has the right kind of value; each connection joins
/// existing activities through a port its source has; exactly one <see cref="MilestoneStart"/>; every
/// activity reachable from it; no loop without a wait (a cycle through no <see cref="WaitActivities.IsWait(Activity)"/>
/// activity would run forever in an instant).</para>
/// <para>Property names are matched ignoring case; a name written twice in different cases is a problem.
/// Type strings and port names are Elsa's: types are case-sensitive (a near miss is suggested), ports are
/// matched ignoring case and stored as the type declares them. JSON comments and trailing commas are accepted
/// (comments are not written back).</para>
/// </remarks>
public static partial class WorkflowDefinitionReader
{
    private static readonly string[] TopLevelNames = ["id", "definitionId", "name", "version", "isPublished", "root"];
    private static readonly string[] RootNames = ["id", "type", "activities", "connections", "start"];
    private static readonly string[] ConnectionNames = ["source", "target", "sourcePort", "targetPort"];
    private static readonly string[] EndpointNames = ["activity", "port"];

    /// <summary>Reads the definition file at <paramref name="path"/>; a file that cannot be read is a problem too.</summary>
    public static DefinitionReadResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DefinitionReadResult(null, [new DefinitionProblem(path, null, $"không đọc được tệp ({e.Message}).")]);
        }

        return Read(json, path);
    }

    /// <summary>Reads a definition from <paramref name="json"/>; <paramref name="fileName"/> names it in problems.</summary>
    public static DefinitionReadResult Read(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reading(fileName).Run(json);
    }

    /// <summary>An activity as the graph checks see it: read or not, it is a node if it has an id.</summary>
    private sealed record Node(string Id, int Index, string? Type, ActivitySpec? Spec, bool CanStart)
    {
        public bool IsWait => Spec?.Descriptor.IsWait == true;

        /// <summary>The activity, once read without a problem.</summary>
        public Activity? Built { get; set; }

        /// <summary>A decision whose condition is an expression can leave a loop on its own (Elsa's implicit loops).</summary>
        public bool CanExitLoop => Built is FlowDecision { Condition: Expression } or ElsaIf { Condition: Expression };

        /// <summary>The repeat interval of a timer activity, for the floor on how often a milestone's timers repeat.</summary>
        public Duration? Interval => Built switch
        {
            Timer t => t.Interval,
            Delay d => d.TimeSpan,
            _ => null,
        };
    }

    private sealed partial class Reading(string file)
    {
        private readonly List<DefinitionProblem> _problems = [];

        public DefinitionReadResult Run(string json)
        {
            JsonNode? document;
            try
            {
                document = JsonNode.Parse(json, documentOptions: WorkflowJson.DocumentOptions);
                WorkflowJson.Materialize(document);
            }
            catch (JsonException e)
            {
                Problem(null, $"JSON không hợp lệ ở dòng {(e.LineNumber ?? 0) + 1}: hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy quanh chỗ đó.");
                return Result(null);
            }
            catch (ArgumentException e)
            {
                Problem(null, $"một đối tượng JSON có hai thuộc tính trùng tên ({e.Message}); mỗi tên chỉ viết một lần.");
                return Result(null);
            }

            if (document is not JsonObject top)
            {
                Problem(null, "tệp phải là một đối tượng JSON {...} theo dạng định nghĩa quy trình của Elsa 3.");
                return Result(null);
            }

            RepeatedNames(top, TopLevelNames, null);
            JsonNode? definitionIdNode = WorkflowJson.Get(top, "definitionId");
            string? definitionId = WorkflowJson.AsString(definitionIdNode)?.Trim();
            bool derived = false;
            if (definitionIdNode is null)
            {
                // Elsa accepts a definition without one and makes one up; ours is the file's name, so rules can name it.
                definitionId = DeriveId(file);
                derived = true;
            }

            if (string.IsNullOrEmpty(definitionId))
            {
                Problem(null, "thiếu \"definitionId\": mã của quy trình mà các quy tắc dùng, ví dụ \"chase-and-escalate\".");
            }

            int version = Optional(top, "version", 1, n => WorkflowJson.AsInt(n) is int v && v >= 1 ? v : null,
                "\"version\" phải là số nguyên dương (1, 2, ...).");
            bool isPublished = Optional(top, "isPublished", false, n => WorkflowJson.AsBool(n), "\"isPublished\" phải là true hoặc false.");
            string? name = OptionalString(top, "name", "\"name\" phải là một chuỗi.");
            string? id = OptionalString(top, "id", "\"id\" phải là một chuỗi.");

            Flowchart? root = null;
            if (WorkflowJson.Get(top, "root") is JsonObject rootObject)
            {
                root = ReadFlowchart(rootObject, isRoot: true);
            }
            else
            {
                Problem(null, "thiếu \"root\": sơ đồ quy trình, một đối tượng có \"type\": \"Elsa.Flowchart\", \"activities\" và \"connections\".");
            }

            if (_problems.Count > 0 || root is null || definitionId is null)
            {
                return Result(null);
            }

            var definition = new WorkflowDefinition(
                id ?? WorkflowDefinition.DefaultId(definitionId, version),
                definitionId,
                name ?? definitionId,
                version,
                isPublished,
                root,
                file,
                SourceJson.From(top, TopLevelNames))
            {
                DefinitionIdDerived = derived,
            };
            return Result(definition);
        }

        private DefinitionReadResult Result(WorkflowDefinition? definition) => new(definition, _problems.AsReadOnly());

        /// <summary>The ids of every activity read so far, nested bodies included: Elsa's ids are unique in a whole definition.</summary>
        private readonly Dictionary<string, Node> _allIds = new(StringComparer.Ordinal);

        /// <summary>A definitionId from a file name: "03-http-workflow.json" gives "03-http-workflow".</summary>
        private static string? DeriveId(string fileName)
        {
            string stem = Path.GetFileNameWithoutExtension(fileName).Trim().ToLowerInvariant();
            var id = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-');
            return id.Length == 0 ? null : id;
        }

        private void Problem(string? activityId, string message) => _problems.Add(new DefinitionProblem(file, activityId, message));

        private void RepeatedNames(JsonObject obj, IEnumerable<string> known, string? activityId)
        {
            foreach (string name in WorkflowJson.Repeated(obj, known))
            {
                Problem(activityId, $"thuộc tính \"{name}\" được viết nhiều lần (tên thuộc tính không phân biệt hoa thường); chỉ giữ một.");
            }
        }

        private T Optional<T>(JsonObject obj, string name, T fallback, Func<JsonNode, T?> read, string error)
            where T : struct
        {
            JsonNode? node = WorkflowJson.Get(obj, name);
            if (node is null)
            {
                return fallback;
            }

            T? value = read(node);
            if (value is null)
            {
                Problem(null, error);
                return fallback;
            }

            return value.Value;
        }

        private string? OptionalString(JsonObject obj, string name, string error)
        {
            JsonNode? node = WorkflowJson.Get(obj, name);
            if (node is null)
            {
                return null;
            }

            string? value = WorkflowJson.AsString(node);
            if (value is null)
            {
                Problem(null, error);
            }

            return value;
        }

        private Flowchart? ReadFlowchart(JsonObject root, bool isRoot)
        {
            RepeatedNames(root, RootNames, null);
            string? type = WorkflowJson.AsString(WorkflowJson.Get(root, "type"));
            bool sequence = isRoot && type == Flowchart.SequenceTypeName;
            if (type != Flowchart.TypeName && !sequence)
            {
                Problem(null, $"\"{(isRoot ? "root" : "body")}\" phải có \"type\": \"{Flowchart.TypeName}\"{(isRoot ? $" hoặc \"{Flowchart.SequenceTypeName}\"" : string.Empty)} (đang là {(type is null ? "trống" : $"\"{type}\"")}); chỉ hỗ trợ sơ đồ dạng Flowchart và Sequence.");
            }

            int problemsBefore = _problems.Count;

            string rootId = WorkflowJson.AsString(WorkflowJson.Get(root, "id")) ?? Flowchart.DefaultId;

            var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
            var activities = new List<Activity>();
            switch (WorkflowJson.Get(root, "activities"))
            {
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        ReadActivity(array[i], i, nodes, activities);
                    }

                    break;
                case null:
                    Problem(null, "thiếu \"root.activities\": danh sách các hoạt động của quy trình.");
                    break;
                default:
                    Problem(null, "\"root.activities\" phải là một danh sách [...] các hoạt động.");
                    break;
            }

            var connections = new List<Connection>();
            var refusedTargets = new HashSet<string>(StringComparer.Ordinal);
            if (sequence)
            {
                // A Sequence runs its activities in order: the connections are implied, and never written.
                for (var i = 1; i < activities.Count; i++)
                {
                    connections.Add(new Connection(activities[i - 1].Id, Connection.DefaultSourcePort, activities[i].Id, Connection.DefaultTargetPort) { Implied = true });
                }
            }

            switch (sequence ? null : WorkflowJson.Get(root, "connections"))
            {
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        ReadConnection(array[i], i, nodes, connections, refusedTargets);
                    }

                    break;
                case null:
                    break;
                default:
                    Problem(null, "\"root.connections\" phải là một danh sách [...] các kết nối.");
                    break;
            }

            string? explicitStart = WorkflowJson.AsString(WorkflowJson.Get(root, "start"));
            string? start = CheckGraph(nodes, connections, refusedTargets, explicitStart, isRoot);
            return _problems.Count == problemsBefore
                ? new Flowchart(rootId, activities.AsReadOnly(), connections.AsReadOnly(), start, sequence, SourceJson.From(root, RootNames))
                : null;
        }
    }
}
