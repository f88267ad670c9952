using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>
/// Signs out (a POST with the anti-forgery token, so another site cannot sign a coordinator out).
/// Every cookie and token of the account ends with it, a copied cookie included (a new security stamp).
/// </summary>
public sealed class LogoutModel(Sessions sessions, SignInManager<WorkflowUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.RevokeAsync(User).ConfigureAwait(false);
        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect("/dang-nhap");
    }
}
