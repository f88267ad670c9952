using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;

namespace Workflow.Host.Web.Pages;

/// <summary>The plans and their life: every plan's years and status; one plan's status, its history and the actions (close, reopen, archive).</summary>
public sealed class PlansModel(ProgressQueries progress, CoordinationService service, WorkflowRuntime runtime) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    /// <summary>The plan the page is about, or null for the list.</summary>
    public PlanSummary? Plan { get; private set; }

    public IReadOnlyList<PlanStatusRecord> History { get; private set; } = [];

    public LocalDate Today => service.Today;

    public async Task<IActionResult> OnGetAsync(string? plan, CancellationToken ct)
    {
        Plans = await progress.PlanListAsync(runtime.DefaultClosing, ct).ConfigureAwait(false);
        if (plan is null)
        {
            return Page();
        }

        Plan = Plans.FirstOrDefault(p => p.PlanId == plan);
        if (Plan is null)
        {
            return NotFound();
        }

        History = await service.PlanHistoryAsync(plan, ct).ConfigureAwait(false);
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(string plan, DateOnly? on, string? reason, CancellationToken ct) => ChangeAsync(plan, PlanAction.Close, on, reason, false, ct);

    public Task<IActionResult> OnPostArchiveAsync(string plan, DateOnly? on, string? reason, CancellationToken ct) => ChangeAsync(plan, PlanAction.Archive, on, reason, false, ct);

    public Task<IActionResult> OnPostReopenAsync(string plan, DateOnly? on, string? reason, bool fromArchive, CancellationToken ct) => ChangeAsync(plan, PlanAction.Reopen, on, reason, fromArchive, ct);

    /// <summary>"đã đóng ngày 01/02/2026 (hệ thống: …)": see <see cref="Cli.PlanLifecycleCommands.Describe"/>.</summary>
    public static string Describe(PlanSummary plan) => Cli.PlanLifecycleCommands.Describe(plan);

    private async Task<IActionResult> ChangeAsync(string plan, PlanAction action, DateOnly? on, string? reason, bool fromArchive, CancellationToken ct)
    {
        var outcome = await service.ChangePlanStatusAsync(plan, action, on is { } d ? LocalDate.FromDateOnly(d) : null, reason, fromArchive, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false);
        TempData["Message"] = outcome.Message;
        TempData["Ok"] = outcome.Ok;
        return RedirectToPage(new { plan });
    }
}
