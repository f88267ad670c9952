using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Workflow.Host.Hosting;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Persistence.Migrations;

/// <summary>The model as SQLite stores it: the context the migrations of <c>Migrations/Sqlite</c> are made for.</summary>
public sealed class SqliteSchema(DbContextOptions<SqliteSchema> options) : WorkflowDbContext(options);

/// <summary>The model as PostgreSQL stores it: the context the migrations of <c>Migrations/PostgreSql</c> are made for.</summary>
public sealed class PostgresSchema(DbContextOptions<PostgresSchema> options) : WorkflowDbContext(options);

/// <summary>For <c>dotnet ef migrations add NAME --context SqliteSchema|PostgresSchema</c>: no database is opened.</summary>
internal sealed class DesignTimeSchemas : IDesignTimeDbContextFactory<SqliteSchema>, IDesignTimeDbContextFactory<PostgresSchema>
{
    public SqliteSchema CreateDbContext(string[] args) =>
        (SqliteSchema)SchemaMigrator.SchemaOf(new DatabaseSettings(DatabaseKind.Sqlite, "Data Source=design-time.db"));

    PostgresSchema IDesignTimeDbContextFactory<PostgresSchema>.CreateDbContext(string[] args) =>
        (PostgresSchema)SchemaMigrator.SchemaOf(new DatabaseSettings(DatabaseKind.PostgreSql, "Host=localhost;Database=workflow_design"));
}
