using System.Text.Json;
using Workflow.Tests;

namespace Workflow.EndToEnd.Tests;

/// <summary>A first start as a new user makes it: the repository's workflows folder, an empty database, today's real clock.</summary>
public sealed class FreshStartTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-fresh-{Guid.NewGuid():N}");

    public FreshStartTests() => WorkflowProcess.CopyWorkflows(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_seed_plans_are_history_nothing_is_sent_about_them_and_plan_list_shows_them_closed()
    {
        if (DateTime.UtcNow < new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc))
        {
            return; // before the 2025 plan's window ended, it is rightly active
        }

        var workflows = Path.Combine(directory, "workflows");
        var start = WorkflowProgram.StartInfo(directory, ["serve", "--workflows", workflows, "--urls", "http://127.0.0.1:0"]);
        using (var server = ServeProcess.Start(start))
        {
            var startTimeout = Reliability.ServerProcess.StartTimeout;
            Assert.True(await server.WaitUntilRunningAsync(startTimeout), server.Describe(startTimeout));
            Assert.Contains("ghi lại là đã đóng", server.Output, StringComparison.Ordinal);

            // Nothing is sent, ever, rather than nothing within some seconds: the server says it runs once it has
            // imported, closed what ended and reconciled its timers, and then it holds no timer and no email to
            // deliver. Emails come only from the outbox, and the outbox only from timers (or from a person's
            // act: a report, an event), so no delivery or lifecycle round, however late it comes on a loaded machine, has anything
            // to send about these plans.
            using (var db = Store.Open("sqlite:" + Path.Combine(directory, ".data", "workflow.db")))
            {
                Assert.True(db.Milestones.Any(), "the seed plans were imported");
                Assert.Equal(0, db.Milestones.Count(m => m.BookmarkAt != null)); // no milestone waits for a moment
                Assert.Equal(0, Store.QuartzTriggers(db));
                Assert.Empty(db.Outbox);
            }

            await server.StopAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var emails = Path.Combine(directory, ".data", "emails");
        Assert.Empty(Directory.Exists(emails) ? Directory.GetFiles(emails, "*.eml") : []);

        var (exit, output, error) = WorkflowProcess.Run(directory, "plan", "list", "--json", "--workflows", workflows);
        Assert.True(exit == 0, error);
        var plans = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["cchc-2012", "cchc-2018", "cchc-2019", "cchc-2025", "chiso-2023"], plans.Select(p => p.GetProperty("plan").GetString()).Order(StringComparer.Ordinal));
        Assert.All(plans, p => Assert.Equal("closed", p.GetProperty("status").GetString()));
        Assert.Equal("2023-2025", plans.Single(p => p.GetProperty("plan").GetString() == "chiso-2023").GetProperty("years").GetString());
    }
}
