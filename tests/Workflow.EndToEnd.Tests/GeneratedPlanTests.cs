namespace Workflow.EndToEnd.Tests;

/// <summary>A large plan a coordinator might upload: checked whole, by the real program.</summary>
public class GeneratedPlanTests
{
    [Fact]
    public void A_ten_thousand_row_plan_made_of_real_cells_passes_plan_check()
    {
        var seed = File.ReadAllLines(Path.Combine(WorkflowProcess.Root, "workflows", "plans", "cchc-2025.csv"));
        var header = Array.FindIndex(seed, l => l.StartsWith("TT,", StringComparison.Ordinal));
        var rows = seed.Skip(header + 1).Where(l => l.Length > 0).ToArray();
        var file = Path.Combine(Path.GetTempPath(), $"lon-{Guid.NewGuid():N}.csv");
        using (var writer = new StreamWriter(file))
        {
            foreach (var line in seed.Take(header + 1))
            {
                writer.WriteLine(line.StartsWith("Mã kế hoạch", StringComparison.Ordinal) ? "Mã kế hoạch,lon-2025" : line);
            }

            for (var i = 0; i < 10_000; i++)
            {
                var row = rows[i % rows.Length];
                writer.WriteLine($"G{i + 1}{row[row.IndexOf(',', StringComparison.Ordinal)..]}");
            }
        }

        try
        {
            var (exit, output, error) = WorkflowProcess.Run(WorkflowProcess.Root, "plan", "check", file);
            Assert.True(exit == 0, output + error);
            Assert.Contains("10000 nhiệm vụ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
