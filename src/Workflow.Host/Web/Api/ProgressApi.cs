using Microsoft.AspNetCore.Mvc;
using Workflow.Host.Coordination;
using Workflow.Host.Progress;

namespace Workflow.Host.Web.Api;

/// <summary>Where the plans stand, as JSON (and the quarterly report as XLSX or CSV): the same <see cref="ProgressQueries"/> the pages use.</summary>
internal static class ProgressApi
{
    public sealed record CountsDto(int NotYetDue, int DueSoon, int Overdue, int Done, int Dormant, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Total, double? OnTimeRate, double? Completion);

    public sealed record PlanDto(string PlanId, string? Number, string Title, int TrackedYear, string Status, CountsDto Counts);

    public sealed record OverviewDto(DateOnly Today, CountsDto Total, IReadOnlyList<PlanDto> Plans);

    public sealed record QuarterDto(int Year, int Quarter, string Label, CountsDto Counts);

    public sealed record AgencyDto(string AgencyId, string Name, CountsDto Counts);

    public sealed record TaskRowDto(string PlanId, string TaskId, int Milestone, string Activity, string? Product, string? Label, DateOnly? Due, DateOnly? DoneOn, string State, IReadOnlyList<string> Lead);

    /// <summary>A page of the task list; <paramref name="Next"/> is the position to read the page after from (<c>after=</c>),
    /// null when this page is not full (nothing follows).</summary>
    public sealed record TaskPageDto(int Total, int Skip, int Take, IReadOnlyList<TaskRowDto> Rows, string? Next);

    public sealed record CriterionDto(string PlanId, string Code, string? Text, decimal? MaxScore, decimal? PreviousScore, CountsDto Counts);

    public sealed record ReportDto(int Year, string Period, DateOnly Start, DateOnly End, DateOnly JudgedOn, string Title, CountsDto Total, IReadOnlyList<PlanDto> Plans, IReadOnlyList<AgencyDto> Agencies, IReadOnlyList<CriterionDto> Criteria);

    public static void Map(RouteGroupBuilder api)
    {
        var progress = api.MapGroup("/").WithTags("Tiến độ");
        progress.MapGet("/overview", async ([FromQuery] string? plans, ProgressQueries queries, CoordinationService service, CancellationToken ct) =>
            {
                if (Scope(plans) is not { } scope)
                {
                    return BadScope(plans);
                }

                var o = await queries.OverviewAsync(service.Today, null, scope, ct).ConfigureAwait(false);
                return Results.Ok(new OverviewDto(o.Today.ToDateOnly(), ToDto(o.Total), [.. o.Plans.Select(ToDto)]));
            })
            .WithSummary("Số mốc theo trạng thái (chưa đến hạn, sắp đến hạn, quá hạn, hoàn thành, chờ sự kiện) và theo cách đếm bốn loại, từng kế hoạch và tổng.");
        progress.MapGet("/quarters", async ([FromQuery] string? plan, [FromQuery] string? plans, ProgressQueries queries, CoordinationService service, CancellationToken ct) =>
                Scope(plans) is not { } scope ? BadScope(plans)
                : Results.Ok((await queries.QuartersAsync(plan, service.Today, scope, ct).ConfigureAwait(false)).Select(q => new QuarterDto(q.Year, q.Quarter, q.Label, ToDto(q.Counts))).ToList()))
            .WithSummary("Số mốc theo quý của hạn: đúng hạn, quá hạn, đang thực hiện.");
        progress.MapGet("/agencies", async ([FromQuery] string? plan, [FromQuery] string? plans, ProgressQueries queries, CoordinationService service, CancellationToken ct) =>
                Scope(plans) is not { } scope ? BadScope(plans)
                : Results.Ok((await queries.AgenciesAsync(plan, service.Today, scope, ct).ConfigureAwait(false)).Select(a => new AgencyDto(a.AgencyId, a.Name, ToDto(a.Counts))).ToList()))
            .WithSummary("Tiến độ từng cơ quan chủ trì: tỷ lệ đúng hạn, số mốc quá hạn, tỷ lệ hoàn thành.");
        progress.MapGet("/tasks", async ([FromQuery] string? plan, [FromQuery] string? plans, [FromQuery] string? agency, [FromQuery] string? state, [FromQuery] string? q, [FromQuery] int? skip, [FromQuery] int? take, [FromQuery] string? after, ProgressQueries queries, CoordinationService service, CancellationToken ct) =>
            {
                if (Scope(plans) is not { } scope)
                {
                    return BadScope(plans);
                }

                ProgressState? parsed = null;
                if (!string.IsNullOrEmpty(state))
                {
                    if (!ProgressStates.TryParseKey(state, out var s))
                    {
                        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Trạng thái \"{state}\" không có; dùng một trong: {string.Join(", ", ProgressStates.All.Select(x => x.Key()))}.");
                    }

                    parsed = s;
                }

                // The page after a position of the list, read along its index like the task list page's (no rows skipped).
                var cursor = TaskCursor.Parse(after);
                if (!string.IsNullOrEmpty(after) && cursor is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"after=\"{after}\" không phải một vị trí của danh sách; dùng giá trị next của trang trước, hoặc bỏ after để đọc từ đầu.");
                }

                var page = await queries.TasksAsync(new TaskFilter { PlanId = plan, Scope = scope, AgencyId = agency, State = parsed, Search = q, Skip = Math.Max(0, skip ?? 0), Take = Math.Clamp(take ?? 50, 1, TaskFilter.MaxTake), After = cursor }, service.Today, ct).ConfigureAwait(false);
                return Results.Ok(new TaskPageDto(page.Total, page.Skip, page.Take, [.. page.Rows.Select(r => new TaskRowDto(r.PlanId, r.TaskId, r.Milestone, r.Activity, r.Product, r.Label, r.Due?.ToDateOnly(), r.DoneOn?.ToDateOnly(), r.State.Key(), r.Lead))],
                    page.Rows.Count == page.Take ? page.Last?.ToString() : null));
            })
            .WithSummary("Danh sách mốc hạn lọc theo kế hoạch, cơ quan chủ trì, trạng thái (chua-den-han, sap-den-han, qua-han, hoan-thanh, cho-su-kien), nội dung; phân trang theo vị trí: next của một trang là after của trang sau.");
        progress.MapGet("/reports/quarterly", async ([FromQuery] int year, [FromQuery] string period, [FromQuery] string? plan, [FromQuery] string? plans, [FromQuery] string? format, ProgressQueries queries, CoordinationService service, CancellationToken ct) =>
            {
                if (Scope(plans) is not { } scope)
                {
                    return BadScope(plans);
                }

                if (year is < QuarterlyReport.FirstYear or > QuarterlyReport.LastYear)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Năm {year} ngoài phạm vi báo cáo: ghi một năm từ {QuarterlyReport.FirstYear} đến {QuarterlyReport.LastYear}.");
                }

                if (Pages.QuarterlyReportModel.Periods.FirstOrDefault(p => p.Key == period) is not { Key: not null } found)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Kỳ \"{period}\" không có; dùng quy-1, 6-thang, 9-thang hoặc nam.");
                }

                var report = await queries.ReportAsync(year, found.Period, service.Today, plan, scope, ct).ConfigureAwait(false);
                var name = $"bao-cao-{found.Key}-{year}{(plan is null ? "" : "-" + plan)}";
                if (format is null or "" or "json")
                {
                    return Results.Ok(new ReportDto(report.Year, found.Key, report.Start.ToDateOnly(), report.End.ToDateOnly(), report.JudgedOn.ToDateOnly(), report.Title, ToDto(report.Total),
                        [.. report.Plans.Select(ToDto)], [.. report.Agencies.Select(a => new AgencyDto(a.AgencyId, a.Name, ToDto(a.Counts)))],
                        [.. report.Criteria.Select(c => new CriterionDto(c.PlanId, c.Code, c.Text, c.MaxScore, c.PreviousScore, ToDto(c.Counts)))]));
                }

                return ReportExport.Format(format) is { } file
                    ? Results.File(file.Render(report), file.ContentType, $"{name}.{file.Extension}")
                    : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Định dạng \"{format}\" không có; dùng json, csv hoặc xlsx.");
            })
            .WithSummary("Báo cáo kỳ (period = quy-1, 6-thang, 9-thang, nam) theo kế hoạch, cơ quan và tiêu chí; format = json, csv hoặc xlsx.");
    }

    private static PlanDto ToDto(PlanProgress p) => new(p.PlanId, p.Number, p.Title, p.TrackedYear, Persistence.PlanStatuses.Key(p.Status), ToDto(p.Counts));

    /// <summary>The <c>plans</c> query parameter: active (the default), "active,closed", closed, archived or all; null when it is none of these.</summary>
    internal static Persistence.PlanScope? Scope(string? plans) => Persistence.PlanScopes.Parse(plans);

    internal static IResult BadScope(string? plans) => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: $"plans=\"{plans}\" không có; dùng một trong: {string.Join(", ", Persistence.PlanScopes.All.Select(Persistence.PlanScopes.Key))}.");

    private static CountsDto ToDto(ProgressCounts c) => new(c.NotYetDue, c.DueSoon, c.Overdue, c.Done, c.Dormant, c.DoneOnTime, c.DoneLate, c.OpenInTime, c.OpenOverdue, c.Total, c.OnTimeRate, c.Completion);
}
