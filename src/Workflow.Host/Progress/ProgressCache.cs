using Microsoft.EntityFrameworkCore;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

/// <summary>
/// The dashboard's counts, computed once and shared while the database shows no change: each
/// request reads a stamp of the data (two index lookups) and gets the counts computed under the
/// same stamp, at most <c>maxAge</c> old; requests arriving while the counts are computed
/// wait for that one computation.
/// </summary>
/// <remarks>
/// <para><b>The stamp.</b> Every change of a milestone (import, timer step, report, event,
/// extension) is made by <see cref="Runtime.WorkflowRuntime"/> in one transaction with its history
/// rows, so the highest history id moves with every change of what the counts read; a plan
/// re-imported with new titles changes <see cref="PlanRecord.ImportedAtUtc"/>, a plan closed,
/// reopened or archived changes <see cref="PlanRecord.StatusChangedAtUtc"/>; a new plan changes
/// the number of plans. The stamp is read before the counts, so a change committed in between
/// makes the counts newer than their stamp, never older; the next request sees a new stamp and
/// counts again. It holds for every process on the database (the commands, other cluster nodes).</para>
/// <para><b>The age limit.</b> On PostgreSQL two transactions can commit their history ids out of
/// order, and a row changed by hand with SQL writes no history: such a change shows within
/// <c>maxAge</c> (5 seconds in the server). The day judged is part of the key.</para>
/// <para>Results are shared between requests: they are immutable records and read-only lists.</para>
/// </remarks>
internal sealed class ProgressCache(TimeSpan maxAge, TimeProvider? time = null)
{
    private const int MaxEntries = 256;

    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The stamp of the data the counts read.</summary>
    public static async Task<string> StampAsync(WorkflowDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var history = await db.History.MaxAsync(h => (long?)h.Id, ct).ConfigureAwait(false);
        var plans = await db.Plans.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(p => p.ImportedAtUtc), Status = g.Max(p => p.StatusChangedAtUtc) }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return FormattableString.Invariant($"{history}|{plans?.Count}|{plans?.Last.ToUnixTimeTicks()}|{plans?.Status?.ToUnixTimeTicks()}");
    }

    /// <summary>The value of <paramref name="key"/> computed under <paramref name="stamp"/>, computing it when there is none.</summary>
    public async Task<T> GetAsync<T>(string key, string stamp, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        Lazy<Task<object>> value;
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry) || entry.Stamp != stamp || time.GetElapsedTime(entry.Created) >= maxAge
                || entry.Value.IsValueCreated && (entry.Value.Value.IsFaulted || entry.Value.Value.IsCanceled))
            {
                if (entries.Count >= MaxEntries)
                {
                    entries.Clear();
                }

                // Not cancelled by the first caller: the others wait for the same computation.
                entry = new Entry(stamp, time.GetTimestamp(), new Lazy<Task<object>>(async () => await compute(CancellationToken.None).ConfigureAwait(false)));
                entries[key] = entry;
            }

            value = entry.Value;
        }

        return (T)await value.Value.WaitAsync(ct).ConfigureAwait(false);
    }

    private sealed record Entry(string Stamp, long Created, Lazy<Task<object>> Value);
}
