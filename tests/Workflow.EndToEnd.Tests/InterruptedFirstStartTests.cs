using Workflow.Tests;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Ctrl+C during a first start, while it imports the seed plans: the program ends by itself. The workflows folder is
/// a copy of the repository's with one large plan that the first start imports second (it sorts right after
/// cchc-2012.csv), so that a Ctrl+C sent on the first "Đã nhập" line comes while the import is running.
/// </summary>
public sealed class InterruptedFirstStartTests : IDisposable
{
    /// <summary>Only guards against a hang: a stopped program exits in well under a second.</summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-interrupted-{Guid.NewGuid():N}");

    public InterruptedFirstStartTests()
    {
        var source = Path.Combine(WorkflowProcess.Root, "workflows");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, "workflows", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        LargePlan.Write(Path.Combine(Workflows, "plans", "cchc-2013-lon.csv"), "lon-2025", rows: 19_000);
    }

    private string Workflows => Path.Combine(directory, "workflows");

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

    /// <summary>A first start on the empty store, sent Ctrl+C on its first "Đã nhập" line; its exit code and console once it exited.</summary>
    private async Task<(int Exit, string Output)> InterruptFirstStartAsync()
    {
        using var server = ServeProcess.Start(WorkflowProgram.StartInfo(directory, ["serve", "--workflows", Workflows, "--urls", "http://127.0.0.1:0"]));
        var startTimeout = Reliability.ServerProcess.StartTimeout;
        Assert.True(await server.WaitForLineAsync("Đã nhập ", startTimeout), server.Describe(startTimeout));
        await server.InterruptAsync();
        Assert.True(await server.WaitForExitAsync(ExitTimeout), $"workflow serve was still running {ExitTimeout.TotalSeconds:0} s after Ctrl+C:\n{server.Output}");
        return (server.ExitCode, server.Output);
    }
}
