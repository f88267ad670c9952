using NodaTime;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Api;

/// <summary>The coordinators' actions as JSON: the same <see cref="CoordinationService"/> the pages call.</summary>
internal static class CoordinationApi
{
    public sealed record DoneRequest(DateOnly? On, string? Reference, string? Note);

    public sealed record EventRequest(DateOnly On);

    public sealed record NoteRequest(string Text);

    public sealed record ExtendRequest(DateOnly NewDue, string? Note);

    public sealed record DecisionRequest(string? Note);

    public sealed record OutcomeDto(bool Ok, string Message);

    public sealed record TimelineDto(string At, string What, string Details, string By, string Kind);

    public sealed record ExtensionDto(long Id, long MilestoneId, string PlanId, string TaskId, string Activity, DateOnly CurrentDue, DateOnly RequestedDue, string Reason, string RequestedBy, DateTime RequestedAtUtc, string Status, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionNote);

    public sealed record MilestoneDto(long Id, int Number, string? Label, DateOnly? PlannedDue, DateOnly? Due, DateOnly? EffectiveDue, DateOnly? DoneOn, DateOnly? EventOn, bool Extended, string Status, string DefinitionId, int DefinitionVersion, IReadOnlyList<string> Lead, IReadOnlyList<TimelineDto> Timeline, IReadOnlyList<ExtensionDto> Extensions);

    public sealed record TaskDto(string PlanId, string PlanNumber, string TaskId, string? Group, string Activity, string? Product, string LeadCell, string Deadline, string ScheduleKind, IReadOnlyList<MilestoneDto> Milestones);

    public sealed record DeadLetterDto(long Id, string Kind, string At, string PlanId, string TaskId, int Milestone, string To, int Attempts, string? LastError);

    public sealed record UploadDto(bool Imported, string? Plan, int Created, int Rescheduled, int Removed, int Unchanged, IReadOnlyList<ProblemDto> Problems);

    public sealed record ProblemDto(string File, int? Row, string? Column, string Message);

    public static void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/plans/{plan}/tasks").WithTags("Nhiệm vụ");
        tasks.MapGet("/{task}", async (string plan, string task, CoordinationService service, CancellationToken ct) =>
                await service.TaskAsync(plan, task, ct).ConfigureAwait(false) is { } detail ? Results.Ok(ToDto(detail)) : Results.NotFound())
            .WithSummary("Một nhiệm vụ: các mốc hạn và dòng thời gian của từng mốc (nhắc hạn, quá hạn, báo cáo, quyết định).");
        tasks.MapPost("/{task}/event", async (string plan, string task, EventRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.RecordEventAsync(plan, task, LocalDate.FromDateOnly(body.On), await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Ghi nhận ngày xảy ra sự kiện mà nhiệm vụ chờ (ví dụ: Trung ương công bố).");

        var milestones = api.MapGroup("/milestones/{id:long}").WithTags("Mốc hạn");
        milestones.MapPost("/done", async (long id, DoneRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.MarkDoneAsync(id, body.On is { } on ? LocalDate.FromDateOnly(on) : service.Today, body.Reference, body.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Ghi nhận mốc đã hoàn thành (mặc định hôm nay); nhắc hạn dừng ngay.");
        milestones.MapPost("/notes", async (long id, NoteRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.AddNoteAsync(id, body.Text, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Thêm ghi chú vào dòng thời gian của mốc.");
        milestones.MapPost("/extension", async (long id, ExtendRequest body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.ExtendAsync(id, LocalDate.FromDateOnly(body.NewDue), body.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Gia hạn trực tiếp một mốc (không qua đề nghị của đơn vị).");

        var extensions = api.MapGroup("/extensions").WithTags("Gia hạn");
        extensions.MapGet("/", async (CoordinationService service, CancellationToken ct) =>
                (await service.PendingExtensionsAsync(ct).ConfigureAwait(false)).Select(v => ToDto(v.Request, v.Milestone, v.Task)).ToList())
            .WithSummary("Các đề nghị gia hạn đang chờ quyết định.");
        extensions.MapPost("/{id:long}/approve", async (long id, DecisionRequest? body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.DecideExtensionAsync(id, approve: true, body?.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Duyệt đề nghị gia hạn: mốc chuyển sang hạn mới, lịch nhắc tính lại.");
        extensions.MapPost("/{id:long}/refuse", async (long id, DecisionRequest? body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Answer(await service.DecideExtensionAsync(id, approve: false, body?.Note, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
            .WithSummary("Từ chối đề nghị gia hạn: hạn cũ giữ nguyên.");

        var outbox = api.MapGroup("/outbox").WithTags("Thư");
        outbox.MapGet("/dead", async (CoordinationService service, CancellationToken ct) =>
                (await service.DeadLettersAsync(ct).ConfigureAwait(false)).Select(o => new DeadLetterDto(o.Id, o.Kind.ToString(), o.At, o.PlanId, o.TaskId, o.Milestone, o.To, o.Attempts, o.LastError)).ToList())
            .WithSummary("Thư không gửi được sau mọi lần thử.");
        outbox.MapPost("/dead/retry", async (Delivery.OutboxSender sender, CancellationToken ct) =>
                Results.Ok(new OutcomeDto(true, $"Đã đưa {await sender.RetryDeadAsync(ct).ConfigureAwait(false)} thư trở lại hàng đợi gửi.")))
            .WithSummary("Gửi lại mọi thư không gửi được.");

        api.MapPost("/plans/import", async (IFormFile file, CoordinationService service, HttpContext http, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return ToDto(await service.ImportAsync(stream, file.FileName, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false));
            })
            .WithTags("Kế hoạch")
            .WithSummary("Nhập (hoặc nhập lại) một kế hoạch CSV/XLSX với cùng các kiểm tra như \"workflow plan check\"; có lỗi thì không nhập gì.");
    }

    internal static IResult Answer(Outcome outcome) =>
        outcome.Ok ? Results.Ok(new OutcomeDto(true, outcome.Message)) : Results.UnprocessableEntity(new OutcomeDto(false, outcome.Message));

    internal static UploadDto ToDto(PlanUpload upload) => upload.Imported is { } r
        ? new UploadDto(true, r.Plan, r.Created, r.Rescheduled, r.Removed, r.Unchanged, [])
        : new UploadDto(false, null, 0, 0, 0, 0, [.. upload.Problems.Select(p => new ProblemDto(p.File, p.Row, p.Column, p.Message))]);

    internal static TaskDto ToDto(TaskDetail d) => new(
        d.Plan.Id, d.Plan.Number ?? d.Plan.Id, d.Task.TaskId, d.Task.Group, d.Task.Activity, d.Task.Product, d.Task.LeadCell, d.Task.Deadline, d.Task.ScheduleKind,
        [.. d.Milestones.Select(m => new MilestoneDto(
            m.Milestone.Id, m.Milestone.Number, m.Milestone.Label, m.Milestone.PlannedDue, m.Milestone.Due, m.Milestone.EffectiveDue, m.Milestone.DoneOn, m.Milestone.EventOn,
            m.Milestone.Extended, m.Milestone.Status.ToString(), m.Milestone.DefinitionId, m.Milestone.DefinitionVersion, m.Milestone.Lead.Split(',', StringSplitOptions.RemoveEmptyEntries),
            [.. m.Timeline.Select(e => new TimelineDto(e.At, e.What, e.Why, e.By, e.Kind.ToString()))],
            [.. m.Requests.Select(r => ToDto(r, m.Milestone, d.Task))]))]);

    internal static ExtensionDto ToDto(ExtensionRequestRecord r, MilestoneRecord m, TaskRecord t) => new(
        r.Id, r.MilestoneId, m.PlanId, m.TaskId, t.Activity, r.CurrentDue, r.RequestedDue, r.Reason, r.RequestedBy, r.RequestedAtUtc, r.Status.ToString(), r.DecidedBy, r.DecidedAtUtc, r.DecisionNote);
}
