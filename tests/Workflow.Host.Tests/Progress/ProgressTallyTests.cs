using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;

namespace Workflow.Host.Tests.Progress;

/// <summary>
/// The counts kept on write (<see cref="ProgressTally"/>) against the truth, a GROUP BY over the
/// milestones themselves, after every kind of change the runtime makes to a milestone: the import,
/// timers firing, reports done (on time and late), an extension, an event, a lead's succession, a
/// re-import that reschedules and takes out, a restore, closing and reopening; and the pages'
/// answers from them against the rules applied to every milestone in memory, on today and on a day
/// before some done dates.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ProgressTallyTests : IAsyncLifetime
{
    private const string Plan = "dem-2025";

    private readonly TestClock clock = TestClock.At(2025, 1, 2, 9);
    private SqliteHost host = null!;
    private WorkflowsData data = null!;

    private WorkflowRuntime Runtime => host.Runtime;

    public async Task InitializeAsync()
    {
        data = WorkflowsData.Load(CliRun.Workflows);
        host = await SqliteHost.StartAsync(data, clock);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>A 2025 plan whose tasks are due in each way there is, one led by an agency that ended on 28/02/2025.</summary>
    private Plan Counted(bool changed = false)
    {
        var csv = new StringBuilder("Mã kế hoạch,dem-2025\nTên kế hoạch,Kế hoạch đếm 2025\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n")
            .Append("1,Việc quý I,Sở Tư pháp,Quý I/2025\n")
            .Append(changed ? "2,Việc quý II dời sang quý III,Sở Tài chính,Quý III/2025\n" : "2,Việc quý II,Sở Tài chính,Quý II/2025\n")
            .Append("3,Việc tháng 2,Sở Thông tin và Truyền thông,Tháng 02/2025\n")
            .Append("4,Thường xuyên,\"Sở Nội vụ, Sở Tư pháp\",Trong năm 2025\n")
            .Append("5,Khi có hướng dẫn,Sở Nội vụ,Khi có hướng dẫn của Trung ương\n");
        if (!changed)
        {
            csv.Append("6,Báo cáo hằng quý,Sở Thông tin và Truyền thông,Định kỳ hằng quý\n");
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var read = PlanReader.Read(stream, "dem-2025.csv", data.Reference);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        return read.Plan!;
    }

    [Fact]
    public async Task The_counts_kept_on_write_are_the_GROUP_BY_of_the_milestones_after_every_change_and_the_pages_answer_the_same()
    {
        await Runtime.ImportAsync(PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!, "test");
        await Runtime.ImportAsync(Counted(), "test");
        await AssertCountsAsync("import");

        clock.Set(2025, 1, 20, 9);
        await FireDueAsync();
        await AssertCountsAsync("timers");

        Assert.Equal(1, await Runtime.MarkDoneAsync(new PlanId(Plan), new TaskId("1"), null, new LocalDate(2025, 1, 15), "test"));
        Assert.True(await Runtime.MarkDoneAsync(new PlanId("cchc-2025"), new TaskId("15"), null, new LocalDate(2025, 1, 20), "test") > 0);
        await AssertCountsAsync("reports done");

        Assert.Equal(1, await Runtime.ExtendAsync(new PlanId(Plan), new TaskId("2"), 1, new LocalDate(2025, 7, 15), "test"));
        await AssertCountsAsync("extension");

        Assert.Equal(1, await Runtime.RecordEventAsync(new PlanId(Plan), new TaskId("5"), new LocalDate(2025, 1, 18), "test"));
        await AssertCountsAsync("event");

        clock.Set(2025, 3, 1, 0, 5);
        Assert.True(await Runtime.HandOverAsync() > 0);
        await AssertCountsAsync("succession");
        clock.Set(2025, 3, 4, 9);
        await FireDueAsync();
        Assert.Equal(1, await Runtime.MarkDoneAsync(new PlanId(Plan), new TaskId("3"), null, new LocalDate(2025, 3, 4), "test")); // late: due 28/02
        await AssertCountsAsync("a late report");

        var reimport = await Runtime.ImportAsync(Counted(changed: true), "test", allowRemoval: true);
        Assert.True(reimport.Removed > 0 && reimport.Rescheduled > 0, reimport.ToString());
        await AssertCountsAsync("re-import");
        Assert.True(await Runtime.RestoreAsync(new PlanId(Plan), new TaskId("6"), null, "test") > 0);
        await AssertCountsAsync("restore");

        Assert.True((await Runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId(Plan), PlanAction.Close, null, "thử", "test"))).Changed);
        await AssertCountsAsync("close");
        Assert.True((await Runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId(Plan), PlanAction.Reopen, null, "thử", "test"))).Changed);
        await AssertCountsAsync("reopen");

        // The pages' answers from the counts, on today and on a day before reports were done (those milestones were open then).
        await AssertAnswersAsync(Runtime.Now.Date);
        await AssertAnswersAsync(new LocalDate(2025, 1, 16));
        await AssertAnswersAsync(new LocalDate(2024, 12, 1));

        // Counted again from the rows (as after a change by SQL), the counts are the same.
        await using (var db = await host.Databases.CreateDbContextAsync())
        {
            await ProgressTally.RebuildAsync(db);
        }

        await AssertCountsAsync("rebuilt");
        await AssertAnswersAsync(Runtime.Now.Date);
    }

    /// <summary>Every timer due by now fires, as the server's triggers would.</summary>
    private async Task FireDueAsync()
    {
        List<LocalDateTime> moments;
        await using (var db = await host.Databases.CreateDbContextAsync())
        {
            var now = Runtime.Now;
            moments = await db.Milestones.AsNoTracking().Where(m => m.Status == RunStatus.Waiting && m.BookmarkAt != null && m.BookmarkAt <= now)
                .Select(m => m.BookmarkAt!.Value).Distinct().OrderBy(m => m).ToListAsync();
        }

        Assert.NotEmpty(moments);
        foreach (var moment in moments)
        {
            await Runtime.ResumeMomentAsync(moment, "test");
        }
    }

    /// <summary>The stored counts (rows whose count is not zero) are the GROUP BY of the milestones, both grains; each keeps the latest done date it holds.</summary>
    private async Task AssertCountsAsync(string step)
    {
        await using var db = await host.Databases.CreateDbContextAsync();
        var stored = await db.ProgressCounts.AsNoTracking().ToListAsync();
        Assert.All(stored, c => Assert.True(c.Count >= 0, $"{step}: {c.Key} = {c.Count}"));
        Assert.All(stored, c => Assert.Equal(ProgressTally.KeyOf(c), c.Key));
        var truth = new List<ProgressCountRecord>();
        foreach (var grain in new[] { ProgressTally.PerPlan, ProgressTally.PerLead })
        {
            truth.AddRange(await ProgressTally.TruthAsync(db, grain, default));
        }

        var expected = truth.Select(t => $"{ProgressTally.KeyOf(t)} = {t.Count}").Order(StringComparer.Ordinal).ToList();
        var actual = stored.Where(c => c.Count != 0).Select(c => $"{c.Key} = {c.Count}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{step}: expected\n{string.Join('\n', expected.Except(actual))}\nstored\n{string.Join('\n', actual.Except(expected))}");
        var byKey = stored.ToDictionary(c => c.Key);
        Assert.All(truth.Where(t => t.LastDoneOn is not null), t => Assert.True(byKey[ProgressTally.KeyOf(t)].LastDoneOn >= t.LastDoneOn, step));
        Assert.True(truth.Count > 20, $"{step}: {truth.Count} facets");
    }

    /// <summary>The overview, the quarters, the agencies and the task list's totals against the rules over every milestone in memory.</summary>
    private async Task AssertAnswersAsync(LocalDate day)
    {
        var queries = new ProgressQueries(host.Databases, data.Reference.Agencies);
        var rules = queries.RulesFor(day);
        List<MilestoneRecord> all;
        await using (var db = await host.Databases.CreateDbContextAsync())
        {
            all = await db.Milestones.AsNoTracking().ToListAsync();
        }

        var overview = await queries.OverviewAsync(day, null, PlanScope.All);
        Assert.Equal(ProgressCounts.Of(all, rules), overview.Total);
        foreach (var plan in overview.Plans)
        {
            Assert.Equal(ProgressCounts.Of(all.Where(m => m.PlanId == plan.PlanId), rules), plan.Counts);
        }

        var year = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));
        Assert.Equal(ProgressCounts.Of(all.Where(m => m.EffectiveDue is { } d && d.Year == 2025), rules), (await queries.OverviewAsync(day, year, PlanScope.All)).Total);

        foreach (var quarter in await queries.QuartersAsync(Plan, day, PlanScope.All))
        {
            Assert.Equal(ProgressCounts.Of(all.Where(m => m.PlanId == Plan && m.EffectiveDue is { } d && d.Year == quarter.Year && (d.Month + 2) / 3 == quarter.Quarter), rules), quarter.Counts);
        }

        var agencies = await queries.AgenciesAsync(null, day, PlanScope.All);
        Assert.NotEmpty(agencies);
        foreach (var agency in agencies)
        {
            Assert.Equal(ProgressCounts.Of(all.Where(m => MilestoneMapping.LeadIds(m.Lead).Contains(agency.AgencyId)), rules), agency.Counts);
        }

        foreach (var state in ProgressStates.All)
        {
            var page = await queries.TasksAsync(new TaskFilter { Scope = PlanScope.All, State = state, AgencyId = "so-noi-vu" }, day);
            Assert.Equal(all.Count(m => rules.StateOf(m) == state && MilestoneMapping.LeadIds(m.Lead).Contains("so-noi-vu")), page.Total);
        }
    }
}
