using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Workflow.Host.Persistence;

/// <summary>
/// Inserts many new rows of one entity type set-wise, on the context's connection and transaction,
/// with the columns and value converters of the EF model (so a typed column stays typed here), and
/// nothing tracked. For imports of hundreds of thousands of rows, where EF's change tracker would
/// hold every entity until the end.
/// </summary>
/// <remarks>
/// <para>SQLite: one prepared multi-row INSERT, reused, its values bound by position (binding by
/// name searches every parameter of the statement, so it grew with the square of their number).
/// PostgreSQL: binary COPY, the database's own bulk load, its rows encoded by <see cref="PostgresBinaryCopy"/>.</para>
/// <para>A store-generated key (Id) is either left to the database, or, with <c>keys</c>, given by
/// the caller from <see cref="ReserveKeysAsync"/>, so rows that refer to the new ones (history) can
/// be written without reading anything back.</para>
/// </remarks>
internal sealed class BulkInsert<T> : IDisposable
    where T : class
{
    // SQLite binds by position: a statement of many rows saves a step and a reset a row.
    private const int SqliteParameters = 1_000;

    private readonly (IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable, string Column)[] columns;
    // Each property's compiled reader, made once for the model: an import makes a BulkInsert a batch for its counts.
    private static readonly ConditionalWeakTable<IProperty, Func<T, object?>> Readers = new();

    private readonly Func<T, object?>[] providerValues; // column by column, as the provider stores it
    private readonly string table;
    private readonly IProperty? key;
    private readonly ISqlGenerationHelper sql;
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly Dictionary<int, (sqlite3_stmt Statement, object?[] Bound)> statements = [];
    private readonly PostgresBinaryCopy.Kind[] copyKinds; // PostgreSQL: each column's type, as COPY writes it
    private long nextKey;
    private long[] ahead = []; // PostgreSQL: the last block of keys taken from the sequence (its length is the block's size)
    private int aheadAt; // the first key of that block not yet given
    private string? sequence; // PostgreSQL: the key column's sequence, once looked up

    /// <param name="db">The context whose connection and transaction the rows are written on.</param>
    /// <param name="keys">The caller sets the store-generated key of each row, from <see cref="ReserveKeysAsync"/>.</param>
    public BulkInsert(WorkflowDbContext db, bool keys = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        sql = db.GetService<ISqlGenerationHelper>();
        key = keys ? entity.FindPrimaryKey()?.Properties.SingleOrDefault(p => p.ValueGenerated == ValueGenerated.OnAdd) ?? throw new InvalidOperationException($"{typeof(T).Name} has no store-generated key") : null;
        var properties = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd || p == key).ToArray();
        columns = [.. properties.Select(p => (p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.IsNullable, p.GetColumnName(store)!))];
        providerValues = [.. properties.Select(p => Readers.GetValue(p, property => ProviderValueReader(property, (RelationalTypeMapping)property.GetRelationalTypeMapping())))];
        connection = db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        IsSqlite = connection is SqliteConnection;
        copyKinds = IsSqlite ? [] : [.. columns.Select(c => PostgresBinaryCopy.KindOf(c.Mapping.StoreType) ?? throw new NotSupportedException($"a bulk insert does not write {c.Mapping.StoreType} ({table}.{c.Column})"))];
        BatchSize = IsSqlite ? Math.Max(1, SqliteParameters / columns.Length) : 10_000;
    }

    /// <summary>The largest block of keys taken from a PostgreSQL sequence at once (512 KiB of keys).</summary>
    internal const int MostKeysAhead = 65_536;

    /// <summary>Rows worth gathering before a call to <see cref="InsertAsync"/>.</summary>
    public int BatchSize { get; }

    /// <summary>SQL after the VALUES (an ON CONFLICT clause), or null. PostgreSQL then writes by statements, which COPY cannot end so.</summary>
    public string? Suffix { get; init; }

    private bool IsSqlite { get; }

    /// <summary>
    /// <paramref name="count"/> new keys that no other row has or will be given, in increasing order.
    /// SQLite: past the largest key ever given (the write lock this transaction holds keeps other
    /// writers out until it ends); PostgreSQL: taken from the column's sequence, ahead of need.
    /// </summary>
    /// <remarks>
    /// PostgreSQL: the keys are taken in blocks that double from the first call's count up to
    /// <see cref="MostKeysAhead"/>, and the calls after are served from the block. A million keys taken 2,000
    /// at a time cost 1.6 s in a million milestones' load (each nextval slower there than alone); in blocks,
    /// 0.6 s. What a block holds past the last call is never used: the sequence has a gap, as after any
    /// rolled-back insert. A single call (a small import) takes exactly its count.
    /// </remarks>
    public async Task<long[]> ReserveKeysAsync(int count, CancellationToken ct)
    {
        if (key is null)
        {
            throw new InvalidOperationException("keys are given by the database");
        }

        if (ahead.Length - aheadAt >= count)
        {
            aheadAt += count;
            return ahead[(aheadAt - count)..aheadAt]; // PostgreSQL: served from the block, nothing asked of the database
        }

        await OpenAsync(ct).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(table, key.DeclaringType.GetSchema()))!;
        if (IsSqlite)
        {
            if (nextKey == 0)
            {
                // AUTOINCREMENT keeps the largest key ever given in sqlite_sequence (when the table has one); a key past both is new.
                command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'";
                var sequence = Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0
                    ? $", COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0)"
                    : string.Empty;
                command.CommandText = $"SELECT MAX(COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {sql.DelimitIdentifier(table)}), 0){sequence})";
                nextKey = Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) + 1;
            }

            var keys = new long[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = nextKey++;
            }

            return keys;
        }

        if (sequence is null)
        {
            command.CommandText = "SELECT pg_get_serial_sequence(@table, @column)";
            AddParameter(command, "@table", sql.DelimitIdentifier(table));
            AddParameter(command, "@column", column);
            sequence = (string)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"{table}.{column} has no sequence"));
            command.Parameters.Clear();
        }

        // The sequence is named by a literal, which PostgreSQL resolves once; pg_get_serial_sequence in the
        // SELECT was called again for every key (its catalog lookups cost eight times the nextval).
        var block = ahead.Length == 0 ? count : Math.Max(count, Math.Min(ahead.Length * 2, MostKeysAhead));
        command.CommandText = $"SELECT nextval('{sequence.Replace("'", "''", StringComparison.Ordinal)}'::regclass) FROM generate_series(1, @count)";
        AddParameter(command, "@count", block);
        var reserved = new List<long>(block);
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                reserved.Add(reader.GetInt64(0));
            }
        }

        reserved.Sort();
        ahead = [.. reserved];
        aheadAt = count;
        return ahead[..count];
    }

    /// <summary>Inserts <paramref name="rows"/>.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await OpenAsync(ct).ConfigureAwait(false);
        if (IsSqlite)
        {
            InsertSqlite(rows);
            return;
        }

        if (Suffix is not null)
        {
            await InsertPostgresStatementsAsync(rows, ct).ConfigureAwait(false);
            return;
        }

        var copy = $"COPY {sql.DelimitIdentifier(table)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await PostgresBinaryCopy.BeginAsync((NpgsqlConnection)connection, copy, copyKinds, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            writer.StartRow();
            for (var c = 0; c < columns.Length; c++)
            {
                writer.Write(ValueOf(row, c));
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL rows by multi-row INSERT statements with EF's typed parameters, for an INSERT that ends with <see cref="Suffix"/>.</summary>
    private async Task InsertPostgresStatementsAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        var perStatement = Math.Max(1, 60_000 / columns.Length); // PostgreSQL takes 65,535 parameters a statement
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder();
            text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") VALUES ");
            for (var i = start; i < Math.Min(rows.Count, start + perStatement); i++)
            {
                text.Append(i == start ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{command.Parameters.Count}";
                    text.Append(c == 0 ? string.Empty : ", ").Append(name);
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, columns[c].Getter.GetClrValueUsingContainingEntity(rows[i]), columns[c].Nullable)); // it applies the converter
                }

                text.Append(')');
            }

            command.CommandText = text.Append(Suffix).ToString();
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var (statement, _) in statements.Values)
        {
            statement.Dispose();
        }

        statements.Clear();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Column <paramref name="c"/> of <paramref name="row"/> as the provider stores it (converters applied); null for NULL.</summary>
    private object? ValueOf(T row, int c) => providerValues[c](row);

    /// <summary>
    /// Reads <paramref name="property"/> of a row as the provider stores it, compiled once: the member read and the
    /// converter's own expression, typed, with one box at the end (EF's untyped getter and converter box the value
    /// twice and copy the mapping's parameters on every read, a cost paid a million times by an import).
    /// </summary>
    private static Func<T, object?> ProviderValueReader(IProperty property, RelationalTypeMapping mapping)
    {
        var converter = mapping.Converter;
        if (((MemberInfo?)property.PropertyInfo ?? property.FieldInfo) is not { } member)
        {
            var getter = property.GetGetter(); // a shadow property: only EF reads it
            return converter is null
                ? entity => getter.GetClrValueUsingContainingEntity(entity)
                : entity => getter.GetClrValueUsingContainingEntity(entity) is { } stored ? converter.ConvertToProvider(stored) : null;
        }

        var row = Expression.Parameter(typeof(T), "row");
        Expression value = Expression.MakeMemberAccess(row, member);
        if (converter is null)
        {
            return Expression.Lambda<Func<T, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
        }

        // The converter takes the value without its Nullable<>; a null stays null, as EF's untyped converter leaves it.
        var input = value.Type == converter.ModelClrType ? value : Expression.Convert(value, converter.ModelClrType);
        Expression provider = Expression.Convert(Expression.Invoke(converter.ConvertToProviderExpression, input), typeof(object));
        if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null)
        {
            provider = Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(null, typeof(object)), provider);
        }

        return Expression.Lambda<Func<T, object?>>(provider, row).Compile();
    }

    // Optimized from its first call: it runs a few hundred times an import, each over thousands of values, so tiered
    // compilation left it in unoptimized code for much of a large import (perf: two thirds of its samples).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertSqlite(IReadOnlyList<T> rows)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, rows.Count - start);
            var (statement, bound) = StatementFor(handle, count);
            var position = 0;
            for (var i = start; i < start + count; i++)
            {
                for (var c = 0; c < columns.Length; c++, position++)
                {
                    // A statement keeps its values between runs: one equal to the last bound there (the plan's id,
                    // its definition, a status, a date many milestones share) is not bound again.
                    var value = ValueOf(rows[i], c);
                    if (!Equals(value, bound[position]))
                    {
                        Check(handle, BindSqlite(statement, position + 1, value));
                        bound[position] = value;
                    }
                }
            }

            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(handle, rc);
            }
        }
    }

    private static void Check(sqlite3 handle, int rc) => SqliteException.ThrowExceptionForRC(rc, handle);

    /// <summary>
    /// Binds a provider value as Microsoft.Data.Sqlite binds a parameter of that type (the formats EF's
    /// SQLite mappings read and compare: dates as "yyyy-MM-dd", date-times as "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    /// decimals as text), so a row written here equals one EF writes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once a value, as InsertSqlite
    private static int BindSqlite(sqlite3_stmt statement, int position, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, position),
        string s => raw.sqlite3_bind_text(statement, position, s),
        int i => raw.sqlite3_bind_int64(statement, position, i),
        long l => raw.sqlite3_bind_int64(statement, position, l),
        bool b => raw.sqlite3_bind_int64(statement, position, b ? 1 : 0),
        DateOnly d => raw.sqlite3_bind_text(statement, position, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        DateTime t => raw.sqlite3_bind_text(statement, position, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        decimal m => raw.sqlite3_bind_text(statement, position, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        double f => raw.sqlite3_bind_double(statement, position, f),
        short or byte => raw.sqlite3_bind_int64(statement, position, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"a bulk insert does not bind {value.GetType().Name} values"),
    };

    /// <summary>The prepared statement for <paramref name="count"/> rows (a full batch, or the last, shorter one).</summary>
    private (sqlite3_stmt Statement, object?[] Bound) StatementFor(sqlite3 handle, int count)
    {
        if (statements.TryGetValue(count, out var cached))
        {
            return cached;
        }

        var text = new StringBuilder();
        text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") VALUES ");
        var values = $"({string.Join(", ", Enumerable.Repeat("?", columns.Length))})";
        text.AppendJoin(", ", Enumerable.Repeat(values, count)).Append(Suffix);
        Check(handle, raw.sqlite3_prepare_v2(handle, text.ToString(), out var statement));
        return statements[count] = (statement, new object?[count * columns.Length]); // unbound parameters are NULL
    }
}
