using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Progress;

/// <summary>
/// The milestones' counts kept up to date on write (<see cref="ProgressCountRecord"/>): every
/// change of a milestone's plan, lead, effective due date, state or done date moves one count from
/// its old facet to its new one, in the same transaction (<see cref="WorkflowDbContext"/> does it on
/// every save; the import, which writes milestones set-wise, adds each batch). A page sums a few
/// thousand counts instead of grouping a million milestones.
/// </summary>
/// <remarks>
/// <para><b>A facet</b> is what <see cref="ProgressRules"/> can tell apart: removed milestones are
/// in none; a done milestone is Finished with a done date that stands for "on time" (0001-01-01) or
/// "late" (the day after its due date), which the rules judge as they judge the real one on every
/// day on or after it; an open one is Dormant or Waiting (chased) with its due date. The per-lead
/// grain also drops the due date where no state reads it (done and dormant milestones), which is
/// why it answers no question about due dates.</para>
/// <para><b>A day before a done date.</b> Each count keeps the latest real done date it holds. A
/// day judged before it (a report of a past quarter, a test) counts those milestones themselves:
/// the rules of that day minus the rules of a day after every done date, over the milestones done
/// after the day (none, for today).</para>
/// </remarks>
public static class ProgressTally
{
    private static readonly DateOnly OnTime = DateOnly.MinValue;
    private static readonly DateOnly LateWithoutDue = DateOnly.MinValue.AddDays(1);

    /// <summary>The per-plan facet of a milestone (Key left empty).</summary>
    internal static readonly Expression<Func<MilestoneRecord, ProgressCountRecord>> PerPlan = m => new ProgressCountRecord
    {
        Key = string.Empty,
        PlanId = m.PlanId,
        Lead = null,
        EffectiveDue = m.EffectiveDue,
        Status = m.DoneOn != null ? RunStatus.Finished : m.Status == RunStatus.Dormant ? RunStatus.Dormant : RunStatus.Waiting,
        DoneOn = m.DoneOn == null ? null : m.EffectiveDue != null && m.DoneOn > m.EffectiveDue ? m.EffectiveDue.Value.AddDays(1) : OnTime,
        Count = 1,
        LastDoneOn = m.DoneOn,
    };

    /// <summary>The per-lead facet of a milestone (Key left empty): the due date only where a state reads it.</summary>
    internal static readonly Expression<Func<MilestoneRecord, ProgressCountRecord>> PerLead = m => new ProgressCountRecord
    {
        Key = string.Empty,
        PlanId = m.PlanId,
        Lead = m.Lead,
        EffectiveDue = m.DoneOn != null
            ? (m.EffectiveDue != null && m.DoneOn > m.EffectiveDue ? OnTime : null)
            : m.Status == RunStatus.Dormant ? null : m.EffectiveDue,
        Status = m.DoneOn != null ? RunStatus.Finished : m.Status == RunStatus.Dormant ? RunStatus.Dormant : RunStatus.Waiting,
        DoneOn = m.DoneOn == null ? null : m.EffectiveDue != null && m.DoneOn > m.EffectiveDue ? LateWithoutDue : OnTime,
        Count = 1,
        LastDoneOn = m.DoneOn,
    };

    /// <summary>Milestones in some count: every row but the removed ones (the rules' <see cref="ProgressRules.Counted"/>, which does not depend on the day).</summary>
    internal static readonly Expression<Func<MilestoneRecord, bool>> Counted = ProgressRules.For(new NodaTime.LocalDate(2000, 1, 1)).Counted;

    private static readonly Func<MilestoneRecord, ProgressCountRecord> PerPlanOf = PerPlan.Compile();
    private static readonly Func<MilestoneRecord, ProgressCountRecord> PerLeadOf = PerLead.Compile();
    private static readonly Func<MilestoneRecord, bool> IsCounted = Counted.Compile();

    /// <summary>The columns whose change moves a milestone's facet.</summary>
    private static readonly string[] Read = [nameof(MilestoneRecord.PlanId), nameof(MilestoneRecord.Lead), nameof(MilestoneRecord.EffectiveDue), nameof(MilestoneRecord.Status), nameof(MilestoneRecord.DoneOn)];

    /// <summary>The upsert's ending: an increment of the count a row meets.</summary>
    internal static string OnConflict(Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper sql, string table)
    {
        ArgumentNullException.ThrowIfNull(sql);
        string T(string column) => $"{sql.DelimitIdentifier(table)}.{sql.DelimitIdentifier(column)}";
        string X(string column) => $"excluded.{sql.DelimitIdentifier(column)}";
        var count = nameof(ProgressCountRecord.Count);
        var last = nameof(ProgressCountRecord.LastDoneOn);
        return $" ON CONFLICT ({sql.DelimitIdentifier(nameof(ProgressCountRecord.Key))}) DO UPDATE SET {sql.DelimitIdentifier(count)} = {T(count)} + {X(count)}, "
            + $"{sql.DelimitIdentifier(last)} = CASE WHEN {T(last)} IS NULL OR {X(last)} > {T(last)} THEN {X(last)} ELSE {T(last)} END";
    }

    /// <summary>The row's identity: its facet's columns joined ("*" for the per-plan grain's lead, "-" for a missing date).</summary>
    internal static string KeyOf(ProgressCountRecord r) => string.Join(
        '|',
        r.PlanId,
        r.Lead ?? "*",
        r.EffectiveDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        r.Status.ToString(),
        r.DoneOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    /// <summary>The counts a set of milestones adds (<paramref name="sign"/> 1) or takes away (−1), both grains.</summary>
    internal static IEnumerable<ProgressCountRecord> Facets(MilestoneRecord milestone, int sign)
    {
        if (!IsCounted(milestone))
        {
            yield break;
        }

        foreach (var facet in new[] { PerPlanOf(milestone), PerLeadOf(milestone) })
        {
            facet.Count = sign;
            facet.LastDoneOn = sign > 0 ? facet.LastDoneOn : null;
            yield return facet;
        }
    }

    /// <summary>The counts of <paramref name="facets"/> summed by row (a row whose count does not move and whose latest done date does not change is left out).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // an import's batches, from the first
    internal static List<ProgressCountRecord> Sum(IEnumerable<ProgressCountRecord> facets)
    {
        // Summed by the facet's fields first, so the key text is made once a row, not once a milestone (an import's
        // batch of thousands falls in a handful of rows); then by that text, which is the row's identity.
        var byFacet = new Dictionary<(string PlanId, string? Lead, DateOnly? EffectiveDue, RunStatus Status, DateOnly? DoneOn), ProgressCountRecord>();
        foreach (var facet in facets)
        {
            Add(byFacet, (facet.PlanId, facet.Lead, facet.EffectiveDue, facet.Status, facet.DoneOn), facet);
        }

        var rows = new Dictionary<string, ProgressCountRecord>(StringComparer.Ordinal);
        foreach (var facet in byFacet.Values)
        {
            facet.Key = KeyOf(facet);
            Add(rows, facet.Key, facet);
        }

        return [.. rows.Values.Where(r => r.Count != 0 || r.LastDoneOn is not null)];
    }

    private static void Add<TKey>(Dictionary<TKey, ProgressCountRecord> rows, TKey key, ProgressCountRecord facet)
        where TKey : notnull
    {
        if (rows.TryGetValue(key, out var row))
        {
            row.Count += facet.Count;
            row.LastDoneOn = Later(row.LastDoneOn, facet.LastDoneOn);
        }
        else
        {
            rows[key] = facet;
        }
    }

    /// <summary>What the tracked milestone changes of <paramref name="tracker"/> move, before they are saved.</summary>
    internal static List<ProgressCountRecord> Pending(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var facets = new List<ProgressCountRecord>();
        foreach (var entry in tracker.Entries<MilestoneRecord>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    facets.AddRange(Facets(entry.Entity, 1));
                    break;
                case EntityState.Deleted:
                    facets.AddRange(Facets((MilestoneRecord)entry.OriginalValues.ToObject(), -1));
                    break;
                case EntityState.Modified when Read.Any(p => entry.Property(p).IsModified):
                    facets.AddRange(Facets((MilestoneRecord)entry.OriginalValues.ToObject(), -1));
                    facets.AddRange(Facets(entry.Entity, 1));
                    break;
            }
        }

        return facets.Count == 0 ? [] : Sum(facets);
    }

    /// <summary>Adds <paramref name="rows"/> (summed by <see cref="Sum"/>) to the stored counts, on the context's connection and transaction.</summary>
    internal static async Task ApplyAsync(WorkflowDbContext db, IReadOnlyList<ProgressCountRecord> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rows.Count == 0)
        {
            return;
        }

        using var upsert = Upsert(db);
        await upsert.InsertAsync(rows, ct).ConfigureAwait(false);
    }

    /// <summary>Counts new milestones just written set-wise (an import's batch), in the same transaction.</summary>
    internal static Task AddAsync(WorkflowDbContext db, IEnumerable<MilestoneRecord> milestones, CancellationToken ct) =>
        ApplyAsync(db, Sum(milestones.SelectMany(m => Facets(m, 1))), ct);

    /// <summary>
    /// Counts every milestone again from the rows themselves, set-wise (one GROUP BY per grain): for
    /// milestones changed by SQL outside the runtime (the web bench's states), and to check the counts.
    /// </summary>
    public static async Task RebuildAsync(WorkflowDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ProgressCounts.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        foreach (var grain in new[] { PerPlan, PerLead })
        {
            var rows = await TruthAsync(db, grain, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                row.Key = KeyOf(row);
            }

            await ApplyAsync(db, rows, ct).ConfigureAwait(false);
        }
    }

    /// <summary>What the counts of one grain must be, grouped from the milestones themselves.</summary>
    internal static async Task<List<ProgressCountRecord>> TruthAsync(WorkflowDbContext db, Expression<Func<MilestoneRecord, ProgressCountRecord>> grain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.Milestones.AsNoTracking().Where(Counted).Select(grain)
            .GroupBy(r => new { r.PlanId, r.Lead, r.EffectiveDue, r.Status, r.DoneOn })
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(r => r.LastDoneOn) })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. groups.Select(g => new ProgressCountRecord
        {
            Key = string.Empty, PlanId = g.Key.PlanId, Lead = g.Key.Lead, EffectiveDue = g.Key.EffectiveDue, Status = g.Key.Status, DoneOn = g.Key.DoneOn, Count = g.Count, LastDoneOn = g.Last,
        })];
    }

    private static BulkInsert<ProgressCountRecord> Upsert(WorkflowDbContext db)
    {
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var table = db.Model.FindEntityType(typeof(ProgressCountRecord))!.GetTableName()!;
        return new BulkInsert<ProgressCountRecord>(db) { Suffix = OnConflict(sql, table) };
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
