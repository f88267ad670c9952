namespace Workflow.EndToEnd.Tests;

/// <summary>A large plan made of real cells: the 2025 seed plan's rows, repeated under new task numbers (G1, G2…).</summary>
internal static class LargePlan
{
    /// <summary>Writes the plan <paramref name="id"/> of <paramref name="rows"/> tasks to <paramref name="file"/>.</summary>
    public static void Write(string file, string id, int rows)
    {
        var seed = File.ReadAllLines(Path.Combine(WorkflowProcess.Root, "workflows", "plans", "cchc-2025.csv"));
        var header = Array.FindIndex(seed, l => l.StartsWith("TT,", StringComparison.Ordinal));
        var tasks = seed.Skip(header + 1).Where(l => l.Length > 0).ToArray();
        using var writer = new StreamWriter(file);
        foreach (var line in seed.Take(header + 1))
        {
            writer.WriteLine(line.StartsWith("Mã kế hoạch,", StringComparison.Ordinal) ? $"Mã kế hoạch,{id}" : line);
        }

        for (var i = 0; i < rows; i++)
        {
            var row = tasks[i % tasks.Length];
            writer.WriteLine($"G{i + 1}{row[row.IndexOf(',', StringComparison.Ordinal)..]}");
        }
    }
}
