using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Cli;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Persistence.Migrations;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Host.Scheduling;
using Workflow.Tests;

namespace Workflow.Host.Tests.Progress;

/// <summary>
/// A database that holds milestones from before the counts kept on write upgrades in place: the
/// migration <c>ProgressCounts</c>, run on stored rows (the database taken back to the migration
/// before it, then forward), gives each milestone its task's row and the counts the runtime keeps,
/// on SQLite and on PostgreSQL.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ProgressCountsMigrationTests
{
    [Fact]
    public Task SQLite_fills_the_counts_from_the_stored_milestones() => UpgradeAsync(DatabaseKind.Sqlite, null);

    [PostgresFact]
    public Task PostgreSQL_fills_the_counts_from_the_stored_milestones() => UpgradeAsync(DatabaseKind.PostgreSql, PostgresFactAttribute.ConnectionString);

    private static async Task UpgradeAsync(DatabaseKind kind, string? postgres)
    {
        var (settings, cleanup) = RuntimeBench.FreshDatabase(kind, postgres);
        try
        {
            var data = WorkflowsData.Load(CliRun.Workflows);
            var clock = TestClock.At(2025, 4, 10, 9);
            using (var host = WorkflowHost.Build(data, settings, runJobs: false, clock: RuntimeClock.System(clock)))
            {
                await host.StartAsync();
                var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
                await runtime.ImportAsync(PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!, "test");
                Assert.True(await runtime.MarkDoneAsync(new PlanId("cchc-2025"), new TaskId("15"), null, new LocalDate(2025, 4, 9), "test") > 0); // late
                Assert.True(await runtime.MarkDoneAsync(new PlanId("cchc-2025"), new TaskId("20"), null, new LocalDate(2025, 1, 9), "test") > 0);
                await host.StopAsync();
            }

            await using (var schema = SchemaMigrator.SchemaOf(settings))
            {
                var migrations = schema.Database.GetMigrations().ToList();
                var counts = migrations.FindIndex(m => m.EndsWith("_ProgressCounts", StringComparison.Ordinal));
                var migrator = schema.GetService<IMigrator>();
                await migrator.MigrateAsync(migrations[counts - 1]); // back to before the counts: the column and the table go
                await migrator.MigrateAsync();
            }

            await using var db = SchemaMigrator.SchemaOf(settings);
            Assert.All(await db.Milestones.AsNoTracking().ToListAsync(), m => Assert.True(m.TaskRow > 0, m.TaskId));
            var truth = new List<string>();
            foreach (var grain in new[] { ProgressTally.PerPlan, ProgressTally.PerLead })
            {
                truth.AddRange((await ProgressTally.TruthAsync(db, grain, default)).Select(t => $"{ProgressTally.KeyOf(t)} = {t.Count}, {t.LastDoneOn}"));
            }

            var stored = (await db.ProgressCounts.AsNoTracking().ToListAsync()).Select(c => $"{c.Key} = {c.Count}, {c.LastDoneOn}");
            Assert.Equal(truth.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.Contains(truth, t => t.Contains("|Finished|", StringComparison.Ordinal)); // the done ones too
        }
        finally
        {
            cleanup();
        }
    }
}
