namespace Workflow.Host.Coordination;

/// <summary>What a page or the API tells the person who acted, in Vietnamese; <see cref="Missing"/> when what was acted on does not exist.</summary>
public sealed record Outcome(bool Ok, string Message, bool Missing = false)
{
    public static Outcome Done(string message) => new(true, message);

    public static Outcome Refused(string message) => new(false, message);

    public static Outcome NotFound(string message) => new(false, message, Missing: true);
}
