using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workflow.Host.Persistence;

/// <summary>
/// Inserts many new rows of one entity type set-wise: one multi-row INSERT per batch, on the
/// context's connection and transaction, with the columns, value converters and parameter types of
/// the EF model (so a typed column stays typed here), and nothing tracked. For imports of hundreds
/// of thousands of rows, where EF's change tracker would hold every entity until the end.
/// </summary>
/// <remarks>
/// The store-generated key (Id) is left to the database; returning columns give it back (INSERT …
/// RETURNING, which SQLite and PostgreSQL both take) together with columns that identify each row,
/// so rows are matched to their ids by key, not by order.
/// </remarks>
internal sealed class BulkInsert<T> : IDisposable
    where T : class
{
    // PostgreSQL takes 65,535 parameters a statement: a batch saves round trips. SQLite (in process,
    // no round trips to save) binds each named parameter by a search through all of them, so a
    // statement's binding grows with the square of its parameters (measured: 25-row statements of
    // 600 parameters ran 30 times slower a row than 4-row ones of 100): its statements stay small.
    private const int MaxParameters = 12_000, MaxSqliteParameters = 100;

    private readonly (IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, string Column)[] columns;
    private readonly string table;
    private readonly ISqlGenerationHelper sql;
    private readonly string? returning;
    private readonly Dictionary<int, DbCommand> commands = [];
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;

    public BulkInsert(WorkflowDbContext db, params string[] returningColumns)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        sql = db.GetService<ISqlGenerationHelper>();
        columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAdd)
            .Select(p => (p, p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetColumnName(store)!))];
        returning = returningColumns.Length == 0 ? null : string.Join(", ", returningColumns.Select(sql.DelimitIdentifier));
        connection = db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        BatchSize = Math.Max(1, (db.Database.IsSqlite() ? MaxSqliteParameters : MaxParameters) / columns.Length);
    }

    /// <summary>Rows a statement inserts at most.</summary>
    public int BatchSize { get; }

    /// <summary>SQL after the VALUES (an ON CONFLICT clause), or null.</summary>
    public string? Suffix { get; init; }

    /// <summary>Inserts <paramref name="rows"/>; with returning columns, reads each inserted row's values of them through <paramref name="read"/>.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, Action<DbDataReader>? read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }

        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, rows.Count - start);
            var command = CommandFor(count);
            var parameter = 0;
            for (var i = start; i < start + count; i++)
            {
                foreach (var (_, getter, mapping, _) in columns)
                {
                    var value = getter.GetClrValueUsingContainingEntity(rows[i]);
                    if (value is not null && mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    command.Parameters[parameter++].Value = value ?? DBNull.Value;
                }
            }

            if (returning is null || read is null)
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                read(reader);
            }
        }
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }

    /// <summary>The prepared statement for <paramref name="count"/> rows (a full batch, or the last, shorter one).</summary>
    private DbCommand CommandFor(int count)
    {
        if (commands.TryGetValue(count, out var cached))
        {
            return cached;
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder();
        text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") VALUES ");
        for (var row = 0; row < count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{(row * columns.Length) + c}";
                text.Append(c == 0 ? string.Empty : ", ").Append(name);
                var (property, _, mapping, _) = columns[c];
                command.Parameters.Add(mapping.CreateParameter(command, name, null, property.IsNullable));
            }

            text.Append(')');
        }

        text.Append(Suffix);
        if (returning is not null)
        {
            text.Append(" RETURNING ").Append(returning);
        }

        command.CommandText = text.ToString();
        command.Prepare(); // parsed once, not at every batch
        commands[count] = command;
        return command;
    }
}
