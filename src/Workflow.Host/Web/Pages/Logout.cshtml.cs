using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>Signs out (a POST with the anti-forgery token, so another site cannot sign a coordinator out).</summary>
public sealed class LogoutModel(SignInManager<WorkflowUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect("/dang-nhap");
    }
}
