namespace Workflow.Notifications.Tests.MailDev;

/// <summary>
/// A test that needs the MailDev the test command starts (WORKFLOW_TEST_SMTP, WORKFLOW_TEST_MAILDEV,
/// WORKFLOW_TEST_MAILDEV_DIR); skipped with the reason when run outside it.
/// </summary>
public sealed class MailDevFactAttribute : FactAttribute
{
    public MailDevFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDEV_DIR")))
        {
            Skip = "MailDev is not running: run scripts/test.sh, which starts it on loopback.";
        }
    }
}
