using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Tests.Scheduling;

/// <summary>The scheduling tests share timing-sensitive work: they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SchedulingTestGroup
{
    public const string Name = "Scheduling";
}

/// <summary>A host with nothing but the scheduler AddWorkflowScheduler registers, started (or, with <c>runJobs</c>
/// false, created and never started, as a command's).</summary>
internal sealed class SchedulerTestHost : IAsyncDisposable
{
    private readonly IHost host;
    private bool stopped;

    private SchedulerTestHost(IHost host, IScheduler scheduler)
    {
        this.host = host;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public string InstanceId => Scheduler.SchedulerInstanceId;

    public static async Task<SchedulerTestHost> StartAsync(
        DatabaseKind kind, string connectionString, string schedulerName, bool clustered, bool runJobs = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWorkflowScheduler(kind, connectionString, schedulerName, clustered, runJobs);
        var host = builder.Build();
        try
        {
            // Generous: a loaded machine may take long to start, and nothing here measures speed.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.StartAsync(timeout.Token);
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(timeout.Token);
            // The hosted service starts the scheduler once the application has started.
            while (runJobs && scheduler.Status != SchedulerStatus.Running)
            {
                await Task.Delay(20, timeout.Token);
            }

            return new SchedulerTestHost(host, scheduler);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops the host, which shuts the scheduler down (waiting for running jobs).</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}

/// <summary>Records every firing of every probe: which trigger, on which scheduler instance.</summary>
internal sealed class RecordingJob : IJob
{
    public const string ProbeKey = "probe";

    /// <summary>How long a test waits for a firing before it fails: long, so that a loaded machine is slow, not red
    /// (a passing test returns as soon as the firing is there).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConcurrentQueue<string>>> Firings = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var probe = context.MergedJobDataMap.GetString(ProbeKey) ?? "(none)";
        Firings.GetOrAdd(probe, _ => new())
            .GetOrAdd(context.Trigger.Key.Name, _ => new())
            .Enqueue(context.Scheduler.SchedulerInstanceId);
        return ValueTask.CompletedTask;
    }

    /// <summary>Trigger name → the instance ids that fired it, once per firing.</summary>
    public static IReadOnlyDictionary<string, string[]> Of(string probe) =>
        Firings.TryGetValue(probe, out var triggers)
            ? triggers.ToDictionary(t => t.Key, t => t.Value.ToArray())
            : new Dictionary<string, string[]>();

    public static int Count(string probe) =>
        Firings.TryGetValue(probe, out var triggers) ? triggers.Values.Sum(q => q.Count) : 0;

    public static IJobDetail DurableJob(string probe, string name) =>
        JobBuilder.Create<RecordingJob>()
            .WithIdentity(name, "probes")
            .StoreDurably()
            .UsingJobData(ProbeKey, probe)
            .Build();

    public static ITrigger OnceAt(JobKey job, string name, DateTimeOffset at) =>
        TriggerBuilder.Create()
            .WithIdentity(name, "probes")
            .ForJob(job)
            .StartAt(at)
            .Build();

    /// <summary>Waits until the probe has fired at least <paramref name="count"/> times, or the time is up.</summary>
    public static async Task<bool> WaitForAsync(string probe, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Count(probe) < count)
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
