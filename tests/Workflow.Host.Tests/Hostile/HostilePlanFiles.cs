using System.IO.Compression;
using System.Text;

namespace Workflow.Host.Tests.Hostile;

/// <summary>A plan file made to hurt or to mislead: its name, its bytes, and a fragment of the refusal it must get.</summary>
public sealed record HostilePlanFile(string FileName, byte[] Bytes, string Refusal);

/// <summary>
/// The hostile plan files: damaged, oversized, inflating, mis-encoded, malformed or lying CSV and
/// XLSX. Each must be refused with a Vietnamese message naming what is wrong, and nothing may change.
/// </summary>
public static class HostilePlanFiles
{
    private const string Header = "Mã kế hoạch,thu-2025\nTên kế hoạch,Kế hoạch thử\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n";
    private const string Task = "1,Việc một,Sở Nội vụ,Quý I/2025\n";
    private const string TooLarge = "vượt giới hạn 10 MB";
    private const string Broken = "không mở được bảng tính";

    private static readonly Lazy<byte[]> SmallBomb = new(() => Bomb(110L * 1024 * 1024));

    private static readonly Dictionary<string, Func<HostilePlanFile>> All = new(StringComparer.Ordinal)
    {
        // ---- CSV
        ["csv-empty"] = () => Csv("", "tệp trống"),
        ["csv-bom-only"] = () => new("thu.csv", [0xEF, 0xBB, 0xBF], "không thấy dòng tiêu đề"),
        ["csv-binary"] = () => new("thu.csv", [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256))], "UTF-8"),
        ["csv-windows-1258"] = () => new("thu.csv", [.. Encoding.UTF8.GetBytes(Header), (byte)'1', (byte)',', (byte)'V', (byte)'i', 0xEA, 0xF2, (byte)'c', (byte)',', (byte)'S', 0xF4, 0xF2, (byte)',', (byte)'Q', (byte)'u', 0xFD, (byte)'\n'], "UTF-8"),
        ["csv-latin1-bytes"] = () => new("thu.csv", [.. Encoding.UTF8.GetBytes(Header), 0x31, 0x2C, 0xE0, 0xE1, 0xFF, 0x0A], "UTF-8"),
        ["csv-unclosed-quote"] = () => Csv(Header + "1,\"Việc một,Sở Nội vụ,Quý I/2025\n2,Việc hai,Sở Nội vụ,Quý II/2025\n", "dấu ngoặc kép"),
        ["csv-no-header"] = () => Csv("Mã kế hoạch,thu-2025\nTên kế hoạch,Thử\nNăm theo dõi,2025\n1,Việc,Sở Nội vụ,Quý I/2025\n", "không thấy dòng tiêu đề"),
        ["csv-over-size"] = () => Csv(Header + Repeat(Task.Replace("Việc một", new string('x', 200), StringComparison.Ordinal), (10 * 1024 * 1024 / 230) + 100), TooLarge),
        ["csv-over-size-one-line"] = () => new("thu.csv", [.. Enumerable.Repeat((byte)'a', (10 * 1024 * 1024) + 1)], TooLarge),
        ["csv-too-many-rows"] = () => Csv(Header + string.Concat(Enumerable.Range(1, 20_001).Select(i => $"{i},Việc {i},Sở Nội vụ,Quý I/2025\n")), "hơn 20.000 dòng"),
        ["csv-too-many-empty-cells-rows"] = () => Csv(Header + string.Concat(Enumerable.Range(1, 25_000).Select(i => $"{i},x,,\n")), "hơn 20.000 dòng"),
        ["csv-too-many-columns-header"] = () => Csv("Mã kế hoạch,thu-2025\n\nTT,Hoạt động" + new string(',', 60) + "\n", "vượt giới hạn 50 cột"),
        ["csv-too-many-columns-row"] = () => Csv(Header + "1,Việc,Sở Nội vụ,Quý I/2025" + new string(',', 51) + "x\n", "vượt giới hạn 50 cột"),
        ["csv-10000-columns"] = () => Csv(Header + "1" + string.Concat(Enumerable.Repeat(",x", 10_000)) + "\n", "vượt giới hạn 50 cột"),
        ["csv-cell-4001"] = () => Csv(Header + $"1,{new string('a', 4001)},Sở Nội vụ,Quý I/2025\n", "vượt giới hạn 4.000 ký tự"),
        ["csv-cell-1mb"] = () => Csv(Header + $"1,Việc,Sở Nội vụ,\"{new string('Q', 1024 * 1024)}\"\n", "vượt giới hạn 4.000 ký tự"),
        ["csv-cell-9mb-quoted-lines"] = () => Csv(Header + "1,\"" + Repeat("dòng\n", 1_500_000) + "\",Sở Nội vụ,Quý I/2025\n", "vượt giới hạn 4.000 ký tự"),
        ["csv-metadata-cell-long"] = () => Csv($"Mã kế hoạch,thu-2025\nTên kế hoạch,{new string('T', 5000)}\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n" + Task, "vượt giới hạn 4.000 ký tự"),
        ["csv-million-empty-lines"] = () => Csv(Repeat("\n", 2_000_000), "không thấy dòng tiêu đề"),
        ["csv-million-commas-lines"] = () => Csv(Repeat(",,,\n", 1_000_000), "không thấy dòng tiêu đề"),
        ["csv-plan-id-traversal"] = () => Csv(Header.Replace("thu-2025", "../../etc/cron.d/x", StringComparison.Ordinal) + Task, "không dùng được làm mã kế hoạch"),
        ["csv-plan-id-absolute"] = () => Csv(Header.Replace("thu-2025", "/tmp/x", StringComparison.Ordinal) + Task, "không dùng được làm mã kế hoạch"),
        ["csv-plan-id-upper-space"] = () => Csv(Header.Replace("thu-2025", "Kế Hoạch 2025", StringComparison.Ordinal) + Task, "không dùng được làm mã kế hoạch"),
        ["csv-plan-id-nul"] = () => Csv(Header.Replace("thu-2025", "thu\0-2025", StringComparison.Ordinal) + Task, "không dùng được làm mã kế hoạch"),
        ["csv-year-99999"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,99999", StringComparison.Ordinal) + Task, "không phải năm"),
        ["csv-year-0"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,0", StringComparison.Ordinal) + Task, "không phải năm"),
        ["csv-year-2150"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,2150", StringComparison.Ordinal) + Task, "không phải năm"),
        ["csv-year-negative"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,-2025", StringComparison.Ordinal) + Task, "không phải năm"),
        ["csv-issued-garbage"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,2025\nNgày ban hành,32/13/2025", StringComparison.Ordinal) + Task, "không phải ngày"),
        ["csv-missing-year"] = () => Csv(Header.Replace("Năm theo dõi,2025\n", "", StringComparison.Ordinal) + Task, "thiếu \"Năm theo dõi\""),
        ["csv-metadata-twice"] = () => Csv(Header.Replace("Năm theo dõi,2025", "Năm theo dõi,2025\nNăm theo dõi,2026", StringComparison.Ordinal) + Task, "mỗi khóa chỉ ghi một lần"),
        ["csv-unknown-metadata"] = () => Csv("<script>alert(1)</script>,x\n" + Header + Task, "không hiểu dòng"),
        ["csv-unknown-column"] = () => Csv(Header.Replace("Thời gian hoàn thành", "Thời gian hoàn thành,Mật khẩu", StringComparison.Ordinal) + Task, "không thuộc mẫu kế hoạch"),
        ["csv-duplicate-column"] = () => Csv(Header.Replace("Thời gian hoàn thành", "Thời gian hoàn thành,Hoạt động", StringComparison.Ordinal) + Task, "có hai lần"),
        ["csv-no-tasks"] = () => Csv(Header, "không có nhiệm vụ nào"),
        ["csv-duplicate-task"] = () => Csv(Header + Task + Task, "trùng với dòng"),
        ["csv-task-id-slash"] = () => Csv(Header + "1/../2,Việc,Sở Nội vụ,Quý I/2025\n", "không dùng được"),
        ["csv-unknown-agency"] = () => Csv(Header + "1,Việc,Sở Không Có Thật,Quý I/2025\n", "Sở Không Có Thật"),
        ["csv-unknown-deadline"] = () => Csv(Header + "1,Việc,Sở Nội vụ,lúc nào cũng được\n", "không đọc được thời hạn"),
        ["csv-deadline-year-9999"] = () => Csv(Header + "1,Việc,Sở Nội vụ,Quý I/9999\n", "không đọc được thời hạn"),
        ["csv-cell-outside-table"] = () => Csv(Header + "1,Việc,Sở Nội vụ,Quý I/2025,,,,lạc chỗ\n", "nằm ngoài các cột"),
        ["csv-missing-lead"] = () => Csv(Header + "1,Việc,,Quý I/2025\n", "thiếu cơ quan chủ trì"),
        ["csv-utf16-garbage"] = () => new("thu.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("\uD800\uDC00 rác không phải kế hoạch")], "không thấy dòng tiêu đề"),

        // ---- XLSX
        ["xlsx-not-a-zip"] = () => new("thu.xlsx", Encoding.UTF8.GetBytes(Header + Task), "không phải bảng tính Excel hợp lệ"),
        ["xlsx-truncated"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task))).AsSpan(0, 200).ToArray(), Broken),
        ["xlsx-zip-without-workbook"] = () => new("thu.xlsx", Zip(("hello.txt", "xin chào")), Broken),
        ["xlsx-workbook-without-sheets"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task)), workbook: "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"), Broken),
        ["xlsx-sheet-malformed-xml"] = () => new("thu.xlsx", Xlsx("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Mã"), Broken),
        ["xlsx-billion-laughs"] = () => new("thu.xlsx", Xlsx("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"), Broken),
        ["xlsx-external-entity"] = () => new("thu.xlsx", Xlsx("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"), Broken),
        ["xlsx-inflates-past-limit"] = () => new("thu.xlsx", SmallBomb.Value, "giải nén ra hơn 100 MB"),
        ["xlsx-over-size"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task)), padding: (10 * 1024 * 1024) + 1024), TooLarge),
        ["xlsx-inline-cell-4001"] = () => new("thu.xlsx", Xlsx(Sheet(Rows($"1,{new string('a', 4001)},Sở Nội vụ,Quý I/2025\n"))), "vượt giới hạn 4.000 ký tự"),
        ["xlsx-shared-string-4001"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task), "<row r=\"9\"><c r=\"B9\" t=\"s\"><v>0</v></c></row>"), shared: new string('s', 4001)), "vượt giới hạn 4.000 ký tự"),
        ["xlsx-value-1mb"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task), $"<row r=\"9\"><c r=\"B9\"><v>{new string('9', 1024 * 1024)}</v></c></row>")), "vượt giới hạn 4.000 ký tự"),
        ["xlsx-column-ay"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task), "<row r=\"9\"><c r=\"AY9\" t=\"inlineStr\"><is><t>x</t></is></c></row>")), "vượt giới hạn 50 cột"),
        ["xlsx-column-xfd"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task), "<row r=\"9\"><c r=\"XFD9\" t=\"inlineStr\"><is><t>x</t></is></c></row>")), "vượt giới hạn 50 cột"),
        ["xlsx-too-many-rows"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(string.Concat(Enumerable.Range(1, 20_001).Select(i => $"{i},Việc {i},Sở Nội vụ,Quý I/2025\n"))))), "hơn 20.000 dòng"),
        ["xlsx-sheet-points-nowhere"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Task)), workbook: "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"x\" sheetId=\"1\" r:id=\"rIdMissing\"/></sheets></workbook>"), Broken),
        ["xlsx-plan-id-traversal"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Header.Replace("thu-2025", "../../x", StringComparison.Ordinal) + Task))), "không dùng được làm mã kế hoạch"),
        ["xlsx-unknown-agency"] = () => new("thu.xlsx", Xlsx(Sheet(Rows(Header + "1,Việc,Sở Bí Ẩn,Quý I/2025\n"))), "Sở Bí Ẩn"),
        ["xlsx-named-csv-inflates-past-limit"] = () => new("thu.csv", SmallBomb.Value, "giải nén ra hơn 100 MB"),
    };

    /// <summary>Every case's name, for a theory.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    public static HostilePlanFile Get(string name) => All[name]();

    private static HostilePlanFile Csv(string text, string refusal) => new("thu.csv", Encoding.UTF8.GetBytes(text), refusal);

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    /// <summary>CSV-ish lines ("a,b,c") as sheet rows of inline strings, from row 1.</summary>
    private static string Rows(string csv)
    {
        var rows = new StringBuilder();
        var r = 0;
        foreach (var line in csv.Split('\n'))
        {
            r++;
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            var cells = line.Split(',');
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length > 0)
                {
                    rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c r=\"{Workflow.Definitions.Plans.PlanProblem.ColumnLetter(c)}{r}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cells[c])}</t></is></c>");
                }
            }

            rows.Append("</row>");
        }

        return rows.ToString();
    }

    private static string Sheet(string rows, string extraRows = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}{extraRows}</sheetData></worksheet>";

    /// <summary>A minimal workbook around <paramref name="sheet"/>, as Excel lays it out.</summary>
    internal static byte[] Xlsx(string sheet, string? workbook = null, string? shared = null, int padding = 0)
    {
        var entries = new List<(string, string)>
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"bin\" ContentType=\"application/octet-stream\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", workbook ?? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Kế hoạch\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + (shared is null ? string.Empty : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>"),
            ("xl/worksheets/sheet1.xml", sheet),
        };
        if (shared is not null)
        {
            entries.Add(("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>{shared}</t></si></sst>"));
        }

        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }

            if (padding > 0)
            {
                // Random bytes do not compress: the file itself is this large.
                using var stream = zip.CreateEntry("xl/media/image1.bin", CompressionLevel.NoCompression).Open();
                var random = new Random(12);
                var chunk = new byte[65536];
                for (var written = 0; written < padding; written += chunk.Length)
                {
                    random.NextBytes(chunk);
                    stream.Write(chunk);
                }
            }
        }

        return memory.ToArray();
    }

    /// <summary>
    /// A small XLSX whose sheet inflates to <paramref name="inflated"/> bytes of rows: the file
    /// that took `plan check` to 7 GB. Written as a stream, so the test never holds it inflated.
    /// </summary>
    public static byte[] Bomb(long inflated)
    {
        var valid = Xlsx(Sheet(Rows(Header + Task)));
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var source = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
            {
                foreach (var entry in source.Entries.Where(e => e.FullName != "xl/worksheets/sheet1.xml"))
                {
                    using var from = entry.Open();
                    using var to = zip.CreateEntry(entry.FullName).Open();
                    from.CopyTo(to);
                }
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
            var row = Encoding.UTF8.GetBytes(new string(' ', 1000) + "<row><c t=\"inlineStr\"><is><t>rác</t></is></c></row>");
            var block = new byte[row.Length * 64];
            for (var i = 0; i < 64; i++)
            {
                row.CopyTo(block, i * row.Length);
            }

            for (long written = 0; written < inflated; written += block.Length)
            {
                sheet.Write(block);
            }

            sheet.Write("</sheetData></worksheet>"u8);
        }

        return memory.ToArray();
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return memory.ToArray();
    }
}
