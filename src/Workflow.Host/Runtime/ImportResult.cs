using NodaTime;

namespace Workflow.Host.Runtime;

/// <summary>
/// What importing a plan did. When the file would take milestones out of the plan and that was
/// not allowed, <see cref="RemovalRefused"/> is true, nothing changed, and <see cref="Removals"/>
/// lists what would have left; otherwise <see cref="Removals"/> lists what left.
/// </summary>
public sealed record ImportResult(string Plan, int Created, int Rescheduled, int Removed, int Unchanged)
{
    /// <summary>The plan is not followed after the import (its window is over, or a coordinator closed or archived it): nothing was sent.</summary>
    public bool Closed { get; init; }

    /// <summary>The milestones the file takes out of the plan (taken out, or only listed when <see cref="RemovalRefused"/>).</summary>
    public IReadOnlyList<MilestoneRemoval> Removals { get; init; } = [];

    /// <summary>Nothing was imported: the file would take <see cref="Removals"/> out of the plan, and the import was not allowed to.</summary>
    public bool RemovalRefused { get; init; }
}

/// <summary>A milestone still chased that a re-imported file no longer has: its task, number, label, effective due date and the task's activity.</summary>
public sealed record MilestoneRemoval(string Task, int Milestone, string? Label, LocalDate? Due, string Activity)
{
    /// <summary>"TT 12, mốc 2 (Thực hiện), hạn 30/06/2025: Activity" for a list a coordinator reads.</summary>
    public override string ToString() =>
        $"TT {Task}, mốc {Milestone}{(Label is null ? string.Empty : $" ({Label})")}, hạn {PlanLifecycle.Day(Due)}: {Activity}";
}
