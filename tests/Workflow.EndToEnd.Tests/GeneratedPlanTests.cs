namespace Workflow.EndToEnd.Tests;

/// <summary>A large plan a coordinator might upload: checked whole, by the real program.</summary>
public class GeneratedPlanTests
{
    [Fact]
    public void A_ten_thousand_row_plan_made_of_real_cells_passes_plan_check()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lon-{Guid.NewGuid():N}.csv");
        LargePlan.Write(file, "lon-2025", rows: 10_000);
        try
        {
            var (exit, output, error) = WorkflowProcess.Run(WorkflowProcess.Root, "plan", "check", file);
            Assert.True(exit == 0, output + error);
            Assert.Contains("10000 nhiệm vụ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
