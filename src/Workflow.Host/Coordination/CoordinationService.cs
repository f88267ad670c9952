using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Coordination;

/// <summary>What a page or the API tells the person who acted, in Vietnamese; <see cref="Missing"/> when what was acted on does not exist.</summary>
public sealed record Outcome(bool Ok, string Message, bool Missing = false)
{
    public static Outcome Done(string message) => new(true, message);

    public static Outcome Refused(string message) => new(false, message);

    public static Outcome NotFound(string message) => new(false, message, Missing: true);
}

/// <summary>
/// What coordinators and agencies do to milestones, for the pages and the API alike: mark done,
/// record an event, ask for and decide extensions, report progress, add notes, retry dead letters,
/// import a plan. Every change records who and when in the milestone's history; changes of the
/// workflow itself go through <see cref="WorkflowRuntime"/>, never around it.
/// </summary>
public sealed class CoordinationService(IDbContextFactory<WorkflowDbContext> databases, WorkflowRuntime runtime, WorkflowsData data, RuntimeClock clock, InputLimits? limits = null)
{
    private readonly InputLimits limits = limits ?? InputLimits.Default;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Today in Vietnam, on the runtime's clock (accelerated in the reliability tests).</summary>
    public LocalDate Today => clock.Now.Date;

    /// <summary>Names an agency id for people: "Sở Tư pháp" rather than "so-tp".</summary>
    public string AgencyName(string id) => AgencyId.TryParse(id, out var agencyId) && data.Reference.Agencies.TryGet(agencyId, out var agency) ? agency.Name : id;

    /// <summary>A task with its milestones and the whole timeline of each, or null when there is no such task.</summary>
    public async Task<TaskDetail?> TaskAsync(string plan, string task, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var t = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(x => x.PlanId == plan && x.TaskId == task, ct).ConfigureAwait(false);
        if (t is null)
        {
            return null;
        }

        var p = await db.Plans.AsNoTracking().FirstAsync(x => x.Id == plan, ct).ConfigureAwait(false);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == plan && m.TaskId == task).OrderBy(m => m.Number).ToListAsync(ct).ConfigureAwait(false);
        var ofTask = db.Milestones.Where(m => m.PlanId == plan && m.TaskId == task).Select(m => m.Id);
        var history = await db.History.AsNoTracking().Where(h => ofTask.Contains(h.MilestoneId)).OrderBy(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.PlanId == plan && o.TaskId == task).ToListAsync(ct).ConfigureAwait(false);
        var requests = await db.ExtensionRequests.AsNoTracking().Where(r => ofTask.Contains(r.MilestoneId)).ToListAsync(ct).ConfigureAwait(false);
        var views = milestones.Select(m => new MilestoneDetail(
            m,
            requests.Where(r => r.MilestoneId == m.Id).OrderBy(r => r.RequestedAtUtc).ToList(),
            Timeline(history.Where(h => h.MilestoneId == m.Id), outbox.Where(o => o.Milestone == m.Number)))).ToList();
        return new TaskDetail(p, t, views);
    }

    /// <summary>
    /// Who leads a milestone, as people read it: "Sở Thông tin và Truyền thông (nay là Sở Khoa học và
    /// Công nghệ)" once its lead's duties passed to a successor; the agencies' names otherwise.
    /// </summary>
    public string DescribeLead(MilestoneRecord milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return data.Reference.Agencies.DescribeLead(Ids(milestone.FormerLead), Ids(milestone.Lead));
    }

    /// <summary>The successors a coordinator may give a milestone whose former lead's duties were divided; empty when there is no choice.</summary>
    public IReadOnlyList<Agency> LeadChoices(MilestoneRecord milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return milestone.FormerLead is null ? [] : data.Reference.Agencies.SuccessorChoices(Ids(milestone.FormerLead), Today);
    }

    /// <summary>A coordinator gives a milestone to one of the successors of its former lead; the review flag clears.</summary>
    public async Task<Outcome> ChooseLeadAsync(long milestoneId, string? agency, string by, CancellationToken ct = default)
    {
        if (await MilestoneAsync(milestoneId, ct).ConfigureAwait(false) is not { } m)
        {
            return NoMilestone();
        }

        if (!AgencyId.TryParse(agency?.Trim(), out var chosen) || !data.Reference.Agencies.TryGet(chosen, out var named))
        {
            return Outcome.Refused($"Không có cơ quan mã \"{agency}\" trong danh bạ.");
        }

        return await runtime.ChooseLeadAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, chosen, by, ct).ConfigureAwait(false) is { } refusal
            ? Outcome.Refused(char.ToUpper(refusal[0], Invariant) + refusal[1..])
            : Outcome.Done($"Đã giao mốc {m.Number} cho {named.Name}; các lần nhắc sau gửi cơ quan này.");
    }

    private static AgencyId[] Ids(string? csv) =>
        csv is null ? [] : [.. MilestoneMapping.LeadIds(csv).Select(id => AgencyId.TryParse(id, out var a) ? a : default).Where(a => !a.IsDefault)];

    /// <summary>The imported plans, newest tracked year first.</summary>
    public async Task<IReadOnlyList<PlanRecord>> PlansAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Plans.AsNoTracking().OrderByDescending(p => p.TrackedYear).ThenBy(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes, reopens or archives a plan (the plan page's buttons and the API): the runtime's
    /// <see cref="WorkflowRuntime.ChangePlanStatusAsync"/>; a refusal says why and changes nothing.
    /// </summary>
    public async Task<Outcome> ChangePlanStatusAsync(string plan, PlanAction action, LocalDate? on, string? reason, bool fromArchive, string by, CancellationToken ct = default)
    {
        if (!PlanId.IsValid(plan))
        {
            return Outcome.NotFound($"Không có kế hoạch \"{plan}\".");
        }

        var result = await runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId(plan), action, on, reason, by, fromArchive), ct).ConfigureAwait(false);
        return new Outcome(result.Changed, result.Message, result.Unknown);
    }

    /// <summary>Every status change of a plan, newest first.</summary>
    public async Task<IReadOnlyList<PlanStatusRecord>> PlanHistoryAsync(string plan, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.PlanStatusHistory.AsNoTracking().Where(h => h.PlanId == plan).OrderByDescending(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One milestone and its plan, or null.</summary>
    private async Task<(MilestoneRecord Milestone, PlanRecord Plan)?> MilestoneAndPlanAsync(long id, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await (from m in db.Milestones.AsNoTracking()
                         join p in db.Plans.AsNoTracking() on m.PlanId equals p.Id
                         where m.Id == id
                         select new { m, p }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : (row.m, row.p);
    }

    /// <summary>One milestone, or null.</summary>
    public async Task<MilestoneRecord?> MilestoneAsync(long id, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The open milestones an agency leads in the plans of <paramref name="scope"/> (what its report page
    /// lists: the active plans unless asked), overdue and earliest due first, with the task each belongs
    /// to and any extension request still waiting for a decision.
    /// </summary>
    public async Task<IReadOnlyList<AgencyMilestone>> OpenMilestonesOfAsync(string agency, PlanScope scope = PlanScope.Active, CancellationToken ct = default)
    {
        var statuses = PlanStatuses.All.Where(s => scope.Includes(s)).ToList();
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        // One query, however many milestones the agency leads (no list of ids as SQL parameters):
        // the pending request comes by a left join, at most one a milestone (a unique index keeps it so).
        var rows = await (from m in db.Milestones.AsNoTracking().Where(MilestoneMapping.LedBy(agency))
                          join t in db.Tasks.AsNoTracking() on new { m.PlanId, m.TaskId } equals new { t.PlanId, t.TaskId }
                          join p in db.Plans.AsNoTracking() on m.PlanId equals p.Id
                          join r in db.ExtensionRequests.AsNoTracking().Where(x => x.Status == ExtensionStatus.Pending) on m.Id equals r.MilestoneId into pending
                          from r in pending.DefaultIfEmpty()
                          where m.DoneOn == null && m.Status != RunStatus.Finished && statuses.Contains(p.Status)
                          select new { m, t, p, r }).ToListAsync(ct).ConfigureAwait(false);

        // What needs the agency first: dated milestones by due date (the overdue ones lead), then
        // undated ones, then those still waiting for an event.
        return [.. rows.OrderBy(x => x.m.Status == RunStatus.Dormant).ThenBy(x => x.m.EffectiveDue is null).ThenBy(x => x.m.EffectiveDue).ThenBy(x => x.m.PlanId, StringComparer.Ordinal).ThenBy(x => x.t.Row)
            .Select(x => new AgencyMilestone(x.m, x.t, x.p, x.r))];
    }

    /// <summary>True when <paramref name="agency"/> leads milestone <paramref name="milestone"/>: an agency's link reaches its own milestones only.</summary>
    public static bool Leads(MilestoneRecord milestone, string agency)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return MilestoneMapping.LeadIds(milestone.Lead).Contains(agency, StringComparer.Ordinal);
    }

    /// <summary>
    /// Marks one milestone done on <paramref name="on"/>, a day between the milestone's start (its
    /// event, else the plan's issue date) and today; its reminders stop at once. A product reference
    /// or a note goes into the history.
    /// </summary>
    public async Task<Outcome> MarkDoneAsync(long milestoneId, LocalDate on, string? reference, string? note, string by, CancellationToken ct = default)
    {
        if ((InputLimits.TooLong(reference, limits.Reference, "Số, ký hiệu văn bản hoặc đường dẫn sản phẩm") ?? InputLimits.TooLong(note, limits.Note, "Ghi chú")) is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        if (await MilestoneAndPlanAsync(milestoneId, ct).ConfigureAwait(false) is not ({ } m, { } plan))
        {
            return NoMilestone();
        }

        if (on > Today)
        {
            return Outcome.Refused($"Ngày hoàn thành {Day(on)} còn ở tương lai: hãy ghi ngày đã hoàn thành.");
        }

        var (earliest, start) = InputLimits.EarliestDone(plan, m);
        if (on < earliest)
        {
            return Outcome.Refused($"Ngày hoàn thành {Day(on)} trước {start} ({Day(earliest)}): hãy ghi ngày đã hoàn thành, từ {Day(earliest)} đến hôm nay.");
        }

        if (m.DoneOn is not null)
        {
            return Outcome.Refused($"Mốc này đã được ghi nhận hoàn thành ngày {Day(StoredDates.Read(m.DoneOn.Value))}.");
        }

        var closed = await runtime.MarkDoneAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, on, by, ct).ConfigureAwait(false);
        if (closed == 0)
        {
            return Outcome.Refused("Mốc này không còn mở.");
        }

        var details = Join(reference is { Length: > 0 } ? $"sản phẩm: {reference.Trim()}" : null, note is { Length: > 0 } ? $"ghi chú: {note.Trim()}" : null);
        if (details is not null)
        {
            await AddHistoryAsync(milestoneId, "báo cáo hoàn thành", details, by, ct).ConfigureAwait(false);
        }

        return Outcome.Done($"Đã ghi nhận hoàn thành ngày {Day(on)}; việc nhắc hạn của mốc này đã dừng.");
    }

    /// <summary>Records the date of the event a dormant task waits for (between the plan's issue date and today); its chase starts from the date that follows.</summary>
    public async Task<Outcome> RecordEventAsync(string plan, string task, LocalDate on, string by, CancellationToken ct = default)
    {
        PlanRecord? p;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            p = await db.Plans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == plan, ct).ConfigureAwait(false);
            if (p is null || !await db.Tasks.AnyAsync(t => t.PlanId == plan && t.TaskId == task, ct).ConfigureAwait(false))
            {
                return Outcome.NotFound(p is null ? $"Không có kế hoạch \"{plan}\"." : $"Kế hoạch {p.Number ?? p.Id} không có nhiệm vụ \"{task}\".");
            }
        }

        if (on > Today)
        {
            return Outcome.Refused($"Ngày {Day(on)} còn ở tương lai: chỉ ghi nhận sự kiện đã xảy ra.");
        }

        if (on < InputLimits.EarliestEvent(p))
        {
            return Outcome.Refused($"Ngày {Day(on)} trước ngày ban hành kế hoạch ({Day(InputLimits.EarliestEvent(p))}): hãy ghi ngày sự kiện đã xảy ra, từ ngày đó đến hôm nay.");
        }

        var changed = await runtime.RecordEventAsync(new PlanId(plan), new TaskId(task), on, by, ct).ConfigureAwait(false);
        return changed == 0
            ? Outcome.Refused("Nhiệm vụ này không có mốc nào đang chờ sự kiện.")
            : Outcome.Done($"Đã ghi nhận sự kiện ngày {Day(on)}; {changed} mốc bắt đầu được theo dõi.");
    }

    /// <summary>A note on a milestone, in its timeline.</summary>
    public async Task<Outcome> AddNoteAsync(long milestoneId, string? text, string by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused("Ghi chú đang trống.");
        }

        if (InputLimits.TooLong(text, limits.Note, "Ghi chú") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        return await AddHistoryAsync(milestoneId, "ghi chú", text.Trim(), by, ct).ConfigureAwait(false)
            ? Outcome.Done("Đã thêm ghi chú.")
            : NoMilestone();
    }

    /// <summary>An agency's progress report ("đang thực hiện…"): recorded, the chase goes on.</summary>
    public async Task<Outcome> ReportProgressAsync(long milestoneId, string? text, string by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused("Hãy ghi tiến độ đã đạt được.");
        }

        if (InputLimits.TooLong(text, limits.Progress, "Báo cáo tiến độ") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        return await AddHistoryAsync(milestoneId, "báo cáo tiến độ", text.Trim(), by, ct).ConfigureAwait(false)
            ? Outcome.Done("Đã ghi nhận báo cáo tiến độ.")
            : NoMilestone();
    }

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

        if (await MilestoneAndPlanAsync(milestoneId, ct).ConfigureAwait(false) is not ({ } m, { } plan))
        {
            return NoMilestone();
        }

        if (m.DoneOn is not null || m.Status == RunStatus.Finished)
        {
            return Outcome.Refused("Mốc này đã kết thúc, không cần gia hạn.");
        }

        if (NewDueProblem(m, plan, newDue) is { } problem)
        {
            return Outcome.Refused(problem);
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

    /// <summary>
    /// A coordinator extends a milestone without a request (a decision taken elsewhere, a phone call).
    /// </summary>
    public async Task<Outcome> ExtendAsync(long milestoneId, LocalDate newDue, string? note, string by, CancellationToken ct = default)
    {
        if (InputLimits.TooLong(note, limits.Note, "Ghi chú") is { } tooLong)
        {
            return Outcome.Refused(tooLong);
        }

        if (await MilestoneAndPlanAsync(milestoneId, ct).ConfigureAwait(false) is not ({ } m, { } plan))
        {
            return NoMilestone();
        }

        if (m.DoneOn is not null || m.Status == RunStatus.Finished)
        {
            return Outcome.Refused("Mốc này đã kết thúc, không gia hạn được.");
        }

        if (NewDueProblem(m, plan, newDue) is { } problem)
        {
            return Outcome.Refused(problem);
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

    /// <summary>Emails the server gave up on (after every retry), newest first.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> DeadLettersAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Dead).OrderByDescending(o => o.Id).Take(500).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads an uploaded plan with the same checks as <c>workflow plan check</c>, within
    /// <see cref="PlanLimits.Default"/> (the upload is read up to its limit and no further); imports
    /// it only when nothing is wrong (nothing is half-imported). A re-import that would take
    /// milestones out of the plan imports nothing and lists them, unless <paramref name="allowRemoval"/>
    /// or <paramref name="confirmed"/> is the <see cref="PlanUpload.Fingerprint"/> of this very file
    /// (the page's confirmation of the list it showed). The file then joins the coordinator's plans in
    /// workflows/plans, as PLAN-ID.csv or .xlsx (replacing that plan's file), so that the designer's
    /// dry runs and a fresh database see it too.
    /// </summary>
    public async Task<PlanUpload> ImportAsync(Stream content, string fileName, string by, bool allowRemoval = false, string? confirmed = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = PlanLimits.Default;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + n > limits.MaxFileBytes)
            {
                return new PlanUpload(null, [limits.FileTooLarge(fileName, null)]);
            }

            copy.Write(buffer, 0, n);
        }

        var bytes = copy.ToArray();
        var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        copy.Position = 0;
        var read = PlanReader.Read(copy, fileName, data.Reference, limits, clock.Now.Year);
        if (read.Plan is not { } plan)
        {
            return new PlanUpload(null, read.Problems);
        }

        var result = await runtime.ImportAsync(plan, by, allowRemoval || string.Equals(confirmed, fingerprint, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
        if (!result.RemovalRefused)
        {
            await KeepPlanFileAsync(plan.Id.Value, Path.GetExtension(fileName), bytes, ct).ConfigureAwait(false);
        }

        return new PlanUpload(result, []) { Fingerprint = fingerprint, Warnings = read.Warnings };
    }

    /// <summary>Milestones a re-import took out of a plan, newest removal first, with their tasks.</summary>
    public async Task<IReadOnlyList<RemovedMilestone>> RemovedMilestonesAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await (from m in db.Milestones.AsNoTracking()
                          join t in db.Tasks.AsNoTracking() on new { m.PlanId, m.TaskId } equals new { t.PlanId, t.TaskId }
                          where m.Status == RunStatus.Finished && m.DoneOn == null
                          select new RemovedMilestone(m, t)).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Milestone.RemovedAtUtc).ThenBy(r => r.Milestone.PlanId, StringComparer.Ordinal).ThenBy(r => r.Task.Row).ThenBy(r => r.Milestone.Number)];
    }

    /// <summary>Puts a milestone a re-import took out of its plan back: it is chased again from today.</summary>
    public async Task<Outcome> RestoreAsync(long milestoneId, string by, CancellationToken ct = default)
    {
        if (await MilestoneAsync(milestoneId, ct).ConfigureAwait(false) is not { } m)
        {
            return NoMilestone();
        }

        if (m.Status != RunStatus.Finished || m.DoneOn is not null)
        {
            return Outcome.Refused("Mốc này không bị bỏ khỏi kế hoạch, không cần khôi phục.");
        }

        var restored = await runtime.RestoreAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, by, ct).ConfigureAwait(false);
        return restored == 0
            ? Outcome.Refused("Mốc này vừa được người khác khôi phục; hãy tải lại trang.")
            : Outcome.Done($"Đã khôi phục mốc {m.Number} của nhiệm vụ {m.TaskId} ({m.PlanId}) vào kế hoạch: mốc được theo dõi và nhắc hạn lại từ hôm nay.");
    }

    private async Task KeepPlanFileAsync(string planId, string extension, byte[] bytes, CancellationToken ct)
    {
        var folder = Path.Combine(data.Folder, "plans");
        Directory.CreateDirectory(folder);
        extension = extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ".xlsx" : ".csv";
        var target = Path.Combine(folder, planId + extension);
        var temporary = target + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
        var other = Path.Combine(folder, planId + (extension == ".csv" ? ".xlsx" : ".csv"));
        if (File.Exists(other))
        {
            File.Delete(other); // one file a plan: the one just imported
        }
    }

    /// <summary>", hạn hiệu lực …" when the new date is a day off and the due moves to the next working day; otherwise nothing.</summary>
    private async Task<string> EffectiveNoteAsync(long milestoneId, LocalDate due, CancellationToken ct) =>
        await MilestoneAsync(milestoneId, ct).ConfigureAwait(false) is { EffectiveDue: { } stored } && StoredDates.Read(stored) is var effective && effective != due
            ? $" (ngày nghỉ: hạn hiệu lực {Day(effective)}, ngày làm việc kế tiếp)"
            : string.Empty;

    private async Task<bool> AddHistoryAsync(long milestoneId, string what, string why, string by, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (!await db.Milestones.AnyAsync(m => m.Id == milestoneId, ct).ConfigureAwait(false))
        {
            return false;
        }

        db.History.Add(History(milestoneId, what, why, by));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }

    private HistoryRecord History(long milestoneId, string what, string why, string by) => new()
    {
        MilestoneId = milestoneId,
        At = clock.Now,
        What = what,
        Why = why,
        By = by,
        RecordedAtUtc = clock.RealNow,
    };

    /// <summary>
    /// Every step of a milestone (requests and decisions included: they are written to the history
    /// with them) and every email decided for it, in the order of the moments they are for.
    /// </summary>
    private List<TimelineEntry> Timeline(IEnumerable<HistoryRecord> history, IEnumerable<OutboxRecord> outbox)
    {
        var entries = history.Select(h => new TimelineEntry(h.At, h.What, h.Why, h.By, TimelineKind.Step)).ToList();
        entries.AddRange(outbox.Select(o => new TimelineEntry(o.At, KindName(o.Kind), Delivery(o), string.Join(", ", o.To.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AgencyName)), TimelineKind.Email)));
        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Kind)];
    }

    private static string Delivery(OutboxRecord o) => o.Status switch
    {
        OutboxStatus.Sent => $"đã gửi {(o.SentAtUtc is { } sent ? InVietnam(sent) : "—")}",
        OutboxStatus.Dead => $"gửi không được: {o.LastError}",
        _ => o.Attempts > 0 ? $"chờ gửi lại (lần {o.Attempts}: {o.LastError})" : "chờ gửi",
    };

    /// <summary>The Vietnamese name of a notification kind.</summary>
    public static string KindName(Notifications.NotificationKind kind) => kind switch
    {
        Notifications.NotificationKind.Reminder => "thư nhắc hạn",
        Notifications.NotificationKind.Overdue => "thư báo quá hạn",
        Notifications.NotificationKind.Email => "thư do quy trình gửi",
        _ => "báo cáo Sở Nội vụ",
    };

    private static Outcome NoMilestone() => Outcome.NotFound("Không có mốc hạn này.");

    private static string? Join(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() is { Count: > 0 } list ? string.Join("; ", list) : null;

    /// <summary>A real instant (when something was recorded), as "dd/MM/yyyy HH:mm" in Vietnam.</summary>
    public static string InVietnam(Instant instant) =>
        instant.InZone(RuntimeClock.Vietnam).ToString("dd/MM/yyyy HH:mm", Invariant);

    /// <summary>dd/MM/yyyy, as every Vietnamese document writes a date (<see cref="PlanLifecycle.Day(LocalDate)"/>, the runtime's own).</summary>
    public static string Day(LocalDate day) => PlanLifecycle.Day(day);

    /// <summary>dd/MM/yyyy, or an em dash for no date.</summary>
    public static string Day(LocalDate? day) => PlanLifecycle.Day(day);

    /// <summary>A stored date column (what the pages show of a record) as <see cref="Day(LocalDate?)"/> writes it.</summary>
    public static string Day(DateOnly? stored) => Day(StoredDates.Read(stored));
}

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
