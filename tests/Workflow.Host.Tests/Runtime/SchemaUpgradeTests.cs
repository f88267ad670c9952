using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// An older database upgrades in place when a host starts. One made before migrations (by main up to
/// 02/12/2026, or earlier) is first brought to the first migration and recorded as having it; each is then migrated;
/// what it held stays, and it ends with the schema a new database gets.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-upgrade-{Guid.NewGuid():N}");

    private string File => Path.Combine(directory, "w.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task StartAndStopAsync()
    {
        using var host = WorkflowHost.Build(WorkflowsData.Load(CliRun.Workflows), DatabaseSettings.Parse("sqlite:" + File, "unused"), runJobs: false);
        await host.StartAsync();
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The first column of every row <paramref name="sql"/> gives, as text.</summary>
    private async Task<List<string>> TextsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Duplicate_pending_requests_of_an_older_database_are_settled_and_the_index_added()
    {
        Directory.CreateDirectory(directory);
        await StartAndStopAsync();
        await ExecuteAsync($"""
            DROP TABLE "__EFMigrationsHistory";
            DROP INDEX "{WorkflowDbContext.OnePendingRequestIndex}";
            DROP INDEX "IX_milestones_EffectiveDue_PlanId_TaskRow_TaskId_Number_DoneOn_Status";
            DROP INDEX "IX_milestones_PlanId_EffectiveDue_TaskRow_TaskId_Number_DoneOn_Status";
            CREATE INDEX "IX_milestones_PlanId_EffectiveDue_DoneOn_Status" ON milestones ("PlanId", "EffectiveDue", "DoneOn", "Status");
            ALTER TABLE milestones DROP COLUMN "TaskRow";
            ALTER TABLE milestones DROP COLUMN "ImportId";
            ALTER TABLE milestones DROP COLUMN "Opening";
            ALTER TABLE milestones DROP COLUMN "OpeningDue";
            DROP TABLE imports;
            DROP TABLE progress_counts;
            CREATE INDEX "IX_milestones_EffectiveDue" ON milestones ("EffectiveDue");
            INSERT INTO extension_requests ("MilestoneId", "CurrentDue", "RequestedDue", "Reason", "RequestedBy", "RequestedAtUtc", "Status", "Revision") VALUES
              (42, '2025-03-31', '2025-06-30', 'một', 'A', '2025-03-01 00:00:00', 'Pending', 0),
              (42, '2025-03-31', '2025-07-31', 'hai', 'A', '2025-03-01 00:00:01', 'Pending', 0),
              (42, '2025-03-31', '2025-08-31', 'ba', 'A', '2025-03-01 00:00:02', 'Pending', 0),
              (43, '2025-03-31', '2025-06-30', 'khác', 'B', '2025-03-01 00:00:00', 'Pending', 0);
            INSERT INTO tasks ("PlanId", "TaskId", "Row", "Activity", "Product", "LeadCell", "Deadline", "ScheduleKind", "SearchText")
              VALUES ('cu', '7', 1, 'Cải cách   Hành chính', 'Báo cáo Đánh giá', 'Sở', 'Quý I/2025', 'Once', '');
            """);

        await StartAndStopAsync();

        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={File}").Options;
        await using var db = new WorkflowDbContext(options);
        var requests = await db.ExtensionRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([ExtensionStatus.Pending, ExtensionStatus.Refused, ExtensionStatus.Refused, ExtensionStatus.Pending], requests.Select(r => r.Status));
        Assert.All(requests.Where(r => r.Status == ExtensionStatus.Refused), r => Assert.Equal("hệ thống", r.DecidedBy));
        db.ExtensionRequests.Add(new ExtensionRequestRecord { MilestoneId = 43, Reason = "thêm", RequestedBy = "B", Status = ExtensionStatus.Pending });
        Assert.True(DatabaseErrors.IsUniqueViolation(await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync())));

        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.PlanId == "cu");
        Assert.Equal("7\ncai cach hanh chinh\nbao cao danh gia", task.SearchText);
    }

    /// <summary>
    /// Data/main-2026-12-02.sql: `sqlite3 .dump` of the database `workflow plan import` made with
    /// main as it stood on 02/12/2026 (before migrations; a three-task plan tracked in 2026, its
    /// Quartz triggers stored). Data/main-2026-12-01.sql: the same plan imported by an older build
    /// of main, before the plan lifecycle's columns and tables: the bridge adds them.
    /// Data/main-2026-12-03.sql: the same plan imported by main at 5fce5e6 (migrated to
    /// TaskListPlanOrder, each milestone's first step a history row), before milestones kept their opening.
    /// </summary>
    [Theory]
    [InlineData("main-2026-12-03.sql")]
    [InlineData("main-2026-12-02.sql")]
    [InlineData("main-2026-12-01.sql")]
    public async Task An_older_database_upgrades_in_place_and_keeps_what_it_held(string dump)
    {
        Directory.CreateDirectory(directory);
        await ExecuteAsync(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Runtime", "Data", dump)));
        var quartz = await QuartzAsync(File);

        await StartAndStopAsync();
        await StartAndStopAsync(); // a second start finds nothing to do

        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={File}").Options;
        await using (var db = new WorkflowDbContext(options))
        {
            Assert.Equal(9, await db.Milestones.CountAsync(m => m.PlanId == "nang-cap-2026"));
            Assert.Equal(3, await db.Tasks.CountAsync(t => t.PlanId == "nang-cap-2026" && t.SearchText != string.Empty));
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == "nang-cap-2026");
            Assert.Equal(PlanStatus.Active, plan.Status);

            // The migration gave each milestone its task's row, and counted the stored milestones as the runtime counts them on write.
            Assert.All(await db.Milestones.AsNoTracking().ToListAsync(), m => Assert.True(m.TaskRow > 0, m.TaskId));
            var truth = new List<string>();
            foreach (var grain in new[] { Workflow.Host.Progress.ProgressTally.PerPlan, Workflow.Host.Progress.ProgressTally.PerLead })
            {
                truth.AddRange((await Workflow.Host.Progress.ProgressTally.TruthAsync(db, grain, default)).Select(t => $"{Workflow.Host.Progress.ProgressTally.KeyOf(t)} = {t.Count}, {t.LastDoneOn}"));
            }

            var stored = (await db.ProgressCounts.AsNoTracking().ToListAsync()).Select(c => $"{c.Key} = {c.Count}, {c.LastDoneOn}");
            Assert.Equal(truth.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.NotEmpty(truth);

            // The typed columns (moments, instants, a bookmark's signal, a task's schedule kind) read the text the older build wrote,
            // and give it back unchanged.
            static string Text(NodaTime.LocalDateTime? moment) => moment is { } m ? MilestoneMapping.Moment.Format(m) : string.Empty;
            static string Real(NodaTime.Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            var typed = (await db.Milestones.AsNoTracking().ToListAsync()).Select(m => $"milestone {m.Id} {Text(m.BookmarkAt)} {m.BookmarkSignal}")
                .Concat((await db.Tasks.AsNoTracking().ToListAsync()).Select(t => $"task {t.PlanId}/{t.TaskId} {t.ScheduleKind}"))
                .Concat((await db.History.AsNoTracking().ToListAsync()).Select(h => $"history {h.Id} {Text(h.At)} {Real(h.RecordedAtUtc)}"))
                .Concat((await db.Outbox.AsNoTracking().ToListAsync()).Select(o => $"outbox {o.Id} {Text(o.At)} {Real(o.CreatedAtUtc)}"));
            var written = await TextsAsync("""
                SELECT 'milestone ' || "Id" || ' ' || COALESCE("BookmarkAt", '') || ' ' || COALESCE("BookmarkSignal", '') FROM milestones
                UNION ALL SELECT 'task ' || "PlanId" || '/' || "TaskId" || ' ' || "ScheduleKind" FROM tasks
                UNION ALL SELECT 'history ' || "Id" || ' ' || "At" || ' ' || "RecordedAtUtc" FROM history
                UNION ALL SELECT 'outbox ' || "Id" || ' ' || "At" || ' ' || "CreatedAtUtc" FROM outbox
                """);
            Assert.Equal(written.Order(StringComparer.Ordinal), typed.Order(StringComparer.Ordinal));
            Assert.Contains(written, w => w.StartsWith("milestone ", StringComparison.Ordinal) && w.EndsWith("T08:00:00 ", StringComparison.Ordinal));

            // Their first steps stay history rows: each timeline still begins where its workflow began.
            var milestones = await db.Milestones.AsNoTracking().ToListAsync();
            Assert.All(milestones, m => Assert.Null(m.Opening));
            var steps = (await MilestoneSteps.ReadAsync(db, milestones)).ToLookup(h => h.MilestoneId);
            Assert.All(milestones, m => Assert.Equal("bắt đầu", steps[m.Id].First().What));
        }

        await using (var schema = Workflow.Host.Persistence.Migrations.SchemaMigrator.SchemaOf(DatabaseSettings.Parse("sqlite:" + File, "unused")))
        {
            Assert.NotEmpty(schema.Database.GetMigrations());
            Assert.Equal(schema.Database.GetMigrations(), await schema.Database.GetAppliedMigrationsAsync());
        }

        // The same tables, columns and indexes as a database made new today.
        var upgraded = await SchemaAsync(File);
        var fresh = Path.Combine(directory, "fresh.db");
        using (var host = WorkflowHost.Build(WorkflowsData.Load(CliRun.Workflows), DatabaseSettings.Parse("sqlite:" + fresh, "unused"), runJobs: false))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(await SchemaAsync(fresh), upgraded);

        // Quartz's tables, made by our former DDL, are kept as they were (Quartz's provisioning finds them complete),
        // with their triggers.
        Assert.Equal(quartz, await QuartzAsync(File));
        Assert.Contains(quartz, q => q.StartsWith("rows qrtz_triggers ", StringComparison.Ordinal) && q != "rows qrtz_triggers 0");
    }

    /// <summary>The Quartz tables' columns and indexes, and how many triggers and jobs they hold.</summary>
    private static async Task<List<string>> QuartzAsync(string file)
    {
        var quartz = await SchemaAsync(file, "LIKE");
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        foreach (var table in new[] { "qrtz_triggers", "qrtz_job_details" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            quartz.Add($"rows {table} {await count.ExecuteScalarAsync()}");
        }

        return quartz;
    }

    /// <summary>Every table's columns (name, type, not null) and every index's name, sorted: what a query can rely on.
    /// Ours (<paramref name="quartz"/> "NOT LIKE"), or Quartz's ("LIKE"), which Quartz provisions itself.</summary>
    private static async Task<List<string>> SchemaAsync(string file, string quartz = "NOT LIKE")
    {
        var schema = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $$"""
            SELECT m.type || ' ' || m.name || COALESCE(' ' || p.name || ' ' || p.type || ' ' || p."notnull", '')
            FROM sqlite_master AS m LEFT JOIN pragma_table_info(m.name) AS p ON m.type = 'table'
            WHERE m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%' AND m.sql IS NOT NULL AND m.name {{quartz}} '%qrtz%'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schema.Add(reader.GetString(0));
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
    }
}
