using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Hosting;

/// <summary>The composition of the host: database, Quartz, runtime. One place for the server and the commands.</summary>
public static partial class WorkflowHost
{
    /// <summary>Builds a host. With <paramref name="runJobs"/> the scheduler fires timers (the server); without, it only edits the store (commands).</summary>
    public static IHost Build(WorkflowsData data, DatabaseSettings database, bool runJobs, bool clustered = false, RuntimeClock? clock = null, Action<IServiceCollection>? configure = null, DeliverySetup? delivery = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Compose(builder, data, database, runJobs, clustered, clock, delivery);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The services every host shares (database, Quartz, runtime, delivery): the server adds its
    /// web pages to them, the commands use them bare.
    /// </summary>
    internal static void Compose(IHostApplicationBuilder builder, WorkflowsData data, DatabaseSettings database, bool runJobs, bool clustered, RuntimeClock? clock, DeliverySetup? delivery)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(database);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None); // failures surface as exceptions, with our own message
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // a failed start is the exception the command line reports in one line (details with --verbose)
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(database);
        var runtimeClock = clock ?? RuntimeClock.System();
        builder.Services.AddSingleton(runtimeClock);
        builder.Services.AddDbContextFactory<WorkflowDbContext>(options =>
        {
            _ = database.Kind == DatabaseKind.Sqlite
                ? options.UseSqlite(database.ConnectionString)
                : options.UseNpgsql(database.ConnectionString);
        });

        // Our tables first, then Quartz's (both hosted services run before the scheduler starts).
        builder.Services.AddHostedService<Persistence.Migrations.SchemaMigrator>();
        builder.Services.AddWorkflowScheduler(database.Kind, database.ConnectionString, "workflow", clustered, runJobs);
        builder.Services.AddSingleton(new RuntimeOptions(SingleWriter: database.Kind == DatabaseKind.Sqlite) { DefaultClosing = PlanLifecycle.DefaultClosingFromEnvironment() });
        builder.Services.AddSingleton(services =>
        {
            var links = services.GetService<DeliverySetup>()?.Links;
            return new WorkflowEngine(data.Reference.Calendar, new AgencyId(data.Reference.Reports.FollowUpAgency), runtimeClock.LateAfter, new EngineOptions
            {
                Agencies = data.Reference.Agencies,
                ReportLink = links is null ? null : run => run.Lead.Count == 0 ? null : links.For(run.Lead[0].ToString(), runtimeClock.Now.InZoneLeniently(Workflow.Definitions.Workflows.WorkflowDefinition.TimeZone).ToInstant()).AbsoluteUri,
            });
        });
        builder.Services.AddSingleton(_ => new LiveDefinitions(data.Reference.Agencies, data.Definitions, data.Rules));
        builder.Services.AddSingleton<WorkflowRuntime>();
        builder.Services.AddTransient<ResumeMomentJob>();
        if (runJobs)
        {
            // A plan whose window ended closes within a minute; a trigger lost between a commit and its
            // scheduling (a crash, a database hiccup) comes back within a minute.
            builder.Services.AddSingleton<IHostedService>(s => new Periodically("Reconciliation", TimeSpan.FromMinutes(1), async ct =>
            {
                var runtime = s.GetRequiredService<WorkflowRuntime>();
                await runtime.CloseEndedPlansAsync(ct).ConfigureAwait(false);
                foreach (var line in await runtime.FollowNewYearsAsync(data.ReadPlanAgain, ct).ConfigureAwait(false))
                {
                    Periodically.Said(s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Reconcile"), "Reconciliation", line);
                }

                await runtime.ReconcileAsync(ct).ConfigureAwait(false);
            }, s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Reconcile"), runtimeClock.Time));


            // An agency that ended hands its open milestones to its successors on the day after (checked once a day).
            builder.Services.AddSingleton<IHostedService>(s => new Periodically("Handover", TimeSpan.FromMinutes(1),
                ct => s.GetRequiredService<WorkflowRuntime>().HandOverAsync(ct: ct), s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Handover"), runtimeClock.Time));
        }

        if (delivery is not null)
        {
            builder.Services.AddSingleton(delivery.Transport);
            builder.Services.AddSingleton(delivery.Templates);
            builder.Services.AddSingleton(delivery.Options);
            builder.Services.AddSingleton(delivery);
            builder.Services.AddSingleton<Workflow.Notifications.Delivery.IOutboxStore, Persistence.OutboxStore>();
            builder.Services.AddSingleton(s => new Workflow.Notifications.Delivery.OutboxSender(s.GetRequiredService<Workflow.Notifications.Delivery.IOutboxStore>(),
                delivery.Transport, delivery.Templates, data.Reference.Agencies, delivery.Links, s.GetRequiredService<RuntimeClock>(), delivery.Options));
            if (runJobs)
            {
                builder.Services.AddSingleton<IHostedService>(s => new Periodically("Delivery", s.GetRequiredService<RuntimeClock>().DeliveryInterval,
                    ct => s.GetRequiredService<Workflow.Notifications.Delivery.OutboxSender>().SendDueAsync(ct), s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Delivery"), runtimeClock.Time));
            }
        }
    }

    /// <summary>
    /// Work the server repeats while it runs, at a fixed interval: a failed round is logged and the
    /// next one tries again.
    /// </summary>
    internal sealed partial class Periodically(string name, TimeSpan interval, Func<CancellationToken, Task> work, ILogger logger, TimeProvider time) : BackgroundService
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} failed; it runs again in {Interval}.")]
        private static partial void Failed(ILogger logger, string name, TimeSpan interval, Exception exception);

        /// <summary>What a round did that an operator should read (a plan's new year, a plan file that changed).</summary>
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Name}: {Line}")]
        public static partial void Said(ILogger logger, string name, string line);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, name, interval, e);
                }
            }
        }
    }
}
