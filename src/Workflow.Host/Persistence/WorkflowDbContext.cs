using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Workflow.Host.Persistence;

/// <summary>The product's own tables, the coordinators' logins (Identity's AspNet* tables), and Quartz's beside them, prefixed qrtz_.</summary>
/// <remarks>
/// The schema grows by EF Core migrations, one set per database (<see cref="Migrations.SqliteSchema"/>,
/// <see cref="Migrations.PostgresSchema"/>), applied when a host starts (<see cref="Migrations.SchemaMigrator"/>).
/// A change to this model is a new migration of both: <c>dotnet ef migrations add NAME</c> (see the README).
/// </remarks>
public class WorkflowDbContext : IdentityDbContext<WorkflowUser>
{
    public WorkflowDbContext(DbContextOptions<WorkflowDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the contexts the migrations are made for: the same model, their own options.</summary>
    protected WorkflowDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<PlanRecord> Plans => Set<PlanRecord>();

    public DbSet<PlanStatusRecord> PlanStatusHistory => Set<PlanStatusRecord>();

    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();

    public DbSet<MilestoneRecord> Milestones => Set<MilestoneRecord>();

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    public DbSet<ImportRecord> Imports => Set<ImportRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<ExtensionRequestRecord> ExtensionRequests => Set<ExtensionRequestRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    /// <summary>The milestones' counts kept up to date on write (<see cref="Progress.ProgressTally"/>).</summary>
    public DbSet<ProgressCountRecord> ProgressCounts => Set<ProgressCountRecord>();

    /// <summary>Saves, and moves the counts of the milestones it changes in the same transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveCountedAsync(acceptAllChangesOnSuccess, (accept, _) => Task.FromResult(base.SaveChanges(accept)), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Saves, and moves the counts of the milestones it changes in the same transaction.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveCountedAsync(acceptAllChangesOnSuccess, base.SaveChangesAsync, cancellationToken);

    private async Task<int> SaveCountedAsync(bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save, CancellationToken ct)
    {
        var counts = Progress.ProgressTally.Pending(ChangeTracker);
        if (counts.Count == 0)
        {
            return await save(acceptAllChangesOnSuccess, ct).ConfigureAwait(false);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            var saved = await save(acceptAllChangesOnSuccess, ct).ConfigureAwait(false);
            await Progress.ProgressTally.ApplyAsync(this, counts, ct).ConfigureAwait(false);
            if (own is not null)
            {
                await own.CommitAsync(ct).ConfigureAwait(false);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The partial unique index of the pending extension requests (SQLite and PostgreSQL both take it).</summary>
    public const string OnePendingRequestIndex = "ux_extension_requests_one_pending";

    internal const string OnePendingRequestFilter = "\"Status\" = 'Pending'";

    /// <summary>The typed columns' stored forms: each keeps the text or value the column has always held.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<LocalDateTime>().HaveConversion<MomentConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<PlanRecord>(e =>
        {
            e.ToTable("plans");
            e.HasKey(p => p.Id);

            // Lower-case words ("active", "closed", "archived"); a row from before plans had a status (the column added empty) is active.
            e.Property(p => p.Status).HasMaxLength(16).HasConversion(s => PlanStatuses.Key(s), s => PlanStatuses.Parse(s) ?? PlanStatus.Active);
        });
        builder.Entity<PlanStatusRecord>(e =>
        {
            e.ToTable("plan_status_history");
            e.HasKey(h => h.Id);
            e.HasIndex(h => h.PlanId);
            e.Property(h => h.Status).HasMaxLength(16).HasConversion(s => PlanStatuses.Key(s), s => PlanStatuses.Parse(s) ?? PlanStatus.Active);
        });
        builder.Entity<TaskRecord>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(t => new { t.PlanId, t.TaskId });
            e.Property(t => t.ScheduleKind).HasConversion<string>();
        });
        builder.Entity<MilestoneRecord>(e =>
        {
            e.ToTable("milestones");
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.PlanId, m.TaskId, m.Number }).IsUnique();

            // The task list's order (due date, plan, task row, task, milestone), read a page at a time
            // from a position (keyset), with what its default filter tests (done date, status).
            e.HasIndex(m => new { m.EffectiveDue, m.PlanId, m.TaskRow, m.TaskId, m.Number, m.DoneOn, m.Status });

            // Covering indexes of the progress counts (ProgressQueries): the overview's GROUP BY PlanId
            // and a plan's per-day counts, and the agency view's GROUP BY Lead, read only the index, in
            // group order (no table lookups, no sort); every column the rules test is in them.
            // The plan's one is also the task list's order within a plan (due date, task row, task,
            // milestone): a page of a plan is a seek and 50 rows, with no sort of the due date's
            // milestones (hundreds to thousands a day at national scale).
            e.HasIndex(m => new { m.PlanId, m.EffectiveDue, m.TaskRow, m.TaskId, m.Number, m.DoneOn, m.Status });
            e.HasIndex(m => new { m.Lead, m.EffectiveDue, m.DoneOn, m.Status });

            // What a firing timer reads (the milestones waiting for its moment) and what reconciliation
            // lists (the distinct moments waited for): a range of this index, not a scan of the store.
            e.HasIndex(m => new { m.Status, m.BookmarkAt });
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.BookmarkSignal).HasConversion<string>();
            e.Property(m => m.Opening).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.Revision).IsConcurrencyToken();
        });
        builder.Entity<ProgressCountRecord>(e =>
        {
            e.ToTable("progress_counts");
            e.HasKey(c => c.Key);

            // The per-plan grain (Lead null) and the per-lead one, each read whole by one range of this index.
            e.HasIndex(c => new { c.Lead, c.PlanId, c.EffectiveDue, c.Status, c.DoneOn, c.Count, c.LastDoneOn });
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        });
        builder.Entity<HistoryRecord>(e =>
        {
            e.ToTable("history");
            e.HasKey(h => h.Id);
            e.HasIndex(h => h.MilestoneId);
        });
        builder.Entity<ImportRecord>(e =>
        {
            e.ToTable("imports");
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.PlanId);
            e.Property(i => i.PlanStatus).HasMaxLength(16).HasConversion(s => PlanStatuses.Key(s), s => PlanStatuses.Parse(s) ?? PlanStatus.Active);
        });
        builder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.Key).IsUnique();
            e.HasIndex(o => new { o.Status, o.At });
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Revision).IsConcurrencyToken();
        });
        builder.Entity<DataProtectionKeyRecord>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
        });
        builder.Entity<ExtensionRequestRecord>(e =>
        {
            e.ToTable("extension_requests");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.Status, r.MilestoneId });

            // At most one pending request a milestone, kept by the database itself: two requests
            // sent at the same moment cannot both pass a check made before either is stored.
            e.HasIndex(r => r.MilestoneId, OnePendingRequestIndex).IsUnique().HasFilter(OnePendingRequestFilter);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Revision).IsConcurrencyToken();
        });
    }
}
