using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

/// <summary>
/// "How are the plans doing": the one source of the dashboard's, the agency view's, the API's and
/// the periodic report's numbers. Every count is a SQL GROUP BY with conditional counts built from
/// <see cref="ProgressRules"/>; no query loads all milestones.
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
        var counted = RulesFor(new LocalDate(2000, 1, 1)).Counted; // which rows count does not depend on the day
        var counts = await db.Milestones.AsNoTracking().Where(counted).GroupBy(m => m.PlanId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct).ConfigureAwait(false);
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
        var query = await ForPlanAsync(db, null, scope, ct).ConfigureAwait(false);
        if (dueWithin is not null)
        {
            query = query.Where(DueWithin(dueWithin));
        }

        var counts = await query.GroupBy(m => m.PlanId).CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
        var plans = (await PlansAsync(db, counts.Select(c => c.Key), keepEmpty: true, ct).ConfigureAwait(false))
            .Where(p => scope.Includes(p.Status)).ToList();
        var byPlan = counts.ToDictionary(c => c.Key, c => c.ToCounts(), StringComparer.Ordinal);
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
        var query = (await ForPlanAsync(db, planId, scope, ct).ConfigureAwait(false)).Where(m => m.EffectiveDue != null);

        // Grouped by the due date itself in SQL (a plan has a few hundred distinct dates), which reads
        // the (PlanId, EffectiveDue, …) index in order with no sort, and folded into quarters here.
        var days = await query.GroupBy(m => m.EffectiveDue!.Value)
            .CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
        return [.. days
            .GroupBy(d => (d.Key.Year, Quarter: (d.Key.Month + 2) / 3))
            .OrderBy(q => q.Key.Year).ThenBy(q => q.Key.Quarter)
            .Select(q => new QuarterProgress(q.Key.Year, q.Key.Quarter, ProgressCounts.Sum(q.Select(m => m.ToCounts()))))];
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
            return await PerAgencyAsync(await ForPlanAsync(db, planId, scope, c).ConfigureAwait(false), rules, c).ConfigureAwait(false);
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
        var milestones = (await ForPlanAsync(db, filter.PlanId, filter.Scope, ct).ConfigureAwait(false)).Where(rules.Counted);
        if (!string.IsNullOrWhiteSpace(filter.AgencyId))
        {
            milestones = milestones.Where(MilestoneMapping.LedBy(filter.AgencyId.Trim()));
        }

        if (filter.State is { } state)
        {
            milestones = milestones.Where(rules.Of(state));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // One condition in SQL over the folded text kept with each task: no list of matching
            // tasks goes to the database, so a search that matches every task works as well.
            var needle = TextFolding.Fold(filter.Search);
            milestones = milestones.Where(m => db.Tasks.Any(t => t.PlanId == m.PlanId && t.TaskId == m.TaskId && t.SearchText.Contains(needle)));
        }

        // Every milestone has its task: the count needs no join.
        var total = await milestones.CountAsync(ct).ConfigureAwait(false);
        var joined = milestones.Join(db.Tasks, m => new { m.PlanId, m.TaskId }, t => new { t.PlanId, t.TaskId }, (m, t) => new { Milestone = m, t.Row, t.Activity, t.Product });
        var page = await joined
            .OrderBy(x => x.Milestone.EffectiveDue == null)
            .ThenBy(x => x.Milestone.EffectiveDue)
            .ThenBy(x => x.Milestone.PlanId)
            .ThenBy(x => x.Row)
            .ThenBy(x => x.Milestone.TaskId)
            .ThenBy(x => x.Milestone.Number)
            .Skip(filter.Skip)
            .Take(filter.Take)
            .ToListAsync(ct).ConfigureAwait(false);
        var rows = page.Select(x => new TaskRow(
            x.Milestone.PlanId,
            x.Milestone.TaskId,
            x.Milestone.Number,
            x.Activity,
            x.Product,
            x.Milestone.Label,
            Date(x.Milestone.EffectiveDue),
            Date(x.Milestone.DoneOn),
            rules.StateOf(x.Milestone) ?? throw new InvalidOperationException("a removed milestone passed the filter"),
            MilestoneMapping.LeadIds(x.Milestone.Lead))).ToList();
        return new TaskPage(rows, total, filter.Skip, filter.Take);
    }

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
        var inPeriod = (await ForPlanAsync(db, planId, scope, ct).ConfigureAwait(false)).Where(DueWithin(interval));

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

        var perAgency = await PerAgencyAsync(inPeriod, rules, ct).ConfigureAwait(false);
        var criteria = await PerCriterionAsync(db, inPeriod, planId, rules, ct).ConfigureAwait(false);
        return new QuarterlyReport(year, period, asOf, planId, plans, ProgressCounts.Sum(plans.Select(p => p.Counts)), perAgency, criteria);
    }

    /// <summary>
    /// The milestones of <paramref name="planId"/> (whatever its status), or of every plan of
    /// <paramref name="scope"/>. When every plan is in scope there is no filter at all (milestones
    /// of a plan with no plan row, possible only by hand, count then).
    /// </summary>
    private static async Task<IQueryable<MilestoneRecord>> ForPlanAsync(WorkflowDbContext db, string? planId, PlanScope scope, CancellationToken ct)
    {
        var query = db.Milestones.AsNoTracking();
        if (planId is not null)
        {
            return query.Where(m => m.PlanId == planId);
        }

        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Status }).ToListAsync(ct).ConfigureAwait(false);
        var inScope = plans.Where(p => scope.Includes(p.Status)).Select(p => p.Id).ToList();
        return inScope.Count == plans.Count ? query : query.Where(m => inScope.Contains(m.PlanId));
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

    /// <summary>Grouped by the lead list in SQL (few distinct lists), then split and summed per agency.</summary>
    private async Task<IReadOnlyList<AgencyProgress>> PerAgencyAsync(IQueryable<MilestoneRecord> milestones, ProgressRules rules, CancellationToken ct)
    {
        var perLead = await milestones.GroupBy(m => m.Lead).CountProgress(rules).ToListAsync(ct).ConfigureAwait(false);
        var perAgency = new Dictionary<string, ProgressCounts>(StringComparer.Ordinal);
        foreach (var row in perLead)
        {
            var counts = row.ToCounts();
            foreach (var id in MilestoneMapping.LeadIds(row.Key).Distinct(StringComparer.Ordinal))
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
