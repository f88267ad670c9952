namespace Workflow.Tests;

/// <summary>
/// A test against the real PostgreSQL that scripts/test.sh starts (scripts/postgres.sh) and names in
/// WORKFLOW_TEST_POSTGRES; skipped, saying so, only when that variable is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "WORKFLOW_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set: no PostgreSQL to test against. scripts/test.sh starts one "
                + "(scripts/postgres.sh start DIR PORT prints the connection string to export).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
