using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

// The task list: a page of milestones with their tasks, by keyset from a position, in the list's total order.
public sealed partial class ProgressQueries
{
    /// <summary>
    /// A page of milestones with their task, ordered by effective due date (undated last), then plan,
    /// task row and milestone number.
    /// </summary>
    /// <remarks>
    /// The agency filter matches one whole id of the comma-separated lead list ("so-tp" never
    /// matches "so-tpx"). The text search folds case and Vietnamese diacritics on both sides; it
    /// reads the candidate tasks' text (activity, product, number: far fewer rows than milestones)
    /// and filters the milestones in SQL by the tasks that match.
    /// </remarks>
    public async Task<TaskPage> TasksAsync(TaskFilter filter, LocalDate today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Skip, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Take, 1, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Take, TaskFilter.MaxTake, nameof(filter));
        var rules = RulesFor(today);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var byAgency = !string.IsNullOrWhiteSpace(filter.AgencyId);
        var led = byAgency ? MilestoneMapping.LedBy(filter.AgencyId!.Trim()) : null;
        var needle = string.IsNullOrWhiteSpace(filter.Search) ? null : TextFolding.Fold(filter.Search);

        // What the counts count (the rules' milestones, of the agency when one is chosen), then what the list shows of them.
        IQueryable<MilestoneRecord> Counted(IQueryable<MilestoneRecord> q) => led is null ? q.Where(rules.Counted) : q.Where(rules.Counted).Where(led);
        IQueryable<MilestoneRecord> Listed(IQueryable<MilestoneRecord> q)
        {
            q = Counted(q);
            if (filter.State is { } state)
            {
                q = q.Where(rules.Of(state));
            }

            // One condition in SQL over the folded text kept with each task: no list of matching
            // tasks goes to the database, so a search that matches every task works as well.
            return needle is null ? q : q.Where(m => db.Tasks.Any(t => t.PlanId == m.PlanId && t.TaskId == m.TaskId && t.SearchText.Contains(needle)));
        }

        var (scoped, counts, plans) = await ForPlanAsync(db, filter.PlanId, filter.Scope, perLead: byAgency, ct).ConfigureAwait(false);
        if (led is not null)
        {
            counts = counts.Where(ProgressAggregation.OverCounts(led));
        }

        // Without a text, how many match is summed from the counts kept on write: no count of a million rows a page.
        int? total = null;
        if (needle is null)
        {
            var all = (await CountAsync(Counted(scoped), counts, m => 1, c => 1, byAgency ? ProgressTally.PerLead : ProgressTally.PerPlan, rules, ct).ConfigureAwait(false)).GetValueOrDefault(1, ProgressCounts.Zero);
            total = filter.State is { } s ? all.Of(s) : all.Total;
        }

        var milestones = Listed(scoped);
        total ??= await milestones.CountAsync(ct).ConfigureAwait(false);
        var page = plans is { Count: > 1 }
            ? await MergedPageAsync([.. plans.Select(plan => Listed(db.Milestones.AsNoTracking().Where(m => m.PlanId == plan)))], filter, ct).ConfigureAwait(false)
            : await PageAsync(milestones, filter, ct).ConfigureAwait(false);
        var planIds = page.Select(m => m.PlanId).Distinct().ToList();
        var taskIds = page.Select(m => m.TaskId).Distinct().ToList();
        var tasks = (await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && taskIds.Contains(t.TaskId))
            .Select(t => new { t.PlanId, t.TaskId, t.Activity, t.Product }).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(t => (t.PlanId, t.TaskId));
        var rows = page.Select(m => new TaskRow(
            m.PlanId,
            m.TaskId,
            m.Number,
            tasks.TryGetValue((m.PlanId, m.TaskId), out var task) ? task.Activity : string.Empty,
            task?.Product,
            m.Label,
            Date(m.EffectiveDue),
            Date(m.DoneOn),
            rules.StateOf(m) ?? throw new InvalidOperationException("a removed milestone passed the filter"),
            MilestoneMapping.LeadIds(m.Lead))).ToList();
        return new TaskPage(rows, total.Value, filter.Skip, filter.Take) { First = page.Select(CursorOf).FirstOrDefault(), Last = page.Select(CursorOf).LastOrDefault() };
    }

    private static TaskCursor CursorOf(MilestoneRecord m) => new(m.EffectiveDue, m.PlanId, m.TaskRow, m.TaskId, m.Number);

    /// <summary>
    /// One page in the list's order: the dated milestones along the (EffectiveDue, PlanId, TaskRow,
    /// TaskId, Number) index, then the undated ones along the same index, each read from the cursor's
    /// position, so a page costs its own rows however deep it is (a page given only by
    /// <see cref="TaskFilter.Skip"/> skips its rows).
    /// </summary>
    private static async Task<List<MilestoneRecord>> PageAsync(IQueryable<MilestoneRecord> milestones, TaskFilter filter, CancellationToken ct)
    {
        var dated = milestones.Where(m => m.EffectiveDue != null);
        var undated = milestones.Where(m => m.EffectiveDue == null);
        if (filter.Before is { } before)
        {
            // Backwards from the cursor, then turned around.
            var back = await Descending(before.Due is null ? undated.Where(Before(before)) : dated.Where(Before(before))).Take(filter.Take).ToListAsync(ct).ConfigureAwait(false);
            if (before.Due is null && back.Count < filter.Take)
            {
                back.AddRange(await Descending(dated).Take(filter.Take - back.Count).ToListAsync(ct).ConfigureAwait(false));
            }

            back.Reverse();
            return back;
        }

        var skip = filter.After is null ? filter.Skip : 0;
        var inDated = filter.After is { Due: null } ? [] : await Ascending(filter.After is { } after ? dated.Where(After(after)) : dated).Skip(skip).Take(filter.Take).ToListAsync(ct).ConfigureAwait(false);
        if (inDated.Count == filter.Take)
        {
            return inDated;
        }

        if (skip > 0 && inDated.Count == 0)
        {
            skip -= await dated.CountAsync(ct).ConfigureAwait(false); // past the dated milestones: how far into the undated
        }
        else
        {
            skip = 0;
        }

        inDated.AddRange(await Ascending(filter.After is { Due: null } after2 ? undated.Where(After(after2)) : undated).Skip(Math.Max(0, skip)).Take(filter.Take - inDated.Count).ToListAsync(ct).ConfigureAwait(false));
        return inDated;
    }

    /// <summary>
    /// The page when the scope is some plans but not all: each plan's page (one query a plan, on
    /// that plan alone) read along its own (plan, due…) index, then merged in the list's order. One query over the scope would walk the
    /// (due, plan…) index through every milestone of the plans left out (the closed ones, which come
    /// first by date), or take the plan-first index and sort all the scope's milestones: either is a
    /// read of most of the table at national scale, where this reads a page a plan.
    /// </summary>
    /// <remarks>Plans tied on a due date are ordered by their id, ordinally, as SQLite's and the C collation compare them.</remarks>
    private static async Task<List<MilestoneRecord>> MergedPageAsync(IReadOnlyList<IQueryable<MilestoneRecord>> plans, TaskFilter filter, CancellationToken ct)
    {
        var skip = filter.After is null && filter.Before is null ? filter.Skip : 0;
        var each = filter with { Skip = 0, Take = skip + filter.Take };
        var rows = new List<MilestoneRecord>();
        foreach (var plan in plans)
        {
            rows.AddRange(await PageAsync(plan, each, ct).ConfigureAwait(false));
        }

        rows.Sort(InListOrder);
        return filter.Before is not null
            ? rows.GetRange(Math.Max(0, rows.Count - filter.Take), Math.Min(filter.Take, rows.Count))
            : [.. rows.Skip(skip).Take(filter.Take)];
    }

    /// <summary>The list's order: by due date (undated last), plan, task row, task, milestone number.</summary>
    private static int InListOrder(MilestoneRecord a, MilestoneRecord b)
    {
        var order = (a.EffectiveDue, b.EffectiveDue) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.CompareTo(y),
        };
        return order != 0 ? order
            : string.CompareOrdinal(a.PlanId, b.PlanId) is var plan and not 0 ? plan
            : a.TaskRow.CompareTo(b.TaskRow) is var row and not 0 ? row
            : string.CompareOrdinal(a.TaskId, b.TaskId) is var task and not 0 ? task
            : a.Number.CompareTo(b.Number);
    }

    private static IQueryable<MilestoneRecord> Ascending(IQueryable<MilestoneRecord> q) =>
        q.OrderBy(m => m.EffectiveDue).ThenBy(m => m.PlanId).ThenBy(m => m.TaskRow).ThenBy(m => m.TaskId).ThenBy(m => m.Number);

    private static IQueryable<MilestoneRecord> Descending(IQueryable<MilestoneRecord> q) =>
        q.OrderByDescending(m => m.EffectiveDue).ThenByDescending(m => m.PlanId).ThenByDescending(m => m.TaskRow).ThenByDescending(m => m.TaskId).ThenByDescending(m => m.Number);

    /// <summary>Rows after <paramref name="c"/> in the list's order, within its segment (dated or undated); the leading range on the due date lets the index seek.</summary>
    private static Expression<Func<MilestoneRecord, bool>> After(TaskCursor c) => c.Due is { } d
        ? m => m.EffectiveDue >= d && (m.EffectiveDue > d || m.PlanId.CompareTo(c.Plan) > 0 || (m.PlanId == c.Plan && (m.TaskRow > c.Row || (m.TaskRow == c.Row && (m.TaskId.CompareTo(c.Task) > 0 || (m.TaskId == c.Task && m.Number > c.Number))))))
        : m => m.PlanId.CompareTo(c.Plan) > 0 || (m.PlanId == c.Plan && (m.TaskRow > c.Row || (m.TaskRow == c.Row && (m.TaskId.CompareTo(c.Task) > 0 || (m.TaskId == c.Task && m.Number > c.Number)))));

    /// <summary>Rows before <paramref name="c"/> in the list's order, within its segment.</summary>
    private static Expression<Func<MilestoneRecord, bool>> Before(TaskCursor c) => c.Due is { } d
        ? m => m.EffectiveDue <= d && (m.EffectiveDue < d || m.PlanId.CompareTo(c.Plan) < 0 || (m.PlanId == c.Plan && (m.TaskRow < c.Row || (m.TaskRow == c.Row && (m.TaskId.CompareTo(c.Task) < 0 || (m.TaskId == c.Task && m.Number < c.Number))))))
        : m => m.PlanId.CompareTo(c.Plan) < 0 || (m.PlanId == c.Plan && (m.TaskRow < c.Row || (m.TaskRow == c.Row && (m.TaskId.CompareTo(c.Task) < 0 || (m.TaskId == c.Task && m.Number < c.Number)))));
}
