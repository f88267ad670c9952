using System.Globalization;
using NodaTime;
using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

public sealed class ShippedDefinitionTests
{
    private static readonly Lazy<DefinitionCatalog> Catalog = new(() => DefinitionCatalog.LoadDirectory(DefinitionsDirectory));

    [Theory]
    [InlineData("chase-and-escalate.json", "chase-and-escalate")]
    [InlineData("light-chase.json", "light-chase")]
    public void A_shipped_file_loads_with_no_problem(string file, string definitionId)
    {
        DefinitionReadResult result = WorkflowDefinitionReader.ReadFile(Path.Combine(DefinitionsDirectory, file));
        Assert.Empty(result.Problems);
        WorkflowDefinition definition = Assert.IsType<WorkflowDefinition>(result.Definition);
        Assert.Equal(definitionId, definition.DefinitionId);
        Assert.Equal(1, definition.Version);
        Assert.True(definition.IsPublished);
        Assert.IsType<MilestoneStart>(definition.Root.Start);
        Assert.All(definition.Root.Activities, a => Assert.NotNull(a.DisplayName));
    }

    [Fact]
    public void The_catalog_and_the_rules_of_the_repository_agree()
    {
        Assert.Empty(Catalog.Value.Problems);
        Assert.Equal(["chase-and-escalate", "light-chase"], Catalog.Value.All.Select(d => d.DefinitionId));
        Assert.Empty(DefinitionRules.Load(RulesFile).Validate(Catalog.Value));
    }

    [Fact]
    public void Chase_and_escalate_is_the_chain_of_the_issue()
    {
        Assert.Equal(
        [
            "wait 14 CalendarDays Before 08:00 PreviousWorkingDay", "Done?", "reminder",
            "wait 7 CalendarDays Before 08:00 PreviousWorkingDay", "Done?", "reminder",
            "wait 3 CalendarDays Before 08:00 PreviousWorkingDay", "Done?", "reminder",
            "wait 1 CalendarDays Before 08:00 PreviousWorkingDay", "Done?", "reminder",
            "wait 1 WorkingDays After 08:00 NextWorkingDay", "Done?", "overdue",
            "wait 3 WorkingDays After 08:00 NextWorkingDay", "Done?", "escalate",
            "weekly Monday 08:00 NextWorkingDay", "Open?", "escalate (loop)",
        ], Chain(Catalog.Value.Get("chase-and-escalate")));
    }

    [Fact]
    public void Light_chase_reminds_once_and_escalates_on_the_third_working_day()
    {
        Assert.Equal(
        [
            "wait 7 CalendarDays Before 08:00 PreviousWorkingDay", "Done?", "reminder",
            "wait 3 WorkingDays After 08:00 NextWorkingDay", "Done?", "escalate",
            "weekly Monday 08:00 NextWorkingDay", "Open?", "escalate (loop)",
        ], Chain(Catalog.Value.Get("light-chase")));
    }

    [Fact]
    public void Chase_and_escalate_for_a_task_due_Monday_31_March_2025()
    {
        WorkflowDefinition definition = Catalog.Value.Get("chase-and-escalate");
        LocalDateTime[] moments = [.. definition.Root.Activities.OfType<WaitForMoment>().Select(w => w.MomentFor(D(2025, 3, 31), Official))];
        Assert.Equal([At8(2025, 3, 17), At8(2025, 3, 24), At8(2025, 3, 28), At8(2025, 3, 28), At8(2025, 4, 1), At8(2025, 4, 3)], moments);

        WaitForWeekday weekly = definition.Root.Activities.OfType<WaitForWeekday>().Single();
        var escalations = new List<LocalDateTime> { moments[^1] };
        for (var i = 0; i < 3; i++)
        {
            escalations.Add(weekly.NextAfter(escalations[^1], Official));
        }

        Assert.Equal([At8(2025, 4, 3), At8(2025, 4, 8), At8(2025, 4, 14), At8(2025, 4, 21)], escalations);
    }

    [Fact]
    public void The_readme_documents_every_activity_type_and_input()
    {
        string readme = File.ReadAllText(Path.Combine(DefinitionsDirectory, "README.md"));
        foreach (ActivityDescriptor activity in ActivityCatalog.All)
        {
            Assert.Contains($"`{activity.Type}`", readme, StringComparison.Ordinal);
            Assert.Contains(activity.DisplayName, readme, StringComparison.Ordinal);
            foreach (InputDescriptor input in activity.Inputs)
            {
                Assert.Contains($"`{input.Name}`", readme, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The main path from the start: each decision's True port must end at once (for Done?) or loop
    /// back (for Open?); the path goes on through False.</summary>
    private static List<string> Chain(WorkflowDefinition definition)
    {
        Flowchart chart = definition.Root;
        var steps = new List<string>();
        var seen = new HashSet<string>();
        Activity current = chart.Start!;
        string port = "Done";
        while (true)
        {
            Activity next = Assert.Single(chart.Next(current, port));
            if (!seen.Add(next.Id))
            {
                steps.Add(Describe(next) + " (loop)");
                return steps;
            }

            steps.Add(Describe(next));
            port = "Done";
            if (next is MilestoneDecision decision)
            {
                Activity whenTrue = Assert.Single(chart.Next(decision, MilestoneDecision.TruePort));
                if (decision.Condition == MilestoneCondition.Done)
                {
                    Assert.IsType<End>(whenTrue);
                    port = MilestoneDecision.FalsePort;
                }
                else
                {
                    Assert.IsType<End>(Assert.Single(chart.Next(decision, MilestoneDecision.FalsePort)));
                    port = MilestoneDecision.TruePort;
                }
            }

            current = next;
        }
    }

    private static string Describe(Activity activity) => activity switch
    {
        WaitForMoment w => string.Create(CultureInfo.InvariantCulture, $"wait {w.Offset} {w.Unit} {w.Relation} {w.TimeOfDay:HH:mm} {w.IfDayOff}"),
        WaitForWeekday w => string.Create(CultureInfo.InvariantCulture, $"weekly {w.Weekday} {w.TimeOfDay:HH:mm} {w.IfDayOff}"),
        MilestoneDecision d => d.Condition + "?",
        SendReminder r => r.Template,
        SendOverdueNotice o => o.Template,
        Escalate e => e.To is null ? e.Template.Replace("escalation", "escalate", StringComparison.Ordinal) : "escalate to " + e.To,
        _ => activity.Type,
    };
}
