using NodaTime;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Notifications;

namespace Workflow.Host.Persistence;

/// <summary>A plan as last imported.</summary>
public sealed class PlanRecord
{
    public required string Id { get; set; }

    public string? Number { get; set; }

    public required string Title { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public int TrackedYear { get; set; }

    public required string Source { get; set; }

    /// <summary>SHA-256 of the file's tasks as read: re-importing an unchanged plan changes nothing.</summary>
    public required string ContentHash { get; set; }

    public Instant ImportedAtUtc { get; set; }

    /// <summary>The last tracked year; null with <see cref="OpenEnded"/> false means a plan stored before tracking periods (its first year only).</summary>
    public int? LastYear { get; set; }

    /// <summary>Tracked "năm … và những năm tiếp theo": no last year.</summary>
    public bool OpenEnded { get; set; }

    /// <summary>The closing day the plan file gives ("Ngày kết thúc theo dõi"); null for the default.</summary>
    public DateOnly? ClosesOn { get; set; }

    /// <summary>Active, closed or archived (see <see cref="PlanStatus"/>).</summary>
    public PlanStatus Status { get; set; }

    /// <summary>The day the status took effect (the <c>--on</c> day, or the closing day); null for a plan active since its import.</summary>
    public DateOnly? StatusOn { get; set; }

    /// <summary>Who set the status: a coordinator's name, or "hệ thống".</summary>
    public string? StatusBy { get; set; }

    public string? StatusReason { get; set; }

    public Instant? StatusChangedAtUtc { get; set; }
}

/// <summary>Where a plan stands in its life.</summary>
public enum PlanStatus
{
    /// <summary>"đang theo dõi": its milestones are chased.</summary>
    Active,

    /// <summary>"đã đóng": nothing is chased; everything stays in the reports and timelines.</summary>
    Closed,

    /// <summary>"đã lưu trữ": closed, and hidden from the default views.</summary>
    Archived,
}

/// <summary>One change of a plan's status: what, on which day, who, why, and when it was recorded.</summary>
public sealed class PlanStatusRecord
{
    public long Id { get; set; }

    public required string PlanId { get; set; }

    public PlanStatus Status { get; set; }

    public DateOnly On { get; set; }

    public required string By { get; set; }

    public string? Reason { get; set; }

    public Instant RecordedAtUtc { get; set; }
}

/// <summary>A task of an imported plan: what the status and the emails show.</summary>
public sealed class TaskRecord
{
    public required string PlanId { get; set; }

    public required string TaskId { get; set; }

    public int Row { get; set; }

    public string? Group { get; set; }

    public required string Activity { get; set; }

    public string? Product { get; set; }

    /// <summary>
    /// The task's id, activity and product folded for search (no case, no diacritics; see
    /// <see cref="Progress.TextFolding"/>), one per line: the task list's text filter is one SQL
    /// condition over it, however many tasks match. Always what the other fields give; stored so
    /// that SQL can read it.
    /// </summary>
    /// <remarks>Folded once for the fields it was folded from (compared by reference): a large import folds
    /// on the thread that prepares its batches, and the writer reads the result.</remarks>
    public string SearchText
    {
        get
        {
            if (folded is null || !ReferenceEquals(foldedFrom.TaskId, TaskId) || !ReferenceEquals(foldedFrom.Activity, Activity) || !ReferenceEquals(foldedFrom.Product, Product))
            {
                folded = SearchTextOf(TaskId, Activity, Product);
                foldedFrom = (TaskId, Activity, Product);
            }

            return folded;
        }

        private set { } // read back from the database: the fields above decide it
    }

    // Not mapped (no property has these names): SearchText's last result and what it was folded from.
    private string? folded;
    private (string? TaskId, string? Activity, string? Product) foldedFrom;

    /// <summary>What <see cref="SearchText"/> holds for a task.</summary>
    public static string SearchTextOf(string taskId, string? activity, string? product) =>
        string.Join('\n', Progress.TextFolding.Fold(taskId), Progress.TextFolding.Fold(activity), Progress.TextFolding.Fold(product));

    public required string LeadCell { get; set; }

    public required string Deadline { get; set; }

    /// <summary>The deadline's kind as the parser read it; stored as its name ("Once", "Phased"...).</summary>
    public ScheduleKind ScheduleKind { get; set; }

    /// <summary>The index criterion the task serves ("2.4.1"), for plans built on an index (the 2023 PAR INDEX, SIPAS, PAPI plan); null otherwise.</summary>
    public string? CriterionCode { get; set; }

    /// <summary>The criterion as the plan words it.</summary>
    public string? CriterionText { get; set; }

    /// <summary>The criterion's maximum score.</summary>
    public decimal? MaxScore { get; set; }

    /// <summary>The criterion's score in the previous assessment (the 2023 plan gives 2022's).</summary>
    public decimal? PreviousScore { get; set; }
}

/// <summary>One milestone's workflow instance: dates, state, bookmark. See <see cref="MilestoneRun"/>.</summary>
public sealed class MilestoneRecord
{
    public long Id { get; set; }

    public required string PlanId { get; set; }

    public required string TaskId { get; set; }

    public int Number { get; set; }

    /// <summary>The task's row in its plan (<see cref="TaskRecord.Row"/>), kept with the milestone so that the task list's order is one index.</summary>
    public int TaskRow { get; set; }

    public string? Label { get; set; }

    public DateOnly? PlannedDue { get; set; }

    public DateOnly? Due { get; set; }

    public DateOnly? EffectiveDue { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public RunStatus Status { get; set; }

    public bool WaitsForEvent { get; set; }

    public DateOnly? EventOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    public bool Extended { get; set; }

    public string? BookmarkActivity { get; set; }

    /// <summary>The bookmark's moment, Vietnam local time; stored as "yyyy-MM-ddTHH:mm:ss" text, which sorts as time does (<see cref="MomentConverter"/>).</summary>
    public LocalDateTime? BookmarkAt { get; set; }

    /// <summary>The signal the bookmark waits for, if it waits for one; stored as its name ("Report"...).</summary>
    public SignalKind? BookmarkSignal { get; set; }

    /// <summary>The rest of the workflow's state as JSON (every bookmark when branches run in parallel, variables,
    /// joins, the day's step count); null for a run with at most one bookmark and nothing else.</summary>
    public string? State { get; set; }

    /// <summary>The last error of an activity (a script that failed...), shown by <c>workflow status</c>; null when none.</summary>
    public string? Fault { get; set; }

    /// <summary>Agency ids, comma-separated: who is chased now (the plan's lead, or its successors once it ended).</summary>
    public required string Lead { get; set; }

    /// <summary>The plan's lead, comma-separated, once its duties passed to successors (<see cref="Lead"/>); null while no handover happened.</summary>
    public string? FormerLead { get; set; }

    /// <summary>A former lead's duties were divided among several successors: the first listed is chased until a coordinator picks one.</summary>
    public bool LeadReview { get; set; }

    public required string Coordinators { get; set; }

    /// <summary>Optimistic concurrency: two hosts never both apply a step to the same instance.</summary>
    public int Revision { get; set; }

    /// <summary>When a re-import that was allowed to end milestones took this one out of the plan (UTC); null while it is in the plan.</summary>
    public Instant? RemovedAtUtc { get; set; }

    /// <summary>Who imported the file that took it out.</summary>
    public string? RemovedBy { get; set; }

    /// <summary>The import that created the milestone (<see cref="ImportRecord"/>): its first step's moment and author. Null for a
    /// milestone stored before imports were recorded, whose first step is a history row.</summary>
    public long? ImportId { get; set; }

    /// <summary>How its workflow began, the first step of its timeline (<see cref="Openings.Of"/> gives it back); null when that
    /// step is a history row. Stored by name ("Started"...).</summary>
    public MilestoneOpening? Opening { get; set; }

    /// <summary>The due date in force when its workflow <see cref="MilestoneOpening.Started"/>.</summary>
    public DateOnly? OpeningDue { get; set; }
}

/// <summary>
/// An import of a plan file that changed the store: when, by whom, and the plan's status then. It dates and signs the
/// first step of every milestone it created (<see cref="MilestoneRecord.ImportId"/>), which is not written as a
/// history row of its own.
/// </summary>
public sealed class ImportRecord
{
    public long Id { get; set; }

    public required string PlanId { get; set; }

    /// <summary>The plan file's name, as the import read it.</summary>
    public required string File { get; set; }

    /// <summary>The import's moment, Vietnam local time: the moment its steps are dated by (stored as <see cref="MomentConverter"/> writes it).</summary>
    public LocalDateTime At { get; set; }

    public required string By { get; set; }

    public Instant RecordedAtUtc { get; set; }

    /// <summary>The plan's status once imported: a closed or archived plan's new milestones are recorded, not chased.</summary>
    public PlanStatus PlanStatus { get; set; }
}

/// <summary>A step of a milestone's history: what, when, why, and who.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }

    public long MilestoneId { get; set; }

    /// <summary>The step's moment, Vietnam local time (stored as <see cref="MomentConverter"/> writes it).</summary>
    public LocalDateTime At { get; set; }

    public string? ActivityId { get; set; }

    public required string What { get; set; }

    public required string Why { get; set; }

    public required string By { get; set; }

    public Instant RecordedAtUtc { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Dead,
}

/// <summary>
/// A notification waiting for delivery, written in the same transaction as the step that decided
/// it. <see cref="Key"/> is unique: the same notification is never queued twice.
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>When the notification is due, Vietnam local time (stored as <see cref="MomentConverter"/> writes it).</summary>
    public LocalDateTime At { get; set; }

    public required string PlanId { get; set; }

    public required string TaskId { get; set; }

    public int Milestone { get; set; }

    public DateOnly Due { get; set; }

    public required string To { get; set; }

    public required string Cc { get; set; }

    public required string Template { get; set; }

    /// <summary>An Elsa SendEmail's activity id, subject and body (null for the digests' notifications).</summary>
    public string? Activity { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public bool BodyIsHtml { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public Instant CreatedAtUtc { get; set; }

    /// <summary>Not before this moment (UTC): the backoff after a failed attempt.</summary>
    public Instant? NextAttemptUtc { get; set; }

    /// <summary>A sender took the row until this moment (UTC); another sender leaves it alone until then.</summary>
    public Instant? ClaimedUntilUtc { get; set; }

    public Instant? SentAtUtc { get; set; }

    /// <summary>Optimistic concurrency: two senders never claim the same row.</summary>
    public int Revision { get; set; }
}
