using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Cli;
using Workflow.Host.Hosting;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Tests;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// Elsa 3's flowchart semantics where they are subtle: which inbound branches of a join can still arrive, Timer and Cron
/// as repeating triggers, a root that is a sequence; and a script's failure shown by <c>workflow status</c>.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ElsaFlowSemanticsTests
{
    private static readonly ReferenceData Reference = ReferenceData.Load(RepositoryRoot.Workflows);
    private static readonly Plan Plan2025 = PlanReader.Read(Path.Combine(RepositoryRoot.Workflows, "plans", "cchc-2025.csv"), Reference).Plan!;

    [Fact]
    public void A_wait_all_join_after_a_decision_is_skipped_once_the_branch_not_taken_cannot_arrive()
    {
        // Start → FlowDecision(Done) → True: "đã xong" / False: "chưa xong" → FlowJoin WaitAll → "sau gộp".
        var run = SimulateOne(Flowchart(
            """
            {"id": "start", "type": "Elsa.Start"},
            {"id": "decide", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "getInput('Done')"}}},
            {"id": "yes", "type": "Elsa.WriteLine", "text": "đã xong"},
            {"id": "no", "type": "Elsa.WriteLine", "text": "chưa xong"},
            {"id": "join", "type": "Elsa.FlowJoin", "mode": "WaitAll"},
            {"id": "after", "type": "Elsa.WriteLine", "text": "sau gộp"}
            """,
            "start>decide", "decide.True>yes", "decide.False>no", "yes>join", "no>join", "join>after"));

        Assert.Equal(["chưa xong"], Lines(run));
        var skipped = Assert.Single(run.History, h => h.What == "bỏ qua gộp nhánh");
        Assert.Equal("join", skipped.ActivityId);
        Assert.Contains("\"yes\"", skipped.Why, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Empty(run.Bookmarks);
        Assert.Empty(run.Joins);
    }

    [Fact]
    public void A_wait_all_join_waits_for_a_branch_that_is_still_waiting_then_goes_on_once()
    {
        // Start → FlowFork(A, B): A waits a day, B writes at once; the join goes on when A arrives.
        var run = SimulateOne(Flowchart(
            """
            {"id": "start", "type": "Elsa.Start"},
            {"id": "fork", "type": "Elsa.FlowFork", "branches": "A, B"},
            {"id": "wait", "type": "Elsa.Delay", "timeSpan": "1.00:00:00"},
            {"id": "a", "type": "Elsa.WriteLine", "text": "A"},
            {"id": "b", "type": "Elsa.WriteLine", "text": "B"},
            {"id": "join", "type": "Elsa.FlowJoin", "mode": "WaitAll"},
            {"id": "after", "type": "Elsa.WriteLine", "text": "sau gộp"}
            """,
            "start>fork", "fork.A>wait", "wait>a", "fork.B>b", "a>join", "b>join", "join>after"));

        Assert.Equal(["B", "A", "sau gộp"], Lines(run));
        Assert.Equal(new LocalDateTime(2025, 3, 18, 0, 0), run.History.Single(h => h.Why == "sau gộp").At);
        Assert.DoesNotContain(run.History, h => h.What == "bỏ qua gộp nhánh");
    }

    [Fact]
    public void A_wait_any_join_goes_on_with_the_first_branch_and_cancels_the_slower_one()
    {
        var run = SimulateOne(Flowchart(
            """
            {"id": "start", "type": "Elsa.Start"},
            {"id": "fork", "type": "Elsa.FlowFork", "branches": "Nhanh, Cham"},
            {"id": "fast", "type": "Elsa.Delay", "timeSpan": "1.00:00:00"},
            {"id": "slow", "type": "Elsa.Delay", "timeSpan": "2.00:00:00"},
            {"id": "join", "type": "Elsa.FlowJoin", "mode": "WaitAny"},
            {"id": "after", "type": "Elsa.WriteLine", "text": "gộp"}
            """,
            "start>fork", "fork.Nhanh>fast", "fork.Cham>slow", "fast>join", "slow>join", "join>after"), to: new LocalDate(2025, 3, 21));

        Assert.Equal(["gộp"], Lines(run));
        Assert.Equal(new LocalDateTime(2025, 3, 18, 0, 0), run.History.Single(h => h.Why == "gộp").At);
        Assert.Empty(run.Bookmarks);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public void A_wait_any_join_in_a_loop_joins_again_on_every_pass()
    {
        // start → join(WaitAny) → "vòng" → Delay 1 day → back to the join.
        var run = SimulateOne(Flowchart(
            """
            {"id": "start", "type": "Elsa.Start"},
            {"id": "join", "type": "Elsa.FlowJoin", "mode": "WaitAny"},
            {"id": "line", "type": "Elsa.WriteLine", "text": "vòng"},
            {"id": "wait", "type": "Elsa.Delay", "timeSpan": "1.00:00:00"}
            """,
            "start>join", "join>line", "line>wait", "wait>join"), to: new LocalDate(2025, 3, 19));

        Assert.Equal(["vòng", "vòng", "vòng"], Lines(run));
        Assert.Equal(RunStatus.Waiting, run.Status);
    }

    [Fact]
    public void A_timer_that_starts_the_flowchart_fires_again_and_again_as_an_elsa_trigger()
    {
        // No Elsa.Start: the Timer is the start (the only activity without an inbound connection), as in Elsa's timer-workflow.
        var run = SimulateOne(Flowchart(
            """
            {"id": "timer", "type": "Elsa.Timer", "interval": "12:00:00"},
            {"id": "tick", "type": "Elsa.WriteLine", "text": "tick"},
            {"id": "end", "type": "Elsa.End"}
            """,
            "timer>tick", "tick>end"), to: new LocalDate(2025, 3, 18));

        Assert.Equal(
            [new LocalDateTime(2025, 3, 17, 12, 0), new LocalDateTime(2025, 3, 18, 0, 0), new LocalDateTime(2025, 3, 18, 12, 0)],
            run.History.Where(h => h.Why == "tick").Select(h => h.At));
        Assert.Equal(3, run.History.Count(h => h.What == "kết thúc lượt"));
        Assert.Equal(RunStatus.Waiting, run.Status);
        Assert.Equal(new LocalDateTime(2025, 3, 19, 0, 0), Assert.Single(run.Bookmarks).At);
    }

    [Fact]
    public void A_cron_that_starts_the_flowchart_fires_at_each_occurrence_until_the_milestone_is_done()
    {
        var definition = Flowchart(
            """
            {"id": "cron", "type": "Elsa.Cron", "cronExpression": "0 8 * * *"},
            {"id": "tick", "type": "Elsa.WriteLine", "text": "8 giờ"}
            """,
            "cron>tick");
        var open = SimulateOne(definition, to: new LocalDate(2025, 3, 19));
        Assert.Equal([17, 18, 19], open.History.Where(h => h.Why == "8 giờ").Select(h => h.At.Day));
        Assert.All(open.History.Where(h => h.Why == "8 giờ"), h => Assert.Equal(new LocalTime(8, 0), h.At.TimeOfDay));

        var done = SimulateOne(definition, to: new LocalDate(2025, 3, 19), done: new LocalDate(2025, 3, 18));
        Assert.Equal([17], done.History.Where(h => h.Why == "8 giờ").Select(h => h.At.Day));
        Assert.Empty(done.Bookmarks);
    }

    [Fact]
    public void A_timer_trigger_under_an_hour_repeats_no_more_often_than_hourly()
    {
        var run = SimulateOne(Flowchart(
            """
            {"id": "timer", "type": "Elsa.Timer", "interval": "00:01:00"},
            {"id": "tick", "type": "Elsa.WriteLine", "text": "tick"}
            """,
            "timer>tick"), to: new LocalDate(2025, 3, 17));

        var ticks = run.History.Where(h => h.Why == "tick").Select(h => h.At).ToList();
        Assert.Equal(new LocalDateTime(2025, 3, 17, 0, 1), ticks[0]);
        Assert.Equal(24, ticks.Count);
        Assert.All(ticks.Zip(ticks.Skip(1)), p => Assert.Equal(Period.FromHours(1), Period.Between(p.First, p.Second, PeriodUnits.Hours)));
        Assert.Single(run.History, h => h.What == "lặp lại");
    }

    [Fact]
    public void A_root_sequence_runs_its_activities_in_order()
    {
        var definition = Read(
            """
            {"definitionId": "thu-sequence", "name": "Thử", "root": {"type": "Elsa.Sequence", "activities": [
              {"id": "one", "type": "Elsa.WriteLine", "text": "một"},
              {"id": "two", "type": "Elsa.WriteLine", "text": "hai"},
              {"id": "three", "type": "Elsa.WriteLine", "text": "ba"}
            ]}}
            """);
        var run = SimulateOne(definition);
        Assert.Equal(["một", "hai", "ba"], Lines(run));
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public async Task A_script_that_throws_in_the_server_is_shown_by_workflow_status()
    {
        var definition = Read(
            """
            {"definitionId": "thu-loi", "name": "Thử lỗi", "version": 1, "isPublished": true, "root": {"type": "Elsa.Flowchart", "activities": [
              {"id": "start", "type": "Elsa.Start"},
              {"id": "hong", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "throw new Error('điều kiện hỏng')"}}}
            ], "connections": [{"source": {"activity": "start", "port": "Done"}, "target": {"activity": "hong", "port": "In"}}]}}
            """);
        var loaded = WorkflowsData.Load(RepositoryRoot.Workflows);
        var data = loaded with
        {
            Definitions = DefinitionCatalog.Create([definition]),
            Rules = DefinitionRules.Load(new StringReader("default: thu-loi\nrules: []\n"), "rules.yaml"),
        };
        var clock = TestClock.At(2025, 3, 17);
        await using var host = await SqliteHost.StartAsync(data, clock);
        await host.Runtime.ImportAsync(Plan2025, "test");

        using var output = new StringWriter();
        await StatusReport.WriteAsync(output, data, DatabaseSettings.Parse("sqlite:w.db", "unused"), host.Databases, new LocalDateTime(2025, 3, 17, 9, 0), "cchc-2025", null, false, CancellationToken.None);
        Assert.Contains("Lỗi quy trình ở hoạt động hong: JavaScript", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("điều kiện hỏng", output.ToString(), StringComparison.Ordinal);

        await using var db = await host.Databases.CreateDbContextAsync();
        var row = await db.Milestones.AsNoTracking().FirstAsync(m => m.TaskId == "15");
        Assert.Contains(await db.History.AsNoTracking().Where(h => h.MilestoneId == row.Id).Select(h => h.What).ToListAsync(), w => w == "lỗi");
    }

    private static string[] Lines(MilestoneRun run) => [.. run.History.Where(h => h.What == "ghi chép").Select(h => h.Why)];

    private static WorkflowDefinition Flowchart(string activities, params string[] links)
    {
        var connections = links.Select(link =>
        {
            var (from, to) = (link.Split('>')[0], link.Split('>')[1]);
            var port = from.Contains('.', StringComparison.Ordinal) ? from.Split('.')[1] : "Done";
            return "{\"source\": {\"activity\": \"" + from.Split('.')[0] + "\", \"port\": \"" + port + "\"}, \"target\": {\"activity\": \"" + to + "\", \"port\": \"In\"}}";
        });
        return Read("{\"definitionId\": \"thu\", \"name\": \"Thử\", \"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": [" + activities
            + "], \"connections\": [" + string.Join(", ", connections) + "]}}");
    }

    private static WorkflowDefinition Read(string json)
    {
        var read = DefinitionCatalog.Checked(WorkflowDefinitionReader.Read(json, "thu.json"), d => DefinitionChecks.Problems(d, Reference.Agencies));
        Assert.True(read.Definition is not null, string.Join(Environment.NewLine, read.Problems));
        return read.Definition;
    }

    /// <summary>Task 15's milestone (due 31/03/2025) from 17/03/2025 to <paramref name="to"/> (18/03 by default).</summary>
    private static MilestoneRun SimulateOne(WorkflowDefinition definition, LocalDate? to = null, LocalDate? done = null)
    {
        var simulator = new Simulator(Reference.Calendar, new AgencyId(Reference.Reports.FollowUpAgency),
            new MilestonePlanner(Reference.Agencies, DefinitionCatalog.Create([]), DefinitionRules.None));
        IReadOnlyList<SimulatedDone> reports = done is { } on ? [new SimulatedDone(new TaskId("15"), 1, on)] : [];
        var result = simulator.Run(Plan2025, new LocalDate(2025, 3, 17), to ?? new LocalDate(2025, 3, 18), reports, [], definition, keepHistory: true);
        return result.Runs.First(r => r.Key.Task.Value == "15");
    }
}
