using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Web;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// Every hostile plan file (<see cref="HostilePlanFiles"/>) given to `workflow plan check` and
/// `workflow plan import`: refused with its Vietnamese message (file named, exit 1), and the
/// database and the workflows folder exactly as they were.
/// </summary>
public sealed class HostilePlanFileCommandTests(Workspace workspace) : IClassFixture<Workspace>
{
    [Theory]
    [MemberData(nameof(HostilePlanFiles.Names), MemberType = typeof(HostilePlanFiles))]
    public void The_command_line_refuses_it_and_nothing_changes(string name)
    {
        var hostile = HostilePlanFiles.Get(name);
        var file = Path.Combine(workspace.Inputs, $"{name}-{hostile.FileName}");
        File.WriteAllBytes(file, hostile.Bytes);
        var before = workspace.Snapshot();

        var check = workspace.Run("plan", "check", file);
        var import = workspace.Run("plan", "import", file);

        foreach (var (exit, output, error) in new[] { check, import })
        {
            Assert.True(exit == 1, $"exit {exit}: {output}{error}");
            Assert.Contains(hostile.Refusal, output, StringComparison.Ordinal);
            Assert.Contains(file, output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }

        Assert.Contains("chưa nhập gì", import.Out, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
    }
}

/// <summary>One signed-in server for every hostile upload.</summary>
public sealed class UploadServer : IAsyncLifetime
{
    internal WebServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await WebServer.StartAsync();
        Client = await Server.SignedInAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The same files uploaded to POST /api/plans/import: not imported, the problem named, no row and no file written.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class HostilePlanUploadTests(UploadServer fixture) : IClassFixture<UploadServer>
{
    private WebServer Server => fixture.Server;

    private HttpClient Client => fixture.Client;

    [Theory]
    [MemberData(nameof(HostilePlanFiles.Names), MemberType = typeof(HostilePlanFiles))]
    public async Task An_upload_is_refused_and_nothing_changes(string name)
    {
        var hostile = HostilePlanFiles.Get(name);
        var before = await StateAsync();

        using var form = new MultipartFormDataContent();
        using var content = new ByteArrayContent(hostile.Bytes);
        form.Add(content, "file", hostile.FileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/import", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(Client));
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            // Past the upload's body limit (the file's 10 MB and the form around it): refused before it is read, with the same words.
            Assert.True(hostile.Bytes.Length > Definitions.Plans.PlanLimits.DefaultMaxFileBytes, $"{hostile.Bytes.Length} bytes: {text}");
            Assert.Contains(hostile.Refusal, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(before, await StateAsync());
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains("chưa nhập gì", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("imported").GetBoolean());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.Contains(hostile.Refusal, StringComparison.Ordinal));
        Assert.All(body.GetProperty("problems").EnumerateArray(), p => Assert.Equal(hostile.FileName, p.GetProperty("file").GetString()));
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>What a plan import writes (plans and their content hash, tasks, milestones, the coordinator's history rows), and the plan files.</summary>
    private async Task<string> StateAsync()
    {
        var factory = Server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        // What an import writes: plans, tasks, milestones, and history rows by the coordinator (the server's own timers,
        // which fire at 08:00 on the real clock, write theirs as "hệ thống" and are not the upload's doing).
        var plans = string.Join(',', await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id + ":" + p.ContentHash).ToListAsync());
        var counts = $"{plans} {await db.Tasks.CountAsync()} {await db.Milestones.CountAsync()} {await db.Milestones.CountAsync(m => m.RemovedBy != null)} {await db.History.CountAsync(h => h.By == WebServer.DisplayName)}";
        var files = string.Join(',', Directory.EnumerateFiles(Path.Combine(Server.Workflows, "plans")).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal));
        return counts + " " + files;
    }
}
