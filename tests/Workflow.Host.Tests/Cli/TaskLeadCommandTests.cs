namespace Workflow.Host.Tests.Cli;

/// <summary>`workflow task lead`: the agency is checked against the directory before the runtime changes anything.</summary>
public sealed class TaskLeadCommandTests
{
    [Fact]
    public void An_agency_the_directory_does_not_list_is_refused_with_a_clear_message()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-lead-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var database = "sqlite:" + Path.Combine(folder, "w.db");
            var plan = Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv");
            Assert.Equal(0, CliRun.Run("plan", "import", plan, "--database", database).Exit);

            var (exit, _, error) = CliRun.Run("task", "lead", "cchc-2025", "36", "--milestone", "1", "--agency", "so-khong-co", "--database", database);

            Assert.NotEqual(0, exit);
            Assert.Contains("Không có cơ quan mã \"so-khong-co\" trong danh bạ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_milestone_and_the_agency_are_required()
    {
        var (exit, _, _) = CliRun.Run("task", "lead", "cchc-2025", "36");

        Assert.NotEqual(0, exit);
    }
}
