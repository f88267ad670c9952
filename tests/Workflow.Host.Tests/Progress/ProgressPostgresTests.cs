using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Tests;

namespace Workflow.Host.Tests.Progress;

/// <summary>
/// The same hand-made milestones and the same checks on the real PostgreSQL in
/// WORKFLOW_TEST_POSTGRES (DateOnly columns are <c>date</c> there, text on SQLite), in a schema of
/// its own, dropped at the end.
/// </summary>
public sealed class ProgressPostgresTests : IAsyncLifetime
{
    private readonly string schema = $"progress_test_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { Length: > 0 } server)
        {
            await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        }
    }

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { Length: > 0 } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [PostgresFact]
    public async Task Every_progress_query_and_report_gives_the_same_counts_as_on_sqlite()
    {
        var connection = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { SearchPath = schema }.ConnectionString;
        IDbContextFactory<WorkflowDbContext> databases = new TestDatabases(new DbContextOptionsBuilder<WorkflowDbContext>().UseNpgsql(connection).Options);
        await ProgressData.SeedAsync(databases);

        await using (var db = await databases.CreateDbContextAsync())
        {
            var sql = db.Milestones.Where(ProgressRules.For(ProgressData.Today).Overdue).ToQueryString();
            Assert.Contains("\"EffectiveDue\" <", sql, StringComparison.Ordinal);
            Assert.Contains("(DbType = Date)", sql, StringComparison.Ordinal); // the day goes as a date, compared with the date column
        }

        await ProgressData.CheckAllAsync(new ProgressQueries(databases, ProgressData.Agencies));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
