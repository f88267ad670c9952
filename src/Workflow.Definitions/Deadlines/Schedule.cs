namespace Workflow.Definitions.Deadlines;

/// <summary>
/// What a deadline phrase means: its kind, its milestones in date order (the last one is final),
/// and what else the words said.
/// </summary>
/// <remarks>
/// A schedule is a value: it is never null for any input, and an unreadable phrase is a schedule
/// of kind <see cref="ScheduleKind.Unknown"/> with a <see cref="Reason"/>, never an exception.
/// An <see cref="ScheduleKind.Event"/> schedule may have no milestone at all: its date comes from
/// the event when a coordinator records it.
/// </remarks>
public sealed class Schedule
{
    internal Schedule(string phrase, ScheduleKind kind, IReadOnlyList<Milestone> milestones, string? note, string? reason)
    {
        Phrase = phrase;
        Kind = kind;
        Milestones = milestones;
        Note = note;
        Reason = reason;
    }

    /// <summary>A schedule that could not be read, with the reason shown to the coordinator.</summary>
    public static Schedule Unknown(string phrase, string reason)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Schedule(phrase, ScheduleKind.Unknown, [], null, reason);
    }

    /// <summary>The phrase as given.</summary>
    public string Phrase { get; }

    public ScheduleKind Kind { get; }

    /// <summary>The milestones in date order; empty for unknown schedules and for events without a date.</summary>
    public IReadOnlyList<Milestone> Milestones { get; }

    /// <summary>The final milestone, or null when there is none.</summary>
    public Milestone? Final => Milestones.Count == 0 ? null : Milestones[^1];

    /// <summary>Words of the phrase that are not a date but matter to a reader: the event awaited,
    /// a reference ("Theo Kế hoạch của Bộ Nội vụ"), a footnote number removed from a year.</summary>
    public string? Note { get; }

    /// <summary>When the words allow two schedules: the reading chosen and the other one, in Vietnamese, for a
    /// coordinator to confirm (<c>plan check</c> lists them as warnings). Also part of <see cref="Note"/>.</summary>
    public string? Ambiguity { get; init; }

    /// <summary>Why the phrase could not be read; null unless <see cref="Kind"/> is unknown.</summary>
    public string? Reason { get; }

    public bool IsKnown => Kind != ScheduleKind.Unknown;

    public override string ToString() =>
        $"{Kind}: {string.Join(", ", Milestones.Select(m => m.Label is null ? m.Due.ToString("dd/MM/yyyy", null) : $"{m.Label} {m.Due:dd/MM/yyyy}"))}";
}
