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
    public async Task Cells_with_two_readings_are_imported_and_listed_for_confirmation()
    {
        using var client = await server.SignedInAsync();
        var csv = "Mã kế hoạch,hai-cach-doc\nTên kế hoạch,Thử\nNăm theo dõi,2026\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Việc,Sở Nội vụ,Trước năm 2030\n2,Việc,Sở Nội vụ,Quý I/2026\n";

        using var response = await UploadAsync(client, csv, "hai-cach-doc.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("imported").GetBoolean());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(6, warning.GetProperty("row").GetInt32());
        Assert.Equal("D", warning.GetProperty("column").GetString());
        Assert.Contains("\"Trước năm 2030\" có hai cách đọc", warning.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The page says the same after its import: imported, and the one cell to confirm.
        var page = await PagePostAsync(client, csv.Replace("hai-cach-doc", "hai-cach-doc-trang", StringComparison.Ordinal), confirm: null);
        Assert.Contains("Đã nhập hai-cach-doc-trang", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-warnings\"", page, StringComparison.Ordinal);
        Assert.Contains("1 ô thời hạn có hai cách đọc", page, StringComparison.Ordinal);
        Assert.Contains("\"Trước năm 2030\" có hai cách đọc", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_imports_nothing_and_writes_no_file()
    {
        using var client = await server.SignedInAsync();
        var csv = File.ReadAllText(Path.Combine(server.Workflows, "plans", "cchc-2025.csv"))
            .Replace("Mã kế hoạch,cchc-2025", "Mã kế hoạch,hong-2025", StringComparison.Ordinal)
            .Replace("Quý I/2025", "Quý XIV/2025", StringComparison.Ordinal);

        using var response = await UploadAsync(client, csv, "hong.csv");

        // A problem JSON (every API error is one) that still lists each problem with its file, row and column.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains("chưa nhập gì", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("imported").GetBoolean());
        var problem = body.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("message").GetString()!.Contains("Quý XIV", StringComparison.Ordinal));
        Assert.Equal("hong.csv", problem.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("row").ValueKind);
        Assert.Equal("K", problem.GetProperty("column").GetString()); // Thời gian hoàn thành
        Assert.False(File.Exists(Path.Combine(server.Workflows, "plans", "hong-2025.csv")));
    }

    /// <summary>
    /// A file past Kestrel's own limit (about 28.6 MB) used to get Kestrel's bare 413. Now every
    /// upload over the plan file's 10 MB (and the form around it) gets our answer, naming the limit
    /// and what to do, before the body is read; nothing is imported. The body is streamed, never held.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_upload_over_thirty_megabytes_gets_the_plan_file_limit_in_vietnamese_on_the_api(bool expectContinue)
    {
        using var client = await server.SignedInAsync();
        var before = PlanFiles();
        using var form = new MultipartFormDataContent();
        using var file = new StreamContent(new FillerStream(31 * 1024 * 1024));
        form.Add(file, "file", "qua-lon.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/import", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        request.Headers.ExpectContinue = expectContinue;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Tệp kế hoạch quá lớn; chưa nhập gì", body.GetProperty("title").GetString());
        Assert.Equal("Tệp vượt giới hạn 10 MB của một tệp kế hoạch: hãy bỏ các trang, hình ảnh không cần thiết, hoặc chia thành nhiều kế hoạch.", body.GetProperty("detail").GetString());
        Assert.Equal(before, PlanFiles());
    }

    [Fact]
    public async Task An_upload_over_thirty_megabytes_gets_the_vietnamese_page_naming_the_limit()
    {
        using var client = await server.SignedInAsync();
        var before = PlanFiles();
        var token = await WebServer.TokenAsync(client, "/nhap-ke-hoach");
        using var form = new MultipartFormDataContent();
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var file = new StreamContent(new FillerStream(31 * 1024 * 1024));
        form.Add(file, "file", "qua-lon.csv");

        using var response = await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), form);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {html}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{(int)response.StatusCode} {response.Content.Headers}: {html}");
        Assert.Contains("<h1>Tệp kế hoạch quá lớn; chưa nhập gì</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Tệp vượt giới hạn 10 MB của một tệp kế hoạch: hãy bỏ các trang, hình ảnh không cần thiết, hoặc chia thành nhiều kế hoạch.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/nhap-ke-hoach\"", html, StringComparison.Ordinal);
        Assert.Equal(before, PlanFiles());
    }

    /// <summary>The same answer for any body past the limit, however far: just over 10 MB, the file itself is named.</summary>
    [Fact]
    public async Task An_upload_just_over_ten_megabytes_is_refused_with_the_same_limit()
    {
        using var client = await server.SignedInAsync();
        using var form = new MultipartFormDataContent();
        using var file = new StreamContent(new FillerStream(Workflow.Definitions.Plans.PlanLimits.DefaultMaxFileBytes + 1));
        form.Add(file, "file", "hoi-lon.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/import", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal("hoi-lon.csv", problem.GetProperty("file").GetString());
        Assert.Contains("vượt giới hạn 10 MB của một tệp kế hoạch", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private string PlanFiles() => string.Join(',', Directory.EnumerateFiles(Path.Combine(server.Workflows, "plans")).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_reupload_that_would_end_milestones_is_refused_with_the_list_until_allowed_and_the_milestone_can_be_restored()
    {
        using var client = await server.SignedInAsync();
        var csv = Without(["15"]);

        using (var refused = await UploadAsync(client, csv, "cchc-2025.csv"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            var removal = Assert.Single(problem.GetProperty("removals").EnumerateArray());
            Assert.Equal("15", removal.GetProperty("task").GetString());
            Assert.Equal(1, removal.GetProperty("milestone").GetInt32());
        }

        var before = await TaskAsync(client, "15");
        Assert.False(before.GetProperty("removed").GetBoolean());
        Assert.Equal("Waiting", before.GetProperty("status").GetString());

        using (var allowed = await UploadAsync(client, csv, "cchc-2025.csv", "?allowRemoval=true"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            var body = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(1, body.GetProperty("removed").GetInt32());
        }

        var removed = await TaskAsync(client, "15");
        Assert.True(removed.GetProperty("removed").GetBoolean());
        Assert.Equal(WebServer.DisplayName, removed.GetProperty("removedBy").GetString());
        Assert.Equal(JsonValueKind.String, removed.GetProperty("removedAtUtc").ValueKind);
        var listed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/plans/removed", UriKind.Relative))).RootElement;
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("taskId").GetString() == "15");

        using (var restore = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/milestones/{removed.GetProperty("id").GetInt64()}/restore", UriKind.Relative)))
        {
            restore.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
            using var restored = await client.SendAsync(restore);
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }

        var back = await TaskAsync(client, "15");
        Assert.False(back.GetProperty("removed").GetBoolean());
        Assert.Equal("Waiting", back.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_upload_page_lists_what_would_end_and_imports_only_the_very_file_confirmed()
    {
        using var client = await server.SignedInAsync();
        var one = Without(["15"]);
        var two = Without(["15", "16"]);

        var first = await PagePostAsync(client, one, null);
        Assert.Contains("Chưa nhập gì", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"import-removals\"", first, StringComparison.Ordinal);
        var fingerprint = System.Text.RegularExpressions.Regex.Match(first, "name=\"confirm\" value=\"([0-9A-F]{64})\"").Groups[1].Value;
        Assert.NotEmpty(fingerprint);

        // Another file with the confirmation of the first: its own list is shown, nothing imported.
        var other = await PagePostAsync(client, two, fingerprint);
        Assert.Contains("không còn 5 mốc", other, StringComparison.Ordinal);
        Assert.Equal("Waiting", (await TaskAsync(client, "15")).GetProperty("status").GetString());

        var confirmed = await PagePostAsync(client, one, fingerprint);
        Assert.Contains("1 mốc bỏ khỏi kế hoạch", confirmed, StringComparison.Ordinal);
        Assert.Contains("Mốc đã bỏ khỏi kế hoạch", confirmed, StringComparison.Ordinal);
        Assert.True((await TaskAsync(client, "15")).GetProperty("removed").GetBoolean());
        var taskPage = await client.GetStringAsync(new Uri("/nhiem-vu/cchc-2025/15", UriKind.Relative));
        Assert.Contains("đã bỏ khỏi kế hoạch", taskPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"restore-form\"", taskPage, StringComparison.Ordinal);
    }

    private string Without(string[] tasks) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(server.Workflows, "plans", "cchc-2025.csv")).Where(l => !tasks.Any(t => l.StartsWith(t + ",", StringComparison.Ordinal))));

    private static async Task<JsonElement> TaskAsync(HttpClient client, string task) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/plans/cchc-2025/tasks/{task}", UriKind.Relative))).RootElement.GetProperty("milestones")[0];

    private static async Task<string> PagePostAsync(HttpClient client, string csv, string? confirm)
    {
        var token = await WebServer.TokenAsync(client, "/nhap-ke-hoach");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        form.Add(file, "file", "cchc-2025.csv");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var confirmField = new StringContent(confirm ?? string.Empty);
        if (confirm is not null)
        {
            form.Add(confirmField, "confirm");
        }

        using var response = await client.PostAsync(new Uri("/nhap-ke-hoach", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return System.Net.WebUtility.HtmlDecode(html);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName, string query = "")
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/import" + query, UriKind.Relative)) { Content = form };
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
