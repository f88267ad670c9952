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
    public async Task Schema_creation_is_idempotent_also_when_two_hosts_create_it_at_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await QuartzSchema.EnsureCreatedAsync(connection, DatabaseKind.PostgreSql, CancellationToken.None);
        }));
        var first = await SchemaObjectsAsync();
        Assert.Equal(12, first.Count(o => o.StartsWith("table ", StringComparison.Ordinal)));
        Assert.Equal(8, first.Count(o => o.StartsWith("index idx_", StringComparison.Ordinal)));

        await ExecuteAsync(ConnectionString, "INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('s', 'TRIGGER_ACCESS')");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await QuartzSchema.EnsureCreatedAsync(connection, DatabaseKind.PostgreSql, CancellationToken.None);
        }

        Assert.Equal(first, await SchemaObjectsAsync());
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM qrtz_locks"));
    }

    [PostgresFact]
    public async Task A_durable_job_and_its_trigger_survive_a_restart_and_fire()
    {
        var clock = Stopwatch.StartNew();
        var probe = $"pg-restart-{Guid.NewGuid():N}";
        var job = RecordingJob.DurableJob(probe, "reminder");
        var trigger = RecordingJob.OnceAt(job.Key, "reminder-at", DateTimeOffset.UtcNow.AddSeconds(3));

        string firstInstance;
        await using (var first = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true))
        {
            firstInstance = first.InstanceId;
            await first.Scheduler.ScheduleJob(job, trigger);
            await first.StopAsync();
        }

        Assert.Equal(0, RecordingJob.Count(probe));
        // Job data is stored as string properties, readable in the table.
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM qrtz_job_details WHERE job_data IS NOT NULL"));
        output.WriteLine($"first scheduler {firstInstance} scheduled and stopped at {clock.Elapsed.TotalSeconds:F1} s");

        await using var second = await SchedulerTestHost.StartAsync(DatabaseKind.PostgreSql, ConnectionString, "workflow", clustered: true);
        Assert.NotEqual(firstInstance, second.InstanceId);
        Assert.True(await second.Scheduler.Exists(job.Key), "the durable job is gone after the restart");
        Assert.True(await second.Scheduler.Exists(trigger.Key), "the trigger is gone after the restart");

        Assert.True(await RecordingJob.WaitForAsync(probe, 1, TimeSpan.FromSeconds(12)), "the trigger did not fire after the restart");
        output.WriteLine($"fired on {second.InstanceId} at {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(500);
        Assert.Equal(["reminder-at"], RecordingJob.Of(probe).Keys);
        Assert.Equal([second.InstanceId], RecordingJob.Of(probe)["reminder-at"]);
        Assert.True(await second.Scheduler.Exists(job.Key), "a durable job outlives its last trigger");
        Assert.False(await second.Scheduler.Exists(trigger.Key), "a fired one-shot trigger is removed");
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
        var allFired = await RecordingJob.WaitForAsync(probe, Triggers, TimeSpan.FromSeconds(12));
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
