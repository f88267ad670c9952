using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web;

/// <summary>Who acted, as the history records it.</summary>
internal static class Who
{
    /// <summary>The signed-in coordinator's display name (or login), for the history.</summary>
    public static async Task<string> CoordinatorAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = context.RequestServices.GetRequiredService<UserManager<WorkflowUser>>();
        var user = await users.GetUserAsync(context.User).ConfigureAwait(false);
        return user?.Who ?? context.User.FindFirstValue(ClaimTypes.Name) ?? "điều phối viên";
    }

    /// <summary>An agency acting through its signed link.</summary>
    public static string Agency(string name) => $"{name} (qua đường dẫn báo cáo)";
}
