using Workflow.Definitions.Plans;

namespace Workflow.Host.Runtime;

/// <summary>How the runtime runs on its database.</summary>
/// <param name="SingleWriter">SQLite: one write transaction at a time in this process.</param>
public sealed record RuntimeOptions(bool SingleWriter)
{
    /// <summary>The closing day of a plan's window when its file gives none: of the year after its last tracked year (31/01 by default).</summary>
    public NodaTime.AnnualDate DefaultClosing { get; init; } = TrackingPeriod.DefaultClosing;
}
