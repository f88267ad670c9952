using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Hostile;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// `GET /api/tasks` read page by page with its cursor (each page's <c>next</c> given back as <c>after</c>): two
/// active plans (so each page merges the plans' own pages), dated and undated milestones; every row comes once, in the
/// list's order, and rows written between two pages neither repeat a row nor shift the next page.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class TaskApiPagingTests : IAsyncLifetime
{
    private const string Second = "them-2025";
    private const int Take = 23;
    private readonly HostileServer fx = new();

    public async Task InitializeAsync()
    {
        await fx.InitializeAsync();
        await using var db = await fx.Databases().CreateDbContextAsync();

        // Forty milestones of a second active plan, due a week apart across the first plan's dates, the last five undated.
        for (var i = 1; i <= 40; i++)
        {
            await InsertAsync(db, Second, $"t{i}", i, i > 35 ? null : new DateOnly(2025, 1, 6).AddDays(7 * i));
        }
    }

    public Task DisposeAsync() => fx.DisposeAsync();

    [Fact]
    public async Task Paging_with_the_cursor_yields_each_row_once_in_the_lists_order()
    {
        var rows = await ReadAllAsync(between: null);

        // What the list holds, from the table itself: every milestone of the two active plans not taken out.
        await using var db = await fx.Databases().CreateDbContextAsync();
        var listed = await db.Milestones.AsNoTracking().Where(m => (m.PlanId == "cchc-2025" || m.PlanId == Second) && (m.DoneOn != null || m.Status != RunStatus.Finished))
            .Select(m => new Row(m.PlanId, m.TaskId, m.Number, m.EffectiveDue)).ToListAsync();
        Assert.True(listed.Count > 4 * Take, $"only {listed.Count} rows: too few pages to show anything");
        Assert.Equal(await InListOrderAsync(listed), rows);
        Assert.Contains(rows, r => r.Plan == Second);
        Assert.Contains(rows, r => r.Plan == "cchc-2025");
    }

    [Fact]
    public async Task Rows_written_between_pages_repeat_nothing_and_come_once_when_they_are_ahead()
    {
        var before = await ReadAllAsync(between: null);
        var added = new List<(string Plan, string Task, int Number)>();
        var behind = new List<(string Plan, string Task, int Number)>();
        var inserted = 0;

        var rows = await ReadAllAsync(between: async (page, last) =>
        {
            if (page > 3)
            {
                return;
            }

            // Behind the cursor (an earlier due date): never listed in this pass. Ahead of it (the cursor's own due
            // date but a later plan, a later date, no date): listed once, in place.
            await using var db = await fx.Databases().CreateDbContextAsync();
            var n = ++inserted;
            behind.Add(await InsertAsync(db, Second, $"truoc-{n}", 1000 + n, new DateOnly(2024, 1, n)));
            if (last.Due is { } due)
            {
                added.Add(await InsertAsync(db, "zz-sau", $"cung-ngay-{n}", 2000 + n, due));
            }

            added.Add(await InsertAsync(db, Second, $"sau-{n}", 3000 + n, new DateOnly(2026, 6, n)));
            added.Add(await InsertAsync(db, Second, $"khong-han-{n}", 4000 + n, null));
        });

        Assert.NotEmpty(behind);
        Assert.Contains(added, a => a.Plan == "zz-sau");
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(await InListOrderAsync(rows), rows);
        Assert.Equal(before.Select(r => (r.Plan, r.Task, r.Number)).Concat(added).Order().ToList(), rows.Select(r => (r.Plan, r.Task, r.Number)).Order().ToList());
        Assert.DoesNotContain(rows, r => behind.Contains((r.Plan, r.Task, r.Number)));
    }

    [Fact]
    public async Task A_cursor_the_API_did_not_write_is_refused()
    {
        using var response = await fx.SendAsync(HttpMethod.Get, "/api/tasks?after=khong-phai-vi-tri", bearer: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("next của trang trước", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record Row(string Plan, string Task, int Number, DateOnly? Due);

    /// <summary>Every page from the first, following <c>next</c>; <paramref name="between"/> runs after each page (its number and last row).</summary>
    private async Task<List<Row>> ReadAllAsync(Func<int, Row, Task>? between)
    {
        var rows = new List<Row>();
        string? next = null;
        for (var page = 1; page < 1000; page++)
        {
            using var response = await fx.SendAsync(HttpMethod.Get, $"/api/tasks?plans=active&take={Take}" + (next is null ? string.Empty : "&after=" + Uri.EscapeDataString(next)), bearer: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            var these = json.GetProperty("rows").EnumerateArray().Select(r => new Row(
                r.GetProperty("planId").GetString()!,
                r.GetProperty("taskId").GetString()!,
                r.GetProperty("milestone").GetInt32(),
                r.GetProperty("due").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(r.GetProperty("due").GetString()!, CultureInfo.InvariantCulture))).ToList();
            rows.AddRange(these);
            next = json.GetProperty("next").GetString();
            Assert.Equal(these.Count == Take, next is not null);
            if (next is null)
            {
                return rows;
            }

            if (between is not null)
            {
                await between(page, these[^1]);
            }
        }

        throw new InvalidOperationException("the cursor never reached the end");
    }

    /// <summary>The rows sorted in the list's order as the database holds them: due date (undated last), plan, task row, task, milestone.</summary>
    private async Task<List<Row>> InListOrderAsync(IReadOnlyList<Row> rows)
    {
        await using var db = await fx.Databases().CreateDbContextAsync();
        var taskRows = (await db.Milestones.AsNoTracking().Select(m => new { m.PlanId, m.TaskId, m.Number, m.TaskRow }).ToListAsync())
            .ToDictionary(m => (m.PlanId, m.TaskId, m.Number), m => m.TaskRow);
        return [.. rows.OrderBy(r => r.Due is null).ThenBy(r => r.Due).ThenBy(r => r.Plan, StringComparer.Ordinal)
            .ThenBy(r => taskRows[(r.Plan, r.Task, r.Number)]).ThenBy(r => r.Task, StringComparer.Ordinal).ThenBy(r => r.Number)];
    }

    private static async Task<(string Plan, string Task, int Number)> InsertAsync(WorkflowDbContext db, string plan, string task, int row, DateOnly? due)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == plan))
        {
            db.Plans.Add(new PlanRecord { Id = plan, Title = "Kế hoạch " + plan, TrackedYear = 2025, Source = "thử", ContentHash = "thử", IssuedOn = new DateOnly(2024, 12, 1) });
            await db.SaveChangesAsync();
        }

        var date = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tasks ("PlanId", "TaskId", "Row", "Activity", "LeadCell", "Deadline", "ScheduleKind", "SearchText")
            VALUES ({plan}, {task}, {row}, {"Nhiệm vụ " + task}, 'Sở', 'Quý II/2025', 'Once', {task})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO milestones ("PlanId", "TaskId", "TaskRow", "Number", "Due", "EffectiveDue", "PlannedDue", "DefinitionId", "DefinitionVersion", "Status", "WaitsForEvent", "Extended", "Lead", "LeadReview", "Coordinators", "Revision")
            VALUES ({plan}, {task}, {row}, 1, {date}, {date}, {date}, 'chase-and-escalate', 1, 'Waiting', 0, 0, 'so-tu-phap', 0, '', 0)
            """);
        return (plan, task, 1);
    }
}
