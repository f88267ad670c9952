using System.Text.Json.Nodes;
using Workflow.Definitions.Workflows;
using Workflow.Host.Cli;
using Workflow.Host.Designer;
using Workflow.Host.Hosting;
using Workflow.Tests;

namespace Workflow.Host.Tests.Designer;

/// <summary>The designer's workspace on a temporary copy of the repository's workflows folder.</summary>
public sealed class DesignerWorkspaceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"workflow-designer-{Guid.NewGuid():N}");
    private readonly string workflows;
    private readonly FixedTime clock = new(new DateTimeOffset(2025, 6, 2, 2, 30, 0, TimeSpan.Zero));
    private readonly DesignerWorkspace workspace;

    public DesignerWorkspaceTests()
    {
        workflows = Path.Combine(root, "workflows");
        Workflow.Tests.RepositoryRoot.CopyWorkflowsTo(workflows);

        workspace = new DesignerWorkspace(workflows, clock);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Shipped(string id) => File.ReadAllText(Path.Combine(workflows, "definitions", id + ".json"));

    private static string WithDanglingConnection(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "remind-14-before", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "khong-co", ["port"] = "In" },
        });
        return node.ToJsonString();
    }

    [Fact]
    public void Lists_the_shipped_definitions_with_their_latest_published_version()
    {
        var list = workspace.ListDefinitions();
        var chase = Assert.Single(list, d => d.DefinitionId == "chase-and-escalate");
        Assert.Equal(1, chase.LatestPublishedVersion);
        Assert.False(chase.HasDraft);
        Assert.Contains(list, d => d.DefinitionId == "light-chase");
    }

    [Fact]
    public void A_draft_is_saved_even_when_invalid_and_is_not_read_by_the_catalog()
    {
        var broken = WithDanglingConnection(Shipped("chase-and-escalate"));
        var saved = workspace.SaveDraft("chase-and-escalate", broken);

        Assert.True(saved.Saved);
        var problem = Assert.Single(saved.Problems);
        Assert.Equal("remind-14-before", problem.ActivityId);
        Assert.Contains("khong-co", problem.Message, StringComparison.Ordinal);

        var doc = workspace.GetDocument("chase-and-escalate")!;
        Assert.True(doc.IsDraft);
        Assert.Equal(broken, doc.Json);
        Assert.Equal(1, doc.BasedOn);

        // The runtime's catalog does not look into definitions/drafts.
        var catalog = DefinitionCatalog.LoadDirectory(Path.Combine(workflows, "definitions"));
        Assert.Empty(catalog.Problems);
        Assert.Equal(2, catalog.All.Count);
        Assert.True(workspace.ListDefinitions().Single(d => d.DefinitionId == "chase-and-escalate").HasDraft);
    }

    [Fact]
    public void A_draft_naming_another_definition_or_not_json_is_not_saved()
    {
        var other = workspace.SaveDraft("chase-and-escalate", Shipped("light-chase"));
        Assert.False(other.Saved);
        Assert.Contains("light-chase", other.Problems[0].Message, StringComparison.Ordinal);

        var bad = workspace.SaveDraft("chase-and-escalate", "{\n  \"definitionId\": \"chase-and-escalate\",\n  \"name\": \"x\"\n  \"root\": {}\n}");
        Assert.False(bad.Saved);
        Assert.Equal(4, bad.Problems[0].Line);
        Assert.Contains("dòng 4", bad.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_connection_cannot_be_published_and_the_message_names_the_activity()
    {
        workspace.SaveDraft("chase-and-escalate", WithDanglingConnection(Shipped("chase-and-escalate")));
        var published = 0;
        workspace.Published += (_, _) => published++;

        var result = workspace.Publish("chase-and-escalate", "dieu-phoi@cantho");

        Assert.False(result.Published);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("remind-14-before", problem.ActivityId);
        Assert.Contains("hoạt động 'remind-14-before'", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, published);
        Assert.False(File.Exists(Path.Combine(workflows, "definitions", "chase-and-escalate.v2.json")));
        Assert.True(workspace.GetDocument("chase-and-escalate")!.IsDraft);
    }

    [Fact]
    public void Publish_writes_the_next_version_with_who_and_when_and_new_milestones_take_it()
    {
        var draft = JsonNode.Parse(Shipped("chase-and-escalate"))!;
        draft["name"] = "Nhắc và báo cáo Sở Nội vụ (sửa)";
        workspace.SaveDraft("chase-and-escalate", draft.ToJsonString());
        WorkflowsPublishedEventArgs? seen = null;
        workspace.Published += (_, e) => seen = e;

        var result = workspace.Publish("chase-and-escalate", "Nguyễn Văn A");

        Assert.True(result.Published);
        Assert.Equal(2, result.Version);
        Assert.Equal("chase-and-escalate.v2.json", result.File);
        Assert.Equal("definition", seen!.Kind);
        Assert.Equal(2, seen.Version);
        Assert.Null(workspace.GetDocument("chase-and-escalate")!.IsDraft ? "draft left" : null);

        // The existing reader loads both files; v2 is what new milestones run, v1 stays for running ones.
        var data = WorkflowsData.Load(workflows);
        Assert.Empty(data.Definitions.Problems);
        Assert.Equal(2, data.Definitions.Get("chase-and-escalate").Version);
        Assert.Equal(1, data.Definitions.Get("chase-and-escalate", 1).Version);
        var v2 = data.Definitions.Get("chase-and-escalate", 2);
        Assert.True(v2.IsPublished);
        Assert.Equal("chase-and-escalate:2", v2.Id);

        // Who and when are in the file and survive the reader's round trip.
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(workflows, "definitions", "chase-and-escalate.v2.json")))!;
        Assert.Equal("2025-06-02T09:30:00+07:00", (string?)written["createdAt"]);
        Assert.Equal("Nguyễn Văn A", (string?)written["customProperties"]!["publishedBy"]);
        Assert.True(JsonNode.DeepEquals(written, JsonNode.Parse(v2.ToJson())));

        var versions = workspace.Versions("chase-and-escalate");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Null(versions[0].PublishedBy);
        Assert.Equal("Nguyễn Văn A", versions[1].PublishedBy);
        Assert.True(versions[1].IsLatestPublished);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.FromHours(7)), versions[1].CreatedAt);

        // A second publish is version 3.
        workspace.SaveDraft("chase-and-escalate", File.ReadAllText(Path.Combine(workflows, "definitions", "chase-and-escalate.v2.json")));
        Assert.Equal(3, workspace.Publish("chase-and-escalate", "B").Version);
    }

    [Fact]
    public void Diff_names_activities_inputs_and_connections_in_vietnamese()
    {
        var draft = JsonNode.Parse(Shipped("chase-and-escalate"))!;
        var activities = draft["root"]!["activities"]!.AsArray();
        var wait = activities.Single(a => (string?)a!["id"] == "wait-14-before")!;
        wait["offset"] = 10;
        wait["metadata"]!["designer"]!["position"]!["x"] = 999; // layout is not a change
        activities.Add(new JsonObject { ["id"] = "remind-again", ["type"] = "Cchc.SendReminder", ["displayName"] = "Nhắc lại", ["copyCoordinators"] = true });
        draft["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "remind-14-before", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "remind-again", ["port"] = "In" },
        });
        workspace.SaveDraft("chase-and-escalate", draft.ToJsonString());
        Assert.True(workspace.Publish("chase-and-escalate", "A").Published);

        var diff = workspace.Diff("chase-and-escalate", "1", "2")!;

        Assert.Contains("so sánh phiên bản 1 với phiên bản 2", diff.Text, StringComparison.Ordinal);
        var changed = Assert.Single(diff.Entries, e => e.Kind == "changed");
        Assert.Equal("wait-14-before", changed.ActivityId);
        Assert.Equal(["Số ngày: 14 → 10"], changed.Details);
        var added = Assert.Single(diff.Entries, e => e.Kind == "added");
        Assert.Equal("Thêm hoạt động «Nhắc lại» (remind-again, Gửi thư nhắc)", added.Title);
        Assert.Contains("Gửi kèm cơ quan phối hợp: có", added.Details);
        var connection = Assert.Single(diff.Entries, e => e.Kind == "connection-added");
        Assert.Contains("—Xong→ «Nhắc lại»", connection.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(diff.Entries, e => e.Kind == "removed");
        Assert.Null(workspace.Diff("chase-and-escalate", "1", "9"));
    }

    [Fact]
    public void Export_import_export_is_unchanged()
    {
        var exported = workspace.Export("chase-and-escalate", 1)!;
        Assert.Equal(Shipped("chase-and-escalate"), exported);

        var imported = workspace.Import(exported);
        Assert.True(imported.Saved);
        Assert.Equal("chase-and-escalate", imported.DefinitionId);
        Assert.Empty(imported.Problems);
        Assert.Equal(exported, workspace.Export("chase-and-escalate"));

        // Through publish, the reader's own model agrees: only id, version, isPublished, createdAt, customProperties differ.
        Assert.True(workspace.Publish("chase-and-escalate", "A").Published);
        var v1 = JsonNode.Parse(exported)!.AsObject();
        var v2 = JsonNode.Parse(workspace.Export("chase-and-escalate", 2)!)!.AsObject();
        foreach (var name in new[] { "id", "version", "createdAt", "customProperties" })
        {
            v1.Remove(name);
            v2.Remove(name);
        }

        Assert.True(JsonNode.DeepEquals(v1, v2));
    }

    [Fact]
    public void Import_refuses_bad_json_with_its_line_and_another_definition()
    {
        var bad = workspace.Import("{\n  \"definitionId\": \"x\",,\n}");
        Assert.False(bad.Saved);
        Assert.Equal(2, bad.Problems[0].Line);
        Assert.Contains("vị trí", bad.Problems[0].Message, StringComparison.Ordinal);

        var other = workspace.Import(Shipped("light-chase"), expectedId: "chase-and-escalate");
        Assert.False(other.Saved);
        Assert.False(workspace.GetDocument("light-chase")!.IsDraft);
    }

    [Fact]
    public void A_dry_run_stops_when_its_client_leaves_and_refuses_a_span_past_its_budget()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => workspace.DryRun("chase-and-escalate", "cchc-2025", ct: gone.Token));

        var century = workspace.DryRun("chase-and-escalate", "cchc-2025", new NodaTime.LocalDate(2025, 1, 1), new NodaTime.LocalDate(2099, 12, 31))!;
        Assert.Contains(century.Problems, p => p.Message.Contains("vượt giới hạn", StringComparison.Ordinal));
        Assert.Empty(century.Timeline);
    }

    [Fact]
    public void Dry_run_of_a_copy_of_the_shipped_chase_equals_the_simulation()
    {
        var copy = Shipped("chase-and-escalate");
        workspace.SaveDraft("chase-and-escalate", copy);

        var run = workspace.DryRun("chase-and-escalate", "cchc-2025")!;

        Assert.Empty(run.Problems);
        Assert.Equal("2025-01-01", run.From);
        Assert.Equal("2026-01-31", run.To);
        string[] args = ["simulate", "--plan", Path.Combine(workflows, "plans", "cchc-2025.csv"), "--definition", "chase-and-escalate", "--from", "2025-01-01", "--to", "2026-01-31", "--json", "--workflows", workflows];
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(0, WorkflowCommandLine.Run(args, output, errors));
        var expected = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(expected.Count, run.Timeline.Count);
        Assert.True(run.Timeline.Count > 100);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var t = run.Timeline[i];
            Assert.Equal((string?)e["at"], t.At);
            Assert.Equal((string?)e["task"], t.TaskId);
            Assert.Equal((int)e["milestone"]!, t.Milestone);
            Assert.Equal((string?)e["due"], t.Due);
            Assert.Equal((string?)e["action"], t.Kind);
            Assert.Equal(e["to"]!.AsArray().Select(n => (string?)n), t.RecipientIds);
        }

        Assert.Contains(run.Timeline, t => t.KindLabel == "nhắc hạn");
        Assert.Contains(run.Timeline, t => t.KindLabel == "báo cáo Sở Nội vụ");
        Assert.NotEmpty(run.Emails);
        Assert.True(run.EmailCount >= run.Emails.Count);
        Assert.All(run.Emails, m => Assert.False(string.IsNullOrWhiteSpace(m.Subject)));
    }

    [Fact]
    public void Dry_run_of_an_invalid_draft_gives_the_problems()
    {
        workspace.SaveDraft("chase-and-escalate", WithDanglingConnection(Shipped("chase-and-escalate")));
        var run = workspace.DryRun("chase-and-escalate", "cchc-2025")!;
        Assert.Empty(run.Timeline);
        Assert.Equal("remind-14-before", Assert.Single(run.Problems).ActivityId);

        var noPlan = workspace.DryRun("chase-and-escalate", "khong-co-ke-hoach", json: Shipped("chase-and-escalate"))!;
        Assert.Contains("khong-co-ke-hoach", Assert.Single(noPlan.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_draft_is_checked_with_lines_dry_run_and_published_with_history()
    {
        var shipped = File.ReadAllText(Path.Combine(workflows, "rules.yaml"));
        Assert.False(workspace.GetRules().IsDraft);
        Assert.Empty(workspace.GetRules().Problems);

        var unknown = shipped.Replace("definition: light-chase", "definition: khong-co", StringComparison.Ordinal);
        var problems = workspace.SaveRulesDraft(unknown);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.NotNull(p.Line));
        Assert.Contains("khong-co", problems[0].Message, StringComparison.Ordinal);
        Assert.False(workspace.PublishRules("A").Published);

        var syntax = workspace.ValidateRules("rules:\n  - scheduleKind: sometimes\n    definition: light-chase\n");
        Assert.Equal(2, Assert.Single(syntax).Line);

        var everything = "default: chase-and-escalate\nrules:\n  - plan: cchc-2025\n    definition: light-chase\n";
        Assert.Empty(workspace.SaveRulesDraft(everything));
        var run = workspace.RulesDryRun("cchc-2025");
        Assert.Empty(run.Problems);
        Assert.Equal(["light-chase"], run.Counts.Keys);
        Assert.All(run.Assignments, a => Assert.Equal(3, a.RuleLine));
        var before = workspace.RulesDryRun("cchc-2025", shipped);
        Assert.Equal(2, before.Counts.Count);
        Assert.Equal(run.Assignments.Count, before.Counts.Values.Sum());

        var published = 0;
        workspace.Published += (_, e) => published += e.Kind == "rules" ? 1 : 0;
        var result = workspace.PublishRules("Nguyễn Văn A");
        Assert.True(result.Published);
        Assert.Equal(1, published);
        Assert.Equal(everything, File.ReadAllText(Path.Combine(workflows, "rules.yaml")));
        Assert.Equal("rules-20250602-093000.yaml", result.Publication!.Previous);
        Assert.Equal(shipped, File.ReadAllText(Path.Combine(workflows, "rules-history", result.Publication.Previous!)));
        Assert.False(workspace.GetRules().IsDraft);
        var history = Assert.Single(workspace.RulesHistory());
        Assert.Equal("Nguyễn Văn A", history.By);
        Assert.Equal("light-chase", WorkflowsData.Load(workflows).Rules.Rules[0].Definition);
    }

    [Fact]
    public void The_catalog_descriptors_have_vietnamese_value_and_port_labels()
    {
        var catalog = ActivityLabels.Catalog();
        Assert.Equal(ActivityCatalog.All.Count, catalog.Count);
        var decision = catalog.Single(a => (string?)a!["type"] == "Cchc.MilestoneDecision")!;
        Assert.Equal(["Đúng", "Sai"], decision["outPorts"]!.AsArray().Select(p => (string?)p!["label"]));
        var values = catalog.SelectMany(a => a!["inputs"]!.AsArray()).SelectMany(i => i!["allowedValues"]!.AsArray());
        Assert.All(values, v => Assert.NotEqual((string?)v!["value"], (string?)v["label"]));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
