using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Workflow.Host.Runtime;

/// <summary>
/// Batches prepared on a thread of their own while the caller writes the ones before: a large import's
/// CPU work (records built, workflows started) overlaps the database's, two cores each busy. The preparing
/// thread runs at most <see cref="Depth"/> batches ahead, so memory stays bounded however many items come.
/// </summary>
/// <remarks>
/// <c>prepare</c> runs on that thread, one batch after another: it must not touch what the caller uses
/// meanwhile (the import's DbContext). Its failure ends the batches and is thrown to the caller after the
/// last good one, so a transaction around the loop rolls back as it would have; the caller's failure (or
/// leaving the loop early) stops the thread before the enumeration is disposed.
/// </remarks>
internal static class BatchesAhead
{
    /// <summary>How many prepared batches may wait for the caller.</summary>
    public const int Depth = 2;

    /// <summary>The items of <paramref name="items"/>, <paramref name="size"/> at a time, each chunk turned into a batch by <paramref name="prepare"/>.</summary>
    /// <remarks>The arguments are checked when this is called, not when the batches are first asked for (an iterator's own checks wait for that).</remarks>
    public static IAsyncEnumerable<TBatch> PrepareAsync<T, TBatch>(IEnumerable<T> items, int size, Func<T[], TBatch> prepare, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Prepared(items, size, prepare, ct);
    }

    private static async IAsyncEnumerable<TBatch> Prepared<T, TBatch>(IEnumerable<T> items, int size, Func<T[], TBatch> prepare, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<TBatch>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return batch;
            }

            await producer.ConfigureAwait(false); // prepare's failure, if it ended the batches
        }
        finally
        {
            if (!producer.IsCompleted)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false); // the caller's failure is the one to report
            }
        }

        async Task ProduceAsync(ChannelWriter<TBatch> batches, CancellationToken token)
        {
            try
            {
                foreach (var chunk in items.Chunk(size))
                {
                    await batches.WriteAsync(prepare(chunk), token).ConfigureAwait(false);
                }
            }
            finally
            {
                batches.TryComplete();
            }
        }
    }
}
