using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web;

/// <summary>
/// Signing in and staying signed in. A password is checked the same way whether the account
/// exists, is disabled or not: one hash comparison, one answer ("Sai tên đăng nhập hoặc mật khẩu."),
/// so neither the message nor the time tells which accounts exist. There is no account lockout
/// (anyone could trigger it); the login is throttled per client address instead
/// (<see cref="WorkflowWeb.LoginLimit"/>). Every request's cookie or bearer token is checked
/// against the account's security stamp: signing out, a new password, or
/// <c>workflow user disable</c> change the stamp and end every cookie and token issued before.
/// </summary>
public sealed class Sessions(UserManager<WorkflowUser> users, IPasswordHasher<WorkflowUser> hasher)
{
    /// <summary>The one refusal of a login, whatever was wrong.</summary>
    public const string Refusal = "Sai tên đăng nhập hoặc mật khẩu.";

    /// <summary>A hash of a random password, compared against when there is no account to compare with.</summary>
    private static readonly Lazy<string> Decoy = new(() => new PasswordHasher<WorkflowUser>().HashPassword(new WorkflowUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>The account when <paramref name="password"/> is its password and it may sign in; otherwise null.</summary>
    public async Task<WorkflowUser?> CheckAsync(string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim()).ConfigureAwait(false);
        var hash = user?.PasswordHash ?? Decoy.Value;
        var matches = hasher.VerifyHashedPassword(user ?? new WorkflowUser(), hash, password ?? string.Empty) != PasswordVerificationResult.Failed;
        if (user is null || user.PasswordHash is null || !matches)
        {
            return null;
        }

        return await users.IsLockedOutAsync(user).ConfigureAwait(false) ? null : user;
    }

    /// <summary>Ends every cookie and token of the signed-in account (a new security stamp).</summary>
    public async Task RevokeAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal).ConfigureAwait(false) is { } user)
        {
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }
    }

    /// <summary>True when the principal's account still exists, is not disabled and has the stamp the principal was issued with.</summary>
    public static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<WorkflowUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (users.GetUserId(principal) is not { } id || await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return false;
        }

        return string.Equals(user.SecurityStamp, principal.FindFirstValue(stampClaim), StringComparison.Ordinal)
            && !await users.IsLockedOutAsync(user).ConfigureAwait(false);
    }

    /// <summary>The login cookie is checked on every request; a revoked one is deleted and the request is anonymous.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal || !await IsCurrentAsync(context.HttpContext.RequestServices, principal).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        }
    }

    /// <summary>A bearer token is checked on every request against its account's current stamp.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Principal is { } principal && !await IsCurrentAsync(context.HttpContext.RequestServices, principal).ConfigureAwait(false))
        {
            context.Fail("Mã truy cập đã bị thu hồi (đăng xuất, đổi mật khẩu hoặc tài khoản bị khóa).");
        }
    }
}
