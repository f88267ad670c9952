using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Hosting;

/// <summary>
/// Which database: SQLite by default (a file, nothing to install), PostgreSQL by configuration.
/// Written "sqlite:PATH" or "postgresql:CONNECTION STRING": the provider is always named, so a
/// mistyped option is refused instead of becoming a file of that name.
/// </summary>
public sealed record DatabaseSettings(DatabaseKind Kind, string ConnectionString)
{
    public const string EnvironmentVariable = "WORKFLOW_DATABASE";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>The SQLite file's full path; null for PostgreSQL.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>True for the default SQLite file (.data/workflow.db beside the workflows folder), whose folder the program may create.</summary>
    public bool IsDefault { get; init; }

    /// <summary>
    /// Whether starting a host may create the database when it does not exist (true unless a
    /// command that only uses an existing one says otherwise: see <see cref="Check"/>). A
    /// PostgreSQL database that is missing is then refused at start, as a missing SQLite file is before.
    /// </summary>
    public bool MayCreate { get; init; } = true;

    /// <summary>
    /// Reads the --database option (or $WORKFLOW_DATABASE; none: SQLite at <paramref name="defaultSqlitePath"/>).
    /// Nothing is created or opened here: see <see cref="Check"/>.
    /// </summary>
    /// <exception cref="FormatException">The value names no provider, or no path or connection.</exception>
    public static DatabaseSettings Parse(string? value, string defaultSqlitePath)
    {
        value = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(defaultSqlitePath) with { IsDefault = true };
        }

        foreach (var prefix in new[] { "postgresql:", "postgres:" })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var connection = value[prefix.Length..].Trim();
                try
                {
                    var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
                    if (connection.Length == 0 || string.IsNullOrWhiteSpace(builder.Host))
                    {
                        throw new FormatException($"--database \"{Hidden(value)}\": chuỗi kết nối PostgreSQL cần Host=…, ví dụ \"postgresql:Host=127.0.0.1;Port=5432;Database=workflow;Username=workflow;Password=…\".");
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidCastException || (e is FormatException && !e.Message.StartsWith("--database", StringComparison.Ordinal)))
                {
                    throw new FormatException($"--database: chuỗi kết nối PostgreSQL không hợp lệ ({e.Message.ReplaceLineEndings(" ")}); ghi ví dụ \"postgresql:Host=127.0.0.1;Port=5432;Database=workflow;Username=workflow;Password=…\".", e);
                }

                return new DatabaseSettings(DatabaseKind.PostgreSql, connection);
            }
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..].Trim();
            if (path.Length == 0)
            {
                throw new FormatException("--database \"sqlite:\" thiếu đường dẫn tệp, ví dụ \"sqlite:.data/workflow.db\".");
            }

            return Sqlite(path);
        }

        throw new FormatException($"--database \"{Hidden(value)}\" không ghi rõ loại cơ sở dữ liệu: viết \"sqlite:ĐƯỜNG_DẪN\" (ví dụ sqlite:.data/workflow.db) hoặc \"postgresql:CHUỖI_KẾT_NỐI\" (ví dụ postgresql:Host=127.0.0.1;Database=workflow;Username=workflow).");
    }

    /// <summary>
    /// Checks, before anything is opened, that the database can be used: for SQLite, the path is
    /// not a folder, an existing file is a SQLite database, and a missing file is created only when
    /// <paramref name="mayCreate"/> (serve and plan import) in a folder that exists (the default
    /// .data folder is made). Returns null when it can, else what is wrong, in Vietnamese;
    /// <paramref name="creating"/> says a new database will be made.
    /// </summary>
    public string? Check(bool mayCreate, out bool creating)
    {
        creating = false;
        if (Kind != DatabaseKind.Sqlite || SqlitePath is not { } path)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            return $"Cơ sở dữ liệu {path} là một thư mục, không phải tệp: ghi đường dẫn đến tệp, ví dụ --database sqlite:{Path.Combine(path, "workflow.db")}.";
        }

        if (File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var header = new byte[SqliteHeader.Length];
                var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                return read == 0 || (read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader))
                    ? null
                    : $"Tệp {path} không phải cơ sở dữ liệu SQLite: chọn đường dẫn khác trong --database (workflow không ghi đè một tệp có sẵn).";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"Không đọc được tệp cơ sở dữ liệu {path}: {e.Message.ReplaceLineEndings(" ")} Kiểm tra quyền đọc, ghi tệp.";
            }
        }

        if (!mayCreate)
        {
            return $"Chưa có cơ sở dữ liệu {path}: kiểm tra --database; chỉ \"workflow serve\" và \"workflow plan import\" tạo cơ sở dữ liệu mới.";
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (!IsDefault)
            {
                return $"Thư mục {folder} không tồn tại: tạo thư mục trước, hoặc sửa đường dẫn trong --database (workflow không tự tạo thư mục cho cơ sở dữ liệu).";
            }

            Directory.CreateDirectory(folder);
        }

        creating = true;
        return null;
    }

    private static DatabaseSettings Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30, Pooling = true };
        return new DatabaseSettings(DatabaseKind.Sqlite, builder.ToString()) { SqlitePath = full };
    }

    /// <summary>The option as given, its password replaced.</summary>
    private static string Hidden(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "(?i)(password|pwd)=[^;]*", "$1=***");

    public override string ToString() => Kind == DatabaseKind.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}";
}

/// <summary>Everything the runtime reads from the workflows folder, loaded once and checked.</summary>
public sealed record WorkflowsData(string Folder, ReferenceData Reference, DefinitionCatalog Definitions, DefinitionRules Rules)
{
    /// <summary>
    /// Reads the folder. A broken definition file is refused on its own (its problems are in
    /// <see cref="DefinitionCatalog.Problems"/>, for the caller to show) and the versions that load
    /// keep running; the rules must name definitions that exist.
    /// </summary>
    /// <exception cref="DataFileException">A file is missing or wrong, or a rule names no loadable definition.</exception>
    public static WorkflowsData Load(string folder)
    {
        var reference = ReferenceData.Load(folder);
        var templates = Workflow.Notifications.Templates.TemplateSet.TryLoad(Path.Combine(folder, "templates"));
        var definitions = DefinitionCatalog.LoadDirectory(Path.Combine(folder, "definitions"), d => Runtime.DefinitionChecks.Problems(d, reference.Agencies, templates));
        var rulesFile = Path.Combine(folder, "rules.yaml");
        var rules = DefinitionRules.Load(rulesFile);
        var ruleProblems = rules.Validate(definitions);
        if (ruleProblems.Count > 0)
        {
            throw new DataFileException(rulesFile, null, string.Join(Environment.NewLine, ruleProblems));
        }

        return new WorkflowsData(folder, reference, definitions, rules);
    }

    /// <summary>Tells the coordinator about definition files that were refused.</summary>
    public void ReportRefusedDefinitions(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var problem in Definitions.Problems)
        {
            error.WriteLine($"Quy trình bị từ chối (phiên bản đã công bố trước vẫn chạy): {problem}");
        }
    }

    /// <summary>
    /// A stored plan read again from its file through <paramref name="throughYear"/> (an open-ended plan's new year):
    /// the file it was imported from, else this folder's plans/PLAN-ID.csv or .xlsx (where the import page keeps
    /// uploads); null when no such file reads as that plan.
    /// </summary>
    public Plan? ReadPlanAgain(PlanRecord record, int throughYear)
    {
        ArgumentNullException.ThrowIfNull(record);
        var candidates = new[] { record.Source, Path.Combine(Folder, "plans", record.Id + ".csv"), Path.Combine(Folder, "plans", record.Id + ".xlsx") };
        return candidates.Where(File.Exists)
            .Select(file => PlanReader.Read(file, Reference, openEndedThrough: throughYear).Plan)
            .FirstOrDefault(plan => plan is not null && plan.Id.Value == record.Id);
    }

    public IEnumerable<string> PlanFiles =>
        Directory.Exists(Path.Combine(Folder, "plans"))
            ? Directory.EnumerateFiles(Path.Combine(Folder, "plans")).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            : [];
}

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

/// <summary>The composition of the host: database, Quartz, runtime. One place for the server and the commands.</summary>
public static partial class WorkflowHost
{
    /// <summary>Builds a host. With <paramref name="runJobs"/> the scheduler fires timers (the server); without, it only edits the store (commands).</summary>
    public static IHost Build(WorkflowsData data, DatabaseSettings database, bool runJobs, bool clustered = false, RuntimeClock? clock = null, Action<IServiceCollection>? configure = null, DeliverySetup? delivery = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Compose(builder, data, database, runJobs, clustered, clock, delivery);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The services every host shares (database, Quartz, runtime, delivery): the server adds its
    /// web pages to them, the commands use them bare.
    /// </summary>
    internal static void Compose(IHostApplicationBuilder builder, WorkflowsData data, DatabaseSettings database, bool runJobs, bool clustered, RuntimeClock? clock, DeliverySetup? delivery)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(database);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None); // failures surface as exceptions, with our own message
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None); // a failed start is the exception the command line reports in one line (details with --verbose)
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(database);
        var runtimeClock = clock ?? RuntimeClock.System();
        builder.Services.AddSingleton(runtimeClock);
        builder.Services.AddDbContextFactory<WorkflowDbContext>(options =>
        {
            _ = database.Kind == DatabaseKind.Sqlite
                ? options.UseSqlite(database.ConnectionString)
                : options.UseNpgsql(database.ConnectionString);
        });

        // Our tables first, then Quartz's (both hosted services run before the scheduler starts).
        builder.Services.AddHostedService<Persistence.Migrations.SchemaMigrator>();
        builder.Services.AddWorkflowScheduler(database.Kind, database.ConnectionString, "workflow", clustered, runJobs);
        builder.Services.AddSingleton(new RuntimeOptions(SingleWriter: database.Kind == DatabaseKind.Sqlite) { DefaultClosing = PlanLifecycle.DefaultClosingFromEnvironment() });
        builder.Services.AddSingleton(services =>
        {
            var links = services.GetService<DeliverySetup>()?.Links;
            return new WorkflowEngine(data.Reference.Calendar, new AgencyId(data.Reference.Reports.FollowUpAgency), runtimeClock.LateAfter, new EngineOptions
            {
                Agencies = data.Reference.Agencies,
                ReportLink = links is null ? null : run => run.Lead.Count == 0 ? null : links.For(run.Lead[0].ToString(), runtimeClock.Now.InZoneLeniently(Workflow.Definitions.Workflows.WorkflowDefinition.TimeZone).ToInstant()).AbsoluteUri,
            });
        });
        builder.Services.AddSingleton(_ => new LiveDefinitions(data.Reference.Agencies, data.Definitions, data.Rules));
        builder.Services.AddSingleton<WorkflowRuntime>();
        builder.Services.AddTransient<ResumeMomentJob>();
        if (runJobs)
        {
            // A plan whose window ended closes within a minute; a trigger lost between a commit and its
            // scheduling (a crash, a database hiccup) comes back within a minute.
            builder.Services.AddSingleton<IHostedService>(s => new Periodically("Reconciliation", TimeSpan.FromMinutes(1), async ct =>
            {
                var runtime = s.GetRequiredService<WorkflowRuntime>();
                await runtime.CloseEndedPlansAsync(ct).ConfigureAwait(false);
                foreach (var line in await runtime.FollowNewYearsAsync(data.ReadPlanAgain, ct).ConfigureAwait(false))
                {
                    Periodically.Said(s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Reconcile"), "Reconciliation", line);
                }

                await runtime.ReconcileAsync(ct).ConfigureAwait(false);
            }, s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Reconcile"), runtimeClock.Time));


            // An agency that ended hands its open milestones to its successors on the day after (checked once a day).
            builder.Services.AddSingleton<IHostedService>(s => new Periodically("Handover", TimeSpan.FromMinutes(1),
                ct => s.GetRequiredService<WorkflowRuntime>().HandOverAsync(ct: ct), s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Handover"), runtimeClock.Time));
        }

        if (delivery is not null)
        {
            builder.Services.AddSingleton(delivery.Transport);
            builder.Services.AddSingleton(delivery.Templates);
            builder.Services.AddSingleton(delivery.Options);
            builder.Services.AddSingleton(delivery);
            builder.Services.AddSingleton<Workflow.Notifications.Delivery.IOutboxStore, Persistence.OutboxStore>();
            builder.Services.AddSingleton(s => new Workflow.Notifications.Delivery.OutboxSender(s.GetRequiredService<Workflow.Notifications.Delivery.IOutboxStore>(),
                delivery.Transport, delivery.Templates, data.Reference.Agencies, delivery.Links, s.GetRequiredService<RuntimeClock>(), delivery.Options));
            if (runJobs)
            {
                builder.Services.AddSingleton<IHostedService>(s => new Periodically("Delivery", s.GetRequiredService<RuntimeClock>().DeliveryInterval,
                    ct => s.GetRequiredService<Workflow.Notifications.Delivery.OutboxSender>().SendDueAsync(ct), s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Delivery"), runtimeClock.Time));
            }
        }
    }

    /// <summary>
    /// Work the server repeats while it runs, at a fixed interval: a failed round is logged and the
    /// next one tries again.
    /// </summary>
    internal sealed partial class Periodically(string name, TimeSpan interval, Func<CancellationToken, Task> work, ILogger logger, TimeProvider time) : BackgroundService
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} failed; it runs again in {Interval}.")]
        private static partial void Failed(ILogger logger, string name, TimeSpan interval, Exception exception);

        /// <summary>What a round did that an operator should read (a plan's new year, a plan file that changed).</summary>
        [LoggerMessage(Level = LogLevel.Warning, Message = "{Name}: {Line}")]
        public static partial void Said(ILogger logger, string name, string line);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, name, interval, e);
                }
            }
        }
    }

    /// <summary>Reads every plan file of the folder; an open-ended plan's recurring milestones run through <paramref name="openEndedThrough"/>.</summary>
    public static IReadOnlyList<(string File, PlanReadResult Result)> ReadPlans(WorkflowsData data, int? openEndedThrough = null) =>
        data.PlanFiles.Select(f => (f, PlanReader.Read(f, data.Reference, openEndedThrough: openEndedThrough))).ToList();
}
