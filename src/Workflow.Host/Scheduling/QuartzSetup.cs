using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace Workflow.Host.Scheduling;

/// <summary>
/// Quartz.NET 4.7 with its persistent ADO job store in our database, run by the host.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>SQLite through Microsoft.Data.Sqlite (Quartz provider "SQLite-Microsoft"), PostgreSQL through
/// Npgsql (provider "Npgsql"); both given as the driver's factory, so Quartz loads no driver by name.</item>
/// <item>Job data maps are stored as string properties (<c>StoreJobDataAsStrings</c>, the old
/// <c>useProperties</c>): Quartz refuses to store a <see cref="JobDataMap"/> holding anything but strings.
/// So no binary serializer is involved; what is not a job data map (calendars, custom trigger types)
/// goes through the core package's built-in System.Text.Json serializer, the default, named here.</item>
/// <item>The schema is Quartz's own: <c>store.ProvisionSchema()</c> (<c>SchemaProvisioning.CreateIfMissing</c>) runs
/// the package's embedded script for the database when the scheduler is created (resolved from
/// <see cref="ISchedulerFactory"/>, started or not: a command with <c>runJobs</c> false gets its tables too). It only
/// creates what is missing, never alters or drops, then validates; several hosts creating it at once are safe (the
/// loser finds the winner's tables). A database whose <c>qrtz_</c> tables were made by our former DDL (every column
/// Quartz 4.7 reads) keeps them and gains only Quartz's optional tables.</item>
/// <item>Misfire threshold 5 s: a trigger more than 5 s late (after downtime) goes through its
/// misfire instruction instead of firing as if on time.</item>
/// <item>Clustered (PostgreSQL only): database row locks, an instance id generated per node (AUTO),
/// check-in every 2 s, so two hosts on one database fire each trigger once.</item>
/// <item>The hosted service waits for running jobs to complete when the host stops.</item>
/// </list>
/// </remarks>
public static class QuartzSetup
{
    /// <summary>The table prefix Quartz is configured with; PostgreSQL folds unquoted names to lower case.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>How late a trigger may fire before it counts as misfired.</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromSeconds(5);

    /// <summary>How often a clustered node records that it is alive.</summary>
    public static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers the scheduler named <paramref name="schedulerName"/> (its SCHED_NAME: nodes of one
    /// cluster share it) on the database <paramref name="connectionString"/> and the hosted service that starts the scheduler with the host and stops it with the host.
    /// </summary>
    /// <remarks>With <paramref name="runJobs"/> false the scheduler is never started: a command-line
    /// process uses it to add and remove triggers in the store while the server runs the jobs.</remarks>
    /// <exception cref="ArgumentException">Clustering asked for on SQLite, or an empty name.</exception>
    public static IServiceCollection AddWorkflowScheduler(
        this IServiceCollection services,
        DatabaseKind kind,
        string connectionString,
        string schedulerName,
        bool clustered,
        bool runJobs = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schedulerName);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown database kind");
        }

        if (clustered && kind != DatabaseKind.PostgreSql)
        {
            throw new ArgumentException(
                "Quartz clustering needs a database that several hosts share: use PostgreSQL, or clustered: false with SQLite.",
                nameof(clustered));
        }

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = schedulerName);
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    options.StoreJobDataAsStrings = true;
                    options.MisfireThreshold = MisfireThreshold;
                });
                store.ProvisionSchema();
                _ = kind switch
                {
                    DatabaseKind.Sqlite => store.UseSqlite(SqliteFactory.Instance, connectionString),
                    _ => store.UsePostgres(NpgsqlFactory.Instance, connectionString),
                };
                store.UseSystemTextJsonSerializer();
                if (clustered)
                {
                    store.UseClustering(cluster => cluster.CheckinInterval = ClusterCheckinInterval);
                }
            });
        });
        if (runJobs)
        {
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>A new (closed) connection of the right driver on the connection string.</summary>
    public static DbConnection CreateConnection(DatabaseKind kind, string connectionString) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteConnection(connectionString),
        DatabaseKind.PostgreSql => new NpgsqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown database kind"),
    };
}
