using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Definitions.Plans;
using Workflow.Notifications.Delivery;
using Workflow.Host.Hosting;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Tests.Delivery;

/// <summary>
/// The server's emails tell the simulation's story: a catch-up after downtime is worded as true on
/// the day it goes out and joins that day's digest; the escalation report lists every reminder sent
/// before, in earlier passes.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class OneStoryDeliveryTests : IAsyncLifetime
{
    private readonly TestClock clock = TestClock.At(2025, 3, 27, 7, 0);
    private readonly Recorder sent = new();
    private SqliteHost host = null!;

    public async Task InitializeAsync()
    {
        var data = WorkflowsData.Load(CliRun.Workflows);
        var delivery = new DeliverySetup(sent, TemplateSet.Load(Path.Combine(CliRun.Workflows, "templates")), DeliveryOptions.Default);
        host = await SqliteHost.StartAsync(data, clock, delivery: delivery);

        // The server starts on Thursday 27/03/2025 at 07:00 with the 2025 plan: the passed reminders
        // of the milestones due 31/03 (17/03, 24/03) are caught up once, dated that day.
        var plan = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await host.Runtime.ImportAsync(plan, "test");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OutboxSender Sender => host.Services.GetRequiredService<OutboxSender>();

    [Fact]
    public async Task Catch_ups_wait_for_the_days_digest_and_say_what_is_true_that_day()
    {
        Assert.Equal(0, (await Sender.SendDueAsync()).Sent); // 07:00: the catch-ups wait for the digest time

        await RunDayAsync(27);

        Assert.NotEmpty(sent.Messages);
        Assert.All(sent.Messages, m => Assert.Equal(new DateTimeOffset(2025, 3, 27, 8, 0, 0, TimeSpan.FromHours(7)), m.Date));
        Assert.All(sent.Messages.Where(m => m.Subject!.Contains("việc", StringComparison.Ordinal)), m => Assert.Contains("(tình hình ngày 27/03/2025)", m.TextBody, StringComparison.Ordinal));
        var digests = sent.Messages.Where(m => !m.Subject!.StartsWith("[Báo cáo quá hạn]", StringComparison.Ordinal)).Select(m => Assert.Single(m.To).Address).ToList();
        Assert.Equal(digests.Count, digests.Distinct(StringComparer.Ordinal).Count()); // one digest an agency
        var text = string.Join('\n', sent.Messages.Select(m => m.TextBody));
        Assert.Contains("Hạn: 31/03/2025 (còn 4 ngày)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn: 31/03/2025 (còn 2 tuần)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn: 31/03/2025 (còn 1 tuần)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_escalation_report_lists_the_reminders_sent_in_earlier_passes()
    {
        foreach (var day in new[] { 27, 28, 31, 32, 33, 34 })
        {
            await RunDayAsync(day);
        }

        var report = sent.Messages.Single(m => m.Subject!.StartsWith("[Báo cáo quá hạn] 03/04/2025", StringComparison.Ordinal));
        Assert.Contains("Đã nhắc: 27/03/2025, 28/03/2025.", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("<td>27/03/2025, 28/03/2025</td>", report.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pass_waits_two_minutes_for_timers_due_but_not_fired_then_sends_what_is_due()
    {
        // Friday 28/03 at 08:00: the reminders of that moment are due, but nothing fired them yet
        // (Quartz a moment behind); the catch-ups of 27/03 are waiting in the outbox.
        clock.Set(2025, 3, 28, 8, 0);
        Assert.Equal(0, (await Sender.SendDueAsync()).Sent);

        clock.Now += NodaTime.Duration.FromSeconds(119);
        Assert.Equal(0, (await Sender.SendDueAsync()).Sent);

        clock.Now += NodaTime.Duration.FromSeconds(2); // the grace is over (real time, on the fake clock: no test waits for it)
        Assert.NotEqual(0, (await Sender.SendDueAsync()).Sent);
    }

    /// <summary>Day <paramref name="day"/> of March 2025 (32 is 01/04) at 08:00: its timers fire, then the outbox goes out.</summary>
    private async Task RunDayAsync(int day)
    {
        var date = new NodaTime.LocalDate(2025, 3, 1).PlusDays(day - 1);
        clock.Set(date.Year, date.Month, date.Day, 8, 0);
        await host.Runtime.ResumeMomentAsync(date.At(new NodaTime.LocalTime(8, 0)), "test");
        await Sender.SendDueAsync();
    }

    /// <summary>What an email said, kept after the sender disposed of the message.</summary>
    private sealed record Sent(DateTimeOffset Date, string? Subject, IReadOnlyList<MailboxAddress> To, string TextBody, string HtmlBody);

    private sealed class Recorder : IMailTransport
    {
        public List<Sent> Messages { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Messages.Add(new Sent(message.Date, message.Subject, [.. message.To.Mailboxes], message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty));
            return Task.CompletedTask;
        }
    }
}
