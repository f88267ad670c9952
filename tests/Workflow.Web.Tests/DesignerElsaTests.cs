using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Definitions.Workflows;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Web.Tests;

/// <summary>
/// The designer with Elsa's activities, in a real browser: a coordinator draws Start → FlowDecision (a JavaScript
/// condition, picked in the expression-language selector) → FlowFork (two named branches, drawn as ports) → two
/// WriteLines → FlowJoin WaitAll → End from the palette; a script that does not parse is refused at publish on its
/// activity, the corrected one is published, and the published file is what the runtime reads. axe-core audits every
/// state the test visits. Screenshots: artifacts/screenshots/designer-elsa-*.png.
/// </summary>
[Collection(SeedSiteGroup.Name)]
public sealed class DesignerElsaTests(SeedSite site)
{
    private const string Id = "elsa-re-nhanh-gop-nhanh";

    [BrowserFact]
    public async Task A_coordinator_draws_a_fork_and_join_with_a_javascript_condition_sees_a_broken_script_refused_and_publishes_the_fixed_one()
    {
        var definitions = Path.Combine(site.Server.Directory, "workflows", "definitions");
        var page = await site.CoordinatorPageAsync();
        await page.SetViewportSizeAsync(DesignerCanvas.Viewport.Width, DesignerCanvas.Viewport.Height);
        try
        {
            await page.GotoAsync("/quy-trinh");
            await page.GetByTestId("new-definition-id").FillAsync(Id);
            await page.GetByTestId("new-definition-name").FillAsync("Rẽ nhánh và gộp nhánh (Elsa)");
            await page.GetByTestId("new-definition-create").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/quy-trinh/{Id}$"), new() { Timeout = 30_000 });
            var designer = new DesignerCanvas(page);
            await designer.WaitShownAsync();
            await designer.ClearAsync();

            // Elsa's activities from the palette, three to a row, at the canvas's 100 % (an activity is 200 × 60).
            await page.GetByTestId("tab-props").ClickAsync();
            var canvas = await DesignerCanvas.BoxAsync(page.GetByTestId("canvas"));
            var step = Math.Min(260f, (canvas.Width - 220) / 2);
            Assert.True(step >= 210, $"the canvas is {canvas.Width:0} px wide: three activities do not fit side by side");
            (float X, float Y) At(int column, int row) => (canvas.X + 110 + (column * step), canvas.Y + 80 + (row * 140));
            async Task<string> Drop(string type, int column, int row)
            {
                var (x, y) = At(column, row);
                return await designer.DropFromPaletteAsync(type, x, y);
            }

            var start = await Drop(Start.TypeName, 0, 0);
            var decide = await Drop(FlowDecision.TypeName, 1, 0);
            var fork = await Drop(FlowFork.TypeName, 2, 0);
            var lineA = await Drop(WriteLine.TypeName, 0, 1);
            var lineB = await Drop(WriteLine.TypeName, 1, 2);
            var join = await Drop(FlowJoin.TypeName, 2, 1);
            var end = await Drop(End.TypeName, 2, 2);

            // The fork's branches become its ports; the join waits for all; the lines say which branch ran.
            await designer.SelectAsync(fork);
            await designer.SetPropertyAsync("branches", "A, B");
            await Expect(page.GetByTestId($"port-{fork}-A")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId($"port-{fork}-B")).ToHaveCountAsync(1);
            await designer.SelectAsync(join);
            await designer.SetPropertyAsync("mode", nameof(FlowJoinMode.WaitAll));
            await designer.SelectAsync(lineA);
            await designer.SetPropertyAsync("text", "nhánh A");
            await designer.SelectAsync(lineB);
            await designer.SetPropertyAsync("text", "nhánh B");
            await Expect(designer.Node(lineB)).ToContainTextAsync("nhánh B"); // the activity's line under its name
            await Expect(designer.Node(join)).ToContainTextAsync("Chờ mọi nhánh tới");

            // The condition in JavaScript, picked in the language selector, first with a syntax error.
            await designer.SelectAsync(decide);
            await page.GetByTestId("prop-condition-language").SelectOptionAsync("JavaScript");
            await designer.SetPropertyAsync("condition", "getInput('DaysOverdue') > (3");
            await Expect(page.GetByTestId("prop-condition-language")).ToHaveValueAsync("JavaScript");
            await Pages.ShootAndAuditAsync(page, "designer-elsa-01-bieu-thuc");

            await designer.ConnectAsync(start, "Done", decide);
            await designer.ConnectAsync(decide, "True", fork);
            await designer.ConnectAsync(fork, "A", lineA);
            await designer.ConnectAsync(fork, "B", lineB);
            await designer.ConnectAsync(lineA, "Done", join);
            await designer.ConnectAsync(lineB, "Done", join);
            await designer.ConnectAsync(join, "Done", end);
            await designer.ExpectEdgeCountAsync(7);

            // Refused at publish, on the decision, with the JavaScript parser's words.
            await page.GetByTestId("toolbar-publish").ClickAsync();
            await Expect(designer.Status).ToContainTextAsync("Không công bố được");
            var problem = page.Locator($"[data-testid=problems-list] [data-testid=problem][data-activity-id='{decide}']");
            await Expect(problem).ToHaveCountAsync(1);
            await Expect(problem).ToContainTextAsync("đầu vào \"condition\": JavaScript lỗi cú pháp");
            await Expect(designer.Node(decide).Locator("rect[data-problem]")).ToHaveAttributeAsync("data-problem", "true");
            await Pages.ShootAndAuditAsync(page, "designer-elsa-02-tu-choi");
            Assert.Empty(Directory.GetFiles(definitions, Id + ".v*.json"));

            // Fixed, it is published.
            await page.GetByTestId("tab-props").ClickAsync();
            await designer.SelectAsync(decide);
            await designer.SetPropertyAsync("condition", "getInput('DaysOverdue') > 3");
            await page.GetByTestId("toolbar-publish").ClickAsync();
            await Expect(designer.Status).ToContainTextAsync("Đã công bố phiên bản 1");
            await Expect(page.Locator("#designer [data-testid=canvas] [data-problem=true]")).ToHaveCountAsync(0);
            await Pages.ShootAndAuditAsync(page, "designer-elsa-03-da-cong-bo");

            // The published file: Elsa's wrapped JavaScript, the fork's branches, the join's mode; the runtime reads it.
            var file = Path.Combine(definitions, Id + ".v1.json");
            var published = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            var activities = published["root"]!["activities"]!.AsArray();
            JsonNode Activity(string id) => activities.Single(a => (string)a!["id"]! == id)!;
            Assert.Equal("JavaScript", (string)Activity(decide)["condition"]!["expression"]!["type"]!);
            Assert.Equal("getInput('DaysOverdue') > 3", (string)Activity(decide)["condition"]!["expression"]!["value"]!);
            Assert.Equal("A, B", (string)Activity(fork)["branches"]!);
            Assert.Equal("WaitAll", (string)Activity(join)["mode"]!);
            var read = WorkflowDefinitionReader.ReadFile(file);
            Assert.True(read.Definition is not null, string.Join(Environment.NewLine, read.Problems));
            Assert.Empty(read.Definition.RunProblems());
            Assert.IsType<Start>(read.Definition.Root.Start);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(definitions, Id + "*.json").Concat(Directory.GetFiles(Path.Combine(definitions, "drafts"), Id + "*.json")))
            {
                File.Delete(file);
            }
        }
    }
}
