using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Api;

/// <summary>
/// The agency report page as JSON, for an agency's own systems: every call carries the agency's
/// signed link parameters (het-han, chu-ky) instead of a login, and reaches that agency's milestones only.
/// </summary>
internal static class AgencyApi
{
    public sealed record AgencyMilestoneDto(long Id, string PlanId, string PlanNumber, string TaskId, string Activity, string? Product, string? Label, DateOnly? Due, string Status, bool ExtensionPending);

    public sealed record DoneRequest(DateOnly? On = null, string? Reference = null, string? Note = null);

    public sealed record ProgressRequest(string Text);

    public sealed record ExtensionRequest(DateOnly NewDue, string Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var agency = api.MapGroup("/{agency}").AllowAnonymous().WithTags("Đơn vị báo cáo (đường dẫn ký số)");
        agency.MapGet("/milestones", async (string agency, [FromQuery(Name = AgencyLink.ExpiresParameter)] string? expires, [FromQuery(Name = AgencyLink.SignatureParameter)] string? signature, [FromQuery] string? plans, CoordinationService service, HttpContext http, CancellationToken ct) =>
            {
                if (AgencyLink.Check(http, agency, expires, signature) is { } problem)
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: problem);
                }

                if (ProgressApi.Scope(plans) is not { } scope)
                {
                    return ProgressApi.BadScope(plans);
                }

                var open = await service.OpenMilestonesOfAsync(agency, scope, ct).ConfigureAwait(false);
                return Results.Ok(open.Select(m => new AgencyMilestoneDto(m.Milestone.Id, m.Plan.Id, m.Plan.Number ?? m.Plan.Id, m.Task.TaskId, m.Task.Activity, m.Task.Product, m.Milestone.Label, m.Milestone.EffectiveDue, m.Milestone.Status.ToString(), m.PendingRequest is not null)).ToList());
            })
            .WithSummary("Các mốc hạn còn mở mà đơn vị chủ trì, trong các kế hoạch đang theo dõi (plans = active, \"active,closed\", closed, archived hoặc all).");
        agency.MapPost("/milestones/{id:long}/done", (string agency, long id, DoneRequest body, [FromQuery(Name = AgencyLink.ExpiresParameter)] string? expires, [FromQuery(Name = AgencyLink.SignatureParameter)] string? signature, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Act(http, service, agency, id, expires, signature, by => service.MarkDoneAsync(id, body.On is { } on ? LocalDate.FromDateOnly(on) : service.Today, body.Reference, body.Note, by, ct), ct))
            .WithSummary("Báo cáo hoàn thành (số/ký hiệu văn bản hoặc đường dẫn sản phẩm, ghi chú); nhắc hạn dừng ngay.");
        agency.MapPost("/milestones/{id:long}/progress", (string agency, long id, ProgressRequest body, [FromQuery(Name = AgencyLink.ExpiresParameter)] string? expires, [FromQuery(Name = AgencyLink.SignatureParameter)] string? signature, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Act(http, service, agency, id, expires, signature, by => service.ReportProgressAsync(id, body.Text, by, ct), ct))
            .WithSummary("Báo cáo tiến độ; nhắc hạn vẫn tiếp tục.");
        agency.MapPost("/milestones/{id:long}/extension", (string agency, long id, ExtensionRequest body, [FromQuery(Name = AgencyLink.ExpiresParameter)] string? expires, [FromQuery(Name = AgencyLink.SignatureParameter)] string? signature, CoordinationService service, HttpContext http, CancellationToken ct) =>
                Act(http, service, agency, id, expires, signature, by => service.RequestExtensionAsync(id, LocalDate.FromDateOnly(body.NewDue), body.Reason, by, ct), ct))
            .WithSummary("Đề nghị gia hạn (hạn mới, lý do); chờ Sở Nội vụ quyết định.");
    }

    private static async Task<IResult> Act(HttpContext http, CoordinationService service, string agency, long id, string? expires, string? signature, Func<string, Task<Outcome>> action, CancellationToken ct)
    {
        if (AgencyLink.Check(http, agency, expires, signature) is { } problem)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: problem);
        }

        if (await service.MilestoneAsync(id, ct).ConfigureAwait(false) is not { } milestone || !CoordinationService.Leads(milestone, agency))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không có mốc hạn này trong các việc đơn vị chủ trì.");
        }

        return CoordinationApi.Answer(await action(Who.Agency(service.AgencyName(agency))).ConfigureAwait(false));
    }
}
