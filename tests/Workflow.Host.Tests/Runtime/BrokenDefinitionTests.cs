using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Definitions.Plans;
using Workflow.Host.Cli;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A coordinator publishes a broken version 2 of the chase: it is refused, named, and version 1 keeps running.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class BrokenDefinitionTests : IDisposable
{
    private readonly string workflows = Path.Combine(Path.GetTempPath(), $"workflow-def-{Guid.NewGuid():N}", "workflows");

    public BrokenDefinitionTests()
    {
        Workflow.Tests.RepositoryRoot.CopyWorkflowsTo(workflows);

        // Version 2 of the shipped chase, with a connection to an activity that does not exist.
        var v2 = JsonNode.Parse(File.ReadAllText(Path.Combine(workflows, "definitions", "chase-and-escalate.json")))!;
        v2["id"] = "chase-and-escalate-v2";
        v2["version"] = 2;
        v2["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "remind-14-before", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "khong-co", ["port"] = "In" },
        });
        File.WriteAllText(Path.Combine(workflows, "definitions", "chase-and-escalate-v2.json"), v2.ToJsonString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(workflows)!, recursive: true);
    }

    [Fact]
    public void Simulate_names_the_refused_file_and_activity_and_runs_the_published_version()
    {
        string[] args = ["simulate", "--plan", Path.Combine(workflows, "plans", "cchc-2025.csv"), "--from", "2025-01-01", "--to", "2025-06-30", "--json"];
        using var withBroken = new StringWriter();
        using var errors = new StringWriter();
        var exit = WorkflowCommandLine.Run([.. args, "--workflows", workflows], withBroken, errors);

        Assert.Equal(0, exit);
        Assert.Contains("Quy trình bị từ chối", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("chase-and-escalate-v2.json", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("remind-14-before", errors.ToString(), StringComparison.Ordinal);

        var (_, shipped, _) = CliRun.Run(args);
        Assert.Equal(shipped, withBroken.ToString());
    }

    [Fact]
    public async Task New_milestones_run_the_last_version_that_loads()
    {
        var data = WorkflowsData.Load(workflows);
        Assert.NotEmpty(data.Definitions.Problems);
        await using var host = await SqliteHost.StartAsync(data, TestClock.At(2025, 1, 1));
        var plan = PlanReader.Read(Path.Combine(workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await host.Runtime.ImportAsync(plan, "test");

        await using var db = await host.Databases.CreateDbContextAsync();
        var versions = await db.Milestones.Where(m => m.DefinitionId == "chase-and-escalate").Select(m => m.DefinitionVersion).Distinct().ToListAsync();
        Assert.Equal([1], versions);
    }
}
