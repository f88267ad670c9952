using Microsoft.Playwright;

namespace Workflow.Web.Tests;

[CollectionDefinition(Name)]
public sealed class SeedSiteGroup : ICollectionFixture<SeedSite>
{
    public const string Name = "Seed site";
}

/// <summary>
/// One server on the repository's seed plans and the real clock (in late 2026 every seed plan has
/// ended: they are imported closed, nothing is sent, and the pages show them when asked by plan or
/// with the plan filter), and one chromium, for
/// the coordinator's and the report link's tests. The coordinator logs in through the form once;
/// the tests reuse the login (the login form allows 10 requests a minute per address).
/// </summary>
public sealed class SeedSite : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim loginGate = new(1, 1);
    private string? coordinatorState;
    private WebServer? server;
    private Browser? browser;

    internal WebServer Server => server ?? throw new InvalidOperationException("the seed site did not start");

    internal Browser Browser => browser ?? throw new InvalidOperationException("the browser did not start");

    public async Task InitializeAsync()
    {
        if (new BrowserFactAttribute().Skip is not null)
        {
            return; // every test of the collection is skipped: start nothing
        }

        var starting = WebServer.StartAsync(new WebServerOptions());
        var launching = Browser.LaunchAsync();
        try
        {
            server = await starting;
            browser = await launching;
        }
        catch
        {
            await Task.WhenAll(starting, launching).ContinueWith(_ => { }, TaskScheduler.Default);
            server ??= starting.IsCompletedSuccessfully ? starting.Result : null;
            browser ??= launching.IsCompletedSuccessfully ? launching.Result : null;
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
            browser = null;
        }

        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    public void Dispose() => loginGate.Dispose();

    /// <summary>A browser profile without a login (an agency, a stranger).</summary>
    internal async Task<IPage> AnonymousPageAsync()
    {
        var context = await Browser.NewContextAsync(Server.BaseUrl);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A browser profile signed in as the coordinator. The first call logs in through the form (and
    /// keeps a screenshot of it); later ones start from that login's cookies.
    /// </summary>
    internal async Task<IPage> CoordinatorPageAsync()
    {
        await loginGate.WaitAsync();
        try
        {
            if (coordinatorState is null)
            {
                var context = await Browser.NewContextAsync(Server.BaseUrl);
                var page = await context.NewPageAsync();
                await page.GotoAsync("/dang-nhap");
                await Pages.CheckAndShootAsync(page, "01-dang-nhap");
                await Pages.LoginAsync(page);
                coordinatorState = await context.StorageStateAsync();
                return page;
            }
        }
        finally
        {
            loginGate.Release();
        }

        var signedIn = await Browser.NewContextAsync(Server.BaseUrl, coordinatorState);
        return await signedIn.NewPageAsync();
    }
}
