using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Tests;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Web.Tests;

/// <summary>
/// The workflow designer in a real browser, on the seed site's server: a coordinator draws the shipped
/// chase-and-escalate again from an empty canvas with the mouse (the test reads the shipped file and
/// drags, connects and fills in exactly what it says), dry-runs it on the 2025 plan and publishes it, and
/// the published file runs in the runtime's simulation exactly as the shipped one; undo, redo and the
/// Delete key; export and re-import unchanged; a dangling connection refused at publish, on its activity;
/// the rules editor's dry run. Screenshots: artifacts/screenshots/designer-*.png.
/// </summary>
[Collection(SeedSiteGroup.Name)]
public sealed class DesignerTests(SeedSite site, ITestOutputHelper log)
{
    private const string Plan = "cchc-2025";
    private const string BuiltId = "chase-built-in-browser";
    private const string BuiltName = "Nhắc và báo cáo Sở Nội vụ (vẽ lại trên trình duyệt)";

    /// <summary>The period `workflow simulate` and the dry run use for the 2025 plan.</summary>
    private static readonly LocalDate From = new(2025, 1, 1);
    private static readonly LocalDate To = new(2026, 1, 31);

    // Where the drawn activities go, in the canvas's units: the shipped layout (one column every 260, the "done"
    // ends below their decision) tighter, wrapped into bands, at the largest zoom at which it all fits.
    private const float ColumnWidth = 250;
    private const float RowHeight = 110;

    [BrowserFact]
    public async Task A_coordinator_draws_chase_and_escalate_from_an_empty_canvas_dry_runs_it_and_publishes_what_the_runtime_runs_as_the_shipped_file()
    {
        var started = DateTime.UtcNow;
        var shipped = ReadJson(Path.Combine(RepositoryRoot.Workflows, "definitions", "chase-and-escalate.json"));
        var activities = Activities(shipped);
        var connections = Connections(shipped);
        var expected = Simulate(Path.Combine(RepositoryRoot.Workflows, "definitions", "chase-and-escalate.json"));
        Assert.NotEmpty(expected);

        // A new definition from the list page.
        var page = await site.CoordinatorPageAsync();
        await page.SetViewportSizeAsync(DesignerCanvas.Viewport.Width, DesignerCanvas.Viewport.Height);
        await page.GotoAsync("/quy-trinh");
        await Expect(page.GetByTestId("definition-list")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=definition-list] tr[data-definition=chase-and-escalate]")).ToHaveCountAsync(1);
        await Pages.CheckAndShootAsync(page, "designer-01-danh-sach");
        await page.GetByTestId("new-definition-id").FillAsync(BuiltId);
        await page.GetByTestId("new-definition-name").FillAsync(BuiltName);
        await page.GetByTestId("new-definition-create").ClickAsync();
        try
        {
            // The draft is saved, then the page goes to its designer (no wait for the "load" event: the designer says when it has drawn).
            await Expect(page).ToHaveURLAsync(new Regex($"/quy-trinh/{BuiltId}$"), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"the new definition's designer did not open ({e.Message.Split('\n')[0]}); the list page says: {await page.GetByTestId("status").TextContentAsync()}");
        }

        var designer = new DesignerCanvas(page);
        await designer.WaitShownAsync();

        // It starts as "start → end": the coordinator clears the canvas (click, Delete) to draw from nothing.
        await designer.ClearAsync();
        await Pages.ShootAndAuditAsync(page, "designer-02-so-do-trong");

        // Every activity of the shipped file, dragged from the palette to its place, its properties typed in.
        // The page keeps the site's width: the canvas is zoomed out (toolbar) until the whole chase fits.
        await designer.AssertButtonsReadableAsync();
        var canvas = await DesignerCanvas.BoxAsync(page.GetByTestId("canvas"));
        var (scale, places) = Places(activities, canvas);
        await designer.ZoomToAsync(scale);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal); // shipped id → id the designer gave
        await page.GetByTestId("tab-props").ClickAsync();
        foreach (var activity in activities)
        {
            var shippedId = (string)activity["id"]!;
            var type = (string)activity["type"]!;
            var (x, y) = places[shippedId];
            var id = await designer.DropFromPaletteAsync(type, x, y);
            ids[shippedId] = id;

            await designer.SelectAsync(id);
            foreach (var (name, value) in activity)
            {
                if (name is "id" or "type" or "metadata")
                {
                    continue;
                }

                await designer.SetPropertyAsync(name, DesignerCanvas.FieldText(value));
            }
        }

        Assert.Equal(activities.Count, ids.Values.Distinct(StringComparer.Ordinal).Count());
        log.WriteLine($"{activities.Count} activities dragged and filled in after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        // Every connection, out port to in port; the connections into a node after those out of it, loops last,
        // so that a new edge never lies over a port still to be pressed (a person would press beside it).
        foreach (var c in DrawingOrder(connections, activities))
        {
            await designer.ConnectAsync(ids[c.Source], c.Port, ids[c.Target]);
        }

        await designer.ExpectEdgeCountAsync(connections.Count);
        log.WriteLine($"{connections.Count} connections drawn after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        // No problem left: the checks (run as one draws) find none, no activity is marked.
        await page.GetByTestId("tab-problems").ClickAsync();
        await Expect(page.GetByTestId("problems-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#designer [data-testid=canvas] [data-problem=true]")).ToHaveCountAsync(0);
        await Pages.ShootAndAuditAsync(page, "designer-03-da-ve");

        // Saved as a draft: the same activities, inputs and connections as the shipped file, under the designer's ids.
        await page.GetByTestId("toolbar-save").ClickAsync();
        await Expect(designer.Status).ToHaveTextAsync("Đã lưu bản nháp; không có lỗi.");
        var draft = ReadJson(Path.Combine(site.Server.Directory, "workflows", "definitions", "drafts", BuiltId + ".json"));
        AssertSameFlow(shipped, draft, ids);

        // The dry run on the 2025 plan lists every notification the shipped definition sends.
        await page.GetByTestId("tab-run").ClickAsync();
        await Expect(page.Locator($"[data-testid=dry-run-plan] option[value='{Plan}']")).ToHaveCountAsync(1);
        await page.GetByTestId("dry-run-plan").SelectOptionAsync(Plan);
        await page.GetByTestId("dry-run-from").FillAsync(Iso(From));
        await page.GetByTestId("dry-run-to").FillAsync(Iso(To));
        await page.GetByTestId("dry-run-start").ClickAsync();
        var rows = page.Locator("[data-testid=timeline] tbody tr");
        await Expect(rows).ToHaveCountAsync(expected.Count, new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("dry-run-summary")).ToContainTextAsync(Plan);
        await Expect(page.Locator("[data-testid=timeline] tbody tr[data-kind=escalation]")).ToHaveCountAsync(expected.Count(n => n.Kind == "Escalation"));
        Assert.True(await page.GetByTestId("email").CountAsync() > 0, "the dry run shows no email");
        await Pages.ShootAndAuditAsync(page, "designer-04-chay-thu");

        // Published: version 1 in the list, the file in workflows/definitions, the same through the API's export.
        await page.GetByTestId("toolbar-publish").ClickAsync();
        await Expect(designer.Status).ToContainTextAsync("Đã công bố phiên bản 1");
        await page.GetByTestId("tab-versions").ClickAsync();
        await Expect(page.Locator("[data-testid=versions] tr[data-version='1']")).ToContainTextAsync(WebServer.UserName);
        await Expect(page.GetByTestId("definition-state")).ToHaveTextAsync("(Phiên bản 1)");
        await Pages.ShootAndAuditAsync(page, "designer-05-da-cong-bo");

        var definitions = Path.Combine(site.Server.Directory, "workflows", "definitions");
        var file = Path.Combine(definitions, BuiltId + ".v1.json");
        Assert.True(File.Exists(file), $"no {file} after the publish");
        Assert.False(File.Exists(Path.Combine(definitions, "drafts", BuiltId + ".json")), "the draft is still there after the publish");
        var exported = await page.APIRequest.GetAsync($"/api/definitions/{BuiltId}/export?version=1");
        Assert.Equal(200, exported.Status);
        Assert.Equal(await File.ReadAllTextAsync(file), await exported.TextAsync());

        // The runtime reads it (the catalog of the server's folder has it, published, without a problem) ...
        var catalog = DefinitionCatalog.LoadDirectory(definitions);
        Assert.Empty(catalog.Problems);
        Assert.True(catalog.TryGet(BuiltId, out var published), $"the catalog has no published {BuiltId}");
        Assert.Equal(1, published.Version);
        Assert.Equal(BuiltName, published.Name);
        AssertSameFlow(shipped, ReadJson(file), ids);

        // ... and its simulation of the 2025 plan sends exactly what the shipped file sends.
        var actual = Simulate(file);
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"the published definition's simulation differs: {expected.Count} expected, {actual.Count} sent\nmissing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
        Assert.Equal(expected, actual);
        log.WriteLine($"{actual.Count} notifications alike; whole test {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }

    [BrowserFact]
    public async Task Designer_Delete_key_removes_an_activity_and_its_connections_Ctrl_Z_brings_them_back_Ctrl_Y_removes_them_again()
    {
        var shipped = ReadJson(Path.Combine(RepositoryRoot.Workflows, "definitions", "chase-and-escalate.json"));
        const string Id = "remind-14-before";
        var touching = Connections(shipped).Where(c => c.Source == Id || c.Target == Id).ToList();
        Assert.Equal(2, touching.Count);

        var page = await site.CoordinatorPageAsync();
        var designer = await DesignerCanvas.OpenAsync(page, "chase-and-escalate");
        var count = Activities(shipped).Count;
        await Expect(designer.Nodes).ToHaveCountAsync(count);
        await designer.ExpectEdgeCountAsync(Connections(shipped).Count);
        await Expect(page.GetByTestId("toolbar-undo")).ToBeDisabledAsync();

        // Too long to show whole at a legible zoom, the chase opens at its start, with room left of it.
        var canvas = await DesignerCanvas.BoxAsync(page.GetByTestId("canvas"));
        var start = await DesignerCanvas.BoxAsync(designer.Node("start").Locator("rect").First);
        Assert.True(start.X - canvas.X >= 20, $"the start is {start.X - canvas.X:0} px from the canvas's left edge");

        await designer.SelectAsync(Id);
        await Expect(page.Locator($"[data-testid=node-form][data-activity-id='{Id}']")).ToBeVisibleAsync();
        await Pages.ShootAndAuditAsync(page, "designer-06a-chon-hoat-dong");
        await page.Keyboard.PressAsync("Delete");
        await Expect(designer.Node(Id)).ToHaveCountAsync(0);
        await Expect(designer.Nodes).ToHaveCountAsync(count - 1);
        foreach (var c in touching)
        {
            await Expect(designer.Edge(c.Source, c.Port, c.Target)).ToHaveCountAsync(0);
        }

        await Expect(page.GetByTestId("definition-state")).ToContainTextAsync("chưa lưu");
        await Pages.ShootAndAuditAsync(page, "designer-06-xoa-bang-phim");

        await page.Keyboard.PressAsync("Control+z");
        await Expect(designer.Node(Id)).ToHaveCountAsync(1);
        await Expect(designer.Nodes).ToHaveCountAsync(count);
        foreach (var c in touching)
        {
            await Expect(designer.Edge(c.Source, c.Port, c.Target)).ToHaveCountAsync(1);
        }

        await Expect(page.GetByTestId("toolbar-redo")).ToBeEnabledAsync();
        await Pages.ShootAndAuditAsync(page, "designer-07-hoan-tac");

        await page.Keyboard.PressAsync("Control+y");
        await Expect(designer.Node(Id)).ToHaveCountAsync(0);
        await Expect(designer.Nodes).ToHaveCountAsync(count - 1);
        foreach (var c in touching)
        {
            await Expect(designer.Edge(c.Source, c.Port, c.Target)).ToHaveCountAsync(0);
        }

        // The toolbar's buttons do the same.
        await page.GetByTestId("toolbar-undo").ClickAsync();
        await Expect(designer.Node(Id)).ToHaveCountAsync(1);
        await page.GetByTestId("toolbar-redo").ClickAsync();
        await Expect(designer.Node(Id)).ToHaveCountAsync(0);
        await page.GetByTestId("toolbar-undo").ClickAsync();
        await designer.ExpectEdgeCountAsync(Connections(shipped).Count);

        // Back to where it started: what would be saved is the shipped file again.
        var (_, text, saved) = await designer.DownloadAsync("toolbar-export");
        Directory.Delete(Path.GetDirectoryName(saved)!, recursive: true);
        AssertJsonEqual(shipped, JsonNode.Parse(text)!, "export after delete, undo, redo, undo");
    }

    [BrowserFact]
    public async Task Designer_exports_the_shipped_light_chase_unchanged_and_an_imported_export_exports_unchanged_again()
    {
        var shippedPath = Path.Combine(RepositoryRoot.Workflows, "definitions", "light-chase.json");
        var shipped = ReadJson(shippedPath);
        var draft = Path.Combine(site.Server.Directory, "workflows", "definitions", "drafts", "light-chase.json");
        var folder = Directory.CreateTempSubdirectory("workflow-designer-").FullName;
        var page = await site.CoordinatorPageAsync();
        try
        {
            var designer = await DesignerCanvas.OpenAsync(page, "light-chase");
            await Expect(designer.Nodes).ToHaveCountAsync(Activities(shipped).Count);

            var (name, first, path) = await designer.DownloadAsync("toolbar-export", folder);
            Assert.Equal("light-chase.json", name);
            AssertJsonEqual(shipped, JsonNode.Parse(first)!, "first export");

            // The exported file imported as a draft: the draft is that file, and exporting again gives it unchanged.
            await page.GetByTestId("import-file").SetInputFilesAsync(path);
            await Expect(designer.Status).ToHaveTextAsync("Đã nhập light-chase.json thành bản nháp.");
            await Expect(page.GetByTestId("definition-state")).ToContainTextAsync("Bản nháp");
            Assert.Equal(first, await File.ReadAllTextAsync(draft));
            await Pages.ShootAndAuditAsync(page, "designer-08-nhap-xuat");

            var (_, second, _) = await designer.DownloadAsync("toolbar-export", Directory.CreateDirectory(Path.Combine(folder, "again")).FullName);
            AssertJsonEqual(shipped, JsonNode.Parse(second)!, "export of the imported draft");
            Assert.Equal(first, second);
        }
        finally
        {
            File.Delete(draft); // the seed site's light-chase has no draft for the other tests
            Directory.Delete(folder, recursive: true);
        }
    }

    [BrowserFact]
    public async Task Designer_refuses_to_publish_a_connection_to_nothing_and_names_its_activity()
    {
        const string Id = "dangling-connection";
        const string Ghost = "khong-ton-tai";
        var definition = ReadJson(Path.Combine(RepositoryRoot.Workflows, "definitions", "light-chase.json")).AsObject();
        definition["id"] = $"{Id}:1";
        definition["definitionId"] = Id;
        definition["name"] = "Kết nối tới hoạt động không có";
        definition["isPublished"] = false;
        var source = Activities(definition).First(a => (string)a["type"]! == "Cchc.SendReminder");
        var sourceId = (string)source["id"]!;
        ((JsonArray)definition["root"]!["connections"]!).Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = sourceId, ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = Ghost, ["port"] = "In" },
        });
        var upload = Path.Combine(Path.GetTempPath(), $"{Id}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(upload, definition.ToJsonString(new() { WriteIndented = true }), new UTF8Encoding(false));
        var definitions = Path.Combine(site.Server.Directory, "workflows", "definitions");
        var page = await site.CoordinatorPageAsync();
        try
        {
            // A definition that does not exist yet: the page says so, and imports the file as its draft.
            await page.SetViewportSizeAsync(DesignerCanvas.Viewport.Width, DesignerCanvas.Viewport.Height);
            await page.GotoAsync($"/quy-trinh/{Id}");
            var designer = new DesignerCanvas(page);
            await Expect(designer.Status).ToContainTextAsync("Không có quy trình");
            await page.GetByTestId("import-file").SetInputFilesAsync(upload);
            await designer.WaitShownAsync();
            await Expect(designer.Edge(sourceId, "Done", Ghost)).ToHaveCountAsync(1);
            Assert.True(File.Exists(Path.Combine(definitions, "drafts", Id + ".json")), "the import saved no draft");

            await page.GetByTestId("toolbar-publish").ClickAsync();
            await Expect(designer.Status).ToContainTextAsync("Không công bố được");
            await Expect(page.GetByTestId("problems-list")).ToBeVisibleAsync();
            var problem = page.Locator($"[data-testid=problems-list] [data-testid=problem][data-activity-id='{sourceId}']");
            await Expect(problem).ToHaveCountAsync(1);
            await Expect(problem).ToContainTextAsync(sourceId);
            await Expect(problem).ToContainTextAsync(Ghost);
            await Expect(designer.Node(sourceId).Locator("rect[data-problem]")).ToHaveAttributeAsync("data-problem", "true");
            await Expect(page.GetByTestId($"node-problem-{sourceId}")).ToContainTextAsync("kết nối");
            await Pages.ShootAndAuditAsync(page, "designer-09-ket-noi-treo");

            Assert.Empty(Directory.GetFiles(definitions, Id + "*.json"));
            var versions = await page.APIRequest.GetAsync($"/api/definitions/{Id}/versions");
            Assert.Equal("[]", (await versions.TextAsync()).Trim());
        }
        finally
        {
            File.Delete(upload);
            File.Delete(Path.Combine(definitions, "drafts", Id + ".json"));
        }
    }

    [BrowserFact]
    public async Task Designer_rules_editor_dry_run_counts_the_milestones_of_each_definition()
    {
        var page = await site.CoordinatorPageAsync();
        await page.SetViewportSizeAsync(DesignerCanvas.Viewport.Width, DesignerCanvas.Viewport.Height);
        await page.GotoAsync("/quy-trinh/quy-tac");
        var rules = await File.ReadAllTextAsync(Path.Combine(site.Server.Directory, "workflows", "rules.yaml"));
        await Expect(page.GetByTestId("rules-yaml")).ToHaveValueAsync(rules);
        await Expect(page.GetByTestId("problems-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rules-history")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=dry-run-plan] option[value='{Plan}']")).ToHaveCountAsync(1);
        await page.GetByTestId("dry-run-plan").SelectOptionAsync(Plan);
        await page.GetByTestId("toolbar-dry-run").ClickAsync();

        var counts = page.Locator("[data-testid=rules-counts] tbody tr[data-definition]");
        await Expect(counts.First).ToBeVisibleAsync();
        var byDefinition = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in await counts.AllAsync())
        {
            var cells = await row.Locator("td").AllInnerTextsAsync();
            byDefinition[(await row.GetAttributeAsync("data-definition"))!] = int.Parse(cells[1].Trim(), CultureInfo.InvariantCulture);
        }

        Assert.Contains("chase-and-escalate", byDefinition.Keys);
        Assert.All(byDefinition.Values, n => Assert.True(n > 0));
        var assignments = await page.Locator("[data-testid=rules-assignments] tbody tr").CountAsync();
        Assert.Equal(assignments, byDefinition.Values.Sum());

        // As many milestones as the 2025 plan has runs.
        var folder = Path.Combine(site.Server.Directory, "workflows");
        var reference = ReferenceData.Load(folder);
        var plan = PlanReader.Read(Path.Combine(folder, "plans", Plan + ".csv"), reference).Plan!;
        var runs = new MilestonePlanner(reference.Agencies, DefinitionCatalog.LoadDirectory(Path.Combine(folder, "definitions")), DefinitionRules.None).Plan(plan);
        Assert.Equal(runs.Count, assignments);
        await new DesignerCanvas(page).AssertButtonsReadableAsync();
        await Pages.CheckAndShootAsync(page, "designer-10-quy-tac");
    }

    // ------------------------------------------------------------------ the shipped file and the runtime

    /// <summary>One notification as the comparison sees it: ids of definitions aside, everything that is sent.</summary>
    private sealed record Sent(string Kind, string Task, int Milestone, string At, string Due, string To, string Cc, string Template);

    /// <summary>The notifications of the 2025 plan over 2025-01-01..2026-01-31 with every milestone on the definition in <paramref name="file"/>, as `workflow simulate --definition FILE`.</summary>
    private List<Sent> Simulate(string file)
    {
        var read = WorkflowDefinitionReader.ReadFile(file);
        Assert.True(read.Definition is not null, $"{file} does not load: {string.Join("; ", read.Problems)}");
        var folder = Path.Combine(site.Server.Directory, "workflows");
        var reference = ReferenceData.Load(folder);
        var plan = PlanReader.Read(Path.Combine(folder, "plans", Plan + ".csv"), reference).Plan!;
        var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency),
            new MilestonePlanner(reference.Agencies, DefinitionCatalog.LoadDirectory(Path.Combine(folder, "definitions")), DefinitionRules.None));
        return [.. simulator.Run(plan, From, To, [], [], read.Definition).Notifications.Select(n => new Sent(
            n.Kind.ToString(), n.Task, n.Milestone, n.At.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), Iso(n.Due),
            string.Join(",", n.To), string.Join(",", n.Cc), n.Template))];
    }

    private sealed record Link(string Source, string Port, string Target);

    private static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    private static List<JsonObject> Activities(JsonNode definition) =>
        [.. ((JsonArray)definition["root"]!["activities"]!).Select(a => a!.AsObject())];

    /// <summary>The connections in either of Elsa's forms; a port left out is Done at the source.</summary>
    private static List<Link> Connections(JsonNode definition) =>
        [.. ((JsonArray)definition["root"]!["connections"]!).Select(c => c switch
        {
            JsonObject { } o when o["source"] is JsonObject s => new Link((string)s["activity"]!, (string?)s["port"] ?? "Done", (string)o["target"]!["activity"]!),
            JsonObject { } o => new Link((string)o["source"]!, (string?)o["sourcePort"] ?? "Done", (string)o["target"]!),
            _ => throw new InvalidOperationException($"not a connection: {c?.ToJsonString()}"),
        })];

    /// <summary>
    /// Where each activity is dropped (screen coordinates of its centre) and at which zoom: the shipped file's
    /// columns and rows, the columns wrapped into bands as wide as the canvas, at the largest zoom (1, 0.9, …)
    /// at which they all fit.
    /// </summary>
    private static (double Scale, Dictionary<string, (float X, float Y)> Places) Places(List<JsonObject> activities, LocatorBoundingBoxResult canvas)
    {
        var cells = activities.Select((a, i) =>
        {
            var position = a["metadata"]?["designer"]?["position"];
            var x = position?["x"]?.GetValue<double>() ?? i * 260.0;
            var y = position?["y"]?.GetValue<double>() ?? 0.0;
            return (Id: (string)a["id"]!, Column: (int)Math.Round(x / 260.0), Y: y);
        }).ToList();
        var rows = cells.Select(c => c.Y).Distinct().Order().ToList();
        var columns = cells.Max(c => c.Column) + 1;
        for (var tenths = 10; tenths >= 4; tenths--)
        {
            var s = tenths / 10f;
            var perBand = (int)((canvas.Width - 40 - (200 * s)) / (ColumnWidth * s)) + 1;
            var bandHeight = ((rows.Count * RowHeight) + 20) * s;
            var bands = (columns + perBand - 1) / perBand;
            if (perBand < 2 || (bands * bandHeight) + 40 > canvas.Height)
            {
                continue;
            }

            var places = cells.ToDictionary(c => c.Id, c => (
                X: canvas.X + 20 + ((c.Column % perBand) * ColumnWidth * s) + (100 * s),
                Y: canvas.Y + 20 + ((c.Column / perBand) * bandHeight) + (rows.IndexOf(c.Y) * RowHeight * s) + (30 * s)), StringComparer.Ordinal);
            Assert.True(places.Values.Distinct().Count() == places.Count, "two activities of the shipped file share a place");
            return (tenths / 10.0, places);
        }

        throw new InvalidOperationException($"the canvas ({canvas.Width}×{canvas.Height}) is too small for {columns} columns even at zoom 0.4");
    }

    /// <summary>Connections out of an activity before those into it (depth-first from the start, the last reached first), loops last.</summary>
    private static List<Link> DrawingOrder(List<Link> connections, List<JsonObject> activities)
    {
        var finished = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var back = new HashSet<Link>();
        void Visit(string id)
        {
            state[id] = false;
            foreach (var c in connections.Where(c => c.Source == id))
            {
                if (!state.TryGetValue(c.Target, out var done))
                {
                    Visit(c.Target);
                }
                else if (!done)
                {
                    back.Add(c);
                }
            }

            state[id] = true;
            finished.Add(id);
        }

        var start = (string)activities.First(a => (string)a["type"]! == "Cchc.MilestoneStart")["id"]!;
        Visit(start);
        foreach (var id in activities.Select(a => (string)a["id"]!).Where(id => !state.ContainsKey(id)))
        {
            Visit(id);
        }

        return [.. connections.OrderBy(back.Contains).ThenBy(c => finished.IndexOf(c.Source))];
    }

    /// <summary>
    /// <paramref name="built"/> is <paramref name="shipped"/> drawn again: under the designer's ids, every activity
    /// has the same type, display name and inputs (same JSON values), and the connections are the same.
    /// </summary>
    private static void AssertSameFlow(JsonNode shipped, JsonNode built, Dictionary<string, string> ids)
    {
        var back = ids.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        static JsonObject Content(JsonObject a)
        {
            var copy = a.DeepClone().AsObject();
            copy.Remove("id");
            copy.Remove("metadata");
            return copy;
        }

        var expected = Activities(shipped).ToDictionary(a => (string)a["id"]!, Content, StringComparer.Ordinal);
        var actual = Activities(built).ToDictionary(a => back[(string)a["id"]!], Content, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, activity) in expected)
        {
            AssertJsonEqual(activity, actual[id], $"activity {id} ({ids[id]})");
        }

        var links = Connections(built).Select(c => new Link(back[c.Source], c.Port, back[c.Target])).ToHashSet();
        Assert.True(links.SetEquals(Connections(shipped)), $"connections differ: {string.Join(", ", links.Except(Connections(shipped)))} / {string.Join(", ", Connections(shipped).Except(links))}");
        Assert.Equal(Connections(shipped).Count, Connections(built).Count);
    }

    private static void AssertJsonEqual(JsonNode expected, JsonNode actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what}: not the same JSON\nexpected: {expected.ToJsonString()}\nactual:   {actual.ToJsonString()}");

    private static string Iso(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
