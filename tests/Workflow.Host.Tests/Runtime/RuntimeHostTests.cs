using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// What the runtime tests share: the repository's workflows folder, the runtime on a fresh SQLite host (timers stored,
/// not fired: the tests drive them) on a test clock that starts where the test class says, and the plans, rows and
/// triggers they read. The host is made before each test and removed after it.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public abstract class RuntimeHostTests : IAsyncLifetime
{
    private SqliteHost? host;
    private WorkflowsData? data;

    private protected RuntimeHostTests(TestClock clock) => Clock = clock;

    private protected TestClock Clock { get; }

    protected WorkflowsData Data => data ?? throw new InvalidOperationException("the host starts in InitializeAsync");

    private protected SqliteHost Host => host ?? throw new InvalidOperationException("the host starts in InitializeAsync");

    protected WorkflowRuntime Runtime => Host.Runtime;

    public async Task InitializeAsync()
    {
        data = WorkflowsData.Load(CliRun.Workflows);
        host = await SqliteHost.StartAsync(data, Clock);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A plan of workflows/plans, read with the repository's reference data; it must be valid.</summary>
    protected Plan SeedPlan(string file, int? openEndedThrough = null)
    {
        var read = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", file), Data.Reference, openEndedThrough: openEndedThrough);
        Assert.True(read.IsValid, string.Join('\n', read.Problems));
        return read.Plan!;
    }

    /// <summary>A plan written by the test (CSV text) under the file name <paramref name="name"/>; it must be valid.</summary>
    protected Plan PlanFromText(string csv, string name, PlanLimits? limits = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var read = PlanReader.Read(stream, name, Data.Reference, limits);
        Assert.True(read.IsValid, string.Join('\n', read.Problems));
        return read.Plan!;
    }

    /// <summary>The stored milestones <paramref name="where"/> selects, by task and number.</summary>
    private protected async Task<List<MilestoneRecord>> MilestonesWhereAsync(Expression<Func<MilestoneRecord, bool>> where)
    {
        await using var db = await Host.Databases.CreateDbContextAsync();
        return await db.Milestones.AsNoTracking().Where(where).OrderBy(m => m.TaskId).ThenBy(m => m.Number).ToListAsync();
    }

    /// <summary>The runtime's triggers in Quartz's store: one a distinct moment.</summary>
    protected async Task<IReadOnlyCollection<TriggerKey>> TriggersAsync()
    {
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(WorkflowRuntime.TriggerGroup));
    }
}
