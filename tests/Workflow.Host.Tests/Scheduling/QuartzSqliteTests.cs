using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Quartz;
using Workflow.Host.Scheduling;
using Xunit.Abstractions;

namespace Workflow.Host.Tests.Scheduling;

[Collection(SchedulingTestGroup.Name)]
public sealed class QuartzSqliteTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workflow-quartz-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "workflow.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Schema_creation_is_idempotent_and_keeps_rows()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await QuartzSchema.EnsureCreatedAsync(connection, DatabaseKind.Sqlite, CancellationToken.None);
        var first = await SchemaObjectsAsync(connection);
        Assert.Equal(12, first.Count(o => o.StartsWith("table ", StringComparison.Ordinal)));
        Assert.Equal(4, first.Count(o => o.StartsWith("trigger ", StringComparison.Ordinal)));
        Assert.Equal(8, first.Count(o => o.StartsWith("index idx_", StringComparison.Ordinal)));

        await connection.OpenAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('s', 'TRIGGER_ACCESS')";
            await insert.ExecuteNonQueryAsync();
        }

        await QuartzSchema.EnsureCreatedAsync(connection, DatabaseKind.Sqlite, CancellationToken.None);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State); // left as it was given
        await connection.CloseAsync();
        await QuartzSchema.EnsureCreatedAsync(connection, DatabaseKind.Sqlite, CancellationToken.None);

        Assert.Equal(first, await SchemaObjectsAsync(connection));
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM qrtz_locks";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_durable_job_and_its_trigger_survive_a_restart_and_fire()
    {
        var clock = Stopwatch.StartNew();
        var probe = $"sqlite-restart-{Guid.NewGuid():N}";
        var job = RecordingJob.DurableJob(probe, "reminder");
        var trigger = RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddSeconds(3));

        await using (var first = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false))
        {
            var metadata = await first.Scheduler.GetMetadata();
            Assert.True(metadata.JobStorePersistent && !metadata.JobStoreClustered, metadata.ToString());
            await first.Scheduler.ScheduleJob(job, trigger);
            await first.StopAsync();
        }

        Assert.Equal(0, RecordingJob.Count(probe));
        output.WriteLine($"first scheduler scheduled and stopped at {clock.Elapsed.TotalSeconds:F1} s");

        await using var second = await SchedulerTestHost.StartAsync(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: false);
        Assert.True(await second.Scheduler.Exists(job.Key), "the durable job is gone after the restart");
        Assert.True(await second.Scheduler.Exists(trigger.Key), "the trigger is gone after the restart");

        Assert.True(await RecordingJob.WaitForAsync(probe, 1, TimeSpan.FromSeconds(12)), "the trigger did not fire after the restart");
        output.WriteLine($"fired at {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(500);
        Assert.Equal(["reminder-at"], RecordingJob.Of(probe).Keys);
        Assert.Single(RecordingJob.Of(probe)["reminder-at"]);
        Assert.True(await second.Scheduler.Exists(job.Key), "a durable job outlives its last trigger");
        Assert.False(await second.Scheduler.Exists(trigger.Key), "a fired one-shot trigger is removed");
    }

    [Fact]
    public void Clustering_on_sqlite_is_refused()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var error = Assert.Throws<ArgumentException>(() =>
            services.AddWorkflowScheduler(DatabaseKind.Sqlite, ConnectionString, "workflow", clustered: true));
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> SchemaObjectsAsync(SqliteConnection connection)
    {
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT type || ' ' || name FROM sqlite_master WHERE name LIKE '%qrtz%' ORDER BY 1";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
