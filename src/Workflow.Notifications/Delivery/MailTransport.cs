using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Workflow.Notifications.Delivery;

/// <summary>
/// Where an email becomes SMTP: the one narrow interface every message goes through (MimeKit
/// messages, sent with MailKit or written as .eml files).
/// </summary>
public interface IMailTransport
{
    /// <summary>Hands <paramref name="message"/> to the server.</summary>
    /// <exception cref="MailTransportException">The server refused the message or could not be reached; the message says why.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message the transport could not hand over: what the server or the network said.</summary>
public sealed class MailTransportException : Exception
{
    public MailTransportException()
    {
    }

    public MailTransportException(string message)
        : base(message)
    {
    }

    public MailTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>How to reach the SMTP server.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.None;

    /// <summary>With a user name, the transport authenticates (AUTH) after the connection is secured.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Timeout of one SMTP command (connect, AUTH, one message).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the server's certificate instead of the system's trust store (a relay with its own certificate; tests). Null: the system decides.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a local relay, MailDev).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Ssl,
}

/// <summary>
/// Sends through an SMTP server with MailKit. One connection is opened on the first message and
/// reused for the next ones; a connection the server dropped while idle is opened again once.
/// Sends queue here: one SMTP conversation at a time.
/// </summary>
public sealed class SmtpTransport(SmtpSettings settings) : IMailTransport, IDisposable
{
    private readonly SmtpClient client = new() { Timeout = (int)settings.Timeout.TotalMilliseconds, ServerCertificateValidationCallback = settings.CertificateValidation };
    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>How many connections were opened: one while the server keeps it.</summary>
    public int Connections { get; private set; }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reused = client.IsConnected;
            try
            {
                await SendOnceAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (reused && e is ServiceNotConnectedException or IOException or SocketException)
            {
                // The server closed the idle connection: open a new one and send again, once.
                await client.DisconnectAsync(quit: false, CancellationToken.None).ConfigureAwait(false);
                await SendOnceAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            if (client.IsConnected && e is not SmtpCommandException)
            {
                await client.DisconnectAsync(quit: false, CancellationToken.None).ConfigureAwait(false);
            }

            throw new MailTransportException($"{settings.Host}:{settings.Port}: {e.Message}", e);
        }
        finally
        {
            one.Release();
        }
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            var options = settings.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.Host, settings.Port, options, cancellationToken).ConfigureAwait(false);
            Connections++;
            if (settings.UserName is not null)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (client.IsConnected)
        {
            try
            {
                client.Disconnect(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or ProtocolException or ServiceNotConnectedException)
            {
                // a goodbye the server did not hear changes nothing
            }
        }

        client.Dispose();
        one.Dispose();
    }
}

/// <summary>
/// Writes each message as an .eml file into a folder instead of sending it: what the product does
/// when no SMTP server is configured, so a coordinator can open exactly what agencies would get.
/// The file is named after the Message-ID, so the same email written twice is one file.
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

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = string.IsNullOrEmpty(message.MessageId) ? Guid.NewGuid().ToString("N") : message.MessageId;
        var name = string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var path = Path.Combine(folder, name + ".eml");
        var temporary = path + ".tmp";
        try
        {
            // Readable by this account only (emails carry agencies' signed links).
            File.Delete(temporary);
            PrivateFiles.CreateEmpty(temporary);
            await using (var stream = new FileStream(temporary, FileMode.Truncate, FileAccess.Write))
            {
                await message.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailTransportException($"{path}: {e.Message}", e);
        }
    }
}
