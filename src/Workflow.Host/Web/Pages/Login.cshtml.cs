using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>The coordinators' login; rate-limited per address, and accounts lock after five wrong passwords.</summary>
[EnableRateLimiting(WorkflowWeb.LoginLimit)]
public sealed class LoginModel(SignInManager<WorkflowUser> signIn) : PageModel
{
    public string? Problem { get; private set; }

    public string? UserName { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        UserName = userName;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Problem = "Hãy nhập tên đăng nhập và mật khẩu.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        Problem = result.IsLockedOut
            ? "Tài khoản tạm khóa 5 phút vì đăng nhập sai nhiều lần."
            : "Sai tên đăng nhập hoặc mật khẩu.";
        return Page();
    }
}
