using Workflow.Host.Runtime;

namespace Workflow.Host.Persistence;

/// <summary>
/// How many milestones share one facet of what <see cref="Progress.ProgressRules"/> reads: the
/// counts the overview, the quarters, the agency view and the task list's total add up instead of a
/// GROUP BY over every milestone. Kept up to date in the transaction that changes the milestones
/// (<see cref="Progress.ProgressTally"/>).
/// </summary>
/// <remarks>
/// Two grains share the table: per plan (<see cref="Lead"/> null; the effective due date kept, for
/// the year filter and the quarters) and per plan and lead list (<see cref="Lead"/> set; the due
/// date kept only where a state needs it). <see cref="EffectiveDue"/>, <see cref="Status"/> and
/// <see cref="DoneOn"/> carry the names of the milestone's columns, so the rules' own expressions
/// judge these rows; their values stand for the milestones as the rules see them on any day on or
/// after each one's done date (see <see cref="Progress.ProgressTally"/>).
/// </remarks>
public sealed class ProgressCountRecord
{
    /// <summary>The other columns joined: the row's identity, which an increment meets (INSERT … ON CONFLICT).</summary>
    public required string Key { get; set; }

    public required string PlanId { get; set; }

    /// <summary>The lead list (agency ids, comma-separated) of the per-lead grain; null for the per-plan grain.</summary>
    public string? Lead { get; set; }

    public DateOnly? EffectiveDue { get; set; }

    /// <summary><see cref="RunStatus.Finished"/> (done), <see cref="RunStatus.Dormant"/> or <see cref="RunStatus.Waiting"/> (chased).</summary>
    public RunStatus Status { get; set; }

    /// <summary>Null for an open milestone; for a done one, a day that is on time (0001-01-01) or late (the day after the due date) as the milestone was.</summary>
    public DateOnly? DoneOn { get; set; }

    public int Count { get; set; }

    /// <summary>The latest real done date ever counted in this row: a day judged before it needs the milestones' own done dates.</summary>
    public DateOnly? LastDoneOn { get; set; }
}
