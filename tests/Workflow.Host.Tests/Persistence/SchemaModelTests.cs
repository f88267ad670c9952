using Microsoft.EntityFrameworkCore;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence.Migrations;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Tests.Persistence;

/// <summary>
/// The model the code declares is the one the migrations of each database build (their model
/// snapshot): a change of a column's type, converter or length that the stored schema would feel
/// cannot go in without its migration. No database is opened.
/// </summary>
public sealed class SchemaModelTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseKind.PostgreSql, "Host=localhost;Database=unused")]
    public void The_model_has_no_change_its_migrations_lack(DatabaseKind kind, string connection)
    {
        using var schema = SchemaMigrator.SchemaOf(new DatabaseSettings(kind, connection));
        Assert.False(schema.Database.HasPendingModelChanges(), $"{kind}: the model differs from the migrations' snapshot; add a migration (README, \"dotnet ef migrations add\")");
    }
}
