using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Quartz;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// A server on an accelerated clock restarted on a new anchor (`serve --clock-start` after a stop): its
/// reconciliation sets every trigger the first server left to the instant the new clock gives, however
/// small the difference. At 3,600 times real time half a second is half an hour of the plan's time, and a
/// trigger that fires before its moment does nothing until the next reconciliation.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class AcceleratedRestartTests
{
    private static readonly LocalDateTime Start = new(2025, 3, 27, 0, 0);

    [Theory]
    [InlineData(500)]
    [InlineData(5_000)]
    public async Task A_restart_on_a_new_anchor_sets_each_trigger_to_the_new_clocks_instant(int laterByMilliseconds)
    {
        var data = WorkflowsData.Load(CliRun.Workflows);
        var read = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference);
        Assert.True(read.IsValid, string.Join('\n', read.Problems));
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-restart-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var settings = DatabaseSettings.Parse("sqlite:" + Path.Combine(directory, "w.db"), "unused");
        var time = new TestClock(Instant.FromUtc(2026, 12, 3, 6, 0, 0));
        var anchor = time.Now;
        try
        {
            using (var first = WorkflowHost.Build(data, settings, runJobs: false, clock: RuntimeClock.Accelerated(Start, 3600, anchor, time)))
            {
                await first.StartAsync();
                await first.Services.GetRequiredService<WorkflowRuntime>().ImportAsync(read.Plan!, "test");
                await first.StopAsync();
            }

            var clock = RuntimeClock.Accelerated(Start, 3600, anchor + Duration.FromMilliseconds(laterByMilliseconds), time);
            using var second = WorkflowHost.Build(data, settings, runJobs: false, clock: clock);
            await second.StartAsync();
            await second.Services.GetRequiredService<WorkflowRuntime>().ReconcileAsync();

            var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(WorkflowRuntime.TriggerGroup));
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var moment = NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(key.Name).Value;
                var trigger = await scheduler.GetTrigger(key);
                Assert.Equal(clock.ToReal(moment), trigger!.NextFireTimeUtc);
            }

            await second.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
