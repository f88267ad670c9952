using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workflow.Host.Persistence.Migrations;

/// <summary>
/// The bridge for a database made before the schema had migrations (by the additive updater of
/// earlier versions): it is brought to the FIRST migration's schema (its missing tables, columns and
/// indexes added; nothing renamed, retyped or dropped; old rows the new unique index would refuse
/// settled), and recorded as having that migration, so that every later one applies as to any other
/// database. It reads the first migration itself, never the current model, so it stays right when
/// the model moves on.
/// </summary>
internal static partial class PreMigrationSchema
{
    /// <summary>Whether <paramref name="db"/> was made before migrations: some of our tables are there, the migrations' history is not.</summary>
    public static async Task<bool> IsPreMigrationAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (await db.GetService<IHistoryRepository>().ExistsAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        foreach (var table in new[] { "plans", "milestones", "outbox" })
        {
            try
            {
#pragma warning disable EF1002 // constant statements
                await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM \"{table}\" WHERE 1 = 0", ct).ConfigureAwait(false);
#pragma warning restore EF1002
                return true;
            }
            catch (DbException)
            {
                // not this one
            }
        }

        return false; // a new, empty database
    }

    /// <summary>Brings a database of before migrations to the first migration's schema and records that migration as applied.</summary>
    public static async Task BringToBaselineAsync(WorkflowDbContext db, CancellationToken ct)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var (baselineId, baselineType) = migrations.Migrations.First();
        var baseline = migrations.CreateMigration(baselineType, db.Database.ProviderName!);
        var model = db.GetService<IModelRuntimeInitializer>().Initialize((IModel)baseline.TargetModel!, designTime: true, validationLogger: null);

        await SettleDuplicatePendingRequestsAsync(db, ct).ConfigureAwait(false);

        // The first migration's own script (tables, indexes, the history table and its row), each
        // statement made a no-op where its object exists; then the columns its tables lack.
        var script = db.GetService<IMigrator>().GenerateScript(Migration.InitialDatabase, baselineId, MigrationsSqlGenerationOptions.NoTransactions);
#pragma warning disable EF1002 // the DDL is EF's own script and column definitions for our model, no user input
        foreach (var statement in IfNotExists(script))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct).ConfigureAwait(false);
        }

        foreach (var statement in await MissingColumnsAsync(db, model.GetRelationalModel(), ct).ConfigureAwait(false))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct).ConfigureAwait(false);
        }
#pragma warning restore EF1002
    }

    /// <summary>
    /// A database made before the one-pending-request index may hold several pending requests
    /// for one milestone (a race that index now prevents): the oldest stays pending, the others
    /// are marked refused with the reason, so that the index can be created.
    /// </summary>
    private static async Task SettleDuplicatePendingRequestsAsync(WorkflowDbContext db, CancellationToken ct)
    {
        try
        {
            var now = DateTime.UtcNow;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "extension_requests" SET "Status" = 'Refused', "DecidedBy" = 'hệ thống', "DecidedAtUtc" = {now},
                  "DecisionNote" = 'trùng một đề nghị khác đang chờ cho cùng mốc', "Revision" = "Revision" + 1
                WHERE "Status" = 'Pending' AND EXISTS (SELECT 1 FROM "extension_requests" AS o
                  WHERE o."MilestoneId" = "extension_requests"."MilestoneId" AND o."Status" = 'Pending' AND o."Id" < "extension_requests"."Id")
                """, ct).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // A database from before extension requests: no table yet, nothing to settle.
        }
    }

    /// <summary>"ALTER TABLE … ADD COLUMN …" for every column of <paramref name="model"/> its table lacks; a required column gets its type's zero as default.</summary>
    private static async Task<List<string>> MissingColumnsAsync(WorkflowDbContext db, IRelationalModel model, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var statements = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            foreach (var table in model.Tables)
            {
                var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE 1 = 0";
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        existing.Add(reader.GetName(i));
                    }
                }

                foreach (var column in table.Columns.Where(c => !existing.Contains(c.Name)))
                {
                    var clr = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
                    var fallback = column.IsNullable ? string.Empty
                        : clr == typeof(string) ? " NOT NULL DEFAULT ''"
                        : clr == typeof(bool) ? " NOT NULL DEFAULT FALSE"
                        : " NOT NULL DEFAULT 0";
                    statements.Add($"ALTER TABLE {sql.DelimitIdentifier(table.Name, table.Schema)} ADD COLUMN {sql.DelimitIdentifier(column.Name)} {column.StoreType}{fallback}");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return statements;
    }

    /// <summary>EF's script, statement by statement, each creation made a no-op when its object exists.</summary>
    private static IEnumerable<string> IfNotExists(string script) =>
        script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .Select(s => Creation().Replace(s, "$0IF NOT EXISTS "));

    [GeneratedRegex("^CREATE (UNIQUE )?(TABLE|INDEX) (?!IF NOT EXISTS)", RegexOptions.CultureInvariant)]
    private static partial Regex Creation();
}
