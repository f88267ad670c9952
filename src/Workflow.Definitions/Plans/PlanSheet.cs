using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using Workflow.Definitions.Text;

namespace Workflow.Definitions.Plans;

/// <summary>A row of a sheet: its 1-based number and its cells, trimmed and in NFC.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>What stands in a sheet's list for a row already read and let go of.</summary>
    public static readonly SheetRow Read = new(0, []);

    public string this[int column] => column < Cells.Count ? Cells[column] : string.Empty;

    public bool IsEmpty => Cells.All(c => c.Length == 0);
}

/// <summary>
/// The raw rows of a plan file, CSV or XLSX, before any meaning is given to them. The one place
/// that knows file formats: encodings, delimiters, spreadsheet cell types. Reading is bounded by
/// <see cref="PlanLimits"/>: the file is read up to its limit and no further, an XLSX's zip
/// directory is checked before anything is inflated, and its sheet is read as a stream of XML
/// (no document tree), so a file made to explode is refused in little time and memory.
/// </summary>
internal static class PlanSheet
{
    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Reads every row that is not empty; a problem that stops reading (a limit, the encoding, a broken XLSX) is returned instead.</summary>
    public static (List<SheetRow> Rows, PlanProblem? Problem) Read(Stream stream, string fileName, PlanLimits limits)
    {
        var bytes = ReadBounded(stream, limits.MaxFileBytes);
        if (bytes is null)
        {
            return ([], limits.FileTooLarge(fileName, null));
        }

        if (bytes.Length == 0)
        {
            return ([], new PlanProblem(fileName, null, null, null, "tệp trống: cần các dòng thông tin kế hoạch, một dòng tiêu đề và các dòng nhiệm vụ (xem workflows/plans/README.md)."));
        }

        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (isZip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return isZip ? ReadXlsx(bytes, fileName, limits) : ([], new PlanProblem(fileName, null, null, null, "tệp .xlsx này không phải bảng tính Excel hợp lệ: hãy mở và lưu lại bằng Excel hoặc LibreOffice."));
        }

        return ReadCsv(bytes, fileName, limits);
    }

    /// <summary>The whole stream when it holds at most <paramref name="max"/> bytes; null (having read only max + 1) when it holds more.</summary>
    private static byte[]? ReadBounded(Stream stream, long max)
    {
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue)
        {
            // A file's length is known: read it into an array of its size, without a growing buffer and its copy.
            if (length > max)
            {
                return null;
            }

            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, Math.Max(1, max - total + 1)))) > 0)
        {
            total += read;
            if (total > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (List<SheetRow>, PlanProblem?) ReadCsv(byte[] bytes, string fileName, PlanLimits limits)
    {
        // UTF-8 is read in place; UTF-16 is decoded first. A file of a million rows is never also one string.
        ReadOnlyMemory<byte> utf8;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            utf8 = Encoding.UTF8.GetBytes((bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2));
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

            utf8 = bytes.AsMemory(skip);
        }

        // Each record is one spreadsheet row, so the record's number is the row a coordinator sees,
        // even when a quoted cell spans several lines. Excel in Vietnamese writes ';' separators.
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            PoolStrings = true, // a plan's agencies and deadlines repeat: one string each, however many rows
        };
        var rows = new List<SheetRow>();
        var number = 0;
        try
        {
            using var csv = CsvReader.Create(utf8, options);
            while (csv.Read())
            {
                number++;
                if (csv.FieldCount > limits.MaxColumns)
                {
                    return ([], TooManyColumns(fileName, number, csv.FieldCount, limits));
                }

                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    var raw = csv.GetString(i);
                    if (raw.Length > limits.MaxCellLength)
                    {
                        return ([], TooLong(fileName, number, i, raw.Length, limits));
                    }

                    cells[i] = Clean(raw);
                }

                var row = new SheetRow(number, cells);
                if (!row.IsEmpty && Add(rows, row, fileName, limits) is { } problem)
                {
                    return ([], problem);
                }
            }
        }
        catch (CsvFormatException e)
        {
            return ([], new PlanProblem(fileName, (int?)e.RecordNumber ?? number + 1, null, null, "không đọc được dòng CSV này (thường do dấu ngoặc kép không đóng). Hãy mở tệp trong bảng tính và lưu lại."));
        }

        return (rows, null);
    }

    /// <summary>Adds a row that is not empty; the problem when it is one row too many.</summary>
    private static PlanProblem? Add(List<SheetRow> rows, SheetRow row, string fileName, PlanLimits limits)
    {
        if (rows.Count >= limits.MaxRows)
        {
            return new PlanProblem(fileName, row.Number, null, null, $"bảng có hơn {PlanLimits.Count(limits.MaxRows)} dòng có nội dung, vượt giới hạn của một tệp kế hoạch: hãy chia thành nhiều kế hoạch, hoặc xóa các dòng thừa ở cuối bảng.");
        }

        rows.Add(row);
        return null;
    }

    private static PlanProblem TooManyColumns(string fileName, int row, int columns, PlanLimits limits) =>
        new(fileName, row, null, null, $"dòng có {PlanLimits.Count(columns)} cột, vượt giới hạn {PlanLimits.Count(limits.MaxColumns)} cột của bảng kế hoạch: hãy xóa các cột thừa bên phải.");

    private static PlanProblem TooLong(string fileName, int row, int column, long length, PlanLimits limits) =>
        new(fileName, row, PlanProblem.ColumnLetter(column), null, $"ô dài {PlanLimits.Count(length)} ký tự, vượt giới hạn {PlanLimits.Count(limits.MaxCellLength)} ký tự của một ô: hãy rút gọn nội dung.");

    private static (List<SheetRow>, PlanProblem?) ReadXlsx(byte[] bytes, string fileName, PlanLimits limits)
    {
        PlanProblem Broken(string why) => new(fileName, null, null, null, $"không mở được bảng tính ({why}): hãy mở và lưu lại bằng Excel hoặc LibreOffice dưới dạng .xlsx.");
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);

            // The zip directory first: what every part says it inflates to, before any is inflated.
            // (An entry cannot inflate past what it declares: the reader stops there.)
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Read, leaveOpen: true))
            {
                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    total += entry.Length;
                    if (total > limits.MaxUncompressedBytes || entry.Length < 0)
                    {
                        return ([], new PlanProblem(fileName, null, null, null, $"bảng tính giải nén ra hơn {PlanLimits.Size(limits.MaxUncompressedBytes)} (phần \"{entry.FullName}\" một mình {PlanLimits.Size(entry.Length)}), vượt giới hạn của một tệp kế hoạch: tệp bị hỏng hoặc chứa nhiều thứ khác ngoài bảng kế hoạch. Hãy chép bảng kế hoạch sang một tệp mới và lưu lại."));
                    }
                }
            }

            memory.Position = 0;
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes };
            using var document = SpreadsheetDocument.Open(memory, false, settings);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheetId = FirstSheetId(workbook, limits) ?? throw new InvalidDataException("no sheet");
            if (workbook.GetPartById(sheetId) is not WorksheetPart part)
            {
                throw new InvalidDataException("the first sheet is not a worksheet");
            }

            var shared = workbook.SharedStringTablePart is { } strings ? SharedStrings(strings, limits) : [];
            return ReadSheet(part, shared, fileName, limits);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return ([], new PlanProblem(fileName, null, null, null, $"một phần của bảng tính giải nén ra hơn {PlanLimits.Size(limits.MaxUncompressedBytes)}, vượt giới hạn của một tệp kế hoạch: hãy chép bảng kế hoạch sang một tệp mới và lưu lại."));
        }
#pragma warning disable CA1031 // OpenXml throws many types for a damaged package; each means the same to the coordinator.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ([], Broken(e.GetType().Name));
        }
    }

    private static XmlReader Xml(OpenXmlPart part, PlanLimits limits) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxUncompressedBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    });

    /// <summary>The relationship id of the workbook's first sheet.</summary>
    private static string? FirstSheetId(WorkbookPart workbook, PlanLimits limits)
    {
        using var xml = Xml(workbook, limits);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                return xml.GetAttribute("id", RelationshipsNs);
            }
        }

        return null;
    }

    /// <summary>
    /// The shared strings, each kept to one character more than a cell may hold (enough to tell it
    /// is too long), and no more of them than the cells a plan may have.
    /// </summary>
    private static List<string> SharedStrings(SharedStringTablePart part, PlanLimits limits)
    {
        var strings = new List<string>();
        var most = (long)limits.MaxRows * limits.MaxColumns;
        using var xml = Xml(part, limits);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == SpreadsheetNs)
            {
                if (strings.Count >= most)
                {
                    throw new InvalidDataException("too many shared strings");
                }

                strings.Add(xml.IsEmptyElement ? string.Empty : Text(xml, limits.MaxCellLength + 1, runs: true));
            }
        }

        return strings;
    }

    private static (List<SheetRow>, PlanProblem?) ReadSheet(WorksheetPart part, List<string> shared, string fileName, PlanLimits limits)
    {
        var rows = new List<SheetRow>();
        using var xml = Xml(part, limits);
        var number = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row" || xml.NamespaceURI != SpreadsheetNs)
            {
                continue;
            }

            number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : number + 1;
            var cells = new List<string>();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                    {
                        continue;
                    }

                    var column = ColumnIndex(xml.GetAttribute("r")) ?? cells.Count;
                    if (column >= limits.MaxColumns)
                    {
                        return ([], TooManyColumns(fileName, number, column + 1, limits));
                    }

                    var text = Cell(xml, shared, limits.MaxCellLength + 1);
                    if (text.Length > limits.MaxCellLength)
                    {
                        return ([], TooLong(fileName, number, column, text.Length, limits));
                    }

                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }

                    if (column < cells.Count)
                    {
                        cells[column] = Clean(text); // a cell written twice: the last one counts
                    }
                    else
                    {
                        cells.Add(Clean(text));
                    }
                }
            }

            var row = new SheetRow(number, cells);
            if (!row.IsEmpty && Add(rows, row, fileName, limits) is { } problem)
            {
                return ([], problem);
            }
        }

        return (rows, null);
    }

    /// <summary>A cell's text, the reader on its &lt;c&gt; element: shared, inline, or the value as written (numbers, dates as serial days, booleans, formula results).</summary>
    private static string Cell(XmlReader xml, List<string> shared, int most)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = xml.Depth;
        var value = string.Empty;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName is "v" or "is")
            {
                value = xml.IsEmptyElement ? string.Empty : Text(xml, most, runs: xml.LocalName == "is");
            }
        }

        if (type == "s")
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : string.Empty;
        }

        return value;
    }

    /// <summary>
    /// The text of the element the reader is on, at most <paramref name="most"/> characters: with
    /// <paramref name="runs"/>, the text of its &lt;t&gt; elements (a rich string's runs, phonetic
    /// guides aside); otherwise all its text. The reader ends on the element's end.
    /// </summary>
    private static string Text(XmlReader xml, int most, bool runs)
    {
        var text = new StringBuilder();
        var depth = xml.Depth;
        var inRun = !runs;
        var phonetic = false;
        var chunk = new char[4096];
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Element or XmlNodeType.EndElement)
            {
                var start = xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement;
                if (xml.LocalName == "rPh")
                {
                    phonetic = start;
                }
                else if (runs && xml.LocalName == "t")
                {
                    inRun = start;
                }
            }
            else if (inRun && !phonetic && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                int n;
                while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    if (text.Length < most)
                    {
                        text.Append(chunk, 0, Math.Min(n, most - text.Length));
                    }
                }
            }
        }

        return text.ToString();
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
    /// <summary>The cell with its white space collapsed; the same instance when it was already clean, so a pooled cell stays shared.</summary>
    internal static string Clean(string cell)
    {
        var clean = VietnameseText.CollapseWhitespace(cell);
        return string.Equals(clean, cell, StringComparison.Ordinal) ? cell : clean;
    }
}
