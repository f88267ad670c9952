using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using PlanId = Workflow.Definitions.Plans.PlanId;
using TaskId = Workflow.Definitions.Plans.TaskId;

namespace Workflow.Host.Coordination;

/// <summary>Extensions: asked by an agency, decided or given by a coordinator; the old due date holds while a request waits.</summary>
public sealed partial class CoordinationService
{
    /// <summary>
    /// An agency asks to move a milestone's due date. The request waits for a coordinator; until
    /// then the milestone is chased on its current date. One pending request per milestone, which
    /// the database enforces (a unique index on the pending requests), so parallel requests cannot
    /// both pass.
    /// </summary>
    public async Task<Outcome> RequestExtensionAsync(long milestoneId, LocalDate newDue, string? reason, string by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused("Hãy ghi lý do đề nghị gia hạn.");
        }

        if (InputLimits.TooLong(reason, limits.Note, "Lý do đề nghị gia hạn") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        var target = await ExtendableAsync(milestoneId, newDue, "Mốc này đã kết thúc, không cần gia hạn.", ct).ConfigureAwait(false);
        if (target is not ({ } m, { } plan, null))
        {
            return target.Refusal!;
        }

        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.ExtensionRequests.AnyAsync(r => r.MilestoneId == milestoneId && r.Status == ExtensionStatus.Pending, ct).ConfigureAwait(false))
        {
            return PendingAlready();
        }

        var current = m.EffectiveDue ?? m.Due;
        db.ExtensionRequests.Add(new ExtensionRequestRecord
        {
            MilestoneId = milestoneId,
            CurrentDue = current ?? StoredDates.Write(newDue),
            RequestedDue = StoredDates.Write(newDue),
            Reason = reason.Trim(),
            RequestedBy = by,
            RequestedAtUtc = clock.RealNow,
            Status = ExtensionStatus.Pending,
        });
        db.History.Add(History(milestoneId, "đề nghị gia hạn", $"đến {Day(newDue)}: {reason.Trim()}", by));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return PendingAlready(); // another request for this milestone was stored between the check and this one
        }

        return Outcome.Done($"Đã gửi đề nghị gia hạn đến {Day(newDue)}; Sở Nội vụ sẽ xem xét. Trong lúc chờ, hạn hiện tại vẫn giữ nguyên.");
    }

    private static Outcome PendingAlready() => Outcome.Refused("Mốc này đã có một đề nghị gia hạn đang chờ Sở Nội vụ xem xét.");

    /// <summary>
    /// Null when <paramref name="newDue"/> can be a milestone's new due date: after its current due
    /// date and today, and no later than the plan's extension window; otherwise why not.
    /// </summary>
    private string? NewDueProblem(MilestoneRecord m, PlanRecord plan, LocalDate newDue)
    {
        if (StoredDates.Read(m.EffectiveDue ?? m.Due) is { } current && newDue <= current)
        {
            return $"Hạn mới {Day(newDue)} phải sau hạn hiện tại {Day(current)}.";
        }

        if (newDue <= Today)
        {
            return $"Hạn mới {Day(newDue)} phải sau hôm nay ({Day(Today)}).";
        }

        var latest = limits.LatestExtension(plan);
        return newDue > latest
            ? $"Hạn mới {Day(newDue)} quá xa: kế hoạch {plan.Number ?? plan.Id} theo dõi năm {plan.TrackedYear}, chỉ gia hạn được đến {Day(latest)}."
            : null;
    }

    /// <summary>A milestone and its plan, and why they cannot take the new due date (null when they can).</summary>
    private sealed record Extendable(MilestoneRecord? Milestone, PlanRecord? Plan, Outcome? Refusal);

    /// <summary>The milestone and plan if they may take <paramref name="newDue"/>, else why not (<paramref name="ended"/> when the milestone is over).</summary>
    private async Task<Extendable> ExtendableAsync(long milestoneId, LocalDate newDue, string ended, CancellationToken ct)
    {
        if (await MilestoneAndPlanAsync(milestoneId, ct).ConfigureAwait(false) is not ({ } m, { } plan))
        {
            return new(null, null, NoMilestone());
        }

        if (m.DoneOn is not null || m.Status == RunStatus.Finished)
        {
            return new(m, plan, Outcome.Refused(ended));
        }

        return NewDueProblem(m, plan, newDue) is { } problem ? new(m, plan, Outcome.Refused(problem)) : new(m, plan, null);
    }

    /// <summary>
    /// A coordinator extends a milestone without a request (a decision taken elsewhere, a phone call).
    /// </summary>
    public async Task<Outcome> ExtendAsync(long milestoneId, LocalDate newDue, string? note, string by, CancellationToken ct = default)
    {
        if (InputLimits.TooLong(note, limits.Note, "Ghi chú") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        var target = await ExtendableAsync(milestoneId, newDue, "Mốc này đã kết thúc, không gia hạn được.", ct).ConfigureAwait(false);
        if (target is not ({ } m, { } plan, null))
        {
            return target.Refusal!;
        }

        var changed = await runtime.ExtendAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, newDue, by, ct).ConfigureAwait(false);
        if (changed == 0)
        {
            return Outcome.Refused("Mốc này đã hoàn thành, không gia hạn được.");
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            await AddHistoryAsync(milestoneId, "ghi chú", note.Trim(), by, ct).ConfigureAwait(false);
        }

        return Outcome.Done($"Đã gia hạn đến {Day(newDue)}{await EffectiveNoteAsync(milestoneId, newDue, ct).ConfigureAwait(false)}; lịch nhắc hạn được tính lại từ hạn mới.");
    }

    /// <summary>
    /// A coordinator approves (the milestone moves to the requested date) or refuses a pending
    /// request. An approval that cannot be applied (the date is out of the window, the milestone
    /// ended, the runtime fails) changes nothing: the request stays pending.
    /// </summary>
    public async Task<Outcome> DecideExtensionAsync(long requestId, bool approve, string? note, string by, CancellationToken ct = default)
    {
        if (InputLimits.TooLong(note, limits.Note, "Ghi chú") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        ExtensionRequestRecord request;
        MilestoneRecord milestone;
        PlanRecord plan;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            if (await db.ExtensionRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct).ConfigureAwait(false) is not { } r)
            {
                return Outcome.NotFound("Không có đề nghị gia hạn này.");
            }

            request = r;
            milestone = await db.Milestones.AsNoTracking().FirstAsync(m => m.Id == r.MilestoneId, ct).ConfigureAwait(false);
            plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == milestone.PlanId, ct).ConfigureAwait(false);
        }

        if (request.Status != ExtensionStatus.Pending)
        {
            return Outcome.Refused($"Đề nghị này đã được {(request.Status == ExtensionStatus.Approved ? "duyệt" : "từ chối")} bởi {request.DecidedBy}.");
        }

        var requested = StoredDates.Read(request.RequestedDue);
        if (approve && milestone.DoneOn is null && milestone.Status != RunStatus.Finished && NewDueProblem(milestone, plan, requested) is { } problem)
        {
            return Outcome.Refused($"Không duyệt được: {problem} Hãy từ chối đề nghị, hoặc gia hạn trực tiếp đến một ngày hợp lệ.");
        }

        // The decision is taken first, guarded by the request's revision, so two coordinators never
        // both decide one request; the extension follows it, as in the timeline.
        var decisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (await RecordDecisionAsync(requestId, approve ? ExtensionStatus.Approved : ExtensionStatus.Refused, decisionNote,
                approve ? "duyệt gia hạn" : "từ chối gia hạn", Join($"đề nghị của {request.RequestedBy} đến {Day(requested)}", decisionNote) ?? string.Empty, by, ct).ConfigureAwait(false) is not { } decision)
        {
            return Outcome.Refused("Đề nghị này vừa được người khác xử lý; hãy tải lại trang.");
        }

        if (!approve)
        {
            return Outcome.Done("Đã từ chối đề nghị gia hạn; hạn cũ giữ nguyên.");
        }

        int extended;
        try
        {
            extended = await runtime.ExtendAsync(new PlanId(milestone.PlanId), new TaskId(milestone.TaskId), milestone.Number, requested, by, ct).ConfigureAwait(false);
        }
        catch
        {
            await UndoDecisionAsync(decision, CancellationToken.None).ConfigureAwait(false); // the request waits again, as if nobody had decided
            throw;
        }

        if (extended == 0)
        {
            // Done between the request and the approval: nothing to extend, and the record says so.
            await RecordDecisionAsync(requestId, ExtensionStatus.Refused, "mốc đã hoàn thành trước khi duyệt", "gia hạn không áp dụng", "mốc đã hoàn thành", by, ct).ConfigureAwait(false);
            return Outcome.Refused("Mốc này đã hoàn thành; đề nghị gia hạn không còn cần thiết.");
        }

        return Outcome.Done($"Đã duyệt gia hạn đến {Day(requested)}{await EffectiveNoteAsync(milestone.Id, requested, ct).ConfigureAwait(false)}; lịch nhắc hạn được tính lại từ hạn mới.");
    }

    /// <summary>A decision just recorded (<see cref="RecordDecisionAsync"/>): the request and the history row it wrote.</summary>
    private sealed record Decision(long RequestId, long HistoryId);

    /// <summary>Takes back a decision whose extension could not be applied: the request is pending again and its history row is gone.</summary>
    private async Task UndoDecisionAsync(Decision decision, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var r = await db.ExtensionRequests.FirstAsync(x => x.Id == decision.RequestId, ct).ConfigureAwait(false);
        r.Status = ExtensionStatus.Pending;
        r.DecidedBy = null;
        r.DecidedAtUtc = null;
        r.DecisionNote = null;
        r.Revision++;
        db.History.RemoveRange(db.History.Where(h => h.Id == decision.HistoryId));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Sets a request's decision and writes it to the milestone's history, in one transaction; null when someone else changed the request first.</summary>
    private async Task<Decision?> RecordDecisionAsync(long requestId, ExtensionStatus status, string? decisionNote, string what, string why, string by, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var r = await db.ExtensionRequests.FirstAsync(x => x.Id == requestId, ct).ConfigureAwait(false);
        r.Status = status;
        r.DecidedBy = by;
        r.DecidedAtUtc = clock.RealNow;
        r.DecisionNote = decisionNote;
        r.Revision++;
        var row = History(r.MilestoneId, what, why, by);
        db.History.Add(row);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new Decision(requestId, row.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>Requests waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<ExtensionRequestView>> PendingExtensionsAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await (from r in db.ExtensionRequests.AsNoTracking()
                          join m in db.Milestones.AsNoTracking() on r.MilestoneId equals m.Id
                          join t in db.Tasks.AsNoTracking() on new { m.PlanId, m.TaskId } equals new { t.PlanId, t.TaskId }
                          where r.Status == ExtensionStatus.Pending
                          orderby r.RequestedAtUtc
                          select new ExtensionRequestView(r, m, t)).ToListAsync(ct).ConfigureAwait(false);
        return rows;
    }
}
