namespace Workflow.Web.Tests;

/// <summary>
/// A test that drives Debian's chromium (WORKFLOW_TEST_CHROMIUM, default /usr/bin/chromium) with
/// Playwright. Skipped, saying so, only on a developer's machine without chromium; in CI (CI=true)
/// a missing browser is not a reason to skip, so the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public class BrowserFactAttribute : FactAttribute
{
    public const string Variable = "WORKFLOW_TEST_CHROMIUM";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && !InCi)
        {
            Skip = $"no chromium at {Chromium}: scripts/test.sh installs Debian's package (apt-get install chromium) and sets {Variable}.";
        }
    }

    /// <summary>The browser to launch: never one Playwright downloads.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A browser test that also reads the mail the server sends: it needs the MailDev that the test
/// command installs (WORKFLOW_TEST_MAILDEV_DIR set by scripts/test.sh); skipped outside it, like the
/// other MailDev tests, and, like <see cref="BrowserFactAttribute"/>, never skipped in CI for want of chromium.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserMailFactAttribute : BrowserFactAttribute
{
    public BrowserMailFactAttribute()
    {
        if (Skip is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV_DIR")))
        {
            Skip = "MailDev is not running: run scripts/test.sh, which installs and starts it.";
        }
    }
}
