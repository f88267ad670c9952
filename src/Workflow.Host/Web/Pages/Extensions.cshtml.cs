using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Pages;

/// <summary>Every pending extension request, to approve or refuse.</summary>
public sealed class ExtensionsModel(CoordinationService service) : PageModel
{
    public IReadOnlyList<ExtensionRequestView> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Pending = await service.PendingExtensionsAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(long request, bool approve, string? note, CancellationToken ct)
    {
        var outcome = await service.DecideExtensionAsync(request, approve, note, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false);
        TempData["Message"] = outcome.Message;
        TempData["Ok"] = outcome.Ok;
        return RedirectToPage();
    }
}
