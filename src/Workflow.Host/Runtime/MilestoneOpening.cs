using NodaTime;
using Workflow.Host.Persistence;

namespace Workflow.Host.Runtime;

/// <summary>How a milestone's workflow began when an import created it: the first step of its history.</summary>
/// <remarks>
/// A new milestone's first step is one of three, fully given by the import (its moment, who ran it, the plan's
/// status) and by the milestone itself (its definition, its due date at the start). It is therefore kept on the
/// milestone's row (<see cref="MilestoneRecord.Opening"/>, <see cref="MilestoneRecord.OpeningDue"/>,
/// <see cref="MilestoneRecord.ImportId"/>) rather than as a history row of its own: a million milestones imported
/// write a million rows fewer. <see cref="Openings.Of"/> gives the step back exactly as it was written.
/// </remarks>
public enum MilestoneOpening
{
    /// <summary>"bắt đầu": the chase began.</summary>
    Started,

    /// <summary>"chờ sự kiện": the task waits for an event a coordinator records.</summary>
    AwaitingEvent,

    /// <summary>"không theo dõi": the plan was closed when imported; the milestone is recorded, not chased.</summary>
    Held,
}

/// <summary>
/// The first step of a new milestone's history, in one place: the engine writes it with these, and a timeline
/// rebuilds it from what the milestone's row and its import keep (<see cref="Of"/>).
/// </summary>
public static class Openings
{
    /// <summary>What a step of a milestone recorded but not chased says.</summary>
    internal const string HeldWhat = "không theo dõi";

    /// <summary>"bắt đầu": the workflow of <paramref name="definitionId"/> version <paramref name="version"/> began, the due date then in force.</summary>
    public static HistoryEntry Started(LocalDateTime at, string? activityId, string definitionId, int version, LocalDate? due) =>
        new(at, activityId, "bắt đầu", $"quy trình {definitionId} phiên bản {version}, hạn hiệu lực {WorkflowEngine.Day(due)}")
        {
            Opening = MilestoneOpening.Started,
            OpeningDue = due,
        };

    /// <summary>"chờ sự kiện": nothing is chased until a coordinator records the event.</summary>
    public static HistoryEntry AwaitingEvent(LocalDateTime at, string? activityId) =>
        new(at, activityId, "chờ sự kiện", "nhiệm vụ chỉ bắt đầu khi điều phối viên ghi nhận sự kiện") { Opening = MilestoneOpening.AwaitingEvent };

    /// <summary>"không theo dõi": imported into a plan that was <paramref name="status"/> (closed or archived) then.</summary>
    public static HistoryEntry Held(LocalDateTime at, PlanStatus status) =>
        new(at, null, HeldWhat, $"kế hoạch {PlanStatuses.Label(status)}: mốc được ghi lại với ngày của nó, không nhắc, không gửi gì") { Opening = MilestoneOpening.Held };

    /// <summary>
    /// The step <paramref name="opening"/> stands for, as it was written at <paramref name="at"/>. The activity is not
    /// kept (no view shows a step's activity): it comes back null.
    /// </summary>
    public static HistoryEntry Of(MilestoneOpening opening, LocalDateTime at, string definitionId, int version, LocalDate? due, PlanStatus planStatus) => opening switch
    {
        MilestoneOpening.Started => Started(at, null, definitionId, version, due),
        MilestoneOpening.AwaitingEvent => AwaitingEvent(at, null),
        MilestoneOpening.Held => Held(at, planStatus),
        _ => throw new ArgumentOutOfRangeException(nameof(opening), opening, null),
    };
}
