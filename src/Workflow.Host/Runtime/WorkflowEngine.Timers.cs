using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>Resumes every timer bookmark of a run whose moment has come; <paramref name="now"/> is when the timer fired.</summary>
    public void Resume(MilestoneRun run, WorkflowDefinition definition, LocalDateTime now, INotificationSink sink)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(definition);
        if (run.Status != RunStatus.Waiting)
        {
            return; // a stale trigger: the run finished; nothing to do
        }

        var due = run.Bookmarks.Where(b => b.At is { } at && at <= now).OrderBy(b => b.At).ToList();
        if (due.Count == 0)
        {
            return; // a stale trigger: the run moved on
        }

        var graph = GraphOf(definition);
        var tokens = new List<Token>();
        foreach (var bookmark in due)
        {
            run.Bookmarks.Remove(bookmark);
            var at = bookmark.At!.Value;
            var late = now > at.PlusTicks(lateAfter.BclCompatibleTicks);
            if (late)
            {
                run.History.Add(new HistoryEntry(now, bookmark.ActivityId, "chạy bù", $"mốc {Moment(at)} đã qua khi máy chủ ngừng"));
            }

            if (!graph.TryGet(bookmark.ActivityId, out var waiting))
            {
                continue;
            }

            if (!bookmark.Parked && graph.Trigger == waiting)
            {
                Rearm(run, waiting, at, now);
            }

            if (bookmark.Parked)
            {
                tokens.Add(new Token(waiting, at, late, null, false));
            }
            else
            {
                tokens.AddRange(graph.Next(waiting, Done).Select(next => new Token(next, at, late, waiting.Id, false)));
                if (!graph.Next(waiting, Done).Any())
                {
                    tokens.Add(Token.PathEnd(waiting, at));
                }
            }
        }

        Run(run, graph, tokens, now, sink);
    }

    /// <summary>Hourly: how often a repeating trigger may fire at most (issue 12's floor).</summary>
    private static readonly Duration TriggerFloor = Duration.FromHours(1);

    /// <summary>
    /// Elsa's Timer and Cron are triggers: as the flowchart's start they fire again and again, each firing running the
    /// flowchart from them (in Elsa, a new instance each time). Here they keep firing for the milestone until its
    /// workflow ends (the milestone is done, an End, the plan closed): after the one at <paramref name="at"/>, the next
    /// one strictly after <paramref name="now"/> (firings missed while the server was down are not replayed). A Timer
    /// repeats at most hourly: a shorter interval gives its first firing, then the floor (recorded when it starts).
    /// </summary>
    private static void Rearm(MilestoneRun run, Activity trigger, LocalDateTime at, LocalDateTime now)
    {
        LocalDateTime? next;
        if (trigger is Definitions.Workflows.Timer timer)
        {
            var period = timer.Interval < TriggerFloor ? TriggerFloor : timer.Interval;
            var candidate = at.PlusTicks(period.BclCompatibleTicks);
            while (candidate <= now)
            {
                candidate = candidate.PlusTicks(period.BclCompatibleTicks);
            }

            next = candidate;
        }
        else
        {
            next = ((Cron)trigger).NextAfter(now > at ? now : at);
        }

        if (next is { } moment)
        {
            run.Bookmarks.Add(new Bookmark(trigger.Id, moment, null));
        }
    }

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd"),
    ];

    private LocalDateTime MomentOf(StartAt startAt, MilestoneRun run, LocalDateTime now)
    {
        if (startAt.DateTime is LocalDateTime fixedMoment)
        {
            return fixedMoment;
        }

        var value = options.Expressions.Evaluate((Expression)startAt.DateTime, Scope(run, now));
        switch (value)
        {
            case Instant instant:
                return instant.InZone(WorkflowDefinition.TimeZone).LocalDateTime;
            case string text:
                {
                    text = text.Trim();
                    foreach (var pattern in LocalPatterns)
                    {
                        if (pattern.Parse(text) is { Success: true } local)
                        {
                            return local.Value;
                        }
                    }

                    if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
                    {
                        return offset.Value.ToInstant().InZone(WorkflowDefinition.TimeZone).LocalDateTime;
                    }

                    if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc)
                    {
                        return utc.Value.InZone(WorkflowDefinition.TimeZone).LocalDateTime;
                    }

                    throw new ExpressionException($"\"dateTime\" cho ra \"{text}\", không phải thời điểm ISO-8601 (ví dụ 2025-03-24T08:00:00+07:00).");
                }

            default:
                throw new ExpressionException($"\"dateTime\" phải cho ra một Date của JavaScript hoặc chuỗi ISO-8601, không phải \"{ExpressionEvaluator.Text(value)}\".");
        }
    }

    /// <summary>Elsa's Timer: waits one interval; as the flowchart's repeating trigger, a shorter interval than the floor is recorded.</summary>
    private static (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? RunTimer(MilestoneRun run, Graph graph, Definitions.Workflows.Timer timer, LocalDateTime now)
    {
        if (graph.Trigger == timer && timer.Interval < TriggerFloor)
        {
            run.History.Add(new HistoryEntry(now, timer.Id, "lặp lại",
                $"{timer.Caption} mỗi {timer.Interval.ToString("H:mm:ss", CultureInfo.InvariantCulture)}: lần đầu sau một chu kỳ, các lần sau cách nhau 1 giờ (không dày hơn mỗi giờ một lần)"));
        }

        Suspend(run, timer.Id, now.PlusTicks(timer.Interval.BclCompatibleTicks));
        return null;
    }

    /// <summary>Elsa's Cron: waits for its next occurrence; a schedule with none left ends the branch.</summary>
    private static (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? RunCron(MilestoneRun run, Cron cron, Token token, LocalDateTime now)
    {
        if (cron.NextAfter(now) is not { } next)
        {
            return ([], token.Moment, token.Late);
        }

        Suspend(run, cron.Id, next);
        return null;
    }

    /// <summary>Elsa's StartAt: waits for its moment, or goes on at once, late, when it has passed.</summary>
    private (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? RunStartAt(MilestoneRun run, StartAt startAt, LocalDateTime now)
    {
        var at = MomentOf(startAt, run, now);
        if (at > now)
        {
            Suspend(run, startAt.Id, at);
            return null;
        }

        return ([Done], run.CatchingUp ? now : at, true);
    }
}
