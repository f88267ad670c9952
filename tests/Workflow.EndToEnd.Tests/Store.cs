using Microsoft.EntityFrameworkCore;
using Workflow.Host.Persistence;

namespace Workflow.EndToEnd.Tests;

/// <summary>The database a server or a command wrote, read straight (the tests' view of the outcome, not the server's).</summary>
internal static class Store
{
    /// <summary>A context on the database named as <c>--database</c> names it ("sqlite:PATH" or "postgresql:CONNECTION").</summary>
    public static WorkflowDbContext Open(string database)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        _ = database.StartsWith("sqlite:", StringComparison.Ordinal)
            ? options.UseSqlite("Data Source=" + database["sqlite:".Length..])
            : options.UseNpgsql(database["postgresql:".Length..]);
        return new WorkflowDbContext(options.Options);
    }

    /// <summary>How many timers Quartz holds, of any kind: each is a moment something may be sent at.</summary>
    public static int QuartzTriggers(WorkflowDbContext db) =>
        db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {Workflow.Host.Scheduling.QuartzSetup.TablePrefix}triggers").AsEnumerable().Single();
}
