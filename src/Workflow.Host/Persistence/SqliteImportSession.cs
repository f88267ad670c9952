using Microsoft.EntityFrameworkCore;

namespace Workflow.Host.Persistence;

/// <summary>
/// The SQLite connection settings of an import, set on its connection before its transaction begins
/// and set back when disposed (the connection returns to the pool as it came). PostgreSQL manages
/// its own buffers and journals: nothing to do there.
/// </summary>
/// <remarks>
/// <para>The page cache: its default (2 MB) is smaller than the milestones' indexes, so a transaction
/// of many rows spills pages to the log and reads them back over and over.</para>
/// <para>Statement journals in memory: a multi-row INSERT (how <see cref="BulkInsert{T}"/> writes)
/// may fail on its tenth row after writing nine, so SQLite first copies every page the statement
/// will change into a statement journal, a temporary file once it passes 64 KiB. For a million rows
/// that file took as many bytes as the database itself (1.6 GB of writes for 0.8 GB of data). A
/// statement changes a few dozen pages, so in memory it costs next to nothing. SQLite decides where
/// the journal goes when the write transaction begins (<c>temp_store</c> at that moment), hence
/// before the transaction, not inside it.</para>
/// </remarks>
internal sealed class SqliteImportSession : IAsyncDisposable
{
    private const int ImportKibibytes = 64 * 1024, DefaultKibibytes = 2_000;

    private readonly WorkflowDbContext? db;

    private SqliteImportSession(WorkflowDbContext? db) => this.db = db;

    /// <summary>Opens <paramref name="db"/>'s connection (kept open for the transaction to come) and sets it for an import.</summary>
    public static async Task<SqliteImportSession> BeginAsync(WorkflowDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return new SqliteImportSession(null);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("an import's connection is set before its transaction begins: SQLite reads temp_store then");
        }

        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false); // the same connection for the settings, the transaction and the reset
        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{ImportKibibytes}; PRAGMA temp_store = MEMORY", ct).ConfigureAwait(false);
        return new SqliteImportSession(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{DefaultKibibytes}; PRAGMA temp_store = DEFAULT").ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
