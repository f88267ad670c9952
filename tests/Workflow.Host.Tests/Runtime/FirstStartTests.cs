using NodaTime;
using Workflow.Host.Hosting;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// What a start imports by itself from the workflows folder (<see cref="FirstStart"/>) when the folder holds a plan
/// file that does not read: the first start skips it and says why; it is no reason to announce, at every start
/// after, a first start that stopped before it had imported every file.
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"workflow-firststart-{Guid.NewGuid():N}");
    private readonly WorkflowsData data;
    private readonly string broken;

    public FirstStartTests()
    {
        var plans = Directory.CreateDirectory(Path.Combine(folder, "plans")).FullName;
        foreach (var seed in new[] { "cchc-2018.csv", "cchc-2019.csv" })
        {
            File.Copy(Path.Combine(CliRun.Workflows, "plans", seed), Path.Combine(plans, seed));
        }

        broken = Path.Combine(plans, "cchc-2000-hong.csv");
        File.WriteAllText(broken, "Mã kế hoạch,\nkhông phải một bảng kế hoạch\n");
        foreach (var file in Directory.GetFiles(plans))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1)); // there before the first start
        }

        data = WorkflowsData.Load(CliRun.Workflows) with { Folder = folder };
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_first_start_that_imported_every_plan_that_reads_is_not_resumed_for_a_file_that_does_not()
    {
        await using var host = await SqliteHost.StartAsync(data, new TestClock(SystemClock.Instance.GetCurrentInstant()));
        var first = await FirstStart.PlanFilesAsync(data, host.Databases, 2026, CancellationToken.None);
        Assert.False(first.Resumes);
        Assert.Equal(3, first.Files.Count);
        Assert.Null(first.Files.Single(f => f.File == broken).Read.Plan);
        foreach (var (_, read) in first.Files.Where(f => f.Read.Plan is not null))
        {
            await host.Runtime.ImportAsync(read.Plan!, FirstStart.By);
        }

        var next = await FirstStart.PlanFilesAsync(data, host.Databases, 2026, CancellationToken.None);

        Assert.False(next.Resumes);
        Assert.Empty(next.Files);
    }

    [Fact]
    public async Task A_first_start_stopped_before_a_plan_that_reads_is_resumed_with_the_file_that_does_not_beside_it()
    {
        await using var host = await SqliteHost.StartAsync(data, new TestClock(SystemClock.Instance.GetCurrentInstant()));
        var first = await FirstStart.PlanFilesAsync(data, host.Databases, 2026, CancellationToken.None);
        await host.Runtime.ImportAsync(first.Files.Single(f => f.File.EndsWith("cchc-2018.csv", StringComparison.Ordinal)).Read.Plan!, FirstStart.By);

        var next = await FirstStart.PlanFilesAsync(data, host.Databases, 2026, CancellationToken.None);

        Assert.True(next.Resumes);
        Assert.Equal([broken, Path.Combine(folder, "plans", "cchc-2019.csv")], next.Files.Select(f => f.File));
    }
}
