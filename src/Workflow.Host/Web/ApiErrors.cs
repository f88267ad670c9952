using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Host.Web;

/// <summary>
/// Every error of the API is a problem JSON (RFC 9457) with a Vietnamese title: a refusal, a body
/// or a query that does not read, an unknown address, a missing login, a body too large, and a
/// failure of the server itself (without its details, which go to the log). Never an HTML page or
/// a stack trace. The pages keep their Vietnamese error page (/loi).
/// </summary>
internal static partial class ApiErrors
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>The status of a request that failed with <paramref name="exception"/>: the client's fault (400, 413, …) or the server's (500).</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The API's answer to an exception (the status is set by <see cref="StatusOf"/>).</summary>
    public static Task WriteExceptionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = context.Response.StatusCode;
        var (title, detail) = status == StatusCodes.Status413PayloadTooLarge ? BodyLimits.Refusal(context)
            : exception is BadHttpRequestException bad ? Describe(bad) : (Title(status), null);
        return WriteAsync(context, status, title, detail);
    }

    /// <summary>The API's answer to a status without a body (404, 401, 405, 415, …).</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var (title, detail) = http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge ? BodyLimits.Refusal(http) : (Title(http.Response.StatusCode), null);
        return WriteAsync(http, http.Response.StatusCode, title, detail);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        return context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json; charset=utf-8");
    }

    /// <summary>The Vietnamese title of a status.</summary>
    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ.",
        401 => "Cần đăng nhập: gửi cookie đăng nhập hoặc tiêu đề Authorization: Bearer MÃ (lấy tại POST /api/token).",
        403 => "Không được phép.",
        404 => "Không có địa chỉ này trong API (xem /openapi/v1.json).",
        405 => "Địa chỉ này không nhận phương thức HTTP này.",
        408 => "Gửi yêu cầu quá chậm.",
        415 => "Nội dung phải là JSON (Content-Type: application/json).",
        429 => "Quá nhiều lần thử; xin đợi một phút rồi thử lại.",
        _ when status >= 500 => "Máy chủ gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại. Hãy thử lại; nếu còn lỗi, báo cho quản trị hệ thống.",
        _ => "Yêu cầu không thực hiện được.",
    };

    /// <summary>What was wrong with a request ASP.NET Core could not read: a JSON body, a query or route value.</summary>
    private static (string Title, string? Detail) Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return (Title(bad.StatusCode), null);
        }

        if (bad.InnerException is JsonException json)
        {
            return ("Nội dung JSON không đọc được.", json.Path is { Length: > 1 } path
                ? $"Giá trị ở \"{path}\" thiếu hoặc sai kiểu: ngày ghi \"YYYY-MM-DD\", chữ ghi trong dấu nháy kép."
                : "Gửi một đối tượng JSON đúng cú pháp, với các trường mà API mô tả (/openapi/v1.json).");
        }

        if (ParameterPattern().Match(bad.Message) is { Success: true } m)
        {
            return m.Groups["name"].Value == "body" || bad.Message.Contains(" body", StringComparison.OrdinalIgnoreCase)
                ? ("Thiếu nội dung JSON của yêu cầu.", "Gửi một đối tượng JSON (Content-Type: application/json) với các trường mà API mô tả (/openapi/v1.json).")
                : ($"Tham số \"{m.Groups["name"].Value}\" thiếu hoặc sai kiểu.", "Ghi số bằng chữ số, ngày theo dạng YYYY-MM-DD.");
        }

        return (Title(400), null);
    }

    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
