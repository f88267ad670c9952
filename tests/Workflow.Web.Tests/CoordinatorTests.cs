using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Workflow.Web.Tests;

/// <summary>
/// A coordinator of Sở Nội vụ in a real browser: logs in, finds an overdue task, sees an agency's
/// extension request and approves it, and finds the new due date and the whole story in the
/// task's timeline. Also: the login's Vietnamese refusal and the anti-forgery guard of every form and of the API.
/// </summary>
[Collection(SeedSiteGroup.Name)]
public sealed class CoordinatorTests(SeedSite site, ITestOutputHelper log)
{
    private const string Plan = "cchc-2025";

    [BrowserFact]
    public async Task An_agency_asks_for_more_time_on_an_overdue_task_and_the_coordinator_approves_it()
    {
        var today = Pages.TodayInVietnam();
        var page = await site.CoordinatorPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/"))!.Status);
        await Pages.CheckAndShootAsync(page, "02-tong-quan");
        await Assertions.Expect(page.Locator("[data-testid=card-qua-han]")).ToBeVisibleAsync();
        var unpainted = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=quarter-chart] rect')].filter(r => getComputedStyle(r).fill === 'rgb(0, 0, 0)').map(r => r.getAttribute('class'))"
            + ".concat([...document.querySelectorAll('[data-testid=quarter-chart] .legend i')].filter(i => getComputedStyle(i).backgroundColor === 'rgba(0, 0, 0, 0)').map(i => 'legend ' + i.className))");
        Assert.True(unpainted.Length == 0, "the quarter chart is not coloured by state: " + string.Join(", ", unpainted.Distinct()));

        // The overdue tasks of the 2025 plan (in late 2026 all of them).
        Assert.Equal(200, (await page.GotoAsync($"/nhiem-vu?ke-hoach={Plan}&trang-thai=qua-han"))!.Status);
        await Pages.CheckAndShootAsync(page, "03-nhiem-vu-qua-han");
        var rows = page.Locator("[data-testid=task-row]");
        Assert.True(await rows.CountAsync() > 0, "no overdue task in the list");
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("quá hạn", text, StringComparison.Ordinal);
        }

        var (task, milestone) = await FirstOverdueMilestoneAsync(page, rows, today);
        var lead = milestone.GetProperty("lead")[0].GetString()!;
        var number = milestone.GetProperty("number").GetInt32();
        var milestoneId = milestone.GetProperty("id").GetInt64();

        await page.GotoAsync($"/nhiem-vu/{Plan}/{task}");
        var section = page.Locator($"[data-testid=milestone-{number}]");
        Assert.Equal("quá hạn", (await section.Locator("[data-testid=milestone-state]").InnerTextAsync()).Trim());
        var oldDue = Pages.FirstDay(await section.Locator("[data-testid=milestone-due]").InnerTextAsync());
        Assert.True(oldDue < today, $"due {oldDue} is not past");

        // The lead agency opens its signed link and asks for up to 40 more days: no later than halfway
        // to the end of its extension window (31/12 of the year after the plan's tracked year).
        var windowEnd = new DateOnly(2026, 12, 31);
        var requested = today.AddDays(Math.Clamp((windowEnd.DayNumber - today.DayNumber) / 2, 1, 40));
        while (requested.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && requested.AddDays(-1) > today)
        {
            requested = requested.AddDays(-1);
        }

        var agency = await site.AnonymousPageAsync();
        var link = site.Server.Links().For(lead, NodaTime.SystemClock.Instance.GetCurrentInstant());
        var response = await agency.GotoAsync(link.PathAndQuery + "&pham-vi=all"); // the seed plans are closed on today's clock
        Assert.Equal(200, response!.Status);
        var agencyName = (await agency.Locator("[data-testid=agency-name]").InnerTextAsync()).Trim();
        var open = await Pages.FindOpenMilestoneAsync(agency, milestoneId);
        Assert.Equal($"{Plan}/{task}", await open.GetAttributeAsync("data-task"));
        await open.Locator("details.actions").EvaluateAsync("d => d.open = true"); // folded when the page lists many milestones
        var ask = open.Locator("[data-testid=request-extension]");
        await ask.Locator("input[name=newDue]").FillAsync(requested.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ask.Locator("input[name=reason]").FillAsync("Chờ ý kiến thẩm định của Sở Tư pháp");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị" }).ClickAsync();
        await Assertions.Expect(agency.Locator("[data-testid=flash]")).ToContainTextAsync($"Đã gửi đề nghị gia hạn đến {Pages.Show(requested)}");
        await Assertions.Expect(open.Locator("[data-testid=request-pending]")).ToBeVisibleAsync();
        log.WriteLine($"{Plan}/{task} milestone {number}, led by {lead}: {await agency.Locator("[data-testid=open-milestone]").CountAsync()} open milestones on its page");
        await Pages.OpenEveryFormAsync(agency); // every form open, for the audit
        await Pages.CheckAndShootAsync(agency, "04-bao-cao-co-quan");

        // The coordinator sees the request on the task page, then decides it on the extensions page.
        await page.GotoAsync($"/nhiem-vu/{Plan}/{task}");
        var request = section.Locator("[data-testid=extension-request]");
        await Assertions.Expect(request).ToContainTextAsync(agencyName);
        await Assertions.Expect(request).ToContainTextAsync(Pages.Show(requested));
        await Assertions.Expect(request.GetByRole(AriaRole.Button, new() { Name = "Duyệt gia hạn" })).ToBeVisibleAsync();
        await Pages.CheckAndShootAsync(page, "05-nhiem-vu-truoc-khi-duyet");

        await page.GotoAsync("/gia-han");
        var row = page.Locator("[data-testid=extension-row]").Filter(new() { Has = page.Locator($"a[href=\"/nhiem-vu/{Plan}/{task}#moc-{number}\"]") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Chờ ý kiến thẩm định của Sở Tư pháp");
        await Pages.CheckAndShootAsync(page, "06-gia-han");
        await row.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync($"Đã duyệt gia hạn đến {Pages.Show(requested)}");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // The new due date, a state that is no longer overdue, and who did what.
        await page.GotoAsync($"/nhiem-vu/{Plan}/{task}");
        var state = (await section.Locator("[data-testid=milestone-state]").InnerTextAsync()).Trim();
        Assert.NotEqual("quá hạn", state);
        var dueText = await section.Locator("[data-testid=milestone-due]").InnerTextAsync();
        var newDue = Pages.FirstDay(dueText);
        Assert.True(newDue >= requested && newDue <= requested.AddDays(10), $"due \"{dueText}\" after approving {requested}");
        Assert.Contains("đã gia hạn", dueText, StringComparison.Ordinal);
        await Assertions.Expect(section.Locator("[data-testid=extension-request]")).ToHaveCountAsync(0);
        var timeline = await Pages.TimelineAsync(section);
        Assert.Contains(timeline, r => r.What == "đề nghị gia hạn" && r.By.Contains(agencyName, StringComparison.Ordinal) && r.Details.Contains(Pages.Show(requested), StringComparison.Ordinal));
        Assert.Contains(timeline, r => r.What == "duyệt gia hạn" && r.By == WebServer.DisplayName);
        Assert.Contains(timeline, r => r.What == "gia hạn" && r.By == WebServer.DisplayName && r.Details.Contains(Pages.Show(oldDue), StringComparison.Ordinal));
        await Pages.CheckAndShootAsync(page, "07-nhiem-vu-sau-khi-duyet");
    }

    [BrowserFact]
    public async Task A_wrong_password_is_refused_in_vietnamese()
    {
        var page = await site.AnonymousPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.Locator("input[name=userName]").FillAsync(WebServer.UserName);
        await page.Locator("input[name=password]").FillAsync("sai-mat-khau-roi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        Assert.Equal("/dang-nhap", new Uri(page.Url).AbsolutePath);
        await Pages.AssertProperAsync(page);

        // Still not signed in: a coordinator's page sends the browser back to the form.
        await page.GotoAsync("/gia-han");
        Assert.Equal("/dang-nhap", new Uri(page.Url).AbsolutePath);
    }

    [BrowserFact]
    public async Task Every_form_and_the_api_refuse_a_post_without_the_anti_forgery_token()
    {
        var page = await site.CoordinatorPageAsync();
        await page.GotoAsync("/gia-han");
        var token = await page.Locator("meta[name=csrf-token]").GetAttributeAsync("content");
        Assert.False(string.IsNullOrEmpty(token));

        // A page's form posted without its hidden token (with the login cookie): 400, nothing done.
        var form = page.Context.APIRequest;
        var milestoneId = (await MilestoneIdAsync(page, Plan, "15", 1)).ToString(CultureInfo.InvariantCulture);
        var post = await form.PostAsync("/gia-han", new() { Form = Pages.FormOf(form, ("request", "1"), ("approve", "true")), MaxRedirects = 0 });
        Assert.Equal(400, post.Status);
        post = await form.PostAsync($"/nhiem-vu/{Plan}/15?handler=Note", new() { Form = Pages.FormOf(form, ("milestone", milestoneId), ("text", "không có mã")), MaxRedirects = 0 });
        Assert.Equal(400, post.Status);

        // The agency's page and the login form too.
        var stranger = await site.AnonymousPageAsync();
        var link = site.Server.Links().For("so-tu-phap", NodaTime.SystemClock.Instance.GetCurrentInstant());
        var anonymous = stranger.Context.APIRequest;
        post = await anonymous.PostAsync(link.PathAndQuery + "&handler=Progress", new() { Form = Pages.FormOf(anonymous, ("milestone", milestoneId), ("text", "không có mã")), MaxRedirects = 0 });
        Assert.Equal(400, post.Status);
        post = await anonymous.PostAsync("/dang-nhap", new() { Form = Pages.FormOf(anonymous, ("userName", WebServer.UserName), ("password", WebServer.Password)), MaxRedirects = 0 });
        Assert.Equal(400, post.Status);

        // The API: 401 without a login; with the cookie, a POST needs X-CSRF-TOKEN.
        using (var http = new HttpClient { BaseAddress = site.Server.BaseUrl })
        {
            using var unauthorized = await http.GetAsync(new Uri("api/extensions", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        var note = new Dictionary<string, string> { ["text"] = "Ghi chú qua API" };
        var api = await form.PostAsync($"/api/milestones/{milestoneId}/notes", new() { DataObject = note, MaxRedirects = 0 });
        Assert.Equal(400, api.Status);
        api = await form.PostAsync($"/api/milestones/{milestoneId}/notes", new() { DataObject = note, Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = token! } });
        Assert.Equal(200, api.Status);
        var task = await (await form.GetAsync($"/api/plans/{Plan}/tasks/15")).JsonAsync();
        var timeline = task!.Value.GetProperty("milestones")[0].GetProperty("timeline").EnumerateArray().ToList();
        Assert.Single(timeline, e => e.GetProperty("what").GetString() == "ghi chú" && e.GetProperty("details").GetString() == "Ghi chú qua API" && e.GetProperty("by").GetString() == WebServer.DisplayName);
        Assert.DoesNotContain(timeline, e => e.GetProperty("details").GetString() == "không có mã");
    }

    [BrowserFact]
    public async Task The_other_coordinator_pages_are_vietnamese_styled_and_protected()
    {
        var page = await site.CoordinatorPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (scriptErrors)
                {
                    scriptErrors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (scriptErrors)
            {
                scriptErrors.Add($"{page.Url}: {error}");
            }
        };
        foreach (var (path, name) in new[]
                 {
                     ("/nhiem-vu", "08-nhiem-vu"),
                     ("/co-quan", "09-co-quan"),
                     ("/bao-cao-quy", "10-bao-cao-quy"),
                     ("/thu-loi", "11-thu-loi"),
                     ("/quy-trinh", "18-quy-trinh"),
                     ("/quy-trinh/quy-tac", "19-quy-tac"),
                 })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"GET {path}: {response.Status}");
            await Pages.CheckAndShootAsync(page, name);
        }

        // The quarterly report's downloads.
        await page.GotoAsync("/bao-cao-quy");
        foreach (var download in new[] { "download-xlsx", "download-csv" })
        {
            var href = await page.Locator($"[data-testid={download}]").GetAttributeAsync("href");
            var file = await page.Context.APIRequest.GetAsync(href!);
            Assert.True(file.Status == 200, $"GET {href}: {file.Status}");
            Assert.True((await file.BodyAsync()).Length > 0, $"GET {href}: empty");
        }

        // The import page refuses a plan naming an unknown agency, in Vietnamese, and imports nothing.
        await page.GotoAsync("/nhap-ke-hoach");
        await Pages.CheckAndShootAsync(page, "12-nhap-ke-hoach");
        var csv = "Mã kế hoạch,thu-loi\nTên kế hoạch,Kế hoạch có lỗi\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Nhiệm vụ của cơ quan không có thật,Sở Không Tồn Tại,Quý I/2025\n";
        await page.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "thu-loi.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("chưa nhập gì");
        await Assertions.Expect(page.Locator("[data-testid=import-problems]")).ToContainTextAsync("Sở Không Tồn Tại");
        await Pages.CheckAndShootAsync(page, "13-nhap-ke-hoach-loi");

        // The password change page, and its refusal, audited like every page (the change itself is tested over HTTP).
        await page.GotoAsync("/doi-mat-khau");
        await Pages.CheckAndShootAsync(page, "14-doi-mat-khau");
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync("sai-mat-khau-roi");
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("mat-khau-moi-dai-hon");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("mat-khau-moi-khac-han");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=password-error]")).ToContainTextAsync("Hai lần nhập mật khẩu mới không giống nhau");
        await Pages.CheckAndShootAsync(page, "15-doi-mat-khau-loi");
        lock (scriptErrors)
        {
            Assert.True(scriptErrors.Count == 0, "script errors on the pages:\n" + string.Join("\n", scriptErrors));
        }
    }

    /// <summary>
    /// The first task of the list with an open, overdue milestone, no pending request and a lead
    /// agency whose report page is short enough to look at (Sở Nội vụ has hundreds): (task id, milestone as the API gives it).
    /// </summary>
    private async Task<(string Task, JsonElement Milestone)> FirstOverdueMilestoneAsync(IPage page, ILocator rows, DateOnly today)
    {
        var openCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var href in await rows.Locator($"a[href^=\"/nhiem-vu/{Plan}/\"]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var task = href[$"/nhiem-vu/{Plan}/".Length..].Split('#', '?')[0];
            var detail = await (await page.Context.APIRequest.GetAsync($"/api/plans/{Plan}/tasks/{task}")).JsonAsync();
            foreach (var m in detail!.Value.GetProperty("milestones").EnumerateArray())
            {
                var due = m.GetProperty("effectiveDue");
                if (due.ValueKind == JsonValueKind.String && DateOnly.Parse(due.GetString()!, CultureInfo.InvariantCulture) < today
                    && m.GetProperty("doneOn").ValueKind == JsonValueKind.Null
                    && m.GetProperty("status").GetString() is not ("Dormant" or "Finished")
                    && m.GetProperty("lead").GetArrayLength() == 1
                    && !m.GetProperty("extensions").EnumerateArray().Any(e => e.GetProperty("status").GetString() == "Pending"))
                {
                    var lead = m.GetProperty("lead")[0].GetString()!;
                    if (!openCount.TryGetValue(lead, out var count))
                    {
                        var link = site.Server.Links().For(lead, NodaTime.SystemClock.Instance.GetCurrentInstant());
                        var open = await (await page.Context.APIRequest.GetAsync($"/api/agency/{lead}/milestones{link.Query}&plans=all")).JsonAsync();
                        openCount[lead] = count = open!.Value.GetArrayLength();
                    }

                    if (count <= 60)
                    {
                        return (task, m.Clone());
                    }
                }
            }
        }

        throw new InvalidOperationException("no task of the overdue list has an open overdue milestone led by one agency with a short report page");
    }

    private static async Task<long> MilestoneIdAsync(IPage page, string plan, string task, int number)
    {
        var detail = await (await page.Context.APIRequest.GetAsync($"/api/plans/{plan}/tasks/{task}")).JsonAsync();
        return detail!.Value.GetProperty("milestones").EnumerateArray().First(m => m.GetProperty("number").GetInt32() == number).GetProperty("id").GetInt64();
    }
}
