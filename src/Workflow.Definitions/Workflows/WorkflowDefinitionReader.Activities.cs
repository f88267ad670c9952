using System.Text.Json.Nodes;

namespace Workflow.Definitions.Workflows;

public static partial class WorkflowDefinitionReader
{
    /// <summary>Reading the activities and connections of a flowchart, one problem per bad value, naming the activity.</summary>
    private sealed partial class Reading
    {
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
    }
}
