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
/// <remarks>A workflow may hold several at once (branches run in parallel, as in Elsa).</remarks>
public sealed record Bookmark(string ActivityId, LocalDateTime? At, SignalKind? Signal)
{
    /// <summary>The name an Elsa.Event waits for ("Report", "Event", "Extension", or one a PublishEvent publishes).</summary>
    public string? EventName { get; init; }

    /// <summary>True when the activity itself is to run at <see cref="At"/> (its branch was held back by the daily step cap);
    /// false when the activity waited and its Done port follows.</summary>
    public bool Parked { get; init; }

    /// <summary>True for a bookmark a timer resumes.</summary>
    public bool IsTimer => At is not null;
}

/// <summary>One step of a milestone's history: what happened, when, and why.</summary>
public sealed record HistoryEntry(LocalDateTime At, string? ActivityId, string What, string Why)
{
    /// <summary>The first step of a new milestone, as <see cref="Openings"/> writes it; null for every other step.</summary>
    public MilestoneOpening? Opening { get; init; }

    /// <summary>The due date in force when the workflow <see cref="MilestoneOpening.Started"/>.</summary>
    public LocalDate? OpeningDue { get; init; }
}

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

    /// <summary>Every place the workflow waits, in the order they were made.</summary>
    /// <summary>During a start or a reopening: passed moments are caught up once, today (see <see cref="WorkflowEngine.Start"/>). Not stored.</summary>
    internal bool CatchingUp { get; set; }

    public List<Bookmark> Bookmarks { get; } = [];

    /// <summary>The bookmark shown and scheduled first: the earliest timer, else the first signal; null when none.</summary>
    public Bookmark? Bookmark => Bookmarks.Where(b => b.IsTimer).MinBy(b => b.At) ?? Bookmarks.FirstOrDefault();

    /// <summary>The instance's variables (Elsa's SetVariable, setVariable in JavaScript), as JSON values.</summary>
    public Dictionary<string, System.Text.Json.Nodes.JsonNode?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>For each Elsa.FlowJoin, the activities whose branches have reached it since it last fired.</summary>
    public Dictionary<string, HashSet<string>> Joins { get; } = new(StringComparer.Ordinal);

    /// <summary>The day <see cref="StepsToday"/> counts.</summary>
    public LocalDate? StepsDay { get; internal set; }

    /// <summary>Activities run on <see cref="StepsDay"/>, for the daily cap.</summary>
    public int StepsToday { get; internal set; }

    /// <summary>The last error of an activity (a script that failed, a recipient without an address), as shown in
    /// <c>workflow status</c>; null when none.</summary>
    public string? Fault { get; internal set; }

    /// <summary>The plan's number ("123/KH-UBND"), for the workflow input.</summary>
    public string? PlanNumber { get; set; }

    /// <summary>The task's text, for the workflow input.</summary>
    public string? Title { get; set; }

    /// <summary>The task's product, for the workflow input.</summary>
    public string? Product { get; set; }

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
