using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflow.Host.Tests.Web;

/// <summary>A plan uploaded on the web: imported whole or not at all, and kept among the coordinator's plan files.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class PlanUploadTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task An_imported_upload_joins_the_plan_files_and_the_designer_can_dry_run_it()
    {
        using var client = await server.SignedInAsync();
        var csv = File.ReadAllText(Path.Combine(server.Workflows, "plans", "cchc-2025.csv"))
            .Replace("Mã kế hoạch,cchc-2025", "Mã kế hoạch,thu-nghiem-2025", StringComparison.Ordinal);

        using var response = await UploadAsync(client, csv, "ke hoach moi.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("imported").GetBoolean());
        Assert.Equal("thu-nghiem-2025", body.GetProperty("plan").GetString());
        Assert.Equal(csv, File.ReadAllText(Path.Combine(server.Workflows, "plans", "thu-nghiem-2025.csv")));

        using var dryRun = await PostJsonAsync(client, "/api/definitions/light-chase/dry-run", new { plan = "thu-nghiem-2025" });
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.True(JsonDocument.Parse(await dryRun.Content.ReadAsStringAsync()).RootElement.GetProperty("timeline").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_refused_upload_imports_nothing_and_writes_no_file()
    {
        using var client = await server.SignedInAsync();
        var csv = File.ReadAllText(Path.Combine(server.Workflows, "plans", "cchc-2025.csv"))
            .Replace("Mã kế hoạch,cchc-2025", "Mã kế hoạch,hong-2025", StringComparison.Ordinal)
            .Replace("Quý I/2025", "Quý XIV/2025", StringComparison.Ordinal);

        using var response = await UploadAsync(client, csv, "hong.csv");

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.GetProperty("imported").GetBoolean());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("row").ValueKind == JsonValueKind.Number);
        Assert.False(File.Exists(Path.Combine(server.Workflows, "plans", "hong-2025.csv")));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName)
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/import", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        return await client.SendAsync(request);
    }
}
