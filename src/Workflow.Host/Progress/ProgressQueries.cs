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
public sealed partial class ProgressQueries(IDbContextFactory<WorkflowDbContext> databases, AgencyDirectory agencies, ProgressOptions? options = null)
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
}
