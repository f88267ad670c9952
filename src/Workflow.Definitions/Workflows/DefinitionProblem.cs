namespace Workflow.Definitions.Workflows;

/// <summary>One problem of a definition file, in Vietnamese, for the coordinator who edits it.</summary>
/// <param name="File">The file as given to the reader.</param>
/// <param name="ActivityId">The activity to look at, when the problem is about one.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record DefinitionProblem(string File, string? ActivityId, string Message)
{
    /// <summary>"file, hoạt động 'id': message", or "file: message" when no activity is concerned.</summary>
    public override string ToString() =>
        ActivityId is null ? $"{File}: {Message}" : $"{File}, hoạt động '{ActivityId}': {Message}";
}

/// <summary>What <see cref="WorkflowDefinitionReader"/> made of a file: the definition when the file has no
/// problem at all, otherwise null and every problem found.</summary>
public sealed record DefinitionReadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when the definition was read (and <see cref="Problems"/> is empty).</summary>
    public bool Succeeded => Definition is not null;
}
