using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Jint;
using Jint.Native;
using Jint.Runtime;
using NodaTime;
using Workflow.Definitions.Workflows;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Runtime;

/// <summary>An expression that could not be evaluated: its message says why, in Vietnamese, for the milestone's timeline.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Evaluates Elsa's JavaScript (Jint) and Liquid (Fluid) expressions of a definition, sandboxed: no access to .NET, a
/// time, statement, memory and recursion limit for scripts, a step limit for templates. The workflow input (the
/// milestone) and the instance's variables are what an expression sees, with Elsa's documented names.
/// </summary>
/// <remarks>
/// <para>JavaScript: <c>getInput("Effective")</c> and <c>input.Effective</c>, <c>getVariable("x")</c>,
/// <c>setVariable("x", v)</c>, <c>variables.x</c>, and for each variable <c>getX()</c> / <c>setX(v)</c>, as Elsa
/// generates them. A script may <c>return</c> its value at top level, as Elsa's do.</para>
/// <para>Liquid: <c>{{ Input.Title }}</c>, <c>{{ Variables.x }}</c> (and <c>{{ Workflow.Input.Title }}</c>).</para>
/// <para>Thread-safe: every evaluation has its own Jint engine; parsed Liquid templates are cached.</para>
/// </remarks>
public sealed class ExpressionEvaluator
{
    /// <summary>A script's limits: wall time, statements, memory, call depth.</summary>
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(2);

    private const int MaxStatements = 100_000;
    private const long MaxMemory = 16 * 1024 * 1024;
    private const int MaxRecursion = 64;
    private const int MaxTemplateSteps = 100_000;
    private const int MaxResultLength = 100_000;

    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new(StringComparer.Ordinal);
    private static readonly ScriptParsingOptions Parsing = new() { AllowReturnOutsideFunction = true };
    private static readonly TemplateOptions LiquidOptions = Liquid.Limited(MaxTemplateSteps, maxRecursion: 32);

    /// <summary>Null when <paramref name="expression"/> parses; otherwise why not, in Vietnamese (for publishing).</summary>
    public static string? CheckSyntax(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!expression.IsSupported)
        {
            return null; // refused by WorkflowDefinition.RunProblems, with why
        }

        if (expression.Language == ExpressionLanguage.Liquid)
        {
            return Liquid.TryParse(expression.Text, out _, out var error, out var line) ? null : $"mẫu Liquid lỗi: {error}{At(line)}.";
        }

        try
        {
            new Acornima.Parser(new Acornima.ParserOptions { AllowReturnOutsideFunction = true }).ParseScript(expression.Text);
            return null;
        }
        catch (Acornima.ParseErrorException e)
        {
            return JavaScriptSyntaxError.Describe(e);
        }
    }

    /// <summary>
    /// The value of <paramref name="expression"/>: for JavaScript a bool, a double, a string, an
    /// <see cref="Instant"/> (a Date), a list, a dictionary or null; for Liquid the rendered string.
    /// </summary>
    /// <param name="expression">The expression.</param>
    /// <param name="scope">The workflow input and the variables.</param>
    /// <param name="htmlIntent">Liquid only: values inserted into the template are HTML-escaped (an HTML email body).</param>
    /// <exception cref="ExpressionException">The expression failed, ran too long or used too much; the message says which.</exception>
    public object? Evaluate(Expression expression, ExpressionScope scope, bool htmlIntent = false)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        if (expression.Refusal is { } refusal)
        {
            throw new ExpressionException(refusal);
        }

        return expression.Language == ExpressionLanguage.Liquid
            ? RenderLiquid(expression.Text, scope, htmlIntent)
            : RunJavaScript(expression.Text, scope);
    }

    private static string RenderLiquid(string text, ExpressionScope scope, bool htmlIntent)
    {
        if (!Templates.TryGetValue(text, out var template))
        {
            if (!Liquid.TryParse(text, out template, out var error, out var line))
            {
                throw new ExpressionException($"mẫu Liquid lỗi: {error}{At(line)}.");
            }

            if (Templates.Count < 10_000)
            {
                Templates[text] = template;
            }
        }

        var context = new TemplateContext(LiquidOptions);
        var input = scope.Input.ToDictionary(p => p.Key, p => p.Value);
        var variables = scope.Variables.ToDictionary(p => p.Key, p => Plain(p.Value));
        context.SetValue("Input", input);
        context.SetValue("Variables", variables);
        context.SetValue("Workflow", new Dictionary<string, object?> { ["Input"] = input, ["Variables"] = variables });
        try
        {
            var result = template.Render(context, htmlIntent ? Liquid.Html : NullEncoder.Default);
            return result.Length > MaxResultLength ? throw new ExpressionException($"mẫu Liquid cho ra hơn {MaxResultLength} ký tự.") : result;
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ExpressionException($"mẫu Liquid lỗi khi chạy: {e.Message}", e);
        }
    }

    private static string At(int line) => line > 0 ? $" (dòng {line})" : string.Empty;

    private static object? RunJavaScript(string text, ExpressionScope scope)
    {
        using var engine = new Engine(options => options
            .TimeoutInterval(ScriptTimeout)
            .MaxStatements(MaxStatements)
            .LimitMemory(MaxMemory)
            .LimitRecursion(MaxRecursion)
            .DisableStringCompilation()
            .Strict(false));
        var parser = new Jint.Native.Json.JsonParser(engine);
        JsValue FromJson(JsonNode? node) => node is null ? JsValue.Null : parser.Parse(node.ToJsonString());

        var input = FromJson(JsonSerializer.SerializeToNode(scope.Input));
        engine.SetValue("input", input);
        engine.SetValue("getInput", new Func<string, JsValue>(name =>
            scope.Input.ContainsKey(name) ? FromJson(JsonSerializer.SerializeToNode(scope.Input[name])) : JsValue.Undefined));
        engine.SetValue("getVariable", new Func<string, JsValue>(name =>
            scope.Variables.TryGetValue(name, out var v) ? FromJson(v) : JsValue.Undefined));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => scope.Variables[name] = ToJson(value)));
        var variables = new JsonObject();
        foreach (var (name, value) in scope.Variables)
        {
            variables[name] = value?.DeepClone();
        }

        var variablesObject = FromJson(variables);
        engine.SetValue("variables", variablesObject);
        foreach (var name in scope.Variables.Keys.Where(IsIdentifier).ToList())
        {
            engine.SetValue("get" + name, new Func<JsValue>(() => scope.Variables.TryGetValue(name, out var v) ? FromJson(v) : JsValue.Undefined));
            engine.SetValue("set" + name, new Action<JsValue>(value => scope.Variables[name] = ToJson(value)));
        }

        JsValue result;
        try
        {
            result = engine.Evaluate(text, "expression", Parsing);
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException($"JavaScript báo lỗi: {e.Message} (dòng {e.Location.Start.Line}).", e);
        }
        catch (Acornima.ParseErrorException e)
        {
            throw new ExpressionException(JavaScriptSyntaxError.Describe(e), e);
        }
        catch (TimeoutException e)
        {
            throw new ExpressionException($"JavaScript chạy quá {ScriptTimeout.TotalSeconds:0} giây và bị dừng (vòng lặp không dừng?).", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new ExpressionException($"JavaScript chạy quá {MaxStatements} lệnh và bị dừng (vòng lặp không dừng?).", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new ExpressionException($"JavaScript dùng quá {MaxMemory / 1024 / 1024} MB bộ nhớ và bị dừng.", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ExpressionException($"JavaScript gọi đệ quy quá {MaxRecursion} tầng và bị dừng.", e);
        }
        catch (Exception e) when (e is JintException or InvalidOperationException or ArgumentException or OverflowException or InvalidCastException)
        {
            throw new ExpressionException($"JavaScript lỗi: {e.Message}", e);
        }

        // Writes through `variables.x = v` are kept, as in Elsa.
        if (variablesObject is Jint.Native.Object.ObjectInstance written)
        {
            foreach (var key in written.GetOwnPropertyKeys())
            {
                var name = key.ToString();
                var value = ToJson(written.Get(key));
                if (!JsonNode.DeepEquals(variables[name], value))
                {
                    scope.Variables[name] = value;
                }
            }
        }

        return ToClr(result);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A JavaScript value as JSON, for the instance's variables (a Date as its ISO-8601 string).</summary>
    public static JsonNode? ToJson(JsValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ToClr(value) switch
        {
            null => null,
            Instant instant => JsonValue.Create(instant.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            var other => JsonSerializer.SerializeToNode(other),
        };
    }

    private static object? ToClr(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsDate())
        {
            var time = value.AsDate().ToObject() is DateTime clr ? clr : throw new ExpressionException("JavaScript trả về một Date không hợp lệ.");
            return Instant.FromDateTimeUtc(DateTime.SpecifyKind(clr.Kind == DateTimeKind.Local ? clr.ToUniversalTime() : clr, DateTimeKind.Utc));
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsNumber())
        {
            return value.AsNumber();
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var list = new List<object?>();
            for (uint i = 0; i < array.Length; i++)
            {
                list.Add(ToClr(array.Get(i)));
            }

            return list;
        }

        if (value.IsObject() && value is not Jint.Native.Function.Function)
        {
            var obj = value.AsObject();
            var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var key in obj.GetOwnPropertyKeys())
            {
                dict[key.ToString()] = ToClr(obj.Get(key));
            }

            return dict;
        }

        return value.ToString();
    }

    /// <summary>A JSON value as plain .NET values, for Liquid.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The text of a value, as an input shows it ("true", "3", an ISO date).</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        Instant i => i.InZone(WorkflowDefinition.TimeZone).ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IEnumerable<object?> list => string.Join(", ", list.Select(Text)),
        _ => JsonSerializer.Serialize(value),
    };
}

/// <summary>What an expression sees: the workflow input (read-only) and the instance's variables (read and written).</summary>
public sealed record ExpressionScope(IReadOnlyDictionary<string, object?> Input, Dictionary<string, JsonNode?> Variables);
