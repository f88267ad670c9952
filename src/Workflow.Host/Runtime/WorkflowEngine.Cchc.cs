using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    private static bool Holds(MilestoneCondition condition, MilestoneRun run, LocalDateTime now) => condition switch
    {
        MilestoneCondition.Done => run.DoneOn is not null,
        MilestoneCondition.Open => run.IsOpen,
        MilestoneCondition.Overdue => run.IsOpen && run.EffectiveDue is { } due && now.Date > due,
        MilestoneCondition.Extended => run.Extended,
        MilestoneCondition.Dormant => run.Status == RunStatus.Dormant,
        _ => false,
    };

    /// <summary>What one of our activities (<see cref="CchcActivity"/>) sees of the milestone it runs for, and how what it
    /// asks becomes bookmarks, outbox rows and timeline lines.</summary>
    private sealed class MilestoneContext(WorkflowEngine engine, MilestoneRun run, CchcActivity activity, Token token, LocalDateTime now, INotificationSink sink) : IMilestoneContext
    {
        private bool handedOver;

        public LocalDateTime Now => now;

        public LocalDateTime Moment => token.Moment;

        public bool Late => token.Late;

        public bool CatchingUp => run.CatchingUp;

        public LocalDate EffectiveDue => run.EffectiveDue ?? throw new InvalidOperationException($"milestone {run.Key} has no due date yet");

        public WorkingCalendar Calendar => engine.calendar;

        public IReadOnlyList<AgencyId> Lead
        {
            get
            {
                if (!handedOver)
                {
                    handedOver = true;
                    engine.HandOver(run, Moment.Date, now); // whoever leads on the notification's day
                }

                return run.Lead;
            }
        }

        public IReadOnlyList<AgencyId> Coordinators => HoldersOf(run.Coordinators);

        public AgencyId FollowUpAgency => engine.followUpAgency;

        public IReadOnlyList<AgencyId> HoldersOf(IReadOnlyList<AgencyId> agencies) => engine.Holders(agencies, Moment.Date);

        public bool Holds(MilestoneCondition condition) => WorkflowEngine.Holds(condition, run, now);

        /// <summary>A reminder, overdue notice or escalation for this milestone goes into the step's outbox (the sink),
        /// dated the moment it was meant for; the timeline says so, or that it merged with one already queued that day.</summary>
        public void Notify(NoticeKind kind, IReadOnlyList<AgencyId> recipients, IReadOnlyList<AgencyId> copied, string templateName)
        {
            var notification = new Notification
            {
                Kind = kind switch
                {
                    NoticeKind.Reminder => NotificationKind.Reminder,
                    NoticeKind.Overdue => NotificationKind.Overdue,
                    _ => NotificationKind.Escalation,
                },
                At = Moment,
                Plan = run.Key.Plan.Value,
                Task = run.Key.Task.Value,
                Milestone = run.Key.Number,
                Due = run.EffectiveDue!.Value,
                To = [.. recipients.Select(a => a.ToString())],
                Cc = [.. copied.Select(a => a.ToString())],
                Template = templateName,
            };
            var what = notification.Kind.Label();
            run.History.Add(sink.Add(notification)
                ? new HistoryEntry(now, activity.Id, what, Late ? $"gửi bù một lần cho mốc {WorkflowEngine.Moment(Moment)} đã qua; hạn {Day(run.EffectiveDue)}" : $"mốc {WorkflowEngine.Moment(Moment)}; hạn {Day(run.EffectiveDue)}")
                : new HistoryEntry(now, activity.Id, what, $"trùng ngày với thông báo cùng loại đã gửi (mốc {WorkflowEngine.Moment(Moment)}): gộp làm một"));
        }

        public void Record(string what, string detail) => run.History.Add(new HistoryEntry(now, activity.Id, what, detail));

        public (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? Run()
        {
            switch (activity.Run(this))
            {
                case ActivityResult.FollowPorts follow:
                    return (follow.Ports, follow.Moment, follow.Late);
                case ActivityResult.WaitUntil wait:
                    Suspend(run, activity.Id, wait.At);
                    return null;
                case ActivityResult.WaitFor signal:
                    run.Bookmarks.Add(new Bookmark(activity.Id, null, signal.Signal));
                    return null;
                default:
                    throw new InvalidOperationException($"{activity.Type} returned an unknown result");
            }
        }
    }
}
