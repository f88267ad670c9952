using System.Text.Json.Nodes;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

/// <summary>Elsa 3's JSON in, the same JSON out: unknown fields, input forms, connection forms.</summary>
public sealed class RoundTripTests
{
    /// <summary>A definition as Elsa Studio might export it, with fields this model does not know at every level.</summary>
    private const string FullOfExtras = """
        {
          "id": "abc123",
          "definitionId": "full",
          "name": "Đầy đủ",
          "description": "Mọi thứ lạ đều phải giữ nguyên",
          "createdAt": "2025-01-02T03:04:05+00:00",
          "version": 3,
          "isLatest": true,
          "isPublished": true,
          "variables": [{"id": "v1", "name": "Count", "typeName": "Int32", "value": "0", "storageDriverTypeName": "Workflow"}],
          "customProperties": {"owner": "Sở Nội vụ", "tags": ["cchc", 2025]},
          "options": {"autoUpdateConsumingWorkflows": false},
          "root": {
            "id": "Flowchart1",
            "type": "Elsa.Flowchart",
            "version": 1,
            "start": "start",
            "metadata": {"designer": {"zoom": 0.8}},
            "applicationProperties": {},
            "activities": [
              {"id": "start", "type": "Cchc.MilestoneStart", "version": 1, "canStartWorkflow": true,
               "metadata": {"designer": {"position": {"x": -40.5, "y": 12}, "size": {"width": 180, "height": 50}}, "displayText": "Bắt đầu"}},
              {"id": "wait", "type": "Cchc.WaitForMoment", "displayName": "Chờ", "customProperties": {"note": null},
               "offset": {"typeName": "Int32", "expression": {"type": "Literal", "value": "14"}, "memoryReference": {"id": "wait:input-1"}},
               "unit": {"typeName": "DayUnit", "expression": {"type": "Literal", "value": "CalendarDays"}},
               "relation": "Before",
               "timeOfDay": {"typeName": "String", "expression": {"type": "Literal", "value": "08:00"}},
               "futureInput": {"typeName": "String", "expression": {"type": "Literal", "value": "?"}},
               "metadata": {"designer": {"position": {"x": 200, "y": 12}}}},
              {"id": "check", "type": "Cchc.MilestoneDecision", "condition": "Done"},
              {"id": "remind", "type": "Cchc.SendReminder", "copyCoordinators": {"typeName": "Boolean", "expression": {"type": "Literal", "value": "True"}}},
              {"id": "escalate", "type": "Cchc.Escalate", "to": "so-noi-vu", "template": "escalation-custom"},
              {"id": "delay", "type": "Elsa.Delay", "timeSpan": "2.00:00:00", "strategy": "NonBlocking"},
              {"id": "at", "type": "Elsa.StartAt", "dateTime": "2025-03-31T01:00:00Z"},
              {"id": "timer", "type": "Elsa.Timer", "interval": "7.00:00:00"},
              {"id": "signal", "type": "Cchc.WaitForSignal", "signal": "Report"},
              {"id": "finish", "type": "Elsa.Finish", "metadata": {}}
            ],
            "connections": [
              {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "wait", "port": "In"}, "vertices": [{"x": 1, "y": 2}]},
              {"source": {"activity": "wait"}, "target": {"activity": "check"}},
              {"source": "check", "target": "remind", "sourcePort": "False", "targetPort": "In"},
              {"source": "check", "target": "finish", "sourcePort": "True"},
              {"source": "remind", "target": "escalate"},
              {"source": {"activity": "escalate", "port": "Done", "extra": 1}, "target": {"activity": "delay", "port": "In"}},
              {"source": {"activity": "delay", "port": "Done"}, "target": {"activity": "at", "port": "In"}},
              {"source": {"activity": "at", "port": "Done"}, "target": {"activity": "timer", "port": "In"}},
              {"source": {"activity": "timer", "port": "Done"}, "target": {"activity": "signal", "port": "In"}},
              {"source": {"activity": "signal", "port": "Done"}, "target": {"activity": "timer", "port": "In"}}
            ]
          }
        }
        """;

    [Fact]
    public void Every_field_of_the_source_comes_back_unchanged()
    {
        WorkflowDefinition definition = Read(FullOfExtras);
        JsonObject written = definition.ToJsonNode();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullOfExtras), written), written.ToJsonString());

        WorkflowDefinition again = Read(definition.ToJson());
        Assert.Equal(definition, again);
        Assert.True(JsonNode.DeepEquals(written, again.ToJsonNode()));
    }

    [Fact]
    public void The_typed_values_of_the_full_definition()
    {
        WorkflowDefinition definition = Read(FullOfExtras);
        Assert.Equal(("abc123", "full", "Đầy đủ", 3, true), (definition.Id, definition.DefinitionId, definition.Name, definition.Version, definition.IsPublished));
        Assert.Equal("Count", definition.Variables()![0]!["name"]!.GetValue<string>());
        Flowchart chart = definition.Root;
        Assert.Equal(new WaitForMoment("wait", 14, DayUnit.CalendarDays, Relation.Before, new LocalTime(8, 0), DayOffShift.PreviousWorkingDay) { DisplayName = "Chờ" },
            chart.Get("wait") with { Json = SourceJsonWithoutExtras(chart.Get("wait")) });
        Assert.True(((SendReminder)chart.Get("remind")).CopyCoordinators);
        Assert.Equal(new Escalate("escalate", new AgencyId("so-noi-vu"), "escalation-custom"), chart.Get("escalate"));
        Assert.Equal(Duration.FromDays(2), ((Delay)chart.Get("delay")).TimeSpan);
        Assert.Equal(new LocalDateTime(2025, 3, 31, 8, 0), ((StartAt)chart.Get("at")).DateTime); // 01:00 UTC is 08:00 in Vietnam
        Assert.Equal(Duration.FromDays(7), ((Workflow.Definitions.Workflows.Timer)chart.Get("timer")).Interval);
        Assert.Equal(SignalKind.Report, ((WaitForSignal)chart.Get("signal")).Signal);
        End finish = Assert.IsType<End>(chart.Get("finish"));
        Assert.Equal("Elsa.Finish", finish.Type);
        Assert.Equal(
            ["start.Done → wait.In", "wait.Done → check.In", "check.False → remind.In", "check.True → finish.In", "remind.Done → escalate.In"],
            chart.Connections.Take(5).Select(c => c.ToString()));
        Assert.Equal([chart.Get("remind")], chart.Next(chart.Get("check"), "False"));
        Assert.Equal([chart.Get("escalate")], chart.Next(chart.Get("remind"), "Done"));
    }

    [Fact]
    public void Wrapped_and_bare_inputs_read_the_same()
    {
        WorkflowDefinition bare = Read(Document(
            """
            {"id": "start", "type": "Cchc.MilestoneStart"},
            {"id": "wait", "type": "Cchc.WaitForMoment", "offset": 14, "relation": "Before", "timeOfDay": "08:00"},
            {"id": "remind", "type": "Cchc.SendReminder", "copyCoordinators": true}
            """,
            string.Join(", ", Link("start", "wait"), Link("wait", "remind"))));
        WorkflowDefinition wrapped = Read(Document(
            """
            {"id": "start", "type": "Cchc.MilestoneStart"},
            {"id": "wait", "type": "Cchc.WaitForMoment",
             "offset": {"typeName": "Int32", "expression": {"type": "Literal", "value": "14"}},
             "relation": {"typeName": "Relation", "expression": {"type": "Literal", "value": "before"}},
             "timeOfDay": {"typeName": "TimeSpan", "expression": {"type": "Literal", "value": "8:00"}}},
            {"id": "remind", "type": "Cchc.SendReminder", "copyCoordinators": {"typeName": "Boolean", "expression": {"value": true}}}
            """,
            string.Join(", ", Link("start", "wait"), Link("wait", "remind"))));
        Assert.Equal(bare, wrapped);
        Assert.Equal(bare.Root.Activities, wrapped.Root.Activities);

        JsonNode offset = wrapped.ToJsonNode()["root"]!["activities"]![1]!["offset"]!;
        Assert.Equal("14", offset["expression"]!["value"]!.GetValue<string>()); // written in its own form
    }

    [Fact]
    public void Flat_and_nested_connections_read_the_same_and_keep_their_form()
    {
        const string activities = """
            {"id": "start", "type": "Cchc.MilestoneStart"},
            {"id": "check", "type": "Cchc.MilestoneDecision", "condition": "Done"},
            {"id": "end", "type": "Elsa.End"}
            """;
        WorkflowDefinition nested = Read(Document(activities, string.Join(", ", Link("start", "check"), Link("check", "end", "True"))));
        WorkflowDefinition flat = Read(Document(activities,
            """
            {"source": "start", "target": "check"},
            {"source": "check", "target": "end", "sourcePort": "true", "targetPort": "In"}
            """));
        Assert.Equal(nested, flat);
        Assert.Equal(new Connection("check", "True", "end", "In"), flat.Root.Connections[1]);

        JsonNode written = flat.ToJsonNode()["root"]!["connections"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"source": "start", "target": "check"}"""), written[0]));
        Assert.Equal("check", written[1]!["source"]!.GetValue<string>());
        Assert.Equal("True", written[1]!["sourcePort"]!.GetValue<string>()); // the port as the type spells it
        Assert.Equal("check", nested.ToJsonNode()["root"]!["connections"]![1]!["source"]!["activity"]!.GetValue<string>());
    }

    [Fact]
    public void Property_names_are_read_in_any_case_and_written_in_camel_case()
    {
        WorkflowDefinition camel = Read(Simple);
        WorkflowDefinition shouting = Read("""
            {
              "DefinitionId": "test", "VERSION": 1, "IsPublished": true,
              "Root": {
                "Type": "Elsa.Flowchart",
                "Activities": [
                  {"ID": "start", "Type": "Cchc.MilestoneStart"},
                  {"Id": "wait", "TYPE": "Cchc.WaitForMoment", "Offset": 3, "RELATION": "Before"},
                  {"id": "remind", "type": "Cchc.SendReminder"},
                  {"id": "end", "type": "Elsa.End"}
                ],
                "Connections": [
                  {"Source": {"Activity": "start", "Port": "Done"}, "Target": {"Activity": "wait", "Port": "In"}},
                  {"SOURCE": "wait", "TARGET": "remind", "SourcePort": "Done"},
                  {"source": {"activity": "remind"}, "target": {"activity": "end"}}
                ]
              }
            }
            """);
        Assert.Equal(camel, shouting);
        JsonObject written = shouting.ToJsonNode();
        Assert.Equal(["definitionId", "version", "isPublished", "root"], written.Select(p => p.Key));
        Assert.Equal(["id", "type", "offset", "relation"], written["root"]!["activities"]![1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_changed_value_is_written_in_the_form_the_source_used()
    {
        WorkflowDefinition definition = Read(FullOfExtras);
        Flowchart chart = definition.Root;
        var wait = (WaitForMoment)chart.Get("wait");
        var changed = new Flowchart(chart.Id, [.. chart.Activities.Select(a => a == wait ? wait with { Offset = 10, Relation = Relation.After } : a)], chart.Connections, chart.Start?.Id, chart.IsSequence, chart.Json);
        var edited = new WorkflowDefinition(definition.Id, definition.DefinitionId, definition.Name, definition.Version, definition.IsPublished, changed, "edited.json", definition.Json);

        JsonNode written = edited.ToJsonNode()["root"]!["activities"]![1]!;
        Assert.Equal("10", written["offset"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("wait:input-1", written["offset"]!["memoryReference"]!["id"]!.GetValue<string>());
        Assert.Equal("After", written["relation"]!.GetValue<string>());
        Assert.Equal("?", written["futureInput"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(edited, Read(edited.ToJson()));
        Assert.NotEqual(definition, edited);
    }

    [Fact]
    public void Values_left_out_stay_out_and_defaults_apply()
    {
        WorkflowDefinition definition = Read(Simple);
        Assert.Equal(("test:1", "test"), (definition.Id, definition.Name));
        Assert.Equal(Flowchart.DefaultId, definition.Root.Id);
        var remind = (SendReminder)definition.Root.Get("remind");
        Assert.Equal((false, "reminder"), (remind.CopyCoordinators, remind.Template));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Simple), definition.ToJsonNode()));
    }

    [Fact]
    public void A_definition_read_as_unpublished_by_default()
    {
        WorkflowDefinition definition = Read(Simple.Replace("\"isPublished\": true,", string.Empty, StringComparison.Ordinal));
        Assert.False(definition.IsPublished);
        Assert.Null(definition.Variables());
    }

    private static SourceJson SourceJsonWithoutExtras(Activity _) => SourceJson.None;
}
