using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// The JSON object a definition, activity or connection was read from, kept for the round trip.
/// </summary>
/// <remarks>
/// <para><see cref="Raw"/> gives the writer the source's property order, the form of each input (bare or
/// wrapped, with the wrapper's own extra fields such as Elsa's <c>memoryReference</c>) and the form of each
/// connection. <see cref="Unknown"/> holds the members this model does not know (metadata, version,
/// customProperties...). Only <see cref="Unknown"/> takes part in equality: representation is not content.</para>
/// <para>Neither object is ever mutated or handed out; the writer copies what it needs.</para>
/// </remarks>
internal sealed class SourceJson : IEquatable<SourceJson>
{
    public static readonly SourceJson None = new(null, []);

    private SourceJson(JsonObject? raw, JsonObject unknown)
    {
        Raw = raw;
        Unknown = unknown;
    }

    public JsonObject? Raw { get; }

    public JsonObject Unknown { get; }

    /// <summary>Keeps <paramref name="raw"/>; its members not named in <paramref name="known"/> (case-insensitive) are the unknown ones.</summary>
    public static SourceJson From(JsonObject raw, IEnumerable<string> known)
    {
        var names = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        var unknown = new JsonObject();
        foreach ((string key, JsonNode? value) in raw)
        {
            if (!names.Contains(key))
            {
                unknown.Add(key, value?.DeepClone());
            }
        }

        return new SourceJson(raw, unknown);
    }

    public bool Equals(SourceJson? other) => other is not null && JsonNode.DeepEquals(Unknown, other.Unknown);

    public override bool Equals(object? obj) => Equals(obj as SourceJson);

    public override int GetHashCode() => Unknown.Count;
}

/// <summary>A known member of an object being written: whether the source's token already says the
/// current value (then it is copied unchanged), how to build a new token otherwise, and whether to write
/// the member when the source did not have it.</summary>
internal sealed record JsonField(string Name, Func<JsonNode?, bool> Matches, Func<JsonNode?, JsonNode?> Build, bool WriteWhenAbsent);

/// <summary>Case-insensitive reading and order-keeping writing of Elsa 3 JSON.</summary>
internal static class WorkflowJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese stays readable
    };

    /// <summary>The member named <paramref name="name"/>, ignoring case (an exact spelling wins).</summary>
    public static JsonNode? Get(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out JsonNode? exact))
        {
            return exact;
        }

        foreach ((string key, JsonNode? value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The names of <paramref name="known"/> written more than once in <paramref name="obj"/> in different cases.</summary>
    public static IEnumerable<string> Repeated(JsonObject obj, IEnumerable<string> known) =>
        known.Where(name => obj.Count(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) > 1);

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int? AsInt(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue(out int number) => number,
            JsonValueKind.String when int.TryParse(value.GetValue<string>().Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out int parsed) => parsed,
            _ => null,
        };
    }

    public static bool? AsBool(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out bool parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A token as a coordinator would recognise it in a message: a string without quotes, anything else as JSON.</summary>
    public static string Show(JsonNode? node) => AsString(node) ?? node?.ToJsonString(WriteOptions) ?? "null";

    /// <summary>Walks the whole tree so that every lazily built object is built now: a read definition is
    /// then safe to share between threads, and duplicate property names surface here.</summary>
    /// <exception cref="ArgumentException">An object has two members with the same name.</exception>
    public static void Materialize(JsonNode? node)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach ((_, JsonNode? child) in obj)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? child in array)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Writes an object from its known <paramref name="fields"/> and the <paramref name="source"/> it was read
    /// from: the source's members in the source's order (known ones under their camelCase name, copied
    /// unchanged when they still say the current value; unknown ones copied unchanged), then the known
    /// fields the source lacked and that are worth writing.
    /// </summary>
    public static JsonObject Merge(JsonObject? source, IReadOnlyList<JsonField> fields)
    {
        var result = new JsonObject();
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (source is not null)
        {
            foreach ((string key, JsonNode? token) in source)
            {
                JsonField? field = fields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase));
                if (field is null)
                {
                    if (!result.ContainsKey(key))
                    {
                        result.Add(key, token?.DeepClone());
                    }

                    continue;
                }

                if (!written.Add(field.Name))
                {
                    continue; // a second spelling of a known member: the reader refused it, the writer keeps the first
                }

                if (field.Matches(token))
                {
                    result.Add(field.Name, token?.DeepClone());
                }
                else if (field.Build(token) is { } built)
                {
                    result.Add(field.Name, built);
                }
            }
        }

        foreach (JsonField field in fields)
        {
            if (!written.Contains(field.Name) && field.WriteWhenAbsent && field.Build(null) is { } built)
            {
                result.Add(field.Name, built);
            }
        }

        return result;
    }

    /// <summary>A plain value field: kept when the source's token reads as <paramref name="current"/>.</summary>
    public static JsonField Value(string name, object? current, Func<JsonNode?, object?> read, JsonNode? node, bool isDefault) =>
        new(name, token => Equals(read(token), current), _ => node?.DeepClone(), !isDefault);

    /// <summary>A field written fresh every time (the activity and connection lists).</summary>
    public static JsonField Always(string name, JsonNode node, bool writeWhenAbsent = true) =>
        new(name, _ => false, _ => node.DeepClone(), writeWhenAbsent);
}
