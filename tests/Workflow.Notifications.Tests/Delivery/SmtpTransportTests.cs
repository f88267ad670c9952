using System.Globalization;
using System.Net.Mail;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Tests.MailDev;

namespace Workflow.Notifications.Tests.Delivery;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailDevGroup
{
    public const string Name = "MailDev";
}

[Collection(MailDevGroup.Name)]
public sealed class SmtpTransportTests
{
    private const string Subject = "[257/KH-UBND] Nhắc hạn: Sở Tư pháp — hạn 31/03/2025";
    private const string Text = "Kính gửi Sở Tư pháp,\nNhiệm vụ \"Xây dựng Kế hoạch <script>\" còn 3 ngày.";
    private const string Html = "<p>Kính gửi Sở Tư pháp,</p><p>Nhiệm vụ &quot;Xây dựng Kế hoạch &lt;script&gt;&quot; còn 3 ngày.</p>";

    private static MailMessage Message() => MailMessages.Create(
        new MailAddress("nhac-han@cantho.example", "Sở Nội vụ TP Cần Thơ"),
        [new MailAddress("so-tu-phap@cantho.example")],
        [new MailAddress("so-noi-vu@cantho.example")],
        Subject,
        Text,
        Html,
        new MailAddress("dieu-phoi@cantho.example"));

    [MailDevFact]
    public async Task A_message_reaches_a_real_smtp_server_with_vietnamese_intact()
    {
        var smtp = Environment.GetEnvironmentVariable("WORKFLOW_TEST_SMTP")!.Split(':');
        using var maildev = new MailDevClient(new Uri(Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV")!));
        await maildev.DeleteAllAsync();
        using var transport = new SmtpTransport(new SmtpSettings { Host = smtp[0], Port = int.Parse(smtp[1], CultureInfo.InvariantCulture) });

        using var message = Message();
        await transport.SendAsync(message, CancellationToken.None);

        var received = Assert.Single(await maildev.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(Subject, received.Subject);
        Assert.Equal(["so-tu-phap@cantho.example"], received.To);
        Assert.Equal(["so-noi-vu@cantho.example"], received.Cc);
        Assert.Contains("\"Xây dựng Kế hoạch <script>\" còn 3 ngày", received.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", received.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", received.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_server_messages_become_eml_files_a_coordinator_can_open()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-eml-{Guid.NewGuid():N}");
        try
        {
            var transport = new PickupFolderTransport(folder);
            using var message = Message();
            await transport.SendAsync(message, CancellationToken.None);

            var eml = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var content = await File.ReadAllTextAsync(eml);
            Assert.Contains("To: so-tu-phap@cantho.example", content, StringComparison.Ordinal);
            Assert.Contains("charset=utf-8", content, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
