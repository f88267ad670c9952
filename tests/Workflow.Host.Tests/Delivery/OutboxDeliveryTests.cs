using System.Diagnostics;
using System.Globalization;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Definitions.Plans;
using Workflow.Notifications.Delivery;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;
using Workflow.Notifications.Templates;
using Workflow.Notifications.Tests.MailDev;

namespace Workflow.Host.Tests.Delivery;

/// <summary>The outbox delivered to a real SMTP server: content, exactly once, and through an outage.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class OutboxDeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly TestClock clock = TestClock.At(2025, 1, 2, 9, 0);
    private SqliteHost host = null!;
    private MailDevClient maildev = null!;
    private CountingTransport transport = null!;

    public async Task InitializeAsync()
    {
        var data = WorkflowsData.Load(CliRun.Workflows);
        var smtp = Environment.GetEnvironmentVariable("WORKFLOW_TEST_SMTP") ?? "127.0.0.1:1";
        var delivery = new DeliverySetup(
            transport = new CountingTransport(new SmtpTransport(new SmtpSettings { Host = smtp.Split(':')[0], Port = int.Parse(smtp.Split(':')[1], CultureInfo.InvariantCulture), Timeout = TimeSpan.FromSeconds(5) })),
            TemplateSet.Load(Path.Combine(CliRun.Workflows, "templates")),
            DeliveryOptions.Default with { FirstBackoff = NodaTime.Duration.Zero, MaxAttempts = 3, ReplyTo = new MailboxAddress("Điều phối viên", "dieu-phoi@cantho.example") })
        {
            Links = new Workflow.Notifications.Links.ReportLinks(new byte[32], new Uri("https://cchc.cantho.example/"), NodaTime.Duration.FromDays(30)),
        };
        host = await SqliteHost.StartAsync(data, clock, delivery: delivery);
        maildev = new MailDevClient(new Uri(Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV") ?? "http://127.0.0.1:1"));

        // On 02/01/2025 at 09:00 the overdue notices of the four tasks due 31/12/2024 are due (08:00).
        var plan = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await host.Runtime.ImportAsync(plan, "test");
    }

    public void Dispose() => maildev?.Dispose();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OutboxSender Sender => host.Services.GetRequiredService<OutboxSender>();

    [MailDevFact]
    public async Task The_due_notifications_arrive_once_as_one_digest_in_vietnamese()
    {
        await maildev.DeleteAllAsync();

        var first = await Sender.SendDueAsync();
        var second = await Sender.SendDueAsync();

        Assert.Equal(4, first.Sent);
        Assert.Equal(0, second.Sent);
        // The lead's digest, and (copyCoordinators on the overdue notice) one digest to each coordinating agency.
        var all = await maildev.WaitForAsync(transport.Sent, MailDevPatience); // every message the SMTP server accepted, however slowly MailDev lists it
        Assert.Equal(all.Count, all.Select(e => string.Join(',', e.To)).Distinct().Count());
        var email = Assert.Single(all, e => e.To.SequenceEqual(["so-noi-vu@cantho.example"]));
        Assert.Equal("[257/KH-UBND] Sở Nội vụ: 4 việc quá hạn — hạn sớm nhất 31/12/2024", email.Subject);
        Assert.Contains("ĐÃ QUÁ HẠN", email.Text, StringComparison.Ordinal);
        Assert.Contains("(quá hạn 2 ngày)", email.Text, StringComparison.Ordinal);
        Assert.Contains("Đã quá hạn", email.Html, StringComparison.Ordinal);
        Assert.Contains("https://cchc.cantho.example/bao-cao/so-noi-vu?het-han=", email.Text, StringComparison.Ordinal);
    }

    [MailDevFact]
    public async Task After_an_smtp_outage_every_message_arrives_exactly_once()
    {
        await maildev.DeleteAllAsync();
        MailDevScript("pause");
        try
        {
            var during = await Sender.SendDueAsync();
            Assert.Equal(0, during.Sent);
            Assert.Equal(4, during.Failed);
        }
        finally
        {
            MailDevScript("resume");
        }

        var after = await Sender.SendDueAsync();
        Assert.Equal(4, after.Sent);
        Assert.Equal(0, (await Sender.SendDueAsync()).Sent);
        var all = await maildev.WaitForAsync(transport.Sent, MailDevPatience); // every message the SMTP server accepted, however slowly MailDev lists it
        Assert.Equal(all.Count, all.Select(e => string.Join(',', e.To)).Distinct().Count()); // one email an agency, none twice

        await using var db = await host.Databases.CreateDbContextAsync();
        Assert.All(await db.Outbox.Where(o => o.Status == OutboxStatus.Sent).ToListAsync(), o => Assert.Equal(2, o.Attempts));
    }

    [MailDevFact]
    public async Task After_too_many_failures_a_message_is_dead_with_the_smtp_error()
    {
        MailDevScript("pause");
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await Sender.SendDueAsync();
            }
        }
        finally
        {
            MailDevScript("resume");
        }

        await using var db = await host.Databases.CreateDbContextAsync();
        var dead = await db.Outbox.Where(o => o.Status == OutboxStatus.Dead).ToListAsync();
        Assert.Equal(4, dead.Count);
        Assert.All(dead, o => Assert.False(string.IsNullOrWhiteSpace(o.LastError)));
        Assert.Equal(4, await Sender.RetryDeadAsync());
    }

    /// <summary>Generous: the messages are already accepted; MailDev lists them within moments, later on a loaded machine.</summary>
    private static readonly TimeSpan MailDevPatience = TimeSpan.FromMinutes(1);

    /// <summary>The SMTP transport, counting the messages the server accepted (a refused one throws and is not counted).</summary>
    private sealed class CountingTransport(IMailTransport inner) : IMailTransport
    {
        private int sent;

        public int Sent => Volatile.Read(ref sent);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            Interlocked.Increment(ref sent);
        }
    }

    private static void MailDevScript(string verb)
    {
        var root = CliRun.Root;
        using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { Path.Combine(root, "scripts", "maildev.sh"), verb, Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV_DIR")! }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
