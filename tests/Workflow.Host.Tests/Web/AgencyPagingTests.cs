using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using Workflow.Host.Web.Pages;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// An agency's report page a page of <see cref="AgencyReportModel.PageSize"/> milestones at a time:
/// Sở Tư pháp leads more open milestones across the seed plans than a page holds (asked with
/// <c>pham-vi=all</c>), which on one page made hundreds of forms (a megabyte with the repository's older plans).
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed partial class AgencyPagingTests : IAsyncLifetime
{
    private const string Agency = "so-tu-phap";
    private WebServer server = null!;
    private HttpClient client = null!;
    private string link = string.Empty;

    public async Task InitializeAsync()
    {
        server = await WebServer.StartAsync();
        client = server.Client();
        link = server.Delivery.Links!.For(Agency, SystemClock.Instance.GetCurrentInstant()).PathAndQuery + "&pham-vi=all";
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public Task Every_open_milestone_is_on_exactly_one_page_in_the_order_of_the_api() => AssertEveryOpenMilestoneOnOnePageAsync(client, Agency, link);

    /// <summary>
    /// Reads every page of <paramref name="agency"/>'s report page (<paramref name="link"/>, its signed
    /// address) and the API's list: each open milestone on exactly one page, in the API's order, 50 a page.
    /// Also run on PostgreSQL (<see cref="PostgresInputTests"/>), whose query cuts the pages there.
    /// </summary>
    internal static async Task AssertEveryOpenMilestoneOnOnePageAsync(HttpClient client, string agency, string link)
    {
        var query = link.Split('?', 2)[1].Replace("pham-vi=", "plans=", StringComparison.Ordinal);
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/agency/{agency}/milestones?{query}", UriKind.Relative)));
        var expected = api.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.True(expected.Count > AgencyReportModel.PageSize, $"{agency} leads {expected.Count} open milestones: too few to need two pages");
        Assert.Equal(expected.Count, expected.Distinct().Count());
        var pages = (expected.Count + AgencyReportModel.PageSize - 1) / AgencyReportModel.PageSize;

        var shown = new List<string>();
        for (var number = 1; number <= pages; number++)
        {
            var html = await PageAsync(client, number == 1 ? link : $"{link}&trang={number}");
            var ids = MilestoneIds(html);
            Assert.Equal(number < pages ? AgencyReportModel.PageSize : expected.Count - ((pages - 1) * AgencyReportModel.PageSize), ids.Count);
            Assert.Contains($"{expected.Count} việc đang mở, trang {number}/{pages}", html, StringComparison.Ordinal);
            Assert.Equal(number < pages, html.Contains("data-testid=\"next-page\"", StringComparison.Ordinal));
            Assert.Equal(number > 1, html.Contains("rel=\"prev\"", StringComparison.Ordinal));
            shown.AddRange(ids);
        }

        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("999", "last")]
    [InlineData("0", "first")]
    [InlineData("-2", "first")]
    [InlineData("abc", "first")]
    [InlineData("2147483648", "first")]
    public async Task A_page_number_out_of_range_shows_the_nearest_page_instead_of_an_error(string asked, string expected)
    {
        var html = await PageAsync($"{link}&trang={Uri.EscapeDataString(asked)}");

        var position = PositionPattern().Match(html);
        Assert.True(position.Success, "the page does not say which page it is");
        Assert.Equal(expected == "first" ? "1" : position.Groups[2].Value, position.Groups[1].Value);
        Assert.NotEmpty(MilestoneIds(html));
    }

    [Fact]
    public async Task A_report_sent_from_the_second_page_comes_back_to_the_second_page()
    {
        var second = $"{link}&trang=2";
        var html = await PageAsync(second);
        var milestone = MilestoneIds(html)[0];
        var token = await WebServer.TokenAsync(client, second);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["milestone"] = milestone, ["text"] = "Đã trình dự thảo", ["__RequestVerificationToken"] = token });

        using var response = await client.PostAsync(new Uri(second + "&handler=Progress", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.Contains("&trang=2", back, StringComparison.Ordinal);
        Assert.Contains("&pham-vi=all", back, StringComparison.Ordinal);
        var after = await PageAsync(back);
        Assert.Contains("Đã ghi nhận", after, StringComparison.Ordinal);
        Assert.Contains(milestone, MilestoneIds(after));
    }

    private Task<string> PageAsync(string path) => PageAsync(client, path);

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> MilestoneIds(string html) =>
        [.. MilestonePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-testid=\"open-milestone\" data-milestone=\"(\\d+)\"")]
    private static partial Regex MilestonePattern();

    [GeneratedRegex("việc đang mở, trang (\\d+)/(\\d+)")]
    private static partial Regex PositionPattern();
}
