using Microsoft.EntityFrameworkCore;

namespace Workflow.Host.Persistence;

/// <summary>
/// SQLite's page cache during a large import: its default (2 MB) is smaller than the milestones'
/// indexes, so a transaction of many rows spills pages to the log and reads them back over and
/// over. Enlarged for the import on its connection, set back when disposed (the connection returns
/// to the pool). PostgreSQL manages its own buffers: nothing to do there.
/// </summary>
internal sealed class SqliteImportCache : IAsyncDisposable
{
    private const int ImportKibibytes = 64 * 1024, DefaultKibibytes = 2_000;

    private readonly WorkflowDbContext? db;

    private SqliteImportCache(WorkflowDbContext? db) => this.db = db;

    public static async Task<SqliteImportCache> EnlargeAsync(WorkflowDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return new SqliteImportCache(null);
        }

        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{ImportKibibytes}", ct).ConfigureAwait(false);
        return new SqliteImportCache(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{DefaultKibibytes}").ConfigureAwait(false);
        }
    }
}
