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
/// before the drop, so what is built again is exactly what the migrations made; a key or a
/// constraint's own index is left in place. Both databases drop and create indexes transactionally:
/// a load that fails rolls back to the store and its indexes exactly as they were.
/// </summary>
/// <remarks>
/// PostgreSQL: dropping an index locks its table until the transaction ends (readers wait), and the
/// builds get more sort memory for this transaction only. Worth it for a load that at least doubles
/// a table, not for a few rows into a large one.
/// </remarks>
internal sealed class BulkLoadIndexes
{
    /// <summary>Sort memory for PostgreSQL's index builds, this transaction only (its default, 64 MB, spills a million rows' keys to disk).</summary>
    private const string PostgresSortMemory = "512MB";

    private readonly WorkflowDbContext db;
    private readonly List<(string Name, string Definition)> dropped;

    private BulkLoadIndexes(WorkflowDbContext db, List<(string Name, string Definition)> dropped)
    {
        this.db = db;
        this.dropped = dropped;
    }

    /// <summary>Fewer new rows keep the indexes: building them whole again costs more than inserting a few rows.</summary>
    public const int MinimumRows = 2_000;

    /// <summary>
    /// Drops the secondary indexes of the tables of <paramref name="entities"/> when <paramref name="rows"/>
    /// new rows of the first are coming and they are at least <see cref="MinimumRows"/> and as many as the
    /// table holds (told by its largest key, which costs one index seek, not a count); otherwise drops nothing.
    /// </summary>
    public static async Task<BulkLoadIndexes> DropForLoadAsync(WorkflowDbContext db, long rows, IReadOnlyList<Type> entities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (rows < MinimumRows)
        {
            return new BulkLoadIndexes(db, []);
        }

        var entity = db.Model.FindEntityType(entities[0]) ?? throw new InvalidOperationException($"{entities[0].Name} is not in the model");
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX({sql.DelimitIdentifier(key)}), 0) FROM {sql.DelimitIdentifier(table)}";
        var held = Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return rows >= held ? await DropAsync(db, entities, ct).ConfigureAwait(false) : new BulkLoadIndexes(db, []);
    }

    /// <summary>Drops the secondary indexes of the tables of <paramref name="entities"/>, in the context's current transaction.</summary>
    public static async Task<BulkLoadIndexes> DropAsync(WorkflowDbContext db, IEnumerable<Type> entities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("indexes are dropped for a load inside its transaction only: a failed load must get them back");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var dropped = new List<(string Name, string Definition)>();
        foreach (var type in entities)
        {
            var table = (db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model")).GetTableName()!;
            var indexes = await SecondaryIndexesAsync(db, table, ct).ConfigureAwait(false);
            foreach (var (name, definition) in indexes)
            {
                await ExecuteAsync(db, $"DROP INDEX {sql.DelimitIdentifier(name)}", ct).ConfigureAwait(false);
                dropped.Add((name, definition));
            }
        }

        return new BulkLoadIndexes(db, dropped);
    }

    /// <summary>Builds the dropped indexes again, as they were defined (a unique one fails the load if the new rows broke it).</summary>
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

        foreach (var (_, definition) in dropped)
        {
            await ExecuteAsync(db, definition, ct).ConfigureAwait(false);
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

    /// <summary>The indexes of <paramref name="table"/> other than its key's and its constraints', with the SQL that creates each.</summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(WorkflowDbContext db, string table, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@table";
        parameter.Value = table;
        command.Parameters.Add(parameter);

        // SQLite: an index a key or a UNIQUE constraint makes has no SQL (sqlite_autoindex_…). PostgreSQL: one a
        // constraint owns is named by pg_constraint; the table is the one the search path finds, as EF's.
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name"
            : """
              SELECT c.relname, pg_get_indexdef(i.indexrelid)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE i.indrelid = to_regclass(quote_ident(@table))
                AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
              ORDER BY c.relname
              """;
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}
