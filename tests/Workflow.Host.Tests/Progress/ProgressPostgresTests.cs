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
    private readonly Scheduling.PostgresSchema schema = new("progress_test");

    public Task InitializeAsync() => schema.CreateAsync();

    public Task DisposeAsync() => schema.DropAsync();

    [PostgresFact]
    public async Task Every_progress_query_and_report_gives_the_same_counts_as_on_sqlite()
    {
        var connection = schema.ConnectionString;
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
}
