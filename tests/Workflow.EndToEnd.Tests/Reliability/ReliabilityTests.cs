using System.Globalization;
using System.Text.Json;
using Workflow.Tests;
using Xunit.Abstractions;

namespace Workflow.EndToEnd.Tests.Reliability;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityGroup
{
    public const string Name = "Reliability";
}

/// <summary>
/// The runtime's promise, tested on real processes: nothing forgotten, nothing sent twice, when the
/// server is killed, when it was down for a week, when two servers share the work. The clock runs
/// 7,200 times faster (a day in 12 s) so that days of timers fire within the test.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ReliabilityTests(ITestOutputHelper log)
{
    private const double Speed = 7200;

    /// <summary>How long a wait for an outcome may last: only a failing test reaches it (a loaded machine is slow, not wrong).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private static readonly DateTime VirtualStart = new(2025, 3, 3, 0, 0, 0);

    /// <remarks>
    /// Each server's clock goes on from the moment the one before was killed and stands while it starts: the
    /// kills come while timers fire, and the time a restart takes (half a minute on a loaded machine, which is
    /// 2.5 virtual days at this speed) is no outage. An outage is <see cref="A_restart_after_a_week_down_follows_the_misfire_rules"/>:
    /// a server down past two moments of one milestone catches up once, where the simulation sends both.
    /// </remarks>
    [Fact]
    public async Task Twenty_sigkills_while_timers_fire_lose_nothing_and_double_nothing()
    {
        using var workspace = ReliabilityWorkspace.Create();
        var random = new Random(20250303);
        var at = VirtualStart;
        var imported = DateOnly.MinValue;
        for (var kill = 1; kill <= 20; kill++)
        {
            using var server = await ServerProcess.StartAsync(workspace, new ServerClock(at, null, Speed));
            if (kill == 1)
            {
                imported = DateOnly.FromDateTime(VirtualAt(at, server.Anchor, workspace.ImportedAtUtc()));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 4000)));
            server.Kill();
            // The next clock starts where this one was killed (to the second, as --clock-start is written).
            var killedAt = VirtualAt(at, server.Anchor, DateTimeOffset.UtcNow);
            at = killedAt.AddTicks(-(killedAt.Ticks % TimeSpan.TicksPerSecond));
        }

        // Long enough to compare many notifications: through 11/03/2025 (a week and a half in all). The day is fixed, not
        // read from the clock when the wait ends: on a loaded machine the test process once woke up eight real minutes
        // late, a month of this clock, and compared days its stalled server had fired as caught up.
        var cutoff = new DateOnly(2025, 3, 11);
        using (var last = await ServerProcess.StartAsync(workspace, new ServerClock(at, null, Speed)))
        {
            var start = at;
            DateTime Now() => VirtualAt(start, last.Anchor, DateTimeOffset.UtcNow);
            var until = DateTime.UtcNow + Patience;
            while (DateOnly.FromDateTime(Now()) <= cutoff && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            await CaughtUpAsync(workspace, cutoff);
            await last.StopAsync();
        }

        AssertSameAsSimulation(workspace, imported, cutoff);
    }

    [Fact]
    public async Task A_restart_after_a_week_down_follows_the_misfire_rules()
    {
        using var workspace = ReliabilityWorkspace.Create();
        // No anchor: the clock stands at 03/03 while the server starts (on a loaded machine a start given
        // an anchor imported on 11/03, after the moments this test is about).
        DateTimeOffset firstStart;
        using (var server = await ServerProcess.StartAsync(workspace, new ServerClock(VirtualStart, null, Speed)))
        {
            firstStart = server.Anchor;
            await Task.Delay(TimeSpan.FromSeconds(2));
            await server.StopAsync();
        }

        // Back on Wednesday 12/03/2025 at 09:00, with a clock that now hardly moves.
        using (var server = await ServerProcess.StartAsync(workspace, new ServerClock(new DateTime(2025, 3, 12, 9, 0, 0), DateTimeOffset.UtcNow, 1)))
        {
            // Quartz handles misfired triggers in batches, a few seconds after the start: wait until
            // no timer of the week that passed is left.
            var until = DateTime.UtcNow + Patience;
            while (workspace.TimersDueBy("2025-03-12T09:00:00") > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            Assert.Equal(0, workspace.TimersDueBy("2025-03-12T09:00:00"));
            await server.StopAsync();
        }

        var outbox = workspace.Outbox().Select(o => o.Key).ToHashSet();
        log.WriteLine(string.Join('\n', outbox.Order(StringComparer.Ordinal)));

        // Task 4, due Friday 07/03: the reminders of 04/03 and 06/03 passed while down and after the
        // due date: skipped. The overdue notice of 10/03 and the escalation of 12/03 passed: sent once.
        // (What fell due before the import is caught up once on the import's day: on a slow machine the
        // first start may import on 04/03, and then that catch-up, not the 04/03 timer, is dated 04/03.)
        var imported = DateOnly.FromDateTime(VirtualAt(firstStart, workspace.ImportedAtUtc()));
        if (imported < new DateOnly(2025, 3, 4))
        {
            Assert.DoesNotContain("thu-2025/4/1/reminder/2025-03-04", outbox);
        }
        Assert.DoesNotContain("thu-2025/4/1/reminder/2025-03-06", outbox);
        Assert.Contains("thu-2025/4/1/overdue/2025-03-10", outbox);
        Assert.Contains("thu-2025/4/1/escalation/2025-03-12", outbox);

        // Task 17, due Thursday 20/03: its 14-day reminder (06/03) passed while down, the task is
        // still open and not yet due: sent once. The 7-day one (13/03) is still ahead.
        Assert.Contains("thu-2025/17/1/reminder/2025-03-06", outbox);
        Assert.DoesNotContain("thu-2025/17/1/reminder/2025-03-13", outbox);
        AssertNoStepTwice(workspace);
    }

    [PostgresFact]
    public async Task Two_servers_on_one_postgresql_share_the_timers_and_fire_each_once()
    {
        using var workspace = ReliabilityWorkspace.Create(Workflow.Tests.PostgresFactAttribute.ConnectionString);
        var realStart = DateTimeOffset.UtcNow;
        var clock = new ServerClock(VirtualStart, realStart, Speed);
        DateOnly cutoff;
        using (var a = await ServerProcess.StartAsync(workspace, clock, "--cluster"))
        using (var b = await ServerProcess.StartAsync(workspace, clock, "--cluster"))
        {
            // Outcomes, not speed: run until six virtual days past the import have gone by (the import's own day is not compared) and both
            // servers have fired, however slowly the machine reaches that (within a generous cap).
            var until = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < until && !(VirtualNow(realStart) >= ImportDay(workspace, realStart)?.AddDays(6) && FiringNodes(workspace).Count == 2))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            cutoff = DateOnly.FromDateTime(VirtualNow(realStart)).AddDays(-1);
            await CaughtUpAsync(workspace, cutoff);
            await Task.WhenAll(a.StopAsync(), b.StopAsync());
        }

        AssertSameAsSimulation(workspace, DateOnly.FromDateTime(VirtualAt(realStart, workspace.ImportedAtUtc())), cutoff);
        var nodes = FiringNodes(workspace);
        Assert.True(nodes.Count == 2, "both servers fired timers: " + string.Join(", ", nodes));
    }

    /// <summary>
    /// Waits until the running server has fired every timer due by the end of <paramref name="cutoff"/> (what was
    /// missed while it was down included): the outbox is then complete through that day, however slowly a loaded
    /// machine got there. The caller fixes the day before the wait starts: chasing a moving "yesterday" let a lagging
    /// server fall further behind until its firings counted as late.
    /// </summary>
    private static async Task CaughtUpAsync(ReliabilityWorkspace workspace, DateOnly cutoff)
    {
        var until = DateTime.UtcNow + Patience;
        var end = cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59";
        while (workspace.TimersDueBy(end) is var pending and > 0)
        {
            Assert.True(DateTime.UtcNow < until, $"{pending} timers due by {cutoff:yyyy-MM-dd} still waiting after {Patience.TotalMinutes:0} minutes");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>
    /// What the server queued from the day after its import through <paramref name="cutoff"/> (a day it had caught up
    /// on: <see cref="CaughtUpAsync"/>) is exactly what `workflow simulate` gives for the same plan and days: every
    /// notification, once. The simulation starts on the virtual day the server imported the plan: what fell due before
    /// an import is caught up on the import's day, and on a loaded machine the server may reach its import after the
    /// clock's first virtual day has gone by (a virtual day is 12 real seconds). The import's own day is left out of
    /// the comparison: `simulate --from` starts at that day's midnight, the server at the moment of its import, so an
    /// import that a loaded machine reaches at 17:00 rightly skips that morning's 08:00 escalation the simulation sends
    /// (both then follow the same schedule; the catch-up rules of an import are the week-down test's).
    /// </summary>
    private void AssertSameAsSimulation(ReliabilityWorkspace workspace, DateOnly imported, DateOnly cutoff)
    {
        var (exit, output, error) = WorkflowProcess.Run(WorkflowProcess.Root, "simulate", "--workflows", workspace.Workflows, "--plan", workspace.Plan,
            "--from", imported.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--to", cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json");
        Assert.True(exit == 0, error);
        var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            var day = e.GetProperty("at").GetString()![..10];
            return (Day: DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Key: $"thu-2025/{e.GetProperty("task").GetString()}/{e.GetProperty("milestone").GetInt32()}/{e.GetProperty("action").GetString()}/{day}");
        }).Where(e => e.Day > imported).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var actual = workspace.Outbox()
            .Where(o => DateOnly.ParseExact(o.At[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture) is var day && day > imported && day <= cutoff)
            .Select(o => o.Key).Order(StringComparer.Ordinal).ToList();

        log.WriteLine($"imported {imported:yyyy-MM-dd}, cutoff {cutoff:yyyy-MM-dd}: {expected.Count} expected, {actual.Count} queued");
        Assert.True(expected.Count > 15, "the test must see many notifications after the import's day: " + expected.Count);
        if (!expected.SequenceEqual(actual))
        {
            // What each differing milestone's history says (a skipped reminder, a catch-up): the why of a failure.
            foreach (var task in expected.Except(actual).Concat(actual.Except(expected)).Select(key => key.Split('/')[1]).Distinct())
            {
                log.WriteLine($"task {task}, expected ∖ queued: {string.Join(", ", expected.Except(actual).Where(k => k.Split('/')[1] == task))}; queued ∖ expected: {string.Join(", ", actual.Except(expected).Where(k => k.Split('/')[1] == task))}");
                foreach (var entry in workspace.HistoryOf(task))
                {
                    log.WriteLine("  " + entry);
                }
            }
        }

        Assert.Equal(expected, actual);
        AssertNoStepTwice(workspace);
    }

    /// <summary>No send step of any milestone ran twice (the outbox's unique key would hide it; the history does not).</summary>
    private static void AssertNoStepTwice(ReliabilityWorkspace workspace)
    {
        var sends = workspace.Sends();
        // The history says which moment each send was for: one send a (milestone, kind, moment).
        var twice = sends.GroupBy(s => (s.Milestone, s.What, s.Why)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "steps run twice: " + string.Join(", ", twice));
    }

    /// <summary>The servers (by their history's signature) that sent something.</summary>
    private static List<string> FiringNodes(ReliabilityWorkspace workspace) =>
        workspace.Sends().Select(s => s.By).Where(b => b.StartsWith("hệ thống (", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>The virtual midnight of the day the plan was imported; null until it is.</summary>
    private static DateTime? ImportDay(ReliabilityWorkspace workspace, DateTimeOffset realStart)
    {
        try
        {
            return VirtualAt(realStart, workspace.ImportedAtUtc()).Date;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return null;
        }
    }

    private static DateTime VirtualNow(DateTimeOffset realStart) => VirtualAt(realStart, DateTimeOffset.UtcNow);

    /// <summary>The server's virtual time at a real moment, on the clock that started at <paramref name="realStart"/>.</summary>
    private static DateTime VirtualAt(DateTimeOffset realStart, DateTimeOffset real) => VirtualAt(VirtualStart, realStart, real);

    /// <summary>The virtual time at <paramref name="real"/> on a clock that was at <paramref name="start"/> at the real instant <paramref name="anchor"/>.</summary>
    private static DateTime VirtualAt(DateTime start, DateTimeOffset anchor, DateTimeOffset real) =>
        start + TimeSpan.FromTicks((long)((real - anchor).Ticks * Speed));
}
