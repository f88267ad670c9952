using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A simulation holds to its budget (span, steps, notifications) and stops when cancelled.</summary>
public class SimulationBudgetTests
{
    private static (Simulator Simulator, Plan Plan) Setup()
    {
        var data = WorkflowsData.Load(CliRun.Workflows);
        var plan = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        return (new Simulator(data.Reference.Calendar, new AgencyId(data.Reference.Reports.FollowUpAgency), new MilestonePlanner(data.Reference.Agencies, data.Definitions, data.Rules)), plan);
    }

    [Fact]
    public void A_span_past_the_calendar_or_the_budget_is_refused_before_any_step()
    {
        var (simulator, plan) = Setup();
        var far = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2150, 1, 1), [], []));
        Assert.Contains("01/01/2150", far.Message, StringComparison.Ordinal);
        var long_ = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2035, 1, 1), [], []));
        Assert.Contains("vượt giới hạn", long_.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_and_notifications_past_the_budget_stop_the_run_with_where_it_was()
    {
        var (simulator, plan) = Setup();
        var steps = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], [], budget: SimulationBudget.Command with { MaxSteps = 500 }));
        Assert.Contains("500 bước", steps.Message, StringComparison.Ordinal);
        var notifications = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], [], budget: SimulationBudget.Command with { MaxNotifications = 100 }));
        Assert.Contains("hơn 100 thông báo", notifications.Message, StringComparison.Ordinal);

        // The whole 2025 plan is far inside the default budget.
        Assert.True(simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], []).Notifications.Count > 1000);
    }

    /// <summary>The memory part of the budget is measured (bytes the run allocated), not inferred from steps: a run past it stops, saying so.</summary>
    [Fact]
    public void A_run_that_allocates_past_its_memory_budget_stops_with_a_Vietnamese_message()
    {
        var (simulator, plan) = Setup();
        var budget = SimulationBudget.Command with { MaxAllocatedBytes = 1024 * 1024 };

        var refused = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], [], budget: budget));

        Assert.Contains("bộ nhớ, vượt giới hạn 1 MB của một lần mô phỏng", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Hãy sửa các bộ hẹn giờ hoặc rút ngắn khoảng mô phỏng.", refused.Message, StringComparison.Ordinal);
        var dryRun = Assert.Throws<SimulationBudgetExceededException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], [], budget: SimulationBudget.DryRun with { MaxAllocatedBytes = 1024 * 1024 }));
        Assert.Contains("của một lần chạy thử", dryRun.Message, StringComparison.Ordinal);
    }

    /// <summary>What a real run allocates (the activity's tag) is far inside the memory budgets.</summary>
    [Fact]
    public void The_2025_plan_over_13_months_allocates_far_less_than_the_dry_run_budget()
    {
        var (simulator, plan) = Setup();
        long? allocated = null;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Simulator.Telemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("workflow.plan") as string == plan.Id.Value && activity.GetTagItem("workflow.from") as string == "2025-01-01")
                {
                    allocated = (long)activity.GetTagItem("workflow.allocated_bytes")!;
                    Assert.Equal(Simulator.Telemetry.Completed, activity.GetTagItem("workflow.outcome"));
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], []);

        Assert.NotNull(allocated);
        Assert.True(allocated > 0 && allocated < SimulationBudget.DryRun.MaxAllocatedBytes / 10, $"{allocated:#,0} bytes");
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        var (simulator, plan) = Setup();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], [], ct: cancelled.Token));
    }
}
