using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// Reads an activity input from its JSON token, bare (<c>"offset": 14</c>) or in Elsa's wrapped form
/// (<c>{"typeName": "Int32", "expression": {"type": "Literal", "value": "14"}}</c>), and writes it back.
/// </summary>
/// <remarks>A Literal is read into the input's typed value; a literal written as a string is converted ("14" is 14,
/// "true" is true), as Elsa stores literals as strings. An input that <see cref="InputDescriptor.AcceptsExpression"/>
/// also takes a JavaScript or Liquid <see cref="Expression"/>; CSharp and Python are refused.</remarks>
internal static partial class InputValues
{
    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("H:mm"),
        LocalTimePattern.CreateWithInvariantCulture("H:mm:ss"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
    ];

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
    ];

    private static readonly LocalDateTimePattern DateTimeOut = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    /// <summary>Reads <paramref name="token"/> (not null) as <paramref name="input"/>'s value.</summary>
    /// <returns>The typed value, or null with <paramref name="error"/> saying why (in Vietnamese, without the input's name).</returns>
    public static object? Read(InputDescriptor input, JsonNode token, out string? error)
    {
        if (input.Kind == InputKind.Variable && ReadVariable(token) is { } variable)
        {
            error = null;
            return variable;
        }

        JsonNode? literal = Unwrap(input, token, out Expression? expression, out error);
        if (error is not null)
        {
            return null;
        }

        if (expression is not null)
        {
            return expression;
        }

        if (literal is null)
        {
            error = "giá trị trống.";
            return null;
        }

        object? value = input.Kind switch
        {
            InputKind.Number => ReadInteger(input, literal),
            InputKind.Boolean => WorkflowJson.AsBool(literal),
            InputKind.Text => WorkflowJson.AsString(literal) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null,
            InputKind.Choice => ReadChoice(input, literal),
            InputKind.TimeOfDay => ReadTime(literal),
            InputKind.Agency => AgencyId.TryParse(WorkflowJson.AsString(literal)?.Trim(), out AgencyId id) ? id : null,
            InputKind.Duration => ReadDuration(literal),
            InputKind.DateTime => ReadDateTime(literal),
            InputKind.FreeText => WorkflowJson.AsString(literal) ?? (literal is JsonValue ? literal.ToJsonString() : null),
            InputKind.TextList => ReadList(literal),
            InputKind.Value => WorkflowJson.AsString(literal) ?? literal.ToJsonString(),
            _ => null,
        };
        if (value is null)
        {
            error = Expected(input, literal);
        }

        return value;
    }

    /// <summary>The value <paramref name="token"/> says, or null when absent or unreadable (for the writer's comparison).</summary>
    public static object? Reread(InputDescriptor input, JsonNode? token) => token is null ? null : Read(input, token, out _);

    /// <summary>The bare JSON of a typed value.</summary>
    public static JsonNode? Write(InputKind kind, object? value) => value switch
    {
        null => null,
        int number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        LocalTime time => JsonValue.Create(time.ToString(time.Second == 0 && time.NanosecondOfSecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture)),
        AgencyId agency => JsonValue.Create(agency.Value),
        Duration duration => JsonValue.Create(duration.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture)),
        LocalDateTime moment => JsonValue.Create(DateTimeOut.Format(moment)),
        Enum choice => JsonValue.Create(choice.ToString()),
        Expression expression => new JsonObject
        {
            ["typeName"] = kind == InputKind.Boolean ? "Boolean" : kind == InputKind.DateTime ? "DateTime" : kind == InputKind.TextList ? "String[]" : kind == InputKind.Value ? "Object" : "String",
            ["expression"] = new JsonObject { ["type"] = expression.Language.ToString(), ["value"] = expression.Text },
        },
        Flowchart body => body.ToJsonNode(),
        _ => throw new ArgumentException($"No JSON form for an input of kind {kind}: {value.GetType()}.", nameof(value)),
    };

    /// <summary>The token to write for a changed value, in <paramref name="source"/>'s form: a wrapped source
    /// keeps its wrapper (typeName, memoryReference...) with the new literal as a string, as Elsa writes it.</summary>
    public static JsonNode? Rewrite(JsonNode? source, JsonNode? value)
    {
        if (value is null || source is not JsonObject wrapper || WorkflowJson.Get(wrapper, "expression") is not JsonObject)
        {
            return value;
        }

        var copy = (JsonObject)wrapper.DeepClone();
        var expression = (JsonObject)WorkflowJson.Get(copy, "expression")!;
        string typeKey = expression.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "type", StringComparison.OrdinalIgnoreCase)) ?? "type";
        string key = expression.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "value", StringComparison.OrdinalIgnoreCase)) ?? "value";
        if (value is JsonObject newWrapper && WorkflowJson.Get(newWrapper, "expression") is JsonObject newExpression)
        {
            expression[typeKey] = WorkflowJson.Get(newExpression, "type")?.DeepClone();
            expression[key] = WorkflowJson.Get(newExpression, "value")?.DeepClone();
            return copy;
        }

        if (value is JsonObject)
        {
            return value;
        }

        expression[typeKey] = "Literal";
        expression[key] = JsonValue.Create(WorkflowJson.AsString(value) ?? value.ToJsonString());
        return copy;
    }

    private static JsonNode? Unwrap(InputDescriptor input, JsonNode token, out Expression? result, out string? error)
    {
        error = null;
        result = null;
        if (token is not JsonObject wrapper)
        {
            return token;
        }

        if (WorkflowJson.Get(wrapper, "expression") is not JsonObject expression)
        {
            error = "cần một giá trị, hoặc dạng bọc của Elsa {\"typeName\": ..., \"expression\": {\"type\": \"Literal\", \"value\": ...}}.";
            return null;
        }

        string? type = WorkflowJson.AsString(WorkflowJson.Get(expression, "type"));
        JsonNode? value = WorkflowJson.Get(expression, "value");
        if (type is null || string.Equals(type, "Literal", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        if (Expression.Parse(type) is not { } language)
        {
            error = $"không biết loại biểu thức \"{type}\"; dùng được: Literal, JavaScript, Liquid.";
            return null;
        }

        if (!input.AcceptsExpression)
        {
            error = new Expression(language, "-").Refusal ?? $"đầu vào này chỉ nhận giá trị cố định (Literal), không nhận biểu thức {type}.";
            return null;
        }

        string? text = WorkflowJson.AsString(value);
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"biểu thức {type} trống.";
            return null;
        }

        result = new Expression(language, text);
        return null;
    }

    /// <summary>Elsa's SetVariable names its variable with an object (<c>{"id", "name", "typeName", ...}</c>); a bare name is read too.</summary>
    private static string? ReadVariable(JsonNode token)
    {
        string? name = token is JsonObject obj && WorkflowJson.Get(obj, "expression") is null
            ? WorkflowJson.AsString(WorkflowJson.Get(obj, "name"))
            : null;
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static string? ReadList(JsonNode literal)
    {
        IEnumerable<string?> items = literal switch
        {
            JsonArray array => array.Select(WorkflowJson.AsString),
            _ when WorkflowJson.AsString(literal) is { } text && text.TrimStart().StartsWith('[') => ParseArray(text),
            _ => (WorkflowJson.AsString(literal) ?? string.Empty).Split([',', ';']),
        };
        string?[] names = [.. items.Select(i => i?.Trim())];
        return names.Length == 0 || names.Any(string.IsNullOrEmpty) ? null : string.Join(", ", names);
    }

    private static IEnumerable<string?> ParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array ? [.. array.Select(WorkflowJson.AsString)] : [null];
        }
        catch (System.Text.Json.JsonException)
        {
            return [null];
        }
    }

    private static int? ReadInteger(InputDescriptor input, JsonNode literal) =>
        WorkflowJson.AsInt(literal) is int n && n >= (input.Minimum ?? int.MinValue) && n <= (input.Maximum ?? int.MaxValue) ? n : null;

    private static object? ReadChoice(InputDescriptor input, JsonNode literal)
    {
        string? text = WorkflowJson.AsString(literal)?.Trim();
        string? name = input.AllowedValues.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        return name is null ? null : Enum.Parse(input.EnumType!, name);
    }

    private static LocalTime? ReadTime(JsonNode literal)
    {
        string? text = WorkflowJson.AsString(literal)?.Trim();
        return text is null ? null : TimePatterns.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success)?.Value;
    }

    private static Duration? ReadDuration(JsonNode literal)
    {
        string? text = WorkflowJson.AsString(literal)?.Trim();
        return text is not null && DurationText().IsMatch(text)
            && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out TimeSpan span) && span > TimeSpan.Zero
            ? Duration.FromTimeSpan(span)
            : null;
    }

    private static LocalDateTime? ReadDateTime(JsonNode literal)
    {
        string? text = WorkflowJson.AsString(literal)?.Trim();
        if (text is null)
        {
            return null;
        }

        foreach (LocalDateTimePattern pattern in LocalPatterns)
        {
            if (pattern.Parse(text) is { Success: true } local)
            {
                return local.Value;
            }
        }

        foreach (OffsetDateTimePattern pattern in OffsetPatterns)
        {
            if (pattern.Parse(text) is { Success: true } offset)
            {
                return offset.Value.ToInstant().InZone(WorkflowDefinition.TimeZone).LocalDateTime;
            }
        }

        return null;
    }

    private static string Expected(InputDescriptor input, JsonNode literal)
    {
        string shown = WorkflowJson.Show(literal);
        return input.Kind switch
        {
            InputKind.Number => $"\"{shown}\" không phải số nguyên từ {input.Minimum} đến {input.Maximum}.",
            InputKind.Boolean => $"\"{shown}\" không phải true hoặc false.",
            InputKind.Text => "cần một chuỗi không rỗng.",
            InputKind.Choice => $"\"{shown}\" không hợp lệ; chọn một trong: {string.Join(", ", input.AllowedValues)}.",
            InputKind.TimeOfDay => $"\"{shown}\" không phải giờ trong ngày dạng HH:mm (ví dụ 08:00).",
            InputKind.Agency => $"\"{shown}\" không phải mã cơ quan (chữ thường không dấu, nối bằng '-', ví dụ so-noi-vu).",
            InputKind.Duration => $"\"{shown}\" không phải khoảng thời gian dương dạng ngày.giờ:phút:giây hoặc giờ:phút:giây (ví dụ 7.00:00:00, 01:30:00).",
            InputKind.DateTime => $"\"{shown}\" không phải thời điểm dạng yyyy-MM-ddTHH:mm hoặc yyyy-MM-ddTHH:mm:ss (giờ Việt Nam), có thể kèm múi giờ như +07:00.",
            InputKind.FreeText => "cần một chuỗi.",
            InputKind.TextList => $"\"{shown}\" không phải danh sách tên hoặc địa chỉ cách nhau bởi dấu phẩy (không có mục trống).",
            InputKind.Variable => "cần tên biến, hoặc đối tượng biến của Elsa có \"name\".",
            _ => $"\"{shown}\" không hợp lệ.",
        };
    }

    [GeneratedRegex(@"^(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();
}
