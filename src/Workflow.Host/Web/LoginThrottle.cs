using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Workflow.Host.Web;

/// <summary>
/// Login attempts (the form's POST and POST /api/token), and the password change's, are throttled per client address, never
/// per account, so nobody can lock a coordinator out by typing wrong passwords in their name.
/// Behind a reverse proxy the client address is the forwarded one (WORKFLOW_TRUSTED_PROXIES).
/// A refused attempt is answered in one place: a problem JSON on the API, and on the pages the
/// Vietnamese error page for 429 (/loi?ma=429, <see cref="Pages.ErrorModel"/>).
/// </summary>
internal static class LoginThrottle
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static void Configure(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        // Signing in, and the current password of the password change (which a stolen session must not guess at leisure): each its own count.
        foreach (var policy in new[] { WorkflowWeb.LoginLimit, WorkflowWeb.PasswordLimit })
        {
            options.AddPolicy(policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read") // showing the form is not an attempt
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "?",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = WorkflowWeb.LoginRequestsPerMinute, Window = Window, QueueLimit = 0 }));
        }

        options.OnRejected = (context, _) =>
        {
            // How long until the window opens again, as Retry-After (and for the 429 page, in Items).
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
            return new ValueTask(RejectAsync(context.HttpContext, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))));
        };
    }

    /// <summary>The one answer to a throttled attempt.</summary>
    public static Task RejectAsync(HttpContext context, int seconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[WorkflowWeb.RetryAfterItem] = seconds;
        return ApiErrors.IsApi(context)
            ? ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Quá nhiều lần thử đăng nhập",
                $"Tối đa {WorkflowWeb.LoginRequestsPerMinute} lần gửi mỗi phút từ một địa chỉ; xin đợi {seconds} giây rồi thử lại.")
            : Task.CompletedTask; // the status code pages render /loi?ma=429
    }
}
