using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Workflow.Host.Persistence;

/// <summary>What a failed save means, whatever the database: SQLite or PostgreSQL.</summary>
internal static class DatabaseErrors
{
    /// <summary>True when the save broke a unique index (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            System.Data.Common.DbException other => other.SqlState == "23505",
            _ => false,
        };
    }
}
