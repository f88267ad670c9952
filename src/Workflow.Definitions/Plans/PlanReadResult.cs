namespace Workflow.Definitions.Plans;

/// <summary>What reading a plan file gave: the plan when nothing was wrong, and every problem found.</summary>
/// <remarks>All or nothing: <see cref="Plan"/> is null as soon as there is one problem, so a file
/// with a mistake is never half imported.</remarks>
public sealed record PlanReadResult(Plan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool IsValid => Plan is not null;

    /// <summary>Cells that read, but could mean two schedules: the reading chosen and the other one, for a
    /// coordinator to confirm. They never stop an import.</summary>
    public IReadOnlyList<PlanProblem> Warnings { get; init; } = [];
}
