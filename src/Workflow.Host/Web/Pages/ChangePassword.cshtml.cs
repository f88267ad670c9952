using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>
/// A signed-in coordinator changes their password: the current one, the new one twice, the rules
/// of <see cref="WorkflowWeb.AddAccounts"/>. A change renews the account's security stamp, so every
/// other cookie and every bearer token issued before ends at once (<see cref="Sessions"/>); this
/// browser is signed in again with the new stamp. A refusal changes nothing. The current password is
/// checked like a login's, throttled per client address (<see cref="WorkflowWeb.PasswordLimit"/>).
/// </summary>
[EnableRateLimiting(WorkflowWeb.PasswordLimit)]
[RequestSizeLimit(Coordination.InputLimits.RequestBody)]
public sealed class ChangePasswordModel(UserManager<WorkflowUser> users, SignInManager<WorkflowUser> signIn) : PageModel
{
    /// <summary>The refusal shown above the form, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Characters a password needs at least.</summary>
    public int MinimumLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword) || string.IsNullOrEmpty(confirmPassword))
        {
            Problem = "Hãy nhập mật khẩu hiện tại, và mật khẩu mới hai lần.";
            return Page();
        }

        if (!string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            Problem = "Hai lần nhập mật khẩu mới không giống nhau; hãy nhập lại.";
            return Page();
        }

        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            Problem = "Mật khẩu mới phải khác mật khẩu hiện tại.";
            return Page();
        }

        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        // Identity checks the current password, then the rules of the new one, and renews the security stamp.
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            Problem = string.Join(" ", changed.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.RefreshSignInAsync(user).ConfigureAwait(false); // this browser goes on, with the new stamp
        TempData["Message"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác (trình duyệt, máy khác) và các mã truy cập (Bearer) cấp trước đây đã hết hiệu lực.";
        TempData["Ok"] = true;
        return RedirectToPage();
    }
}
