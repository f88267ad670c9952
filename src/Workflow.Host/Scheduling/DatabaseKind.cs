namespace Workflow.Host.Scheduling;

/// <summary>The databases the runtime (and Quartz's job store) can live in.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file through Microsoft.Data.Sqlite: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: by configuration, and the one that clusters.</summary>
    PostgreSql,
}
