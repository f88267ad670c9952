using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Definitions.Text;

namespace Workflow.Definitions.Plans;

/// <summary>A row of a sheet: its 1-based number and its cells, trimmed and in NFC.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : string.Empty;

    public bool IsEmpty => Cells.All(c => c.Length == 0);
}

/// <summary>
/// The raw rows of a plan file, CSV or XLSX, before any meaning is given to them. The one place
/// that knows file formats: encodings, delimiters, spreadsheet cell types.
/// </summary>
internal static class PlanSheet
{
    /// <summary>Reads every row; a problem that stops reading (encoding, a broken XLSX) is returned instead.</summary>
    public static (List<SheetRow> Rows, PlanProblem? Problem) Read(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return ([], new PlanProblem(fileName, null, null, null, "tệp trống: cần các dòng thông tin kế hoạch, một dòng tiêu đề và các dòng nhiệm vụ (xem workflows/plans/README.md)."));
        }

        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (isZip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return isZip ? ReadXlsx(bytes, fileName) : ([], new PlanProblem(fileName, null, null, null, "tệp .xlsx này không phải bảng tính Excel hợp lệ: hãy mở và lưu lại bằng Excel hoặc LibreOffice."));
        }

        return ReadCsv(bytes, fileName);
    }

    private static (List<SheetRow>, PlanProblem?) ReadCsv(byte[] bytes, string fileName)
    {
        string text;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }
        else
        {
            var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var body = bytes.AsSpan(skip);
            if (!Utf8.IsValid(body))
            {
                var line = 1;
                foreach (var range in body.Split((byte)'\n'))
                {
                    if (!Utf8.IsValid(body[range]))
                    {
                        break;
                    }

                    line++;
                }

                return ([], new PlanProblem(fileName, line, null, null, "tệp không phải mã UTF-8 (có thể là Windows-1258 hay TCVN3). Hãy lưu lại: trong Excel chọn \"CSV UTF-8 (Comma delimited)\", trong LibreOffice chọn bộ ký tự Unicode (UTF-8)."));
            }

            text = Encoding.UTF8.GetString(body);
        }

        // Each record is one spreadsheet row, so the record's number is the row a coordinator sees,
        // even when a quoted cell spans several lines. Excel in Vietnamese writes ';' separators.
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        var rows = new List<SheetRow>();
        try
        {
            using var csv = CsvReader.Create(new StringReader(text), options, false);
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Clean(csv.GetString(i));
                }

                rows.Add(new SheetRow(rows.Count + 1, cells));
            }
        }
        catch (CsvFormatException e)
        {
            return ([], new PlanProblem(fileName, (int?)e.RecordNumber ?? rows.Count + 1, null, null, "không đọc được dòng CSV này (thường do dấu ngoặc kép không đóng). Hãy mở tệp trong bảng tính và lưu lại."));
        }

        return (rows, null);
    }

    private static (List<SheetRow>, PlanProblem?) ReadXlsx(byte[] bytes, string fileName)
    {
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(memory, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<SheetRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    cells.Add(Clean(CellText(cell, shared)));
                }

                rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            }

            return (rows, null);
        }
#pragma warning disable CA1031 // OpenXml throws many types for a damaged package; each means the same to the coordinator.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ([], new PlanProblem(fileName, null, null, null, $"không mở được bảng tính ({e.GetType().Name}): hãy mở và lưu lại bằng Excel hoặc LibreOffice dưới dạng .xlsx."));
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index == 0 ? null : index - 1;
    }

    /// <summary>NFC, line breaks and runs of spaces folded to one space, trimmed.</summary>
    internal static string Clean(string cell) => VietnameseText.CollapseWhitespace(cell);
}
