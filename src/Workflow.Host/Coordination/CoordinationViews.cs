using System.Globalization;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Coordination;

public enum TimelineKind
{
    Step,
    Email,
}

/// <summary>One line of a milestone's timeline: when (Vietnam time), what, details, who.</summary>
public sealed record TimelineEntry(LocalDateTime At, string What, string Why, string By, TimelineKind Kind)
{
    /// <summary>"dd/MM/yyyy HH:mm" for the page.</summary>
    public string When => At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}

public sealed record MilestoneDetail(MilestoneRecord Milestone, IReadOnlyList<ExtensionRequestRecord> Requests, IReadOnlyList<TimelineEntry> Timeline);

public sealed record TaskDetail(PlanRecord Plan, TaskRecord Task, IReadOnlyList<MilestoneDetail> Milestones);

public sealed record AgencyMilestone(MilestoneRecord Milestone, TaskRecord Task, PlanRecord Plan, ExtensionRequestRecord? PendingRequest);

/// <summary>One page of an agency's open milestones: those shown, how many there are in all, the page shown and how many pages (at least 1).</summary>
public sealed record AgencyMilestonePage(IReadOnlyList<AgencyMilestone> Items, int Total, int Page, int PageCount);

public sealed record ExtensionRequestView(ExtensionRequestRecord Request, MilestoneRecord Milestone, TaskRecord Task);

/// <summary>
/// An uploaded plan: imported (<see cref="Imported"/>), or refused with its problems by row and
/// column, or (<see cref="ImportResult.RemovalRefused"/>) not imported because it would take the
/// listed milestones out of the plan; confirming that list means sending the same file again with
/// its <see cref="Fingerprint"/>.
/// </summary>
public sealed record PlanUpload(ImportResult? Imported, IReadOnlyList<PlanProblem> Problems)
{
    /// <summary>SHA-256 of the uploaded bytes (hex), once the file was read in full.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// Cells read with one of two possible readings (as <c>workflow plan check</c> lists them): the
    /// plan is imported with the reading a coordinator would choose, and these ask for a confirmation.
    /// </summary>
    public IReadOnlyList<PlanProblem> Warnings { get; init; } = [];

    /// <summary>True when nothing was imported because the file would take milestones out of the plan.</summary>
    public bool NeedsRemovalConfirmation => Imported is { RemovalRefused: true };
}

/// <summary>A milestone a re-import took out of its plan, and its task.</summary>
public sealed record RemovedMilestone(MilestoneRecord Milestone, TaskRecord Task);
