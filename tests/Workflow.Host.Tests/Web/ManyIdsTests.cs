using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Hostile;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// More rows than SQLite takes variables in one statement (32,766): a search that matches every
/// task and an agency that leads every milestone still answer, since no query sends a list of ids.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ManyIdsTests : IAsyncLifetime
{
    private const int Count = 33_000;
    private readonly HostileServer fx = new();

    public async Task InitializeAsync()
    {
        await fx.InitializeAsync();
        await using var db = await fx.Databases().CreateDbContextAsync();
        db.Plans.Add(new PlanRecord { Id = "hang-loat", Title = "Kế hoạch hàng loạt", TrackedYear = 2025, Source = "thử", ContentHash = "thử", IssuedOn = new DateOnly(2024, 12, 1) });
        await db.SaveChangesAsync();
#pragma warning disable EF1002 // constants of the test, no input
        await db.Database.ExecuteSqlRawAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Count})
            INSERT INTO tasks ("PlanId", "TaskId", "Row", "Activity", "LeadCell", "Deadline", "ScheduleKind", "SearchText")
            SELECT 'hang-loat', 'h' || i, i, 'Nhiệm vụ hàng loạt ' || i, 'Sở', 'Quý II/2025', 'Once', 'h' || i || char(10) || 'nhiem vu hang loat ' || i || char(10) FROM n
            """);
        await db.Database.ExecuteSqlRawAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Count})
            INSERT INTO milestones ("PlanId", "TaskId", "Number", "Due", "EffectiveDue", "PlannedDue", "DefinitionId", "DefinitionVersion", "Status", "WaitsForEvent", "Extended", "Lead", "LeadReview", "Coordinators", "Revision")
            SELECT 'hang-loat', 'h' || i, 1, '2025-06-30', '2025-06-30', '2025-06-30', 'chase-and-escalate', 1, 'Waiting', 0, 0, '{fx.Agency}', 0, '', 0 FROM n
            """);
#pragma warning restore EF1002
    }

    public Task DisposeAsync() => fx.DisposeAsync();

    [Fact]
    public async Task A_search_matching_every_task_answers()
    {
        using var response = await fx.SendAsync(HttpMethod.Get, "/api/tasks?q=hàng%20loạt&take=10", bearer: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Count, page.GetProperty("total").GetInt32());
        Assert.Equal(10, page.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task The_task_page_searches_every_task()
    {
        using var client = await fx.Server.SignedInAsync();

        using var response = await client.GetAsync(new Uri("/nhiem-vu?q=hang+loat", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nhiệm vụ hàng loạt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_leading_every_milestone_gets_its_list()
    {
        using var response = await fx.SendAsync(HttpMethod.Get, $"/api/agency/{fx.Agency}/milestones?{fx.LinkQuery()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(list.GetArrayLength() > Count);
    }
}
