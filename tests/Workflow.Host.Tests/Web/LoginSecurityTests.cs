using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Web;

/// <summary>Logins and secrets over real HTTP: headers, revocation, disabled accounts, throttling per address, anti-forgery with a junk bearer, file modes.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class LoginSecurityTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static async Task<HttpStatusCode> PageStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/gia-han", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string> TokenAsync()
    {
        using var client = server.Client();
        using var response = await client.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = WebServer.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpStatusCode> ApiStatusAsync(string token)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/extensions", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task LogOutAsync(HttpClient client)
    {
        var token = await WebServer.TokenAsync(client, "/gia-han");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/dang-xuat", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("/dang-nhap")]
    [InlineData("/gia-han")]
    [InlineData("/api/extensions")]
    [InlineData("/api/khong-co")]
    [InlineData("/css/site.css")]
    [InlineData("/bao-cao/so-tu-phap?het-han=1&chu-ky=x")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = server.Client();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nhiem-vu")]
    [InlineData("/nhiem-vu/cchc-2025/15")]
    [InlineData("/co-quan")]
    [InlineData("/gia-han")]
    [InlineData("/bao-cao-quy")]
    [InlineData("/nhap-ke-hoach")]
    [InlineData("/thu-loi")]
    [InlineData("/dang-nhap")]
    [InlineData("/doi-mat-khau")]
    public async Task The_pages_have_no_inline_script_style_or_handler(string path)
    {
        using var client = await server.SignedInAsync();

        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch("\\sstyle=\"", html);
        Assert.DoesNotMatch("<style", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    [Fact]
    public async Task Logging_out_ends_a_copied_cookie_and_the_tokens_issued_before()
    {
        var cookies = new CookieContainer();
        using var client = await server.SignedInAsync(cookies);
        var copied = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(server.BaseAddress))
        {
            copied.Add(server.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(token));

        await LogOutAsync(client);

        using var thief = new HttpClient(new HttpClientHandler { CookieContainer = copied, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(thief));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(token));
    }

    /// <summary>
    /// The password change page: the coordinator's own browser goes on, while a copied cookie (another
    /// session) and a bearer token issued before no longer work, and only the new password signs in.
    /// </summary>
    [Fact]
    public async Task Changing_the_password_ends_the_other_cookies_and_the_tokens_issued_before()
    {
        var cookies = new CookieContainer();
        using var client = await server.SignedInAsync(cookies);
        using var other = await server.SignedInAsync(); // the same account in another browser
        var copied = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(server.BaseAddress))
        {
            copied.Add(server.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        using var thief = new HttpClient(new HttpClientHandler { CookieContainer = copied, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var token = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(other));
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(thief));
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(token));

        var (status, page) = await ChangePasswordAsync(client, WebServer.Password, "mat-khau-moi-dai-hon", "mat-khau-moi-dai-hon");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã đổi mật khẩu.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(client)); // this browser, signed in again with the new stamp
        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(other));
        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(thief)); // the cookie as it was before the change
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(token));
        using (var old = await server.Client().PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = WebServer.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using var fresh = await server.Client().PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = "mat-khau-moi-dai-hon" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Theory]
    [InlineData("sai-mat-khau-hien-tai", "mat-khau-moi-dai-hon", "mat-khau-moi-dai-hon", "Mật khẩu hiện tại không đúng.")]
    [InlineData(WebServer.Password, "mat-khau-moi-dai-hon", "mat-khau-moi-khac-han", "Hai lần nhập mật khẩu mới không giống nhau")]
    [InlineData(WebServer.Password, "ngan-qua", "ngan-qua", "Mật khẩu phải có ít nhất 10 ký tự.")]
    [InlineData(WebServer.Password, WebServer.Password, WebServer.Password, "Mật khẩu mới phải khác mật khẩu hiện tại.")]
    [InlineData("", "mat-khau-moi-dai-hon", "mat-khau-moi-dai-hon", "Hãy nhập mật khẩu hiện tại, và mật khẩu mới hai lần.")]
    public async Task A_refused_password_change_says_why_and_revokes_nothing(string current, string next, string again, string expect)
    {
        using var client = await server.SignedInAsync();
        using var other = await server.SignedInAsync();
        var token = await TokenAsync();

        var (status, page) = await ChangePasswordAsync(client, current, next, again);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expect, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PageStatusAsync(other));
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(token));
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(await TokenAsync())); // the old password still signs in
    }

    /// <summary>Posts the password change form as a browser would; the page it shows (after its redirect when it succeeded).</summary>
    internal static async Task<(HttpStatusCode Status, string Page)> ChangePasswordAsync(HttpClient client, string current, string next, string again)
    {
        var token = await WebServer.TokenAsync(client, "/doi-mat-khau");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = again, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/doi-mat-khau", UriKind.Relative), form);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/doi-mat-khau", response.Headers.Location?.OriginalString);
            return (HttpStatusCode.OK, WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/doi-mat-khau", UriKind.Relative))));
        }

        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Disable_reset_password_and_enable_work_from_the_command_line_at_once()
    {
        using var client = await server.SignedInAsync();
        var token = await TokenAsync();
        var database = "sqlite:" + Path.Combine(server.Folder, "w.db");

        var disabled = CliRun.Run("user", "disable", WebServer.UserName, "--database", database);
        Assert.Equal(0, disabled.Exit);
        Assert.Contains("Đã khóa tài khoản", disabled.Out, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await PageStatusAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(token));
        using (var refused = await server.Client().PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = WebServer.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("Sai tên đăng nhập hoặc mật khẩu.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var listed = CliRun.Run("user", "list", "--database", database);
        Assert.Contains("đã khóa", listed.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Run("user", "enable", WebServer.UserName, "--database", database).Exit);
        var fresh = await TokenAsync();
        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(fresh));

        var reset = CliRun.Run("user", "reset-password", WebServer.UserName, "--password", "mot-mat-khau-moi", "--database", database);
        Assert.Equal(0, reset.Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiStatusAsync(fresh));
        using var again = await server.Client().PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = "mot-mat-khau-moi" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var tooShort = CliRun.Run("user", "reset-password", WebServer.UserName, "--password", "ngan", "--database", database);
        Assert.NotEqual(0, tooShort.Exit);
        using var kept = await server.Client().PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = "mot-mat-khau-moi" });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode); // a refused new password leaves the old one

        var unknown = CliRun.Run("user", "disable", "khong-ai-ca", "--database", database);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("Không có tài khoản \"khong-ai-ca\"", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_do_not_lock_the_account()
    {
        using var stranger = server.Client();
        for (var i = 0; i < 6; i++)
        {
            using var response = await stranger.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = $"sai-mat-khau-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await ApiStatusAsync(await TokenAsync()));
        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == WebServer.UserName);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task Throttled_attempts_get_a_problem_on_the_api_and_the_Vietnamese_page_on_the_form()
    {
        using var client = server.Client();
        HttpStatusCode last = default;
        for (var i = 0; i < 11; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = "ai-do", password = "khong-dung-dau" });
            last = response.StatusCode;
            if (last == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Quá nhiều lần thử", await Hostile.HostileServer.ProblemAsync(response), StringComparison.Ordinal);
                Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        var token = await WebServer.TokenAsync(client, "/dang-nhap"); // showing the form is not an attempt: never throttled
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "ai-do", ["password"] = "khong-dung-dau", ["__RequestVerificationToken"] = token });
        using var page = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Quá nhiều lần thử", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_junk_bearer_header_does_not_skip_the_anti_forgery_check_of_a_cookie()
    {
        using var client = await server.SignedInAsync();
        await using var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        var m = await db.Milestones.AsNoTracking().FirstAsync(x => x.PlanId == "cchc-2025");
        var notes = await db.History.CountAsync(h => h.MilestoneId == m.Id);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/milestones/{m.Id}/notes", UriKind.Relative)) { Content = JsonContent.Create(new { text = "giả mạo" }) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer junk");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("chống giả mạo", await Hostile.HostileServer.ProblemAsync(response), StringComparison.Ordinal);
        Assert.Equal(notes, await db.History.CountAsync(h => h.MilestoneId == m.Id));
    }

    [Fact]
    public async Task The_database_the_link_key_and_the_emails_are_readable_by_the_server_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // file modes are Unix
        }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(server.Folder, "w.db")));

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WORKFLOW_LINK_KEY")))
        {
            var data = Path.Combine(server.Folder, "data");
            Hosting.DeliverySetup.CreateLinks(data);
            Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(data, "link.key")));
            Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        }

        var emails = Path.Combine(server.Folder, "pickup");
        var transport = new Notifications.Delivery.PickupFolderTransport(emails);
        using var message = Notifications.Delivery.MailMessages.Create(new MimeKit.MailboxAddress("A", "a@example.org"), [new MimeKit.MailboxAddress("B", "b@example.org")], [], "Thử", "nội dung", "<p>nội dung</p>", null, NodaTime.Instant.FromUtc(2025, 3, 28, 1, 0), "thu.20250328@example.org");
        await transport.SendAsync(message, CancellationToken.None);
        var eml = Assert.Single(Directory.GetFiles(emails));
        Assert.EndsWith(".eml", eml, StringComparison.Ordinal);
        Assert.Equal(owner, File.GetUnixFileMode(eml));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(emails));
    }
}
