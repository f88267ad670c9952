using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

/// <summary>An import's new milestones started on a thread of their own while the batches before them are written.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Started batches that may wait for the writer: the engine runs at most this far ahead, so memory stays bounded.</summary>
    private const int BatchesAhead = 2;

    /// <summary>
    /// Starts the workflows of <paramref name="fresh"/> a batch of <paramref name="size"/> at a time on a thread of
    /// its own and yields each batch ready to write: the engine's work for a batch overlaps the database's for
    /// the one before (two cores, each busy). The engine never touches the database there: what a catch-up sends
    /// is checked against <paramref name="queued"/> (see <see cref="QueuedKeysAsync"/>) and written with its batch.
    /// </summary>
    /// <remarks>
    /// A failure of the engine ends the batches and is thrown here after the last good one, so the import's
    /// transaction rolls back as it would have; a failure of the writer stops the engine's thread before this returns.
    /// </remarks>
    private async IAsyncEnumerable<StartedBatch> StartAheadAsync(
        IEnumerable<(MilestoneRun Run, WorkflowDefinition Definition, PlanTask Task)> fresh,
        int size,
        Action<MilestoneRun, WorkflowDefinition, INotificationSink> start,
        HashSet<string> queued,
        string by,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<StartedBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return batch;
            }

            await producer.ConfigureAwait(false); // the engine's failure, if it ended the batches
        }
        finally
        {
            if (!producer.IsCompleted)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false); // the writer's failure is the one to report
            }
        }

        async Task ProduceAsync(ChannelWriter<StartedBatch> batches, CancellationToken token)
        {
            try
            {
                var outbox = new AheadOutbox(queued);
                foreach (var chunk in fresh.Chunk(size))
                {
                    var batch = new StartedBatch(chunk.Length);
                    outbox.Batch = batch.Sent;
                    var recordedAt = clock.RealNow;
                    foreach (var (run, definition, task) in chunk)
                    {
                        start(run, definition, outbox);
                        var row = MilestoneMapping.NewRecord(run, LabelOf(task, run));
                        row.TaskRow = task.Row;
                        foreach (var entry in run.History)
                        {
                            batch.History.Add((batch.Rows.Count, MilestoneMapping.ToRecord(entry, 0, by, recordedAt)));
                        }

                        batch.Rows.Add(row);
                    }

                    await batches.WriteAsync(batch, token).ConfigureAwait(false);
                }
            }
            finally
            {
                batches.TryComplete();
            }
        }
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
