using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

// The periodic report: a period's milestones grouped in SQL, with the counts per criterion of the plans that score.
public sealed partial class ProgressQueries
{
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
