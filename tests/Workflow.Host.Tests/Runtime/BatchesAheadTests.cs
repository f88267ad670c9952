using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// The producer a large import starts its workflows on: every item once and in order, never more than
/// <see cref="BatchesAhead.Depth"/> batches waiting, its failure thrown after the good batches, its thread
/// stopped when the caller leaves early, and its arguments refused when it is called.
/// </summary>
public sealed class BatchesAheadTests
{
    [Fact]
    public async Task Every_item_comes_once_in_order_in_batches_of_the_size_asked()
    {
        var batches = new List<int[]>();
        await foreach (var batch in BatchesAhead.PrepareAsync(Enumerable.Range(1, 10), 4, chunk => chunk, CancellationToken.None))
        {
            batches.Add(batch);
        }

        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(1, 10), batches.SelectMany(b => b));
    }

    [Fact]
    public async Task The_preparing_thread_runs_at_most_the_depth_ahead_of_the_caller()
    {
        var prepared = 0;
        var taken = 0;
        var mostAhead = 0;
        await foreach (var batch in BatchesAhead.PrepareAsync(Enumerable.Range(1, 40), 1, chunk => Interlocked.Increment(ref prepared), CancellationToken.None))
        {
            taken++;
            await WaitUntilAsync(() => Volatile.Read(ref prepared) == 40 || Volatile.Read(ref prepared) - taken >= BatchesAhead.Depth);
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref prepared) - taken);
        }

        Assert.Equal(40, taken);
        // The depth waiting in the channel, and one more prepared and blocked on writing it.
        Assert.InRange(mostAhead, BatchesAhead.Depth, BatchesAhead.Depth + 1);
    }

    [Fact]
    public async Task A_failure_to_prepare_is_thrown_after_the_batches_before_it()
    {
        var received = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var batch in BatchesAhead.PrepareAsync(Enumerable.Range(1, 5), 1, chunk => chunk[0] == 4 ? throw new InvalidOperationException("hỏng ở 4") : chunk[0], CancellationToken.None))
            {
                received.Add(batch);
            }
        });

        Assert.Equal("hỏng ở 4", error.Message);
        Assert.Equal([1, 2, 3], received);
    }

    [Fact]
    public async Task Leaving_early_stops_the_preparing_thread()
    {
        var prepared = 0;
        await foreach (var batch in BatchesAhead.PrepareAsync(Enumerable.Range(1, 1_000), 1, chunk => Interlocked.Increment(ref prepared), CancellationToken.None))
        {
            if (batch == 3)
            {
                break;
            }
        }

        var afterLeaving = Volatile.Read(ref prepared);
        Assert.InRange(afterLeaving, 3, 3 + BatchesAhead.Depth + 1);
        await Task.Yield();
        Assert.Equal(afterLeaving, Volatile.Read(ref prepared)); // disposing waited for the thread to end
    }

    [Fact]
    public void Its_arguments_are_checked_when_it_is_called()
    {
        Assert.Throws<ArgumentNullException>(() => BatchesAhead.PrepareAsync<int, int>(null!, 1, c => c.Length, CancellationToken.None));
        Assert.Throws<ArgumentNullException>(() => BatchesAhead.PrepareAsync<int, int>([1], 1, null!, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchesAhead.PrepareAsync([1], 0, c => c.Length, CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
