using Microsoft.EntityFrameworkCore;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>An import's new milestones started on a thread of their own while the batches before them are written.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Starts the workflows of <paramref name="fresh"/> a batch of <paramref name="size"/> at a time on a thread of
    /// its own (<see cref="BatchesAhead"/>) and yields each batch ready to write, while the caller writes the one
    /// before. The engine never touches the database there: what a catch-up sends is checked against
    /// <paramref name="queued"/> (see <see cref="QueuedKeysAsync"/>) and written with its batch. Each milestone's
    /// opening step stays on its row, signed by <paramref name="importId"/> (<see cref="MilestoneMapping.NewRecord"/>).
    /// </summary>
    private IAsyncEnumerable<StartedBatch> StartAheadAsync(
        IEnumerable<(MilestoneRun Run, WorkflowDefinition Definition, PlanTask Task)> fresh,
        int size,
        Action<MilestoneRun, WorkflowDefinition, INotificationSink> start,
        HashSet<string> queued,
        string by,
        long importId,
        CancellationToken ct)
    {
        var outbox = new AheadOutbox(queued);
        return BatchesAhead.PrepareAsync(fresh, size, chunk =>
        {
            var batch = new StartedBatch(chunk.Length);
            outbox.Batch = batch.Sent;
            var recordedAt = clock.RealNow;
            foreach (var (run, definition, task) in chunk)
            {
                start(run, definition, outbox);
                var row = MilestoneMapping.NewRecord(run, LabelOf(task, run), importId);
                row.TaskRow = task.Row;
                foreach (var entry in MilestoneMapping.HistoryToWrite(run, row))
                {
                    batch.History.Add((batch.Rows.Count, MilestoneMapping.ToRecord(entry, 0, by, recordedAt)));
                }

                batch.Rows.Add(row);
            }

            return batch;
        }, ct);
    }

    /// <summary>
    /// The keys of the notifications already in the outbox for <paramref name="planId"/>'s milestones (a key begins
    /// with the plan: <see cref="Notification.Key"/>), read in the import's transaction: the same notification is never
    /// queued twice, as <see cref="OutboxSink"/> keeps it for one step.
    /// </summary>
    private static async Task<HashSet<string>> QueuedKeysAsync(WorkflowDbContext db, string planId, CancellationToken ct)
    {
        var prefix = planId + "/";
        var keys = await db.Outbox.AsNoTracking().Where(o => o.Key.StartsWith(prefix)).Select(o => o.Key).ToListAsync(ct).ConfigureAwait(false);
        return new HashSet<string>(keys, StringComparer.Ordinal);
    }

    /// <summary>New milestones started by the engine, ready to write: rows still without ids, their history (each entry names its row's place in the batch), and what their catch-ups send.</summary>
    private sealed class StartedBatch(int size)
    {
        public List<MilestoneRecord> Rows { get; } = new(size);

        public List<(int Row, HistoryRecord Record)> History { get; } = new(size);

        public List<Notification> Sent { get; } = [];
    }

    /// <summary>The outbox as the engine's thread sees it during an import: a key already queued, or sent by an earlier milestone, is the same notification; a new one goes with its batch.</summary>
    private sealed class AheadOutbox(HashSet<string> queued) : INotificationSink
    {
        public List<Notification> Batch { get; set; } = [];

        public bool Add(Notification notification)
        {
            ArgumentNullException.ThrowIfNull(notification);
            if (!queued.Add(notification.Key))
            {
                return false;
            }

            Batch.Add(notification);
            return true;
        }
    }
}
