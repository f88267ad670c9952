using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;
using Workflow.Host.Progress;

namespace Workflow.Host.Web.Pages;

/// <summary>The plan overview: counts by state, the government's four-way count, a chart over the quarters, one row per plan.</summary>
public sealed class IndexModel(ProgressQueries progress, CoordinationService service) : PageModel
{
    public ProgressOverview Overview { get; private set; } = null!;

    public IReadOnlyList<QuarterProgress> Quarters { get; private set; } = [];

    public string? ChartPlan { get; private set; }

    /// <summary>Only milestones due in this year (the scope of a yearly report), or all.</summary>
    [FromQuery(Name = "nam")]
    public int? Year { get; set; }

    /// <summary>Which plans (<c>?pham-vi=</c>): the active ones unless asked.</summary>
    [FromQuery(Name = "pham-vi")]
    public string? ScopeKey { get; set; }

    public Persistence.PlanScope Scope => Persistence.PlanScopes.Parse(ScopeKey) ?? Persistence.PlanScope.Active;

    public async Task OnGetAsync([FromQuery(Name = "ke-hoach")] string? plan, CancellationToken ct)
    {
        var today = service.Today;
        Year = Year is >= Progress.QuarterlyReport.FirstYear and <= Progress.QuarterlyReport.LastYear ? Year : null;
        var window = Year is { } y ? new NodaTime.DateInterval(new NodaTime.LocalDate(y, 1, 1), new NodaTime.LocalDate(y, 12, 31)) : null;
        Overview = await progress.OverviewAsync(today, window, Scope, ct).ConfigureAwait(false);
        ChartPlan = Overview.Plans.Any(p => p.PlanId == plan) ? plan : Overview.Plans.OrderByDescending(p => p.TrackedYear).Select(p => p.PlanId).FirstOrDefault();
        Quarters = ChartPlan is null ? [] : await progress.QuartersAsync(ChartPlan, today, ct).ConfigureAwait(false);
    }
}
