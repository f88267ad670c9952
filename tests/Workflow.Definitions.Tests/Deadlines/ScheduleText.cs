using System.Globalization;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>A schedule written as one line a reader can check at a glance:
/// "phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30".</summary>
internal static class ScheduleText
{
    public static string Of(Schedule s) =>
        $"{s.Kind.ToString().ToLowerInvariant()}:" + (s.Milestones.Count == 0 ? string.Empty : " " + string.Join(" | ", s.Milestones.Select(m =>
            (m.Label is null ? string.Empty : m.Label + " ") + m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
}
