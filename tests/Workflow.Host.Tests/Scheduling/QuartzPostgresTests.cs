using Workflow.Tests;
using System.Diagnostics;
using Npgsql;
using Quartz;
using Workflow.Host.Scheduling;
using Xunit.Abstractions;

namespace Workflow.Host.Tests.Scheduling;

/// <summary>
/// Against the real PostgreSQL in WORKFLOW_TEST_POSTGRES. Each test works in a schema of its own
/// (the connection's search path), dropped at the end, so tests and runs never see each other's rows.
/// </summary>
[Collection(SchedulingTestGroup.Name)]
public sealed class QuartzPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresSchema schema = new("quartz_test");

    private string ConnectionString => schema.ConnectionString;

    public Task InitializeAsync() => schema.CreateAsync();

    public Task DisposeAsync() => schema.DropAsync();

    [PostgresFact]
    public async Task Quartz_creates_its_tables_also_when_three_hosts_that_never_start_create_them_at_once()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true, runJobs: false)));
        try
        {
            Assert.All(hosts, h => Assert.NotEqual(SchedulerStatus.Running, h.Scheduler.Status));
            var job = RecordingJob.DurableJob($"pg-command-{Guid.NewGuid():N}", "reminder");
            await hosts[0].Scheduler.ScheduleJob(job, RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddDays(1)));
            Assert.True(await hosts[2].Scheduler.Exists(job.Key));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var first = await SchemaObjectsAsync();
        Assert.Equal(QuartzSqliteTests.QuartzTables, first.Where(o => o.StartsWith("table ", StringComparison.Ordinal)).Select(o => o["table ".Length..]).Order(StringComparer.Ordinal));

        await using (var again = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true))
        {
            Assert.True(await again.Scheduler.Exists(new TriggerKey("reminder-at", "probes")));
        }

        Assert.Equal(first, await SchemaObjectsAsync());
    }

    [PostgresFact]
    public async Task A_database_with_the_tables_of_our_former_ddl_keeps_them_and_its_rows()
    {
        await ExecuteAsync(ConnectionString, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scheduling", "Data", "qrtz-own-ddl.postgres.sql")));
        var columns = await ColumnsAsync();
        var job = RecordingJob.DurableJob($"pg-former-{Guid.NewGuid():N}", "reminder");
        await using (var before = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true, runJobs: false))
        {
            await before.Scheduler.ScheduleJob(job, RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddDays(1)));
        }

        await using var after = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true);
        Assert.True(await after.Scheduler.Exists(job.Key));
        Assert.True(await after.Scheduler.Exists(new TriggerKey("reminder-at", "probes")));
        var tables = columns.Select(c => c.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var now = await ColumnsAsync();
        Assert.Equal(columns, now.Where(c => tables.Contains(c.Split('.')[0]))); // nothing altered
        Assert.Equal(columns, now); // complete as it is: Quartz creates nothing beside it
    }

    [PostgresFact]
    public async Task A_durable_job_and_its_trigger_survive_a_restart_and_fire()
    {
        var probe = $"pg-restart-{Guid.NewGuid():N}";
        var job = RecordingJob.DurableJob(probe, "reminder");

        // Stored by a scheduler that never runs jobs (as a command stores it), due at once: only a restarted one fires it.
        var trigger = RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddSeconds(1));
        string firstInstance;
        await using (var first = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true, runJobs: false))
        {
            firstInstance = first.InstanceId;
            await first.Scheduler.ScheduleJob(job, trigger);
        }

        Assert.Equal(0, RecordingJob.Count(probe));
        // Job data is stored as string properties, readable in the table.
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM qrtz_job_details WHERE job_data IS NOT NULL"));

        await using var second = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true);
        Assert.NotEqual(firstInstance, second.InstanceId);
        Assert.True(await second.Scheduler.Exists(job.Key), "the durable job is gone after the restart");

        Assert.True(await RecordingJob.WaitForAsync(probe, 1, RecordingJob.Patience), "the trigger did not fire after the restart");
        Assert.True(await QuartzSqliteTests.Eventually(async () => !await second.Scheduler.Exists(trigger.Key)), "a fired one-shot trigger is removed");
        Assert.Equal(["reminder-at"], RecordingJob.Of(probe).Keys);
        Assert.Equal([second.InstanceId], RecordingJob.Of(probe)["reminder-at"]);
        Assert.True(await second.Scheduler.Exists(job.Key), "a durable job outlives its last trigger");
    }

    [PostgresFact]
    public async Task Two_clustered_hosts_fire_each_of_50_triggers_exactly_once()
    {
        const int Triggers = 50;
        var clock = Stopwatch.StartNew();
        var probe = $"pg-cluster-{Guid.NewGuid():N}";
        await using var a = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true);
        await using var b = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true);
        Assert.NotEqual(a.InstanceId, b.InstanceId);
        var metadata = await a.Scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent && metadata.JobStoreClustered, metadata.ToString());
        output.WriteLine($"two nodes {a.InstanceId}, {b.InstanceId} up at {clock.Elapsed.TotalSeconds:F1} s");

        // Half scheduled through each node, all due within 2 s from 3 s from now.
        var job = RecordingJob.DurableJob(probe, "chase");
        await a.Scheduler.AddJob(job, new AddJobOptions());
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        for (var i = 0; i < Triggers; i++)
        {
            var node = i % 2 == 0 ? a : b;
            await node.Scheduler.ScheduleJob(RecordingJob.OnceAt(job.Key, $"t{i:D2}", start.AddMilliseconds(40 * i)));
        }

        output.WriteLine($"{Triggers} triggers scheduled at {clock.Elapsed.TotalSeconds:F1} s");
        var allFired = await RecordingJob.WaitForAsync(probe, Triggers, RecordingJob.Patience);
        output.WriteLine($"{RecordingJob.Count(probe)} firings at {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a duplicate to show up

        var firings = RecordingJob.Of(probe);
        foreach (var group in firings.Values.SelectMany(f => f).GroupBy(id => id))
        {
            output.WriteLine($"node {group.Key}: {group.Count()} firings");
        }

        Assert.True(allFired, $"only {firings.Count} of {Triggers} triggers fired");
        Assert.Equal(Enumerable.Range(0, Triggers).Select(i => $"t{i:D2}"), firings.Keys.Order());
        var twice = firings.Where(f => f.Value.Length != 1).Select(f => $"{f.Key}: {string.Join(", ", f.Value)}").ToList();
        Assert.True(twice.Count == 0, "fired more than once: " + string.Join("; ", twice));
        Assert.All(firings.Values.SelectMany(f => f), id => Assert.Contains(id, new[] { a.InstanceId, b.InstanceId }));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM qrtz_triggers"));
    }

    private static Task ExecuteAsync(string connectionString, string sql) => PostgresSchema.ExecuteAsync(connectionString, sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>"table.column type nullability" of every column in the test's schema.</summary>
    private async Task<List<string>> ColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = @schema ORDER BY 1",
            connection);
        command.Parameters.AddWithValue("schema", schema.Name);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private async Task<List<string>> SchemaObjectsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT CASE c.relkind WHEN 'r' THEN 'table ' ELSE 'index ' END || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'i')
            ORDER BY 1
            """,
            connection);
        command.Parameters.AddWithValue("schema", schema.Name);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
