using System.Collections.Concurrent;
using System.Linq.Expressions;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Progress;

/// <summary>
/// The one statement of "how is this milestone doing on <see cref="Today"/>": each state and each
/// of the government's four counts is an expression over <see cref="MilestoneRecord"/>, which EF
/// Core translates to SQL (<c>Where</c>, conditional <c>Count</c> in a <c>GROUP BY</c>) and which
/// the same object compiles for rows already in memory. There is no second copy of the rules.
/// </summary>
/// <remarks>
/// <para><b>Removed milestones.</b> A milestone that left the plan on a re-import ends with
/// <see cref="RunStatus.Finished"/> and no <see cref="MilestoneRecord.DoneOn"/> (its history says
/// "mốc không còn trong kế hoạch"). Such rows are not part of the plan any more: they are outside
/// <see cref="Counted"/> and match no state and no count. (A workflow definition whose flow ends
/// without the milestone being reported done would be treated the same way; the shipped
/// definitions keep chasing until a report.)</para>
/// <para><b>Judged on a day.</b> "Done" means done on or before <see cref="Today"/>: a milestone
/// reported done later counts as open on that day (this is what lets a report judge a past day).
/// Everything else (the effective due date, dormancy, removal) is the row as stored now; an
/// extension approved after that day is not undone.</para>
/// <para><b>No due date.</b> An open milestone with no effective due date is
/// <see cref="ProgressState.NotYetDue"/> and "đang thực hiện trong hạn"; done, it is done on time.</para>
/// </remarks>
public sealed class ProgressRules
{
    /// <summary>A milestone is "sắp đến hạn" when its effective due date is at most this many days ahead.</summary>
    public const int DefaultDueSoonDays = 14;

    /// <summary>How many days' rules <see cref="For"/> keeps.</summary>
    private const int MaxShared = 64;

    private static readonly ConcurrentDictionary<(LocalDate Today, int DueSoonDays), ProgressRules> Shared = new();

    private readonly ConcurrentDictionary<Expression<Func<MilestoneRecord, bool>>, Func<MilestoneRecord, bool>> compiled = new();

    private ProgressRules(LocalDate today, int dueSoonDays)
    {
        Today = today;
        DueSoonDays = dueSoonDays;

        // Captured locals: EF Core sends them as parameters, so the SQL is the same every day.
        var day = today.ToDateOnly();
        var soon = today.PlusDays(dueSoonDays).ToDateOnly();

        Counted = m => m.DoneOn != null || m.Status != RunStatus.Finished;
        Done = m => m.DoneOn != null && m.DoneOn <= day;
        Dormant = m => m.DoneOn == null && m.Status == RunStatus.Dormant;

        // Open and chased on that day: not done by then, not waiting for an event, not removed.
        var active = Or(m => m.DoneOn == null && m.Status != RunStatus.Dormant && m.Status != RunStatus.Finished, m => m.DoneOn > day);
        Overdue = And(active, m => m.EffectiveDue < day);
        DueSoon = And(active, m => m.EffectiveDue >= day && m.EffectiveDue <= soon);
        NotYetDue = And(active, m => m.EffectiveDue == null || m.EffectiveDue > soon);

        DoneOnTime = And(Done, m => m.EffectiveDue == null || m.DoneOn <= m.EffectiveDue);
        DoneLate = And(Done, m => m.EffectiveDue != null && m.DoneOn > m.EffectiveDue);
        OpenOverdue = Overdue;
        OpenInTime = Or(Dormant, And(active, m => m.EffectiveDue == null || m.EffectiveDue >= day));
    }

    /// <summary>The day the states are judged on.</summary>
    public LocalDate Today { get; }

    /// <summary>The "sắp đến hạn" window in days (<see cref="DefaultDueSoonDays"/> unless given).</summary>
    public int DueSoonDays { get; }

    /// <summary>Part of the plan: every row but the removed ones (finished, never done). <see cref="ProgressCounts.Total"/> counts these.</summary>
    public Expression<Func<MilestoneRecord, bool>> Counted { get; }

    /// <summary>"hoàn thành": done on or before <see cref="Today"/>.</summary>
    public Expression<Func<MilestoneRecord, bool>> Done { get; }

    /// <summary>"chờ sự kiện": dormant and not done.</summary>
    public Expression<Func<MilestoneRecord, bool>> Dormant { get; }

    /// <summary>"quá hạn": open, not dormant, effective due date before <see cref="Today"/>.</summary>
    public Expression<Func<MilestoneRecord, bool>> Overdue { get; }

    /// <summary>"sắp đến hạn": open, not dormant, <see cref="Today"/> ≤ effective due ≤ <see cref="Today"/> + <see cref="DueSoonDays"/>.</summary>
    public Expression<Func<MilestoneRecord, bool>> DueSoon { get; }

    /// <summary>"chưa đến hạn": open, not dormant, due later than the window or with no due date.</summary>
    public Expression<Func<MilestoneRecord, bool>> NotYetDue { get; }

    /// <summary>"hoàn thành đúng hạn": done, on or before the effective due date (or with none).</summary>
    public Expression<Func<MilestoneRecord, bool>> DoneOnTime { get; }

    /// <summary>"hoàn thành quá hạn": done after the effective due date.</summary>
    public Expression<Func<MilestoneRecord, bool>> DoneLate { get; }

    /// <summary>"đang thực hiện trong hạn": not done, and dormant, due today or later, or with no due date.</summary>
    public Expression<Func<MilestoneRecord, bool>> OpenInTime { get; }

    /// <summary>"đang thực hiện quá hạn": the same rows as <see cref="Overdue"/>.</summary>
    public Expression<Func<MilestoneRecord, bool>> OpenOverdue { get; }

    /// <summary>
    /// The rules for <paramref name="today"/>: one shared object a day and window, so a predicate
    /// is compiled for rows in memory (<see cref="StateOf"/>) once, not on every page that shows
    /// states (compiling an expression tree costs about a millisecond of CPU, each of the six).
    /// </summary>
    /// <param name="today">The day judged (Vietnam's calendar day).</param>
    /// <param name="dueSoonDays">The "sắp đến hạn" window, 0 or more days.</param>
    public static ProgressRules For(LocalDate today, int dueSoonDays = DefaultDueSoonDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        if (Shared.TryGetValue((today, dueSoonDays), out var rules))
        {
            return rules;
        }

        // Pages judge today; reports and tests a few other days: the cache starts again rather than grow.
        if (Shared.Count >= MaxShared)
        {
            Shared.Clear();
        }

        return Shared.GetOrAdd((today, dueSoonDays), key => new ProgressRules(key.Today, key.DueSoonDays));
    }

    /// <summary>The predicate of one state.</summary>
    public Expression<Func<MilestoneRecord, bool>> Of(ProgressState state) => state switch
    {
        ProgressState.NotYetDue => NotYetDue,
        ProgressState.DueSoon => DueSoon,
        ProgressState.Overdue => Overdue,
        ProgressState.Done => Done,
        ProgressState.Dormant => Dormant,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>
    /// The state of a row in memory, by the compiled predicates; null for a removed milestone
    /// (outside <see cref="Counted"/>).
    /// </summary>
    public ProgressState? StateOf(MilestoneRecord milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (!Compiled(Counted)(milestone))
        {
            return null;
        }

        foreach (var state in ProgressStates.All)
        {
            if (Compiled(Of(state))(milestone))
            {
                return state;
            }
        }

        throw new InvalidOperationException($"milestone {milestone.PlanId}/{milestone.TaskId}/{milestone.Number} matches no progress state");
    }

    /// <summary>One of this object's predicates compiled for rows in memory (compiled once, then reused).</summary>
    public Func<MilestoneRecord, bool> Compiled(Expression<Func<MilestoneRecord, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return compiled.GetOrAdd(predicate, p => p.Compile());
    }

    private static Expression<Func<MilestoneRecord, bool>> And(Expression<Func<MilestoneRecord, bool>> left, Expression<Func<MilestoneRecord, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<MilestoneRecord, bool>> Or(Expression<Func<MilestoneRecord, bool>> left, Expression<Func<MilestoneRecord, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<MilestoneRecord, bool>> Combine(Expression<Func<MilestoneRecord, bool>> left, Expression<Func<MilestoneRecord, bool>> right, Func<Expression, Expression, BinaryExpression> join)
    {
        var m = left.Parameters[0];
        var body = join(left.Body, new Rebind(right.Parameters[0], m).Visit(right.Body));
        return Expression.Lambda<Func<MilestoneRecord, bool>>(body, m);
    }

    /// <summary>Puts one lambda's parameter in place of another's, so two predicates share one.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
