using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

/// <summary>Each problem a definition file can have, naming its activity, in Vietnamese.</summary>
public sealed class ValidationTests
{
    private const string Start = """{"id": "start", "type": "Cchc.MilestoneStart"}""";

    private const string Wait = """{"id": "wait", "type": "Cchc.WaitForMoment", "offset": 3, "relation": "Before"}""";

    private const string EndActivity = """{"id": "end", "type": "Elsa.End"}""";

    [Fact]
    public void The_simple_definition_of_these_tests_is_valid()
    {
        WorkflowDefinition definition = Read(Simple);
        Assert.Equal(["start", "wait", "remind", "end"], definition.Root.Activities.Select(a => a.Id));
    }

    [Fact]
    public void An_unknown_activity_type_loads_as_a_placeholder_that_cannot_run_naming_it_and_the_types()
    {
        DefinitionReadResult read = WorkflowDefinitionReader.Read(Document(
            Start + """, {"id": "fax", "type": "Cchc.SendFax", "number": {"typeName": "String", "expression": {"type": "Literal", "value": "0292"}}}""", Link("start", "fax")), "test.json");
        WorkflowDefinition definition = Assert.IsType<WorkflowDefinition>(read.Definition);
        var placeholder = Assert.IsType<UnknownActivity>(definition.Root.Get("fax"));
        Assert.Equal("Cchc.SendFax", placeholder.Type);
        Assert.Equal("0292", definition.ToJsonNode()["root"]!["activities"]![1]!["number"]!["expression"]!["value"]!.GetValue<string>());

        DefinitionProblem problem = Assert.Single(definition.RunProblems());
        Assert.Equal("fax", problem.ActivityId);
        Assert.Contains("\"Cchc.SendFax\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Cchc.SendReminder", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Elsa.FlowDecision", problem.Message, StringComparison.Ordinal);
        Assert.Equal($"test.json, hoạt động 'fax': {problem.Message}", problem.ToString());
        Assert.Single(DefinitionCatalog.Checked(read, null).Problems);
    }

    [Fact]
    public void A_type_written_in_the_wrong_case_is_suggested()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "remind", "type": "cchc.sendreminder"}""", Link("start", "remind"))));
        Assert.Equal("remind", problem.ActivityId);
        Assert.Contains("Có phải là \"Cchc.SendReminder\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_to_an_unknown_activity_is_dangling()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(Start, Link("start", "nowhere"))));
        Assert.Equal("start", problem.ActivityId);
        Assert.Contains("\"nowhere\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_from_an_unknown_activity_is_dangling()
    {
        IReadOnlyList<DefinitionProblem> problems = Problems(Document(
            Start + ", " + Wait, Link("start", "wait") + ", " + Link("ghost", "wait")));
        DefinitionProblem problem = Assert.Single(problems);
        Assert.Equal("wait", problem.ActivityId);
        Assert.Contains("\"ghost\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_from_a_port_the_type_does_not_have_is_dangling()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "check", "type": "Cchc.MilestoneDecision", "condition": "Done"}, """ + EndActivity,
            string.Join(", ", Link("start", "check"), Link("check", "end", "Yes")))));
        Assert.Equal("check", problem.ActivityId);
        Assert.Contains("\"Yes\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("True, False", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_has_no_port_to_leave_from()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + ", " + EndActivity + ", " + Wait,
            string.Join(", ", Link("start", "end"), Link("end", "wait"), Link("start", "wait")))));
        Assert.Equal("end", problem.ActivityId);
        Assert.Contains("không có cổng ra", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_not_reachable_from_the_start_is_named()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + ", " + Wait + ", " + EndActivity, Link("start", "wait"))));
        Assert.Equal("end", problem.ActivityId);
        Assert.Contains("không đi tới được từ hoạt động bắt đầu \"start\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_input_is_named()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "wait", "type": "Cchc.WaitForMoment", "relation": "Before"}""", Link("start", "wait"))));
        Assert.Equal("wait", problem.ActivityId);
        Assert.Contains("thiếu đầu vào bắt buộc \"offset\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hour_that_does_not_exist_is_ill_typed()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "wait", "type": "Cchc.WaitForMoment", "offset": 3, "relation": "Before", "timeOfDay": "25:00"}""",
            Link("start", "wait"))));
        Assert.Equal("wait", problem.ActivityId);
        Assert.Contains("\"timeOfDay\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"25:00\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_weekday_lists_the_allowed_values()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "weekly", "type": "Cchc.WaitForWeekday", "weekday": "funday"}""", Link("start", "weekly"))));
        Assert.Equal("weekly", problem.ActivityId);
        Assert.Contains("\"funday\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"offset\": -1, \"relation\": \"Before\"", "\"offset\"")]
    [InlineData("\"offset\": \"ba\", \"relation\": \"Before\"", "\"offset\"")]
    [InlineData("\"offset\": 3, \"relation\": \"Around\"", "\"relation\"")]
    [InlineData("\"offset\": 3, \"relation\": \"Before\", \"unit\": 5", "\"unit\"")]
    [InlineData("\"offset\": {\"typeName\": \"Int32\", \"expression\": {\"type\": \"JavaScript\", \"value\": \"1+2\"}}, \"relation\": \"Before\"", "Literal")]
    public void Other_ill_typed_inputs_are_named(string inputs, string expected)
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + $$""", {"id": "wait", "type": "Cchc.WaitForMoment", {{inputs}}}""", Link("start", "wait"))));
        Assert.Equal("wait", problem.ActivityId);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "x", "type": "Elsa.Delay", "timeSpan": "7"}""")]
    [InlineData("""{"id": "x", "type": "Elsa.Delay", "timeSpan": "00:00:00"}""")]
    [InlineData("""{"id": "x", "type": "Elsa.Timer", "interval": "every week"}""")]
    [InlineData("""{"id": "x", "type": "Elsa.StartAt", "dateTime": "31/03/2025 08:00"}""")]
    [InlineData("""{"id": "x", "type": "Cchc.Escalate", "to": "Sở Nội vụ"}""")]
    [InlineData("""{"id": "x", "type": "Cchc.SendReminder", "copyCoordinators": "yes"}""")]
    [InlineData("""{"id": "x", "type": "Cchc.SendReminder", "template": ""}""")]
    [InlineData("""{"id": "x", "type": "Cchc.WaitForSignal", "signal": "Phone"}""")]
    [InlineData("""{"id": "x", "type": "Cchc.MilestoneDecision"}""")]
    public void Every_kind_of_input_is_checked(string activity)
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(Start + ", " + activity, Link("start", "x"))));
        Assert.Equal("x", problem.ActivityId);
        Assert.Contains("đầu vào", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_with_no_wait_is_named_with_its_path()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """
                , {"id": "check", "type": "Cchc.MilestoneDecision", "condition": "Open"},
                {"id": "remind", "type": "Cchc.SendReminder"},
                """ + EndActivity,
            string.Join(", ", Link("start", "check"), Link("check", "remind", "True"), Link("remind", "check"), Link("check", "end", "False")))));
        Assert.Equal("check", problem.ActivityId);
        Assert.Contains("check → remind → check", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_that_can_go_round_without_its_wait_is_still_a_loop_with_no_wait()
    {
        // check → remind → check never passes "wait", though check → wait → check does.
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + ", " + Wait + """
                , {"id": "check", "type": "Cchc.MilestoneDecision", "condition": "Open"},
                {"id": "remind", "type": "Cchc.SendReminder"}
                """,
            string.Join(", ", Link("start", "check"), Link("check", "wait", "True"), Link("wait", "check"),
                Link("check", "remind", "False"), Link("remind", "check")))));
        Assert.Equal("check", problem.ActivityId);
        Assert.Contains("check → remind → check", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_through_a_wait_is_fine_and_a_self_loop_is_not()
    {
        Read(Document(Start + ", " + Wait, Link("start", "wait") + ", " + Link("wait", "wait")));
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "remind", "type": "Cchc.SendReminder"}""", Link("start", "remind") + ", " + Link("remind", "remind"))));
        Assert.Equal("remind", problem.ActivityId);
        Assert.Contains("remind → remind", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_start_activity_the_first_one_no_connection_leads_to_starts_as_in_Elsa()
    {
        WorkflowDefinition definition = Read(Document(Wait + """, {"id": "remind", "type": "Cchc.SendReminder"}""", Link("wait", "remind")));
        Assert.Equal("wait", definition.Root.Start!.Id);
    }

    [Fact]
    public void An_empty_definition_is_refused()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(string.Empty, "")));
        Assert.Null(problem.ActivityId);
        Assert.Contains("không có hoạt động nào", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.json: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_start_is_named()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + """, {"id": "start2", "type": "Cchc.MilestoneStart"}""", Link("start", "start2"))));
        Assert.Equal("start2", problem.ActivityId);
        Assert.Contains("\"start\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_activity_id_is_named()
    {
        DefinitionProblem problem = Assert.Single(Problems(Document(
            Start + ", " + Wait + """, {"id": "wait", "type": "Cchc.SendReminder"}""", Link("start", "wait"))));
        Assert.Equal("wait", problem.ActivityId);
        Assert.Contains("hoạt động thứ 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        IReadOnlyList<DefinitionProblem> problems = Problems(Document(
            Start + """
                , {"id": "wait", "type": "Cchc.WaitForMoment", "relation": "Before", "timeOfDay": "25:00"},
                {"id": "fax", "type": "Cchc.Sendreminder"},
                {"id": "lonely", "type": "Elsa.End"}
                """,
            string.Join(", ", Link("start", "wait"), Link("wait", "fax"), Link("fax", "void"))));
        Assert.Equal(
            [("wait", "thiếu đầu vào bắt buộc \"offset\""), ("wait", "\"25:00\""), ("fax", "Cchc.Sendreminder"), ("fax", "\"void\""), ("lonely", "không đi tới được")],
            problems.Select(p => (p.ActivityId!, Key(p.Message))));

        static string Key(string message) => new[] { "thiếu đầu vào bắt buộc \"offset\"", "\"25:00\"", "Cchc.Sendreminder", "\"void\"", "không đi tới được" }
            .First(k => message.Contains(k, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"definitionId\": \"x\", ")]
    [InlineData("[]")]
    [InlineData("{\"version\": 1, \"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": []}}")]
    [InlineData("{\"definitionId\": \"x\", \"root\": {\"type\": \"Elsa.Sequence\", \"activities\": []}}")]
    [InlineData("{\"definitionId\": \"x\", \"version\": 0, \"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": []}}")]
    [InlineData("{\"definitionId\": \"x\"}")]
    [InlineData("{\"definitionId\": \"x\", \"DefinitionId\": \"y\", \"root\": {\"type\": \"Elsa.Flowchart\", \"activities\": []}}")]
    public void A_file_that_is_not_a_definition_is_refused_with_a_reason(string json)
    {
        IReadOnlyList<DefinitionProblem> problems = Problems(json);
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        DefinitionProblem problem = Assert.Single(Problems("{\n  \"definitionId\": \"x\",\n  \"version\": 1\n  \"root\": {}\n}"));
        Assert.Contains("dòng 4", problem.Message, StringComparison.Ordinal);
    }
}
