using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A database made by an older version gets what the schema initializer adds: the one-pending-request index and the tasks' search text.</summary>
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
            DROP INDEX "{WorkflowDbContext.OnePendingRequestIndex}";
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
}
