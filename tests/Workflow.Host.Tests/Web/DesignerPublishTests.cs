using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Web;

/// <summary>Publishing in the designer, over the API: new milestones take the new version at once, running ones keep theirs.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class DesignerPublishTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_published_version_applies_to_new_milestones_and_running_ones_keep_theirs()
    {
        using var client = await server.SignedInAsync();
        var csrf = await WebServer.CsrfAsync(client);
        var draft = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/definitions/chase-and-escalate/draft", UriKind.Relative)))!["definition"]!;
        draft["name"] = "Nhắc hạn và báo cáo (bản 2)";

        using (var save = Send(HttpMethod.Put, "/api/definitions/chase-and-escalate/draft", draft.ToJsonString(), csrf))
        using (var saved = await client.SendAsync(save))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using (var publish = Send(HttpMethod.Post, "/api/definitions/chase-and-escalate/publish", "{}", csrf))
        using (var published = await client.SendAsync(publish))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal(2, JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32());
        }

        Assert.True(File.Exists(Path.Combine(server.Workflows, "definitions", "chase-and-escalate.v2.json")));
        var data = server.App.Services.GetRequiredService<WorkflowsData>();
        var plan = PlanReader.Read(Path.Combine(server.Workflows, "plans", "cchc-2019.csv"), data.Reference).Plan!;
        await server.App.Services.GetRequiredService<WorkflowRuntime>().ImportAsync(plan, "test");

        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var rows = await db.Milestones.AsNoTracking().Where(m => m.DefinitionId == "chase-and-escalate").Select(m => new { m.PlanId, m.DefinitionVersion }).Distinct().ToListAsync();
        Assert.Equal([1], rows.Where(r => r.PlanId == "cchc-2025").Select(r => r.DefinitionVersion)); // running: v1
        Assert.Equal([2], rows.Where(r => r.PlanId == "cchc-2019").Select(r => r.DefinitionVersion)); // new: v2
    }

    [Fact]
    public async Task A_version_another_server_publishes_into_the_folder_is_picked_up()
    {
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(server.Workflows, "definitions", "light-chase.json")))!;
        shipped["version"] = 2;
        shipped["id"] = "light-chase:2";
        File.WriteAllText(Path.Combine(server.Workflows, "definitions", "light-chase.v2.json"), shipped.ToJsonString());
        var live = server.App.Services.GetRequiredService<LiveDefinitions>();
        Assert.Equal(1, live.Catalog.Get("light-chase").Version);

        await server.App.Services.GetRequiredService<DefinitionsReloader>().ReloadIfChangedAsync(CancellationToken.None);

        Assert.Equal(2, live.Catalog.Get("light-chase").Version);
        Assert.Equal(1, live.Catalog.Get("light-chase", 1).Version); // running milestones keep theirs
    }

    [Fact]
    public async Task A_dangling_connection_cannot_be_published_and_the_message_names_the_activity()
    {
        using var client = await server.SignedInAsync();
        var csrf = await WebServer.CsrfAsync(client);
        var draft = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/definitions/light-chase/draft", UriKind.Relative)))!["definition"]!;
        var connections = draft["root"]!["connections"]!.AsArray();
        var first = connections[0]!.DeepClone();
        first["target"] = first["target"] is JsonObject ? new JsonObject { ["activity"] = "khong-co" } : "khong-co";
        connections.Add(first);
        using (var save = Send(HttpMethod.Put, "/api/definitions/light-chase/draft", draft.ToJsonString(), csrf))
        using (await client.SendAsync(save))
        {
        }

        using var publish = Send(HttpMethod.Post, "/api/definitions/light-chase/publish", "{}", csrf);
        using var refused = await client.SendAsync(publish);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("khong-co", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(server.Workflows, "definitions", "light-chase.v2.json")));
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, string json, string csrf)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        return request;
    }
}
