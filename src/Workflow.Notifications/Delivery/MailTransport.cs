using System.Net;
using System.Net.Mail;
using System.Text;

namespace Workflow.Notifications.Delivery;

/// <summary>
/// Where an email becomes SMTP: the one narrow interface every message goes through, so that
/// another client (MailKit) can replace System.Net.Mail without touching anything else.
/// </summary>
public interface IMailTransport
{
    /// <summary>Hands <paramref name="message"/> to the server, or throws what the server said.</summary>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>How to reach the SMTP server. Security: none (a local relay), STARTTLS, or SSL.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.None;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Timeout of one send.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465). System.Net.Mail does not support it; use a relay or STARTTLS.</summary>
    Ssl,
}

/// <summary>
/// Sends through an SMTP server with System.Net.Mail. One client is kept and reused, so its
/// connection is too; SmtpClient sends one message at a time, so sends queue here.
/// </summary>
public sealed class SmtpTransport : IMailTransport, IDisposable
{
    private readonly SmtpClient client;
    private readonly SemaphoreSlim one = new(1, 1);

    public SmtpTransport(SmtpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Security == SmtpSecurity.Ssl)
        {
            throw new NotSupportedException("System.Net.Mail không hỗ trợ SSL ngay từ đầu (cổng 465): dùng STARTTLS (cổng 587) hoặc một máy chủ chuyển tiếp.");
        }

        client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.Security == SmtpSecurity.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
        };
        if (settings.UserName is not null)
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }
    }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            one.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        one.Dispose();
    }
}

/// <summary>
/// Writes each message as an .eml file into a folder instead of sending it: what the product does
/// when no SMTP server is configured, so a coordinator can open exactly what agencies would get.
/// </summary>
public sealed class PickupFolderTransport : IMailTransport
{
    private readonly string folder;

    public PickupFolderTransport(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        this.folder = Path.GetFullPath(folder);
        PrivateFiles.CreateFolder(this.folder);
    }

    public string Folder => folder;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // SmtpClient names the file itself: it writes into a folder of its own, from where the file,
        // made readable by this account only (emails carry agencies' signed links), joins the others.
        var staging = Path.Combine(folder, $".tmp-{Guid.NewGuid():N}");
        PrivateFiles.CreateFolder(staging);
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
            }

            foreach (var written in Directory.EnumerateFiles(staging))
            {
                PrivateFiles.Restrict(written);
                File.Move(written, Path.Combine(folder, Path.GetFileName(written)));
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>Builds a message with Vietnamese text intact: UTF-8 subject, headers and both parts.</summary>
public static class MailMessages
{
    public static MailMessage Create(MailAddress from, IEnumerable<MailAddress> to, IEnumerable<MailAddress> cc, string subject, string text, string html, MailAddress? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        var message = new MailMessage
        {
            From = from,
            Subject = subject.Normalize(NormalizationForm.FormC),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = text.Normalize(NormalizationForm.FormC),
            IsBodyHtml = false,
        };
        foreach (var address in to)
        {
            message.To.Add(address);
        }

        foreach (var address in cc)
        {
            message.CC.Add(address);
        }

        if (replyTo is not null)
        {
            message.ReplyToList.Add(replyTo);
        }

        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html.Normalize(NormalizationForm.FormC), Encoding.UTF8, "text/html"));
        return message;
    }
}
