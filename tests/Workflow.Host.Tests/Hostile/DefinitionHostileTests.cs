using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Designer;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Tests;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// Hostile and careless workflow definitions (issue 12): each is refused with a Vietnamese message naming the
/// activity, and nothing changes. Refused at publish where it can be seen in the file (the designer publishes no
/// version, the folder is byte for byte the same); otherwise, when the script runs, the error is recorded on that
/// activity in the milestone's history and its fault, nothing is sent, and the run goes on without a crash.
/// </summary>
public sealed class DefinitionHostileTests : IDisposable
{
    private const string StartActivity = """{"id": "start", "type": "Elsa.Start"}""";

    private readonly string root = Path.Combine(Path.GetTempPath(), $"workflow-hostile-{Guid.NewGuid():N}");
    private readonly string workflows;

    public DefinitionHostileTests()
    {
        workflows = Path.Combine(root, "workflows");
        Workflow.Tests.RepositoryRoot.CopyWorkflowsTo(workflows);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Definitions refused when published: the activity they name, and words of the message.</summary>
    public static TheoryData<string, string, string, string> RefusedAtPublish => new()
    {
        // name, activities after the start (JSON), connections after start → first, expected activity, expected words
        { "python expression", """{"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Python", "value": "print(1)"}}}""", "a", "Python" },
        { "csharp expression", """{"id": "a", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "CSharp", "value": "true"}}}""", "a", "C#" },
        { "unknown expression language", """{"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Ruby", "value": "1"}}}""", "a", "\"Ruby\"" },
        { "javascript syntax error", """{"id": "a", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "getInput('Done'"}}}""", "a", "JavaScript lỗi cú pháp" },
        { "empty javascript", """{"id": "a", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "  "}}}""", "a", "trống" },
        { "broken liquid output", """{"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Liquid", "value": "Hạn {{ Input.Effective "}}}""", "a", "mẫu Liquid lỗi" },
        { "broken liquid tag", """{"id": "a", "type": "Elsa.SendEmail", "to": "so-noi-vu", "subject": {"typeName": "String", "expression": {"type": "Liquid", "value": "{% if %}x"}}}""", "a", "mẫu Liquid lỗi" },
        { "unknown activity type", """{"id": "a", "type": "Elsa.HttpEndpoint", "path": "x"}""", "a", "\"Elsa.HttpEndpoint\" không chạy được" },
        { "custom activity type", """{"id": "a", "type": "Producer", "workflowDefinitionId": "x"}""", "a", "Các loại dùng được" },
        { "wrong case of a type", """{"id": "a", "type": "elsa.writeline"}""", "a", "Có phải là \"Elsa.WriteLine\"" },
        { "one-second timer in a loop", """{"id": "a", "type": "Elsa.Timer", "interval": "00:00:01"}, {"id": "b", "type": "Elsa.WriteLine", "text": "tick"}|a>b,b>a""", "a", "mỗi giờ một lần" },
        { "half-hour delay in a loop", """{"id": "a", "type": "Elsa.Delay", "timeSpan": "00:30:00"}, {"id": "b", "type": "Cchc.SendReminder"}|a>b,b>a""", "a", "mỗi giờ một lần" },
        { "cron every minute", """{"id": "a", "type": "Elsa.Cron", "cronExpression": "* * * * *"}""", "a", "lặp lại quá dày" },
        { "cron every ten seconds", """{"id": "a", "type": "Elsa.Cron", "cronExpression": "*/10 * * * * *"}""", "a", "lặp lại quá dày" },
        { "cron that is not cron", """{"id": "a", "type": "Elsa.Cron", "cronExpression": "61 * * * *"}""", "a", "cron" },
        { "email to an unknown agency", """{"id": "a", "type": "Elsa.SendEmail", "to": "so-khong-co-that"}""", "a", "không có cơ quan \"so-khong-co-that\"" },
        { "email to a broken address", """{"id": "a", "type": "Elsa.SendEmail", "to": "nguoi-nhan@"}""", "a", "không phải địa chỉ thư" },
        { "email to a name", """{"id": "a", "type": "Elsa.SendEmail", "to": "Sở Nội vụ"}""", "a", "không phải mã cơ quan" },
        { "email with an empty recipient", """{"id": "a", "type": "Elsa.SendEmail", "to": "so-noi-vu,,"}""", "a", "\"to\"" },
        { "email without to", """{"id": "a", "type": "Elsa.SendEmail", "subject": "x"}""", "a", "thiếu đầu vào bắt buộc \"to\"" },
        { "set variable without variable", """{"id": "a", "type": "Elsa.SetVariable", "value": "1"}""", "a", "thiếu đầu vào bắt buộc \"variable\"" },
        { "join mode that does not exist", """{"id": "a", "type": "Elsa.FlowJoin", "mode": "WaitSome"}""", "a", "WaitAny, WaitAll" },
        { "start at a word", """{"id": "a", "type": "Elsa.StartAt", "dateTime": "ngày mai"}""", "a", "\"dateTime\"" },
        { "loop with no wait", """{"id": "a", "type": "Elsa.WriteLine", "text": "x"}, {"id": "b", "type": "Elsa.WriteLine", "text": "y"}|a>b,b>a""", "a", "vòng lặp không có bước chờ" },
        { "dangling connection", """{"id": "a", "type": "Elsa.WriteLine", "text": "x"}|a>ghost""", "a", "\"ghost\"" },
        { "port the decision lacks", """{"id": "a", "type": "Elsa.FlowDecision", "condition": true}|a.Maybe>start""", "a", "\"Maybe\"" },
        { "second start", """{"id": "a", "type": "Cchc.MilestoneStart"}""", "a", "chỉ có một" },
        { "template that does not exist", """{"id": "a", "type": "Cchc.SendReminder", "template": "khong-co"}""", "a", "Cchc.SendReminder, đầu vào \"template\": không có mẫu thư \"khong-co\" trong thư mục workflows/templates (cần cả khong-co.txt và khong-co.html). Các mẫu dùng được: reminder, overdue, digest." },
        { "escalation naming the digest", """{"id": "a", "type": "Cchc.Escalate", "template": "digest"}""", "a", "mẫu thư \"digest\" không dùng các trường của báo cáo quá hạn. Các mẫu dùng được: escalation." },
        { "literal template given as script", """{"id": "a", "type": "Cchc.SendReminder", "template": {"typeName": "String", "expression": {"type": "JavaScript", "value": "'x'"}}}""", "a", "chỉ nhận giá trị cố định" },
    };

    [Theory]
    [MemberData(nameof(RefusedAtPublish))]
    public void A_definition_refused_at_publish_names_the_activity_and_publishes_nothing(string name, string activities, string activity, string words)
    {
        var json = Definition(activities);
        var before = Snapshot();
        var workspace = new DesignerWorkspace(workflows);
        var saved = workspace.SaveDraft("hostile", json);
        Assert.True(saved.Saved, name);

        var published = workspace.Publish("hostile", "kiểm thử");
        Assert.False(published.Published, name);
        Assert.Null(published.Version);
        var problem = Assert.Single(published.Problems, p => p.Message.Contains(words, StringComparison.Ordinal));
        Assert.Equal(activity, problem.ActivityId);

        workspace.DiscardDraft("hostile");
        Assert.Equal(before, Snapshot());
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(workflows, "definitions")), f => Path.GetFileName(f).StartsWith("hostile", StringComparison.Ordinal));
    }

    /// <summary>Scripts that only fail when they run: the activity, and words of the recorded error.</summary>
    public static TheoryData<string, string, string> FailingWhenRun => new()
    {
        { "script that throws", Decision("throw new Error('hỏng')"), "hỏng" },
        { "script that loops forever", Decision("while (true) {}"), "bị dừng" },
        { "script that allocates without end", Decision("var a = []; while (true) { a.push(new Array(100000).join('x')); }"), "bị dừng" },
        { "script that recurses without end", Decision("function f() { return f(); } f()"), "đệ quy" },
        { "script reaching for .NET", Decision("System.IO.File.ReadAllText('/etc/passwd')"), "JavaScript báo lỗi" },
        { "script importing a namespace", Decision("importNamespace('System.IO')"), "JavaScript báo lỗi" },
        { "script compiling a string", Decision("eval('1 + 1') == 2"), "JavaScript" },
        { "script building a function", Decision("new Function('return 1')()"), "JavaScript" },
        { "start at a word from a script", """{"id": "x", "type": "Elsa.StartAt", "dateTime": {"typeName": "DateTime", "expression": {"type": "JavaScript", "value": "'thứ Hai tới'"}}}""", "ISO-8601" },
        { "start at a number from a script", """{"id": "x", "type": "Elsa.StartAt", "dateTime": {"typeName": "DateTime", "expression": {"type": "JavaScript", "value": "42"}}}""", "Date của JavaScript" },
        { "email to an agency a script names that does not exist", Email("['so-khong-co-that']"), "không phải mã cơ quan trong danh bạ" },
        { "email to nobody from a script", Email("''"), "không cho ra người nhận nào" },
        { "email to an address a script breaks", Email("'a@@b'"), "không phải địa chỉ thư" },
        { "liquid that renders too much", """{"id": "x", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Liquid", "value": "{% for i in (1..100000) %}{{ Input.Title }}{% endfor %}"}}}""", "Liquid" },
    };

    [Theory]
    [MemberData(nameof(FailingWhenRun))]
    public void A_script_that_fails_when_it_runs_is_recorded_on_its_activity_and_sends_nothing(string name, string activity, string words)
    {
        var definition = WorkflowDefinitionReader.Read(Definition(activity + """, {"id": "after", "type": "Elsa.SendEmail", "to": "so-noi-vu", "subject": "không được gửi"}|x>after"""), "hostile.json").Definition;
        Assert.True(definition is not null, name);
        Assert.Empty(definition.RunProblems());

        var (runs, sent) = Simulate(definition, new LocalDate(2025, 3, 17), new LocalDate(2025, 3, 18));
        Assert.Empty(sent);
        foreach (var run in runs.Where(r => r.Status != RunStatus.Dormant).Take(3))
        {
            var error = Assert.Single(run.History, h => h.What == "lỗi");
            Assert.Equal("x", error.ActivityId);
            Assert.Contains(words, error.Why, StringComparison.Ordinal);
            Assert.StartsWith("x: ", run.Fault, StringComparison.Ordinal);
            Assert.DoesNotContain(run.History, h => h.ActivityId == "after");
            Assert.Equal(RunStatus.Finished, run.Status);
        }
    }

    [Fact]
    public void A_loop_a_script_never_leaves_stops_at_the_daily_cap_and_writes_no_more_history()
    {
        // The script decides "again" for ever: a loop without a wait the reader lets through because a script may end it.
        var definition = WorkflowDefinitionReader.Read(Definition(
            """{"id": "x", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "true"}}}, {"id": "w", "type": "Elsa.WriteLine", "text": "lại"}|x.True>w,w>x"""), "hostile.json").Definition!;
        var (runs, sent) = Simulate(definition, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31));
        Assert.Empty(sent);
        var run = runs.First(r => r.Status != RunStatus.Dormant);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("dừng quy trình", run.History[^2].What);
        Assert.True(run.History.Count <= new EngineOptions().MaxStepsPerDay + 3, $"{run.History.Count} history entries");
    }

    [Fact]
    public void A_one_second_timer_fires_once_and_leaves_nothing_behind()
    {
        var definition = WorkflowDefinitionReader.Read(Definition(
            """{"id": "x", "type": "Elsa.Timer", "interval": "00:00:01"}, {"id": "w", "type": "Elsa.WriteLine", "text": "tick"}|x>w"""), "hostile.json").Definition!;
        var (runs, _) = Simulate(definition, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31));
        Assert.All(runs.Where(r => r.Status != RunStatus.Dormant), run =>
        {
            Assert.Single(run.History, h => h.What == "ghi chép");
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Empty(run.Bookmarks);
        });
    }

    private static string Decision(string script) =>
        "{\"id\": \"x\", \"type\": \"Elsa.FlowDecision\", \"condition\": {\"typeName\": \"Boolean\", \"expression\": {\"type\": \"JavaScript\", \"value\": "
        + System.Text.Json.JsonSerializer.Serialize(script) + "}}}";

    private static string Email(string to) =>
        "{\"id\": \"x\", \"type\": \"Elsa.SendEmail\", \"subject\": \"x\", \"to\": {\"typeName\": \"String[]\", \"expression\": {\"type\": \"JavaScript\", \"value\": "
        + System.Text.Json.JsonSerializer.Serialize(to) + "}}}";

    /// <summary>A definition: Elsa.Start, then <paramref name="spec"/>'s activities ("activities|a>b,c.Port>d"), the start
    /// connected to the first of them.</summary>
    private static string Definition(string spec)
    {
        var parts = spec.Split('|');
        var activities = parts[0];
        var first = System.Text.RegularExpressions.Regex.Match(activities, "\"id\": \"([^\"]+)\"").Groups[1].Value;
        var links = new List<string> { Link("start", "Done", first) };
        if (parts.Length > 1)
        {
            foreach (var pair in parts[1].Split(','))
            {
                var (from, to) = (pair.Split('>')[0], pair.Split('>')[1]);
                var port = from.Contains('.', StringComparison.Ordinal) ? from.Split('.')[1] : from == "x" && activities.Contains("FlowDecision", StringComparison.Ordinal) ? "False" : "Done";
                links.Add(Link(from.Split('.')[0], port, to));
            }
        }

        return "{\"definitionId\": \"hostile\", \"name\": \"Quy trình thử\", \"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": ["
            + StartActivity + ", " + activities + "], \"connections\": [" + string.Join(", ", links) + "]}}";
    }

    private static string Link(string from, string port, string to) =>
        "{\"source\": {\"activity\": \"" + from + "\", \"port\": \"" + port + "\"}, \"target\": {\"activity\": \"" + to + "\", \"port\": \"In\"}}";

    private static (IReadOnlyList<MilestoneRun> Runs, IReadOnlyList<Notifications.Notification> Sent) Simulate(WorkflowDefinition definition, LocalDate from, LocalDate to)
    {
        var reference = ReferenceData.Load(RepositoryRoot.Workflows);
        var plan = PlanReader.Read(Path.Combine(RepositoryRoot.Workflows, "plans", "cchc-2025.csv"), reference).Plan!;
        var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency),
            new MilestonePlanner(reference.Agencies, DefinitionCatalog.Create([]), DefinitionRules.None));
        var result = simulator.Run(plan, from, to, [], [], definition, keepHistory: true);
        return (result.Runs, result.Notifications);
    }

    private string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(workflows, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(workflows, file)).Append(':').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }

        return text.ToString();
    }
}
