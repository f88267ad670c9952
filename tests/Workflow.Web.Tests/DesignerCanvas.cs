using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Web.Tests;

/// <summary>
/// The X6 designer (/quy-trinh/{id}) as a coordinator's hand works it: real mouse presses, moves and
/// releases on the palette, the nodes and their ports, found by the designer's data-testid hooks.
/// A press goes to a point where the browser really hits the element (an edge drawn over a port is
/// avoided as a person would, by pressing the visible part of the port).
/// </summary>
internal sealed class DesignerCanvas(IPage page)
{
    /// <summary>The site's pages are at most 1280 px wide; a tall window gives the canvas room for the chase's bands.</summary>
    public static readonly ViewportSize Viewport = new() { Width = 1400, Height = 1400 };

    /// <summary>The first spot of the box of <c>bounds</c> where the topmost element is <c>owner</c> or inside it.</summary>
    private const string HitScript = """
        ([bounds, owner]) => {
          // Where in the box to press, best first: its middle, then round it.
          const spots = [[0.5, 0.5], [0.5, 0.3], [0.5, 0.7], [0.3, 0.5], [0.7, 0.5], [0.3, 0.3], [0.7, 0.7], [0.3, 0.7], [0.7, 0.3],
            [0.2, 0.5], [0.8, 0.5], [0.5, 0.15], [0.5, 0.85], [0.15, 0.15], [0.85, 0.85]];
          const box = document.querySelector(bounds);
          const el = document.querySelector(owner);
          if (!box || !el) return null;
          const r = box.getBoundingClientRect();
          for (const [fx, fy] of spots) {
            const x = r.left + r.width * fx, y = r.top + r.height * fy;
            const hit = document.elementFromPoint(x, y);
            if (hit && (hit === el || el.contains(hit))) return [x, y];
          }
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit ? ['covered by', hit.outerHTML.slice(0, 200)] : null;
        }
        """;

    public IPage Page => page;

    /// <summary>The activities on the canvas (each node's root group carries data-activity-id).</summary>
    public ILocator Nodes => page.Locator("#designer [data-testid=canvas] g[data-activity-id]");

    public ILocator Edges => page.Locator("#designer [data-testid=canvas] g.x6-edge");

    /// <summary>
    /// The canvas shows <paramref name="count"/> connections; when it does not, the failure lists every edge drawn
    /// (its cell id and test id) beside every edge of the designer's graph (source port, target port), so a stray
    /// edge says where it came from.
    /// </summary>
    public async Task ExpectEdgeCountAsync(int count)
    {
        try
        {
            await Expect(Edges).ToHaveCountAsync(count);
        }
        catch (PlaywrightException e)
        {
            var edges = await page.EvaluateAsync<string>("""
                () => {
                  const drawn = [...document.querySelectorAll('#designer [data-testid=canvas] g.x6-edge')]
                    .map(g => `${g.getAttribute('data-cell-id')} ${g.getAttribute('data-testid') || '(no test id)'}`);
                  const graph = window.workflowDesigner.graph;
                  const end = (t) => t.cell ? `${t.cell}/${t.port || ''}` : `(${Math.round(t.x)}, ${Math.round(t.y)})`;
                  const model = graph.getEdges().map(e => `${e.id} ${end(e.getSource())} -> ${end(e.getTarget())}`);
                  return `drawn (${drawn.length}):\n  ${drawn.join('\n  ')}\nin the graph (${model.length}):\n  ${model.join('\n  ')}`;
                }
                """);
            throw new InvalidOperationException($"{e.Message}\n{edges}", e);
        }
    }

    public ILocator Node(string id) => page.Locator($"#designer [data-testid=canvas] [data-testid='node-{id}']");

    public ILocator Edge(string source, string port, string target) =>
        page.Locator($"#designer [data-testid=canvas] [data-testid='edge-{source}-{port}-{target}']");

    public ILocator Status => page.GetByTestId("status");

    /// <summary>Opens the designer on <paramref name="definitionId"/> in the wide viewport and waits until the definition is shown.</summary>
    public static async Task<DesignerCanvas> OpenAsync(IPage page, string definitionId)
    {
        await page.SetViewportSizeAsync(Viewport.Width, Viewport.Height);
        await page.GotoAsync($"/quy-trinh/{definitionId}");
        var canvas = new DesignerCanvas(page);
        await canvas.WaitShownAsync();
        return canvas;
    }

    /// <summary>The designer has read its definition (a draft or a version) and drawn it.</summary>
    public async Task WaitShownAsync()
    {
        await Expect(Status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Đã (mở|nhập)"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("palette-Cchc.MilestoneStart")).ToBeVisibleAsync();
    }

    public async Task<List<string>> NodeIdsAsync() =>
        [.. await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#designer [data-testid=canvas] g[data-activity-id]')].map(e => e.getAttribute('data-activity-id'))")];

    public static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on the screen");

    /// <summary>
    /// Drags the palette's <paramref name="type"/> onto the canvas with the mouse and drops it centred at
    /// (<paramref name="x"/>, <paramref name="y"/>); returns the id the designer gave the new activity.
    /// </summary>
    public async Task<string> DropFromPaletteAsync(string type, float x, float y)
    {
        var before = await NodeIdsAsync();
        var item = page.GetByTestId($"palette-{type}");
        await item.ScrollIntoViewIfNeededAsync();
        var box = await BoxAsync(item);
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(Nodes).ToHaveCountAsync(before.Count + 1);
        var added = (await NodeIdsAsync()).Except(before, StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 1, $"dropping {type} added {added.Count} activities: {string.Join(", ", added)}");
        await Expect(Node(added[0])).ToHaveAttributeAsync("data-activity-type", type);
        return added[0];
    }

    /// <summary>Empties the canvas as a person does: each activity clicked, then the Delete key.</summary>
    public async Task ClearAsync()
    {
        foreach (var id in await NodeIdsAsync())
        {
            await SelectAsync(id);
            await page.Keyboard.PressAsync("Delete");
            await Expect(Node(id)).ToHaveCountAsync(0);
        }

        await Expect(Nodes).ToHaveCountAsync(0);
        await Expect(Edges).ToHaveCountAsync(0);
    }

    /// <summary>Clicks an activity (on its body, where no edge covers it): it is selected, the canvas has the keyboard and the property panel shows it.</summary>
    public async Task SelectAsync(string id)
    {
        var (x, y) = await HitAsync($"[data-testid='node-{id}'] > rect", $"[data-testid='node-{id}']");
        await page.Mouse.ClickAsync(x, y);
        await Expect(page.Locator($"[data-testid=node-form][data-activity-id='{id}']")).ToBeVisibleAsync();
    }

    /// <summary>Presses the out port <paramref name="port"/> of <paramref name="source"/> and releases on the in port of <paramref name="target"/>.</summary>
    public async Task ConnectAsync(string source, string port, string target)
    {
        var (x, y) = await HitAsync($"[data-testid='port-{source}-{port}']", $"[data-testid='port-{source}-{port}']");
        var into = await BoxAsync(page.GetByTestId($"port-{target}-In"));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(into.X + (into.Width / 2), into.Y + (into.Height / 2), new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await Expect(Edge(source, port, target)).ToHaveCountAsync(1);
    }

    /// <summary>Sets one field of the property panel as a person does: picks the option, or types and leaves the field.</summary>
    public async Task SetPropertyAsync(string name, string value)
    {
        var field = page.GetByTestId($"prop-{name}");
        await Expect(field).ToHaveCountAsync(1);
        var tag = await field.EvaluateAsync<string>("e => e.tagName");
        if (tag == "SELECT")
        {
            await field.SelectOptionAsync(new SelectOptionValue { Value = value });
        }
        else
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
        }

        // The panel is drawn again from the activity's JSON: the value shown is the value kept.
        await Expect(page.GetByTestId($"prop-{name}")).ToHaveValueAsync(value);
    }

    /// <summary>The canvas's zoom (1 is 100 %), from the designer's own graph (window.workflowDesigner, kept for tests).</summary>
    public async Task<double> ZoomAsync() => await page.EvaluateAsync<double>("() => window.workflowDesigner.graph.zoom()");

    /// <summary>Zooms with the toolbar's buttons (0.1 a click) to <paramref name="scale"/>.</summary>
    public async Task ZoomToAsync(double scale)
    {
        for (var clicks = 0; clicks < 20; clicks++)
        {
            var zoom = await ZoomAsync();
            if (Math.Abs(zoom - scale) < 0.01)
            {
                return;
            }

            await page.GetByTestId(zoom > scale ? "toolbar-zoom-out" : "toolbar-zoom-in").ClickAsync();
        }

        Assert.Fail($"the zoom buttons did not reach {scale:0.0} (at {await ZoomAsync():0.00})");
    }

    /// <summary>Every button of the designer or the rules editor can be read: its text is not the colour of what is behind it.</summary>
    public async Task AssertButtonsReadableAsync()
    {
        var unreadable = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.wd-host button')].filter(b => b.offsetParent !== null && b.textContent.trim()).filter(b => {
              const color = getComputedStyle(b).color;
              let e = b, background = 'rgba(0, 0, 0, 0)';
              while (e && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) { background = getComputedStyle(e).backgroundColor; e = e.parentElement; }
              return color === background;
            }).map(b => `${b.getAttribute('data-testid')} "${b.textContent.trim()}" (${getComputedStyle(b).color})`)
            """);
        Assert.True(unreadable.Length == 0, $"buttons whose text is the colour of their background: {string.Join(", ", unreadable)}");
    }

    /// <summary>Clicks a toolbar button and waits for the file it downloads; returns its text.</summary>
    /// <summary>The file is kept under its own name in <paramref name="folder"/> (a temporary one when null).</summary>
    public async Task<(string Name, string Text, string Path)> DownloadAsync(string testId, string? folder = null)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = System.IO.Path.Combine(folder ?? Directory.CreateTempSubdirectory("workflow-designer-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path), path);
    }

    private async Task<(float X, float Y)> HitAsync(string bounds, string owner)
    {
        await Expect(page.Locator(bounds).First).ToBeVisibleAsync();
        var hit = await page.EvaluateAsync<System.Text.Json.JsonElement>(HitScript, new[] { bounds, owner });
        if (hit.ValueKind != System.Text.Json.JsonValueKind.Array || hit.GetArrayLength() != 2 || hit[0].ValueKind != System.Text.Json.JsonValueKind.Number)
        {
            throw new InvalidOperationException($"{owner} cannot be pressed anywhere: {hit}");
        }

        return ((float)hit[0].GetDouble(), (float)hit[1].GetDouble());
    }

    /// <summary>The text of a literal input of the shipped JSON as the property panel writes it ("14", "true", "08:00").</summary>
    public static string FieldText(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"the test sets literal values only, not {value?.ToJsonString()}"),
    };
}
