namespace Workflow.Host.Hosting;

/// <summary>How the outbox goes out: the transport (SMTP, or a pickup folder), the templates, the options.</summary>
public sealed record DeliverySetup(Workflow.Notifications.Delivery.IMailTransport Transport, Workflow.Notifications.Templates.TemplateSet Templates, Workflow.Notifications.Delivery.DeliveryOptions Options)
{
    /// <summary>The signed links to the agencies' report pages; null leaves the link out.</summary>
    public Workflow.Notifications.Links.ReportLinks? Links { get; init; }

    public const string EnvironmentVariable = "WORKFLOW_SMTP";

    /// <summary>The site's public address, the start of every link in every email; <see cref="LegacyPublicUrlVariable"/> is read when it is unset.</summary>
    public const string PublicUrlVariable = "WORKFLOW_PUBLIC_URL";

    /// <summary>The older name of <see cref="PublicUrlVariable"/>, still read.</summary>
    public const string LegacyPublicUrlVariable = "WORKFLOW_BASE_URL";

    /// <summary>Whether the public address was given (<c>--public-url</c> or the environment); when not, links start with the server's own address.</summary>
    public bool HasPublicUrl { get; init; }

    /// <summary>
    /// The public address from <paramref name="option"/> (<c>--public-url</c>), else
    /// <see cref="PublicUrlVariable"/>, else <see cref="LegacyPublicUrlVariable"/>; null when none is set.
    /// </summary>
    /// <exception cref="FormatException">The address is not an absolute http or https URL.</exception>
    public static Uri? PublicUrl(string? option)
    {
        var (value, source) = !string.IsNullOrWhiteSpace(option) ? (option, "--public-url")
            : Environment.GetEnvironmentVariable(PublicUrlVariable) is { Length: > 0 } configured ? (configured, PublicUrlVariable)
            : Environment.GetEnvironmentVariable(LegacyPublicUrlVariable) is { Length: > 0 } legacy ? (legacy, LegacyPublicUrlVariable)
            : (null, null);
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new FormatException($"{source} \"{value}\" không phải địa chỉ trang web: ghi địa chỉ đầy đủ mà đơn vị mở được từ thư, ví dụ https://cchc.cantho.gov.vn.");
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    /// <summary>
    /// "host:port" or "host:port:starttls|ssl|none" (port 465 alone means ssl) (or $WORKFLOW_SMTP; credentials in WORKFLOW_SMTP_USER and
    /// WORKFLOW_SMTP_PASSWORD); with none, .eml files in <paramref name="pickupFolder"/>. The sender is
    /// WORKFLOW_MAIL_FROM, replies go to WORKFLOW_MAIL_REPLY_TO (the coordinator).
    /// </summary>
    /// <exception cref="Workflow.Notifications.Templates.TemplateException">A template is broken.</exception>
    /// <exception cref="FormatException">The SMTP setting or the public address is malformed, or SMTP is set without a public address.</exception>
    /// <param name="smtp">The SMTP setting, or null for $WORKFLOW_SMTP.</param>
    /// <param name="templatesFolder">The email templates.</param>
    /// <param name="pickupFolder">Where .eml files go without SMTP.</param>
    /// <param name="publicUrl">The site's public address (<c>--public-url</c>), or null for <see cref="PublicUrlVariable"/>.</param>
    /// <param name="serverUrl">The server's own address, the links' start when no public address is set (pickup mode only: see <see cref="HasPublicUrl"/>).</param>
    public static DeliverySetup Create(string? smtp, string templatesFolder, string pickupFolder, string? publicUrl = null, Uri? serverUrl = null)
    {
        smtp = string.IsNullOrWhiteSpace(smtp) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : smtp;
        var templates = Workflow.Notifications.Templates.TemplateSet.Load(templatesFolder);
        var options = ConfiguredOptions();

        // The SMTP setting is checked before anything is written (the link key): a refused start leaves nothing behind.
        var parts = smtp?.Split(':') ?? [];
        var port = 0;
        var security = parts.Length == 3 ? parts[2].ToLowerInvariant() switch
        {
            "starttls" => Workflow.Notifications.Delivery.SmtpSecurity.StartTls,
            "ssl" or "tls" => Workflow.Notifications.Delivery.SmtpSecurity.Ssl,
            "none" => Workflow.Notifications.Delivery.SmtpSecurity.None,
            _ => (Workflow.Notifications.Delivery.SmtpSecurity?)null,
        } : null;
        if (!string.IsNullOrWhiteSpace(smtp) && (parts.Length is < 2 or > 3 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535 || (parts.Length == 3 && security is null)))
        {
            throw new FormatException($"Máy chủ thư \"{smtp}\" không hợp lệ: ghi máy:cổng hoặc máy:cổng:starttls|ssl|none, ví dụ smtp.cantho.gov.vn:587:starttls hoặc smtp.cantho.gov.vn:465:ssl.");
        }

        var site = PublicUrl(publicUrl);
        if (!string.IsNullOrWhiteSpace(smtp) && site is null)
        {
            // Every link would point at a machine the agencies cannot reach; refused before the link key is written.
            throw new FormatException($"Gửi thư qua máy chủ SMTP cần địa chỉ công khai của trang web, để đường dẫn báo cáo trong thư mở được từ máy của các đơn vị: chạy với --public-url https://… hoặc đặt biến {PublicUrlVariable} (ví dụ https://cchc.cantho.gov.vn).");
        }

        var links = CreateLinks(Path.GetDirectoryName(Path.GetFullPath(pickupFolder))!, site ?? serverUrl);
        if (string.IsNullOrWhiteSpace(smtp))
        {
            return new DeliverySetup(new Workflow.Notifications.Delivery.PickupFolderTransport(pickupFolder), templates, options) { Links = links, HasPublicUrl = site is not null };
        }

        var settings = new Workflow.Notifications.Delivery.SmtpSettings
        {
            Host = parts[0],
            Port = port,
            Security = security ?? (port == 465 ? Workflow.Notifications.Delivery.SmtpSecurity.Ssl : Workflow.Notifications.Delivery.SmtpSecurity.None),
            UserName = Environment.GetEnvironmentVariable("WORKFLOW_SMTP_USER"),
            Password = Environment.GetEnvironmentVariable("WORKFLOW_SMTP_PASSWORD"),
        };
        return new DeliverySetup(new Workflow.Notifications.Delivery.SmtpTransport(settings), templates, options) { Links = links, HasPublicUrl = site is not null };
    }

    /// <summary>The warning of pickup mode without a public address (links use the server's own), or null.</summary>
    public string? PublicUrlWarning => HasPublicUrl || Links is null ? null
        : $"Cảnh báo: chưa đặt địa chỉ công khai (--public-url hoặc {PublicUrlVariable}); đường dẫn trong thư (tệp .eml) trỏ tới {Links.BaseUrl}, chỉ mở được trên máy này.";

    /// <summary>
    /// Links to the report pages: starting with <paramref name="baseUrl"/> (default
    /// http://localhost:5000), signed with WORKFLOW_LINK_KEY (base64, 32 bytes or more) or, when
    /// unset, a key made once and kept in <paramref name="dataFolder"/>/link.key, so links stay
    /// valid across restarts. Links last 30 days.
    /// </summary>
    public static Workflow.Notifications.Links.ReportLinks CreateLinks(string dataFolder, Uri? baseUrl = null)
    {
        baseUrl ??= new Uri("http://localhost:5000/");
        byte[] key;
        if (Environment.GetEnvironmentVariable("WORKFLOW_LINK_KEY") is { Length: > 0 } configured)
        {
            key = Convert.FromBase64String(configured);
        }
        else
        {
            var file = Path.Combine(dataFolder, "link.key");
            if (!File.Exists(file))
            {
                Workflow.Notifications.PrivateFiles.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            }

            Workflow.Notifications.PrivateFiles.Restrict(file); // a key written by an older version was world-readable

            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        return new Workflow.Notifications.Links.ReportLinks(key, baseUrl, NodaTime.Duration.FromDays(30));
    }

    /// <summary>The sender (WORKFLOW_MAIL_FROM) and where replies go (WORKFLOW_MAIL_REPLY_TO), with the default delivery options.</summary>
    /// <exception cref="FormatException">An address is malformed.</exception>
    public static Workflow.Notifications.Delivery.DeliveryOptions ConfiguredOptions() => Workflow.Notifications.Delivery.DeliveryOptions.Default with
    {
        From = Address("WORKFLOW_MAIL_FROM") ?? Workflow.Notifications.Delivery.DeliveryOptions.Default.From,
        ReplyTo = Address("WORKFLOW_MAIL_REPLY_TO"),
    };

    /// <summary>
    /// The links the server of <paramref name="dataFolder"/> writes, for a simulation: null when it
    /// has no key yet (WORKFLOW_LINK_KEY unset and no link.key), since a simulation never makes one.
    /// </summary>
    public static Workflow.Notifications.Links.ReportLinks? ExistingLinks(string dataFolder) =>
        Environment.GetEnvironmentVariable("WORKFLOW_LINK_KEY") is { Length: > 0 } || File.Exists(Path.Combine(dataFolder, "link.key")) ? CreateLinks(dataFolder, PublicUrl(null)) : null;

    /// <summary>An address from the environment (a display name and an address, or a bare address), or null.</summary>
    private static MimeKit.MailboxAddress? Address(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (MimeKit.MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@', StringComparison.Ordinal))
        {
            return address;
        }

        throw new FormatException($"{variable}=\"{value}\" không phải địa chỉ thư: ghi ví dụ \"Sở Nội vụ <nhac-han@cantho.gov.vn>\".");
    }
}
