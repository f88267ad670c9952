using System.Text;
using System.Text.Encodings.Web;
using Fluid;

namespace Workflow.Notifications.Templates;

/// <summary>
/// A message template a coordinator edits without recompiling, written in Liquid (Fluid):
/// <c>{{ coQuan }}</c>, <c>{% for viec in nhacHan %}…{% endfor %}</c>,
/// <c>{% if lienKet != empty %}…{% else %}…{% endif %}</c>, and Liquid's filters.
/// </summary>
/// <remarks>
/// <para>A template is parsed once, when it is loaded: a syntax error (an unclosed tag, a
/// stray <c>endfor</c>) is refused there with the file and line, so nothing is ever sent half
/// rendered.</para>
/// <para>In an HTML template (a name ending in .html) every field is HTML-escaped: plan text (a
/// task named "&lt;script&gt;") arrives as text. A field written <c>{{ x | raw }}</c> is not escaped:
/// the templates shipped never do it.</para>
/// <para>A name or filter the model lacks is an error, not an empty string.</para>
/// </remarks>
public sealed class Template
{
    private readonly IFluidTemplate template;

    private Template(string name, bool html, IFluidTemplate template)
    {
        Name = name;
        IsHtml = html;
        this.template = template;
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
        if (!Liquid.TryParse(text.Normalize(NormalizationForm.FormC), out var parsed, out var problem, out var line))
        {
            throw new TemplateException(name, line, $"mẫu thư viết sai cú pháp Liquid: {problem}.");
        }

        return new Template(name, name.EndsWith(".html", StringComparison.OrdinalIgnoreCase), parsed);
    }

    /// <summary>Renders the template over <paramref name="model"/> (dictionaries, lists, strings, numbers, booleans).</summary>
    /// <exception cref="TemplateException">A field or filter names something the model or Liquid lacks.</exception>
    public string Render(IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext(Liquid.StrictOptions);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        try
        {
            return template.Render(context, IsHtml ? Liquid.Html : NullEncoder.Default).Normalize(NormalizationForm.FormC);
        }
        catch (FluidException e)
        {
            throw new TemplateException(Name, 0, $"mẫu thư dùng một trường hoặc bộ lọc không có ({e.Message}); các trường dùng được: {string.Join(", ", model.Keys.Order(StringComparer.Ordinal))}.");
        }
    }
}

/// <summary>A template that cannot be used: the file, the line and what is wrong, in Vietnamese.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string file, int line, string problem)
        : base(line > 0 ? $"{file}, dòng {line}: {problem}" : $"{file}: {problem}")
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
