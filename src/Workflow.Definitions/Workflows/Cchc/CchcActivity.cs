using System.Reflection;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// One of our own activities (<c>Cchc.*</c>), as an Elsa module defines one: a class with typed inputs, named outcome
/// ports and its behaviour (<see cref="Run"/>), which also declares its palette entry and how it is read
/// (<see cref="ICchcActivity.Spec"/>). <see cref="CchcModule"/> registers every such class, so adding an activity is
/// one file in Workflows/Cchc (and its test): the reader, the designer's palette and property panel, the README check
/// and the engine all take it from there.
/// </summary>
public abstract record CchcActivity(string Id) : Activity(Id)
{
    /// <summary>Runs the activity for one milestone: which ports to follow, or what to wait for.</summary>
    public abstract ActivityResult Run(IMilestoneContext milestone);

    /// <summary>Follow Done, with the branch's moment and lateness unchanged.</summary>
    private protected static ActivityResult Done(IMilestoneContext milestone) => new ActivityResult.FollowPorts(DoneOnly, milestone.Moment, milestone.Late);

    /// <summary>Follow Done after a notification: what comes next is not late any more.</summary>
    private protected static ActivityResult DoneAfterSending(IMilestoneContext milestone) => new ActivityResult.FollowPorts(DoneOnly, milestone.Moment, false);
}

/// <summary>What a <see cref="CchcActivity"/> does next.</summary>
public abstract record ActivityResult
{
    private ActivityResult()
    {
    }

    /// <summary>Follow <paramref name="Ports"/>; the next activities belong to <paramref name="Moment"/>, late or not.</summary>
    public sealed record FollowPorts(IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late) : ActivityResult;

    /// <summary>Wait (a timer bookmark) until <paramref name="At"/>, Asia/Ho_Chi_Minh, then follow Done.</summary>
    public sealed record WaitUntil(LocalDateTime At) : ActivityResult;

    /// <summary>Wait (a bookmark) until the runtime resumes the milestone with <paramref name="Signal"/>, then follow Done.</summary>
    public sealed record WaitFor(SignalKind Signal) : ActivityResult;
}

/// <summary>The notifications our activities send; each becomes an outbox row of the matching kind.</summary>
public enum NoticeKind
{
    /// <summary>A reminder before the due date (goes in the lead's daily digest).</summary>
    Reminder,

    /// <summary>An overdue notice (goes in the lead's daily digest).</summary>
    Overdue,

    /// <summary>A report of the late milestone to the follow-up agency (Sở Nội vụ).</summary>
    Escalation,
}

/// <summary>The milestone a <see cref="CchcActivity"/> runs for, as the engine shows it: its dates, its agencies on the
/// branch's day, its state, and what the activity may do (send, wait, record). The simulator and the server give the
/// same context, so an activity behaves the same in both.</summary>
public interface IMilestoneContext
{
    /// <summary>When the engine runs (the time a timer fired, or the simulator's clock).</summary>
    LocalDateTime Now { get; }

    /// <summary>The moment the branch belongs to (a late timer's own moment, not <see cref="Now"/>).</summary>
    LocalDateTime Moment { get; }

    /// <summary>True when <see cref="Moment"/> passed before the engine got to it (the server was down, a late import).</summary>
    bool Late { get; }

    /// <summary>True while a chase starts (a new milestone, a reopened plan): moments already past are caught up once.</summary>
    bool CatchingUp { get; }

    /// <summary>The milestone's effective due date (a day off moved to the next working day; moved by an approved extension).</summary>
    LocalDate EffectiveDue { get; }

    /// <summary>The working-day calendar.</summary>
    WorkingCalendar Calendar { get; }

    /// <summary>Who leads the milestone on <see cref="Moment"/>'s day: a lead that ended has handed over (recorded on the timeline).</summary>
    IReadOnlyList<AgencyId> Lead { get; }

    /// <summary>The coordinating agencies, as they stand on <see cref="Moment"/>'s day.</summary>
    IReadOnlyList<AgencyId> Coordinators { get; }

    /// <summary>Who escalations go to when an activity names no one: the report calendar's follow-up agency (Sở Nội vụ).</summary>
    AgencyId FollowUpAgency { get; }

    /// <summary>Who holds the duties of <paramref name="agencies"/> on <see cref="Moment"/>'s day.</summary>
    IReadOnlyList<AgencyId> HoldersOf(IReadOnlyList<AgencyId> agencies);

    /// <summary>Whether the milestone is in <paramref name="condition"/> now.</summary>
    bool Holds(MilestoneCondition condition);

    /// <summary>Sends a notification through the outbox (idempotent per milestone, kind and day), dated <see cref="Moment"/>,
    /// written with the template named <paramref name="templateName"/>; recorded on the timeline.</summary>
    void Notify(NoticeKind kind, IReadOnlyList<AgencyId> recipients, IReadOnlyList<AgencyId> copied, string templateName);

    /// <summary>Writes a line on the milestone's timeline, on this activity.</summary>
    void Record(string what, string detail);
}

/// <summary>What <see cref="CchcModule"/> reads from each <see cref="CchcActivity"/> class.</summary>
internal interface ICchcActivity
{
    /// <summary>The palette entry (type, labels, inputs, ports), the factory the reader builds the record with, and where the
    /// type comes in the palette among ours (<see cref="ActivitySpec.Order"/>, distinct per type).</summary>
    static abstract ActivitySpec Spec { get; }
}

/// <summary>
/// The one place our activities are registered: every <see cref="CchcActivity"/> class of this assembly, in
/// <see cref="ActivitySpec.Order"/>. <see cref="ActivityCatalog"/> puts them before Elsa's.
/// </summary>
internal static class CchcModule
{
    /// <summary>The specs of our activity types, in palette order.</summary>
    public static IReadOnlyList<ActivitySpec> Specs { get; } = Discover();

    private static List<ActivitySpec> Discover()
    {
        var register = typeof(CchcModule).GetMethod(nameof(Registration), BindingFlags.NonPublic | BindingFlags.Static)!;
        var types = typeof(CchcActivity).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(CchcActivity)))
            .ToList();
        if (types.FirstOrDefault(t => !typeof(ICchcActivity).IsAssignableFrom(t)) is { } unregistered)
        {
            throw new InvalidOperationException($"{unregistered.Name} derives from {nameof(CchcActivity)} without implementing {nameof(ICchcActivity)}.");
        }

        var specs = types.Select(t => (ActivitySpec)register.MakeGenericMethod(t).Invoke(null, null)!).OrderBy(s => s.Order).ToList();
        if (specs.GroupBy(s => s.Order).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"{string.Join(", ", clash.Select(s => s.Descriptor.Type))} share palette order {clash.Key}.");
        }

        return specs;
    }

    private static ActivitySpec Registration<T>()
        where T : CchcActivity, ICchcActivity => T.Spec;
}
