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
public static class WorkflowDefinitionReader
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

    private sealed class Reading(string file)
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

        private void ReadActivity(JsonNode? element, int index, Dictionary<string, Node> nodes, List<Activity> activities)
        {
            int number = index + 1;
            if (element is not JsonObject obj)
            {
                Problem(null, $"phần tử thứ {number} của \"activities\" không phải một hoạt động (đối tượng JSON {{...}}).");
                return;
            }

            string? id = WorkflowJson.AsString(WorkflowJson.Get(obj, "id"));
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(null, $"hoạt động thứ {number} không có \"id\" (một chuỗi, ví dụ \"nhac-14-ngay\").");
                return;
            }

            if (nodes.TryGetValue(id, out Node? first))
            {
                Problem(id, $"id \"{id}\" đã dùng cho hoạt động thứ {first.Index + 1}; mỗi hoạt động cần một id riêng.");
                return;
            }

            if (_allIds.ContainsKey(id))
            {
                Problem(id, $"id \"{id}\" đã dùng cho một hoạt động khác của quy trình (trong một khối chứa); mỗi hoạt động cần một id riêng.");
                return;
            }

            string? type = WorkflowJson.AsString(WorkflowJson.Get(obj, "type"));
            ActivitySpec? spec = type is null ? null : ActivityCatalog.Spec(type);
            var node = new Node(id, index, type, spec, CanStartWorkflow(obj));
            nodes.Add(id, node);
            _allIds.Add(id, node);
            if (type is null)
            {
                Problem(id, "thiếu \"type\": loại hoạt động, ví dụ \"Cchc.SendReminder\".");
                return;
            }

            if (spec is null)
            {
                if (ActivityCatalog.CaseInsensitiveMatch(type) is { } near)
                {
                    Problem(id, $"không biết loại hoạt động \"{type}\". Có phải là \"{near}\"? (loại hoạt động phân biệt hoa thường.)");
                    return;
                }

                // As Elsa does with a type it does not know: kept whole as a placeholder; publishing and running refuse it.
                string[] baseNames = ["id", "type", "displayName"];
                JsonNode? label = WorkflowJson.Get(obj, "displayName");
                var placeholder = new UnknownActivity(id, type)
                {
                    DisplayName = WorkflowJson.AsString(label),
                    Json = SourceJson.From(obj, baseNames),
                };
                node.Built = placeholder;
                activities.Add(placeholder);
                return;
            }

            IReadOnlyList<InputDescriptor> inputs = spec.Descriptor.Inputs;
            string[] known = ["id", "type", "displayName", .. inputs.Select(i => i.Name)];
            RepeatedNames(obj, known, id);
            int before = _problems.Count;

            JsonNode? displayNode = WorkflowJson.Get(obj, "displayName");
            string? displayName = WorkflowJson.AsString(displayNode);
            if (displayNode is not null && displayName is null)
            {
                Problem(id, "\"displayName\" phải là một chuỗi.");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (InputDescriptor input in inputs)
            {
                JsonNode? token = WorkflowJson.Get(obj, input.Name);
                if (token is null)
                {
                    if (input.Required)
                    {
                        Problem(id, $"thiếu đầu vào bắt buộc \"{input.Name}\" ({input.Label}).");
                    }

                    values[input.Name] = null;
                    continue;
                }

                if (input.Kind == InputKind.Body)
                {
                    if (token is JsonObject body)
                    {
                        values[input.Name] = ReadFlowchart(body, isRoot: false);
                    }
                    else
                    {
                        Problem(id, $"đầu vào \"{input.Name}\" ({input.Label}): cần một sơ đồ {{\"type\": \"{Flowchart.TypeName}\", \"activities\": [...]}}.");
                    }

                    continue;
                }

                values[input.Name] = InputValues.Read(input, token, out string? error);
                if (error is not null)
                {
                    Problem(id, $"đầu vào \"{input.Name}\" ({input.Label}): {error}");
                }
            }

            if (_problems.Count == before)
            {
                Activity activity = spec.Create(id, type, values) with
                {
                    DisplayName = displayName,
                    Json = SourceJson.From(obj, known),
                };
                node.Built = activity;
                activities.Add(activity);
            }
        }

        private void ReadConnection(JsonNode? element, int index, Dictionary<string, Node> nodes, List<Connection> connections, HashSet<string> refusedTargets)
        {
            int number = index + 1;
            if (element is not JsonObject obj)
            {
                Problem(null, $"kết nối thứ {number} không phải một đối tượng JSON {{...}}.");
                return;
            }

            RepeatedNames(obj, ConnectionNames, null);
            (string? source, string sourcePort) = Endpoint(obj, "source", "sourcePort", Connection.DefaultSourcePort);
            (string? target, string targetPort) = Endpoint(obj, "target", "targetPort", Connection.DefaultTargetPort);
            if (source is null || target is null)
            {
                Problem(source ?? target, $"kết nối thứ {number} thiếu \"source\" hoặc \"target\": cần id của hoạt động đầu và hoạt động cuối.");
                return;
            }

            string shown = $"\"{source}\" → \"{target}\"";
            bool ok = true;
            nodes.TryGetValue(source, out Node? from);
            nodes.TryGetValue(target, out Node? to);
            if (from is null)
            {
                Problem(to is null ? source : target, $"kết nối thứ {number} ({shown}) đi từ \"{source}\", nhưng không có hoạt động nào mang id này.");
                ok = false;
            }

            if (to is null)
            {
                Problem(from is null ? target : source, $"kết nối thứ {number} ({shown}) đi tới \"{target}\", nhưng không có hoạt động nào mang id này.");
                ok = false;
            }

            if (from?.Spec is { } spec && !spec.Descriptor.DynamicPorts)
            {
                IReadOnlyList<string> ports = spec.Descriptor.OutPorts;
                string? port = ports.FirstOrDefault(p => string.Equals(p, sourcePort, StringComparison.OrdinalIgnoreCase));
                if (port is null)
                {
                    Problem(source, ports.Count == 0
                        ? $"hoạt động kết thúc không có cổng ra, nên kết nối thứ {number} ({shown}) không đi được; hãy xóa kết nối này."
                        : $"kết nối thứ {number} ({shown}) ra từ cổng \"{sourcePort}\", nhưng hoạt động loại {spec.Descriptor.Type} chỉ có cổng {string.Join(", ", ports)}.");
                    ok = false;
                }
                else
                {
                    sourcePort = port;
                }
            }

            if (ok)
            {
                connections.Add(new Connection(source, sourcePort, target, targetPort) { Json = SourceJson.From(obj, ConnectionNames) });
            }
            else
            {
                refusedTargets.Add(target);
            }
        }

        /// <summary>An endpoint in either form: <c>"source": {"activity": "a", "port": "Done"}</c> or
        /// <c>"source": "a"</c> with <c>"sourcePort": "Done"</c>. The nested port wins over the flat one.</summary>
        private (string? Activity, string Port) Endpoint(JsonObject connection, string name, string flatPortName, string defaultPort)
        {
            JsonNode? node = WorkflowJson.Get(connection, name);
            string? flatPort = WorkflowJson.AsString(WorkflowJson.Get(connection, flatPortName));
            if (node is JsonObject nested)
            {
                RepeatedNames(nested, EndpointNames, null);
                string? activity = WorkflowJson.AsString(WorkflowJson.Get(nested, "activity"));
                string? port = WorkflowJson.AsString(WorkflowJson.Get(nested, "port"));
                return (Blank(activity), Blank(port) ?? Blank(flatPort) ?? defaultPort);
            }

            return (Blank(WorkflowJson.AsString(node)), Blank(flatPort) ?? defaultPort);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        /// <summary>The checks of the whole graph, on the connections that were accepted. An activity only a
        /// refused connection leads to is not reported unreachable: the connection's problem already names it.</summary>
        /// <returns>The id of the start activity, as Elsa finds it; null for an empty flowchart.</returns>
        private string? CheckGraph(Dictionary<string, Node> nodes, List<Connection> connections, HashSet<string> refusedTargets, string? explicitStart, bool isRoot)
        {
            var edges = nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
            foreach (Connection c in connections)
            {
                edges[c.Source].Add(c.Target);
            }

            var starts = nodes.Values.Where(n => n.Type is MilestoneStart.TypeName or Start.TypeName).OrderBy(n => n.Index).ToList();
            foreach (Node extra in starts.Skip(1))
            {
                Problem(extra.Id, $"đã có hoạt động bắt đầu \"{starts[0].Id}\"; mỗi sơ đồ chỉ có một \"{MilestoneStart.TypeName}\" hoặc \"{Start.TypeName}\".");
            }

            // Elsa's order: the flowchart's "start", else a Start activity, else one marked canStartWorkflow, else the
            // first activity no connection leads to, else the first activity.
            Node? start = null;
            if (explicitStart is not null && !nodes.TryGetValue(explicitStart, out start))
            {
                Problem(null, $"\"start\" của sơ đồ là \"{explicitStart}\", nhưng không có hoạt động nào mang id này.");
            }

            var targets = connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
            start ??= starts.FirstOrDefault()
                ?? nodes.Values.Where(n => n.CanStart).MinBy(n => n.Index)
                ?? nodes.Values.Where(n => !targets.Contains(n.Id)).MinBy(n => n.Index)
                ?? nodes.Values.MinBy(n => n.Index);
            if (start is null && isRoot)
            {
                Problem(null, "sơ đồ không có hoạt động nào; hãy thêm ít nhất một hoạt động bắt đầu.");
            }

            if (start is not null)
            {
                var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
                var pending = new Queue<string>(reached);
                while (pending.TryDequeue(out string? current))
                {
                    foreach (string next in edges[current].Where(reached.Add))
                    {
                        pending.Enqueue(next);
                    }
                }

                foreach (Node node in nodes.Values.Where(n => !reached.Contains(n.Id) && !refusedTargets.Contains(n.Id)).OrderBy(n => n.Index))
                {
                    Problem(node.Id, $"không đi tới được từ hoạt động bắt đầu \"{start.Id}\": hãy nối nó vào quy trình hoặc xóa nó.");
                }
            }

            CheckFloor(nodes, edges);
            foreach (List<Node> loop in LoopsWithoutWait(nodes, edges).Where(loop => !loop.Any(n => n.CanExitLoop)))
            {
                string cycle = string.Join(" → ", loop.Select(n => n.Id).Append(loop[0].Id));
                Problem(loop.OrderBy(n => n.Index).First().Id,
                    $"vòng lặp không có bước chờ: {cycle}. Một vòng lặp cần ít nhất một hoạt động chờ "
                    + $"({string.Join(", ", ActivityCatalog.All.Where(a => a.IsWait).Select(a => a.Type))}) "
                    + "hoặc một Elsa.FlowDecision / Elsa.If có điều kiện là biểu thức, nếu không nó chạy mãi không dừng.");
            }

            return start?.Id;
        }

        /// <summary>
        /// Issue 12's floor: a milestone's timers repeat at most hourly. A cron expression must not occur more often than
        /// <see cref="CronSchedules.Floor"/>; an Elsa.Timer or Elsa.Delay on a cycle (so it repeats) must wait at least that.
        /// A one-off short wait is harmless and allowed.
        /// </summary>
        private void CheckFloor(Dictionary<string, Node> nodes, Dictionary<string, List<string>> edges)
        {
            foreach (Node node in nodes.Values.OrderBy(n => n.Index))
            {
                if (node.Built is Cron cron)
                {
                    if (CronSchedules.Parse(cron.CronExpression, out string? error) is not { } parsed)
                    {
                        Problem(node.Id, $"đầu vào \"cronExpression\" (Biểu thức cron): {error}");
                    }
                    else if (CronSchedules.ShortestGap(parsed) is { } gap && gap < CronSchedules.Floor)
                    {
                        Problem(node.Id, $"biểu thức cron \"{cron.CronExpression}\" lặp lại quá dày (cách nhau {Show(gap)}); mỗi mốc chỉ được nhắc tối đa mỗi giờ một lần, hãy chọn lịch thưa hơn (ví dụ \"0 8 * * *\").");
                    }
                }

                if (node.Interval is { } interval && interval < CronSchedules.Floor && OnCycle(node.Id, edges))
                {
                    Problem(node.Id, $"{node.Type} lặp lại mỗi {Show(interval)} trong một vòng lặp; mỗi mốc chỉ được lặp tối đa mỗi giờ một lần (ít nhất 01:00:00).");
                }
            }
        }

        private static bool OnCycle(string id, Dictionary<string, List<string>> edges)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(edges[id]);
            while (pending.TryPop(out string? current))
            {
                if (current == id)
                {
                    return true;
                }

                if (seen.Add(current))
                {
                    foreach (string next in edges[current])
                    {
                        pending.Push(next);
                    }
                }
            }

            return false;
        }

        private static string Show(Duration duration) => duration.ToTimeSpan().ToString("c", System.Globalization.CultureInfo.InvariantCulture);

        private static bool CanStartWorkflow(JsonObject activity)
        {
            JsonNode? flag = WorkflowJson.Get(activity, "canStartWorkflow")
                ?? (WorkflowJson.Get(activity, "customProperties") is JsonObject custom ? WorkflowJson.Get(custom, "canStartWorkflow") : null);
            return WorkflowJson.AsBool(flag) == true;
        }

        /// <summary>
        /// The cycles of the graph without its wait activities, one per strongly connected component of that
        /// graph (Tarjan, iterative), each as a path from its first activity in file order back to it.
        /// </summary>
        private static IEnumerable<List<Node>> LoopsWithoutWait(Dictionary<string, Node> nodes, Dictionary<string, List<string>> edges)
        {
            List<string> Successors(string id) => [.. edges[id].Where(t => !nodes[t].IsWait)];

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var components = new List<List<string>>();
            int counter = 0;
            foreach (Node root in nodes.Values.Where(n => !n.IsWait).OrderBy(n => n.Index))
            {
                if (index.ContainsKey(root.Id))
                {
                    continue;
                }

                var work = new Stack<(string Id, List<string> Next, int Position)>();
                Enter(root.Id);
                while (work.Count > 0)
                {
                    (string id, List<string> next, int position) = work.Pop();
                    if (position < next.Count)
                    {
                        work.Push((id, next, position + 1));
                        string target = next[position];
                        if (!index.TryGetValue(target, out int targetIndex))
                        {
                            Enter(target);
                        }
                        else if (onStack.Contains(target))
                        {
                            low[id] = Math.Min(low[id], targetIndex);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        string parent = work.Peek().Id;
                        low[parent] = Math.Min(low[parent], low[id]);
                    }

                    if (low[id] == index[id])
                    {
                        var component = new List<string>();
                        string member;
                        do
                        {
                            member = stack.Pop();
                            onStack.Remove(member);
                            component.Add(member);
                        }
                        while (member != id);
                        components.Add(component);
                    }
                }

                void Enter(string id)
                {
                    index[id] = low[id] = counter++;
                    stack.Push(id);
                    onStack.Add(id);
                    work.Push((id, Successors(id), 0));
                }
            }

            foreach (List<string> component in components)
            {
                var members = new HashSet<string>(component, StringComparer.Ordinal);
                string first = component.OrderBy(id => nodes[id].Index).First();
                if (component.Count == 1 && !edges[first].Contains(first))
                {
                    continue;
                }

                // Shortest path from first back to first inside the component.
                var parent = new Dictionary<string, string>(StringComparer.Ordinal);
                var queue = new Queue<string>([first]);
                string? last = null;
                while (last is null && queue.TryDequeue(out string? current))
                {
                    foreach (string next in edges[current].Where(members.Contains))
                    {
                        if (next == first)
                        {
                            last = current;
                            break;
                        }

                        if (parent.TryAdd(next, current))
                        {
                            queue.Enqueue(next);
                        }
                    }
                }

                var path = new List<Node>();
                for (string? at = last; at is not null; at = at == first ? null : parent[at])
                {
                    path.Add(nodes[at]);
                }

                path.Reverse();
                yield return path;
            }
        }
    }
}
