using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

/// <summary>A plan of the People's Committee: its identity and its tasks, every one checked.</summary>
/// <remarks>A <see cref="Plan"/> exists only when its file had no error: agencies resolved,
/// deadlines read. <see cref="PlanReader"/> is the one way to make one from a file.</remarks>
public sealed class Plan
{
    internal Plan(PlanId id, string? number, string title, LocalDate? issuedOn, TrackingPeriod tracking, string source, IReadOnlyList<PlanTask> tasks)
    {
        Id = id;
        Number = number;
        Title = title;
        IssuedOn = issuedOn;
        Tracking = tracking;
        Source = source;
        Tasks = tasks;
    }

    public PlanId Id { get; }

    /// <summary>The document's number ("257/KH-UBND"); null when the document shows none.</summary>
    public string? Number { get; }

    public string Title { get; }

    public LocalDate? IssuedOn { get; }

    /// <summary>The first year the plan tracks: the year of every phrase that names none.</summary>
    public int TrackedYear => Tracking.FirstYear;

    /// <summary>The years the plan is followed and the day its chase ends.</summary>
    public TrackingPeriod Tracking { get; }

    /// <summary>The file the plan was read from.</summary>
    public string Source { get; }

    /// <summary>The tasks in file order.</summary>
    public IReadOnlyList<PlanTask> Tasks { get; }

    public PlanTask? Find(TaskId id) => Tasks.FirstOrDefault(t => t.Id == id);
}

/// <summary>The agencies of one cell: the cell as written and who it names.</summary>
/// <param name="Cell">The cell as the plan writes it.</param>
/// <param name="Agencies">Every agency it names, groups expanded, in order of first mention.</param>
public sealed record AgencyAssignment(string Cell, IReadOnlyList<AgencyId> Agencies)
{
    public static readonly AgencyAssignment None = new(string.Empty, []);
}

/// <summary>A criterion of an index (the 2023 plan's PAR INDEX, SIPAS, PAPI appendices).</summary>
public sealed record Criterion(string? Code, string? Text, decimal? MaxScore, decimal? PreviousScore);

/// <summary>One row of a plan's task table, read and resolved.</summary>
public sealed record PlanTask
{
    public required TaskId Id { get; init; }

    /// <summary>The 1-based row of the file the task comes from.</summary>
    public required int Row { get; init; }

    public string? Group { get; init; }

    public Criterion? Criterion { get; init; }

    public required string Activity { get; init; }

    public string? Product { get; init; }

    public required AgencyAssignment Lead { get; init; }

    public required AgencyAssignment Coordinators { get; init; }

    /// <summary>The deadline as the plan words it; may be empty for a periodic report.</summary>
    public required string Deadline { get; init; }

    /// <summary>The periods of the report calendar the task follows ("Quý I", "6 tháng"), or empty.</summary>
    public IReadOnlyList<string> ReportPeriods { get; init; } = [];

    /// <summary>When the task is due.</summary>
    public required Schedule Schedule { get; init; }

    public string? Note { get; init; }
}
