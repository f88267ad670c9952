using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Workflow.Tests;

namespace Workflow.Web.Tests;

/// <summary>What a <see cref="WebServer"/> runs on.</summary>
/// <param name="Plans">Plan files to put in workflows/plans (name → CSV); null keeps the repository's seed plans.</param>
/// <param name="Clock">`serve` arguments of an accelerated clock (<see cref="Workflow.Host.Cli.ServeClock.Arguments"/>), or null for the real clock.</param>
/// <param name="Smtp">WORKFLOW_SMTP (host:port), or null: emails become .eml files in the server's folder.</param>
internal sealed record WebServerOptions(IReadOnlyDictionary<string, string>? Plans = null, IReadOnlyList<string>? Clock = null, string? Smtp = null);

/// <summary>
/// The real `workflow serve` in its own process, as a coordinator runs it: on a temporary copy of
/// workflows/ and a temporary SQLite database, with one coordinator made by `workflow user add`,
/// listening on a free loopback port, its report links signed with a key the tests know.
/// Disposing kills the process tree and removes the folder.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    public const string UserName = "dieuphoi";
    public const string Password = "mat-khau-thu-nghiem-2026";
    public const string DisplayName = "Nguyễn Thị Điều Phối (Sở Nội vụ)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ServeProcess process;

    private WebServer(string directory, Uri baseUrl, byte[] linkKey, ServeProcess process)
    {
        Directory = directory;
        BaseUrl = baseUrl;
        LinkKey = linkKey;
        this.process = process;
    }

    /// <summary>The temporary folder: workflows/, workflow.db, .data/ (emails, keys).</summary>
    public string Directory { get; }

    /// <summary>http://127.0.0.1:PORT/ (also WORKFLOW_PUBLIC_URL, the site the emails link to).</summary>
    public Uri BaseUrl { get; }

    /// <summary>WORKFLOW_LINK_KEY: the tests sign report links with it.</summary>
    public byte[] LinkKey { get; }

    /// <summary>The server's console so far, for failure messages.</summary>
    public string Output => process.Output;

    /// <summary>Links to the agencies' report pages, signed as the server signs them.</summary>
    public Workflow.Notifications.Links.ReportLinks Links(NodaTime.Duration? validity = null) =>
        new(LinkKey, BaseUrl, validity ?? NodaTime.Duration.FromDays(30));

    public static async Task<WebServer> StartAsync(WebServerOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-web-{Guid.NewGuid():N}");
        CopyWorkflows(directory, options.Plans);
        var database = "sqlite:" + Path.Combine(directory, "workflow.db");
        var workflows = Path.Combine(directory, "workflows");

        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var start = WorkflowProgram.StartInfo(directory, ["serve", "--workflows", workflows, "--database", database, "--urls", $"http://127.0.0.1:{port}", .. options.Clock ?? []]);
        start.Environment["WORKFLOW_PUBLIC_URL"] = baseUrl.AbsoluteUri;
        start.Environment["WORKFLOW_LINK_KEY"] = Convert.ToBase64String(key);
        Set(start, "WORKFLOW_SMTP", options.Smtp);

        var server = new WebServer(directory, baseUrl, key, ServeProcess.Start(start));
        try
        {
            await server.WaitUntilReadyAsync();

            // The account goes into the database the server made (only serve and plan import make one).
            var add = await Task.Run(() => WorkflowProgram.Run(directory, "user", "add", UserName, "--name", DisplayName, "--password", Password, "--workflows", workflows, "--database", database));
            if (add.Exit != 0)
            {
                throw new InvalidOperationException($"workflow user add failed ({add.Exit}): {add.Out}{add.Err}");
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Run(process.Dispose);
        TryDelete(Directory);
    }

    /// <summary>Ready: the plans are imported and the timers reconciled ("Máy chủ đang chạy"), and GET /healthz says ok.</summary>
    private async Task WaitUntilReadyAsync()
    {
        if (!await process.WaitUntilRunningAsync(StartTimeout))
        {
            throw new InvalidOperationException(process.Describe(StartTimeout));
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
            }

            if (timeout.IsCancellationRequested || process.HasExited)
            {
                throw new InvalidOperationException($"GET {BaseUrl}healthz did not answer ok:\n{Output}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static void Set(ProcessStartInfo start, string variable, string? value)
    {
        if (value is not null)
        {
            start.Environment[variable] = value;
        }
    }

    /// <summary>The repository's workflows/ (definitions, rules, templates, agencies, calendars) with the given plans, or its own.</summary>
    private static void CopyWorkflows(string directory, IReadOnlyDictionary<string, string>? plans)
    {
        var source = RepositoryRoot.Workflows;
        var planFolder = $"{Path.DirectorySeparatorChar}plans{Path.DirectorySeparatorChar}";
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (plans is not null && file.Contains(planFolder, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(directory, "workflows", Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (plans is not null)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "workflows", "plans"));
            foreach (var (name, csv) in plans)
            {
                File.WriteAllText(Path.Combine(directory, "workflows", "plans", name), csv, new UTF8Encoding(false));
            }
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Removes the server's own temporary folder (never anything else).</summary>
    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory) && Path.GetFileName(directory).StartsWith("workflow-web-", StringComparison.Ordinal))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
