using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>
/// Re-importing a plan file with fewer tasks: on main it silently ended the missing milestones
/// (gone from every page, never chased again, no way back). Now nothing happens unless removal is
/// allowed; then they stay as "đã bỏ khỏi kế hoạch" with who and when, and can be restored.
/// </summary>
public sealed class ReimportTests() : RuntimeHostTests(TestClock.At(2025, 2, 1))
{
    /// <summary>The 2025 plan, without the rows of <paramref name="dropped"/>.</summary>
    private Plan Plan2025(params string[] dropped)
    {
        var lines = File.ReadAllLines(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"))
            .Where(l => !dropped.Any(d => l.StartsWith(d + ",", StringComparison.Ordinal)));
        return PlanFromText(string.Join('\n', lines), "cchc-2025.csv");
    }

    private async Task<string> StateAsync()
    {
        await using var db = await Host.Databases.CreateDbContextAsync();
        var rows = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}:{m.BookmarkAt}:{m.Revision}:{m.RemovedBy}").ToListAsync();
        var plan = await db.Plans.AsNoTracking().Select(p => p.ContentHash).SingleAsync();
        return $"{string.Join(',', rows)} {await db.History.CountAsync()} {await db.Outbox.CountAsync()} {plan}";
    }

    [Fact]
    public async Task A_reimport_that_would_end_milestones_lists_them_and_changes_nothing()
    {
        await Host.Runtime.ImportAsync(Plan2025(), "lần đầu");
        var before = await StateAsync();

        var result = await Host.Runtime.ImportAsync(Plan2025("15", "16"), "nguyễn văn a");

        Assert.True(result.RemovalRefused);
        Assert.Equal(0, result.Removed);
        Assert.Equal(["15/1", "16/1", "16/2", "16/3", "16/4"], result.Removals.Select(r => $"{r.Task}/{r.Milestone}"));
        Assert.Contains("Xây dựng Kế hoạch kiểm soát TTHC", result.Removals[0].Activity, StringComparison.Ordinal);
        Assert.Equal(new NodaTime.LocalDate(2025, 3, 31), result.Removals[0].Due);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Allowed_removal_keeps_the_milestones_visible_with_who_and_when_and_restore_brings_them_back()
    {
        await Host.Runtime.ImportAsync(Plan2025(), "lần đầu");

        var result = await Host.Runtime.ImportAsync(Plan2025("15"), "nguyễn văn a", allowRemoval: true);

        Assert.False(result.RemovalRefused);
        Assert.Equal(1, result.Removed);
        await using (var db = await Host.Databases.CreateDbContextAsync())
        {
            var removed = await db.Milestones.AsNoTracking().SingleAsync(m => m.TaskId == "15");
            Assert.Equal(RunStatus.Finished, removed.Status);
            Assert.Null(removed.BookmarkAt);
            Assert.Equal("nguyễn văn a", removed.RemovedBy);
            Assert.NotNull(removed.RemovedAtUtc);
            Assert.Equal("đã bỏ khỏi kế hoạch", Workflow.Host.Web.StateView.Of(removed, Workflow.Host.Progress.ProgressRules.For(new NodaTime.LocalDate(2025, 2, 1))).Label);
            var history = await db.History.AsNoTracking().Where(h => h.MilestoneId == removed.Id).OrderBy(h => h.Id).ToListAsync();
            Assert.Equal(WorkflowRuntime.RemovedWhat, history[^1].What);
            Assert.Equal("nguyễn văn a", history[^1].By);
        }

        var restored = await Host.Runtime.RestoreAsync(new PlanId("cchc-2025"), new TaskId("15"), null, "trần thị b");

        Assert.Equal(1, restored);
        await using (var db = await Host.Databases.CreateDbContextAsync())
        {
            var back = await db.Milestones.AsNoTracking().SingleAsync(m => m.TaskId == "15");
            Assert.Equal(RunStatus.Waiting, back.Status);
            Assert.Equal(new NodaTime.LocalDateTime(2025, 3, 17, 8, 0), back.BookmarkAt); // chased again: the 14-day reminder before 31/03/2025
            Assert.Null(back.RemovedBy);
            Assert.Null(back.RemovedAtUtc);
            var last = await db.History.AsNoTracking().Where(h => h.MilestoneId == back.Id).OrderBy(h => h.Id).ToListAsync();
            Assert.Contains(last, h => h.What == "khôi phục vào kế hoạch" && h.By == "trần thị b" && h.Why.Contains("nguyễn văn a", StringComparison.Ordinal));
        }

        Assert.Equal(0, await Host.Runtime.RestoreAsync(new PlanId("cchc-2025"), new TaskId("15"), null, "trần thị b"));
    }
}
