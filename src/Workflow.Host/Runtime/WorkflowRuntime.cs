using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Workflow.Host.Persistence;

namespace Workflow.Host.Runtime;

/// <summary>
/// The durable runtime: every change to a milestone's workflow (import, a timer firing, a report,
/// an event, an extension) happens here, in one database transaction that saves the instance,
/// its history and the notifications it decided (the outbox) together. The Quartz trigger for the
/// instance's new bookmark is set after the commit; a crash in between is repaired by
/// <see cref="ReconcileAsync"/>, which every start runs.
/// </summary>
/// <remarks>
/// A timer that fires twice (a crash after the commit, before Quartz recorded the firing; two
/// hosts) is harmless: the second firing finds the bookmark gone and does nothing, and the
/// revision column makes two concurrent steps on one instance impossible.
/// </remarks>
public sealed partial class WorkflowRuntime(
    IDbContextFactory<WorkflowDbContext> databases,
    ISchedulerFactory schedulers,
    WorkflowEngine engine,
    LiveDefinitions definitions,
    RuntimeClock clock,
    RuntimeOptions options) : IDisposable
{
    public const string TriggerGroup = "moments";
    public static readonly JobKey ResumeJob = new("resume-moment", "runtime");

    // SQLite has one writer at a time: steps queue here instead of failing on a locked database.
    private readonly SemaphoreSlim writer = new(options.SingleWriter ? 1 : int.MaxValue);

    // The day the last handover sweep ran; the sweep scans once a day.
    private LocalDate? lastHandOver;

    // The day open-ended plans were last read for a new year (once a day).
    private LocalDate? lastYearFollowed;

    public void Dispose() => writer.Dispose();

    /// <summary>Now, Vietnam local time.</summary>
    public LocalDateTime Now => clock.Now;

    /// <summary>
    /// One transaction: the step, its history, its outbox rows; retried when another host changed the same instance first.
    /// An <c>import</c> step writes a plan set-wise: its connection is set for that before the transaction begins (<see cref="SqliteImportSession"/>).
    /// </summary>
    private async Task StepAsync(Func<WorkflowDbContext, Notifications.INotificationSink, LocalDateTime, Task> step, CancellationToken ct, bool import = false)
    {
        await writer.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
                await using var session = import ? await SqliteImportSession.BeginAsync(db, ct).ConfigureAwait(false) : null;
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var sink = new OutboxSink(db, clock);
                try
                {
                    await step(db, sink, Now).ConfigureAwait(false);
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock.Time, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            writer.Release();
        }
    }

    private void AddHistory(WorkflowDbContext db, MilestoneRun run, int from, long milestoneId, string by)
    {
        foreach (var entry in run.History.Skip(from))
        {
            db.History.Add(MilestoneMapping.ToRecord(entry, milestoneId, by, clock.RealNow));
        }

        run.History.Clear();
    }
}
