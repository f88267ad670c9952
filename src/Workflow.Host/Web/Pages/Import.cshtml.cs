using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Pages;

/// <summary>
/// Plan import by upload, with the same checks as <c>workflow plan check</c>. A re-import that
/// would take milestones out of the plan imports nothing and shows them; the coordinator confirms
/// by sending the same file again (its fingerprint is carried by the confirmation form). The
/// milestones taken out are listed below, each with its restore button.
/// </summary>
[RequestSizeLimit(BodyLimits.PlanUpload)] // a larger file gets the error page naming the plan file's limit
public sealed class ImportModel(CoordinationService service, Hosting.WorkflowsData data) : PageModel
{
    /// <summary>The blank plan to fill in: <c>?handler=Template&amp;format=csv|xlsx</c>.</summary>
    public IActionResult OnGetTemplate(string? format) => format == "xlsx"
        ? File(PlanTemplate.Xlsx(data.Reference.Agencies), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ke-hoach-mau.xlsx")
        : File(PlanTemplate.Csv(), "text/csv; charset=utf-8", "ke-hoach-mau.csv");

    public PlanUpload? Upload { get; private set; }

    public string? FileName { get; private set; }

    public IReadOnlyList<RemovedMilestone> Removed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Removed = await service.RemovedMilestonesAsync(ct).ConfigureAwait(false);

    public async Task OnPostAsync(IFormFile? file, string? confirm, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Message"] = "Hãy chọn một tệp kế hoạch.";
            TempData["Ok"] = false;
        }
        else
        {
            FileName = Path.GetFileName(file.FileName);
            await using var stream = file.OpenReadStream();
            Upload = await service.ImportAsync(stream, FileName, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), confirmed: confirm, ct: ct).ConfigureAwait(false);
        }

        Removed = await service.RemovedMilestonesAsync(ct).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostRestoreAsync(long milestone, CancellationToken ct)
    {
        var outcome = await service.RestoreAsync(milestone, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false);
        TempData["Message"] = outcome.Message;
        TempData["Ok"] = outcome.Ok;
        return RedirectToPage();
    }
}
