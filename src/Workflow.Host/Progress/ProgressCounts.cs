using System.Linq.Expressions;
using Workflow.Host.Persistence;

namespace Workflow.Host.Progress;

/// <summary>
/// How a set of milestones is doing on a day: the five states (which add up to
/// <see cref="Total"/>) and the government's four counts (which add up to it too).
/// </summary>
/// <remarks>
/// Removed milestones (finished, never done) are in no count; see <see cref="ProgressRules"/>.
/// The rates are null, not zero, when there is nothing to divide by: <see cref="OnTimeRate"/>
/// when nothing is done yet, <see cref="Completion"/> when there are no milestones.
/// </remarks>
/// <param name="NotYetDue">"chưa đến hạn".</param>
/// <param name="DueSoon">"sắp đến hạn".</param>
/// <param name="Overdue">"quá hạn" (the same rows as "đang thực hiện quá hạn").</param>
/// <param name="Done">"hoàn thành".</param>
/// <param name="Dormant">"chờ sự kiện".</param>
/// <param name="DoneOnTime">"hoàn thành đúng hạn".</param>
/// <param name="DoneLate">"hoàn thành quá hạn".</param>
/// <param name="OpenInTime">"đang thực hiện trong hạn" (dormant milestones included).</param>
/// <param name="OpenOverdue">"đang thực hiện quá hạn".</param>
public sealed record ProgressCounts(int NotYetDue, int DueSoon, int Overdue, int Done, int Dormant, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue)
{
    /// <summary>No milestones.</summary>
    public static ProgressCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Every milestone counted: the sum of the five states.</summary>
    public int Total => NotYetDue + DueSoon + Overdue + Done + Dormant;

    /// <summary>Not done: <see cref="Total"/> − <see cref="Done"/>.</summary>
    public int Open => Total - Done;

    /// <summary>Done on time ÷ done, between 0 and 1; null when nothing is done.</summary>
    public double? OnTimeRate => Done == 0 ? null : (double)DoneOnTime / Done;

    /// <summary>Done ÷ total, between 0 and 1; null when there are no milestones.</summary>
    public double? Completion => Total == 0 ? null : (double)Done / Total;

    /// <summary>The count of one state.</summary>
    public int Of(ProgressState state) => state switch
    {
        ProgressState.NotYetDue => NotYetDue,
        ProgressState.DueSoon => DueSoon,
        ProgressState.Overdue => Overdue,
        ProgressState.Done => Done,
        ProgressState.Dormant => Dormant,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Both sets together (they must not overlap).</summary>
    public ProgressCounts Add(ProgressCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            NotYetDue + other.NotYetDue,
            DueSoon + other.DueSoon,
            Overdue + other.Overdue,
            Done + other.Done,
            Dormant + other.Dormant,
            DoneOnTime + other.DoneOnTime,
            DoneLate + other.DoneLate,
            OpenInTime + other.OpenInTime,
            OpenOverdue + other.OpenOverdue);
    }

    /// <summary>These counts without <paramref name="other"/>'s (a part of them).</summary>
    public ProgressCounts Subtract(ProgressCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            NotYetDue - other.NotYetDue,
            DueSoon - other.DueSoon,
            Overdue - other.Overdue,
            Done - other.Done,
            Dormant - other.Dormant,
            DoneOnTime - other.DoneOnTime,
            DoneLate - other.DoneLate,
            OpenInTime - other.OpenInTime,
            OpenOverdue - other.OpenOverdue);
    }

    /// <summary>Both sets together.</summary>
    public static ProgressCounts operator +(ProgressCounts left, ProgressCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Add(right);
    }

    /// <summary>The sum of <paramref name="counts"/>; <see cref="Zero"/> when there are none.</summary>
    public static ProgressCounts Sum(IEnumerable<ProgressCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Aggregate(Zero, (a, b) => a.Add(b));
    }

    /// <summary>Counts rows in memory with the compiled predicates (a handful of rows; large sets are counted in SQL).</summary>
    public static ProgressCounts Of(IEnumerable<MilestoneRecord> milestones, ProgressRules rules)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(rules);
        var list = milestones as IReadOnlyCollection<MilestoneRecord> ?? [.. milestones];
        int Count(Expression<Func<MilestoneRecord, bool>> predicate) => list.Count(rules.Compiled(predicate));

        return new(Count(rules.NotYetDue), Count(rules.DueSoon), Count(rules.Overdue), Count(rules.Done), Count(rules.Dormant),
            Count(rules.DoneOnTime), Count(rules.DoneLate), Count(rules.OpenInTime), Count(rules.OpenOverdue));
    }
}

/// <summary>One group's counts as SQL returns them (a GROUP BY with conditional counts).</summary>
internal sealed class CountRow<TKey>
{
    public TKey Key { get; set; } = default!;

    public int NotYetDue { get; set; }

    public int DueSoon { get; set; }

    public int Overdue { get; set; }

    public int Done { get; set; }

    public int Dormant { get; set; }

    public int DoneOnTime { get; set; }

    public int DoneLate { get; set; }

    public int OpenInTime { get; set; }

    public int OpenOverdue { get; set; }

    public ProgressCounts ToCounts() => new(NotYetDue, DueSoon, Overdue, Done, Dormant, DoneOnTime, DoneLate, OpenInTime, OpenOverdue);
}

/// <summary>
/// Turns <see cref="ProgressRules"/> into one SQL GROUP BY: <c>COUNT(CASE WHEN rule THEN 1 END)</c>
/// per count over milestones, or <c>SUM(CASE WHEN rule THEN Count ELSE 0 END)</c> over the counts
/// kept on write (<see cref="ProgressCountRecord"/>), whose columns carry the milestones' names.
/// </summary>
internal static class ProgressAggregation
{
    /// <summary>Each group's counts, computed by the database.</summary>
    public static IQueryable<CountRow<TKey>> CountProgress<TKey>(this IQueryable<IGrouping<TKey, MilestoneRecord>> groups, ProgressRules rules)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rules);
        return groups.Select(Projection<TKey, MilestoneRecord>(rules, (g, predicate) =>
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(MilestoneRecord)], g, predicate)));
    }

    /// <summary>Each group's counts, summed from the counts kept on write.</summary>
    public static IQueryable<CountRow<TKey>> SumProgress<TKey>(this IQueryable<IGrouping<TKey, ProgressCountRecord>> groups, ProgressRules rules)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rules);
        return groups.Select(Projection<TKey, ProgressCountRecord>(rules, (g, predicate) =>
        {
            var c = predicate.Parameters[0];
            var counted = Expression.Lambda<Func<ProgressCountRecord, int>>(
                Expression.Condition(predicate.Body, Expression.Property(c, nameof(ProgressCountRecord.Count)), Expression.Constant(0)), c);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(ProgressCountRecord)], g, counted);
        }));
    }

    /// <summary>A predicate over milestones as the same predicate over the counts kept on write (same column names).</summary>
    public static Expression<Func<ProgressCountRecord, T>> OverCounts<T>(Expression<Func<MilestoneRecord, T>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var c = Expression.Parameter(typeof(ProgressCountRecord), "c");
        return Expression.Lambda<Func<ProgressCountRecord, T>>(new ToCounts(predicate.Parameters[0], c).Visit(predicate.Body), c);
    }

    /// <summary>
    /// <c>g => new CountRow { Key = g.Key, Done = aggregate(g, rules.Done), … }</c>, built from the rule
    /// expressions themselves (C# cannot pass an expression to <c>g.Count</c> in a query; the tree can).
    /// </summary>
    private static Expression<Func<IGrouping<TKey, TRow>, CountRow<TKey>>> Projection<TKey, TRow>(ProgressRules rules, Func<ParameterExpression, LambdaExpression, Expression> aggregate)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        var row = typeof(CountRow<TKey>);
        MemberAssignment Count(string property, Expression<Func<MilestoneRecord, bool>> predicate) =>
            Expression.Bind(row.GetProperty(property)!, aggregate(g, typeof(TRow) == typeof(MilestoneRecord) ? predicate : OverCounts(predicate)));

        var body = Expression.MemberInit(
            Expression.New(row),
            Expression.Bind(row.GetProperty(nameof(CountRow<TKey>.Key))!, Expression.Property(g, nameof(IGrouping<TKey, TRow>.Key))),
            Count(nameof(CountRow<TKey>.NotYetDue), rules.NotYetDue),
            Count(nameof(CountRow<TKey>.DueSoon), rules.DueSoon),
            Count(nameof(CountRow<TKey>.Overdue), rules.Overdue),
            Count(nameof(CountRow<TKey>.Done), rules.Done),
            Count(nameof(CountRow<TKey>.Dormant), rules.Dormant),
            Count(nameof(CountRow<TKey>.DoneOnTime), rules.DoneOnTime),
            Count(nameof(CountRow<TKey>.DoneLate), rules.DoneLate),
            Count(nameof(CountRow<TKey>.OpenInTime), rules.OpenInTime),
            Count(nameof(CountRow<TKey>.OpenOverdue), rules.OpenOverdue));
        return Expression.Lambda<Func<IGrouping<TKey, TRow>, CountRow<TKey>>>(body, g);
    }

    /// <summary>Reads a milestone's column from the count row's column of the same name.</summary>
    private sealed class ToCounts(ParameterExpression milestone, ParameterExpression counts) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == milestone
                ? Expression.Property(counts, typeof(ProgressCountRecord).GetProperty(node.Member.Name) ?? throw new InvalidOperationException($"the counts kept on write have no {node.Member.Name}"))
                : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == milestone ? throw new InvalidOperationException("a rule reads the whole milestone, which the counts cannot") : base.VisitParameter(node);
    }
}
