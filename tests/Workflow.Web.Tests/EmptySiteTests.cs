using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflow.Web.Tests;

/// <summary>
/// A server with no plan at all, as on the first day: every coordinator page in its empty state is
/// Vietnamese, styled and passes the axe audit; and the login's rate limit answers with a page of
/// the site that says how long to wait.
/// </summary>
public sealed class EmptySiteTests
{
    [BrowserFact]
    public async Task Every_page_of_an_empty_site_passes_the_audit_and_too_many_logins_get_a_vietnamese_page()
    {
        var launching = Browser.LaunchAsync();
        WebServer? started = null;
        try
        {
            started = await WebServer.StartAsync(new WebServerOptions(new Dictionary<string, string>()));
        }
        finally
        {
            if (started is null)
            {
                await (await launching).DisposeAsync();
            }
        }

        await using var server = started;
        await using var browser = await launching;

        var page = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        await Pages.LoginAsync(page);
        foreach (var (path, name) in new[]
                 {
                     ("/", "empty-01-tong-quan"),
                     ("/nhiem-vu", "empty-02-nhiem-vu"),
                     ("/co-quan", "empty-03-co-quan"),
                     ("/gia-han", "empty-04-gia-han"),
                     ("/bao-cao-quy", "empty-05-bao-cao-quy"),
                     ("/thu-loi", "empty-06-thu-loi"),
                     ("/nhap-ke-hoach", "empty-07-nhap-ke-hoach"),
                     ("/quy-trinh", "empty-08-quy-trinh"),
                     ("/quy-trinh/quy-tac", "empty-09-quy-tac"),
                     ("/khong-co-trang-nay", "empty-10-khong-tim-thay"),
                 })
        {
            // The designer's pages draw from the API: wait for the network to be idle (in the browser, see Pages.ArriveAsync).
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Status == (path == "/khong-co-trang-nay" ? 404 : 200), $"GET {path}: {response.Status}");
            await Pages.CheckAndShootAsync(page, name);
        }

        // The login form takes 10 attempts a minute from one address (showing the form is not one); past
        // that it is refused with a page. The limit is a fixed one-minute window, and a wrong password
        // costs a password hash, so on a loaded machine a dozen attempts one after the other may spread
        // over two windows. A burst of 25 posted at once puts more than 10 in one window whatever the
        // machine's speed; the browser's own attempt right after it then meets the refusal.
        var stranger = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        IResponse? refused = null;
        for (var round = 0; round < 3 && refused is null; round++)
        {
            await stranger.GotoAsync("/dang-nhap");
            var token = await stranger.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
            var burst = Enumerable.Range(0, 25).Select(_ => stranger.Context.APIRequest.PostAsync("/dang-nhap", new()
            {
                Form = Pages.FormOf(stranger.Context.APIRequest, ("userName", "ai-do"), ("password", "khong-dung-dau"), ("__RequestVerificationToken", token!)),
                MaxRedirects = 0,
            }));
            var statuses = (await Task.WhenAll(burst)).Select(r => r.Status).ToList();
            Assert.All(statuses, status => Assert.True(status is 200 or 429, $"POST /dang-nhap: {status}"));
            Assert.Contains(429, statuses);

            await stranger.FillAsync("input[name=userName]", "ai-do");
            await stranger.FillAsync("input[name=password]", "khong-dung-dau");
            var response = await stranger.RunAndWaitForResponseAsync(() => stranger.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST" && r.Url.Contains("/dang-nhap", StringComparison.Ordinal));
            if (response.Status == 429)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.StartsWith("text/html", await refused.HeaderValueAsync("content-type") ?? string.Empty, StringComparison.Ordinal);
        var wait = int.Parse((await refused.HeaderValueAsync("retry-after"))!, CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 60);
        await Assertions.Expect(stranger).ToHaveTitleAsync(new Regex("^Quá nhiều lần thử đăng nhập"));
        await Assertions.Expect(stranger.Locator("[data-testid=error-page]")).ToContainTextAsync($"Xin đợi {wait} giây rồi thử lại");
        await Assertions.Expect(stranger.Locator("[data-testid=error-page]")).Not.ToContainTextAsync("sai");
        await Pages.CheckAndShootAsync(stranger, "empty-11-qua-nhieu-lan-dang-nhap");
    }
}
