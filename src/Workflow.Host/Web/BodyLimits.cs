using Microsoft.AspNetCore.Http.Features;
using Workflow.Definitions.Plans;

namespace Workflow.Host.Web;

/// <summary>
/// How large a request body may be, and what a refusal says. Kestrel's own limit (about 28.6 MB)
/// is never the one a user meets: every request is held to <see cref="Default"/> unless its
/// endpoint says otherwise (<see cref="Coordination.InputLimits.RequestBody"/> for forms and JSON,
/// <see cref="PlanUpload"/> for a plan file), and a body past its limit gets a Vietnamese answer
/// that names the limit and what to do: a problem JSON on the API, the error page on the pages.
/// </summary>
internal static class BodyLimits
{
    /// <summary>A request whose endpoint names no limit (the designer's documents, among others).</summary>
    public const long Default = 1024 * 1024;

    /// <summary>The plan upload, page and API: a plan file of <see cref="PlanLimits.DefaultMaxFileBytes"/> and the form around it.</summary>
    public const long PlanUpload = PlanLimits.DefaultMaxFileBytes + (64 * 1024);

    private const string RefusedItem = "workflow.refused-body-limit";

    /// <summary>The limit the request is held to (the endpoint's, else the server's), or the one it was refused for.</summary>
    public static long? Of(HttpContext context) =>
        context.Items[RefusedItem] is long refused ? refused : context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;

    /// <summary>True once <see cref="Refused"/>: the error page that answers it reads no body either.</summary>
    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(RefusedItem);

    /// <summary>
    /// The request was refused, unread, for going past <paramref name="limit"/>: the answer names that
    /// limit, and the server may drain (read and drop) the rest of the body so the client reads the answer.
    /// </summary>
    public static void Refused(HttpContext context, long limit)
    {
        context.Items[RefusedItem] = limit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null; // nothing reads it any more; Kestrel only drains it after the answer
        }
    }

    /// <summary>True when the request was a plan upload (its limit is <see cref="PlanUpload"/>).</summary>
    public static bool IsPlanUpload(HttpContext context) => Of(context) == PlanUpload;

    /// <summary>The Vietnamese title and explanation of a 413 for this request.</summary>
    public static (string Title, string Text) Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsPlanUpload(context))
        {
            var problem = PlanLimits.Default.FileTooLarge("tệp tải lên", null).Message;
            return ("Tệp kế hoạch quá lớn; chưa nhập gì", char.ToUpperInvariant(problem[0]) + problem[1..]);
        }

        var limit = Of(context) ?? Default;
        return ("Nội dung quá lớn", $"Nội dung gửi lên vượt quá {PlanLimits.Size(limit)} cho một thao tác. Hãy rút gọn (có thể ghi đường dẫn đến văn bản đầy đủ) rồi gửi lại.");
    }
}
