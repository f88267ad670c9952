using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Xunit.Abstractions;

namespace Workflow.Host.Tests.Progress;

/// <summary>The progress queries and the report on a SQLite file of hand-made milestones.</summary>
public sealed class ProgressQueriesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-progress-{Guid.NewGuid():N}");
    private IDbContextFactory<WorkflowDbContext> databases = null!;

    private ProgressQueries Queries => new(databases, ProgressData.Agencies);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "p.db")}").Options;
        databases = new TestDatabases(options);
        await ProgressData.SeedAsync(databases);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public Task Overview_counts_every_state_and_the_four_way_split_per_plan() => ProgressData.CheckOverviewAsync(Queries);

    [Fact]
    public Task Quarters_group_by_the_effective_due_date() => ProgressData.CheckQuartersAsync(Queries);

    [Fact]
    public Task Agencies_split_the_lead_lists_and_name_each_agency() => ProgressData.CheckAgenciesAsync(Queries);

    [Fact]
    public Task Tasks_filter_by_plan_agency_state_and_text_and_page_in_due_order() => ProgressData.CheckTasksAsync(Queries);

    [Fact]
    public Task Reports_judge_each_period_at_its_end_or_the_as_of_day() => ProgressData.CheckReportsAsync(Queries);

    [Fact]
    public async Task The_sql_and_the_compiled_predicates_agree_on_every_row_and_every_day()
    {
        await using var db = await databases.CreateDbContextAsync();
        var rows = await db.Milestones.AsNoTracking().ToListAsync();
        for (var day = new LocalDate(2024, 12, 25); day <= new LocalDate(2026, 1, 5); day = day.PlusDays(3))
        {
            var rules = ProgressRules.For(day);
            foreach (var state in ProgressStates.All)
            {
                var inSql = await db.Milestones.Where(rules.Of(state)).Select(m => m.Id).OrderBy(id => id).ToListAsync();
                var inMemory = rows.Where(m => rules.StateOf(m) == state).Select(m => m.Id).Order().ToList();
                Assert.Equal(inMemory, inSql);
            }

            var counted = await db.Milestones.CountAsync(rules.Counted);
            Assert.Equal(counted, ProgressCounts.Of(rows, rules).Total);
            Assert.Equal(16, counted);
        }
    }

    [Fact]
    public async Task The_overview_is_one_grouped_query_with_conditional_counts()
    {
        var rules = ProgressRules.For(ProgressData.Today);
        await using var db = await databases.CreateDbContextAsync();
        var sql = db.Milestones.GroupBy(m => m.PlanId).CountProgress(rules).ToQueryString();
        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(CASE", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("JOIN", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_list_reads_each_page_along_an_index_in_its_order_without_a_sort()
    {
        // Every milestone query of the task list (the active plans merged, one plan, each way from a cursor), as sent.
        var sent = new SentCommands();
        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "p.db")}").AddInterceptors(sent).Options;
        var queries = new ProgressQueries(new TestDatabases(options), ProgressData.Agencies);
        var first = await queries.TasksAsync(new TaskFilter { Take = 3 }, ProgressData.Today);
        await queries.TasksAsync(new TaskFilter { Take = 3, After = first.Last }, ProgressData.Today);
        await queries.TasksAsync(new TaskFilter { Take = 3, Before = first.Last }, ProgressData.Today);
        await queries.TasksAsync(new TaskFilter { Take = 3, PlanId = "p1" }, ProgressData.Today);
        var pages = sent.Commands.Where(c => c.Text.Contains("FROM \"milestones\"", StringComparison.Ordinal) && c.Text.Contains("ORDER BY", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 4, $"{pages.Count} page queries");

        // SQLite plans without statistics (none are gathered), so the plan here is the plan at any size: at a million
        // milestones a sort of the rows before the page's last is thousands of rows a due date.
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "p.db")}");
        await connection.OpenAsync();
        foreach (var (text, parameters) in pages)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + text;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            output.WriteLine(string.Join(" / ", plan));
            Assert.Contains(plan, step => step.Contains("USING INDEX", StringComparison.Ordinal) || step.Contains("USING COVERING INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    /// <summary>The text and parameters of every query a context sends.</summary>
    private sealed class SentCommands : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<(string Text, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Bad_filters_are_refused_at_the_boundary()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Queries.TasksAsync(null!, ProgressData.Today));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.TasksAsync(new TaskFilter { Take = 0 }, ProgressData.Today));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.TasksAsync(new TaskFilter { Take = TaskFilter.MaxTake + 1 }, ProgressData.Today));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.TasksAsync(new TaskFilter { Skip = -1 }, ProgressData.Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressRules.For(ProgressData.Today, -1));
    }

    [Fact]
    public async Task The_due_soon_window_is_an_option()
    {
        var queries = new ProgressQueries(databases, ProgressData.Agencies, new ProgressOptions(DueSoonDays: 15));
        var overview = await queries.OverviewAsync(ProgressData.Today);
        Assert.Equal(3, overview.Plans[0].Counts.DueSoon); // #3, due in 15 days, joins
    }

    [Fact]
    public async Task The_overview_stays_a_database_count_for_100000_milestones()
    {
        // 100,000 extra rows in one plan, written in one transaction.
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Plans.Add(new PlanRecord { Id = "big", Number = "100/KH-UBND", Title = "Kế hoạch lớn", TrackedYear = 2025, Source = "big.csv", ContentHash = "b" });
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var insert = connection.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx.GetDbTransaction();
            insert.CommandText = "INSERT INTO milestones (PlanId, TaskId, TaskRow, Number, EffectiveDue, DoneOn, Status, DefinitionId, DefinitionVersion, WaitsForEvent, Extended, Lead, LeadReview, Coordinators, Revision) "
                + "VALUES ('big', $task, 0, 1, $due, $done, $status, 'd', 1, 0, 0, $lead, 0, '', 0)";
            var task = insert.Parameters.Add("$task", SqliteType.Text);
            var due = insert.Parameters.Add("$due", SqliteType.Text);
            var done = insert.Parameters.Add("$done", SqliteType.Text);
            var status = insert.Parameters.Add("$status", SqliteType.Text);
            var lead = insert.Parameters.Add("$lead", SqliteType.Text);
            for (var i = 0; i < 100_000; i++)
            {
                var d = new DateOnly(2025, 1, 1).AddDays(i % 365);
                task.Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                due.Value = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                done.Value = i % 3 == 0 ? d.AddDays(i % 5 - 2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
                status.Value = i % 3 == 0 ? nameof(RunStatus.Finished) : i % 50 == 1 ? nameof(RunStatus.Dormant) : nameof(RunStatus.Waiting);
                lead.Value = $"so-{i % 40}";
                await insert.ExecuteNonQueryAsync();
            }

            await ProgressTally.RebuildAsync(db); // written by SQL: the counts kept on write are counted from the rows
            await tx.CommitAsync();
        }

        var queries = Queries;
        await queries.OverviewAsync(ProgressData.Today); // warm-up: model, connection
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var overview = await queries.OverviewAsync(ProgressData.Today);
        var overviewTime = watch.Elapsed;
        watch.Restart();
        var agencies = await queries.AgenciesAsync(null, ProgressData.Today);
        var quarters = await queries.QuartersAsync(null, ProgressData.Today);
        var others = watch.Elapsed;

        var big = overview.Plans.Single(p => p.PlanId == "big").Counts;
        Assert.Equal(100_000, big.Total);
        Assert.Equal(big.Total, big.DoneOnTime + big.DoneLate + big.OpenInTime + big.OpenOverdue);
        Assert.True(big.Done > 0 && big.Overdue > 0 && big.Dormant > 0 && big.DueSoon > 0 && big.NotYetDue > 0);
        Assert.Equal(40 + 4, agencies.Count);
        Assert.Equal(100_000 + 13, quarters.Sum(q => q.Due));

        // No bound on the time here (a loaded CI machine is no measure): `workflow bench --web` holds the target.
        output.WriteLine(new StringBuilder().Append("progress: overview ").Append(overviewTime.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" ms, agencies + quarters ").Append(others.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)).Append(" ms on 100,017 milestones").ToString());
    }
}
