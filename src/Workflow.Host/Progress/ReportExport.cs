using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Workflow.Host.Progress;

/// <summary>
/// The periodic report as a file: CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads
/// Vietnamese right) or XLSX (one sheet per view: "Theo kế hoạch", "Theo cơ quan", and "Theo tiêu
/// chí" when the report has criteria).
/// </summary>
/// <remarks>
/// Text a spreadsheet could take for a formula (starting with =, +, -, @, a tab or a carriage
/// return) is written as text: in CSV with a leading apostrophe, in XLSX as an inline string,
/// which is never evaluated.
/// </remarks>
public static class ReportExport
{
    /// <summary>The XLSX sheets, in order.</summary>
    public const string PlanSheet = "Theo kế hoạch";

    public const string AgencySheet = "Theo cơ quan";

    public const string CriterionSheet = "Theo tiêu chí";

    /// <summary>The count columns every view shares, in order.</summary>
    /// <summary>The download formats by name ("xlsx", "csv"); null for any other name.</summary>
    public static ReportFormat? Format(string? name) => name switch
    {
        "xlsx" => new ReportFormat("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", WriteXlsx),
        "csv" => new ReportFormat("csv", "text/csv; charset=utf-8", WriteCsv),
        _ => null,
    };

    public static IReadOnlyList<string> CountHeaders { get; } =
    [
        "Tổng số mốc đến hạn trong kỳ",
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Đang thực hiện quá hạn",
        "Trong đó: chờ sự kiện",
        "Tỷ lệ đúng hạn",
        "Tỷ lệ hoàn thành",
    ];

    /// <summary>
    /// The values under <see cref="CountHeaders"/>, in their order: six counts, then the on-time
    /// and completion rates. The XLSX, the CSV and the report page all lay a row out from this.
    /// </summary>
    public static (IReadOnlyList<int> Counts, double? OnTimeRate, double? Completion) Columns(ProgressCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ([counts.Total, counts.DoneOnTime, counts.DoneLate, counts.OpenInTime, counts.OpenOverdue, counts.Dormant], counts.OnTimeRate, counts.Completion);
    }

        private const string TotalLabel = "Tổng cộng";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>"Báo cáo … (kỳ 01/01/2025 – 30/06/2025, xét tại ngày 30/06/2025), tính đến ngày 15/07/2025".</summary>
    public static string TitleOf(QuarterlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.Title} (kỳ {Day(report.Start)} – {Day(report.End)}, xét tại ngày {Day(report.JudgedOn)}), tính đến ngày {Day(report.AsOf)}";
    }

    /// <summary>
    /// Writes the report as one CSV table: a header row, then one row per plan, a total row, one
    /// row per lead agency and one per criterion, told apart by the first column ("Phân loại").
    /// Rates are percentages with a dot ("87.5"); an empty rate means nothing to divide by.
    /// There is no title row, so that the header is the first line; the title is the file's to carry.
    /// </summary>
    public static void WriteCsv(QuarterlyReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var csv = new CsvWriter(output);
        csv.Row(["Phân loại", "Mã kế hoạch", "Mã", "Tên", "Điểm tối đa", "Điểm năm trước", .. CountHeaders.Take(6), "Tỷ lệ đúng hạn (%)", "Tỷ lệ hoàn thành (%)"]);
        foreach (var p in report.Plans)
        {
            csv.Row(["Kế hoạch", p.PlanId, p.Number, p.Title, null, null], p.Counts);
        }

        csv.Row([TotalLabel, report.PlanFilter, null, TotalLabel, null, null], report.Total);
        foreach (var a in report.Agencies)
        {
            csv.Row(["Cơ quan chủ trì", report.PlanFilter, a.AgencyId, a.Name, null, null], a.Counts);
        }

        foreach (var c in report.Criteria)
        {
            csv.Row(["Tiêu chí", c.PlanId, c.Code, c.Text, Number(c.MaxScore), Number(c.PreviousScore)], c.Counts);
        }

        output.Flush();
    }

    /// <summary>Writes the CSV to <paramref name="output"/> in UTF-8 with a byte order mark; the stream stays open.</summary>
    public static void WriteCsv(QuarterlyReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        WriteCsv(report, writer);
    }

    /// <summary>
    /// Writes the report as an XLSX workbook: on each sheet a title row (the period and the as-of
    /// date), a bold header row, the rows, and on the plan sheet a total row. Counts and scores are
    /// numbers; rates are numbers between 0 and 1 shown as percentages (empty when there is nothing
    /// to divide by); text is inline strings. The stream needs neither reading nor seeking: the
    /// package is built in memory and copied to it; it stays open.
    /// </summary>
    public static void WriteXlsx(QuarterlyReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var title = TitleOf(report);
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var planRows = report.Plans.Select(p => Cells([Text(p.PlanId), Text(p.Number), Text(p.Title)], p.Counts))
                .Append(Cells([Text(TotalLabel, bold: true), XCell.Empty, XCell.Empty], report.Total)).ToList();
            AddSheet(workbook, sheets, PlanSheet, title, ["Mã kế hoạch", "Số hiệu", "Tên kế hoạch"], planRows, [16, 16, 60]);

            var agencyRows = report.Agencies.Select(a => Cells([Text(a.AgencyId), Text(a.Name)], a.Counts)).ToList();
            AddSheet(workbook, sheets, AgencySheet, title, ["Mã cơ quan", "Cơ quan chủ trì"], agencyRows, [28, 50]);

            if (report.Criteria.Count > 0)
            {
                var criterionRows = report.Criteria.Select(c => Cells([Text(c.PlanId), Text(c.Code), Text(c.Text), Decimal(c.MaxScore), Decimal(c.PreviousScore)], c.Counts)).ToList();
                AddSheet(workbook, sheets, CriterionSheet, title, ["Mã kế hoạch", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm năm trước"], criterionRows, [16, 12, 60, 12, 14]);
            }

            workbook.Workbook.Save();
        }

        memory.Position = 0;
        memory.CopyTo(output);
        output.Flush();
    }

    private static string Day(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A score without trailing zeros (SQLite gives 1 back as 1.0).</summary>
    private static string? Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture);

    private static string? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1).ToString("0.#", CultureInfo.InvariantCulture) : null;

    // ---- XLSX ----

    private const uint BoldStyle = 1;
    private const uint PercentStyle = 2;

    /// <summary>A cell to write: inline text, a number, or nothing.</summary>
    private readonly record struct XCell(string? Text, double? Number, uint Style)
    {
        public static XCell Empty => default;
    }

    private static XCell Text(string? value, bool bold = false) => new(value, null, bold ? BoldStyle : 0);

    private static XCell Decimal(decimal? value) => new(null, value is { } v ? (double)v : null, 0);

    private static XCell Integer(int value) => new(null, value, 0);

    private static XCell Rate(double? value) => new(null, value, PercentStyle);

    private static List<XCell> Cells(IEnumerable<XCell> leading, ProgressCounts counts)
    {
        var (numbers, onTime, completion) = Columns(counts);
        return [.. leading, .. numbers.Select(Integer), Rate(onTime), Rate(completion)];
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, string title, IReadOnlyList<string> leadingHeaders, IReadOnlyList<List<XCell>> rows, IReadOnlyList<double> leadingWidths)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var headers = leadingHeaders.Concat(CountHeaders).ToList();
        var columns = new Columns();
        for (var i = 0; i < headers.Count; i++)
        {
            var width = i < leadingWidths.Count ? leadingWidths[i] : 16;
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }

        var data = new SheetData();
        data.Append(XRow(1, [Text(title, bold: true)]));
        data.Append(XRow(2, headers.Select(h => Text(h, bold: true)).ToList()));
        for (var i = 0; i < rows.Count; i++)
        {
            data.Append(XRow((uint)(i + 3), rows[i]));
        }

        part.Worksheet = new Worksheet(columns, data);
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = name });
    }

    /// <summary>A row of text cells (bold or not), as the report's sheets write them.</summary>
    internal static Row TextRow(uint index, IEnumerable<string> texts, bool bold = false) => XRow(index, [.. texts.Select(t => Text(t, bold))]);

    private static Row XRow(uint index, IReadOnlyList<XCell> cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            if (c.Number is { } number)
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = c.Style == 0 ? null : c.Style });
            }
            else if (c.Text is { Length: > 0 } text)
            {
                var inline = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
                row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = inline, StyleIndex = c.Style == 0 ? null : c.Style });
            }
        }

        return row;
    }

    /// <summary>A, B, … Z, AA, AB, …: the column of the 0-based <paramref name="index"/>.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Drops the control characters XML cannot carry (a stray one in a plan cell would break the package).</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')])
            : text;

    /// <summary>Style 0 plain, 1 bold, 2 percentage (built-in format 10, "0.00%").</summary>
    internal static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 10, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    // ---- CSV ----

    /// <summary>RFC 4180: CRLF between records; a field with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    private sealed class CsvWriter(TextWriter output)
    {
        public void Row(IReadOnlyList<string?> leading, ProgressCounts counts)
        {
            var (numbers, onTime, completion) = Columns(counts);
            Row([.. leading.Select(Guard), .. numbers.Select(Integer), Percent(onTime), Percent(completion)]);
        }

        public void Row(IReadOnlyList<string?> fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                output.Write(Quote(fields[i] ?? string.Empty));
            }

            output.Write("\r\n");
        }

        private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Text a spreadsheet would read as a formula gets a leading apostrophe (scores are numbers and never start so).</summary>
        private static string? Guard(string? text) =>
            text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

        private static string Quote(string field) =>
            field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
                ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : field;
    }
}

/// <summary>A file the report downloads as: its extension, its media type, and how it is written.</summary>
public sealed record ReportFormat(string Extension, string ContentType, Action<QuarterlyReport, Stream> Write)
{
    /// <summary>The report in this format, in memory, from its start.</summary>
    public MemoryStream Render(QuarterlyReport report)
    {
        var stream = new MemoryStream();
        Write(report, stream);
        stream.Position = 0;
        return stream;
    }
}
