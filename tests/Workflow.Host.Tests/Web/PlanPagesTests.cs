using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;

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
    public async Task An_agencys_own_page_lists_the_milestones_of_active_plans_unless_asked_for_the_others()
    {
        // The 2025 plan is closed on today's clock: its open milestones chase nothing and stay off the
        // agency's page (and its API) until the agency asks for closed plans.
        MilestoneRecord open;
        await using (var db = await server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
        {
            open = await db.Milestones.AsNoTracking().FirstAsync(m => m.PlanId == "cchc-2025" && m.TaskId == "15" && m.DoneOn == null);
        }

        var agency = open.Lead.Split(',')[0];
        var link = server.Delivery.Links!.For(agency, NodaTime.SystemClock.Instance.GetCurrentInstant()).PathAndQuery;
        var query = link.Split('?', 2)[1];
        using var client = server.Client();
        var shown = $"data-milestone=\"{open.Id}\"";

        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.DoesNotContain(shown, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nothing-open\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"plan-scope\"", page, StringComparison.Ordinal);
        var closed = await client.GetStringAsync(new Uri(link + "&pham-vi=closed", UriKind.Relative));
        Assert.Contains(shown, closed, StringComparison.Ordinal);
        Assert.Contains("&amp;pham-vi=closed&amp;handler=Done", closed, StringComparison.Ordinal); // a report keeps the chosen plans
        Assert.Contains(shown, await client.GetStringAsync(new Uri(link + "&pham-vi=all", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(shown, await client.GetStringAsync(new Uri(link + "&pham-vi=archived", UriKind.Relative)), StringComparison.Ordinal);

        var api = $"/api/agency/{agency}/milestones?{query}";
        Assert.DoesNotContain((await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(api, UriKind.Relative))).EnumerateArray(), m => m.GetProperty("id").GetInt64() == open.Id);
        Assert.Contains((await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(api + "&plans=closed", UriKind.Relative))).EnumerateArray(), m => m.GetProperty("id").GetInt64() == open.Id);
        using (var bad = await client.GetAsync(new Uri(api + "&plans=cu", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // Reopened, the plan is active again: its milestones are back on the default page.
        using var signedIn = await server.SignedInAsync();
        using var reopen = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/plans/cchc-2025/reopen", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "theo dõi tiếp" }) };
        reopen.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(signedIn));
        using (var reopened = await signedIn.SendAsync(reopen))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        }

        Assert.Contains(shown, await client.GetStringAsync(new Uri(link, UriKind.Relative)), StringComparison.Ordinal);
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
