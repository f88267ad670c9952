using System.Globalization;
using MimeKit;
using NodaTime;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Tests.MailDev;

namespace Workflow.Notifications.Tests.Delivery;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailDevGroup
{
    public const string Name = "MailDev";
}

internal static class TestMessages
{
    public const string Subject = "[257/KH-UBND] Nhắc hạn: Sở Tư pháp — hạn 31/03/2025";
    public const string Text = "Kính gửi Sở Tư pháp,\nNhiệm vụ \"Xây dựng Kế hoạch <script>\" còn 3 ngày.";
    public const string Html = "<p>Kính gửi Sở Tư pháp,</p><p>Nhiệm vụ &quot;Xây dựng Kế hoạch &lt;script&gt;&quot; còn 3 ngày.</p>";

    public static readonly Instant SentAt = Instant.FromUtc(2025, 3, 28, 1, 0, 5);

    public static MimeMessage Message(string id = "abc.20250328@cantho.example") => MailMessages.Create(
        new MailboxAddress("Sở Nội vụ TP Cần Thơ", "nhac-han@cantho.example"),
        [new MailboxAddress("Sở Tư pháp", "so-tu-phap@cantho.example")],
        [new MailboxAddress("Sở Nội vụ", "so-noi-vu@cantho.example")],
        Subject,
        Text,
        Html,
        new MailboxAddress("Điều phối viên", "dieu-phoi@cantho.example"),
        SentAt,
        id);
}

[Collection(MailDevGroup.Name)]
public sealed class SmtpTransportTests
{
    [MailDevFact]
    public async Task A_message_reaches_a_real_smtp_server_with_vietnamese_intact()
    {
        var smtp = Environment.GetEnvironmentVariable("WORKFLOW_TEST_SMTP")!.Split(':');
        using var maildev = new MailDevClient(new Uri(Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV")!));
        await maildev.DeleteAllAsync();
        using var transport = new SmtpTransport(new SmtpSettings { Host = smtp[0], Port = int.Parse(smtp[1], CultureInfo.InvariantCulture) });

        using var message = TestMessages.Message();
        await transport.SendAsync(message, CancellationToken.None);

        var received = Assert.Single(await maildev.WaitForAsync(1, TimeSpan.FromMinutes(1)));
        Assert.Equal(TestMessages.Subject, received.Subject);
        Assert.Equal(["so-tu-phap@cantho.example"], received.To);
        Assert.Equal(["so-noi-vu@cantho.example"], received.Cc);
        Assert.Contains("\"Xây dựng Kế hoạch <script>\" còn 3 ngày", received.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", received.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", received.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_server_messages_become_eml_files_written_by_mimekit()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-eml-{Guid.NewGuid():N}");
        try
        {
            var transport = new PickupFolderTransport(folder);
            using (var message = TestMessages.Message())
            {
                await transport.SendAsync(message, CancellationToken.None);
                await transport.SendAsync(message, CancellationToken.None); // the same email again: the same file
            }

            var eml = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var content = await File.ReadAllTextAsync(eml);
            Assert.DoesNotContain("X-Sender", content, StringComparison.Ordinal);
            Assert.DoesNotContain("X-Receiver", content, StringComparison.Ordinal);
            var parsed = await MimeMessage.LoadAsync(eml);
            Assert.Equal(TestMessages.Subject, parsed.Subject);
            Assert.Equal("abc.20250328@cantho.example", parsed.MessageId);
            Assert.Equal(new DateTimeOffset(2025, 3, 28, 8, 0, 5, TimeSpan.FromHours(7)), parsed.Date);
            Assert.Equal(TimeSpan.FromHours(7), parsed.Date.Offset);
            Assert.Equal("so-tu-phap@cantho.example", Assert.Single(parsed.To.Mailboxes).Address);
            Assert.Equal("Điều phối viên", Assert.Single(parsed.ReplyTo.Mailboxes).Name);
            Assert.Contains("\"Xây dựng Kế hoạch <script>\" còn 3 ngày", parsed.TextBody, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", parsed.HtmlBody, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>SMTP over TLS against a real server in the test process: SSL on connect, STARTTLS, AUTH, one reused connection.</summary>
public sealed class TlsSmtpTransportTests : IDisposable
{
    private readonly TlsSmtpServer server = TlsSmtpServer.Start();

    public void Dispose() => server.Dispose();

    private SmtpSettings Settings(SmtpSecurity security, string? password = TlsSmtpServer.Password) => new()
    {
        Host = "127.0.0.1",
        Port = security == SmtpSecurity.Ssl ? server.SslPort : server.StartTlsPort,
        Security = security,
        UserName = TlsSmtpServer.User,
        Password = password,
        Timeout = TimeSpan.FromSeconds(20),
        CertificateValidation = server.Trust,
    };

    [Theory]
    [InlineData(SmtpSecurity.Ssl)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task Messages_go_over_tls_with_auth_on_one_connection(SmtpSecurity security)
    {
        using var transport = new SmtpTransport(Settings(security));
        for (var i = 0; i < 3; i++)
        {
            using var message = TestMessages.Message($"m{i}.20250328@cantho.example");
            await transport.SendAsync(message, CancellationToken.None);
        }

        var last = await server.WaitForAsync(3);
        Assert.Equal(1, transport.Connections);
        Assert.Equal(1, server.Sessions);
        Assert.Equal(TestMessages.Subject, last.Subject);
        Assert.Equal("m2.20250328@cantho.example", last.MessageId);
        Assert.Contains("còn 3 ngày", last.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_a_transport_error_that_says_so()
    {
        using var transport = new SmtpTransport(Settings(SmtpSecurity.Ssl, password: "sai"));
        using var message = TestMessages.Message();
        var e = await Assert.ThrowsAsync<MailTransportException>(() => transport.SendAsync(message, CancellationToken.None));
        Assert.Contains($"127.0.0.1:{server.SslPort}", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_certificate_nobody_trusts_is_refused()
    {
        using var transport = new SmtpTransport(Settings(SmtpSecurity.StartTls) with { CertificateValidation = null });
        using var message = TestMessages.Message();
        await Assert.ThrowsAsync<MailTransportException>(() => transport.SendAsync(message, CancellationToken.None));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Ssl_on_a_plain_port_fails_within_the_timeout_instead_of_hanging()
    {
        using var transport = new SmtpTransport(Settings(SmtpSecurity.Ssl) with { Port = server.StartTlsPort, Timeout = TimeSpan.FromSeconds(3) });
        using var message = TestMessages.Message();
        await Assert.ThrowsAsync<MailTransportException>(() => transport.SendAsync(message, CancellationToken.None));
    }
}
