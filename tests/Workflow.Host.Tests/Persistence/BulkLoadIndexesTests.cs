using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using RunStatus = Workflow.Host.Runtime.RunStatus;
using DatabaseKind = Workflow.Host.Scheduling.DatabaseKind;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Tests;

namespace Workflow.Host.Tests.Persistence;

/// <summary>
/// A large load drops the milestones' and the history's secondary indexes in its transaction and
/// builds them again before it commits: what comes back is what the migrations made, and a load
/// that fails leaves the store and its indexes as they were.
/// </summary>
public sealed class BulkLoadIndexesTests
{
    private static readonly WorkflowsData Data = WorkflowsData.Load(CliRun.Workflows);

    [PostgresFact]
    public async Task A_failed_load_leaves_the_indexes_and_the_rows_as_they_were_on_postgresql() =>
        await OnPostgresAsync("bulk_indexes", services => FailedLoadRollsBackAsync(services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>()));

    [Fact]
    public async Task A_load_smaller_than_the_table_is_not_large_a_larger_one_is_and_its_indexes_come_back()
    {
        await using var host = await SqliteHost.StartAsync(Data, TestClock.At(2025, 1, 1));
        await using var db = await host.Databases.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await SchemaAsync(db);
        Assert.False(await BulkLoadIndexes.IsLargeAsync(db, typeof(MilestoneRecord), BulkLoadIndexes.MinimumRows - 1, default));
        Assert.True(await BulkLoadIndexes.IsLargeAsync(db, typeof(MilestoneRecord), BulkLoadIndexes.MinimumRows, default));
        var held = Milestone(1);
        held.Id = 100_000; // the table's size is told by its largest key
        db.Milestones.Add(held);
        await db.SaveChangesAsync();

        Assert.False(await BulkLoadIndexes.IsLargeAsync(db, typeof(MilestoneRecord), 99_999, default));
        Assert.True(await BulkLoadIndexes.IsLargeAsync(db, typeof(MilestoneRecord), 100_000, default));

        var indexes = await BulkLoadIndexes.DropAsync(db, [typeof(MilestoneRecord)], keys: true, default);
        Assert.Equal(5, before.Except(await SchemaAsync(db)).Count());
        await indexes.RebuildAsync(default);
        Assert.Equal(before, await SchemaAsync(db));
    }

    [Fact]
    public async Task A_failed_load_leaves_the_indexes_and_the_rows_as_they_were_on_sqlite()
    {
        await using var host = await SqliteHost.StartAsync(Data, TestClock.At(2025, 1, 1));
        await FailedLoadRollsBackAsync(host.Databases);
    }

    /// <summary>
    /// The tables, columns and indexes of the context's database as it describes them: SQLite's
    /// sqlite_master, PostgreSQL's catalog for the schema the search path names (index definitions
    /// from pg_get_indexdef, the schema's name left out so that two schemas compare). Quartz's tables,
    /// which Quartz makes when it first needs them, are not the migrations' and are left out.
    /// </summary>
    internal static async Task<List<string>> SchemaAsync(WorkflowDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' AND tbl_name NOT LIKE 'qrtz%' ORDER BY type, name"
            : """
              SELECT 'index ' || indexname || ' ' || replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT LIKE 'qrtz%'
              UNION ALL
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(collation_name, '') || ' ' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE 'qrtz%'
              UNION ALL
              SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text NOT LIKE '%qrtz%'
              ORDER BY 1
              """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="test"/> on a started host over a schema of its own in the test PostgreSQL.</summary>
    internal static async Task OnPostgresAsync(string prefix, Func<IServiceProvider, Task> test)
    {
        var schema = new Scheduling.PostgresSchema(prefix);
        await schema.CreateAsync();
        try
        {
            using var postgres = WorkflowHost.Build(Data, new DatabaseSettings(DatabaseKind.PostgreSql, schema.ConnectionString), runJobs: false);
            await postgres.StartAsync();
            await test(postgres.Services);
            await postgres.StopAsync();
        }
        finally
        {
            await schema.DropAsync();
        }
    }

    private static MilestoneRecord Milestone(int number) => new()
    {
        PlanId = "bulk", TaskId = "1", Number = number, DefinitionId = "chase", Status = RunStatus.Waiting, Lead = "so-noi-vu", Coordinators = string.Empty,
    };

    private static async Task FailedLoadRollsBackAsync(IDbContextFactory<WorkflowDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync();
        var before = await SchemaAsync(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // As an import drops them: the tasks' key (on PostgreSQL), the milestones' and history's secondary indexes.
            await BulkLoadIndexes.DropAsync(db, [typeof(TaskRecord)], keys: true, default);
            var indexes = await BulkLoadIndexes.DropAsync(db, [typeof(MilestoneRecord), typeof(HistoryRecord)], keys: false, default);
            var dropped = before.Except(await SchemaAsync(db)).ToList();

            // The milestones' five and the history's one; on PostgreSQL the tasks' key too (SQLite cannot drop a key).
            Assert.Equal(db.Database.IsNpgsql() ? 7 : 6, dropped.Count(d => d.Contains("INDEX", StringComparison.Ordinal)));

            // Two rows with the same task and number: the unique index built again refuses them, and the load fails.
            using (var insert = new BulkInsert<MilestoneRecord>(db, keys: true))
            {
                var rows = new[] { Milestone(1), Milestone(1) };
                var keys = await insert.ReserveKeysAsync(rows.Length, default);
                rows[0].Id = keys[0];
                rows[1].Id = keys[1];
                await insert.InsertAsync(rows, default);
            }

            await Assert.ThrowsAnyAsync<DbException>(() => indexes.RebuildAsync(default));
        }

        db.ChangeTracker.Clear();
        Assert.Equal(before, await SchemaAsync(db));
        Assert.Equal(0, await db.Milestones.CountAsync());
    }
}
