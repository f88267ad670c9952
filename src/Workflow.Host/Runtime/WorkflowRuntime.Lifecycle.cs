using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>A plan's life in the runtime: closing (by hand or at the end of its window), archiving, reopening.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>The default closing day of a plan's window (31/01 of the year after its last tracked year unless configured).</summary>
    public AnnualDate DefaultClosing => options.DefaultClosing;

    /// <summary>
    /// Closes, reopens or archives a plan, in one transaction with its milestones: closing or
    /// archiving an active plan stops the chase of every open milestone (each keeps its dates and
    /// state, and its timeline says why); reopening restarts the chase of its open milestones from
    /// now, with one overdue notice for what is already late and no back-dated series. A refused
    /// request (unknown plan, closing twice, reopening an archived plan without saying so, a day
    /// to come) changes nothing and says why.
    /// </summary>
    public async Task<PlanStatusResult> ChangePlanStatusAsync(PlanStatusRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        PlanStatusResult result = null!;
        var changes = new List<TriggerChange>();
        await StepAsync(async (db, sink, now) =>
        {
            changes.Clear();
            result = await ChangeStatusAsync(db, sink, request, now, changes, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        await SyncTriggersAsync(changes, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Closes every active plan whose window is over (the server runs this at its start and every minute).</summary>
    /// <returns>What it closed, one line a plan.</returns>
    public async Task<IReadOnlyList<string>> CloseEndedPlansAsync(CancellationToken ct = default)
    {
        var today = Now.Date;
        List<PlanRecord> plans;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            plans = await db.Plans.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        }

        var closed = new List<string>();
        foreach (var plan in plans.Where(p => PlanLifecycle.HasEnded(p, today, options.DefaultClosing) && PlanId.IsValid(p.Id)))
        {
            var last = PlanLifecycle.LastDay(plan, options.DefaultClosing)!.Value;
            var request = new PlanStatusRequest(new PlanId(plan.Id), PlanAction.Close, last.PlusDays(1), EndedReason(plan, last), PlanLifecycle.System);
            var result = await ChangePlanStatusAsync(request, ct).ConfigureAwait(false);
            if (result.Changed)
            {
                closed.Add(result.Message);
            }
        }

        return closed;
    }

    /// <summary>
    /// Open-ended plans ("năm … và những năm tiếp theo") follow each new year by themselves: once a day (the server
    /// runs this with <see cref="CloseEndedPlansAsync"/>), every active open-ended plan is read again through the
    /// current year by <paramref name="read"/> (its file; null when the file is gone) and the year's new milestones
    /// start as an import starts them: nothing back-dated, what already fell due gets one overdue notice dated
    /// today. Idempotent: a plan already read through this year is unchanged. Only the file that was imported is
    /// followed: one edited since (it no longer reads, through an earlier year, as what is stored) is left for a
    /// coordinator to import, and said so.
    /// </summary>
    /// <returns>One line a plan that gained milestones or was left alone.</returns>
    public async Task<IReadOnlyList<string>> FollowNewYearsAsync(Func<PlanRecord, int, Plan?> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var today = Now.Date;
        if (lastYearFollowed == today)
        {
            return [];
        }

        List<PlanRecord> plans;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            plans = await db.Plans.AsNoTracking().Where(p => p.OpenEnded && p.Status == PlanStatus.Active).ToListAsync(ct).ConfigureAwait(false);
        }

        var lines = new List<string>();
        foreach (var record in plans.Where(p => PlanId.IsValid(p.Id)))
        {
            if (read(record, today.Year) is not { } current || current.Id.Value != record.Id)
            {
                lines.Add($"Kế hoạch {record.Id}: không đọc được tệp kế hoạch ({record.Source}) để thêm các mốc năm {today.Year}; hãy nhập lại kế hoạch.");
                continue;
            }

            if (Hash(current) == record.ContentHash)
            {
                continue; // already followed through this year
            }

            var asImported = Enumerable.Range(record.TrackedYear, Math.Max(0, today.Year - record.TrackedYear)).Reverse()
                .Any(year => read(record, year) is { } earlier && Hash(earlier) == record.ContentHash);
            if (!asImported)
            {
                lines.Add($"Kế hoạch {record.Id}: tệp {record.Source} đã khác bản đã nhập, nên các mốc năm {today.Year} chưa được thêm; hãy nhập lại kế hoạch.");
                continue;
            }

            var result = await ImportAsync(current, PlanLifecycle.System, allowRemoval: false, ct).ConfigureAwait(false);
            lines.Add($"Kế hoạch {record.Id}: thêm {result.Created} mốc của năm {today.Year}.");
        }

        lastYearFollowed = today;
        return lines;
    }

    private async Task<PlanStatusResult> ChangeStatusAsync(WorkflowDbContext db, INotificationSink sink, PlanStatusRequest request, LocalDateTime now, List<TriggerChange> changes, CancellationToken ct)
    {
        var id = request.Plan.Value;
        var plan = await db.Plans.FindAsync([id], ct).ConfigureAwait(false);
        if (plan is null)
        {
            return new PlanStatusResult(false, $"Không có kế hoạch \"{id}\": xem mã các kế hoạch bằng \"workflow plan list\".", 0, Unknown: true);
        }

        var today = now.Date;
        if (PlanLifecycle.Refusal(request, plan, today) is { } refusal)
        {
            return new PlanStatusResult(false, refusal, 0);
        }

        var on = request.On ?? today;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var because = reason is null ? string.Empty : $": {reason}";
        switch (request.Action)
        {
            case PlanAction.Close:
            case PlanAction.Archive:
                {
                    var archive = request.Action == PlanAction.Archive;
                    var held = plan.Status == PlanStatus.Active
                        ? await HoldPlanAsync(db, id, now, $"kế hoạch {(archive ? "lưu trữ" : "đóng")} ngày {PlanLifecycle.Day(on)}{because}", request.By, changes, ct).ConfigureAwait(false)
                        : 0;
                    SetStatus(db, plan, archive ? PlanStatus.Archived : PlanStatus.Closed, on, request.By, reason);
                    var stopped = held == 0 ? "không còn mốc nào đang nhắc" : $"ngừng nhắc {held} mốc";
                    return new PlanStatusResult(true, archive
                        ? $"Đã lưu trữ kế hoạch {id} ngày {PlanLifecycle.Day(on)}: {stopped}; kế hoạch ẩn khỏi các trang mặc định (chọn \"{PlanScopes.Label(PlanScope.Archived)}\" để xem)."
                        : $"Đã đóng kế hoạch {id} ngày {PlanLifecycle.Day(on)}: {stopped}; mọi mốc vẫn có trong báo cáo và dòng thời gian.", held);
                }

            default:
                {
                    SetStatus(db, plan, PlanStatus.Active, on, request.By, reason);
                    plan.StatusOn = StoredDates.Write(today); // the chase restarts today: the window's end does not close it again
                    var restarted = await RestartPlanAsync(db, sink, id, now, $"kế hoạch mở lại ngày {PlanLifecycle.Day(on)}{because}; nhắc lại từ hôm nay", request.By, changes, ct).ConfigureAwait(false);
                    var last = PlanLifecycle.LastDay(plan, options.DefaultClosing);
                    var window = last is { } l && l < today
                        ? $" Kế hoạch đã qua ngày kết thúc theo dõi ({PlanLifecycle.Day(l)}): được theo dõi đến khi đóng lại bằng tay."
                        : string.Empty;
                    return new PlanStatusResult(true, $"Đã mở lại kế hoạch {id} ngày {PlanLifecycle.Day(on)}: nhắc lại {restarted} mốc còn mở từ hôm nay (mốc đã quá hạn nhận một thông báo quá hạn, không gửi bù).{window}", restarted);
                }
        }
    }

    /// <summary>
    /// During an import: a new plan whose window is over is recorded closed; an active plan whose
    /// window ended (a re-import after its end) closes. Returns the trigger changes of the runs it held.
    /// </summary>
    private async Task<List<TriggerChange>> CloseIfEndedAsync(WorkflowDbContext db, PlanRecord plan, bool isNew, LocalDateTime now, string by, CancellationToken ct)
    {
        var changes = new List<TriggerChange>();
        if (!PlanLifecycle.HasEnded(plan, now.Date, options.DefaultClosing))
        {
            return changes;
        }

        var last = PlanLifecycle.LastDay(plan, options.DefaultClosing)!.Value;
        var reason = isNew ? $"nhập khi đã hết thời gian theo dõi ({PlanLifecycle.Tracking(plan)}, đến hết {PlanLifecycle.Day(last)})" : EndedReason(plan, last);
        if (!isNew)
        {
            await HoldPlanAsync(db, plan.Id, now, $"kế hoạch đóng: {reason}", by, changes, ct).ConfigureAwait(false);
        }

        SetStatus(db, plan, PlanStatus.Closed, last.PlusDays(1), PlanLifecycle.System, reason);
        return changes;
    }

    private static string EndedReason(PlanRecord plan, LocalDate last) =>
        $"hết thời gian theo dõi ({PlanLifecycle.Tracking(plan)}, đến hết {PlanLifecycle.Day(last)})";

    private void SetStatus(WorkflowDbContext db, PlanRecord plan, PlanStatus status, LocalDate on, string by, string? reason)
    {
        plan.Status = status;
        plan.StatusOn = StoredDates.Write(on);
        plan.StatusBy = by;
        plan.StatusReason = reason;
        plan.StatusChangedAtUtc = clock.RealNow;
        db.PlanStatusHistory.Add(new PlanStatusRecord { PlanId = plan.Id, Status = status, On = StoredDates.Write(on), By = by, Reason = reason, RecordedAtUtc = clock.RealNow });
    }

    /// <summary>Stops the chase of every milestone of the plan waiting at a bookmark; returns how many.</summary>
    private async Task<int> HoldPlanAsync(WorkflowDbContext db, string planId, LocalDateTime now, string why, string by, List<TriggerChange> changes, CancellationToken ct)
    {
        var rows = await db.Milestones.Where(m => m.PlanId == planId && m.Status == RunStatus.Waiting && m.BookmarkActivity != null)
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var run = MilestoneMapping.ToRun(row);
            var oldAt = row.BookmarkAt;
            if (WorkflowEngine.Hold(run, now, why))
            {
                MilestoneMapping.CopyState(run, row);
                AddHistory(db, run, 0, row.Id, by);
                changes.Add(new TriggerChange(row.Id, oldAt, null));
            }
        }

        return rows.Count;
    }

    /// <summary>Restarts the chase of every open, not dormant milestone of the plan from now; returns how many.</summary>
    private async Task<int> RestartPlanAsync(WorkflowDbContext db, INotificationSink sink, string planId, LocalDateTime now, string why, string by, List<TriggerChange> changes, CancellationToken ct)
    {
        var rows = await db.Milestones.Where(m => m.PlanId == planId && m.Status == RunStatus.Waiting && m.DoneOn == null)
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var run = MilestoneMapping.ToRun(row);
            var oldAt = row.BookmarkAt;
            engine.Reopen(run, definitions.Catalog.Get(row.DefinitionId, row.DefinitionVersion), now, why, sink);
            MilestoneMapping.CopyState(run, row);
            AddHistory(db, run, 0, row.Id, by);
            changes.Add(new TriggerChange(row.Id, oldAt, Waiting(row)));
        }

        return rows.Count;
    }

    /// <summary>Whether the plan's milestones are chased: it is active (a milestone with no plan row, only possible by hand, is).</summary>
    private static async Task<bool> IsChasedAsync(WorkflowDbContext db, string planId, CancellationToken ct)
    {
        var status = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return status is null or PlanStatus.Active;
    }
}
