using Workflow.Host.Persistence;
using Workflow.Host.Progress;

namespace Workflow.Host.Web;

/// <summary>How a page shows a milestone's state: the Vietnamese label and the colour class of <see cref="ProgressRules"/>' verdict.</summary>
public sealed record StateView(string Label, string Css)
{
    /// <summary>The state of <paramref name="m"/> by <paramref name="rules"/>; a milestone removed from its plan shows as ended.</summary>
    public static StateView Of(MilestoneRecord m, ProgressRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.StateOf(m) is { } state ? new(state.Label(), state.Key()) : new("đã kết thúc", "ket-thuc");
    }
}
