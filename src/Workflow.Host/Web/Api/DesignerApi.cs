using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions;
using Workflow.Host.Designer;

namespace Workflow.Host.Web.Api;

/// <summary>The designer's request to run a definition on a plan; <see cref="Definition"/> is unsaved JSON to run instead of the draft.</summary>
public sealed record DefinitionDryRunRequest(string Plan, string? From, string? To, JsonNode? Definition);

/// <summary>The rules editor's request to run rules on a plan; <see cref="Yaml"/> is unsaved text to run instead of the draft.</summary>
public sealed record RulesDryRunRequest(string Plan, string? Yaml);

/// <summary>The rules editor's text.</summary>
public sealed record RulesDraftRequest(string Yaml);

/// <summary>
/// The designer's minimal API: definitions (drafts, versions, diff, import/export, dry run, publish), the
/// activity catalog, the rules (draft, dry run, publish). Mapped under a group the host protects (coordinator
/// login, anti-forgery). Errors are RFC 7807 problem details in Vietnamese; validation problems also come as
/// <c>problems: [{activityId, line, message}]</c> so the designer can mark the activities.
/// </summary>
public static class DesignerApi
{
    public static IEndpointRouteBuilder MapDesignerApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/activities", () => Results.Json(ActivityLabels.Catalog()));
        api.MapGet("/plan-files", (DesignerWorkspace w) => Guarded(() => Results.Ok(w.PlanFiles())));

        api.MapGet("/definitions", (DesignerWorkspace w) => Results.Ok(w.ListDefinitions()));
        api.MapGet("/definitions/{id}/draft", (string id, DesignerWorkspace w) => WithId(id, () =>
            w.GetDocument(id) is { } doc
                ? Results.Ok(new
                {
                    definitionId = doc.DefinitionId,
                    isDraft = doc.IsDraft,
                    version = doc.Version,
                    basedOn = doc.BasedOn,
                    definition = JsonNode.Parse(doc.Json, documentOptions: new() { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip }),
                    problems = doc.Problems,
                })
                : NotFound($"Không có quy trình \"{id}\".")));
        api.MapPut("/definitions/{id}/draft", async (string id, HttpRequest request, DesignerWorkspace w) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            return WithId(id, () => Draft(w.SaveDraft(id, body), "Không lưu được bản nháp"));
        });
        api.MapDelete("/definitions/{id}/draft", (string id, DesignerWorkspace w) => WithId(id, () =>
            w.DiscardDraft(id) ? Results.NoContent() : NotFound($"Quy trình \"{id}\" không có bản nháp.")));
        api.MapPost("/definitions/{id}/validate", async (string id, HttpRequest request) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            return WithId(id, () => Results.Ok(new { problems = DesignerWorkspace.Validate(body, id) }));
        });
        api.MapPost("/definitions/import", async (HttpRequest request, DesignerWorkspace w, string? id) =>
        {
            var body = await ReadBody(request).ConfigureAwait(false);
            return Draft(w.Import(body, string.IsNullOrWhiteSpace(id) ? null : id), "Không nhập được tệp quy trình");
        });
        api.MapGet("/definitions/{id}/export", (string id, int? version, DesignerWorkspace w) => WithId(id, () =>
            w.Export(id, version) is { } json
                ? Results.File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", version is null ? $"{id}.json" : $"{id}.v{version}.json")
                : NotFound(version is null ? $"Không có quy trình \"{id}\"." : $"Không có phiên bản {version} của quy trình \"{id}\".")));
        api.MapGet("/definitions/{id}/versions", (string id, DesignerWorkspace w) => WithId(id, () => Results.Ok(w.Versions(id))));
        api.MapGet("/definitions/{id}/diff", (string id, string from, string to, DesignerWorkspace w) => WithId(id, () =>
            w.Diff(id, from, to) is { } diff ? Results.Ok(diff) : NotFound($"Không có phiên bản \"{from}\" hoặc \"{to}\" của quy trình \"{id}\".")));
        api.MapPost("/definitions/{id}/dry-run", (string id, DefinitionDryRunRequest body, DesignerWorkspace w, CancellationToken aborted) => WithId(id, () =>
        {
            var problems = new List<DesignerProblem>();
            var from = Date(body.From, "từ ngày", problems);
            var to = Date(body.To, "đến ngày", problems);
            if (problems.Count > 0)
            {
                return Invalid("Không chạy thử được", problems);
            }

            var json = body.Definition?.ToJsonString();
            var run = w.DryRun(id, body.Plan, from, to, json, aborted); // the client's RequestAborted: a client that left stops the run
            return run is null ? NotFound($"Không có quy trình \"{id}\".")
                : run.Problems.Count > 0 ? Invalid("Không chạy thử được", run.Problems)
                : Results.Ok(run);
        }));
        api.MapPost("/definitions/{id}/publish", (string id, HttpContext context, DesignerWorkspace w) => WithId(id, () =>
        {
            var result = w.Publish(id, Who(context));
            return result.Published ? Results.Ok(result) : Invalid("Không công bố được", result.Problems);
        }));

        api.MapGet("/rules/draft", (DesignerWorkspace w) => Guarded(() => Results.Ok(w.GetRules())));
        api.MapPut("/rules/draft", (RulesDraftRequest body, DesignerWorkspace w) => Guarded(() =>
            Results.Ok(new { saved = true, problems = w.SaveRulesDraft(body.Yaml ?? string.Empty) })));
        api.MapDelete("/rules/draft", (DesignerWorkspace w) =>
            w.DiscardRulesDraft() ? Results.NoContent() : NotFound("Không có bản nháp quy tắc."));
        api.MapPost("/rules/dry-run", (RulesDryRunRequest body, DesignerWorkspace w) => Guarded(() =>
        {
            var run = w.RulesDryRun(body.Plan, body.Yaml);
            return run.Problems.Count > 0 ? Invalid("Không chạy thử được quy tắc", run.Problems) : Results.Ok(run);
        }));
        api.MapPost("/rules/publish", (HttpContext context, DesignerWorkspace w) => Guarded(() =>
        {
            var result = w.PublishRules(Who(context));
            return result.Published ? Results.Ok(result) : Invalid("Không công bố được quy tắc", result.Problems);
        }));
        api.MapGet("/rules/history", (DesignerWorkspace w) => Results.Ok(w.RulesHistory()));
        return api;
    }

    private static string Who(HttpContext context) =>
        context.User.Identity?.Name is { Length: > 0 } name ? name : "(không rõ)";

    private static async Task<string> ReadBody(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static IResult Draft(DraftResult result, string title) =>
        result.Saved
            ? Results.Ok(new { definitionId = result.DefinitionId, saved = true, problems = result.Problems })
            : Invalid(title, result.Problems, new() { ["definitionId"] = result.DefinitionId });

    private static IResult WithId(string id, Func<IResult> action) =>
        DesignerWorkspace.IsValidDefinitionId(id)
            ? Guarded(action)
            : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Mã quy trình không hợp lệ",
                detail: $"\"{id}\" không phải mã quy trình: chỉ gồm chữ thường không dấu, số, '-', '_' và '.'.");

    /// <summary>A data file of the workflows folder that cannot be read (agencies, calendars, templates) is the coordinator's to fix: a 500 with its message.</summary>
    private static IResult Guarded(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (DataFileException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Dữ liệu trong thư mục workflows bị lỗi", detail: e.Message);
        }
        catch (Notifications.Templates.TemplateException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Mẫu thư bị lỗi", detail: e.Message);
        }
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy", detail: detail);

    private static IResult Invalid(string title, IReadOnlyList<DesignerProblem> problems, Dictionary<string, object?>? extensions = null)
    {
        var errors = problems
            .GroupBy(p => p.ActivityId ?? (p.Line is { } line ? $"dòng {line.ToString(CultureInfo.InvariantCulture)}" : "quy trình"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        extensions ??= [];
        extensions["problems"] = problems;
        return Results.ValidationProblem(errors, detail: string.Join("\n", problems.Select(p => p.ToString())), title: title, extensions: extensions);
    }

    private static LocalDate? Date(string? text, string what, List<DesignerProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success)
        {
            return parsed.Value;
        }

        problems.Add(new DesignerProblem(null, null, $"\"{text}\" ({what}) không phải ngày: ghi YYYY-MM-DD, ví dụ 2025-01-01."));
        return null;
    }
}
