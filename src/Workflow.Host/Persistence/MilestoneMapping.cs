using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Notifications;

namespace Workflow.Host.Persistence;

/// <summary>Between the engine's <see cref="MilestoneRun"/> and its row, and between a notification and its outbox row.</summary>
internal static class MilestoneMapping
{
    public static readonly LocalDateTimePattern Moment = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");

    public static MilestoneRun ToRun(MilestoneRecord r)
    {
        var run = new MilestoneRun(
            new MilestoneKey(new PlanId(r.PlanId), new TaskId(r.TaskId), r.Number),
            r.DefinitionId,
            r.DefinitionVersion,
            Date(r.PlannedDue),
            Date(r.EffectiveDue),
            r.WaitsForEvent,
            Ids(r.Lead),
            Ids(r.Coordinators))
        {
            Due = Date(r.Due),
            EventOn = Date(r.EventOn),
            DoneOn = Date(r.DoneOn),
            Extended = r.Extended,
            Status = r.Status,
            FormerLead = r.FormerLead is null ? [] : Ids(r.FormerLead),
            LeadUnderReview = r.LeadReview,
            Fault = r.Fault,
        };
        var listed = r.State is { } state && RunState.Read(state, run);
        if (!listed && r.BookmarkActivity is not null)
        {
            run.Bookmarks.Add(new Bookmark(
                r.BookmarkActivity,
                r.BookmarkAt,
                r.BookmarkSignal));
        }

        return run;
    }

    /// <summary>
    /// The row of a milestone an import creates. When its history begins with its opening step (<see cref="Openings"/>),
    /// that step is kept on the row, dated and signed by <paramref name="importId"/>'s import, and
    /// <see cref="HistoryToWrite"/> leaves it out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a milestone: an import's million from the first
    public static MilestoneRecord NewRecord(MilestoneRun run, string? label, long? importId = null)
    {
        var record = new MilestoneRecord
        {
            PlanId = run.Key.Plan.Value,
            TaskId = run.Key.Task.Value,
            Number = run.Key.Number,
            Label = label,
            DefinitionId = run.DefinitionId,
            DefinitionVersion = run.DefinitionVersion,
            WaitsForEvent = run.WaitsForEvent,
            PlannedDue = DateOnly(run.PlannedDue),
            Lead = string.Join(',', run.Lead),
            Coordinators = string.Join(',', run.Coordinators),
        };
        CopyState(run, record);
        if (importId is not null && run.History.Count > 0 && run.History[0].Opening is { } opening)
        {
            record.ImportId = importId;
            record.Opening = opening;
            record.OpeningDue = DateOnly(run.History[0].OpeningDue);
        }

        return record;
    }

    /// <summary>The steps of a new milestone's history still to write as history rows once <paramref name="record"/> keeps its opening.</summary>
    public static IEnumerable<HistoryEntry> HistoryToWrite(MilestoneRun run, MilestoneRecord record) =>
        record.Opening is null ? run.History : run.History.Skip(1);

    /// <summary>Writes what the engine may change back into the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a milestone: an import's million from the first
    public static void CopyState(MilestoneRun run, MilestoneRecord record)
    {
        record.Due = DateOnly(run.Due);
        record.EffectiveDue = DateOnly(run.EffectiveDue);
        record.EventOn = DateOnly(run.EventOn);
        record.DoneOn = DateOnly(run.DoneOn);
        record.Extended = run.Extended;
        record.Status = run.Status;
        record.BookmarkActivity = run.Bookmark?.ActivityId;
        record.BookmarkAt = run.Bookmark?.At;
        record.Lead = string.Join(',', run.Lead);
        record.FormerLead = run.FormerLead.Count == 0 ? null : string.Join(',', run.FormerLead);
        record.LeadReview = run.LeadUnderReview;
        record.BookmarkSignal = run.Bookmark?.Signal ?? (run.Bookmark?.EventName is { } name && Enum.TryParse<SignalKind>(name, out var signal) ? signal : null);
        record.State = RunState.Write(run);
        record.Fault = run.Fault;
        record.Revision++;
    }

    /// <summary>Writes what the plan file says of <paramref name="task"/> into its row.</summary>
    public static void CopyTask(PlanTask task, TaskRecord record)
    {
        record.Row = task.Row;
        record.Group = task.Group;
        record.Activity = task.Activity;
        record.Product = task.Product;
        record.LeadCell = task.Lead.Cell;
        record.Deadline = task.Deadline;
        record.ScheduleKind = task.Schedule.Kind;
        record.CriterionCode = task.Criterion?.Code;
        record.CriterionText = task.Criterion?.Text;
        record.MaxScore = task.Criterion?.MaxScore;
        record.PreviousScore = task.Criterion?.PreviousScore;
    }

    public static HistoryRecord ToRecord(HistoryEntry entry, long milestoneId, string by, Instant recordedAt) => new()
    {
        MilestoneId = milestoneId,
        At = entry.At,
        ActivityId = entry.ActivityId,
        What = entry.What,
        Why = entry.Why,
        By = by,
        RecordedAtUtc = recordedAt,
    };

    public static OutboxRecord ToRecord(Notification n, Instant createdAt) => new()
    {
        Key = n.Key,
        Kind = n.Kind,
        At = n.At,
        PlanId = n.Plan,
        TaskId = n.Task,
        Milestone = n.Milestone,
        Due = n.Due.ToDateOnly(),
        To = string.Join(',', n.To),
        Cc = string.Join(',', n.Cc),
        Template = n.Template,
        Activity = n.Activity,
        Subject = n.Subject,
        Body = n.Body,
        BodyIsHtml = n.BodyIsHtml,
        Status = OutboxStatus.Pending,
        CreatedAtUtc = createdAt,
    };

    /// <summary>The notification an outbox row holds (the inverse of <see cref="ToRecord(Notification, Instant)"/>).</summary>
    public static Notification ToNotification(OutboxRecord o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new()
        {
            Kind = o.Kind,
            At = o.At,
            Plan = o.PlanId,
            Task = o.TaskId,
            Milestone = o.Milestone,
            Due = LocalDate.FromDateOnly(o.Due),
            To = o.To.Length == 0 ? [] : o.To.Split(','),
            Cc = o.Cc.Length == 0 ? [] : o.Cc.Split(','),
            Template = o.Template,
            Activity = o.Activity,
            Subject = o.Subject,
            Body = o.Body,
            BodyIsHtml = o.BodyIsHtml,
        };
    }

    /// <summary>The lead agencies' ids of a stored milestone: its <see cref="MilestoneRecord.Lead"/> column, comma-separated.</summary>
    public static string[] LeadIds(string lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The milestones <paramref name="agencyId"/> leads, as a query the database runs: whole ids
    /// only, so "so-tp" does not match "so-tpx".
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<MilestoneRecord, bool>> LedBy(string agencyId)
    {
        var needle = "," + agencyId + ",";
        return m => ("," + m.Lead + ",").Contains(needle);
    }

    public static string Day(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    private static LocalDate? Date(DateOnly? d) => d is { } v ? LocalDate.FromDateOnly(v) : null;

    private static DateOnly? DateOnly(LocalDate? d) => d?.ToDateOnly();

    private static AgencyId[] Ids(string csv) =>
        csv.Length == 0 ? [] : csv.Split(',').Select(s => new AgencyId(s)).ToArray();
}
