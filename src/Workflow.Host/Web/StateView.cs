using Workflow.Host.Persistence;
using Workflow.Host.Progress;

namespace Workflow.Host.Web;

/// <summary>How a page shows a milestone's state: the Vietnamese label and the colour class of <see cref="ProgressRules"/>' verdict.</summary>
public sealed record StateView(string Label, string Css)
{
    /// <summary>The state of <paramref name="m"/> by <paramref name="rules"/>; a milestone a re-import took out of its plan shows as such.</summary>
    public static StateView Of(MilestoneRecord m, ProgressRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.StateOf(m) is { } state ? new(state.Label(), state.Key()) : Removed;
    }

    /// <summary>"đã bỏ khỏi kế hoạch": finished without being done (a re-import took it out; it can be restored).</summary>
    public static readonly StateView Removed = new("đã bỏ khỏi kế hoạch", "ket-thuc");
}
