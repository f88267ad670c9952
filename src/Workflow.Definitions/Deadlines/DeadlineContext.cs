using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// What a phrase needs besides its words: the year the plan tracks (the year of phrases that name
/// none), the plan's issue date (for phrases counted from it), and the working-day calendar that
/// gives effective dates.
/// </summary>
public sealed record DeadlineContext
{
    /// <summary>The first and last year a plan may track.</summary>
    public const int MinYear = 1990, MaxYear = 2100;

    public DeadlineContext(int trackedYear, LocalDate? issuedOn = null, WorkingCalendar? calendar = null)
    {
        if (trackedYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(trackedYear), trackedYear, $"The tracked year must be between {MinYear} and {MaxYear}.");
        }

        TrackedYear = trackedYear;
        IssuedOn = issuedOn;
        Calendar = calendar ?? WorkingCalendar.Vietnam;
    }

    public int TrackedYear { get; }

    public LocalDate? IssuedOn { get; }

    public WorkingCalendar Calendar { get; }
}
