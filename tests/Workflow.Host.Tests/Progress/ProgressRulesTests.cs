using System.Text;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Progress;

/// <summary>The rules in memory: one state per row, the edges of each, the labels.</summary>
public sealed class ProgressRulesTests
{
    private static readonly LocalDate Today = new(2025, 5, 15);

    private static MilestoneRecord Row(DateOnly? due, DateOnly? done = null, RunStatus status = RunStatus.Waiting) => new()
    {
        PlanId = "p", TaskId = "t", EffectiveDue = due, DoneOn = done, Status = done is null ? status : RunStatus.Finished,
        DefinitionId = "d", Lead = "a", Coordinators = string.Empty,
    };

    public static TheoryData<string, string?, string?, RunStatus, ProgressState?> Cases => new()
    {
        { "due today", "2025-05-15", null, RunStatus.Waiting, ProgressState.DueSoon },
        { "due in 14 days", "2025-05-29", null, RunStatus.Waiting, ProgressState.DueSoon },
        { "due in 15 days", "2025-05-30", null, RunStatus.Waiting, ProgressState.NotYetDue },
        { "due yesterday", "2025-05-14", null, RunStatus.Waiting, ProgressState.Overdue },
        { "no due date", null, null, RunStatus.Waiting, ProgressState.NotYetDue },
        { "dormant", null, null, RunStatus.Dormant, ProgressState.Dormant },
        { "dormant past its date", "2025-01-01", null, RunStatus.Dormant, ProgressState.Dormant },
        { "done on the due day", "2025-05-10", "2025-05-10", RunStatus.Finished, ProgressState.Done },
        { "done late", "2025-05-10", "2025-05-11", RunStatus.Finished, ProgressState.Done },
        { "done after today", "2025-05-10", "2025-05-16", RunStatus.Finished, ProgressState.Overdue },
        { "removed from the plan", "2025-05-10", null, RunStatus.Finished, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_row_has_exactly_one_state_or_none_when_removed(string what, string? due, string? done, RunStatus status, ProgressState? expected)
    {
        var rules = ProgressRules.For(Today);
        var row = Row(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), done is null ? null : DateOnly.Parse(done, System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.True(expected == rules.StateOf(row), what);
        Assert.Equal(expected is null ? 0 : 1, ProgressStates.All.Count(s => rules.Compiled(rules.Of(s))(row)));
        var fourWay = new[] { rules.DoneOnTime, rules.DoneLate, rules.OpenInTime, rules.OpenOverdue }.Count(p => rules.Compiled(p)(row));
        Assert.Equal(expected is null ? 0 : 1, fourWay);
    }

    [Fact]
    public void The_four_way_split_follows_the_effective_due_date()
    {
        var rules = ProgressRules.For(Today);
        var rows = new[]
        {
            Row(new DateOnly(2025, 5, 10), new DateOnly(2025, 5, 10)),
            Row(new DateOnly(2025, 5, 10), new DateOnly(2025, 5, 11)),
            Row(null, new DateOnly(2025, 5, 1)),
            Row(new DateOnly(2025, 5, 15)),
            Row(new DateOnly(2025, 5, 14)),
            Row(new DateOnly(2025, 1, 1), status: RunStatus.Dormant),
            Row(new DateOnly(2025, 1, 1), status: RunStatus.Finished),
        };
        var counts = ProgressCounts.Of(rows, rules);
        Assert.Equal(new ProgressCounts(0, 1, 1, 3, 1, 2, 1, 2, 1), counts);
        Assert.Equal(6, counts.Total);
        Assert.Equal(2.0 / 3, counts.OnTimeRate);
        Assert.Equal(0.5, counts.Completion);
    }

    [Fact]
    public void Rates_are_null_when_there_is_nothing_to_divide_by()
    {
        Assert.Null(ProgressCounts.Zero.OnTimeRate);
        Assert.Null(ProgressCounts.Zero.Completion);
        var open = new ProgressCounts(1, 0, 0, 0, 0, 0, 0, 1, 0);
        Assert.Null(open.OnTimeRate);
        Assert.Equal(0.0, open.Completion);
    }

    [Fact]
    public void A_day_s_rules_are_one_shared_object_so_a_page_compiles_no_predicate()
    {
        var rules = ProgressRules.For(Today);
        Assert.Same(rules, ProgressRules.For(Today));
        Assert.Same(rules.Compiled(rules.Overdue), ProgressRules.For(Today).Compiled(rules.Overdue));
        Assert.NotSame(rules, ProgressRules.For(Today.PlusDays(1)));
        Assert.NotSame(rules, ProgressRules.For(Today, 15));
        Assert.Equal(15, ProgressRules.For(Today, 15).DueSoonDays);

        // However many days are judged (reports, tests), each day's rules stay its own: the cache starts again, never mixes.
        for (var d = 0; d < 200; d++)
        {
            var day = Today.PlusDays(d);
            Assert.Equal(day, ProgressRules.For(day).Today);
        }

        Assert.Equal(Today, ProgressRules.For(Today).Today);
    }

    [Fact]
    public void Labels_are_vietnamese_in_nfc_and_keys_are_css_friendly()
    {
        Assert.Equal(["chưa đến hạn", "sắp đến hạn", "quá hạn", "hoàn thành", "chờ sự kiện"], ProgressStates.All.Select(s => s.Label()));
        Assert.All(ProgressStates.All, s => Assert.True(s.Label().IsNormalized(NormalizationForm.FormC)));
        Assert.Equal(["chua-den-han", "sap-den-han", "qua-han", "hoan-thanh", "cho-su-kien"], ProgressStates.All.Select(s => s.Key()));
        Assert.All(ProgressStates.All, s => Assert.Matches("^[a-z]+(-[a-z]+)*$", s.Key()));
        Assert.True(ProgressStates.TryParseKey("QUA-HAN", out var overdue));
        Assert.Equal(ProgressState.Overdue, overdue);
        Assert.False(ProgressStates.TryParseKey("quá hạn", out _));
        Assert.Equal(["Quý I", "6 tháng", "9 tháng", "Năm"], Enum.GetValues<ReportPeriod>().Select(p => p.Label()));
        Assert.Equal(
            [new LocalDate(2025, 3, 31), new LocalDate(2025, 6, 30), new LocalDate(2025, 9, 30), new LocalDate(2025, 12, 31)],
            Enum.GetValues<ReportPeriod>().Select(p => p.End(2025)));
    }
}
