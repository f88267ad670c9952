using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Web;

namespace Workflow.Host.Tests.Web;

/// <summary>The real web host on a free loopback port, the 2025 plan imported, one coordinator account.</summary>
internal sealed partial class WebServer : IAsyncDisposable
{
    public const string UserName = "dieuphoi";
    public const string Password = "mat-khau-du-dai";
    public const string DisplayName = "Nguyễn Văn A (Sở Nội vụ)";

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-web-{Guid.NewGuid():N}");
    private WebApplication app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => app;

    public DeliverySetup Delivery { get; private set; } = null!;

    /// <summary>This server's own copy of the workflows folder.</summary>
    public string Workflows { get; private set; } = null!;

    /// <summary>
    /// Starts a server; with <paramref name="clock"/>, the runtime's today is that clock's (links are
    /// signed on the real clock); with <paramref name="postgres"/> (a connection string), on that
    /// PostgreSQL rather than a SQLite file of its own.
    /// </summary>
    public static async Task<WebServer> StartAsync(TimeProvider? clock = null, string? postgres = null)
    {
        var server = new WebServer();
        await server.InitializeAsync(clock, postgres);
        return server;
    }

    /// <summary>This server's folder (its database w.db, its emails).</summary>
    public string Folder => directory;

    private async Task InitializeAsync(TimeProvider? clock, string? postgres)
    {
        Directory.CreateDirectory(directory);
        Workflows = Path.Combine(directory, "workflows");
        Copy(CliRun.Workflows, Workflows); // the designer writes into its folder: never the repository's
        var data = WorkflowsData.Load(Workflows);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        // Links to this server, signed with a key of this test (no process-wide environment to set and restore).
        Delivery = DeliverySetup.Create(null, Path.Combine(Workflows, "templates"), Path.Combine(directory, "emails")) with
        {
            Links = new Workflow.Notifications.Links.ReportLinks(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), BaseAddress, NodaTime.Duration.FromDays(30)),
        };
        app = WorkflowWeb.Build(data, DatabaseSettings.Parse(postgres is null ? "sqlite:" + Path.Combine(directory, "w.db") : "postgresql:" + postgres, "unused"), Delivery, clustered: false, [BaseAddress.ToString().TrimEnd('/')], Workflow.Host.Runtime.RuntimeClock.System(clock));
        await app.StartAsync();
        var plan = PlanReader.Read(Path.Combine(Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await app.Services.GetRequiredService<WorkflowRuntime>().ImportAsync(plan, "test");
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
        var created = await users.CreateAsync(new WorkflowUser { UserName = UserName, DisplayName = DisplayName }, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>A client that keeps cookies and does not follow redirects (the tests look at them).</summary>
    public HttpClient Client(CookieContainer? cookies = null) => new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>The anti-forgery token of a page's form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html).Groups[1].Value;
    }

    /// <summary>The anti-forgery token a page's scripts send in X-CSRF-TOKEN (from its csrf-token meta tag).</summary>
    public static async Task<string> CsrfAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/gia-han", UriKind.Relative));
        var match = CsrfPattern().Match(html);
        Assert.True(match.Success, "the page has no csrf-token meta tag");
        return match.Groups[1].Value;
    }

    /// <summary>A client signed in through the login form.</summary>
    public async Task<HttpClient> SignedInAsync(CookieContainer? cookies = null)
    {
        var client = Client(cookies);
        var token = await TokenAsync(client, "/dang-nhap");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = UserName, ["password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
