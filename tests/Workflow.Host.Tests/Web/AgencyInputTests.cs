using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Hostile;
using Workflow.Host.Tests.Runtime;

namespace Workflow.Host.Tests.Web;

/// <summary>
/// The cases of issue 12 an agency's link or a coordinator's API call broke, over HTTP, on
/// 20/03/2025: each was accepted, stored or answered with a 500 before the checks.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class AgencyInputTests : IAsyncLifetime
{
    private readonly HostileServer fx = new();

    public Task InitializeAsync() => fx.InitializeAsync();

    public Task DisposeAsync() => fx.DisposeAsync();

    private string AgencyAction(long id, string action) => $"/api/agency/{fx.Agency}/milestones/{id}/{action}?{fx.LinkQuery()}";

    private async Task<MilestoneRecord> OpenAsync()
    {
        await using var db = await fx.Databases().CreateDbContextAsync();
        return await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == fx.Open.Id);
    }

    [Fact]
    public async Task Done_on_01_01_0001_through_the_link_is_refused_and_the_milestone_stays_open()
    {
        using var response = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "done"), """{"on":"0001-01-01","reference":"Kế hoạch 1/KH"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ngày hoàn thành 01/01/0001 trước ngày ban hành kế hoạch (24/12/2024)", await HostileServer.ProblemAsync(response), StringComparison.Ordinal);
        var after = await OpenAsync();
        Assert.Null(after.DoneOn);
        Assert.NotEqual(RunStatus.Finished, after.Status);
    }

    [Fact]
    public async Task Done_on_the_issue_date_is_accepted()
    {
        using var response = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "done"), """{"on":"2024-12-24","reference":"Kế hoạch 1/KH"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateOnly(2024, 12, 24), (await OpenAsync()).DoneOn);
    }

    [Fact]
    public async Task An_extension_to_2150_is_refused_and_the_last_day_of_the_window_is_accepted()
    {
        using (var far = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "extension"), """{"newDue":"2150-01-01","reason":"chờ hướng dẫn"}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
            Assert.Contains("chỉ gia hạn được đến 31/12/2026", await HostileServer.ProblemAsync(far), StringComparison.Ordinal);
        }

        using var last = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "extension"), """{"newDue":"2026-12-31","reason":"chờ hướng dẫn"}""");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
    }

    [Fact]
    public async Task An_approval_that_cannot_be_applied_changes_nothing()
    {
        // A request to 01/01/2150, as an older version stored it before the window existed.
        long requestId;
        await using (var db = await fx.Databases().CreateDbContextAsync())
        {
            var request = new ExtensionRequestRecord
            {
                MilestoneId = fx.Open.Id, CurrentDue = fx.Open.EffectiveDue!.Value, RequestedDue = new DateOnly(2150, 1, 1),
                Reason = "chờ hướng dẫn", RequestedBy = "Sở (qua đường dẫn báo cáo)", RequestedAtUtc = NodaTime.SystemClock.Instance.GetCurrentInstant(), Status = ExtensionStatus.Pending,
            };
            db.ExtensionRequests.Add(request);
            await db.SaveChangesAsync();
            requestId = request.Id;
        }

        var before = await fx.SnapshotAsync();
        using var response = await fx.SendAsync(HttpMethod.Post, $"/api/extensions/{requestId}/approve", "{}", bearer: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không duyệt được", await HostileServer.ProblemAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync()); // still pending, no "duyệt gia hạn" in the history, the due date unchanged

        using var refuse = await fx.SendAsync(HttpMethod.Post, $"/api/extensions/{requestId}/refuse", """{"note":"quá xa"}""", bearer: true);
        Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);
    }

    [Fact]
    public Task Sixteen_parallel_extension_requests_leave_exactly_one_pending() => SixteenParallelRequestsLeaveOnePendingAsync(fx);

    [Fact]
    public Task The_database_itself_keeps_one_pending_request_a_milestone() => DatabaseKeepsOnePendingRequestAsync(fx);

    /// <summary>16 requests at once for one milestone: one is pending, the others refused in Vietnamese (also run on PostgreSQL).</summary>
    internal static async Task SixteenParallelRequestsLeaveOnePendingAsync(HostileServer fx)
    {
        string AgencyAction(long id, string action) => $"/api/agency/{fx.Agency}/milestones/{id}/{action}?{fx.LinkQuery()}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "extension"), JsonSerializer.Serialize(new { newDue = "2025-12-31", reason = $"lần {i}" }));
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("đang chờ Sở Nội vụ xem xét", r.Text, StringComparison.Ordinal);
        });
        await using var db = await fx.Databases().CreateDbContextAsync();
        Assert.Equal(1, await db.ExtensionRequests.CountAsync(r => r.MilestoneId == fx.Open.Id && r.Status == ExtensionStatus.Pending));
        Assert.Equal(1, await db.History.CountAsync(h => h.MilestoneId == fx.Open.Id && h.What == "đề nghị gia hạn"));
    }

    /// <summary>The partial unique index refuses a second pending request however it is written (also run on PostgreSQL).</summary>
    internal static async Task DatabaseKeepsOnePendingRequestAsync(HostileServer fx)
    {
        await using var db = await fx.Databases().CreateDbContextAsync();
        for (var i = 0; i < 2; i++)
        {
            db.ExtensionRequests.Add(new ExtensionRequestRecord
            {
                MilestoneId = fx.Open.Id, CurrentDue = fx.Open.EffectiveDue!.Value, RequestedDue = new DateOnly(2025, 12, 31),
                Reason = "thử", RequestedBy = "thử", RequestedAtUtc = NodaTime.SystemClock.Instance.GetCurrentInstant(), Status = ExtensionStatus.Pending,
            });
        }

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Twenty_five_megabytes_of_progress_text_is_refused_and_nothing_is_stored()
    {
        var before = await fx.SnapshotAsync();
        var text = new StringBuilder(25 * 1024 * 1024).Append('a', 25 * 1024 * 1024).ToString();

        using (var api = await fx.SendAsync(HttpMethod.Post, AgencyAction(fx.Open.Id, "progress"), JsonSerializer.Serialize(new { text })))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
            Assert.Contains("quá lớn", await HostileServer.ProblemAsync(api), StringComparison.Ordinal);
        }

        var (status, page) = await fx.PostFormAsync(fx.Link(), fx.Link() + "&handler=Progress", new Dictionary<string, string> { ["milestone"] = fx.Open.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = text });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("Nội dung quá lớn", page, StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }

    [Fact]
    public async Task The_quarterly_report_of_year_0_or_99999999_is_a_400_problem()
    {
        foreach (var year in new[] { "0", "99999999" })
        {
            using var response = await fx.SendAsync(HttpMethod.Get, $"/api/reports/quarterly?year={year}&period=nam", bearer: true);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"Năm {year} ngoài phạm vi báo cáo", await HostileServer.ProblemAsync(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_event_on_an_unknown_plan_is_a_404_problem()
    {
        using var response = await fx.SendAsync(HttpMethod.Post, "/api/plans/khong-co/tasks/1/event", """{"on":"2025-03-01"}""", bearer: true);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có kế hoạch \"khong-co\"", await HostileServer.ProblemAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_of_the_server_is_a_problem_without_details()
    {
        // The database goes away under the API: the answer is a Vietnamese problem, not a stack trace.
        await using (var db = await fx.Databases().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE extension_requests RENAME TO extension_requests_gone");
        }

        using var response = await fx.SendAsync(HttpMethod.Get, "/api/extensions", bearer: true);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await HostileServer.ProblemAsync(response);
        Assert.Contains("Máy chủ gặp lỗi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("extension_requests", text, StringComparison.Ordinal);
    }
}
