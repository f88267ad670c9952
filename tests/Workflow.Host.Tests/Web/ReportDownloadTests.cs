using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Host.Progress;

namespace Workflow.Host.Tests.Web;

/// <summary>The quarterly report a coordinator downloads: the XLSX opens, and its numbers are the page's and the dashboard's.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed partial class ReportDownloadTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_2025_XLSX_opens_and_matches_the_report_page_and_the_dashboard()
    {
        using var client = await server.SignedInAsync();

        using var download = await client.GetAsync(new Uri("/bao-cao-quy?handler=Xlsx&nam=2025&ky=nam&ke-hoach=cchc-2025", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-nam-2025-cchc-2025.xlsx", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        await using var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == ReportExport.PlanSheet);
        var planRow = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 3);
        var xlsx = planRow.Elements<Cell>().Skip(3).Take(6).Select(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).ToList();

        var page = await client.GetStringAsync(new Uri("/bao-cao-quy?nam=2025&ky=nam&ke-hoach=cchc-2025", UriKind.Relative));
        var row = Regex.Match(page, "<tr data-plan=\"cchc-2025\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var shown = NumberCell().Matches(row).Take(6).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xlsx, shown);

        // The dashboard for milestones due in 2025: every 2025 milestone, dormant ones alike (the plan ended
        // before today, so it is closed: the dashboard shows it with every plan, not by default).
        var overview = await client.GetStringAsync(new Uri("/?nam=2025&ke-hoach=cchc-2025&pham-vi=all", UriKind.Relative));
        var dashboardRow = Regex.Match(overview, "data-plan=\"cchc-2025\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var total = int.Parse(Regex.Match(dashboardRow, "data-testid=\"plan-total\">(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);
        var dormant = int.Parse(Regex.Match(dashboardRow, "data-state=\"cho-su-kien\"><a [^>]*>(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(xlsx[0], total);
        Assert.Equal(xlsx[5], dormant);
        Assert.True(total > 100);
    }

    [Fact]
    public async Task The_CSV_starts_with_a_byte_order_mark_so_Excel_reads_Vietnamese()
    {
        using var client = await server.SignedInAsync();

        var bytes = await client.GetByteArrayAsync(new Uri("/api/reports/quarterly?year=2025&period=quy-1&format=csv", UriKind.Relative));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Contains("Hoàn thành đúng hạn", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_period_gets_a_Vietnamese_problem()
    {
        using var client = await server.SignedInAsync();

        using var response = await client.GetAsync(new Uri("/api/reports/quarterly?year=2025&period=quy-5", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("quy-1, 6-thang, 9-thang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<td class=\"num\">(\\d+)</td>")]
    private static partial Regex NumberCell();
}
