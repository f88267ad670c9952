using Workflow.Definitions.Plans;
using Workflow.Definitions;

namespace Workflow.Host.Designer;

// The plan files of workflows/plans the designer runs definitions and rules on.
public sealed partial class DesignerWorkspace
{
    /// <summary>The plan files of workflows/plans that read without problems.</summary>
    public IReadOnlyList<PlanFile> PlanFiles()
    {
        var reference = ReferenceData.Load(Folder);
        return [.. PlanPaths()
            .Select(path => (path, PlanReader.Read(path, reference).Plan))
            .Where(p => p.Plan is not null)
            .Select(p => new PlanFile(p.Plan!.Id.Value, p.Plan.Title, p.Plan.TrackedYear, Path.GetFileName(p.path)))];
    }

    private (Plan? Plan, ReferenceData? Reference, DesignerProblem? Problem) LoadPlan(string planId)
    {
        if (string.IsNullOrWhiteSpace(planId))
        {
            return (null, null, new DesignerProblem(null, null, "hãy chọn một kế hoạch để chạy thử."));
        }

        var reference = ReferenceData.Load(Folder);
        var paths = PlanPaths().ToList();

        // The file named like the plan is the likely one; the others are read only if it is not.
        foreach (var path in paths.OrderBy(p => Path.GetFileNameWithoutExtension(p) == planId ? 0 : 1))
        {
            var read = PlanReader.Read(path, reference);
            if (read.Plan is { } plan && plan.Id.Value == planId)
            {
                return (plan, reference, null);
            }

            if (read.Plan is null && Path.GetFileNameWithoutExtension(path) == planId)
            {
                return (null, reference, new DesignerProblem(null, null,
                    $"kế hoạch {planId} có {read.Problems.Count} lỗi; chạy \"workflow plan check\" và sửa trước. {(read.Problems.Count > 0 ? read.Problems[0] : null)}"));
            }
        }

        return (null, reference, new DesignerProblem(null, null, $"không có kế hoạch \"{planId}\" trong thư mục plans."));
    }

    private IEnumerable<string> PlanPaths()
    {
        var plans = Path.Combine(Folder, "plans");
        return Directory.Exists(plans)
            ? Directory.EnumerateFiles(plans)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];
    }
}
