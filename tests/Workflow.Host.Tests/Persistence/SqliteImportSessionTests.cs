using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Tests;
using RunStatus = Workflow.Host.Runtime.RunStatus;

namespace Workflow.Host.Tests.Persistence;

/// <summary>
/// An import's SQLite connection: a large page cache and statement journals in memory for its
/// transaction, set before the transaction begins and set back when the import ends, so the
/// connection goes back to the pool as it came. A failed multi-row statement still undoes only itself.
/// </summary>
public sealed class SqliteImportSessionTests
{
    private static readonly WorkflowsData Data = WorkflowsData.Load(CliRun.Workflows);

    [Fact]
    public async Task The_import_s_connection_is_set_before_its_transaction_and_goes_back_to_the_pool_as_it_came()
    {
        await using var host = await SqliteHost.StartAsync(Data, TestClock.At(2025, 1, 1));
        await using (var db = await host.Databases.CreateDbContextAsync())
        {
            await using (var session = await SqliteImportSession.BeginAsync(db, default))
            {
                Assert.Equal(2, await PragmaAsync(db, "temp_store")); // MEMORY
                Assert.Equal(-64 * 1024, await PragmaAsync(db, "cache_size"));
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Milestones.Add(Milestone(1));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        }

        await using var next = await host.Databases.CreateDbContextAsync();
        await next.Database.OpenConnectionAsync();
        Assert.Equal(0, await PragmaAsync(next, "temp_store")); // DEFAULT
        Assert.Equal(-2_000, await PragmaAsync(next, "cache_size"));
        Assert.Equal(1, await next.Milestones.CountAsync());
    }

    [Fact]
    public async Task It_refuses_a_transaction_already_begun_where_SQLite_would_ignore_it()
    {
        await using var host = await SqliteHost.StartAsync(Data, TestClock.At(2025, 1, 1));
        await using var db = await host.Databases.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await SqliteImportSession.BeginAsync(db, default));
    }

    [Fact]
    public async Task A_multi_row_insert_that_fails_on_its_last_row_undoes_its_own_rows_and_no_others()
    {
        await using var host = await SqliteHost.StartAsync(Data, TestClock.At(2025, 1, 1));
        await using var db = await host.Databases.CreateDbContextAsync();
        await using var session = await SqliteImportSession.BeginAsync(db, default);
        await using var transaction = await db.Database.BeginTransactionAsync();
        using (var insert = new BulkInsert<MilestoneRecord>(db))
        {
            await insert.InsertAsync([Milestone(1), Milestone(2)], default);

            // One statement of three rows whose last repeats (plan, task, number) of the first: the unique index refuses it
            // after the statement wrote two rows, which the statement journal (in memory) takes back.
            await Assert.ThrowsAsync<SqliteException>(() => insert.InsertAsync([Milestone(3), Milestone(4), Milestone(1)], default));
        }

        Assert.Equal([1, 2], await db.Milestones.OrderBy(m => m.Number).Select(m => m.Number).ToListAsync());
        await transaction.CommitAsync();
        Assert.Equal(2, await db.Milestones.CountAsync());
    }

    private static async Task<long> PragmaAsync(WorkflowDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static MilestoneRecord Milestone(int number) => new()
    {
        PlanId = "session", TaskId = "1", Number = number, DefinitionId = "chase", Status = RunStatus.Waiting, Lead = "so-noi-vu", Coordinators = string.Empty,
    };
}
