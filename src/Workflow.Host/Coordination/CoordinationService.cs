using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Coordination;

/// <summary>
/// What coordinators and agencies do to milestones, for the pages and the API alike: mark done,
/// record an event, ask for and decide extensions, report progress, add notes, retry dead letters,
/// import a plan. Every change records who and when in the milestone's history; changes of the
/// workflow itself go through <see cref="WorkflowRuntime"/>, never around it.
/// </summary>
public sealed partial class CoordinationService(IDbContextFactory<WorkflowDbContext> databases, WorkflowRuntime runtime, WorkflowsData data, RuntimeClock clock, InputLimits? limits = null)
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
        var history = await MilestoneSteps.ReadAsync(db, milestones, ct).ConfigureAwait(false);
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
    /// lists: the active plans unless asked), most urgent first (<see cref="OpenOf"/>), with the task each
    /// belongs to and any extension request still waiting for a decision.
    /// </summary>
    public async Task<IReadOnlyList<AgencyMilestone>> OpenMilestonesOfAsync(string agency, PlanScope scope = PlanScope.Active, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await OpenOf(db, agency, scope).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of <see cref="OpenMilestonesOfAsync"/>, <paramref name="pageSize"/>
    /// milestones a page, counted and cut by the database: a department leading thousands of milestones
    /// costs one page of rows, not all of them. A page past the last gives the last page (reporting
    /// milestones done from the last page can empty it); a page below 1 gives the first.
    /// </summary>
    public async Task<AgencyMilestonePage> OpenMilestonesPageAsync(string agency, PlanScope scope, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var open = OpenOf(db, agency, scope);
        var total = await open.CountAsync(ct).ConfigureAwait(false);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var shown = Math.Clamp(page, 1, pages);
        var rows = await open.Skip((shown - 1) * pageSize).Take(pageSize).ToListAsync(ct).ConfigureAwait(false);
        return new AgencyMilestonePage(rows, total, shown, pages);
    }

    /// <summary>
    /// An agency's open milestones as one query, however many it leads (no list of ids as SQL parameters;
    /// the pending request comes by a left join, at most one a milestone, which a unique index keeps so),
    /// in a total order: what needs the agency first, i.e. dated milestones by due date (the overdue ones
    /// lead), then undated ones, then those still waiting for an event; ties by plan, task row,
    /// milestone number and id, so that pages never share or skip a milestone.
    /// </summary>
    private static IQueryable<AgencyMilestone> OpenOf(WorkflowDbContext db, string agency, PlanScope scope)
    {
        var statuses = PlanStatuses.All.Where(s => scope.Includes(s)).ToList();
        return from m in db.Milestones.AsNoTracking().Where(MilestoneMapping.LedBy(agency))
               join t in db.Tasks.AsNoTracking() on new { m.PlanId, m.TaskId } equals new { t.PlanId, t.TaskId }
               join p in db.Plans.AsNoTracking() on m.PlanId equals p.Id
               join r in db.ExtensionRequests.AsNoTracking().Where(x => x.Status == ExtensionStatus.Pending) on m.Id equals r.MilestoneId into pending
               from r in pending.DefaultIfEmpty()
               where m.DoneOn == null && m.Status != RunStatus.Finished && statuses.Contains(p.Status)
               orderby m.Status == RunStatus.Dormant, m.EffectiveDue == null, m.EffectiveDue, m.PlanId, t.Row, m.Number, m.Id
               select new AgencyMilestone(m, t, p, r);
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

    /// <summary>Emails the server gave up on (after every retry), newest first.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> DeadLettersAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Dead).OrderByDescending(o => o.Id).Take(500).ToListAsync(ct).ConfigureAwait(false);
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
