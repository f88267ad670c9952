using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Workflow.Definitions;
using Workflow.Host.Hosting;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Persistence.Migrations;

/// <summary>
/// Brings the product's tables to the current model when a host starts, before anything reads
/// them (Quartz's tables are Quartz's own: <see cref="QuartzSetup"/>): EF Core's migrations of the
/// database's kind (<see cref="SqliteSchema"/>, <see cref="PostgresSchema"/>), after a database made
/// before migrations was brought to the first one (<see cref="PreMigrationSchema"/>). A new database
/// is made here, where the command may make one.
/// </summary>
internal sealed class SchemaMigrator(IDbContextFactory<WorkflowDbContext> databases, DatabaseSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:")
            {
                // The database holds the login keys: only the server's account reads it (SQLite gives
                // its -wal and -shm files the database file's mode).
                Workflow.Notifications.PrivateFiles.CreateEmpty(file);
                foreach (var part in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                {
                    Workflow.Notifications.PrivateFiles.Restrict(part);
                }
            }

            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!settings.MayCreate)
                {
                    throw new DataFileException(settings.ToString(), null, "chưa có cơ sở dữ liệu này: kiểm tra --database; chỉ \"workflow serve\" và \"workflow plan import\" tạo cơ sở dữ liệu mới.");
                }

                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (settings.Kind == DatabaseKind.Sqlite)
            {
                // Readers beside one writer: the runtime's EF Core context and Quartz share the file.
                // Persistent in the file; a no-op once set. Cannot run inside a transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
            }
        }

        await using var schema = SchemaOf(settings);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var bridged = await PreMigrationSchema.IsPreMigrationAsync(schema, cancellationToken).ConfigureAwait(false);
                if (bridged)
                {
                    await PreMigrationSchema.BringToBaselineAsync(schema, cancellationToken).ConfigureAwait(false);
                }

                await schema.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                if (bridged)
                {
                    await FillSearchTextAsync(schema, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (DbException) when (attempt < 3)
            {
                // Another host bridged the same old database at the same moment: its catalog entries
                // or its history row collide once, and the next round finds everything there.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The context whose migrations fit the database's kind.</summary>
    internal static WorkflowDbContext SchemaOf(DatabaseSettings settings) => settings.Kind == DatabaseKind.Sqlite
        ? new SqliteSchema(new DbContextOptionsBuilder<SqliteSchema>().UseSqlite(settings.ConnectionString).Options)
        : new PostgresSchema(new DbContextOptionsBuilder<PostgresSchema>().UseNpgsql(settings.ConnectionString).Options);

    /// <summary>Tasks stored before <see cref="TaskRecord.SearchText"/> existed get it, a few thousand at a time.</summary>
    private static async Task FillSearchTextAsync(WorkflowDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Tasks.Where(t => t.SearchText == string.Empty).Take(2_000).ToListAsync(ct).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var task in batch)
            {
                // The property reads what the fields give, so EF sees no change by itself.
                db.Entry(task).Property(t => t.SearchText).IsModified = true;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }
}
