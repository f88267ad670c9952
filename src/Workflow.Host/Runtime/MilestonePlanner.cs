using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

/// <summary>
/// Turns a plan into the milestone runs the runtime chases: one per milestone of every task, each
/// with the definition the rules choose. An event task with no date still gets one run, which
/// sleeps until its event is recorded.
/// </summary>
public sealed class MilestonePlanner(AgencyDirectory agencies, DefinitionCatalog definitions, DefinitionRules rules)
{
    /// <summary>The directory the plans' agencies come from; its history decides who takes over an agency that ended.</summary>
    public AgencyDirectory Agencies => agencies;

    /// <summary>The runs of <paramref name="plan"/>; <paramref name="forced"/> replaces the rules' choice for all of them.</summary>
    public IReadOnlyList<(MilestoneRun Run, WorkflowDefinition Definition)> Plan(Plan plan, WorkflowDefinition? forced = null) =>
        [.. Runs(plan, forced).Select(r => (r.Run, r.Definition))];

    /// <summary>
    /// The runs of <paramref name="plan"/> one at a time, each with its task: an import of a million
    /// milestones makes and lets go of them in batches instead of holding them all.
    /// </summary>
    public IEnumerable<(MilestoneRun Run, WorkflowDefinition Definition, PlanTask Task)> Runs(Plan plan, WorkflowDefinition? forced = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunsOf(plan, forced);
    }

    private IEnumerable<(MilestoneRun Run, WorkflowDefinition Definition, PlanTask Task)> RunsOf(Plan plan, WorkflowDefinition? forced)
    {
        foreach (var task in plan.Tasks)
        {
            var leadKind = task.Lead.Agencies.Count > 0 && agencies.TryGet(task.Lead.Agencies[0], out var lead) ? lead.Kind : AgencyKind.Other;
            var definition = forced ?? definitions.Get(rules.Choose(plan.Id, task.Group, leadKind, task.Schedule.Kind));
            var waitsForEvent = task.Schedule.Kind == ScheduleKind.Event;
            if (task.Schedule.Milestones.Count == 0)
            {
                if (waitsForEvent)
                {
                    yield return (New(plan, task, 1, definition, null, null, waitsForEvent), definition, task);
                }

                continue;
            }

            for (var i = 0; i < task.Schedule.Milestones.Count; i++)
            {
                var m = task.Schedule.Milestones[i];
                yield return (New(plan, task, i + 1, definition, m.Due, m.Effective, waitsForEvent), definition, task);
            }
        }
    }

    private static MilestoneRun New(Plan plan, PlanTask task, int number, WorkflowDefinition definition, NodaTime.LocalDate? due, NodaTime.LocalDate? effective, bool waitsForEvent) =>
        new(new MilestoneKey(plan.Id, task.Id, number), definition.DefinitionId, definition.Version, due, effective, waitsForEvent, task.Lead.Agencies, task.Coordinators.Agencies)
        {
            PlanNumber = plan.Number,
            Title = task.Activity,
            Product = task.Product,
        };
}
