using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Workflow.Host.Cli;
using Workflow.Tests;

namespace Workflow.Web.Tests;

/// <summary>What a <see cref="WebServer"/> runs on.</summary>
/// <param name="Plans">Plan files to put in workflows/plans (name → CSV); null keeps the repository's seed plans.</param>
/// <param name="Clock">WORKFLOW_CLOCK (START|REALSTART|SPEED), or null for the real clock.</param>
/// <param name="Smtp">WORKFLOW_SMTP (host:port), or null: emails become .eml files in the server's folder.</param>
internal sealed record WebServerOptions(IReadOnlyDictionary<string, string>? Plans = null, string? Clock = null, string? Smtp = null);

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

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebServer(string directory, Uri baseUrl, byte[] linkKey, Process process)
    {
        Directory = directory;
        BaseUrl = baseUrl;
        LinkKey = linkKey;
        this.process = process;
    }

    /// <summary>The temporary folder: workflows/, workflow.db, .data/ (emails, keys).</summary>
    public string Directory { get; }

    /// <summary>http://127.0.0.1:PORT/ (also WORKFLOW_BASE_URL, the site the emails link to).</summary>
    public Uri BaseUrl { get; }

    /// <summary>WORKFLOW_LINK_KEY: the tests sign report links with it.</summary>
    public byte[] LinkKey { get; }

    /// <summary>The server's console so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Links to the agencies' report pages, signed as the server signs them.</summary>
    public Workflow.Notifications.Links.ReportLinks Links(NodaTime.Duration? validity = null) =>
        new(LinkKey, BaseUrl, validity ?? NodaTime.Duration.FromDays(30));

    public static async Task<WebServer> StartAsync(WebServerOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-web-{Guid.NewGuid():N}");
        CopyWorkflows(directory, options.Plans);
        var database = "sqlite:" + Path.Combine(directory, "workflow.db");
        var workflows = Path.Combine(directory, "workflows");

        var add = await RunAsync(directory, ["user", "add", UserName, "--name", DisplayName, "--password", Password, "--workflows", workflows, "--database", database]);
        if (add.Exit != 0)
        {
            TryDelete(directory);
            throw new InvalidOperationException($"workflow user add failed ({add.Exit}): {add.Output}");
        }

        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var start = Start(directory, ["serve", "--workflows", workflows, "--database", database, "--urls", $"http://127.0.0.1:{port}"]);
        start.Environment["WORKFLOW_BASE_URL"] = baseUrl.AbsoluteUri;
        start.Environment["WORKFLOW_LINK_KEY"] = Convert.ToBase64String(key);
        Set(start, "WORKFLOW_SMTP", options.Smtp);
        Set(start, "WORKFLOW_CLOCK", options.Clock);

        var server = new WebServer(directory, baseUrl, key, Process.Start(start)!);
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
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
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }

        process.Dispose();
        TryDelete(Directory);
    }

    /// <summary>Ready: the plans are imported and the timers reconciled ("Máy chủ đang chạy"), and GET /healthz says ok.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        await Task.WhenAny(ready.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (!ready.Task.IsCompleted)
        {
            throw new InvalidOperationException($"workflow serve did not start within {StartTimeout.TotalSeconds:0} s{(process.HasExited ? $" (it exited with {process.ExitCode})" : string.Empty)}:\n{Output}");
        }

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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("Máy chủ đang chạy", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    /// <summary>Runs one `workflow` command to its end.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string directory, string[] args)
    {
        using var process = Process.Start(Start(directory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"workflow {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Start(string directory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(WorkflowCommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the developer's own setup leaks in: the test decides every setting.
        foreach (var variable in new[] { "WORKFLOW_DATA", "WORKFLOW_DATABASE", "WORKFLOW_SMTP", "WORKFLOW_CLOCK", "WORKFLOW_BASE_URL", "WORKFLOW_LINK_KEY", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(variable);
        }

        return start;
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
