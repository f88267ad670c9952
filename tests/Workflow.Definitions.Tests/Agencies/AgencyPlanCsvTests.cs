using System.Text;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>
/// Every agency cell of every plan file under workflows/plans/*.csv resolves without problems, and every lead
/// cell names an agency or a group (a vague mention alone cannot lead). Runs over
/// whatever CSV files exist when the tests run (none is not a failure).
/// </summary>
public sealed class AgencyPlanCsvTests
{
    private static readonly string[] LeadColumns = ["Đơn vị chủ trì", "Cơ quan chủ trì", "Đơn vị tham mưu"];
    private static readonly string[] PartnerColumns = ["Đơn vị phối hợp", "Đơn vị thực hiện"];
    private static readonly string[] IdColumns = ["TT", "STT"];

    [Fact]
    public void EveryAgencyCellOfEveryPlanCsvResolves()
    {
        var directory = AgencyTestData.Directory;
        var failures = new List<string>();
        foreach (var path in PlanFiles())
        {
            var rows = Rfc4180.Parse(File.ReadAllText(path, Encoding.UTF8));
            var headerIndex = FindHeader(rows);
            if (headerIndex < 0)
            {
                failures.Add($"{Path.GetFileName(path)}: no header row (an empty row, then a row with TT and Đơn vị chủ trì)");
                continue;
            }

            var header = rows[headerIndex];
            var columns = LeadColumns.Concat(PartnerColumns)
                .Select(name => (Name: name, Index: IndexOf(header, name)))
                .Where(c => c.Index >= 0)
                .ToList();
            for (var r = headerIndex + 1; r < rows.Count; r++)
            {
                foreach (var (name, index) in columns)
                {
                    if (index >= rows[r].Count)
                    {
                        continue;
                    }

                    var resolution = directory.Resolve(rows[r][index]);
                    foreach (var problem in resolution.Problems)
                    {
                        failures.Add($"{Path.GetFileName(path)}: row {r + 1}, column '{name}': \"{rows[r][index]}\": {problem.Message}");
                    }

                    if (LeadColumns.Contains(name) && !resolution.IsEmpty && !resolution.HasProblems && !resolution.NamesSomeone)
                    {
                        failures.Add($"{Path.GetFileName(path)}: row {r + 1}, column '{name}': \"{rows[r][index]}\" names no agency or group (only vague mentions)");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void TheCsvReaderFollowsRfc4180()
    {
        var rows = Rfc4180.Parse("\uFEFFa,\"b, \"\"c\"\"\"\r\n\r\n\"line\nbreak\",,x\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b, \"c\""], rows[0]);
        Assert.Equal([string.Empty], rows[1]);
        Assert.Equal(["line\nbreak", string.Empty, "x"], rows[2]);
    }

    private static IEnumerable<string> PlanFiles() =>
        System.IO.Directory.Exists(AgencyTestData.PlansDirectory)
            ? System.IO.Directory.EnumerateFiles(AgencyTestData.PlansDirectory, "*.csv").Order(StringComparer.Ordinal)
            : [];

    /// <summary>The header follows the first empty row (metadata rows come before it).</summary>
    private static int FindHeader(List<List<string>> rows)
    {
        for (var r = 1; r < rows.Count; r++)
        {
            var previousEmpty = rows[r - 1].All(string.IsNullOrWhiteSpace);
            if (previousEmpty && IdColumns.Any(c => IndexOf(rows[r], c) >= 0) && LeadColumns.Any(c => IndexOf(rows[r], c) >= 0))
            {
                return r;
            }
        }

        return -1;
    }

    private static int IndexOf(List<string> row, string name) =>
        row.FindIndex(cell => string.Equals(cell.Trim().Normalize(NormalizationForm.FormC), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes, a BOM.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"':
                        quoted = true;
                        break;
                    case ',':
                        row.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                        break;
                    case '\r' or '\n':
                        row.Add(field.ToString());
                        field.Clear();
                        rows.Add(row);
                        row = [];
                        break;
                    default:
                        field.Append(c);
                        break;
                }
            }

            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }

            return rows;
        }
    }
}
