using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Workflow.Notifications.Templates;

/// <summary>
/// A message template a coordinator edits without recompiling: text with <c>{{name}}</c> fields,
/// <c>{{#each list}}…{{/each}}</c> sections and <c>{{#if name}}…{{else}}…{{/if}}</c> conditions.
/// </summary>
/// <remarks>
/// <para>A template is parsed once, when it is loaded: an unclosed section, a stray close, an empty
/// or malformed tag is refused there with the file and line, so nothing is ever sent half
/// rendered.</para>
/// <para>In an HTML template every field is HTML-escaped: plan text (a task named
/// "&lt;script&gt;") arrives as text. There is no way to write a field unescaped.</para>
/// <para>Names are dotted paths into the model (<c>{{task.title}}</c>); inside
/// <c>{{#each}}</c>, names look in the item first, then outward. A name the model lacks at
/// render time is an error, not an empty string.</para>
/// </remarks>
public sealed class Template
{
    /// <summary>Escapes what HTML gives meaning to (&lt; &gt; &amp; quotes) and leaves Vietnamese letters as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IReadOnlyList<Node> nodes;

    private Template(string name, bool html, IReadOnlyList<Node> nodes)
    {
        Name = name;
        IsHtml = html;
        this.nodes = nodes;
    }

    /// <summary>The template's file name, for messages.</summary>
    public string Name { get; }

    public bool IsHtml { get; }

    /// <summary>Parses <paramref name="text"/>; HTML escaping when the name ends in .html.</summary>
    /// <exception cref="TemplateException">The template is malformed; the message names the file and line.</exception>
    public static Template Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(name, text.Normalize(NormalizationForm.FormC));
        return new Template(name, name.EndsWith(".html", StringComparison.OrdinalIgnoreCase), parser.ParseAll());
    }

    /// <summary>Renders the template over <paramref name="model"/> (dictionaries, lists, strings, numbers, booleans).</summary>
    /// <exception cref="TemplateException">A field names something the model lacks.</exception>
    public string Render(IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var output = new StringBuilder();
        Render(nodes, [model], output);
        return output.ToString();
    }

    private void Render(IReadOnlyList<Node> list, List<IReadOnlyDictionary<string, object?>> scopes, StringBuilder output)
    {
        foreach (var node in list)
        {
            switch (node)
            {
                case TextNode t:
                    output.Append(t.Text);
                    break;
                case FieldNode f:
                    var value = Format(Resolve(f.Path, f.Line, scopes));
                    output.Append(IsHtml ? Html.Encode(value) : value);
                    break;
                case EachNode e:
                    if (Resolve(e.Path, e.Line, scopes) is not System.Collections.IEnumerable items || items is string)
                    {
                        throw new TemplateException(Name, e.Line, $"\"{e.Path}\" không phải danh sách, không dùng được với #each.");
                    }

                    foreach (var item in items)
                    {
                        scopes.Insert(0, item as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?> { ["this"] = item });
                        Render(e.Body, scopes, output);
                        scopes.RemoveAt(0);
                    }

                    break;
                case IfNode i:
                    Render(Truthy(Resolve(i.Path, i.Line, scopes)) ? i.Then : i.Else, scopes, output);
                    break;
            }
        }
    }

    private object? Resolve(string path, int line, List<IReadOnlyDictionary<string, object?>> scopes)
    {
        var parts = path.Split('.');
        foreach (var scope in scopes)
        {
            if (!scope.TryGetValue(parts[0], out var value))
            {
                continue;
            }

            for (var i = 1; i < parts.Length; i++)
            {
                if (value is not IReadOnlyDictionary<string, object?> inner || !inner.TryGetValue(parts[i], out value))
                {
                    throw new TemplateException(Name, line, $"không có trường \"{path}\" trong dữ liệu của thư.");
                }
            }

            return value;
        }

        throw new TemplateException(Name, line, $"không có trường \"{path}\" trong dữ liệu của thư.");
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int n => n != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private abstract record Node(int Line);

    private sealed record TextNode(string Text, int Line) : Node(Line);

    private sealed record FieldNode(string Path, int Line) : Node(Line);

    private sealed record EachNode(string Path, IReadOnlyList<Node> Body, int Line) : Node(Line);

    private sealed record IfNode(string Path, IReadOnlyList<Node> Then, IReadOnlyList<Node> Else, int Line) : Node(Line);

    private sealed class Parser(string name, string text)
    {
        private int position;

        public List<Node> ParseAll()
        {
            var (nodes, end) = ParseUntil(null);
            if (end is not null)
            {
                throw new TemplateException(name, end.Value.Line, $"\"{{{{{end.Value.Tag}}}}}\" không có phần mở tương ứng.");
            }

            return nodes;
        }

        private (List<Node> Nodes, (string Tag, int Line)? End) ParseUntil(string? closing)
        {
            var nodes = new List<Node>();
            while (position < text.Length)
            {
                var open = text.IndexOf("{{", position, StringComparison.Ordinal);
                if (open < 0)
                {
                    nodes.Add(new TextNode(text[position..], Line(position)));
                    position = text.Length;
                    break;
                }

                if (open > position)
                {
                    nodes.Add(new TextNode(text[position..open], Line(position)));
                }

                var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                var line = Line(open);
                if (close < 0)
                {
                    throw new TemplateException(name, line, "thẻ \"{{\" không được đóng bằng \"}}\".");
                }

                var tag = text[(open + 2)..close].Trim();
                position = close + 2;
                if (tag.StartsWith("#each ", StringComparison.Ordinal) || tag.StartsWith("#if ", StringComparison.Ordinal))
                {
                    var isEach = tag.StartsWith("#each ", StringComparison.Ordinal);
                    var path = Path(tag[(isEach ? 6 : 4)..].Trim(), line);
                    var (body, end) = ParseUntil(isEach ? "/each" : "/if");
                    if (end is null)
                    {
                        throw new TemplateException(name, line, $"\"{{{{{tag}}}}}\" mở mà không đóng: thêm \"{{{{{(isEach ? "/each" : "/if")}}}}}\".");
                    }

                    if (isEach)
                    {
                        nodes.Add(new EachNode(path, body, line));
                    }
                    else
                    {
                        var split = body.FindIndex(n => n is FieldNode { Path: "else" });
                        nodes.Add(split < 0 ? new IfNode(path, body, [], line) : new IfNode(path, body[..split], body[(split + 1)..], line));
                    }

                    continue;
                }

                if (tag is "/each" or "/if")
                {
                    if (tag != closing)
                    {
                        throw new TemplateException(name, line, closing is null ? $"\"{{{{{tag}}}}}\" không có phần mở tương ứng." : $"\"{{{{{tag}}}}}\" ở chỗ cần \"{{{{{closing}}}}}\".");
                    }

                    return (nodes, (tag, line));
                }

                if (tag == "else")
                {
                    if (closing != "/if")
                    {
                        throw new TemplateException(name, line, "\"{{else}}\" chỉ dùng trong \"{{#if …}}\".");
                    }

                    nodes.Add(new FieldNode("else", line));
                    continue;
                }

                nodes.Add(new FieldNode(Path(tag, line), line));
            }

            return (nodes, null);
        }

        private string Path(string tag, int line)
        {
            if (tag.Length == 0 || tag.StartsWith('{') || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_') || tag.StartsWith('.') || tag.EndsWith('.'))
            {
                throw new TemplateException(name, line, $"\"{{{{{tag}}}}}\" không phải tên trường: chỉ chữ không dấu, số, '_' và '.', ví dụ {{{{nhiemVu.ten}}}}.");
            }

            return tag;
        }

        private int Line(int offset) => 1 + text.AsSpan(0, offset).Count('\n');
    }
}

/// <summary>A template that cannot be used: the file, the line and what is wrong, in Vietnamese.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string file, int line, string problem)
        : base($"{file}, dòng {line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public TemplateException()
    {
        File = string.Empty;
    }

    public TemplateException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public int Line { get; }
}
