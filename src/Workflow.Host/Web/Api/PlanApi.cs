using Workflow.Host.Coordination;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;

namespace Workflow.Host.Web.Api;

/// <summary>The plans and their life as JSON: what <c>workflow plan list|close|reopen|archive</c> and the plan page do.</summary>
internal static class PlanApi
{
    public sealed record PlanDto(string Plan, string? Number, string Title, int Year, string Years, string Status, DateOnly? StatusOn, string? StatusBy, string? StatusReason, DateOnly? LastDay, int Milestones);

    /// <summary>A status change: its day (today when missing), its reason, and for a reopen whether an archived plan may be reopened.</summary>
    public sealed record StatusRequest(DateOnly? On, string? Reason, bool FromArchive = false);

    public static void Map(RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Kế hoạch");
        plans.MapGet("/", async (ProgressQueries queries, WorkflowRuntime runtime, CancellationToken ct) =>
                (await queries.PlanListAsync(runtime.DefaultClosing, ct).ConfigureAwait(false)).Select(p => new PlanDto(
                    p.PlanId, p.Number, p.Title, p.Year, p.Years, PlanStatuses.Key(p.Status), p.StatusOn?.ToDateOnly(), p.StatusBy, p.StatusReason, p.LastDay?.ToDateOnly(), p.Milestones)).ToList())
            .WithSummary("Các kế hoạch: năm theo dõi, trạng thái (active, closed, archived: ai, ngày nào, vì sao), ngày cuối cùng được nhắc, số mốc.");
        foreach (var (path, action, summary) in new[]
        {
            ("close", PlanAction.Close, "Đóng kế hoạch: ngừng nhắc mọi mốc còn mở; mọi mốc vẫn có trong báo cáo và dòng thời gian."),
            ("reopen", PlanAction.Reopen, "Mở lại kế hoạch: nhắc lại các mốc còn mở từ hôm nay (một thông báo quá hạn, không gửi bù); kế hoạch đã lưu trữ cần fromArchive = true."),
            ("archive", PlanAction.Archive, "Lưu trữ kế hoạch: như đóng, và ẩn khỏi các trang mặc định."),
        })
        {
            plans.MapPost("/{plan}/" + path, async (string plan, StatusRequest? body, CoordinationService service, HttpContext http, CancellationToken ct) =>
                    CoordinationApi.Answer(await service.ChangePlanStatusAsync(plan, action, body?.On is { } on ? NodaTime.LocalDate.FromDateOnly(on) : null, body?.Reason, body?.FromArchive ?? false, await Who.CoordinatorAsync(http).ConfigureAwait(false), ct).ConfigureAwait(false)))
                .WithSummary(summary);
        }
    }
}
