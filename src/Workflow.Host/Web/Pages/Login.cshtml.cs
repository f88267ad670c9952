using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>The coordinators' login: throttled per client address (<see cref="LoginThrottle"/>), one answer for every failure (<see cref="Sessions"/>).</summary>
[EnableRateLimiting(WorkflowWeb.LoginLimit)]
[RequestSizeLimit(Coordination.InputLimits.RequestBody)]
public sealed class LoginModel(Sessions sessions, SignInManager<WorkflowUser> signIn) : PageModel
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

        if (await sessions.CheckAsync(userName, password).ConfigureAwait(false) is not { } user)
        {
            Problem = Sessions.Refusal;
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
