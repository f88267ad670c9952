using System.Text.RegularExpressions;

namespace Workflow.Definitions.Plans;

/// <summary>The short id of a plan, used on the command line and in links: "cchc-2025".</summary>
public readonly partial record struct PlanId
{
    public PlanId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"\"{value}\" is not a plan id: use lower-case letters, digits and '-', e.g. \"cchc-2025\".", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) => value is { Length: > 0 and <= 64 } && Pattern().IsMatch(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}

/// <summary>A task's number within its plan, as the plan writes it ("1", "2.a", "I-7.1.4", "NV-1").</summary>
/// <remarks>Compared as written, case-sensitive: "2.a" and "2.A" are different tasks. Leading and
/// trailing spaces are not part of the id.</remarks>
public readonly record struct TaskId
{
    public TaskId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length > 64 || value.Any(char.IsWhiteSpace) || value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{value}\" is not a task id: no spaces or '/', at most 64 characters.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 64 && !value.Any(char.IsWhiteSpace) && !value.Contains('/', StringComparison.Ordinal);

    public override string ToString() => Value;
}
