using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Host.Persistence;

namespace Workflow.Host.Tests.Web;

/// <summary>The web's guards, over real HTTP: login, anti-forgery, the API's two ways in, and the agency link.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class WebSecurityTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<MilestoneRecord> MilestoneAsync(string task)
    {
        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await db.Milestones.AsNoTracking().FirstAsync(m => m.PlanId == "cchc-2025" && m.TaskId == task);
    }

    private string Link(string agency, Instant? now = null) =>
        server.Delivery.Links!.For(agency, now ?? SystemClock.Instance.GetCurrentInstant()).PathAndQuery;

    [Fact]
    public async Task Pages_send_strangers_to_the_login_form_in_Vietnamese()
    {
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri("/nhiem-vu/cchc-2025/15", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var login = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        Assert.Contains("<html lang=\"vi\">", login, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập", login, StringComparison.Ordinal); // not &#x110;ăng: Vietnamese stays readable
    }

    [Fact]
    public async Task Login_keys_live_in_the_database_so_every_server_of_a_cluster_shares_them()
    {
        using var client = await server.SignedInAsync();

        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message()
    {
        using var client = server.Client();
        var token = await WebServer.TokenAsync(client, "/dang-nhap");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = WebServer.UserName, ["password"] = "sai-mat-khau-roi", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_is_refused()
    {
        using var client = await server.SignedInAsync();
        var m = await MilestoneAsync("15");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["milestone"] = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "x" });

        using var response = await client.PostAsync(new Uri("/nhiem-vu/cchc-2025/15?handler=Note", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_login_form_is_rate_limited()
    {
        using var client = server.Client();
        var token = await WebServer.TokenAsync(client, "/dang-nhap");
        var statuses = new List<HttpStatusCode>();
        string? page = null, contentType = null, retryAfter = null;
        for (var i = 0; i < 12; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "ai-do", ["password"] = "khong-dung-dau", ["__RequestVerificationToken"] = token });
            using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), form);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && page is null)
            {
                page = await response.Content.ReadAsStringAsync();
                contentType = response.Content.Headers.ContentType?.MediaType;
                retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // The refusal is a Vietnamese page of the site that says how long to wait, not that the password was wrong.
        Assert.NotNull(page);
        Assert.Equal("text/html", contentType);
        Assert.NotNull(retryAfter);
        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>Quá nhiều lần thử đăng nhập · Theo dõi kế hoạch CCHC</title>", page, StringComparison.Ordinal);
        Assert.Contains($"Xin đợi {retryAfter} giây rồi thử lại", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sai", page.Split("<main", 2)[1], StringComparison.OrdinalIgnoreCase);

        // The token endpoint shares the limit and answers problem JSON.
        using var api = await client.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = "ai-do", password = "khong-dung-dau" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_api_wants_a_login_and_with_a_cookie_the_anti_forgery_header()
    {
        using var stranger = server.Client();
        using (var response = await stranger.GetAsync(new Uri("/api/extensions", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var client = await server.SignedInAsync();
        using (var response = await client.GetAsync(new Uri("/api/extensions", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var m = await MilestoneAsync("15");
        using (var response = await client.PostAsJsonAsync(new Uri($"/api/milestones/{m.Id}/notes", UriKind.Relative), new { text = "không có mã" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var token = await WebServer.CsrfAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/milestones/{m.Id}/notes", UriKind.Relative)) { Content = JsonContent.Create(new { text = "có mã" }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_system_gets_a_bearer_token_and_needs_no_anti_forgery_header()
    {
        using var client = server.Client();
        using var tokenResponse = await client.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = WebServer.Password });
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        var m = await MilestoneAsync("15");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/milestones/{m.Id}/notes", UriKind.Relative)) { Content = JsonContent.Create(new { text = "từ hệ thống quản lý văn bản" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var detail = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/plans/cchc-2025/tasks/15", UriKind.Relative));
        detail.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var task = await client.SendAsync(detail);
        var json = await task.Content.ReadAsStringAsync();
        Assert.Contains("từ hệ thống quản lý văn bản", json, StringComparison.Ordinal);
        Assert.Contains(WebServer.DisplayName, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_described_with_OpenAPI()
    {
        using var client = server.Client();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/milestones/{id}/done", document, StringComparison.Ordinal);
        Assert.Contains("/api/agency/{agency}/milestones", document, StringComparison.Ordinal);
        Assert.Contains("/api/extensions/{id}/approve", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_link_shows_the_agencys_open_milestones()
    {
        var m = await MilestoneAsync("15");
        var agency = m.Lead.Split(',')[0];
        using var client = server.Client();

        // The 2025 plan is closed on today's clock: its milestones show when the agency asks for every plan.
        using var response = await client.GetAsync(new Uri(Link(agency) + "&pham-vi=all", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-milestone=\"{m.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_expired_link_is_refused_with_a_clear_page()
    {
        var agency = (await MilestoneAsync("15")).Lead.Split(',')[0];
        var good = Link(agency);
        var otherAgency = good.Replace("/bao-cao/" + agency, "/bao-cao/so-tu-phap", StringComparison.Ordinal);
        var longer = System.Text.RegularExpressions.Regex.Replace(good, "het-han=(\\d+)", m => "het-han=" + (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 86400 * 365));
        var expired = Link(agency, SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(31));
        using var client = server.Client();

        foreach (var (link, reason) in new[] { (otherAgency, "không hợp lệ"), (longer, "không hợp lệ"), (expired, "đã hết hạn"), ($"/bao-cao/{agency}", "không đầy đủ") })
        {
            using var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Đường dẫn không dùng được", html, StringComparison.Ordinal);
            Assert.Contains(reason, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_link_reaches_only_the_milestones_its_agency_leads()
    {
        var mine = await MilestoneAsync("15");
        var agency = mine.Lead.Split(',')[0];
        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var other = (await db.Milestones.AsNoTracking().Where(x => x.PlanId == "cchc-2025").ToListAsync()).First(x => !x.Lead.Split(',').Contains(agency));
        using var client = server.Client();
        var link = Link(agency);
        var token = await WebServer.TokenAsync(client, link + "&pham-vi=all"); // the 2025 plan is closed on today's clock: its forms show on asking for every plan
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["milestone"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["on"] = "2025-01-02",
            ["reference"] = "giả mạo",
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(new Uri(link + "&handler=Done", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));

        Assert.Contains("Không có mốc hạn này trong các việc đơn vị chủ trì.", page, StringComparison.Ordinal);
        await using var check = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        Assert.Null((await check.Milestones.AsNoTracking().FirstAsync(x => x.Id == other.Id)).DoneOn);
    }
}
