using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Designer;

/// <summary>
/// Compares two Elsa 3 definition objects the way a coordinator reads them: activities added, removed
/// or changed (name, type, each input with its Vietnamese label), connections added or removed, the
/// definition's name and description. Layout (metadata.designer) and the form an input is written in
/// (bare or Elsa's literal wrapper) are not changes.
/// </summary>
internal static class DefinitionDiffer
{
    private static readonly HashSet<string> NotInputs = new(StringComparer.OrdinalIgnoreCase) { "id", "type", "displayName", "metadata" };

    public static IReadOnlyList<DiffEntry> Compare(JsonObject from, JsonObject to)
    {
        var entries = new List<DiffEntry>();
        foreach (var (name, label) in new[] { ("name", "Tên quy trình"), ("description", "Mô tả") })
        {
            var a = Text(Get(from, name));
            var b = Text(Get(to, name));
            if (a != b)
            {
                entries.Add(new DiffEntry("definition", null, $"{label}: {Quote(a)} → {Quote(b)}", []));
            }
        }

        var left = Activities(from);
        var right = Activities(to);
        string Name(string id) => right.TryGetValue(id, out var r) ? Display(r) : left.TryGetValue(id, out var l) ? Display(l) : id;

        foreach (var (id, activity) in right.Where(p => !left.ContainsKey(p.Key)))
        {
            var details = Inputs(activity).Where(p => p.Value is not null).Select(p => $"{Label(activity, p.Key)}: {Show(activity, p.Key, p.Value)}").ToList();
            entries.Add(new DiffEntry("added", id, $"Thêm hoạt động «{Display(activity)}» ({id}, {TypeName(activity)})", details));
        }

        foreach (var (id, activity) in left.Where(p => !right.ContainsKey(p.Key)))
        {
            entries.Add(new DiffEntry("removed", id, $"Xóa hoạt động «{Display(activity)}» ({id}, {TypeName(activity)})", []));
        }

        foreach (var (id, after) in right.Where(p => left.ContainsKey(p.Key)))
        {
            var before = left[id];
            var details = new List<string>();
            if (Type(before) != Type(after))
            {
                details.Add($"Loại: {TypeName(before)} → {TypeName(after)}");
            }

            var a = Text(Get(before, "displayName"));
            var b = Text(Get(after, "displayName"));
            if (a != b)
            {
                details.Add($"Tên hiển thị: {Quote(a)} → {Quote(b)}");
            }

            var beforeInputs = Inputs(before);
            var afterInputs = Inputs(after);
            foreach (var name in beforeInputs.Keys.Union(afterInputs.Keys, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var x = beforeInputs.GetValueOrDefault(name);
                var y = afterInputs.GetValueOrDefault(name);
                if (x != y)
                {
                    details.Add($"{Label(after, name)}: {Show(before, name, x)} → {Show(after, name, y)}");
                }
            }

            if (details.Count > 0)
            {
                entries.Add(new DiffEntry("changed", id, $"Sửa hoạt động «{Display(after)}» ({id})", details));
            }
        }

        var leftConnections = Connections(from);
        var rightConnections = Connections(to);
        string Shown((string S, string SP, string T, string TP) c) =>
            $"«{Name(c.S)}» —{ActivityLabels.Ports.GetValueOrDefault(c.SP, c.SP)}→ «{Name(c.T)}»";
        foreach (var c in rightConnections.Except(leftConnections))
        {
            entries.Add(new DiffEntry("connection-added", c.Source, $"Thêm kết nối {Shown(c)}", []));
        }

        foreach (var c in leftConnections.Except(rightConnections))
        {
            entries.Add(new DiffEntry("connection-removed", c.Source, $"Xóa kết nối {Shown(c)}", []));
        }

        return entries;
    }

    private static JsonNode? Get(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var exact) ? exact : obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString();

    private static string Quote(string? text) => text is null ? "(trống)" : $"\"{text}\"";

    private static Dictionary<string, JsonObject> Activities(JsonObject definition)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (Get(definition, "root") is JsonObject root && Get(root, "activities") is JsonArray list)
        {
            foreach (var a in list.OfType<JsonObject>())
            {
                if (Text(Get(a, "id")) is { } id)
                {
                    result.TryAdd(id, a);
                }
            }
        }

        return result;
    }

    private static List<(string Source, string SourcePort, string Target, string TargetPort)> Connections(JsonObject definition)
    {
        var result = new List<(string, string, string, string)>();
        if (Get(definition, "root") is JsonObject root && Get(root, "connections") is JsonArray list)
        {
            foreach (var c in list.OfType<JsonObject>())
            {
                var (s, sp) = Endpoint(c, "source", "sourcePort", Connection.DefaultSourcePort);
                var (t, tp) = Endpoint(c, "target", "targetPort", Connection.DefaultTargetPort);
                if (s is not null && t is not null)
                {
                    result.Add((s, sp, t, tp));
                }
            }
        }

        return result;
    }

    private static (string? Activity, string Port) Endpoint(JsonObject connection, string name, string flatPort, string defaultPort)
    {
        var flat = Text(Get(connection, flatPort));
        return Get(connection, name) is JsonObject nested
            ? (Text(Get(nested, "activity")), Text(Get(nested, "port")) ?? flat ?? defaultPort)
            : (Text(Get(connection, name)), flat ?? defaultPort);
    }

    private static string? Type(JsonObject activity) => Text(Get(activity, "type"));

    private static string TypeName(JsonObject activity) =>
        Type(activity) is { } type && ActivityCatalog.Find(type) is { } d ? d.DisplayName : Type(activity) ?? "?";

    private static string Display(JsonObject activity) => Text(Get(activity, "displayName")) ?? TypeName(activity);

    /// <summary>The inputs of an activity as comparable text: Elsa's literal wrapper unwrapped, numbers and booleans as written.</summary>
    private static Dictionary<string, string?> Inputs(JsonObject activity)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in activity)
        {
            if (!NotInputs.Contains(name))
            {
                result[name] = Literal(value);
            }
        }

        return result;
    }

    private static string? Literal(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o when Get(o, "expression") is JsonObject e && Get(e, "value") is var v => Literal(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => node.ToJsonString(),
    };

    private static string Label(JsonObject activity, string input) =>
        Type(activity) is { } type && ActivityCatalog.Find(type)?.Inputs.FirstOrDefault(i => string.Equals(i.Name, input, StringComparison.OrdinalIgnoreCase)) is { } d
            ? d.Label
            : input;

    private static string Show(JsonObject activity, string input, string? value)
    {
        if (value is null)
        {
            var d = Type(activity) is { } type ? ActivityCatalog.Find(type)?.Inputs.FirstOrDefault(i => string.Equals(i.Name, input, StringComparison.OrdinalIgnoreCase)) : null;
            return d?.Default is { } def ? $"(mặc định: {Value(def)})" : "(không ghi)";
        }

        return Value(value);
    }

    private static string Value(string value) => value switch
    {
        "true" => "có",
        "false" => "không",
        _ when ActivityLabels.Values.TryGetValue(value, out var label) => label,
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
