using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// The designer's dry run of a definition whose timer fires every second: on main it grew the
/// server to 6 GB in 80 s and ran on after the client left. Now it is refused within its budget,
/// with a Vietnamese problem, and the server goes on answering.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class DryRunBudgetTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync() => server = await WebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static JsonNode EverySecond() => JsonNode.Parse("""
        {
          "id": "moi-giay:1", "definitionId": "moi-giay", "name": "Mỗi giây", "version": 1,
          "root": {
            "id": "Flowchart1", "type": "Elsa.Flowchart",
            "activities": [
              {"id": "start", "type": "Cchc.MilestoneStart"},
              {"id": "tick", "type": "Elsa.Timer", "interval": "00:00:01"},
              {"id": "remind", "type": "Cchc.SendReminder"}
            ],
            "connections": [
              {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "tick", "port": "In"}},
              {"source": {"activity": "tick", "port": "Done"}, "target": {"activity": "remind", "port": "In"}},
              {"source": {"activity": "remind", "port": "Done"}, "target": {"activity": "tick", "port": "In"}}
            ]
          }
        }
        """)!;

    [Fact]
    public async Task A_dry_run_of_a_timer_every_second_is_refused_within_its_budget()
    {
        using var client = await server.SignedInAsync();
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/definitions/moi-giay/dry-run", UriKind.Relative))
        {
            Content = JsonContent.Create(new { plan = "cchc-2025", definition = EverySecond() }),
        };
        request.Headers.Add("X-CSRF-TOKEN", await WebServer.CsrfAsync(client));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("problems", body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        using var after = await client.GetAsync(new Uri("/api/overview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>
    /// A client that leaves in the middle of a dry run stops the server's work. No timing: the run
    /// (of a definition that would go on until its budget) is watched through its activity; when it
    /// has started, the client disconnects, and the run's first step after the request was aborted
    /// on the server is held until then. The run must then end as cancelled, long before its budget.
    /// </summary>
    [Fact]
    public async Task A_client_that_disconnects_mid_dry_run_stops_the_run()
    {
        using var client = await server.SignedInAsync();
        var csrf = await WebServer.CsrfAsync(client);
        var definition = EverySecond(); // an hourly loop (the floor for a loop) over every milestone of the plan: millions of steps, so it would run to its budget
        definition["definitionId"] = "roi-di";
        definition["id"] = "roi-di:1";
        definition["root"]!["activities"]![1]!["interval"] = "01:00:00";
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource<(object? Outcome, long Steps)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Workflow.Host.Simulation.Simulator.Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.GetTagItem("workflow.definition") as string != "roi-di")
                {
                    return;
                }

                // On the server's thread, before the first step: let the client go, and go on only once the server saw it leave.
                var ct = (CancellationToken)activity.GetCustomProperty(Workflow.Host.Simulation.Simulator.Telemetry.CancellationProperty)!;
                started.SetResult();
                aborted.SetResult(ct.WaitHandle.WaitOne(TimeSpan.FromMinutes(2)));
            },
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("workflow.definition") as string == "roi-di")
                {
                    stopped.SetResult((activity.GetTagItem("workflow.outcome"), (long)activity.GetTagItem("workflow.steps")!));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var leave = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/definitions/roi-di/dry-run", UriKind.Relative))
        {
            Content = JsonContent.Create(new { plan = "cchc-2025", definition }),
        };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        var sending = client.SendAsync(request, leave.Token);
        if (await Task.WhenAny(started.Task, sending).WaitAsync(TimeSpan.FromMinutes(2)) == sending)
        {
            using var answered = await sending;
            Assert.Fail($"the dry run answered before it started: {(int)answered.StatusCode} {await answered.Content.ReadAsStringAsync()}");
        }

        await leave.CancelAsync(); // the browser leaves: its connection closes
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        Assert.True(await aborted.Task.WaitAsync(TimeSpan.FromMinutes(2)), "the server never saw the client leave");
        var (outcome, steps) = await stopped.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(Workflow.Host.Simulation.Simulator.Telemetry.Cancelled, outcome);
        Assert.True(steps < Workflow.Host.Simulation.SimulationBudget.DryRun.MaxSteps, $"{steps} steps"); // stopped by the client leaving, not by the budget

        // The server goes on answering.
        using var after = await client.GetAsync(new Uri("/api/overview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
