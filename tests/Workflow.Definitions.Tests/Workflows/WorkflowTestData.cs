using NodaTime;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;

namespace Workflow.Definitions.Tests.Workflows;

/// <summary>The shipped definitions and calendar, and small definitions written for one test.</summary>
internal static class WorkflowTestData
{
    private static readonly Lazy<WorkingCalendar> OfficialCalendar =
        new(() => WorkingCalendar.Create(CalendarAdjustments.LoadDirectory(Path.Combine(RepositoryData.Workflows, "calendars"))));

    public static string DefinitionsDirectory => Path.Combine(RepositoryData.Workflows, "definitions");

    public static string RulesFile => Path.Combine(RepositoryData.Workflows, "rules.yaml");

    /// <summary>The calendar of workflows/calendars (Giỗ Tổ 2025 on Monday 07/04, and so on).</summary>
    public static WorkingCalendar Official => OfficialCalendar.Value;

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static LocalDateTime At8(int year, int month, int day) => new(year, month, day, 8, 0);

    /// <summary>A definition document around <paramref name="activities"/> and <paramref name="connections"/> (JSON array bodies).</summary>
    public static string Document(string activities, string connections) => $$"""
        {
          "definitionId": "test",
          "version": 1,
          "isPublished": true,
          "root": {
            "type": "Elsa.Flowchart",
            "activities": [{{activities}}],
            "connections": [{{connections}}]
          }
        }
        """;

    /// <summary>A nested-form connection.</summary>
    public static string Link(string source, string target, string port = "Done") =>
        $$$"""{"source": {"activity": "{{{source}}}", "port": "{{{port}}}"}, "target": {"activity": "{{{target}}}", "port": "In"}}""";

    /// <summary>start → wait (3 days before) → remind → end, valid.</summary>
    public static string Simple => Document(
        """
        {"id": "start", "type": "Cchc.MilestoneStart"},
        {"id": "wait", "type": "Cchc.WaitForMoment", "offset": 3, "relation": "Before"},
        {"id": "remind", "type": "Cchc.SendReminder"},
        {"id": "end", "type": "Elsa.End"}
        """,
        string.Join(", ", Link("start", "wait"), Link("wait", "remind"), Link("remind", "end")));

    public static WorkflowDefinition Read(string json)
    {
        DefinitionReadResult result = WorkflowDefinitionReader.Read(json, "test.json");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Problems);
        return result.Definition!;
    }

    /// <summary>The problems of a definition that must not load.</summary>
    public static IReadOnlyList<DefinitionProblem> Problems(string json)
    {
        DefinitionReadResult result = WorkflowDefinitionReader.Read(json, "test.json");
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }
}
