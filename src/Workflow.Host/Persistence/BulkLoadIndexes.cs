using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workflow.Host.Persistence;

/// <summary>
/// The secondary indexes of tables about to receive many rows, dropped inside the load's transaction
/// and built again before it commits: a sorted build of a whole index costs far less than inserting
/// every new row into each B-tree in turn (PostgreSQL's "Populating a Database" advice; the same holds
/// for SQLite). The definitions are read from the database itself (sqlite_master, pg_get_indexdef)
/// before the drop, so what is built again is exactly what the migrations made; a constraint's own
/// index is left in place (a primary key only when asked, on PostgreSQL). Both databases drop and create indexes transactionally:
/// a load that fails rolls back to the store and its indexes exactly as they were.
/// </summary>
/// <remarks>
/// PostgreSQL: dropping an index locks its table until the transaction ends (readers wait), and the
/// builds get more sort memory for this transaction only; a table's primary key can go too (a text
/// key's B-tree costs PostgreSQL about as much as the rows). Worth it for a load that at least doubles
/// a table, not for a few rows into a large one.
/// </remarks>
internal sealed class BulkLoadIndexes
{
    /// <summary>Sort memory for PostgreSQL's index builds, this transaction only (its default, 64 MB, spills a million rows' keys to disk).</summary>
    private const string PostgresSortMemory = "512MB";

    private readonly WorkflowDbContext db;
    private readonly List<(string Drop, string Create)> dropped;

    private BulkLoadIndexes(WorkflowDbContext db, List<(string Drop, string Create)> dropped)
    {
        this.db = db;
        this.dropped = dropped;
    }

    /// <summary>Fewer new rows keep the indexes: building them whole again costs more than inserting a few rows.</summary>
    public const int MinimumRows = 2_000;

    /// <summary>
    /// Whether <paramref name="rows"/> new rows of <paramref name="entity"/> are a large load: at least
    /// <see cref="MinimumRows"/> and as many as the table holds (told by its largest key, which costs
    /// one index seek, not a count).
    /// </summary>
    public static async Task<bool> IsLargeAsync(WorkflowDbContext db, Type entity, long rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rows < MinimumRows)
        {
            return false;
        }

        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model");
        var table = type.GetTableName()!;
        var key = type.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX({sql.DelimitIdentifier(key)}), 0) FROM {sql.DelimitIdentifier(table)}";
        return rows >= Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether anything was dropped (and not yet built again).</summary>
    public bool Dropped => dropped.Count > 0;

    /// <summary>Nothing dropped: what a small load takes.</summary>
    public static BulkLoadIndexes None(WorkflowDbContext db) => new(db, []);

    /// <summary>
    /// Drops the secondary indexes of the tables of <paramref name="entities"/>, in the context's current
    /// transaction; with <paramref name="keys"/>, on PostgreSQL, their primary keys too (SQLite cannot drop
    /// a table's key). A table whose key is dropped has no unique check until <see cref="RebuildAsync"/>.
    /// </summary>
    public static async Task<BulkLoadIndexes> DropAsync(WorkflowDbContext db, IEnumerable<Type> entities, bool keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("indexes are dropped for a load inside its transaction only: a failed load must get them back");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var dropped = new List<(string Drop, string Create)>();
        foreach (var type in entities)
        {
            var tableName = (db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model")).GetTableName()!;
            var table = sql.DelimitIdentifier(tableName);
            foreach (var (name, definition, key) in await IndexesAsync(db, tableName, ct).ConfigureAwait(false))
            {
                if (key && !keys)
                {
                    continue;
                }

                var drop = key ? $"ALTER TABLE {table} DROP CONSTRAINT {sql.DelimitIdentifier(name)}" : $"DROP INDEX {sql.DelimitIdentifier(name)}";
                await ExecuteAsync(db, drop, ct).ConfigureAwait(false);
                dropped.Add((drop, key ? $"ALTER TABLE {table} ADD CONSTRAINT {sql.DelimitIdentifier(name)} {definition}" : definition));
            }
        }

        return new BulkLoadIndexes(db, dropped);
    }

    /// <summary>
    /// SQLite: reads the schema table, whose pages the drop changed, so that the page cache keeps them while the
    /// load writes. Pushed out to the write-ahead log and then changed again by <see cref="RebuildAsync"/>, such a
    /// page is written over in its frame, and SQLite then computes the log's checksums again from that frame to the
    /// end when the transaction commits: for a million milestones, 560 MB read back. Reading a changed page puts it
    /// at the front of the cache's list of pages to write out, so one read a batch keeps it in memory. Nothing to do
    /// when nothing was dropped, or on PostgreSQL.
    /// </summary>
    public async Task KeepSchemaCachedAsync(CancellationToken ct)
    {
        if (dropped.Count > 0 && db.Database.IsSqlite())
        {
            await ExecuteAsync(db, "SELECT count(*) FROM sqlite_master", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the dropped indexes and keys again, as they were defined (a unique one fails the load if the new rows broke it).</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        if (dropped.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await ExecuteAsync(db, $"SET LOCAL maintenance_work_mem = '{PostgresSortMemory}'", ct).ConfigureAwait(false);
        }

        foreach (var (_, create) in dropped)
        {
            await ExecuteAsync(db, create, ct).ConfigureAwait(false);
        }

        dropped.Clear();
    }

    /// <summary>Runs <paramref name="text"/> on the context's connection, in its transaction (SQL the database gave back is run as it is, not as a format).</summary>
    private static async Task ExecuteAsync(WorkflowDbContext db, string text, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The indexes of <paramref name="table"/> with the SQL that creates each, and whether it is
    /// the table's primary key (PostgreSQL; then the SQL is the constraint's definition). Other constraints'
    /// indexes, and SQLite's key and UNIQUE constraint indexes (sqlite_autoindex_…, with no SQL), are not listed.
    /// </summary>
    private static async Task<List<(string Name, string Definition, bool Key)>> IndexesAsync(WorkflowDbContext db, string table, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);

        // PostgreSQL: the table is the one the search path finds, as EF's statements find it.
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT name, sql, 0 FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name"
            : """
              SELECT c.relname, CASE WHEN k.contype = 'p' THEN pg_get_constraintdef(k.oid) ELSE pg_get_indexdef(i.indexrelid) END, k.contype IS NOT NULL
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
              WHERE i.indrelid = to_regclass(quote_ident(@table)) AND (k.oid IS NULL OR k.contype = 'p')
              ORDER BY c.relname
              """;
        var indexes = new List<(string, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return indexes;
    }
}
