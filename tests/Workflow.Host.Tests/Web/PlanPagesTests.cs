using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Host.Coordination;

namespace Workflow.Host.Tests.Web;

/// <summary>The plan's life on the web: the overview when nothing is active, the blank template, the plan page and the API's actions.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class PlanPagesTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task With_only_an_ended_plan_the_overview_says_nothing_is_active_and_reopening_it_brings_it_back()
    {
        using var client = await server.SignedInAsync();

        // The 2025 plan, imported on today's clock (after 31/01/2026), is closed.
        var overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("data-testid=\"no-active-plan\"", overview, StringComparison.Ordinal);
        Assert.Contains("Không có kế hoạch nào đang theo dõi", overview, StringComparison.Ordinal);
        Assert.Contains("href=\"/nhap-ke-hoach\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("data-plan=\"cchc-2025\"", overview, StringComparison.Ordinal);
        Assert.Contains("data-plan=\"cchc-2025\"", await client.GetStringAsync(new Uri("/?pham-vi=closed", UriKind.Relative)), StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/ke-hoach/cchc-2025", UriKind.Relative));
        Assert.Contains("data-status=\"closed\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reopen-plan\"", page, StringComparison.Ordinal);

        var plans = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/plans", UriKind.Relative));
        Assert.Equal("closed", Assert.Single(plans.EnumerateArray()).GetProperty("status").GetString());

        using var twice = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/cchc-2025/close", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "lần hai" }) };
        twice.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        using (var refused = await client.SendAsync(twice))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("đã đóng", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var reopen = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/cchc-2025/reopen", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "theo dõi tiếp" }) };
        reopen.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        using (var reopened = await client.SendAsync(reopen))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        }

        overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("data-testid=\"no-active-plan\"", overview, StringComparison.Ordinal);
        Assert.Contains("data-plan=\"cchc-2025\"", overview, StringComparison.Ordinal);
        Assert.Contains("theo dõi tiếp", await client.GetStringAsync(new Uri("/ke-hoach/cchc-2025", UriKind.Relative)), StringComparison.Ordinal);

        using var unknown = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/khong-co/close", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "x" }) };
        unknown.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        using (var missing = await client.SendAsync(unknown))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var badScope = await client.GetAsync(new Uri("/api/tasks?plans=cu", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
    }

    [Fact]
    public async Task The_import_page_offers_a_blank_plan_whose_xlsx_lists_the_agencies()
    {
        using var client = await server.SignedInAsync();

        var import = await client.GetStringAsync(new Uri("/nhap-ke-hoach", UriKind.Relative));
        Assert.Contains("handler=Template&amp;format=xlsx", import, StringComparison.Ordinal);

        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/nhap-ke-hoach?handler=Template&format=csv", UriKind.Relative)));
        Assert.Contains("Năm theo dõi,", csv, StringComparison.Ordinal);
        Assert.Contains("TT,Nhóm,", csv, StringComparison.Ordinal);

        var bytes = await client.GetByteArrayAsync(new Uri("/nhap-ke-hoach?handler=Template&format=xlsx", UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Kế hoạch", PlanTemplate.AgencySheet], sheets.Select(s => s.Name!.Value));
        var validation = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.Descendants<DataValidation>().Single();
        Assert.Contains(PlanTemplate.AgencySheet, validation.Formula1!.Text, StringComparison.Ordinal);
        var names = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<InlineString>().Select(s => s.InnerText).ToList();
        Assert.Contains("Sở Nội vụ", names);
        Assert.True(names.Count > 20, names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
