using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Notifications.Tests.MailDev;

namespace Workflow.Web.Tests;

/// <summary>
/// An agency's side, end to end: a reminder digest reaches its mailbox (MailDev), the agency opens
/// the link in it, reports a task done, and the reminders for that task stop while another task
/// of the same email goes on being chased. The server runs on an accelerated clock from Saturday
/// 15/03/2025: a virtual day lasts <see cref="SecondsPerDay"/> s, so the reminders of 17/03 and
/// 24/03 (14 and 7 days before 31/03) come within a minute.
/// </summary>
/// <remarks>
/// The other task is due at the end of every month of 2025 (<see cref="ChasedDues"/>), so a digest
/// that chases it follows whatever day a loaded machine lets the agency report on: with one due date,
/// a report after 31/03 left nothing to chase the agency about but the escalations to Sở Nội vụ.
/// </remarks>
public sealed partial class AgencyEmailTests
{
    private const double SecondsPerDay = 5;
    private const string Plan = "web-2025";
    private const string Agency = "so-tu-phap";
    private const string AgencyEmail = "so-tu-phap@cantho.example";
    private const string Reported = "Nhiệm vụ thử báo cáo qua đường dẫn";
    private const string StillChased = "Nhiệm vụ thử vẫn được nhắc hạn";

    /// <summary>The chased task's due dates, one a month (declared before <see cref="PlanCsv"/>, which is built from them).</summary>
    private static readonly string[] ChasedDues = ["31/3", "30/4", "30/5", "30/6", "31/7", "29/8", "30/9", "31/10", "28/11", "31/12"];

    private static readonly string PlanCsv =
        $"Mã kế hoạch,{Plan}\nSố hiệu,999/KH-THU\nTên kế hoạch,Kế hoạch thử trang web\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\n"
        + "TT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n"
        + $"1,{Reported},Sở Tư pháp,ngày 31/03/2025\n"
        + $"2,{StillChased},Sở Tư pháp,\"Ngày {string.Join(", ", ChasedDues)}/2025\"\n";

    [GeneratedRegex(@"https?://\S+/bao-cao/[^\s""'<>]+")]
    private static partial Regex ReportLink();

    [BrowserMailFact]
    public async Task The_agency_reports_done_from_the_emailed_link_and_that_tasks_reminders_stop()
    {
        await using var mail = await PrivateMailDev.StartAsync();
        var launching = Browser.LaunchAsync();
        // No anchor: the clock stands at 15/03 until the server is ready, so a slow start costs none of its days.
        var clock = Workflow.Host.Cli.ServeClock.Arguments(new NodaTime.LocalDateTime(2025, 3, 15, 0, 0), 86_400 / SecondsPerDay, null);
        WebServer? started = null;
        try
        {
            started = await WebServer.StartAsync(new WebServerOptions(new Dictionary<string, string> { ["web-2025.csv"] = PlanCsv }, clock, mail.Smtp));
        }
        finally
        {
            if (started is null)
            {
                await (await launching).DisposeAsync();
            }
        }

        await using var server = started;
        await using var browser = await launching;
        var timeout = TimeSpan.FromMinutes(5); // only a failing test waits that long: the virtual days come when the machine lets them

        // The first digest (Monday 17/03, or a later one on a loaded machine) names both tasks and carries the agency's link.
        var first = await WaitForDigestAsync(mail.Client, "a digest", e => e.Text!.Contains(Reported, StringComparison.Ordinal), timeout, server);
        Assert.Contains(StillChased, first.Text, StringComparison.Ordinal);
        Assert.StartsWith("[999/KH-THU] Sở Tư pháp: 2 việc", first.Subject, StringComparison.Ordinal);
        var link = new Uri(ReportLink().Match(first.Text!).Value);
        Assert.Equal(server.BaseUrl.Authority, link.Authority);
        Assert.Equal($"/bao-cao/{Agency}", link.AbsolutePath);
        Assert.Contains(link.AbsoluteUri, System.Net.WebUtility.HtmlDecode(first.Html ?? string.Empty), StringComparison.Ordinal);

        // The agency opens it and reports task 1 done with its product.
        var agency = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        Assert.Equal(200, (await agency.GotoAsync(link.AbsoluteUri))!.Status);
        var reported = agency.Locator($"[data-testid=open-milestone][data-task=\"{Plan}/1\"]");
        var chased = agency.Locator($"[data-testid=open-milestone][data-task=\"{Plan}/2\"]");
        await Assertions.Expect(reported).ToHaveCountAsync(1);
        await reported.Locator("details.actions").EvaluateAsync("d => d.open = true");
        var done = reported.Locator("[data-testid=report-done]");
        await done.Locator("input[name=reference]").FillAsync("Quyết định số 123/QĐ-STP");
        await done.Locator("input[name=note]").FillAsync("Đã ban hành, gửi kèm bản chụp");
        await done.GetByRole(AriaRole.Button, new() { Name = "Báo cáo hoàn thành" }).ClickAsync();
        await Assertions.Expect(agency.Locator("[data-testid=flash]")).ToContainTextAsync("Đã ghi nhận hoàn thành");
        Assert.Contains("flash-ok", await agency.Locator("[data-testid=flash]").GetAttributeAsync("class"), StringComparison.Ordinal);
        await Assertions.Expect(reported).ToHaveCountAsync(0);
        await Assertions.Expect(chased).ToHaveCountAsync(ChasedDues.Length);
        await Pages.CheckAndShootAsync(agency, "16-bao-cao-co-quan-sau-khi-hoan-thanh");

        // The coordinator's task page: done, by the agency through its link, on the day the timeline says.
        var coordinator = await (await browser.NewContextAsync(server.BaseUrl)).NewPageAsync();
        await Pages.LoginAsync(coordinator);
        await coordinator.GotoAsync($"/nhiem-vu/{Plan}/1");
        var section = coordinator.Locator("[data-testid=milestone-1]");
        Assert.Equal("hoàn thành", (await section.Locator("[data-testid=milestone-state]").InnerTextAsync()).Trim());
        var timeline = await Pages.TimelineAsync(section);
        Assert.Contains(timeline, r => r.What == "hoàn thành" && r.By.Contains("Sở Tư pháp", StringComparison.Ordinal));
        Assert.Contains(timeline, r => r.What == "báo cáo hoàn thành" && r.Details.Contains("Quyết định số 123/QĐ-STP", StringComparison.Ordinal) && r.By.Contains("Sở Tư pháp", StringComparison.Ordinal));
        var report = timeline.First(r => r.What == "báo cáo hoàn thành");
        Assert.Contains(timeline, r => r.What == "thư nhắc hạn" && r.By.Contains("Sở Tư pháp", StringComparison.Ordinal));
        var reportedOn = Pages.FirstDay(report.At);

        // The next digest after the day of the report (24/03 when the agency was quick, a later one when the machine
        // was slow) chases task 2 only, and no email after that day names task 1: its reminders stopped.
        static DateOnly? DayOf(ReceivedEmail e) => e.Text?.Split("tình hình ngày", 2) is [_, var after] ? Pages.FirstDay(after) : null;
        var next = await WaitForDigestAsync(mail.Client, $"a digest after {Pages.Show(reportedOn)}", e => DayOf(e) > reportedOn, timeout, server);
        Assert.Contains(StillChased, next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Reported, next.Text, StringComparison.Ordinal);
        Assert.StartsWith("[999/KH-THU] Sở Tư pháp: 1 việc", next.Subject, StringComparison.Ordinal);
        var all = await mail.Client.AllAsync();
        var late = all.Where(e => (e.Text ?? string.Empty).Contains(Reported, StringComparison.Ordinal) && DayOf(e) > reportedOn).ToList();
        Assert.True(late.Count == 0, $"emails naming the task reported on {Pages.Show(reportedOn)}: " + string.Join(", ", late.Select(e => e.Subject)));
        await Pages.CheckAndShootAsync(coordinator, "17-nhiem-vu-don-vi-bao-hoan-thanh");
    }

    /// <summary>Polls MailDev until a digest to the agency that matches <paramref name="wanted"/> has arrived.</summary>
    private static async Task<ReceivedEmail> WaitForDigestAsync(MailDevClient mail, string what, Func<ReceivedEmail, bool> wanted, TimeSpan timeout, WebServer server)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await mail.AllAsync();
            var digest = emails.FirstOrDefault(e => e.To.Contains(AgencyEmail) && e.Text is not null && wanted(e));
            if (digest is not null)
            {
                return digest;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} for {AgencyEmail} did not arrive within {timeout.TotalSeconds:0} s; MailDev holds: "
                    + string.Join(" | ", emails.Select(e => $"{string.Join(",", e.To)}: {e.Subject}")) + "\nserver:\n" + server.Output);
            }

            await Task.Delay(250);
        }
    }
}
