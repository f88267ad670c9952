using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Hostile;
using Workflow.Tests;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// The checks of issue 12 that lean on the database, on the real PostgreSQL of
/// WORKFLOW_TEST_POSTGRES (a schema of its own, dropped after): the partial unique index that keeps
/// one pending extension request a milestone, the folded search column of the tasks, and an agency's
/// report page cut into pages by the query.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class PostgresInputTests : IAsyncLifetime
{
    private readonly Scheduling.PostgresSchema schema = new("input_test");
    private HostileServer fx = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { Length: > 0 })
        {
            return; // the tests are skipped
        }

        await schema.CreateAsync();
        fx = new HostileServer { Postgres = schema.ConnectionString };
        await fx.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (fx is not null)
        {
            await fx.DisposeAsync();
        }

        await schema.DropAsync();
    }

    [PostgresFact]
    public async Task The_partial_index_exists_with_its_filter()
    {
        await using var db = await fx.Databases().CreateDbContextAsync();
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND indexname = {0}", WorkflowDbContext.OnePendingRequestIndex).SingleAsync();
        Assert.Contains("UNIQUE INDEX", definition, StringComparison.Ordinal);
        Assert.Contains("WHERE ((\"Status\")::text = 'Pending'::text)", definition, StringComparison.Ordinal);
    }

    [PostgresFact]
    public Task Sixteen_parallel_extension_requests_leave_exactly_one_pending() => AgencyInputTests.SixteenParallelRequestsLeaveOnePendingAsync(fx);

    [PostgresFact]
    public Task The_database_itself_keeps_one_pending_request_a_milestone() => AgencyInputTests.DatabaseKeepsOnePendingRequestAsync(fx);

    /// <summary>The agency's report page cut into pages by PostgreSQL's query: each open milestone once, in the API's order.</summary>
    [PostgresFact]
    public Task An_agency_s_pages_hold_each_open_milestone_once_in_the_order_of_the_api() =>
        AgencyPagingTests.AssertEveryOpenMilestoneOnOnePageAsync(fx.Client, "so-tu-phap", fx.Link("so-tu-phap") + "&pham-vi=all");

    /// <summary>The search column is filled on PostgreSQL as on SQLite: with or without diacritics, in any case, the same milestones.</summary>
    [PostgresFact]
    public async Task A_search_ignores_case_and_diacritics()
    {
        await using (var db = await fx.Databases().CreateDbContextAsync())
        {
            Assert.DoesNotContain(await db.Tasks.Select(t => t.SearchText).ToListAsync(), string.IsNullOrEmpty);
        }

        var totals = new List<int>();
        foreach (var q in new[] { "cải cách hành chính", "CAI CACH HANH CHINH", "cai cach hanh chinh" })
        {
            using var response = await fx.SendAsync(HttpMethod.Get, $"/api/tasks?q={Uri.EscapeDataString(q)}&take=5", bearer: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            totals.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        }

        Assert.True(totals[0] > 0, "no milestone found");
        Assert.All(totals, t => Assert.Equal(totals[0], t));
        using var none = await fx.SendAsync(HttpMethod.Get, "/api/tasks?q=khong-co-nhiem-vu-nao&take=5", bearer: true);
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }
}
