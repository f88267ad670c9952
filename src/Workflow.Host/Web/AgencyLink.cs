using Workflow.Host.Hosting;
using Workflow.Host.Runtime;

namespace Workflow.Host.Web;

/// <summary>
/// The signed, expiring link of an agency's report page ("/bao-cao/{agency}?het-han=…&amp;chu-ky=…"):
/// the only credential an agency has. Checked on every request, reads and writes alike, so an
/// altered agency, expiry or signature is refused, and a milestone is reached only through the
/// agency that leads it.
/// </summary>
internal static class AgencyLink
{
    public const string ExpiresParameter = "het-han";
    public const string SignatureParameter = "chu-ky";

    /// <summary>Null when the link is good; otherwise why not, in Vietnamese.</summary>
    public static string? Check(HttpContext context, string agency, string? expires, string? signature)
    {
        ArgumentNullException.ThrowIfNull(context);
        var setup = context.RequestServices.GetRequiredService<DeliverySetup>();
        if (setup.Links is not { } links)
        {
            return "Máy chủ chưa cấu hình đường dẫn báo cáo.";
        }

        // The links were signed on the runtime's clock (an accelerated one in demos and tests): check them on it too.
        var now = context.RequestServices.GetRequiredService<RuntimeClock>().Now.InZoneLeniently(RuntimeClock.Vietnam).ToInstant();
        return links.Verify(agency, expires, signature, now, out var problem) ? null : problem;
    }
}
