using System.Globalization;
using Microsoft.Playwright;
using NodaTime;

namespace Workflow.Web.Tests;

/// <summary>
/// The signed link of an agency's report page: an altered agency or expiry, an expired or an
/// incomplete link get a clear refusal in Vietnamese (403); a good link reaches the agency's own
/// milestones only.
/// </summary>
[Collection(SeedSiteGroup.Name)]
public sealed class ReportLinkTests(SeedSite site)
{
    private const string Agency = "so-tu-phap";
    private const string Other = "vien-kinh-te-xa-hoi";
    private const string AllPlans = "&pham-vi=all";

    [BrowserFact]
    public async Task A_tampered_expired_or_incomplete_link_is_refused_with_a_vietnamese_page()
    {
        var page = await site.AnonymousPageAsync();
        var now = SystemClock.Instance.GetCurrentInstant();
        var good = site.Server.Links().For(Agency, now);
        var query = System.Web.HttpUtility.ParseQueryString(good.Query);
        var expires = long.Parse(query["het-han"]!, CultureInfo.InvariantCulture);
        var signature = query["chu-ky"]!;

        var response = await page.GotoAsync(good.PathAndQuery);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=agency-name]")).ToHaveTextAsync("Sở Tư pháp");

        // Another agency's page with this agency's signature.
        await AssertRefusedAsync(page, $"/bao-cao/{Other}?het-han={expires}&chu-ky={signature}", "không hợp lệ", "14-duong-dan-bi-sua");
        // A later expiry with the same signature.
        await AssertRefusedAsync(page, $"/bao-cao/{Agency}?het-han={expires + 86_400}&chu-ky={signature}", "không hợp lệ", null);
        // A signature altered by one character.
        var altered = (signature[0] == 'A' ? "B" : "A") + signature[1..];
        await AssertRefusedAsync(page, $"/bao-cao/{Agency}?het-han={expires}&chu-ky={altered}", "không hợp lệ", null);
        // Signed with the server's key, but it expired yesterday.
        var expired = site.Server.Links(Duration.FromDays(1)).For(Agency, now - Duration.FromDays(2));
        var expiredOn = (now - Duration.FromDays(1)).InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await AssertRefusedAsync(page, expired.PathAndQuery, $"đã hết hạn ngày {expiredOn}", "15-duong-dan-het-han");
        // Without its signature.
        await AssertRefusedAsync(page, $"/bao-cao/{Agency}?het-han={expires}", "không đầy đủ", null);

        // The API refuses the same links.
        var api = await page.Context.APIRequest.GetAsync($"/api/agency/{Other}/milestones?het-han={expires}&chu-ky={signature}");
        Assert.Equal(403, api.Status);
        api = await page.Context.APIRequest.GetAsync($"/api/agency/{Agency}/milestones?het-han={expires}&chu-ky={signature}");
        Assert.Equal(200, api.Status);
    }

    [BrowserFact]
    public async Task A_good_link_cannot_act_on_a_milestone_that_another_agency_leads()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var page = await site.AnonymousPageAsync();

        // A milestone Viện Kinh tế - Xã hội leads and Sở Tư pháp does not (every seed plan is closed
        // on today's clock: the pages show them when asked for every plan).
        // Every milestone Sở Tư pháp leads, from the API (its page shows them 50 at a time).
        var mine = await page.Context.APIRequest.GetAsync($"/api/agency/{Agency}/milestones{site.Server.Links().For(Agency, now).Query}&plans=all");
        var own = (await mine.JsonAsync())!.Value.EnumerateArray().Select(m => m.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(own);
        await page.GotoAsync(site.Server.Links().For(Other, now).PathAndQuery + AllPlans);
        string? target = null, task = null;
        foreach (var section in await page.Locator("[data-testid=open-milestone]").AllAsync())
        {
            var id = await section.GetAttributeAsync("data-milestone");
            if (id is not null && !own.Contains(id))
            {
                (target, task) = (id, await section.GetAttributeAsync("data-task"));
                break;
            }
        }

        Assert.NotNull(target);

        // Sở Tư pháp's own page, its own form, pointed at that milestone.
        var link = site.Server.Links().For(Agency, now);
        await page.GotoAsync(link.PathAndQuery + AllPlans);
        await page.Locator("details.actions").First.EvaluateAsync("d => d.open = true"); // folded when the page lists many milestones
        var form = page.Locator("[data-testid=report-progress]").First;
        await form.Locator("input[name=milestone]").EvaluateAsync("(input, id) => input.value = id", target);
        await form.Locator("textarea[name=text]").FillAsync("Báo cáo giả danh đơn vị khác");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi tiến độ" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=flash]")).ToHaveTextAsync("Không có mốc hạn này trong các việc đơn vị chủ trì.");
        Assert.Contains("flash-error", await page.Locator("[data-testid=flash]").GetAttributeAsync("class"), StringComparison.Ordinal);

        // Nor through the API with the same link.
        var query = link.Query.TrimStart('?');
        var api = await page.Context.APIRequest.PostAsync($"/api/agency/{Agency}/milestones/{target}/done?{query}", new() { DataObject = new Dictionary<string, string> { ["reference"] = "giả danh" } });
        Assert.Equal(404, api.Status);

        // Nothing reached the other agency's milestone.
        var coordinator = await site.CoordinatorPageAsync();
        var detail = await (await coordinator.Context.APIRequest.GetAsync($"/api/plans/{task!.Replace("/", "/tasks/", StringComparison.Ordinal)}")).JsonAsync();
        var milestone = detail!.Value.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) == target);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, milestone.GetProperty("doneOn").ValueKind);
        Assert.DoesNotContain(milestone.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("details").GetString()!.Contains("giả danh", StringComparison.Ordinal));
    }

    private static async Task AssertRefusedAsync(IPage page, string url, string reason, string? screenshot)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == 403, $"{url}: {response.Status}");
        var refused = page.Locator("[data-testid=link-refused]");
        await Assertions.Expect(refused).ToContainTextAsync("Đường dẫn không dùng được");
        await Assertions.Expect(refused).ToContainTextAsync(reason);
        await Assertions.Expect(page.Locator("[data-testid=open-milestone]")).ToHaveCountAsync(0);
        if (screenshot is not null)
        {
            await Pages.CheckAndShootAsync(page, screenshot);
        }
        else
        {
            await Pages.AssertProperAsync(page);
        }
    }
}
