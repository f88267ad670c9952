using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflow.Web.Tests;

/// <summary>One row of a milestone's timeline table (data-testid="timeline"): when, what, details, who.</summary>
internal sealed record TimelineRow(string At, string What, string Details, string By);

/// <summary>What every browser test does with the pages: log in, check a page is proper, read a timeline.</summary>
internal static partial class Pages
{
    /// <summary>A form body for a direct POST of <paramref name="api"/> (no page involved).</summary>
    public static IFormData FormOf(IAPIRequestContext api, params (string Name, string Value)[] fields)
    {
        var form = api.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>Words of an untranslated page (ASP.NET Core's defaults, a forgotten label).</summary>
    [GeneratedRegex(@"\b(Error|error occurred|Not Found|Login|Log in|Logout|Log out|Sign in|Sign out|Password|Username|User name|Submit|Forbidden|Unauthorized|Bad Request|Loading|Search|Download|Upload|Overview|Tasks|Agencies|Approve|Reject|Refuse|Save|Cancel|Previous|Status|Deadline|Overdue|Due date)\b")]
    private static partial Regex English();

    /// <summary>A program's identifier shown to people (NON_CLUSTERED, SOME_CONSTANT).</summary>
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")]
    private static partial Regex Identifier();

    /// <summary>UTF-8 read as Latin-1 ("Sá»Ÿ"), or a replacement character: diacritics gone wrong.</summary>
    [GeneratedRegex("Ã|Ä‘|á»|áº|\uFFFD")]
    private static partial Regex Mojibake();

    [GeneratedRegex(@"\d{2}/\d{2}/\d{4}")]
    private static partial Regex Day();

    /// <summary>Logs in through the form as the test's coordinator and lands on the overview.</summary>
    public static async Task LoginAsync(IPage page)
    {
        await page.GotoAsync("/dang-nhap");
        await page.Locator("input[name=userName]").FillAsync(WebServer.UserName);
        await page.Locator("input[name=password]").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await ArriveAsync(page, AtPath("/"));
    }

    /// <summary>
    /// Waits until <paramref name="page"/> shows an address that matches <paramref name="url"/> and that
    /// document has loaded, after a click or a key started the navigation. Not
    /// <c>page.WaitForURLAsync</c> nor <c>page.WaitForLoadStateAsync</c>: Playwright's .NET client looks
    /// at the load states it has heard of and only then subscribes to the next ones, so a "load" that
    /// arrives in between is never seen and the wait runs into its timeout (on CI, 02/12/2026, the login waited 30 s on
    /// an empty overview page: its log had "networkidle" and no "load"). Both waits here poll inside the browser.
    /// </summary>
    public static async Task ArriveAsync(IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary>An address whose path is exactly <paramref name="path"/>, with any query.</summary>
    public static Regex AtPath(string path) => new($"^[a-z]+://[^/?#]+{Regex.Escape(path)}([?#].*)?$");

    /// <summary>
    /// A page as a person should get it: in Vietnamese (lang="vi", a Vietnamese title, no English
    /// words or program identifiers, no broken diacritics), styled (the site's sheet loaded), and
    /// every form that posts carrying the anti-forgery token; and accessible: no WCAG 2.0/2.1 A or AA
    /// violation (<see cref="Accessibility"/>) in the state it is in (<paramref name="state"/>, for the message).
    /// </summary>
    public static async Task AssertProperAsync(IPage page, string? state = null)
    {
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'"); // its style sheet too
        var where = page.Url;
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        var title = await page.TitleAsync();
        Assert.Contains("Theo dõi kế hoạch CCHC", title, StringComparison.Ordinal);
        var text = await page.Locator("body").InnerTextAsync();
        var english = English().Matches(text + "\n" + title).Concat(Identifier().Matches(text)).Select(m => m.Value).Distinct().ToList();
        Assert.True(english.Count == 0, $"{where}: not Vietnamese: {string.Join(", ", english)}");
        var broken = Mojibake().Matches(text + "\n" + title).Select(m => m.Value).Distinct().ToList();
        Assert.True(broken.Count == 0, $"{where}: broken Vietnamese text: {string.Join(", ", broken)}");

        var styled = await page.EvaluateAsync<bool>(
            "() => [...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } catch { return false } })");
        Assert.True(styled, $"{where}: the style sheet did not load");
        var header = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).backgroundColor");
        Assert.Equal("rgb(139, 26, 26)", header);

        var unprotected = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('form')]"
            + ".filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'post' && !f.querySelector('input[name=\"__RequestVerificationToken\"]'))"
            + ".map(f => f.outerHTML.slice(0, 160))");
        Assert.True(unprotected.Length == 0, $"{where}: forms without the anti-forgery token:\n{string.Join("\n", unprotected)}");

        await Accessibility.AssertAccessibleAsync(page, state ?? title);
    }

    /// <summary>Keeps a full-page screenshot of the page, then checks it (<see cref="AssertProperAsync"/>).</summary>
    public static async Task CheckAndShootAsync(IPage page, string screenshot)
    {
        await Screenshots.SaveAsync(page, screenshot);
        await AssertProperAsync(page, screenshot);
    }

    /// <summary>
    /// Keeps a full-page screenshot of a state inside a page (the designer's tabs, a selection) and
    /// audits it with axe-core (<see cref="Accessibility"/>); the page itself was checked when it opened.
    /// </summary>
    public static async Task ShootAndAuditAsync(IPage page, string screenshot)
    {
        await Screenshots.SaveAsync(page, screenshot);
        await Accessibility.AssertAccessibleAsync(page, screenshot);
    }

    /// <summary>Unfolds every folded set of actions (details.actions) of the page: all its forms open. How many there were.</summary>
    public static Task<int> OpenEveryFormAsync(IPage page) =>
        page.Locator("details.actions").EvaluateAllAsync<int>("ds => { ds.forEach(d => d.open = true); return ds.length; }");

    /// <summary>
    /// The section of milestone <paramref name="milestone"/> on an agency's report page, following
    /// "Trang sau" as a person would until it shows (the page lists 50 milestones at a time).
    /// </summary>
    public static async Task<ILocator> FindOpenMilestoneAsync(IPage page, long milestone)
    {
        var section = page.Locator($"[data-testid=open-milestone][data-milestone=\"{milestone}\"]");
        while (await section.CountAsync() == 0)
        {
            var next = page.Locator("[data-testid=next-page]");
            Assert.True(await next.CountAsync() == 1, $"milestone {milestone} is on no page of {page.Url}");
            var href = new Uri(new Uri(page.Url), await next.GetAttributeAsync("href"));
            var target = System.Web.HttpUtility.ParseQueryString(href.Query)["trang"];
            await next.ClickAsync();
            await ArriveAsync(page, new Regex($"[?&]trang={target}(&|#|$)"));
        }

        return section;
    }

    /// <summary>The timeline of one milestone section of the task page, oldest first.</summary>
    public static async Task<List<TimelineRow>> TimelineAsync(ILocator milestone)
    {
        var rows = new List<TimelineRow>();
        foreach (var row in await milestone.Locator("[data-testid=timeline] tbody tr").AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            rows.Add(new TimelineRow(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim()));
        }

        return rows;
    }

    /// <summary>The first dd/MM/yyyy date in a text.</summary>
    public static DateOnly FirstDay(string text)
    {
        var match = Day().Match(text);
        Assert.True(match.Success, $"no date in \"{text}\"");
        return DateOnly.ParseExact(match.Value, "dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    public static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Today in Vietnam (the real clock).</summary>
    public static DateOnly TodayInVietnam() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
}
