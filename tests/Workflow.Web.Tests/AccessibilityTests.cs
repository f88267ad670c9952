using Microsoft.Playwright;
using Workflow.Host.Progress;
using Workflow.Host.Web;

namespace Workflow.Web.Tests;

/// <summary>
/// The axe-core audit itself (<see cref="Accessibility"/>, run by every page check of the browser
/// tests): it does fail on a violation, and every state badge the pages can show is readable,
/// including those the seed site's real clock never reaches ("sắp đến hạn", "đã bỏ khỏi kế hoạch", once "đã kết thúc").
/// </summary>
[Collection(SeedSiteGroup.Name)]
public sealed class AccessibilityTests(SeedSite site)
{
    [BrowserFact]
    public async Task The_audit_fails_on_a_violation_and_names_the_rule_and_the_element()
    {
        var page = await site.AnonymousPageAsync();
        await page.GotoAsync(site.Server.Links().For("so-tu-phap", NodaTime.SystemClock.Instance.GetCurrentInstant()).PathAndQuery);
        await Accessibility.AssertAccessibleAsync(page, "the agency page as served");

        await page.EvaluateAsync(
            "() => { const b = document.createElement('button'); b.id = 'nut-khong-ten'; document.querySelector('main').append(b);"
            + " const p = document.createElement('p'); p.id = 'chu-nhat'; p.textContent = 'Chữ quá nhạt'; p.style.color = '#ccc'; document.querySelector('main').append(p); }");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => Accessibility.AssertAccessibleAsync(page, "a nameless button and pale text added"));
        Assert.Contains("button-name", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#nut-khong-ten", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#chu-nhat", failure.Message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Every_state_badge_reaches_the_contrast_of_wcag_aa()
    {
        var page = await site.AnonymousPageAsync();
        await page.GotoAsync(site.Server.Links().For("so-tu-phap", NodaTime.SystemClock.Instance.GetCurrentInstant()).PathAndQuery);
        var badges = ProgressStates.All.Select(s => new[] { s.Key(), s.Label() }).Append([StateView.Removed.Css, StateView.Removed.Label]).ToArray();
        await page.EvaluateAsync(
            "badges => { const box = document.createElement('p'); box.id = 'moi-trang-thai';"
            + " for (const [css, label] of badges) { const s = document.createElement('span'); s.className = 'state ' + css; s.textContent = label; box.append(s, ' '); }"
            + " document.querySelector('main').prepend(box); }",
            badges);
        await Assertions.Expect(page.Locator("#moi-trang-thai .state")).ToHaveCountAsync(badges.Length);
        Directory.CreateDirectory(Screenshots.Folder);
        await page.Locator("#moi-trang-thai").ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "a11y-01-moi-trang-thai.png") });
        await Accessibility.AssertAccessibleAsync(page, "a badge of every state");
    }
}
