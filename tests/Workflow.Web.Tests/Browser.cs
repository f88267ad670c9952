using Microsoft.Playwright;
using Workflow.Tests;

namespace Workflow.Web.Tests;

/// <summary>
/// Playwright driving Debian's chromium, headless. Playwright's own browser builds are never
/// downloaded or used: the executable is <see cref="BrowserFactAttribute.Chromium"/>.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    /// <summary>On a closed network chromium's own background traffic (updates, sync, QUIC probes) only floods refusals.</summary>
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        "--lang=vi-VN", // the browser's own controls in Vietnamese where its translations (chromium-l10n) are installed
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    /// <summary>
    /// Playwright's assertions wait for their condition up to 5 s by default; a browser, a server and the test
    /// runner sharing two busy cores may take longer to get there. They return as soon as the condition holds,
    /// so a generous bound costs a passing test nothing and only makes a failing one wait before it says so.
    /// </summary>
    static Browser() => Assertions.SetDefaultExpectTimeout(20_000);

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFactAttribute.Chromium,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return new Browser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh browser profile on <paramref name="site"/> (no cookies, or those of <paramref name="storageState"/>), in Vietnamese, on Vietnam's time.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri site, string? storageState = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.AbsoluteUri,
            StorageState = storageState,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>Full-page PNGs of the pages, kept as the test run's artifacts (artifacts/screenshots at the repository's root).</summary>
internal static class Screenshots
{
    public static string Folder => Environment.GetEnvironmentVariable("WORKFLOW_TEST_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true, Timeout = 60_000 });
    }
}
