using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Pages;

/// <summary>Plan import by upload, with the same checks as <c>workflow plan check</c>.</summary>
public sealed class ImportModel(CoordinationService service) : PageModel
{
    public PlanUpload? Upload { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Message"] = "Hãy chọn một tệp kế hoạch.";
            TempData["Ok"] = false;
            return;
        }

        FileName = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        Upload = await service.ImportAsync(stream, FileName, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false);
    }
}
