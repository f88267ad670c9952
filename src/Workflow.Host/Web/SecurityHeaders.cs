namespace Workflow.Host.Web;

/// <summary>
/// The headers every response carries, pages, API, files and errors alike: a Content-Security-Policy
/// that runs only the site's own script files (no inline script, no inline handler, no inline style
/// on the pages), nosniff, no Referer (a report link in the address never leaks to another site),
/// and no framing.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The pages' policy: everything from the site itself, nothing inline, never in a frame.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The designer's pages: the same, except that the diagram library (X6) positions and styles
    /// its nodes with style attributes and a style element of its own. Scripts stay files only.
    /// </summary>
    public const string DesignerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var designer = context.Request.Path.StartsWithSegments("/quy-trinh", StringComparison.Ordinal);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = designer ? DesignerPolicy : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
