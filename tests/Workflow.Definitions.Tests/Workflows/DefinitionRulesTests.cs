using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

public sealed class DefinitionRulesTests
{
    private static readonly PlanId Cchc2025 = new("cchc-2025");

    [Theory]
    [InlineData(ScheduleKind.Once, "chase-and-escalate")]
    [InlineData(ScheduleKind.Phased, "chase-and-escalate")]
    [InlineData(ScheduleKind.Event, "chase-and-escalate")]
    [InlineData(ScheduleKind.Continuous, "light-chase")]
    [InlineData(ScheduleKind.Recurring, "light-chase")]
    public void The_shipped_rules_give_continuous_and_recurring_milestones_the_light_chase(ScheduleKind kind, string expected)
    {
        DefinitionRules rules = DefinitionRules.Load(RulesFile);
        Assert.Equal(expected, rules.Choose(Cchc2025, "I. CẢI CÁCH THỂ CHẾ", AgencyKind.Department, kind));
    }

    [Fact]
    public void The_first_matching_rule_wins_and_every_key_must_match()
    {
        DefinitionRules rules = Load("""
            default: fallback
            rules:
              - plan: cchc-2025
                group: cai cach the che
                leadKind: [DistrictCommittee, CommuneCommittee]
                definition: local-institutions
              - group: "Thể  chế"
                definition: institutions
              - plan: [cchc-2024, cchc-2025]
                scheduleKind: once
                definition: once
              - scheduleKind: Recurring
                definition: light-chase
            """);
        const string Group = "I. CẢI CÁCH THỂ CHẾ";
        Assert.Equal("local-institutions", rules.Choose(Cchc2025, Group, AgencyKind.DistrictCommittee, ScheduleKind.Once));
        Assert.Equal("institutions", rules.Choose(Cchc2025, Group, AgencyKind.Department, ScheduleKind.Once));
        Assert.Equal("institutions", rules.Choose(new PlanId("cchc-2019"), "cải cách   thể chế", AgencyKind.Department, ScheduleKind.Recurring));
        Assert.Equal("once", rules.Choose(Cchc2025, "II. Cải cách thủ tục hành chính", AgencyKind.Department, ScheduleKind.Once));
        Assert.Equal("once", rules.Choose(new PlanId("cchc-2024"), null, AgencyKind.Department, ScheduleKind.Once));
        Assert.Equal("fallback", rules.Choose(new PlanId("cchc-2023"), null, AgencyKind.Department, ScheduleKind.Once));
        Assert.Equal("light-chase", rules.Choose(new PlanId("cchc-2023"), null, AgencyKind.Department, ScheduleKind.Recurring));
        Assert.Null(rules.Find(Cchc2025, null, AgencyKind.Other, ScheduleKind.Phased));
        Assert.Equal(7, rules.Find(Cchc2025, "Cai cach THE CHE", AgencyKind.Other, ScheduleKind.Phased)!.Line);
    }

    [Fact]
    public void Without_a_default_the_default_is_chase_and_escalate()
    {
        Assert.Equal("chase-and-escalate", Load("rules: []").Choose(Cchc2025, null, AgencyKind.Department, ScheduleKind.Once));
        Assert.Equal("chase-and-escalate", Load("").Default);
        Assert.Empty(DefinitionRules.None.Rules);
    }

    [Theory]
    [InlineData("rules:\n  - scheduleKind: once\n    colour: red\n    definition: x\n", 3, "\"colour\"")]
    [InlineData("rules:\n  - scheduleKind: sometimes\n    definition: x\n", 2, "once, phased, continuous, recurring, event")]
    [InlineData("rules:\n  - scheduleKind: unknown\n    definition: x\n", 2, "\"unknown\"")]
    [InlineData("rules:\n  - leadKind: Ministry\n    definition: x\n", 2, "DistrictCommittee")]
    [InlineData("rules:\n  - plan: CCHC 2025\n    definition: x\n", 2, "\"CCHC 2025\"")]
    [InlineData("rules:\n  - scheduleKind: once\n", 2, "\"definition\"")]
    [InlineData("rules:\n  - scheduleKind: once\n   definition: x\n", 3, "YAML")]
    [InlineData("rules: light-chase\n", 1, "danh sách")]
    [InlineData("rule:\n  - definition: x\n", 1, "\"rule\"")]
    public void A_wrong_rules_file_names_its_line(string yaml, int line, string expected)
    {
        DataFileException error = Assert.Throws<DataFileException>(() => Load(yaml));
        Assert.Equal("rules.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rules_file_is_an_error()
    {
        DataFileException error = Assert.Throws<DataFileException>(() => DefinitionRules.Load(Path.Combine(Path.GetTempPath(), "no-such-rules.yaml")));
        Assert.Null(error.Line);
    }

    [Fact]
    public void Validation_names_each_rule_whose_definition_is_not_published()
    {
        DefinitionRules rules = Load("""
            default: chase-and-escalate
            rules:
              - scheduleKind: continuous
                definition: light-chase
              - scheduleKind: event
                definition: wait-for-event
            """);
        DefinitionCatalog catalog = DefinitionCatalog.LoadDirectory(DefinitionsDirectory);
        RuleProblem problem = Assert.Single(rules.Validate(catalog));
        Assert.Equal(5, problem.Line);
        Assert.Contains("\"wait-for-event\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("chase-and-escalate, light-chase", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("rules.yaml, dòng 5: ", problem.ToString(), StringComparison.Ordinal);

        RuleProblem missingDefault = Assert.Single(Load("default: nothing").Validate(catalog));
        Assert.Equal(1, missingDefault.Line);
    }

    private static DefinitionRules Load(string yaml) => DefinitionRules.Load(new StringReader(yaml), "rules.yaml");
}
