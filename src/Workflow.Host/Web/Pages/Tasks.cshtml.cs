using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Definitions.Agencies;
using Workflow.Host.Coordination;
using Workflow.Host.Hosting;
using Workflow.Host.Progress;

namespace Workflow.Host.Web.Pages;

/// <summary>Milestones with their tasks, filtered by plan, state, lead agency and text, a page at a time.</summary>
public sealed class TasksModel(ProgressQueries progress, CoordinationService service, WorkflowsData data) : PageModel
{
    private const int PageSize = 50;

    [FromQuery(Name = "ke-hoach")]
    public string? Plan { get; set; }

    [FromQuery(Name = "trang-thai")]
    public string? State { get; set; }

    [FromQuery(Name = "co-quan")]
    public string? Agency { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "tu")]
    public int Skip { get; set; }

    /// <summary>The page after this position (<see cref="TaskCursor"/>), as the "Trang sau" link gives it.</summary>
    [FromQuery(Name = "sau")]
    public string? After { get; set; }

    /// <summary>The page before this position, as the "Trang trước" link gives it.</summary>
    [FromQuery(Name = "truoc")]
    public string? Before { get; set; }

    /// <summary>Which plans when none is chosen (<c>?pham-vi=</c>): the active ones unless asked.</summary>
    [FromQuery(Name = "pham-vi")]
    public string? ScopeKey { get; set; }

    public Persistence.PlanScope Scope => Persistence.PlanScopes.Parse(ScopeKey) ?? Persistence.PlanScope.Active;

    public TaskPage Result { get; private set; } = null!;

    public IReadOnlyList<Persistence.PlanRecord> Plans { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies => data.Reference.Agencies.Agencies;

    public string AgencyName(string id) => service.AgencyName(id);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = service.Today;
        Plans = await service.PlansAsync(ct).ConfigureAwait(false);
        var filter = new TaskFilter
        {
            PlanId = string.IsNullOrWhiteSpace(Plan) ? null : Plan,
            Scope = Scope,
            AgencyId = string.IsNullOrWhiteSpace(Agency) ? null : Agency,
            State = ProgressStates.TryParseKey(State, out var state) ? state : null,
            Search = string.IsNullOrWhiteSpace(Search) ? null : Search,
            Skip = Math.Max(0, Skip),
            Take = PageSize,
            After = TaskCursor.Parse(After),
            Before = TaskCursor.Parse(Before),
        };
        Result = await progress.TasksAsync(filter, today, ct).ConfigureAwait(false);
    }

    /// <summary>This list's address with another first row, read from a position of the list (the page after <paramref name="after"/>, or before <paramref name="before"/>).</summary>
    public string QueryWith(int skip, TaskCursor? after = null, TaskCursor? before = null)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in new[] { ("ke-hoach", Plan), ("trang-thai", State), ("co-quan", Agency), ("q", Search), ("pham-vi", ScopeKey) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }

        query.Add("tu", skip.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (after is not null)
        {
            query.Add("sau", after.ToString());
        }

        if (before is not null)
        {
            query.Add("truoc", before.ToString());
        }
        return "/nhiem-vu" + query.ToQueryString();
    }
}
