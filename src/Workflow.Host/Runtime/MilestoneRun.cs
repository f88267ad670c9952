using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

/// <summary>A milestone of a plan task: the plan, the task's number, the milestone's 1-based number.</summary>
public readonly record struct MilestoneKey(PlanId Plan, TaskId Task, int Number)
{
    public override string ToString() => $"{Plan}/{Task}/{Number}";
}

/// <summary>Where a milestone's workflow stands.</summary>
public enum RunStatus
{
    /// <summary>Waiting for an event a coordinator records ("sau khi Trung ương công bố…").</summary>
    Dormant,

    /// <summary>Suspended at a bookmark: a moment or a signal.</summary>
    Waiting,

    /// <summary>Nothing more to do: done, or the flow reached its end.</summary>
    Finished,
}

/// <summary>Where a suspended workflow resumes: an activity, and the moment or the signal it waits for.</summary>
public sealed record Bookmark(string ActivityId, LocalDateTime? At, SignalKind? Signal);

/// <summary>One step of a milestone's history: what happened, when, and why.</summary>
public sealed record HistoryEntry(LocalDateTime At, string? ActivityId, string What, string Why);

/// <summary>
/// The workflow of one task milestone: its definition version, its dates, its state, its bookmark
/// and its history. Mutated only by <see cref="WorkflowEngine"/>; the host persists it, the
/// simulator keeps it in memory.
/// </summary>
public sealed class MilestoneRun
{
    public MilestoneRun(MilestoneKey key, string definitionId, int definitionVersion, LocalDate? plannedDue, LocalDate? effectiveDue, bool waitsForEvent, IReadOnlyList<AgencyId> lead, IReadOnlyList<AgencyId> coordinators)
    {
        Key = key;
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        PlannedDue = plannedDue;
        Due = plannedDue;
        EffectiveDue = effectiveDue;
        WaitsForEvent = waitsForEvent;
        Lead = lead;
        Coordinators = coordinators;
    }

    public MilestoneKey Key { get; }

    public string DefinitionId { get; }

    /// <summary>The definition version the run started with; a running workflow keeps it.</summary>
    public int DefinitionVersion { get; }

    /// <summary>The due date the plan gives, or null for an event milestone with no date.</summary>
    public LocalDate? PlannedDue { get; }

    /// <summary>The due date in force: the plan's, an approved extension's, or the event's.</summary>
    public LocalDate? Due { get; internal set; }

    /// <summary><see cref="Due"/> moved to a working day (Civil Code art. 148); what the chase counts from.</summary>
    public LocalDate? EffectiveDue { get; internal set; }

    /// <summary>The task waits for an event before its chase starts.</summary>
    public bool WaitsForEvent { get; }

    public LocalDate? EventOn { get; internal set; }

    public LocalDate? DoneOn { get; internal set; }

    public bool Extended { get; internal set; }

    public RunStatus Status { get; internal set; } = RunStatus.Waiting;

    public Bookmark? Bookmark { get; internal set; }

    /// <summary>Who is chased now: the plan's lead, or whoever took over its duties when an agency ended (see <see cref="FormerLead"/>).</summary>
    public IReadOnlyList<AgencyId> Lead { get; internal set; }

    /// <summary>The lead the plan named, kept once its duties passed to successors; empty while no handover happened.</summary>
    public IReadOnlyList<AgencyId> FormerLead { get; internal set; } = [];

    /// <summary>A former lead's duties were divided among several successors: the first listed is chased until a coordinator picks one.</summary>
    public bool LeadUnderReview { get; internal set; }

    public IReadOnlyList<AgencyId> Coordinators { get; }

    public List<HistoryEntry> History { get; } = [];

    public bool IsOpen => DoneOn is null && Status != RunStatus.Dormant;
}
