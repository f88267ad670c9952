using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workflow.Tests;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Ctrl+C during a first start, while it imports the seed plans: the program ends by itself, and the next start
/// imports the plans it left. The workflows folder is a copy of the repository's with one large plan that the first
/// start imports second (it sorts right after cchc-2012.csv), so that a Ctrl+C sent on the first "Đã nhập" line
/// comes while the import is running.
/// </summary>
public sealed partial class InterruptedFirstStartTests : IDisposable
{
    /// <summary>Only guards against a hang: a stopped program exits in well under a second.</summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] SeedPlans = ["cchc-2012", "cchc-2018", "cchc-2019", "cchc-2025", "chiso-2023"];

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-interrupted-{Guid.NewGuid():N}");

    public InterruptedFirstStartTests()
    {
        var workflows = WorkflowProcess.CopyWorkflows(directory);
        LargePlan.Write(Path.Combine(workflows, "plans", "cchc-2013-lon.csv"), "lon-2025", rows: 19_000);
    }

    private string Workflows => Path.Combine(directory, "workflows");

    private string Database => "sqlite:" + Path.Combine(directory, ".data", "workflow.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Ctrl_C_while_the_first_start_imports_ends_the_program()
    {
        var (exit, output) = await InterruptFirstStartAsync();

        Assert.Equal(130, exit);
        Assert.Contains("Đã dừng.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Máy chủ đang chạy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_start_imports_the_plans_an_interrupted_first_start_left_and_only_those()
    {
        var (_, first) = await InterruptFirstStartAsync();
        var importedFirst = Imported(first);
        Dictionary<string, NodaTime.Instant> before;
        using (var db = Store.Open(Database))
        {
            before = db.Plans.AsNoTracking().ToDictionary(p => p.Id, p => p.ImportedAtUtc);
        }

        Assert.Equal(importedFirst.Order(StringComparer.Ordinal), before.Keys.Order(StringComparer.Ordinal)); // an interrupted import leaves nothing of its plan
        Assert.True(before.Count < SeedPlans.Length + 1, $"the first start was stopped before it had imported every plan:\n{first}");

        // Added after the first start: a coordinator's to import, not the first start's.
        var later = Path.Combine(Workflows, "plans", "cchc-2011-moi.csv");
        File.WriteAllLines(later, File.ReadAllLines(Path.Combine(Workflows, "plans", "cchc-2018.csv")).Select(l => l.StartsWith("Mã kế hoạch,", StringComparison.Ordinal) ? "Mã kế hoạch,moi-2018" : l));

        using var server = ServeProcess.Start(WorkflowProgram.StartInfo(directory, ["serve", "--workflows", Workflows, "--urls", "http://127.0.0.1:0"]));
        var startTimeout = Reliability.ServerProcess.StartTimeout;
        Assert.True(await server.WaitUntilRunningAsync(startTimeout), server.Describe(startTimeout));
        using (var db = Store.Open(Database))
        {
            var after = db.Plans.AsNoTracking().ToDictionary(p => p.Id, p => p.ImportedAtUtc);
            Assert.Equal([.. SeedPlans, "lon-2025"], after.Keys.Order(StringComparer.Ordinal));
            Assert.All(before, plan => Assert.Equal(plan.Value, after[plan.Key])); // what the first start imported is not imported again
            Assert.Equal(Imported(server.Output).Order(StringComparer.Ordinal), after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        }

        Assert.Contains("Lần chạy đầu đã dừng khi chưa nhập hết các tệp kế hoạch", server.Output, StringComparison.Ordinal);

        await server.StopAsync();
    }

    [Fact]
    public async Task A_store_a_coordinator_imported_into_gets_nothing_from_the_folder()
    {
        var (exit, output, error) = WorkflowProcess.Run(directory, "plan", "import", Path.Combine(Workflows, "plans", "cchc-2018.csv"), "--workflows", Workflows);
        Assert.True(exit == 0, output + error);

        using var server = ServeProcess.Start(WorkflowProgram.StartInfo(directory, ["serve", "--workflows", Workflows, "--urls", "http://127.0.0.1:0"]));
        var startTimeout = Reliability.ServerProcess.StartTimeout;
        Assert.True(await server.WaitUntilRunningAsync(startTimeout), server.Describe(startTimeout));
        Assert.Empty(Imported(server.Output));
        using (var db = Store.Open(Database))
        {
            Assert.Equal(["cchc-2018"], db.Plans.Select(p => p.Id).ToList());
        }

        await server.StopAsync();
    }

    /// <summary>A first start on the empty store, sent Ctrl+C on its first "Đã nhập" line; its exit code and console once it exited.</summary>
    private async Task<(int Exit, string Output)> InterruptFirstStartAsync()
    {
        using var server = ServeProcess.Start(WorkflowProgram.InterruptibleStartInfo(directory, ["serve", "--workflows", Workflows, "--urls", "http://127.0.0.1:0"]));
        var startTimeout = Reliability.ServerProcess.StartTimeout;
        Assert.True(await server.WaitForLineAsync("Đã nhập ", startTimeout), server.Describe(startTimeout));
        await server.InterruptAsync();
        Assert.True(await server.WaitForExitAsync(ExitTimeout), $"workflow serve was still running {ExitTimeout.TotalSeconds:0} s after Ctrl+C:\n{server.Output}");
        return (server.ExitCode, server.Output);
    }

    private static List<string> Imported(string console) => [.. ImportedLine().Matches(console).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^Đã nhập ([a-z0-9-]+):", RegexOptions.Multiline)]
    private static partial Regex ImportedLine();
}
