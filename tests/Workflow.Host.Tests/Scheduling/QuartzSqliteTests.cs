using Microsoft.Data.Sqlite;
using Quartz;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Tests.Scheduling;

[Collection(SchedulingTestGroup.Name)]
public sealed class QuartzSqliteTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workflow-quartz-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "workflow.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Quartz_creates_its_tables_for_a_scheduler_that_is_never_started_and_keeps_them()
    {
        // A command (runJobs false) on a new database: the scheduler is created, not started, and stores a trigger.
        var job = RecordingJob.DurableJob($"sqlite-command-{Guid.NewGuid():N}", "reminder");
        await using (var command = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false, runJobs: false))
        {
            Assert.NotEqual(SchedulerStatus.Running, command.Scheduler.Status);
            await command.Scheduler.ScheduleJob(job, RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddDays(1)));
        }

        var first = await SchemaObjectsAsync();
        Assert.Equal(QuartzTables, first.Where(o => o.StartsWith("table ", StringComparison.Ordinal)).Select(o => o["table ".Length..].ToLowerInvariant()).Order(StringComparer.Ordinal));

        // Again, and by a started scheduler: nothing is recreated, the rows are there.
        await using (var again = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false))
        {
            Assert.True(await again.Scheduler.Exists(new TriggerKey("reminder-at", "probes")));
        }

        Assert.Equal(first, await SchemaObjectsAsync());
    }

    [Fact]
    public async Task A_database_with_the_tables_of_our_former_ddl_keeps_them_and_its_rows()
    {
        await ExecuteAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scheduling", "Data", "qrtz-own-ddl.sqlite.sql")));
        var job = RecordingJob.DurableJob($"sqlite-former-{Guid.NewGuid():N}", "reminder");
        var former = await SchemaObjectsAsync();
        var triggers = await ColumnsAsync("qrtz_triggers");
        await using (var before = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false, runJobs: false))
        {
            await before.Scheduler.ScheduleJob(job, RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddDays(1)));
        }

        await using var after = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false);
        Assert.True(await after.Scheduler.Exists(job.Key));
        Assert.True(await after.Scheduler.Exists(new TriggerKey("reminder-at", "probes")));
        Assert.Equal(triggers, await ColumnsAsync("qrtz_triggers")); // nothing altered
        Assert.Equal(former, await SchemaObjectsAsync()); // complete as it is: Quartz creates nothing beside it
    }

    [Fact]
    public async Task A_durable_job_and_its_trigger_survive_a_restart_and_fire()
    {
        var probe = $"sqlite-restart-{Guid.NewGuid():N}";
        var job = RecordingJob.DurableJob(probe, "reminder");

        // Stored by a scheduler that never runs jobs (as a command stores it), due at once: only a restarted one fires it.
        var trigger = RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddSeconds(1));
        await using (var first = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false, runJobs: false))
        {
            var metadata = await first.Scheduler.GetMetadata();
            Assert.True(metadata.JobStorePersistent && !metadata.JobStoreClustered, metadata.ToString());
            await first.Scheduler.ScheduleJob(job, trigger);
        }

        Assert.Equal(0, RecordingJob.Count(probe));

        await using var second = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false);
        Assert.True(await second.Scheduler.Exists(job.Key), "the durable job is gone after the restart");

        Assert.True(await RecordingJob.WaitForAsync(probe, 1, RecordingJob.Patience), "the trigger did not fire after the restart");
        Assert.True(await Eventually(async () => !await second.Scheduler.Exists(trigger.Key)), "a fired one-shot trigger is removed");
        Assert.Equal(["reminder-at"], RecordingJob.Of(probe).Keys);
        Assert.Single(RecordingJob.Of(probe)["reminder-at"]);
        Assert.True(await second.Scheduler.Exists(job.Key), "a durable job outlives its last trigger");
    }

    [Fact]
    public void Clustering_on_sqlite_is_refused()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var error = Assert.Throws<ArgumentException>(() =>
            services.AddWorkflowScheduler(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: true));
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every table Quartz 4.7's SQLite script creates (its optional history tables included).</summary>
    internal static readonly string[] QuartzTables =
    [
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers", "qrtz_execution_history", "qrtz_fired_triggers", "qrtz_job_details",
        "qrtz_job_status", "qrtz_locks", "qrtz_misfire_history", "qrtz_paused_job_grps", "qrtz_paused_trigger_grps", "qrtz_scheduler_state",
        "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers",
    ];

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="RecordingJob.Patience"/> is over.</summary>
    internal static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + RecordingJob.Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> ColumnsAsync(string table) =>
        await QueryAsync($"SELECT name || ' ' || type || ' ' || \"notnull\" FROM pragma_table_info('{table}') ORDER BY cid");

    private Task<List<string>> SchemaObjectsAsync() =>
        QueryAsync("SELECT type || ' ' || name FROM sqlite_master WHERE name LIKE '%qrtz%' ORDER BY 1");

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
