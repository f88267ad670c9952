using Quartz;
using Workflow.Host.Persistence;

namespace Workflow.Host.Runtime;

/// <summary>The Quartz job every timer triggers: resume the workflows of every milestone waiting for that moment.</summary>
public sealed class ResumeMomentJob(WorkflowRuntime runtime) : IJob
{
    public const string MomentKey = "at";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var moment = MilestoneMapping.Moment.Parse(context.MergedJobDataMap.GetString(MomentKey)!).Value;
        await runtime.ResumeMomentAsync(moment, context.Scheduler.SchedulerInstanceId == "NON_CLUSTERED" ? "hệ thống" : $"hệ thống ({context.Scheduler.SchedulerInstanceId})", cancellationToken).ConfigureAwait(false);
    }
}
