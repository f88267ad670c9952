using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;
using Workflow.Host.Progress;

namespace Workflow.Host.Web.Pages;

/// <summary>One row per lead agency: on-time rate, overdue count, completion.</summary>
public sealed class AgenciesModel(ProgressQueries progress, CoordinationService service) : PageModel
{
    [FromQuery(Name = "ke-hoach")]
    public string? Plan { get; set; }

    /// <summary>Which plans when none is chosen (<c>?pham-vi=</c>): the active ones unless asked.</summary>
    [FromQuery(Name = "pham-vi")]
    public string? ScopeKey { get; set; }

    public Persistence.PlanScope Scope => Persistence.PlanScopes.Parse(ScopeKey) ?? Persistence.PlanScope.Active;

    public IReadOnlyList<AgencyProgress> Agencies { get; private set; } = [];

    public IReadOnlyList<Persistence.PlanRecord> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = service.Today;
        Plan = string.IsNullOrWhiteSpace(Plan) ? null : Plan;
        Plans = await service.PlansAsync(ct).ConfigureAwait(false);
        Agencies = [.. (await progress.AgenciesAsync(Plan, today, Scope, ct).ConfigureAwait(false)).OrderByDescending(a => a.Overdue).ThenBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
    }
}
