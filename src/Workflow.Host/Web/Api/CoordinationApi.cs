using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Api;

/// <summary>The coordinators' actions as JSON: the same <see cref="CoordinationService"/> the pages call.</summary>
internal static class CoordinationApi
{
    public sealed record DoneRequest(DateOnly? On = null, string? Reference = null, string? Note = null);

    public sealed record EventRequest(DateOnly On);

    public sealed record NoteRequest(string Text);

    public sealed record ExtendRequest(DateOnly NewDue, string? Note = null);

    public sealed record DecisionRequest(string? Note = null);

    public sealed record LeadRequest(string Agency);

    public sealed record OutcomeDto(bool Ok, string Message);

    public sealed record TimelineDto(string At, string What, string Details, string By, string Kind);

    public sealed record ExtensionDto(long Id, long MilestoneId, string PlanId, string TaskId, string Activity, DateOnly CurrentDue, DateOnly RequestedDue, string Reason, string RequestedBy, DateTime RequestedAtUtc, string Status, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionNote);

    public sealed record MilestoneDto(long Id, int Number, string? Label, DateOnly? PlannedDue, DateOnly? Due, DateOnly? EffectiveDue, DateOnly? DoneOn, DateOnly? EventOn, bool Extended, string Status, string DefinitionId, int DefinitionVersion, IReadOnlyList<string> Lead, IReadOnlyList<TimelineDto> Timeline, IReadOnlyList<ExtensionDto> Extensions)
    {
        /// <summary>True when a re-import took the milestone out of its plan ("đã bỏ khỏi kế hoạch"); POST …/restore puts it back.</summary>
        public bool Removed { get; init; }

        /// <summary>When it was taken out (UTC), and by whom.</summary>
        public DateTime? RemovedAtUtc { get; init; }

        public string? RemovedBy { get; init; }

        /// <summary>The lead the plan named, once its duties passed to successors (<see cref="Lead"/> is who is chased now).</summary>
        public IReadOnlyList<string> FormerLead { get; init; } = [];

        /// <summary>The lead as people read it: "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)".</summary>
        public string LeadName { get; init; } = string.Empty;

        /// <summary>The former lead's duties were divided: a coordinator should pick one of <see cref="LeadChoices"/> (POST …/lead).</summary>
        public bool LeadReview { get; init; }

        public IReadOnlyList<string> LeadChoices { get; init; } = [];
    }

    public sealed record RemovalDto(string Task, int Milestone, string? Label, DateOnly? Due, string Activity);

    public sealed record RemovedMilestoneDto(long Id, string PlanId, string TaskId, int Number, string? Label, string Activity, DateOnly? Due, DateTime? RemovedAtUtc, string? RemovedBy);

    public sealed record TaskDto(string PlanId, string PlanNumber, string TaskId, string? Group, string Activity, string? Product, string LeadCell, string Deadline, string ScheduleKind, IReadOnlyList<MilestoneDto> Milestones);

    public sealed record DeadLetterDto(long Id, string Kind, string At, string PlanId, string TaskId, int Milestone, string To, int Attempts, string? LastError);

    /// <summary>An imported plan file: what the import did (a refused file is a problem JSON instead, with its <see cref="ProblemDto"/> list).</summary>
    public sealed record UploadDto(bool Imported, string Plan, int Created, int Rescheduled, int Removed, int Unchanged)
    {
        /// <summary>The milestones the file took out of the plan.</summary>
        public IReadOnlyList<RemovalDto> Removals { get; init; } = [];

        /// <summary>Cells with two possible readings, imported with the one a coordinator would choose: to confirm.</summary>
        public IReadOnlyList<ProblemDto> Warnings { get; init; } = [];
    }

    public sealed record ProblemDto(string File, int? Row, string? Column, string Message);

    /// <summary>Maps the coordinators' actions; <paramref name="bodyLimit"/> bounds their request bodies (the plan upload has its own).</summary>
    public static void Map(RouteGroupBuilder api, Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata bodyLimit)
    {
        var tasks = api.MapGroup("/plans/{plan}/tasks").WithTags("Nhiệm vụ").WithMetadata(bodyLimit);
        tasks.MapGet("/{task}", async (string plan, string task, CoordinationService service, CancellationToken ct) =>
                await service.TaskAsync(plan, task, ct).ConfigureAwait(false) is { } detail ? Results.Ok(ToDto(detail, service)) : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Không có nhiệm vụ \"{task}\" trong kế hoạch \"{plan}\"."))
            .WithSummary("Một nhiệm vụ: các mốc hạn và dòng thời gian của từng mốc (nhắc hạn, quá hạn, báo cáo, quyết định).");
        tasks.MapPost("/{task}/event", async (string plan, string task, EventRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.RecordEventAsync(plan, task, LocalDate.FromDateOnly(body.On), await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Ghi nhận ngày xảy ra sự kiện mà nhiệm vụ chờ (ví dụ: Trung ương công bố).");

        var milestones = api.MapGroup("/milestones/{id:long}").WithTags("Mốc hạn").WithMetadata(bodyLimit);
        milestones.MapPost("/done", async (long id, DoneRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.MarkDoneAsync(id, body.On is { } on ? LocalDate.FromDateOnly(on) : service.Today, body.Reference, body.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Ghi nhận mốc đã hoàn thành (mặc định hôm nay); nhắc hạn dừng ngay.");
        milestones.MapPost("/notes", async (long id, NoteRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.AddNoteAsync(id, body.Text, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Thêm ghi chú vào dòng thời gian của mốc.");
        milestones.MapPost("/lead", async (long id, LeadRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.ChooseLeadAsync(id, body.Agency, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Chọn cơ quan kế nhiệm chủ trì mốc khi nhiệm vụ của cơ quan cũ được chia cho nhiều cơ quan (leadChoices); cờ cần xem xét được gỡ.");
        milestones.MapPost("/extension", async (long id, ExtendRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.ExtendAsync(id, LocalDate.FromDateOnly(body.NewDue), body.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Gia hạn trực tiếp một mốc (không qua đề nghị của đơn vị).");

        var extensions = api.MapGroup("/extensions").WithTags("Gia hạn").WithMetadata(bodyLimit);
        extensions.MapGet("/", async (CoordinationService service, CancellationToken ct) =>
                (await service.PendingExtensionsAsync(ct).ConfigureAwait(false)).Select(v => ToDto(v.Request, v.Milestone, v.Task)).ToList())
            .WithSummary("Các đề nghị gia hạn đang chờ quyết định.");
        extensions.MapPost("/{id:long}/approve", async (long id, DecisionRequest? body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.DecideExtensionAsync(id, approve: true, body?.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Duyệt đề nghị gia hạn: mốc chuyển sang hạn mới, lịch nhắc tính lại.");
        extensions.MapPost("/{id:long}/refuse", async (long id, DecisionRequest? body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.DecideExtensionAsync(id, approve: false, body?.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Từ chối đề nghị gia hạn: hạn cũ giữ nguyên.");

        var outbox = api.MapGroup("/outbox").WithTags("Thư").WithMetadata(bodyLimit);
        outbox.MapGet("/dead", async (CoordinationService service, CancellationToken ct) =>
                (await service.DeadLettersAsync(ct).ConfigureAwait(false)).Select(o => new DeadLetterDto(o.Id, o.Kind.ToString(), MilestoneMapping.Moment.Format(o.At), o.PlanId, o.TaskId, o.Milestone, o.To, o.Attempts, o.LastError)).ToList())
            .WithSummary("Thư không gửi được sau mọi lần thử.");
        outbox.MapPost("/dead/retry", async (Workflow.Notifications.Delivery.OutboxSender sender, CancellationToken ct) =>
                Results.Ok(new OutcomeDto(true, $"Đã đưa {await sender.RetryDeadAsync(ct).ConfigureAwait(false)} thư trở lại hàng đợi gửi.")))
            .WithSummary("Gửi lại mọi thư không gửi được.");

        api.MapPost("/plans/import", async (IFormFile file, bool? allowRemoval, CoordinationService service, HttpContext http, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var upload = await service.ImportAsync(stream, file.FileName, await Who.CoordinatorAsync(http).ConfigureAwait(false), allowRemoval == true, ct: ct).ConfigureAwait(false);
                if (upload.Imported is { RemovalRefused: true } refused)
                {
                    // Nothing imported: the file would end milestones still chased. The list comes back; sending it again with ?allowRemoval=true confirms.
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nhập lại sẽ bỏ các mốc đang theo dõi khỏi kế hoạch",
                        detail: $"Tệp {Path.GetFileName(file.FileName)} không còn {refused.Removals.Count} mốc đang được theo dõi của kế hoạch {refused.Plan}; chưa nhập gì. Nếu đúng là các mốc này đã bỏ khỏi kế hoạch, gửi lại với ?allowRemoval=true (các mốc bị bỏ vẫn xem được và khôi phục được).",
                        extensions: new Dictionary<string, object?> { ["plan"] = refused.Plan, ["removals"] = refused.Removals.Select(ToDto).ToList() });
                }

                if (upload.Imported is not { } imported)
                {
                    // Nothing imported: the file has problems, each with its row and column, as `workflow plan check` lists them.
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Tệp {Path.GetFileName(file.FileName)} có {upload.Problems.Count} lỗi; chưa nhập gì.",
                        detail: "Sửa các ô được liệt kê trong \"problems\" (tệp, dòng, cột, lỗi) rồi tải lên lại.",
                        extensions: new Dictionary<string, object?> { ["imported"] = false, ["problems"] = upload.Problems.Select(ToDto).ToList() });
                }

                return Results.Ok(new UploadDto(true, imported.Plan, imported.Created, imported.Rescheduled, imported.Removed, imported.Unchanged) { Removals = [.. imported.Removals.Select(ToDto)], Warnings = [.. upload.Warnings.Select(ToDto)] });
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(BodyLimits.PlanUpload))
            .WithTags("Kế hoạch")
            .WithSummary("Nhập (hoặc nhập lại) một kế hoạch CSV/XLSX với cùng các kiểm tra như \"workflow plan check\"; có lỗi thì không nhập gì: 400 với danh sách lỗi (problems: tệp, dòng, cột, lỗi); tệp quá 10 MB: 413. Nhập được: 200, kèm warnings (ô thời hạn có hai cách đọc, cần xác nhận). Nhập lại mà tệp không còn mốc đang theo dõi: 409 với danh sách các mốc đó và không nhập gì, trừ khi ?allowRemoval=true.");

        api.MapGet("/plans/removed", async (CoordinationService service, CancellationToken ct) =>
                (await service.RemovedMilestonesAsync(ct).ConfigureAwait(false)).Select(r => new RemovedMilestoneDto(
                    r.Milestone.Id, r.Milestone.PlanId, r.Milestone.TaskId, r.Milestone.Number, r.Milestone.Label, r.Task.Activity, r.Milestone.EffectiveDue ?? r.Milestone.Due, r.Milestone.RemovedAtUtc?.ToDateTimeUtc(), r.Milestone.RemovedBy)).ToList())
            .WithTags("Kế hoạch")
            .WithSummary("Các mốc đã bỏ khỏi kế hoạch khi nhập lại (ai, khi nào); khôi phục bằng POST /api/milestones/{id}/restore.");
        milestones.MapPost("/restore", async (long id, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.RestoreAsync(id, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Khôi phục một mốc đã bỏ khỏi kế hoạch: mốc được theo dõi và nhắc hạn lại từ hôm nay.");
    }

    internal static ProblemDto ToDto(PlanProblem p) => new(p.File, p.Row, p.Column, p.Message);

    internal static RemovalDto ToDto(Runtime.MilestoneRemoval r) => new(r.Task, r.Milestone, r.Label, r.Due?.ToDateOnly(), r.Activity);

    /// <summary>A done action as {"ok", "message"}; a refusal as a problem JSON, 400 (404 when what it names does not exist) with the Vietnamese reason as its title.</summary>
    internal static IResult Answer(Outcome outcome) =>
        outcome.Ok ? Results.Ok(new OutcomeDto(true, outcome.Message))
            : Results.Problem(statusCode: outcome.Missing ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, title: outcome.Message);

    internal static TaskDto ToDto(TaskDetail d, CoordinationService service) => new(
        d.Plan.Id, d.Plan.Number ?? d.Plan.Id, d.Task.TaskId, d.Task.Group, d.Task.Activity, d.Task.Product, d.Task.LeadCell, d.Task.Deadline, d.Task.ScheduleKind.ToString(),
        [.. d.Milestones.Select(m => new MilestoneDto(
            m.Milestone.Id, m.Milestone.Number, m.Milestone.Label, m.Milestone.PlannedDue, m.Milestone.Due, m.Milestone.EffectiveDue, m.Milestone.DoneOn, m.Milestone.EventOn,
            m.Milestone.Extended, m.Milestone.Status.ToString(), m.Milestone.DefinitionId, m.Milestone.DefinitionVersion, m.Milestone.Lead.Split(',', StringSplitOptions.RemoveEmptyEntries),
            [.. m.Timeline.Select(e => new TimelineDto(MilestoneMapping.Moment.Format(e.At), e.What, e.Why, e.By, e.Kind.ToString()))],
            [.. m.Requests.Select(r => ToDto(r, m.Milestone, d.Task))])
        {
            Removed = m.Milestone.Status == Runtime.RunStatus.Finished && m.Milestone.DoneOn is null,
            RemovedAtUtc = m.Milestone.RemovedAtUtc?.ToDateTimeUtc(),
            RemovedBy = m.Milestone.RemovedBy,
            FormerLead = m.Milestone.FormerLead is null ? [] : MilestoneMapping.LeadIds(m.Milestone.FormerLead),
            LeadName = service.DescribeLead(m.Milestone),
            LeadReview = m.Milestone.LeadReview,
            LeadChoices = [.. service.LeadChoices(m.Milestone).Select(a => a.Id.ToString())],
        })]);

    internal static ExtensionDto ToDto(ExtensionRequestRecord r, MilestoneRecord m, TaskRecord t) => new(
        r.Id, r.MilestoneId, m.PlanId, m.TaskId, t.Activity, r.CurrentDue, r.RequestedDue, r.Reason, r.RequestedBy, r.RequestedAtUtc.ToDateTimeUtc(), r.Status.ToString(), r.DecidedBy, r.DecidedAtUtc?.ToDateTimeUtc(), r.DecisionNote);
}
