using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Workflow.Notifications.Tests.Delivery;

/// <summary>
/// An in-process SMTP server on loopback (SmtpServer from NuGet) with a throwaway self-signed
/// certificate made here: one endpoint with TLS from the first byte (as on 465), one that offers
/// STARTTLS (as on 587); both require AUTH, and only after TLS.
/// </summary>
internal sealed class TlsSmtpServer : IDisposable
{
    public const string User = "nhac-han";
    public const string Password = "mật-khẩu-thử";

    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private int sessions;

    private TlsSmtpServer()
    {
        Certificate = MakeCertificate();
        SslPort = FreePort();
        StartTlsPort = FreePort();
        while (StartTlsPort == SslPort)
        {
            // A port is free once its listener closes, so the kernel may hand out the same one twice. Both endpoints on
            // one port would leave the STARTTLS client waiting for a greeting from the endpoint that waits for TLS first.
            StartTlsPort = FreePort();
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, SslPort)).IsSecure(true).Certificate(Certificate).AuthenticationRequired().AllowUnsecureAuthentication(false))
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, StartTlsPort)).IsSecure(false).Certificate(Certificate).AuthenticationRequired().AllowUnsecureAuthentication(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        services.Add(new Users());
        server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        running = server.StartAsync(stop.Token);
    }

    public X509Certificate2 Certificate { get; }

    public int SslPort { get; }

    public int StartTlsPort { get; }

    /// <summary>The messages the server accepted, as MimeKit parsed them.</summary>
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>How many SMTP sessions (connections) were opened.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    public static TlsSmtpServer Start() => new();

    /// <summary>Trusts exactly this server's certificate, as an operator would pin a relay's own.</summary>
    public bool Trust(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    /// <summary>Waits until the server holds <paramref name="count"/> messages: up to a minute, which only a failing test reaches (a loaded machine is slow, not silent).</summary>
    public async Task<MimeMessage> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(Received.Count >= count, $"the server received {Received.Count} of {count} messages");
        return Received.Last();
    }

    public void Dispose()
    {
        stop.Cancel();
        server.Shutdown();
        try
        {
            running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // cancelled: it stopped
        }

        stop.Dispose();
        Certificate.Dispose();
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Users : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == User && password == Password);
    }
}
