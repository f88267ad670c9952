using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// The runtime's host on a fresh SQLite file in a temporary folder, timers stored but not fired
/// (the tests drive them); disposing stops it and removes the folder.
/// </summary>
internal sealed class SqliteHost : IAsyncDisposable
{
    private readonly string directory;
    private readonly IHost host;

    private SqliteHost(string directory, IHost host)
    {
        this.directory = directory;
        this.host = host;
    }

    public IServiceProvider Services => host.Services;

    public WorkflowRuntime Runtime => host.Services.GetRequiredService<WorkflowRuntime>();

    public IDbContextFactory<WorkflowDbContext> Databases => host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();

    public static async Task<SqliteHost> StartAsync(WorkflowsData data, TimeProvider clock, Action<IServiceCollection>? configure = null, DeliverySetup? delivery = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var host = WorkflowHost.Build(data, DatabaseSettings.Parse("sqlite:" + Path.Combine(directory, "w.db"), "unused"), runJobs: false, clock: RuntimeClock.System(clock), configure: configure, delivery: delivery);
        await host.StartAsync();
        return new SqliteHost(directory, host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
