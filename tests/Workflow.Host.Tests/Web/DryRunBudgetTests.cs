using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// The designer's dry run of a definition whose timer fires every second: on main it grew the
/// server to 6 GB in 80 s and ran on after the client left. Now it is refused within its budget,
/// with a Vietnamese problem, and the server goes on answering.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class DryRunBudgetTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static JsonNode EverySecond() => JsonNode.Parse("""
        {
          "id": "moi-giay:1", "definitionId": "moi-giay", "name": "Mỗi giây", "version": 1,
          "root": {
            "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              {"id": "start", "type": "Cchc.MilestoneStart"},
              {"id": "tick", "type": "Elsa.Timer", "interval": "00:00:01"},
              {"id": "remind", "type": "Cchc.SendReminder"}
            ],
            "connections": [
              {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "tick", "port": "In"}},
              {"source": {"activity": "tick", "port": "Done"}, "target": {"activity": "remind", "port": "In"}},
              {"source": {"activity": "remind", "port": "Done"}, "target": {"activity": "tick", "port": "In"}}
            ]
          }
        }
        """)!;

    [Fact]
    public async Task A_dry_run_of_a_timer_every_second_is_refused_within_its_budget()
    {
        using var client = await server.SignedInAsync();
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/definitions/moi-giay/dry-run", UriKind.Relative))
        {
            Content = JsonContent.Create(new { plan = "cchc-2025", definition = EverySecond() }),
        };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("problems", body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        using var after = await client.GetAsync(new Uri("/api/overview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
