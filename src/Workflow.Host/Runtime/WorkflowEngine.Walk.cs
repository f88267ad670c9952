using NodaTime;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>One branch about to run <see cref="Activity"/>: the moment it belongs to, whether that moment is late,
    /// the activity it came from (for joins), whether it runs after the milestone was reported done.</summary>
    private sealed record Token(Activity Activity, LocalDateTime Moment, bool Late, string? From, bool AfterDone)
    {
        /// <summary>Not an activity to run: the branch through <see cref="Activity"/> ended (for FlowNode bodies).</summary>
        public bool Ended { get; init; }

        public static Token PathEnd(Activity activity, LocalDateTime moment) => new(activity, moment, false, null, false) { Ended = true };
    }

    private void Run(MilestoneRun run, Graph graph, List<Token> initial, LocalDateTime now, INotificationSink sink, bool stopWhenWaiting = false)
    {
        var queue = new Queue<Token>(initial);
        string? lastEnded = null;
        while (queue.TryDequeue(out var token) || Release(run, graph, queue, now))
        {
            if (token is null)
            {
                continue; // Release queued held branches: take them in the next round
            }

            if (run.Status == RunStatus.Finished && !token.AfterDone)
            {
                return;
            }

            if (token.Ended)
            {
                EndOfPath(run, graph, token.Activity, token.Moment, queue);
                continue;
            }

            if (run.DoneOn is not null && !token.AfterDone)
            {
                Finish(run, token.Activity.Id, now, "đã hoàn thành");
                return;
            }

            if (Held(run, graph, queue, token))
            {
                continue;
            }

            if (!CountStep(run, now, token.Activity))
            {
                return;
            }

            IReadOnlyList<string> ports;
            var moment = token.Moment;
            var late = token.Late;
            try
            {
                var outcome = Execute(run, graph, token, now, sink, queue);
                if (outcome is null)
                {
                    if (run.Status == RunStatus.Finished)
                    {
                        return;
                    }

                    continue; // waiting (a bookmark), or the branch is held by a join
                }

                (ports, moment, late) = outcome.Value;
            }
            catch (ExpressionException e)
            {
                run.Fault = $"{token.Activity.Id}: {e.Message}";
                run.History.Add(new HistoryEntry(now, token.Activity.Id, "lỗi", $"{token.Activity.Caption}: {e.Message} Nhánh này dừng; hãy sửa định nghĩa quy trình."));
                EndOfPath(run, graph, token.Activity, moment, queue);
                continue;
            }

            var followed = false;
            foreach (var port in ports)
            {
                foreach (var next in graph.Next(token.Activity, port))
                {
                    queue.Enqueue(new Token(next, moment, late, token.Activity.Id, token.AfterDone));
                    followed = true;
                }
            }

            if (!followed)
            {
                lastEnded = token.Activity.Id;
                EndOfPath(run, graph, token.Activity, moment, queue);
            }
        }

        if (run.Status != RunStatus.Finished && run.Bookmarks.Count == 0 && !stopWhenWaiting)
        {
            Finish(run, lastEnded, now, "hết quy trình");
        }
    }

    /// <summary>A branch ended at <paramref name="activity"/>: when it was the last one of a FlowNode's body, the
    /// FlowNode goes on from its Done port.</summary>
    private static void EndOfPath(MilestoneRun run, Graph graph, Activity activity, LocalDateTime moment, Queue<Token> queue)
    {
        if (graph.Owner(activity.Id) is not { } owner)
        {
            return;
        }

        var members = graph.Members(owner.Id);
        if (queue.Any(t => members.Contains(t.Activity.Id)) || run.Bookmarks.Any(b => members.Contains(b.ActivityId)))
        {
            return;
        }

        var next = graph.Next(owner, Done);
        foreach (var target in next)
        {
            queue.Enqueue(new Token(target, moment, false, owner.Id, false));
        }

        if (next.Count == 0)
        {
            queue.Enqueue(Token.PathEnd(owner, moment));
        }
    }

    /// <summary>Counts a step against the day's cap; past the cap the workflow stops, recorded on its timeline.</summary>
    private bool CountStep(MilestoneRun run, LocalDateTime now, Activity activity)
    {
        if (run.StepsDay != now.Date)
        {
            run.StepsDay = now.Date;
            run.StepsToday = 0;
        }

        if (++run.StepsToday <= options.MaxStepsPerDay)
        {
            return true;
        }

        run.Fault = $"{activity.Id}: quá {options.MaxStepsPerDay} bước trong một ngày";
        run.History.Add(new HistoryEntry(now, activity.Id, "dừng quy trình",
            $"mốc này đã chạy quá {options.MaxStepsPerDay} bước trong ngày {Day(now.Date)} (vòng lặp không chờ?); quy trình dừng để không chạy mãi. Hãy sửa định nghĩa rồi gia hạn hoặc nhập lại mốc."));
        Finish(run, activity.Id, now, "vượt giới hạn bước mỗi ngày");
        return false;
    }

    /// <summary>Runs one activity: dispatches it to its family (each in its own file). Null when the branch stops here
    /// for now (a wait, a join still waiting, the end); otherwise the ports to follow and the moment and lateness the
    /// next activities inherit.</summary>
    private (IReadOnlyList<string> Ports, LocalDateTime Moment, bool Late)? Execute(MilestoneRun run, Graph graph, Token token, LocalDateTime now, INotificationSink sink, Queue<Token> queue)
    {
        var moment = token.Moment;
        var late = token.Late;
        IReadOnlyList<string> done = [Done];
        if (graph.Trigger == token.Activity && run.Bookmarks.Any(b => b.ActivityId == token.Activity.Id && b.IsTimer))
        {
            return ([], moment, late); // a loop back to the repeating trigger: it fires again anyway
        }

        switch (token.Activity)
        {
            case CchcActivity ours:
                return new MilestoneContext(this, run, ours, token, now, sink).Run();

            case Definitions.Workflows.Start:
                return (done, moment, late);

            // Timers (.Timers)
            case Delay delay:
                Suspend(run, delay.Id, now.PlusTicks(delay.TimeSpan.BclCompatibleTicks));
                return null;

            case Definitions.Workflows.Timer timer:
                return RunTimer(run, graph, timer, now);

            case Cron cron:
                return RunCron(run, cron, token, now);

            case StartAt startAt:
                return RunStartAt(run, startAt, now);

            // Events (.Signals)
            case ElsaEvent wait:
                run.Bookmarks.Add(new Bookmark(wait.Id, null, null) { EventName = wait.EventName });
                return null;

            case PublishEvent publish:
                Publish(run, graph, publish, token, now, queue);
                return (done, moment, late);

            // Expressions and variables (.Expressions)
            case FlowDecision decision:
                return ([Condition(decision.Condition, run, now) ? MilestoneDecision.TruePort : MilestoneDecision.FalsePort], moment, late);

            case ElsaIf condition:
                return ([Condition(condition.Condition, run, now) ? MilestoneDecision.TruePort : MilestoneDecision.FalsePort, Done], moment, late);

            case SetVariable set:
                SetVariable(run, set, now);
                return (done, moment, late);

            case WriteLine line:
                WriteLine(run, line, now);
                return (done, moment, late);

            // Flow (.Flow)
            case FlowFork fork:
                return (fork.OutPorts, moment, late);

            case FlowJoin join:
                return Join(run, graph, join, token, queue, now) ? (done, moment, late) : null;

            case FlowNode node:
                return EnterBody(node, token, queue);

            case End:
                EndAt(run, graph, token, now, queue);
                return null;

            // Email (.Email)
            case SendEmail email:
                HandOver(run, moment.Date, now); // whoever leads on the email's day (the workflow input's Lead)
                SendEmail(run, sink, email, now, moment, late);
                return (done, moment, false);

            default:
                throw new ExpressionException($"loại hoạt động \"{token.Activity.Type}\" không chạy được ở đây. Các loại dùng được: {ActivityCatalog.SupportedTypes}.");
        }
    }

    private static void Suspend(MilestoneRun run, string activityId, LocalDateTime at)
    {
        run.Status = RunStatus.Waiting;
        run.Bookmarks.Add(new Bookmark(activityId, at, null));
    }

    private static void Finish(MilestoneRun run, string? activityId, LocalDateTime now, string why)
    {
        run.Status = RunStatus.Finished;
        run.Bookmarks.Clear();
        run.Joins.Clear();
        run.History.Add(new HistoryEntry(now, activityId, "kết thúc", why));
    }
}
