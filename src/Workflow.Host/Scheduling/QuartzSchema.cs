using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Workflow.Host.Scheduling;

/// <summary>The databases the runtime (and Quartz's job store) can live in.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file through Microsoft.Data.Sqlite: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: by configuration, and the one that clusters.</summary>
    PostgreSql,
}

/// <summary>
/// Our DDL for Quartz.NET 4.7's ADO job store, under the table prefix <see cref="TablePrefix"/>.
/// </summary>
/// <remarks>
/// <para>
/// The tables and columns are the ones Quartz 4.7 reads and writes (it refuses to start when one is
/// missing: <c>SchemaProvisioning.Validate</c>). Quartz's public table scripts predate 4.x; 4.2–4.7
/// added <c>paused_job_grps</c> and, on <c>triggers</c>, retry, continuation, overlap, pause,
/// per-trigger misfire threshold and fixed-delay columns; on <c>fired_triggers</c> progress and
/// interrupt columns; on <c>scheduler_state</c> the node's Quartz version. The optional
/// execution-history tables (<c>UseExecutionHistory()</c>) are not created: we do not use them.
/// </para>
/// <para>
/// Idempotent: every statement is <c>IF NOT EXISTS</c>, nothing is altered or dropped, and the whole
/// script runs in one transaction (on PostgreSQL under an advisory lock, so two hosts starting at
/// once do not race on the catalog). It is not a migration: a table that exists with missing
/// columns is left as it is, and Quartz's validation then names it.
/// </para>
/// </remarks>
public static class QuartzSchema
{
    /// <summary>The table prefix Quartz is configured with; PostgreSQL folds unquoted names to lower case.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Any constant works: it only has to be the same for every host creating the schema.</summary>
    private const long PostgresAdvisoryLockKey = 0x5157_4B46_5143_5254; // "QWKFQCRT"

    /// <summary>Creates whatever the Quartz tables are missing; opens (and closes again) a closed connection.</summary>
    public static async Task EnsureCreatedAsync(DbConnection connection, DatabaseKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var opened = false;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            opened = true;
        }

        try
        {
            if (kind == DatabaseKind.Sqlite)
            {
                // Readers beside one writer: the runtime's EF Core context and Quartz share the file.
                // Persistent in the file; a no-op once set. Cannot run inside a transaction.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct).ConfigureAwait(false);
            }

            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (kind == DatabaseKind.PostgreSql)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "SELECT pg_advisory_xact_lock(" + PostgresAdvisoryLockKey.ToString(CultureInfo.InvariantCulture) + ")",
                    ct).ConfigureAwait(false);
            }

            foreach (var statement in Statements(kind))
            {
                await ExecuteAsync(connection, transaction, statement, ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The DDL statements for one database, in order (tables before what references them).</summary>
    public static IReadOnlyList<string> Statements(DatabaseKind kind)
    {
        var statements = new List<string>();
        foreach (var table in Tables)
        {
            statements.Add(CreateTable(table, kind));
        }

        if (kind == DatabaseKind.Sqlite)
        {
            // SQLite enforces ON DELETE CASCADE only with PRAGMA foreign_keys on, which is per
            // connection and off by default: delete a trigger's detail rows with it explicitly.
            foreach (var detail in new[] { "simple_triggers", "simprop_triggers", "cron_triggers", "blob_triggers" })
            {
                statements.Add(
                    $"CREATE TRIGGER IF NOT EXISTS {TablePrefix}delete_{detail} AFTER DELETE ON {TablePrefix}triggers " +
                    $"BEGIN DELETE FROM {TablePrefix}{detail} WHERE sched_name = OLD.sched_name " +
                    "AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group; END");
            }
        }

        foreach (var (name, table, columns) in Indexes)
        {
            statements.Add($"CREATE INDEX IF NOT EXISTS idx_{TablePrefix}{name} ON {TablePrefix}{table} ({columns})");
        }

        return statements;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this class's own constants: no input reaches it.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private enum Sql
    {
        /// <summary>A name or a short text.</summary>
        Text,

        /// <summary>64-bit: Quartz keeps times as ticks and intervals as milliseconds.</summary>
        Long,

        Int,
        Bool,
        Decimal,
        Bytes,
    }

    private sealed record Column(string Name, Sql Type, bool Nullable, string? Default = null);

    private sealed record ForeignKey(string Columns, string Table, bool Cascade);

    private sealed record Table(string Name, Column[] Columns, string PrimaryKey, ForeignKey? References = null);

    private static Column Req(string name, Sql type) => new(name, type, false);

    private static Column Opt(string name, Sql type) => new(name, type, true);

    private const string TriggerKey = "sched_name, trigger_name, trigger_group";

    private static readonly Column[] TriggerKeyColumns =
        [Req("sched_name", Sql.Text), Req("trigger_name", Sql.Text), Req("trigger_group", Sql.Text)];

    private static readonly ForeignKey DetailOfTrigger = new(TriggerKey, "triggers", Cascade: true);

    private static readonly Table[] Tables =
    [
        new("job_details",
            [
                Req("sched_name", Sql.Text), Req("job_name", Sql.Text), Req("job_group", Sql.Text),
                Opt("description", Sql.Text), Req("job_class_name", Sql.Text),
                Req("is_durable", Sql.Bool), Req("is_nonconcurrent", Sql.Bool), Req("is_update_data", Sql.Bool),
                Req("requests_recovery", Sql.Bool), Opt("job_data", Sql.Bytes),
            ],
            "sched_name, job_name, job_group"),
        new("triggers",
            [
                .. TriggerKeyColumns,
                Req("job_name", Sql.Text), Req("job_group", Sql.Text), Opt("description", Sql.Text),
                Opt("next_fire_time", Sql.Long), Opt("prev_fire_time", Sql.Long), Opt("priority", Sql.Int),
                Req("trigger_state", Sql.Text), Req("trigger_type", Sql.Text),
                Req("start_time", Sql.Long), Opt("end_time", Sql.Long), Opt("calendar_name", Sql.Text),
                Opt("misfire_instr", Sql.Int), Opt("misfire_orig_fire_time", Sql.Long),
                Opt("execution_group", Sql.Text),
                Opt("preferred_node", Sql.Text), new("preferred_node_auto", Sql.Bool, false, "FALSE"),
                Opt("retry_policy", Sql.Text), Opt("retry_attempt", Sql.Int),
                Opt("continues_trigger_name", Sql.Text), Opt("continues_trigger_group", Sql.Text),
                Opt("continuation_condition", Sql.Int), Opt("overlap_policy", Sql.Int),
                Opt("pause_reason", Sql.Text), Opt("paused_by", Sql.Text), Opt("paused_at", Sql.Long),
                Opt("misfire_threshold", Sql.Long), Opt("fixed_delay", Sql.Bool),
                Opt("job_data", Sql.Bytes),
            ],
            TriggerKey,
            new ForeignKey("sched_name, job_name, job_group", "job_details", Cascade: false)),
        new("simple_triggers",
            [
                .. TriggerKeyColumns,
                Req("repeat_count", Sql.Long), Req("repeat_interval", Sql.Long), Req("times_triggered", Sql.Long),
            ],
            TriggerKey, DetailOfTrigger),
        new("cron_triggers",
            [.. TriggerKeyColumns, Req("cron_expression", Sql.Text), Opt("time_zone_id", Sql.Text)],
            TriggerKey, DetailOfTrigger),
        new("simprop_triggers",
            [
                .. TriggerKeyColumns,
                Opt("str_prop_1", Sql.Text), Opt("str_prop_2", Sql.Text), Opt("str_prop_3", Sql.Text),
                Opt("int_prop_1", Sql.Int), Opt("int_prop_2", Sql.Int),
                Opt("long_prop_1", Sql.Long), Opt("long_prop_2", Sql.Long),
                Opt("dec_prop_1", Sql.Decimal), Opt("dec_prop_2", Sql.Decimal),
                Opt("bool_prop_1", Sql.Bool), Opt("bool_prop_2", Sql.Bool),
                Opt("time_zone_id", Sql.Text),
            ],
            TriggerKey, DetailOfTrigger),
        new("blob_triggers", [.. TriggerKeyColumns, Opt("blob_data", Sql.Bytes)], TriggerKey, DetailOfTrigger),
        new("calendars",
            [Req("sched_name", Sql.Text), Req("calendar_name", Sql.Text), Req("calendar", Sql.Bytes)],
            "sched_name, calendar_name"),
        new("paused_trigger_grps",
            [
                Req("sched_name", Sql.Text), Req("trigger_group", Sql.Text),
                Opt("pause_reason", Sql.Text), Opt("paused_by", Sql.Text), Opt("paused_at", Sql.Long),
            ],
            "sched_name, trigger_group"),
        new("paused_job_grps",
            [
                Req("sched_name", Sql.Text), Req("job_group", Sql.Text),
                Opt("pause_reason", Sql.Text), Opt("paused_by", Sql.Text), Opt("paused_at", Sql.Long),
            ],
            "sched_name, job_group"),
        new("fired_triggers",
            [
                Req("sched_name", Sql.Text), Req("entry_id", Sql.Text),
                Req("trigger_name", Sql.Text), Req("trigger_group", Sql.Text), Req("instance_name", Sql.Text),
                Req("fired_time", Sql.Long), Req("sched_time", Sql.Long), Req("priority", Sql.Int), Req("state", Sql.Text),
                Opt("job_name", Sql.Text), Opt("job_group", Sql.Text),
                Opt("is_nonconcurrent", Sql.Bool), Opt("requests_recovery", Sql.Bool),
                Opt("execution_group", Sql.Text),
                Opt("progress", Sql.Int), Opt("progress_message", Sql.Text), Opt("interrupt_requested_time", Sql.Long),
            ],
            "sched_name, entry_id"),
        new("scheduler_state",
            [
                Req("sched_name", Sql.Text), Req("instance_name", Sql.Text),
                Req("last_checkin_time", Sql.Long), Req("checkin_interval", Sql.Long), Opt("quartz_version", Sql.Text),
            ],
            "sched_name, instance_name"),
        new("locks", [Req("sched_name", Sql.Text), Req("lock_name", Sql.Text)], "sched_name, lock_name"),
    ];

    /// <summary>Every Quartz statement filters on sched_name first, so every index leads with it.</summary>
    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("j_g_n", "job_details", "sched_name, job_group, job_name"),
        ("t_j", "triggers", "sched_name, job_name, job_group"),
        ("t_g_n", "triggers", "sched_name, trigger_group, trigger_name"),
        ("t_c", "triggers", "sched_name, calendar_name"),
        ("t_nft_st", "triggers", "sched_name, trigger_state, next_fire_time"),
        ("ft_inst_rcvry", "fired_triggers", "sched_name, instance_name, requests_recovery"),
        ("ft_j_g", "fired_triggers", "sched_name, job_name, job_group"),
        ("ft_t_g", "fired_triggers", "sched_name, trigger_name, trigger_group"),
    ];

    private static string CreateTable(Table table, DatabaseKind kind)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(TablePrefix).Append(table.Name).Append(" (");
        foreach (var column in table.Columns)
        {
            sql.Append(column.Name).Append(' ').Append(TypeName(column.Type, kind))
                .Append(column.Nullable ? " NULL" : " NOT NULL");
            if (column.Default is not null)
            {
                sql.Append(" DEFAULT ").Append(kind == DatabaseKind.Sqlite && column.Type == Sql.Bool
                    ? (column.Default == "TRUE" ? "1" : "0")
                    : column.Default);
            }

            sql.Append(", ");
        }

        sql.Append("PRIMARY KEY (").Append(table.PrimaryKey).Append(')');
        if (table.References is { } fk)
        {
            sql.Append(", FOREIGN KEY (").Append(fk.Columns).Append(") REFERENCES ")
                .Append(TablePrefix).Append(fk.Table).Append(" (").Append(fk.Columns).Append(')');
            if (fk.Cascade)
            {
                sql.Append(" ON DELETE CASCADE");
            }
        }

        return sql.Append(')').ToString();
    }

    private static string TypeName(Sql type, DatabaseKind kind) => (kind, type) switch
    {
        (DatabaseKind.PostgreSql, Sql.Text) => "TEXT",
        (DatabaseKind.PostgreSql, Sql.Long) => "BIGINT",
        (DatabaseKind.PostgreSql, Sql.Int) => "INTEGER",
        (DatabaseKind.PostgreSql, Sql.Bool) => "BOOLEAN",
        (DatabaseKind.PostgreSql, Sql.Decimal) => "NUMERIC",
        (DatabaseKind.PostgreSql, Sql.Bytes) => "BYTEA",
        // SQLite: INTEGER is 64-bit; BOOLEAN and NUMERIC have numeric affinity (0/1 for booleans).
        (DatabaseKind.Sqlite, Sql.Text) => "TEXT",
        (DatabaseKind.Sqlite, Sql.Long or Sql.Int) => "INTEGER",
        (DatabaseKind.Sqlite, Sql.Bool) => "BOOLEAN",
        (DatabaseKind.Sqlite, Sql.Decimal) => "NUMERIC",
        (DatabaseKind.Sqlite, Sql.Bytes) => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown database kind"),
    };
}
