using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Workflow.Web.Tests;

/// <summary>
/// The site with a keyboard and no mouse, on its own server and a small plan whose tasks are
/// overdue on the real clock: an agency asks for more time from its link; the coordinator logs in,
/// skips to the content, opens the task from the list and approves the request, which makes the
/// milestone due soon; the agency reports it done from its link. Every stop of the focus shows a
/// ring, and every page on the way passes the axe audit. Also: the plan selects change nothing
/// before their "Xem" button (an arrow key does not reload the page).
/// </summary>
public sealed class KeyboardTests(ITestOutputHelper log)
{
    private const string Plan = "ban-phim-2026";
    private const string OtherPlan = "ban-phim-2025";
    private const string Agency = "so-tu-phap";
    private const string Extended = "Nhiệm vụ thử gia hạn bằng bàn phím";
    private const string Other = "Nhiệm vụ thử khác của đơn vị";

    private static readonly Dictionary<string, string> Plans = new()
    {
        [Plan + ".csv"] = $"Mã kế hoạch,{Plan}\nSố hiệu,998/KH-THU\nTên kế hoạch,Kế hoạch thử bàn phím\nNgày ban hành,24/12/2025\nNăm theo dõi,2026\n\n"
            + "TT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n"
            + $"1,{Extended},Sở Tư pháp,ngày 30/01/2026\n"
            + $"2,{Other},Sở Tư pháp,ngày 30/01/2026\n",
        [OtherPlan + ".csv"] = $"Mã kế hoạch,{OtherPlan}\nSố hiệu,997/KH-THU\nTên kế hoạch,Kế hoạch thử bàn phím năm trước\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\nNgày kết thúc theo dõi,31/12/2027\n\n"
            + "TT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n"
            + "1,Nhiệm vụ năm trước,Sở Nội vụ,Quý IV/2025\n",
    };

    [BrowserFact]
    public async Task An_extension_asked_approved_and_a_task_reported_done_with_the_keyboard_alone()
    {
        var launching = Browser.LaunchAsync();
        WebServer? started = null;
        try
        {
            started = await WebServer.StartAsync(new WebServerOptions(Plans));
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
        var today = Pages.TodayInVietnam();
        var requested = today.AddDays(7);
        while (requested.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            requested = requested.AddDays(1);
        }

        // The agency, from its link: asks for a new date a week away for task 1.
        var agency = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        var link = server.Links().For(Agency, NodaTime.SystemClock.Instance.GetCurrentInstant()).PathAndQuery;
        Assert.Equal(200, (await agency.GotoAsync(link))!.Status);
        var extended = agency.Locator($"[data-testid=open-milestone][data-task=\"{Plan}/1\"]");
        await Assertions.Expect(extended.Locator(".state")).ToHaveTextAsync("quá hạn");
        await Pages.AssertProperAsync(agency, "agency page, forms open");
        var ask = $"[data-testid=open-milestone][data-task=\"{Plan}/1\"] [data-testid=request-extension]";
        await TabToAsync(agency, $"{ask} input[name=newDue]");
        await TypeDateAsync(agency, requested);
        await TabToAsync(agency, $"{ask} input[name=reason]");
        await agency.Keyboard.TypeAsync("Chờ ý kiến của Sở Tài chính");
        await TabToAsync(agency, $"{ask} button[type=submit]");
        await agency.Keyboard.PressAsync("Enter");
        await Assertions.Expect(agency.Locator("[data-testid=flash]")).ToContainTextAsync($"Đã gửi đề nghị gia hạn đến {Pages.Show(requested)}");
        await Pages.CheckAndShootAsync(agency, "kb-01-don-vi-de-nghi-gia-han");

        // The coordinator: the login form has the focus; name, Tab, password, Enter.
        var page = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        Assert.Equal("userName", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        await page.Keyboard.TypeAsync(WebServer.UserName);
        await TabToAsync(page, "input[name=password]");
        await page.Keyboard.TypeAsync(WebServer.Password);
        await page.Keyboard.PressAsync("Enter");
        await Pages.ArriveAsync(page, Pages.AtPath("/"));

        // The first Tab reaches the skip link, which takes the focus to the content.
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusedAsync(page, "[data-testid=skip-link]");
        await Screenshots.SaveAsync(page, "kb-02-lien-ket-bo-qua");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("noi-dung", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // From the menu to the list of tasks, then to the task.
        await TabToAsync(page, "header nav a[href=\"/nhiem-vu\"]");
        await page.Keyboard.PressAsync("Enter");
        await Pages.ArriveAsync(page, Pages.AtPath("/nhiem-vu"));
        await TabToAsync(page, $"[data-testid=task-row] a[href^=\"/nhiem-vu/{Plan}/1\"]");
        await page.Keyboard.PressAsync("Enter");
        await Pages.ArriveAsync(page, Pages.AtPath($"/nhiem-vu/{Plan}/1"));
        var section = page.Locator("[data-testid=milestone-1]");
        await Assertions.Expect(section.Locator("[data-testid=extension-request]")).ToContainTextAsync(Pages.Show(requested));
        await Pages.CheckAndShootAsync(page, "kb-03-nhiem-vu-cho-duyet");

        // Approved: the milestone is due in a week, "sắp đến hạn".
        await TabToAsync(page, "[data-testid=extension-request] button[name=approve][value=true]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync($"Đã duyệt gia hạn đến {Pages.Show(requested)}");
        await Assertions.Expect(section.Locator("[data-testid=milestone-state]")).ToHaveTextAsync("sắp đến hạn");
        await Pages.CheckAndShootAsync(page, "kb-04-nhiem-vu-sap-den-han");
        await page.GotoAsync($"/nhiem-vu?trang-thai=sap-den-han");
        await Assertions.Expect(page.Locator("[data-testid=task-row]")).ToHaveCountAsync(1);
        await Pages.CheckAndShootAsync(page, "kb-05-danh-sach-sap-den-han");
        await page.GotoAsync("/");
        await Pages.CheckAndShootAsync(page, "kb-06-tong-quan-sap-den-han");

        // The agency reports it done: the date is today already; the product's reference, Tab, Enter.
        await agency.GotoAsync(link);
        await Assertions.Expect(extended.Locator(".state")).ToHaveTextAsync("sắp đến hạn");
        await Pages.OpenEveryFormAsync(agency);
        await Pages.CheckAndShootAsync(agency, "kb-07-don-vi-sap-den-han");
        var done = $"[data-testid=open-milestone][data-task=\"{Plan}/1\"] [data-testid=report-done]";
        await TabToAsync(agency, $"{done} input[name=reference]");
        await agency.Keyboard.TypeAsync("Quyết định số 45/QĐ-STP");
        await TabToAsync(agency, $"{done} button[type=submit]");
        await agency.Keyboard.PressAsync("Enter");
        await Assertions.Expect(agency.Locator("[data-testid=flash]")).ToContainTextAsync("Đã ghi nhận hoàn thành");
        await Assertions.Expect(extended).ToHaveCountAsync(0);
        await Pages.CheckAndShootAsync(agency, "kb-08-don-vi-da-bao-hoan-thanh");

        await page.GotoAsync($"/nhiem-vu/{Plan}/1");
        await Assertions.Expect(section.Locator("[data-testid=milestone-state]")).ToHaveTextAsync("hoàn thành");
        var timeline = await Pages.TimelineAsync(section);
        Assert.Contains(timeline, r => r.What == "duyệt gia hạn" && r.By == WebServer.DisplayName);
        Assert.Contains(timeline, r => r.What == "báo cáo hoàn thành" && r.Details.Contains("Quyết định số 45/QĐ-STP", StringComparison.Ordinal) && r.By.Contains("Sở Tư pháp", StringComparison.Ordinal));

        // The plan selects: an arrow key changes the choice and nothing else; "Xem" applies it.
        foreach (var (path, select, button) in new[]
                 {
                     ("/co-quan", "select[name=ke-hoach]", "[data-testid=agency-plan-submit]"),
                     ("/", "[data-testid=quarter-chart] select[name=ke-hoach]", "[data-testid=chart-plan-submit]"),
                 })
        {
            await page.GotoAsync(path);
            var before = await page.Locator(select).InputValueAsync();
            await TabToAsync(page, select);
            var loads = 0;
            void Count(object? sender, IFrame frame)
            {
                if (frame == page.MainFrame)
                {
                    loads++;
                }
            }

            page.FrameNavigated += Count;
            await page.Keyboard.PressAsync(before == OtherPlan ? "ArrowUp" : "ArrowDown");
            var chosen = await page.Locator(select).InputValueAsync();
            Assert.NotEqual(before, chosen);
            await page.WaitForTimeoutAsync(500); // a reload, if the select caused one, would have started
            page.FrameNavigated -= Count;
            Assert.True(loads == 0, $"{path}: an arrow key on the plan select loaded the page again");
            await AssertFocusedAsync(page, select);
            await TabToAsync(page, button);
            await page.Keyboard.PressAsync("Enter");
            await Pages.ArriveAsync(page, new Regex("[?&]ke-hoach=" + Regex.Escape(chosen) + "(&|#|$)"));
            Assert.Equal(chosen, await page.Locator(select).InputValueAsync());
            log.WriteLine($"{path}: {before} → {chosen} with the keyboard");
        }

        await Pages.CheckAndShootAsync(page, "kb-09-tong-quan-ke-hoach-khac");
    }

    /// <summary>
    /// Presses Tab until the focus is on <paramref name="selector"/> (at most 150 times), checking
    /// on the way that every element the focus stops on shows the focus ring.
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var (matches, ring) = await FocusAsync(page, selector);
            Assert.True(ring.Length == 0, ring);
            if (matches)
            {
                return;
            }
        }

        Assert.Fail($"{page.Url}: 150 presses of Tab never reached {selector}");
    }

    private static async Task AssertFocusedAsync(IPage page, string selector)
    {
        var (matches, ring) = await FocusAsync(page, selector);
        Assert.True(matches, $"{page.Url}: the focus is not on {selector}");
        Assert.True(ring.Length == 0, ring);
    }

    /// <summary>Whether the focused element matches, and a complaint ("" if none) when it shows no focus ring.</summary>
    private static async Task<(bool Matches, string Ring)> FocusAsync(IPage page, string selector)
    {
        var focus = await page.EvaluateAsync<string[]>(
            """
            selector => {
              const e = document.activeElement;
              if (!e || e === document.body) return ['false', ''];
              // The last stop inside a date field is its calendar button, in the browser's own shadow tree: the field no
              // longer matches :focus, and the browser draws that button's ring itself (author styles cannot reach it).
              if (e.matches('input[type=date]') && !e.matches(':focus')) return [String(e.matches(selector)), ''];
              const s = getComputedStyle(e);
              const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
              return [String(e.matches(selector)), ring ? '' : `the focused ${e.outerHTML.slice(0, 120)} shows no focus ring (outline ${s.outlineStyle} ${s.outlineWidth})`];
            }
            """,
            selector);
        return (focus[0] == "true", focus[1]);
    }

    /// <summary>
    /// Types a date into the focused date field, in its fields' order: dd/mm/yyyy where chromium has its
    /// Vietnamese translations (chromium-l10n), else its default mm/dd/yyyy; the first order that gives
    /// the date wins (Shift+Tab twice goes back from the year to the first field).
    /// </summary>
    private static async Task TypeDateAsync(IPage page, DateOnly day)
    {
        var expected = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var value = string.Empty;
        foreach (var order in new[] { "ddMMyyyy", "MMddyyyy" })
        {
            await page.Keyboard.TypeAsync(day.ToString(order, CultureInfo.InvariantCulture));
            value = await page.EvaluateAsync<string>("() => document.activeElement.value");
            if (value == expected)
            {
                return;
            }

            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal(expected, value);
    }
}
