using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;

namespace Workflow.Host.Tests.Progress;

/// <summary>The report as CSV and XLSX: read back, the numbers are the report's.</summary>
public sealed class ReportExportTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-export-{Guid.NewGuid():N}");
    private QuarterlyReport report = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var databases = new TestDatabases(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "p.db")}").Options);
        await ProgressData.SeedAsync(databases);
        report = await new ProgressQueries(databases, ProgressData.Agencies).ReportAsync(2025, ReportPeriod.Year, ProgressData.Today);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Csv_is_utf8_with_a_bom_quoted_per_rfc_4180_and_guarded_against_formulas()
    {
        using var stream = new MemoryStream();
        ReportExport.WriteCsv(report, stream);
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n")[..^1];
        Assert.Equal(
            "Phân loại,Mã kế hoạch,Mã,Tên,Điểm tối đa,Điểm năm trước,Tổng số mốc đến hạn trong kỳ,Hoàn thành đúng hạn,Hoàn thành quá hạn,Đang thực hiện trong hạn,Đang thực hiện quá hạn,Trong đó: chờ sự kiện,Tỷ lệ đúng hạn (%),Tỷ lệ hoàn thành (%)",
            lines[0]);

        // p1: a title with a quote and a comma is quoted, its quotes doubled; the counts follow.
        var p1 = report.Plans.Single(p => p.PlanId == "p1").Counts;
        Assert.Equal(
            $"Kế hoạch,p1,01/KH-UBND,\"Kế hoạch \"\"thử\"\", năm 2025\",,,{p1.Total},{p1.DoneOnTime},{p1.DoneLate},{p1.OpenInTime},{p1.OpenOverdue},{p1.Dormant},50,{Math.Round(p1.Completion!.Value * 100, 1).ToString("0.#", CultureInfo.InvariantCulture)}",
            lines[1]);

        // p2's title starts with "=": written as text.
        Assert.StartsWith("Kế hoạch,p2,121/KH-UBND,'=1+2 Kế hoạch cải thiện Chỉ số,", lines[2], StringComparison.Ordinal);
        Assert.Equal("Tổng cộng,,,Tổng cộng,,,12,2,1,6,3,1,66.7,25", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("Cơ quan chủ trì,,so-noi-vu,Sở Nội vụ,,,", StringComparison.Ordinal));
        Assert.Contains("Tiêu chí,p2,2.4.1,Tính đồng bộ,1,0.8219,2,1,0,1,0,0,100,50", lines);
        Assert.Equal(1 + report.Plans.Count + 1 + report.Agencies.Count + report.Criteria.Count, lines.Length);
        Assert.All(lines, l => Assert.Equal(14, Fields(l).Count));
    }

    [Fact]
    public void Csv_to_a_text_writer_has_no_bom_of_its_own()
    {
        using var writer = new StringWriter();
        ReportExport.WriteCsv(report, writer);
        Assert.StartsWith("Phân loại,", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_is_a_valid_package_whose_cells_are_the_reports_numbers()
    {
        using var stream = new MemoryStream();
        ReportExport.WriteXlsx(report, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));

        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal([ReportExport.PlanSheet, ReportExport.AgencySheet, ReportExport.CriterionSheet], names);
        Assert.Equal(["Theo kế hoạch", "Theo cơ quan", "Theo tiêu chí"], names);

        var plans = Read(workbook, ReportExport.PlanSheet);
        Assert.Equal("Báo cáo kết quả thực hiện năm 2025 (kỳ 01/01/2025 – 31/12/2025, xét tại ngày 15/05/2025), tính đến ngày 15/05/2025", plans[0][0].Text);
        Assert.Equal(["Mã kế hoạch", "Số hiệu", "Tên kế hoạch", .. ReportExport.CountHeaders], plans[1].Select(c => c.Text));
        Assert.All(plans[1], c => Assert.True(c.Bold));
        Assert.True(IsBoldStyle(workbook, 1));
        for (var i = 0; i < report.Plans.Count; i++)
        {
            var p = report.Plans[i];
            var row = plans[i + 2];
            Assert.Equal([p.PlanId, p.Number, p.Title], row.Take(3).Select(c => c.Text));
            Assert.Equal(Numbers(p.Counts), row.Skip(3).Take(6).Select(c => c.Number!.Value));
            Assert.Equal(p.Counts.OnTimeRate, row[9].Number);
            Assert.Equal(p.Counts.Completion, row[10].Number);
            Assert.True(row[9].Percent);
        }

        Assert.Equal("=1+2 Kế hoạch cải thiện Chỉ số", plans[3][2].Text); // an inline string: never a formula
        var total = plans[2 + report.Plans.Count];
        Assert.Equal("Tổng cộng", total[0].Text);
        Assert.Equal(Numbers(report.Total), total.Skip(3).Take(6).Select(c => c.Number!.Value));

        var agencies = Read(workbook, ReportExport.AgencySheet);
        Assert.Equal(report.Agencies.Count + 2, agencies.Count);
        foreach (var (a, row) in report.Agencies.Zip(agencies.Skip(2)))
        {
            Assert.Equal([a.AgencyId, a.Name], row.Take(2).Select(c => c.Text));
            Assert.Equal(Numbers(a.Counts), row.Skip(2).Take(6).Select(c => c.Number!.Value));
        }

        var criteria = Read(workbook, ReportExport.CriterionSheet);
        Assert.Equal(report.Criteria.Count + 2, criteria.Count);
        foreach (var (c, row) in report.Criteria.Zip(criteria.Skip(2)))
        {
            Assert.Equal([c.PlanId, c.Code, c.Text], row.Take(3).Select(x => x.Text));
            Assert.Equal((double?)c.MaxScore, row[3].Number);
            Assert.Equal((double?)c.PreviousScore, row[4].Number);
            Assert.Equal(Numbers(c.Counts), row.Skip(5).Take(6).Select(x => x.Number!.Value));
        }
    }

    [Fact]
    public async Task Xlsx_without_criteria_has_two_sheets()
    {
        var databases = new TestDatabases(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "p.db")}").Options);
        var p1 = await new ProgressQueries(databases, ProgressData.Agencies).ReportAsync(2025, ReportPeriod.QuarterOne, new LocalDate(2025, 4, 20), "p1");
        using var stream = new MemoryStream();
        ReportExport.WriteXlsx(p1, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal([ReportExport.PlanSheet, ReportExport.AgencySheet], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Contains("Quý I năm 2025", Read(document.WorkbookPart, ReportExport.PlanSheet)[0][0].Text, StringComparison.Ordinal);
        Assert.Contains("tính đến ngày 20/04/2025", Read(document.WorkbookPart, ReportExport.PlanSheet)[0][0].Text, StringComparison.Ordinal);
    }

    private static double[] Numbers(ProgressCounts c) => [c.Total, c.DoneOnTime, c.DoneLate, c.OpenInTime, c.OpenOverdue, c.Dormant];

    private sealed record XCell(string? Text, double? Number, bool Bold, bool Percent);

    /// <summary>Every row of a sheet, its cells by column (a missing cell is empty).</summary>
    private static List<List<XCell>> Read(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var rows = new List<List<XCell>>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            Assert.Equal((uint)(rows.Count + 1), row.RowIndex!.Value);
            var cells = new List<XCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add(new XCell(null, null, false, false));
                }

                var style = cell.StyleIndex?.Value ?? 0;
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : null;
                Assert.NotEqual(CellValues.SharedString, cell.DataType?.Value);
                Assert.Null(cell.CellFormula);
                var number = text is null ? double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture) : (double?)null;
                cells.Add(new XCell(text, number, IsBoldStyle(workbook, style), style == 2 && NumberFormat(workbook, style) == 10));
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static bool IsBoldStyle(WorkbookPart workbook, uint style)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style);
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        return font.Bold is not null;
    }

    private static uint NumberFormat(WorkbookPart workbook, uint style) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style).NumberFormatId!.Value;

    /// <summary>RFC 4180 fields of one line (no line breaks inside fields in these tests).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
