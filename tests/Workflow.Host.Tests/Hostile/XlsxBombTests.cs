using System.Diagnostics;
using Workflow.Definitions;
using Workflow.Definitions.Plans;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// The XLSX of a few hundred KB whose sheet inflates to 600 MB of XML: on main `plan check` read
/// it into a document tree and reached 7 GB. It is refused from its zip directory, quickly and
/// in little memory.
/// </summary>
public class XlsxBombTests
{
    [Fact]
    public void A_sheet_that_inflates_to_600_MB_is_refused_quickly_in_little_memory()
    {
        var bomb = HostilePlanFiles.Bomb(600L * 1024 * 1024);
        Assert.True(bomb.Length < 10 * 1024 * 1024, $"{bomb.Length} bytes");
        var reference = ReferenceData.Load(CliRun.Workflows);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var read = PlanReader.Read(new MemoryStream(bomb), "bom.xlsx", reference);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var problem = Assert.Single(read.Problems);
        Assert.Equal("bom.xlsx", problem.File);
        // Refused from the zip directory, before anything is inflated: the message names the part and what it declares
        // (a part refused while inflating says "một phần của bảng tính …" instead). That, and the bytes allocated, are
        // what "quickly" means; the elapsed time is only reported, since a loaded machine stretches it.
        Assert.StartsWith("bảng tính giải nén ra hơn 100 MB (phần \"", problem.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated in {clock.Elapsed}");
    }

    [Fact]
    public void A_sheet_that_lies_about_its_size_stops_at_the_limit_in_little_memory()
    {
        // Under the declared limit, but every row too wide: the stream is read row by row and the first one ends it.
        var rows = string.Concat(Enumerable.Repeat("<row><c r=\"A1\" t=\"inlineStr\"><is><t>" + new string('x', 5000) + "</t></is></c></row>", 4000));
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";
        var file = HostilePlanFiles.Xlsx(sheet);
        var reference = ReferenceData.Load(CliRun.Workflows);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var read = PlanReader.Read(new MemoryStream(file), "rong.xlsx", reference);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains("vượt giới hạn 4.000 ký tự", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }
}
