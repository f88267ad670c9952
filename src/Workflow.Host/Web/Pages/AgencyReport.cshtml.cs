using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Pages;

/// <summary>
/// An agency's report page, reached from the link in its digest without a password. The link is
/// checked on every request (GET and each POST), and a POST reaches only a milestone that agency leads.
/// The open milestones come <see cref="PageSize"/> at a time (<c>?trang=</c>), most urgent first: each
/// carries three forms, and a department leading hundreds of milestones would otherwise get a page of
/// a megabyte that a civil servant's browser takes many seconds to lay out.
/// </summary>
[RequestSizeLimit(InputLimits.RequestBody)]
public sealed class AgencyReportModel(CoordinationService service, InputLimits limits) : PageModel
{
    /// <summary>What the forms accept (the same limits the service checks).</summary>
    public InputLimits Limits => limits;

    /// <summary>Open milestones a page shows.</summary>
    public const int PageSize = 50;

    private Progress.ProgressRules? rules;

    [FromRoute]
    public string Agency { get; set; } = string.Empty;

    [FromQuery(Name = AgencyLink.ExpiresParameter)]
    public string? Expires { get; set; }

    [FromQuery(Name = AgencyLink.SignatureParameter)]
    public string? Signature { get; set; }

    /// <summary>Which plans (<c>?pham-vi=</c>): the active ones unless asked, as on every other view.</summary>
    [FromQuery(Name = "pham-vi")]
    public string? ScopeKey { get; set; }

    public Persistence.PlanScope Scope => Persistence.PlanScopes.Parse(ScopeKey) ?? Persistence.PlanScope.Active;

    /// <summary>
    /// The page asked for (<c>?trang=</c>, from 1). A number past the last page shows the last one (a
    /// milestone reported done from the last page can empty it); anything else shows the first.
    /// </summary>
    [FromQuery(Name = "trang")]
    public string? PageKey { get; set; }

    /// <summary>The page shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>How many pages the open milestones fill (at least 1).</summary>
    public int PageCount { get; private set; } = 1;

    /// <summary>Every open milestone the agency leads in the chosen plans, on all pages.</summary>
    public int OpenTotal { get; private set; }

    public string? Problem { get; private set; }

    public string AgencyName => service.AgencyName(Agency);

    public LocalDate Today => service.Today;

    /// <summary>How the states are judged today (the dashboard's rules).</summary>
    public Progress.ProgressRules Rules => rules ??= Progress.ProgressRules.For(Today);

    public IReadOnlyList<AgencyMilestone> Open { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refused())
        {
            return Forbidden();
        }

        var asked = int.TryParse(PageKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        var page = await service.OpenMilestonesPageAsync(Agency, Scope, asked, PageSize, ct).ConfigureAwait(false);
        (Open, OpenTotal, PageNumber, PageCount) = (page.Items, page.Total, page.Page, page.PageCount);
        return Page();
    }

    public Task<IActionResult> OnPostDoneAsync(long milestone, DateOnly? on, string? reference, string? note, CancellationToken ct) =>
        ActAsync(milestone, by => on is { } day
            ? service.MarkDoneAsync(milestone, LocalDate.FromDateOnly(day), reference, note, by, ct)
            : Task.FromResult(Outcome.Refused("Hãy chọn ngày hoàn thành.")), ct);

    public Task<IActionResult> OnPostProgressAsync(long milestone, string? text, CancellationToken ct) =>
        ActAsync(milestone, by => service.ReportProgressAsync(milestone, text ?? string.Empty, by, ct), ct);

    public Task<IActionResult> OnPostExtensionAsync(long milestone, DateOnly? newDue, string? reason, CancellationToken ct) =>
        ActAsync(milestone, by => newDue is { } due
            ? service.RequestExtensionAsync(milestone, LocalDate.FromDateOnly(due), reason ?? string.Empty, by, ct)
            : Task.FromResult(Outcome.Refused("Hãy chọn hạn mới.")), ct);

    private async Task<IActionResult> ActAsync(long milestone, Func<string, Task<Outcome>> action, CancellationToken ct)
    {
        if (Refused())
        {
            return Forbidden();
        }

        var outcome = await service.MilestoneAsync(milestone, ct).ConfigureAwait(false) is { } m && CoordinationService.Leads(m, Agency)
            ? await action(Who.Agency(AgencyName)).ConfigureAwait(false)
            : Outcome.Refused("Không có mốc hạn này trong các việc đơn vị chủ trì.");
        TempData["Message"] = outcome.Message;
        TempData["Ok"] = outcome.Ok;
        return Redirect(Address());
    }

    /// <summary>
    /// This page's own address: the signed link, the plan filter when one was chosen and the page
    /// (so that a form sent from page 3 comes back to page 3).
    /// </summary>
    public string Address(string? handler = null) => AddressOf(PageKey, handler);

    /// <summary>The address of page <paramref name="number"/> of the same list.</summary>
    public string PageAddress(int number) => AddressOf(number.ToString(System.Globalization.CultureInfo.InvariantCulture), null);

    private string AddressOf(string? page, string? handler) =>
        $"/bao-cao/{Uri.EscapeDataString(Agency)}?{AgencyLink.ExpiresParameter}={Uri.EscapeDataString(Expires ?? string.Empty)}&{AgencyLink.SignatureParameter}={Uri.EscapeDataString(Signature ?? string.Empty)}"
        + (Scope == Persistence.PlanScope.Active ? string.Empty : $"&pham-vi={Uri.EscapeDataString(Persistence.PlanScopes.Key(Scope))}")
        + (page is null or "1" ? string.Empty : $"&trang={Uri.EscapeDataString(page)}")
        + (handler is null ? string.Empty : $"&handler={handler}");

    private bool Refused()
    {
        Problem = AgencyLink.Check(HttpContext, Agency, Expires, Signature);
        return Problem is not null;
    }

    private PageResult Forbidden()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
