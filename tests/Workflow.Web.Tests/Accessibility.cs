using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Tests;

namespace Workflow.Web.Tests;

/// <summary>
/// An axe-core audit of the page as it is now (WCAG 2.0 and 2.1, levels A and AA): any violation
/// fails the test, naming the rule, the elements and what is wrong. axe-core is the npm package
/// pinned in tools/axe-core/package-lock.json, installed there by scripts/test.sh (<c>npm ci</c>);
/// it is evaluated in the page through the DevTools protocol, so the site's Content-Security-Policy
/// (no inline scripts) does not stop it.
/// </summary>
internal static class Accessibility
{
    /// <summary>The rules run: axe's tags of WCAG 2.0 and 2.1, A and AA.</summary>
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Known exceptions, the only place any is written: axe rule id → why it does not apply. Empty:
    /// every page and state the browser tests reach passes every rule.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownExceptions = new Dictionary<string, string>(StringComparer.Ordinal);

    private static readonly Lazy<string> Source = new(() =>
    {
        var package = Path.Combine(RepositoryRoot.Path, "tools", "axe-core");
        var script = Path.Combine(package, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"axe-core is not installed: {script} is missing. Run `npm ci` in {package} (scripts/test.sh does it from the lock file).");
        }

        return File.ReadAllText(script, Encoding.UTF8);
    });

    /// <summary>
    /// Audits <paramref name="page"/> in its current state (<paramref name="state"/> says which, for
    /// the failure message) and fails on any WCAG 2.0/2.1 A or AA violation not in <see cref="KnownExceptions"/>.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async ([tags, skipped]) => {
              const rules = Object.fromEntries(skipped.map(id => [id, { enabled: false }]));
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '' })),
                count: v.nodes.length,
              }));
            }
            """,
            new object[] { Tags, KnownExceptions.Keys.ToArray() });

        if (result.GetArrayLength() == 0)
        {
            return;
        }

        var report = new StringBuilder($"{page.Url} ({state}): {result.GetArrayLength()} WCAG A/AA violation(s) found by axe-core\n");
        foreach (var violation in result.EnumerateArray())
        {
            report.Append("- ").Append(violation.GetProperty("id").GetString()).Append(" (").Append(violation.GetProperty("impact").GetString())
                .Append("): ").Append(violation.GetProperty("help").GetString()).Append(", ").Append(violation.GetProperty("count").GetInt32()).Append(" element(s)\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.Append("    ").Append(node.GetProperty("target").GetString()).Append(": ")
                    .Append(node.GetProperty("summary").GetString()!.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        Assert.Fail(report.ToString());
    }
}
