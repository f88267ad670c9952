using Npgsql;
using Workflow.Tests;

namespace Workflow.Host.Tests.Scheduling;

/// <summary>
/// A schema of its own in the PostgreSQL of WORKFLOW_TEST_POSTGRES, for one test class: created
/// before its tests and dropped after. Does nothing when the test command started no PostgreSQL
/// (the tests are then skipped by <see cref="PostgresFactAttribute"/>).
/// </summary>
internal sealed class PostgresSchema(string prefix)
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { SearchPath = Name }.ConnectionString;

    public async Task CreateAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { Length: > 0 } server)
        {
            await ExecuteAsync(server, $"CREATE SCHEMA {Name}");
        }
    }

    public async Task DropAsync()
    {
        if (PostgresFactAttribute.ConnectionString is { Length: > 0 } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {Name} CASCADE");
        }
    }

    /// <summary>Runs one statement.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
