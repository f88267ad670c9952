namespace Workflow.Definitions.Workflows;

/// <summary>The languages of Elsa 3's expressions this product evaluates besides Literal.</summary>
public enum ExpressionLanguage
{
    /// <summary>Elsa's "JavaScript" (Jint): <c>getInput("Effective")</c>, <c>getVariable("x")</c>, <c>variables.x</c>.</summary>
    JavaScript,

    /// <summary>Elsa's "Liquid" (Fluid): <c>{{ Input.Title }}</c>, <c>{{ Variables.x }}</c>.</summary>
    Liquid,

    /// <summary>Elsa's "CSharp": kept when read, refused when publishing or running (it would run .NET code on the server).</summary>
    CSharp,

    /// <summary>Elsa's "Python": kept when read, refused when publishing or running.</summary>
    Python,
}

/// <summary>
/// An input written as an Elsa expression that is evaluated when the activity runs, each time it runs:
/// <c>{"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "getInput('Done')"}}</c>.
/// </summary>
/// <remarks>The definition only carries the text; the runtime evaluates it, sandboxed, against the milestone
/// (the workflow input) and the instance's variables. Literal expressions are not <see cref="Expression"/>s:
/// they are read into the input's typed value when the file is read.</remarks>
public sealed record Expression(ExpressionLanguage Language, string Text)
{
    /// <summary>True for JavaScript and Liquid, the languages this product evaluates.</summary>
    public bool IsSupported => Language is ExpressionLanguage.JavaScript or ExpressionLanguage.Liquid;

    /// <summary>Why an expression of a language this product does not evaluate is refused, in Vietnamese; null for a supported one.</summary>
    public string? Refusal => Language switch
    {
        ExpressionLanguage.CSharp => "biểu thức C# chạy mã .NET trên máy chủ nên không được hỗ trợ; hãy viết bằng Literal (giá trị cố định), JavaScript hoặc Liquid.",
        ExpressionLanguage.Python => "biểu thức Python không được hỗ trợ; hãy viết bằng Literal (giá trị cố định), JavaScript hoặc Liquid.",
        _ => null,
    };

    /// <summary>The language named <paramref name="type"/> as Elsa writes it ("JavaScript", "Liquid"), ignoring case; null otherwise.</summary>
    internal static ExpressionLanguage? Parse(string type) =>
        Enum.TryParse(type, ignoreCase: true, out ExpressionLanguage language) && Enum.IsDefined(language) && !int.TryParse(type, out _) ? language : null;

    public override string ToString() => $"{Language}: {Text}";
}
