using Workflow.Definitions.Agencies;

namespace Workflow.Host.Runtime;

/// <summary>What the engine needs besides the calendar: the directory (for an email's recipients), the report link of
/// the workflow input, the evaluator of expressions and the daily step cap.</summary>
public sealed record EngineOptions
{
    public static EngineOptions Default { get; } = new();

    /// <summary>The agency directory, whose history says who took over an agency that ended (without it the plan's
    /// lead is chased whatever the date); an email to an agency id it does not know is refused on its activity.</summary>
    public AgencyDirectory? Agencies { get; init; }

    /// <summary>The agency report link of a milestone (the workflow input's <c>ReportLink</c>).</summary>
    public Func<MilestoneRun, string?>? ReportLink { get; init; }

    /// <summary>How many activities one milestone may run in a day (issue 12): past it the workflow stops, recorded on its timeline.</summary>
    public int MaxStepsPerDay { get; init; } = 200;

    public ExpressionEvaluator Expressions { get; init; } = new();
}
