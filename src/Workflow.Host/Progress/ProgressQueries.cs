using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

/// <summary>
/// "How are the plans doing": the one source of the dashboard's, the agency view's, the API's and
/// the periodic report's numbers. Every count is built from <see cref="ProgressRules"/>: the
/// overview, the quarters, the agency view and the task list's total sum the counts kept on write
/// (<see cref="ProgressTally"/>); the periodic report, whose period cuts through them, groups the
/// milestones in SQL. No query loads all milestones.
/// </summary>
public sealed class ProgressQueries(IDbContextFactory<WorkflowDbContext> databases, AgencyDirectory agencies, ProgressOptions? options = null)
{
    // Joins a plan id and a task id into one key; neither contains a control character.
    private const char KeySeparator = '\u001f';

    private readonly IDbContextFactory<WorkflowDbContext> databases = databases ?? throw new ArgumentNullException(nameof(databases));
    private readonly AgencyDirectory agencies = agencies ?? throw new ArgumentNullException(nameof(agencies));
    private readonly int dueSoonDays = (options ?? new ProgressOptions()).DueSoonDays;
    private readonly ProgressCache? cache = options is { CacheFor.Ticks: > 0 } ? new ProgressCache(options.CacheFor) : null;

    /// <summary>The rules these queries apply on <paramref name="today"/>.</summary>
    public ProgressRules RulesFor(LocalDate today) => ProgressRules.For(today, dueSoonDays);

    /// <summary>Every active plan's counts on <paramref name="today"/> (plans newest first), and their sum.</summary>
    public Task<ProgressOverview> OverviewAsync(LocalDate today, CancellationToken ct = default) => OverviewAsync(today, null, PlanScope.Active, ct);

    /// <summary>The active plans' counts; see <see cref="OverviewAsync(LocalDate, DateInterval?, PlanScope, CancellationToken)"/>.</summary>
    public Task<ProgressOverview> OverviewAsync(LocalDate today, DateInterval? dueWithin, CancellationToken ct = default) => OverviewAsync(today, dueWithin, PlanScope.Active, ct);

    /// <summary>
    /// Every plan: what it is, its years, its status (who, when, why), its last day of chase and its
    /// milestones, newest first.
    /// </summary>
    public async Task<IReadOnlyList<PlanSummary>> PlanListAsync(AnnualDate defaultClosing, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var plans = await db.Plans.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var counts = await db.ProgressCounts.AsNoTracking().Where(c => c.Lead == null).GroupBy(c => c.PlanId)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. plans
            .OrderByDescending(p => p.TrackedYear).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p =>
            {
                var tracking = Runtime.PlanLifecycle.Tracking(p);
                var years = tracking is null ? string.Empty
                    : tracking.LastYear is not { } last ? FormattableString.Invariant($"{tracking.FirstYear}-")
                    : last == tracking.FirstYear ? FormattableString.Invariant($"{last}")
                    : FormattableString.Invariant($"{tracking.FirstYear}-{last}");
                return new PlanSummary(p.Id, p.Number, p.Title, p.TrackedYear, years, p.Status, Date(p.StatusOn), p.StatusBy, p.StatusReason,
                    tracking?.ClosingDay(defaultClosing), counts.GetValueOrDefault(p.Id));
            })];
    }

    /// <summary>
    /// Every plan's counts on <paramref name="today"/>, of the milestones whose effective due date
    /// falls within <paramref name="dueWithin"/> (all milestones when null; milestones with no due
    /// date only then).
    /// </summary>
    public Task<ProgressOverview> OverviewAsync(LocalDate today, DateInterval? dueWithin, PlanScope scope, CancellationToken ct = default) =>
        CachedAsync(FormattableString.Invariant($"overview{KeySeparator}{today}{KeySeparator}{dueWithin?.Start}{KeySeparator}{dueWithin?.End}{KeySeparator}{scope}"), c => CountOverviewAsync(today, dueWithin, scope, c), ct);

    private async Task<ProgressOverview> CountOverviewAsync(LocalDate today, DateInterval? dueWithin, PlanScope scope, CancellationToken ct)
    {
        var rules = RulesFor(today);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (milestones, counts, _) = await ForPlanAsync(db, null, scope, perLead: false, ct).ConfigureAwait(false);
        if (dueWithin is not null)
        {
            milestones = milestones.Where(DueWithin(dueWithin));
            counts = counts.Where(ProgressAggregation.OverCounts(DueWithin(dueWithin)));
        }

        var byPlan = await CountAsync(milestones, counts, m => m.PlanId, c => c.PlanId, ProgressTally.PerPlan, rules, ct).ConfigureAwait(false);
        var plans = (await PlansAsync(db, byPlan.Keys, keepEmpty: true, ct).ConfigureAwait(false))
            .Where(p => scope.Includes(p.Status)).ToList();
        var rows = plans.Select(p => p with { Counts = byPlan.GetValueOrDefault(p.PlanId, ProgressCounts.Zero) }).ToList();
        return new ProgressOverview(today, rows, ProgressCounts.Sum(rows.Select(r => r.Counts)));
    }

    /// <summary>
    /// Per quarter of the effective due date (oldest first): due, done on time, done late, overdue,
    /// open, judged on <paramref name="today"/>. Milestones with no due date are in no quarter.
    /// </summary>
    public Task<IReadOnlyList<QuarterProgress>> QuartersAsync(string? planId, LocalDate today, CancellationToken ct = default) => QuartersAsync(planId, today, PlanScope.Active, ct);

    /// <summary>The quarters of <paramref name="planId"/>, or of every plan of <paramref name="scope"/>.</summary>
    public Task<IReadOnlyList<QuarterProgress>> QuartersAsync(string? planId, LocalDate today, PlanScope scope, CancellationToken ct = default) =>
        CachedAsync(FormattableString.Invariant($"quarters{KeySeparator}{planId ?? "*"}{KeySeparator}{planId is null}{KeySeparator}{today}{KeySeparator}{scope}"), c => CountQuartersAsync(planId, today, scope, c), ct);

    private async Task<IReadOnlyList<QuarterProgress>> CountQuartersAsync(string? planId, LocalDate today, PlanScope scope, CancellationToken ct)
    {
        var rules = RulesFor(today);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var (milestones, counts, _) = await ForPlanAsync(db, planId, scope, perLead: false, ct).ConfigureAwait(false);

        // Summed by the due date itself in SQL (a plan has a few hundred distinct dates) and folded into quarters here.
        var days = await CountAsync(milestones.Where(m => m.EffectiveDue != null), counts.Where(c => c.EffectiveDue != null), m => m.EffectiveDue!.Value, c => c.EffectiveDue!.Value, ProgressTally.PerPlan, rules, ct).ConfigureAwait(false);
        return [.. days
            .GroupBy(d => (d.Key.Year, Quarter: (d.Key.Month + 2) / 3))
            .OrderBy(q => q.Key.Year).ThenBy(q => q.Key.Quarter)
            .Select(q => new QuarterProgress(q.Key.Year, q.Key.Quarter, ProgressCounts.Sum(q.Select(m => m.Value))))];
    }

    /// <summary>
    /// Per lead agency (most overdue first, then by name): its counts, on-time rate and completion.
    /// A milestone with several lead agencies counts for each; a milestone with none for no agency.
    /// </summary>
    public Task<IReadOnlyList<AgencyProgress>> AgenciesAsync(string? planId, LocalDate today, CancellationToken ct = default) => AgenciesAsync(planId, today, PlanScope.Active, ct);

    /// <summary>Per lead agency, of <paramref name="planId"/> or of every plan of <paramref name="scope"/>.</summary>
    public Task<IReadOnlyList<AgencyProgress>> AgenciesAsync(string? planId, LocalDate today, PlanScope scope, CancellationToken ct = default) =>
        CachedAsync(FormattableString.Invariant($"agencies{KeySeparator}{planId ?? "*"}{KeySeparator}{planId is null}{KeySeparator}{today}{KeySeparator}{scope}"), async c =>
        {
            var rules = RulesFor(today);
            await using var db = await databases.CreateDbContextAsync(c).ConfigureAwait(false);
            var (milestones, counts, _) = await ForPlanAsync(db, planId, scope, perLead: true, c).ConfigureAwait(false);
            return PerAgency(await CountAsync(milestones, counts, m => m.Lead, r => r.Lead!, ProgressTally.PerLead, rules, c).ConfigureAwait(false));
        }, ct);

    /// <summary>Through the cache when there is one (<see cref="ProgressOptions.CacheFor"/>), else computed now.</summary>
    private async Task<T> CachedAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        if (cache is null)
        {
            return await compute(ct).ConfigureAwait(false);
        }

        string stamp;
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            stamp = await ProgressCache.StampAsync(db, ct).ConfigureAwait(false);
        }

        return await cache.GetAsync(key, stamp, compute, ct).ConfigureAwait(false);
    }

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

    /// <summary>
    /// The periodic report of <paramref name="period"/> of <paramref name="year"/> as of
    /// <paramref name="asOf"/>: see <see cref="QuarterlyReport"/> for what it counts and on which day.
    /// With <paramref name="planId"/>, only that plan; without, every plan with milestones due in the period.
    /// </summary>
    public Task<QuarterlyReport> ReportAsync(int year, ReportPeriod period, LocalDate asOf, string? planId = null, CancellationToken ct = default) =>
        ReportAsync(year, period, asOf, planId, PlanScope.Active, ct);

    /// <summary>The periodic report of <paramref name="planId"/>, or of every plan of <paramref name="scope"/> with milestones due in the period.</summary>
    public async Task<QuarterlyReport> ReportAsync(int year, ReportPeriod period, LocalDate asOf, string? planId, PlanScope scope, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var interval = new DateInterval(period.Start(year), period.End(year));
        var rules = RulesFor(LocalDate.Min(interval.End, asOf));
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var inPeriod = (await ForPlanAsync(db, planId, scope, perLead: false, ct).ConfigureAwait(false)).Milestones.Where(DueWithin(interval));

        var perPlan = await inPeriod.GroupBy(m => m.PlanId).CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
        var byPlan = perPlan.ToDictionary(c => c.Key, c => c.ToCounts(), StringComparer.Ordinal);
        var plans = (await PlansAsync(db, byPlan.Keys, keepEmpty: false, ct).ConfigureAwait(false))
            .Select(p => p with { Counts = byPlan.GetValueOrDefault(p.PlanId, ProgressCounts.Zero) })
            .Where(p => p.Counts.Total > 0 || p.PlanId == planId)
            .ToList();
        if (planId is not null && plans.Count == 0)
        {
            var only = await PlansAsync(db, [planId], keepEmpty: false, ct).ConfigureAwait(false);
            plans.AddRange(only.Where(p => p.PlanId == planId));
        }

        var perLead = await inPeriod.GroupBy(m => m.Lead).CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
        var perAgency = PerAgency(perLead.ToDictionary(r => r.Key, r => r.ToCounts(), StringComparer.Ordinal));
        var criteria = await PerCriterionAsync(db, inPeriod, planId, rules, ct).ConfigureAwait(false);
        return new QuarterlyReport(year, period, asOf, planId, plans, ProgressCounts.Sum(plans.Select(p => p.Counts)), perAgency, criteria);
    }

    /// <summary>
    /// The milestones of <paramref name="planId"/> (whatever its status), or of every plan of
    /// <paramref name="scope"/>, and their counts kept on write of one grain. When every plan is in
    /// scope there is no filter at all (milestones of a plan with no plan row, possible only by hand,
    /// count then).
    /// </summary>
    /// <returns>The milestones and counts in scope, and the plans of the scope when it is some but not all (null otherwise).</returns>
    private static async Task<(IQueryable<MilestoneRecord> Milestones, IQueryable<ProgressCountRecord> Counts, List<string>? Plans)> ForPlanAsync(WorkflowDbContext db, string? planId, PlanScope scope, bool perLead, CancellationToken ct)
    {
        var query = db.Milestones.AsNoTracking();
        var counts = perLead ? db.ProgressCounts.AsNoTracking().Where(c => c.Lead != null) : db.ProgressCounts.AsNoTracking().Where(c => c.Lead == null);
        if (planId is not null)
        {
            return (query.Where(m => m.PlanId == planId), counts.Where(c => c.PlanId == planId), null);
        }

        return await PlansInScopeAsync(db, scope, ct).ConfigureAwait(false) is { } inScope
            ? (query.Where(m => inScope.Contains(m.PlanId)), counts.Where(c => inScope.Contains(c.PlanId)), inScope)
            : (query, counts, null);
    }

    /// <summary>The ids of the plans of <paramref name="scope"/>; null when that is every plan (no filter needed).</summary>
    private static async Task<List<string>?> PlansInScopeAsync(WorkflowDbContext db, PlanScope scope, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Status }).ToListAsync(ct).ConfigureAwait(false);
        var inScope = plans.Where(p => scope.Includes(p.Status)).Select(p => p.Id).ToList();
        return inScope.Count == plans.Count ? null : inScope;
    }

    /// <summary>
    /// Each group's counts on the rules' day, summed from the counts kept on write. When the day
    /// judged comes before a done date they hold (see <see cref="ProgressTally"/>), the milestones
    /// done after the day are counted themselves, as that day judges them, in place of what their
    /// facets (<paramref name="grain"/>) add on that day.
    /// </summary>
    private static async Task<Dictionary<TKey, ProgressCounts>> CountAsync<TKey>(
        IQueryable<MilestoneRecord> milestones,
        IQueryable<ProgressCountRecord> counts,
        Expression<Func<MilestoneRecord, TKey>> milestoneKey,
        Expression<Func<ProgressCountRecord, TKey>> countKey,
        Expression<Func<MilestoneRecord, ProgressCountRecord>> grain,
        ProgressRules rules,
        CancellationToken ct)
        where TKey : notnull
    {
        var result = (await counts.GroupBy(countKey).SumProgress(rules).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(r => r.Key, r => r.ToCounts());
        var day = rules.Today.ToDateOnly();
        if (await counts.MaxAsync(c => c.LastDoneOn, ct).ConfigureAwait(false) is { } last && last > day)
        {
            var later = milestones.Where(m => m.DoneOn > day);
            var judged = await later.GroupBy(milestoneKey).CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
            var counted = (await later.Select(grain).GroupBy(countKey).SumProgress(rules).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(r => r.Key, r => r.ToCounts());
            foreach (var row in judged)
            {
                result[row.Key] = result.GetValueOrDefault(row.Key, ProgressCounts.Zero).Subtract(counted[row.Key]).Add(row.ToCounts());
            }
        }

        return result;
    }

    private static Expression<Func<MilestoneRecord, bool>> DueWithin(DateInterval interval)
    {
        var start = interval.Start.ToDateOnly();
        var end = interval.End.ToDateOnly();
        return m => m.EffectiveDue >= start && m.EffectiveDue <= end;
    }

    private static LocalDate? Date(DateOnly? date) => date is { } d ? LocalDate.FromDateOnly(d) : null;

    /// <summary>The plans of <paramref name="ids"/> (and, with <paramref name="keepEmpty"/>, every other plan too), newest first.</summary>
    private static async Task<List<PlanProgress>> PlansAsync(WorkflowDbContext db, IEnumerable<string> ids, bool keepEmpty, CancellationToken ct)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var records = await db.Plans.AsNoTracking()
            .Select(p => new { p.Id, p.Number, p.Title, p.TrackedYear, p.Status })
            .ToListAsync(ct).ConfigureAwait(false);
        var plans = records
            .Where(p => keepEmpty || wanted.Contains(p.Id))
            .Select(p => new PlanProgress(p.Id, p.Number, p.Title, p.TrackedYear, ProgressCounts.Zero, p.Status))
            .ToList();

        // Milestones of a plan with no plan row (not written by the runtime, but possible by hand) still count.
        var known = plans.Select(p => p.PlanId).ToHashSet(StringComparer.Ordinal);
        plans.AddRange(wanted.Where(id => !known.Contains(id) && records.All(r => r.Id != id)).Select(id => new PlanProgress(id, null, id, 0, ProgressCounts.Zero)));
        return [.. plans.OrderByDescending(p => p.TrackedYear).ThenBy(p => p.PlanId, StringComparer.Ordinal)];
    }

    /// <summary>Counts per lead list (few distinct lists), split and summed per agency.</summary>
    private IReadOnlyList<AgencyProgress> PerAgency(IReadOnlyDictionary<string, ProgressCounts> perLead)
    {
        var perAgency = new Dictionary<string, ProgressCounts>(StringComparer.Ordinal);
        foreach (var (lead, counts) in perLead)
        {
            foreach (var id in MilestoneMapping.LeadIds(lead).Distinct(StringComparer.Ordinal))
            {
                perAgency[id] = perAgency.TryGetValue(id, out var sum) ? sum.Add(counts) : counts;
            }
        }

        return [.. perAgency
            .Where(a => a.Value.Total > 0)
            .Select(a => new AgencyProgress(a.Key, agencies.TryGet(new AgencyId(a.Key), out var agency) ? agency.Name : a.Key, a.Value))
            .OrderByDescending(a => a.Counts.Overdue)
            .ThenBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false))
            .ThenBy(a => a.AgencyId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// For the plans whose tasks carry criterion codes: counts per criterion (code and text), in the
    /// order the plan first names them. Grouped by task in SQL, folded into criteria here (a plan's
    /// tasks are few).
    /// </summary>
    private static async Task<IReadOnlyList<CriterionProgress>> PerCriterionAsync(WorkflowDbContext db, IQueryable<MilestoneRecord> milestones, string? planId, ProgressRules rules, CancellationToken ct)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.CriterionCode != null);
        if (planId is not null)
        {
            tasks = tasks.Where(t => t.PlanId == planId);
        }

        var criterionTasks = await tasks
            .Select(t => new { t.PlanId, t.TaskId, t.Row, Code = t.CriterionCode!, t.CriterionText, t.MaxScore, t.PreviousScore })
            .ToListAsync(ct).ConfigureAwait(false);
        var result = new List<CriterionProgress>();
        foreach (var plan in criterionTasks.GroupBy(t => t.PlanId).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var planKey = plan.Key;
            var perTask = await milestones.Where(m => m.PlanId == planKey).GroupBy(m => m.TaskId).CountProgress(rules)
                .ToListAsync(ct).ConfigureAwait(false);
            var byTask = perTask.ToDictionary(t => t.Key, t => t.ToCounts(), StringComparer.Ordinal);
            foreach (var criterion in plan.OrderBy(t => t.Row).GroupBy(t => (t.Code, t.CriterionText)))
            {
                var counts = ProgressCounts.Sum(criterion.Select(t => byTask.GetValueOrDefault(t.TaskId, ProgressCounts.Zero)));
                if (counts.Total == 0)
                {
                    continue;
                }

                var first = criterion.First();
                result.Add(new CriterionProgress(planKey, first.Code, first.CriterionText, first.MaxScore, first.PreviousScore, counts));
            }
        }

        return result;
    }
}
