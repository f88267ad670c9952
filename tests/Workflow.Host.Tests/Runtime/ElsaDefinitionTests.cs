using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Hosting;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// Elsa 3's own definitions (../shared/elsa-samples, read where they are) and a definition written with Elsa's
/// activities only: read and written back unchanged, run in <c>simulate</c> and in the server, or refused clearly.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ElsaDefinitionTests
{
    /// <summary>../shared/elsa-samples beside the repository (for a worktree, beside the folder of worktrees).</summary>
    private static readonly string Samples = FindSamples();
    private static readonly string Plan2025 = Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv");
    private static readonly string ElsaExample = Path.Combine(CliRun.Workflows, "definitions", "examples", "elsa-nhac-truoc-7-ngay.json");

    /// <summary>The twelve built from the activities this product runs, with the lines their WriteLines write for one milestone.</summary>
    public static TheoryData<string, string[]> Runnable => new()
    {
        // Timer and Cron start these two: Elsa triggers, firing again and again (the one-minute timer no more often than hourly).
        { "01-timer-workflow.json", [.. Enumerable.Repeat("Hello from timer", 48)] },
        { "02-cron-every-hour.json", [.. Enumerable.Repeat("Hello every hour", 47)] },
        { "04-flowchart-workflow3-delay-flat.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine5", "WriteLine6", "WriteLine7", "WriteLine8", "WriteLine9"] },
        { "05-flowchart-workflow4-decision-delay-flat.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine6", "WriteLine7"] },
        { "06-flowchart-workflow5-event.json", ["Intermediary", ""] },
        { "07-implicit-loop-flat.json", ["Do something", "Retry", "Do something", "Done"] },
        { "08-writeline.json", ["Dummy Text"] },
        { "09-decision-merge-end.json", [] },
        { "10-join-start-end.json", ["", ""] },
        { "11-join-all-1.json", ["Start", "Line 1", "Line 2", "End"] },
        { "13-setvariable-js.json", [] },
        { "18-flowchart-workflow1-flat.json", ["WriteLine1", "WriteLine2", "WriteLine3"] },
    };

    /// <summary>The six that use what this product does not run, with the type each refusal must name.</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "03-http-workflow.json", "Elsa.HttpEndpoint" },
        { "12-csharp-consumer.json", "Producer" },
        { "14-sequence-root.json", "Elsa.ExecuteWorkflow" },
        { "15-samples-hello-http-flat.json", "Elsa.HttpEndpoint" },
        { "16-samples-get-product-liquid.json", "Elsa.FlowSendHttpRequest" },
        { "17-server-triggers.json", "Elsa.HttpEndpoint" },
    };

    public static TheoryData<string> All => [.. Directory.EnumerateFiles(Samples, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_corpus_has_its_eighteen_files()
    {
        Assert.Equal(18, All.Count);
        Assert.Equal(18, Runnable.Count + Refused.Count);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_sample_is_read_and_written_back_unchanged(string file)
    {
        var text = File.ReadAllText(Path.Combine(Samples, file));
        var read = WorkflowDefinitionReader.Read(text, file);
        Assert.True(read.Definition is not null, string.Join(Environment.NewLine, read.Problems));
        var original = JsonNode.Parse(text.TrimStart('\uFEFF'));
        var written = JsonNode.Parse(read.Definition.ToJson());
        Assert.True(JsonNode.DeepEquals(original, written), $"{file} changed:{Environment.NewLine}{read.Definition.ToJson()}");
        Assert.Equal(read.Definition, WorkflowDefinitionReader.Read(read.Definition.ToJson(), file).Definition);
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void The_samples_built_from_supported_activities_run_in_simulate(string file, string[] lines)
    {
        var (exit, output, error) = CliRun.Run("simulate", "--plan", Plan2025, "--definition", Path.Combine(Samples, file), "--from", "2025-03-17", "--to", "2025-03-18", "--json");
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);

        var run = SimulateOne(file, "15");
        var written = run.History.Where(h => h.What == "ghi chép").Select(h => h.Why).ToArray();
        Assert.Equal(lines, written);
        Assert.DoesNotContain(run.History, h => h.What is "lỗi" or "dừng quy trình");
    }

    [Fact]
    public void Elsa_semantics_hold_in_the_samples()
    {
        // Timer (the start, so a trigger): the minute passes, then WriteLine; then it fires again, no more often than hourly.
        var timer = SimulateOne("01-timer-workflow.json", "15");
        var ticks = timer.History.Where(h => h.What == "ghi chép").Select(h => h.At).ToList();
        Assert.Equal([new LocalDateTime(2025, 3, 17, 0, 1), new LocalDateTime(2025, 3, 17, 1, 1)], ticks.Take(2));
        Assert.Equal(RunStatus.Waiting, timer.Status);

        // Cron "0 0 * * * *" (the start, so a trigger): every whole hour.
        var hours = SimulateOne("02-cron-every-hour.json", "15").History.Where(h => h.What == "ghi chép").Select(h => h.At).ToList();
        Assert.Equal([new LocalDateTime(2025, 3, 17, 1, 0), new LocalDateTime(2025, 3, 17, 2, 0)], hours.Take(2));
        Assert.Equal(new LocalDateTime(2025, 3, 18, 23, 0), hours[^1]);

        // The body of a FlowNode waits for its event; the other branch from the same port ran in parallel.
        var fork = SimulateOne("06-flowchart-workflow5-event.json", "15");
        Assert.Equal(RunStatus.Waiting, fork.Status);
        Assert.Equal("Event4", Assert.Single(fork.Bookmarks).EventName);

        // SetVariable with JavaScript: the object, then the copy through the generated getter.
        var variables = SimulateOne("13-setvariable-js.json", "15");
        Assert.Equal("Inform front-office", variables.Variables["Variable1"]!["inputSchema"]!["title"]!.GetValue<string>()[..19]);
        Assert.True(JsonNode.DeepEquals(variables.Variables["Variable1"], variables.Variables["Variable2"]));

        // Implicit loop: the counter ends it.
        Assert.Equal(2, SimulateOne("07-implicit-loop-flat.json", "15").Variables["Counter"]!.GetValue<double>());

        // End after a decision ends the workflow.
        Assert.Equal("kết thúc", SimulateOne("09-decision-merge-end.json", "15").History[^1].What);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_samples_that_need_http_csharp_or_custom_activities_are_refused_clearly(string file, string type)
    {
        var (exit, output, error) = CliRun.Run("simulate", "--plan", Plan2025, "--definition", Path.Combine(Samples, file), "--from", "2025-03-17", "--to", "2025-03-18", "--json");
        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"\"{type}\"", error, StringComparison.Ordinal);
        Assert.Contains("không chạy được", error, StringComparison.Ordinal);
        Assert.Contains("Các loại dùng được: ", error, StringComparison.Ordinal);
        Assert.Contains("Elsa.SendEmail", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_elsa_only_definition_reminds_seven_days_before_the_effective_date_in_simulate()
    {
        var (exit, output, error) = CliRun.Run("simulate", "--plan", Plan2025, "--definition", ElsaExample, "--from", "2025-03-01", "--to", "2025-04-30", "--json");
        Assert.True(exit == 0, error);
        var task15 = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Where(n => n["task"]!.GetValue<string>() == "15").ToList();
        var line = Assert.Single(task15);
        Assert.Equal("""{"at":"2025-03-24T08:00","action":"email","task":"15","milestone":1,"due":"2025-03-31","to":["van-phong-ubnd-thanh-pho"]}""", line.ToJsonString());

        // Done before the day: the decision on Done ends it without an email.
        var (_, done, _) = CliRun.Run("simulate", "--plan", Plan2025, "--definition", ElsaExample, "--from", "2025-03-01", "--to", "2025-04-30", "--json", "--done", "15=2025-03-20");
        Assert.DoesNotContain("\"task\":\"15\"", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_elsa_only_definition_gives_the_server_the_same_timeline_as_simulate()
    {
        var loaded = WorkflowsData.Load(CliRun.Workflows);
        var definition = WorkflowDefinitionReader.ReadFile(ElsaExample).Definition!;
        var data = loaded with
        {
            Definitions = DefinitionCatalog.Create([definition]),
            Rules = DefinitionRules.Load(new StringReader("default: elsa-nhac-truoc-7-ngay\nrules: []\n"), "rules.yaml"),
        };
        var plan = PlanReader.Read(Plan2025, data.Reference).Plan!;
        var simulated = new Simulator(data.Reference.Calendar, new AgencyId(data.Reference.Reports.FollowUpAgency), new MilestonePlanner(data.Reference.Agencies, data.Definitions, data.Rules))
            .Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2025, 4, 30), [], [])
            .Notifications
            .Select(n => (n.Key, n.Kind, n.Task, n.Milestone, To: string.Join(',', n.To), n.Subject))
            .Order().ToList();
        Assert.Contains(simulated, n => n.Key == "cchc-2025/15/1/email:nhac/2025-03-24");

        var clock = TestClock.At(2025, 1, 1);
        await using var host = await SqliteHost.StartAsync(data, clock);
        await host.Runtime.ImportAsync(plan, "test");
        for (var day = new LocalDate(2025, 1, 1); day <= new LocalDate(2025, 4, 30); day = day.PlusDays(1))
        {
            foreach (var moment in await MomentsAsync(host, day))
            {
                clock.Now = moment.InZoneStrictly(WorkflowDefinition.TimeZone).ToInstant();
                await host.Runtime.ResumeMomentAsync(moment, "test");
            }
        }

        await using var db = await host.Databases.CreateDbContextAsync();
        var served = (await db.Outbox.AsNoTracking().ToListAsync())
            .Select(o => (o.Key, o.Kind, Task: o.TaskId, o.Milestone, o.To, o.Subject))
            .Order().ToList();
        Assert.Equal(simulated, served);
        var row = await db.Milestones.AsNoTracking().SingleAsync(m => m.TaskId == "15");
        var history = await db.History.AsNoTracking().Where(h => h.MilestoneId == row.Id).Select(h => h.Why).ToListAsync();
        Assert.Contains("Đã nhắc van-phong-ubnd-thanh-pho trước hạn 2025-03-31", history);
    }

    private static async Task<List<LocalDateTime>> MomentsAsync(SqliteHost host, LocalDate day)
    {
        await using var db = await host.Databases.CreateDbContextAsync();
        var (from, to) = (day.AtMidnight(), day.PlusDays(1).AtMidnight());
        return await db.Milestones.AsNoTracking()
            .Where(m => m.Status == RunStatus.Waiting && m.BookmarkAt >= from && m.BookmarkAt < to)
            .Select(m => m.BookmarkAt!.Value).Distinct().OrderBy(m => m).ToListAsync();
    }

    private static string FindSamples()
    {
        for (var dir = Directory.GetParent(CliRun.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "elsa-samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no shared/elsa-samples beside {CliRun.Root} or above it: the Elsa conformance tests read Elsa's definitions there");
    }

    private static MilestoneRun SimulateOne(string file, string task)
    {
        var reference = ReferenceData.Load(CliRun.Workflows);
        var definition = WorkflowDefinitionReader.ReadFile(Path.Combine(Samples, file)).Definition!;
        var plan = PlanReader.Read(Plan2025, reference).Plan!;
        var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency),
            new MilestonePlanner(reference.Agencies, DefinitionCatalog.Create([]), DefinitionRules.None));
        var result = simulator.Run(plan, new LocalDate(2025, 3, 17), new LocalDate(2025, 3, 18), [], [], definition, keepHistory: true);
        return result.Runs.First(r => r.Key.Task.Value == task);
    }
}
