using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Workflows;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Scheduling;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Tests;

namespace Workflow.Host.Tests.Persistence;

/// <summary>
/// The import's set-wise writer stores each value exactly as EF does (a date compared as text in
/// SQLite must be the same text; a typed column keeps its type), and the keys it reserves are new.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class BulkInsertTests
{
    [Fact]
    public async Task A_row_written_in_bulk_is_stored_as_ef_stores_it_on_sqlite()
    {
        await using var host = await SqliteHost.StartAsync(WorkflowsData.Load(CliRun.Workflows), TestClock.At(2025, 1, 1));
        await StoredAsEfAsync(host.Databases);
    }

    [PostgresFact]
    public async Task A_row_written_in_bulk_is_stored_as_ef_stores_it_on_postgresql() =>
        await BulkLoadIndexesTests.OnPostgresAsync("bulk_insert", services => StoredAsEfAsync(services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>()));

    /// <summary>
    /// PostgreSQL's numeric from a decimal, as the bulk copy encodes it (base-10000 digits, weight, sign, scale): zeros with
    /// and without a scale, digits on both sides of a group's edge, negatives, the smallest fractions and the largest decimal
    /// are stored with the text EF's own insert gives them.
    /// </summary>
    [PostgresFact]
    public async Task Every_shape_of_decimal_is_stored_as_ef_stores_it_on_postgresql() =>
        await BulkLoadIndexesTests.OnPostgresAsync("bulk_numeric", async services =>
        {
            decimal[] scores = [0m, 0.00m, 1m, 1.50m, -1.25m, 0.05m, 0.00005m, -0.0001m, 9999m, 10000m, 10000.0001m, 12345.6789m, -98765432.1m, 0.1000m,
                123456789012345678.123456789m, 79228162514264337593543950335m, -7.9228162514264337593543950335m];
            static TaskRecord Task(string plan, int i, decimal score) => new()
            {
                PlanId = plan, TaskId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Activity = "a", LeadCell = "b", Deadline = "c", MaxScore = score, PreviousScore = -score,
            };

            await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
            db.Tasks.AddRange(scores.Select((score, i) => Task("ef", i, score)));
            await db.SaveChangesAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                using var bulk = new BulkInsert<TaskRecord>(db);
                await bulk.InsertAsync([.. scores.Select((score, i) => Task("bulk", i, score))], default);
                await transaction.CommitAsync();
            }

            for (var i = 0; i < scores.Length; i++)
            {
                var sql = $"SELECT \"MaxScore\"::text || '|' || \"PreviousScore\"::text FROM tasks WHERE \"TaskId\" = '{i}' AND \"PlanId\" = ";
                var ef = await TextAsync(db, sql + "'ef'");
                Assert.Equal(ef, await TextAsync(db, sql + "'bulk'"));
                Assert.Equal(scores[i], decimal.Parse(ef!.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    /// <summary>
    /// PostgreSQL's keys are taken from the sequence in growing blocks and handed out from there: each call's keys are new and
    /// increasing, a writer that inserts meanwhile through EF (its own transaction, the sequence's own default) never gets one of
    /// them, and the rows written with them all go in.
    /// </summary>
    [PostgresFact]
    public async Task Keys_taken_ahead_are_never_given_to_another_writer_on_postgresql() =>
        await BulkLoadIndexesTests.OnPostgresAsync("bulk_keys", async services =>
        {
            var databases = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            static MilestoneRecord Row(string task) => new() { PlanId = "keys", TaskId = task, DefinitionId = "chase", Lead = string.Empty, Coordinators = string.Empty };
            var reserved = new List<long>();
            var others = new List<long>();
            await using (var db = await databases.CreateDbContextAsync())
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                using var insert = new BulkInsert<MilestoneRecord>(db, keys: true);
                foreach (var count in new[] { 3, 5, 10, 2, 40 })
                {
                    var keys = await insert.ReserveKeysAsync(count, default);
                    Assert.Equal(count, keys.Length);
                    Assert.All(keys, k => Assert.True(reserved.Count == 0 || k > reserved[^1], "each call's keys come after the last call's"));
                    Assert.Equal(keys.Order(), keys);
                    reserved.AddRange(keys);

                    await using var other = await databases.CreateDbContextAsync();
                    var row = Row($"other-{count}");
                    other.Milestones.Add(row);
                    await other.SaveChangesAsync();
                    others.Add(row.Id);
                }

                await insert.InsertAsync([.. reserved.Select((key, i) => { var row = Row($"bulk-{i}"); row.Id = key; return row; })], default);
                await transaction.CommitAsync();
            }

            Assert.Empty(reserved.Intersect(others));
            await using var read = await databases.CreateDbContextAsync();
            Assert.Equal(reserved.Count + others.Count, await read.Milestones.CountAsync(m => m.PlanId == "keys"));
        });

    private static async Task StoredAsEfAsync(IDbContextFactory<WorkflowDbContext> databases)
    {
        // Every column given a value of its type: text, numbers, dates, a date-time, decimals, booleans, an enum by converter.
        static TaskRecord Task(string id) => new()
        {
            PlanId = "bulk", TaskId = id, Row = 7, Group = "I", Activity = "Rà soát 'thủ tục' \"hành chính\"", Product = "Báo cáo", LeadCell = "Sở Nội vụ",
            Deadline = "Quý I/2025", ScheduleKind = ScheduleKind.Phased, CriterionCode = "2.4.1", CriterionText = "Tiêu chí", MaxScore = 1.25m, PreviousScore = 0.5m,
        };
        static MilestoneRecord Milestone(string task) => new()
        {
            PlanId = "bulk", TaskId = task, Number = 2, Label = "Quý I", PlannedDue = new DateOnly(2025, 3, 31), Due = new DateOnly(2025, 3, 31), EffectiveDue = new DateOnly(2025, 4, 1),
            DefinitionId = "chase", DefinitionVersion = 3, Status = RunStatus.Waiting, WaitsForEvent = true, EventOn = new DateOnly(2025, 2, 1), DoneOn = new DateOnly(2025, 3, 2),
            Extended = true, BookmarkActivity = "nhac", BookmarkAt = new LocalDateTime(2025, 3, 17, 8, 0), BookmarkSignal = SignalKind.Report, State = "{\"a\":1}", Fault = "lỗi", Lead = "so-noi-vu",
            FormerLead = "so-cu", LeadReview = true, Coordinators = "so-tai-chinh,so-tu-phap", Revision = 4, RemovedAtUtc = Instant.FromUtc(2025, 1, 2, 3, 4, 5).PlusTicks(6_780_000), RemovedBy = "An",
        };
        static MilestoneRecord Bare(string task) => new() { PlanId = "bulk", TaskId = task, DefinitionId = "chase", Lead = string.Empty, Coordinators = string.Empty }; // every nullable column NULL
        static HistoryRecord History(long milestone) => new()
        {
            MilestoneId = milestone, At = new LocalDateTime(2025, 1, 1, 8, 0), ActivityId = "bat-dau", What = "bắt đầu", Why = "hạn 31/03/2025", By = "An",
            RecordedAtUtc = Instant.FromUtc(2025, 1, 1, 1, 2, 3).PlusTicks(4_560_007),
        };

        long byEf, byBulk;
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Tasks.Add(Task("ef"));
            var milestone = Milestone("ef");
            db.Milestones.Add(milestone);
            db.Milestones.Add(Bare("ef-bare"));
            await db.SaveChangesAsync();
            byEf = milestone.Id;
            db.History.Add(History(byEf));
            await db.SaveChangesAsync();
        }

        await using (var db = await databases.CreateDbContextAsync())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using (var tasks = new BulkInsert<TaskRecord>(db))
            {
                await tasks.InsertAsync([Task("bulk")], default);
            }

            using var milestones = new BulkInsert<MilestoneRecord>(db, keys: true);
            var keys = await milestones.ReserveKeysAsync(3, default);
            Assert.Equal(3, keys.Length);
            Assert.All(keys, k => Assert.True(k > byEf, "a reserved key is past every key given"));
            Assert.Equal(keys.Order(), keys);
            var row = Milestone("bulk");
            row.Id = byBulk = keys[0];
            var bare = Bare("bulk-bare");
            bare.Id = keys[1];
            await milestones.InsertAsync([row, bare], default);
            using var history = new BulkInsert<HistoryRecord>(db);
            await history.InsertAsync([History(byBulk)], default);
            await transaction.CommitAsync();
        }

        await using (var db = await databases.CreateDbContextAsync())
        {
            Assert.Equal(await StoredAsync<TaskRecord>(db, "\"TaskId\" = 'ef'"), await StoredAsync<TaskRecord>(db, "\"TaskId\" = 'bulk'"));
            Assert.Equal(await StoredAsync<MilestoneRecord>(db, "\"TaskId\" = 'ef'"), await StoredAsync<MilestoneRecord>(db, "\"TaskId\" = 'bulk'"));
            Assert.Equal(await StoredAsync<MilestoneRecord>(db, "\"TaskId\" = 'ef-bare'"), await StoredAsync<MilestoneRecord>(db, "\"TaskId\" = 'bulk-bare'"));
            Assert.Equal(await StoredAsync<HistoryRecord>(db, $"\"MilestoneId\" = {byEf}"), await StoredAsync<HistoryRecord>(db, $"\"MilestoneId\" = {byBulk}"));

            // The typed columns keep the text they always held: an older database reads, and compares, as before.
            Assert.Equal("2025-03-17T08:00:00|Report", await TextAsync(db, "SELECT \"BookmarkAt\" || '|' || \"BookmarkSignal\" FROM milestones WHERE \"TaskId\" = 'bulk'"));
            Assert.Equal("Phased", await TextAsync(db, "SELECT \"ScheduleKind\" FROM tasks WHERE \"TaskId\" = 'bulk'"));
            Assert.Equal("2025-01-01T08:00:00", await TextAsync(db, $"SELECT \"At\" FROM history WHERE \"MilestoneId\" = {byBulk}"));
            if (db.Database.IsSqlite())
            {
                Assert.Equal("2025-01-01 01:02:03.4560007", await TextAsync(db, $"SELECT \"RecordedAtUtc\" FROM history WHERE \"MilestoneId\" = {byBulk}"));
            }

            // EF reads the bulk rows back as it wrote its own, and a key given later comes after the reserved ones.
            var read = await db.Milestones.AsNoTracking().SingleAsync(m => m.TaskId == "bulk");
            Assert.Equal((new DateOnly(2025, 4, 1), RunStatus.Waiting, true), (read.EffectiveDue!.Value, read.Status, read.LeadReview));
            Assert.Equal((new LocalDateTime(2025, 3, 17, 8, 0), SignalKind.Report, Instant.FromUtc(2025, 1, 2, 3, 4, 5).PlusTicks(6_780_000)), (read.BookmarkAt, read.BookmarkSignal, read.RemovedAtUtc));
            Assert.Equal(ScheduleKind.Phased, (await db.Tasks.AsNoTracking().SingleAsync(t => t.TaskId == "bulk")).ScheduleKind);
            var later = Milestone("later");
            db.Milestones.Add(later);
            await db.SaveChangesAsync();
            Assert.True(later.Id > byBulk);
        }
    }

    private static async Task<string?> TextAsync(WorkflowDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Every column of the one row <paramref name="where"/> picks, except the key and the row's own ids, as the database shows it: its type and its text.</summary>
    private static async Task<string> StoredAsync<T>(WorkflowDbContext db, string where)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, null);
        var skipped = new[] { "Id", "TaskId", "MilestoneId", "SearchText" };
        var columns = entity.GetProperties().Select(p => p.GetColumnName(store)!).Where(c => !skipped.Contains(c)).ToList();
        var sqlite = db.Database.IsSqlite();
        var shown = columns.Select(c => sqlite ? $"typeof(\"{c}\") || ':' || quote(\"{c}\")" : $"pg_typeof(\"{c}\")::text || ':' || coalesce(\"{c}\"::text, 'NULL')");
        var text = await TextAsync(db, $"SELECT {string.Join(" || ' | ' || ", shown)} FROM \"{table}\" WHERE {where}");
        Assert.NotNull(text);
        return text;
    }
}
