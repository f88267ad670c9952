using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// What a phrase needs besides its words: the year the plan tracks (the year of phrases that name
/// none), the plan's issue date (for phrases counted from it), and the working-day calendar that
/// gives effective dates.
/// </summary>
/// <remarks>
/// The calendar has no default: the Labour Code's rules alone (<see cref="WorkingCalendar.StatutoryOnly"/>)
/// give other effective dates than the year's official schedule (30/04/2025 is due 02/05 by the
/// rules, 05/05 by the 2025 swap), so a caller says which calendar it means.
/// </remarks>
public sealed record DeadlineContext
{
    /// <summary>The first and last year a plan may track.</summary>
    public const int MinYear = 1990, MaxYear = 2100;

    public DeadlineContext(int trackedYear, LocalDate? issuedOn, WorkingCalendar calendar)
    {
        if (trackedYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(trackedYear), trackedYear, $"The tracked year must be between {MinYear} and {MaxYear}.");
        }

        ArgumentNullException.ThrowIfNull(calendar);
        TrackedYear = trackedYear;
        IssuedOn = issuedOn;
        Calendar = calendar;
    }

    public int TrackedYear { get; }

    public LocalDate? IssuedOn { get; }

    public WorkingCalendar Calendar { get; }
}
