using System.Diagnostics;
using System.Globalization;
using Workflow.Notifications.Tests.MailDev;
using Workflow.Tests;

namespace Workflow.Web.Tests;

/// <summary>
/// A MailDev of this test's own (scripts/maildev.sh, the one the test command installed), on free
/// loopback ports. The test command's MailDev is shared with tests in other projects that run at the
/// same time, clear it and count what it holds; a server with an accelerated clock sending digests
/// there would break them, and they would delete this test's mail.
/// </summary>
internal sealed class PrivateMailDev : IAsyncDisposable
{
    private readonly string directory;

    private PrivateMailDev(string directory, int smtpPort, int webPort)
    {
        this.directory = directory;
        Smtp = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{smtpPort}");
        Client = new MailDevClient(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{webPort}/")));
    }

    /// <summary>host:port, for WORKFLOW_SMTP.</summary>
    public string Smtp { get; }

    public MailDevClient Client { get; }

    public static async Task<PrivateMailDev> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-web-maildev-{Guid.NewGuid():N}");
        var smtp = WebServer.FreePort();
        var web = WebServer.FreePort();
        while (web == smtp)
        {
            web = WebServer.FreePort();
        }

        var (exit, output) = await ScriptAsync("start", directory, smtp.ToString(CultureInfo.InvariantCulture), web.ToString(CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            await ScriptAsync("stop", directory);
            throw new InvalidOperationException($"scripts/maildev.sh start failed ({exit}): {output}");
        }

        return new PrivateMailDev(directory, smtp, web);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await ScriptAsync("stop", directory);
    }

    private static async Task<(int Exit, string Output)> ScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "maildev.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "scripts/maildev.sh " + string.Join(' ', args) + " did not finish in 90 s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
