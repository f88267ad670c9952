using System.Globalization;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;
using Workflow.Notifications;

namespace Workflow.Host.Designer;

// Dry runs of a definition on a plan, through the simulation of `workflow simulate --definition`.
public sealed partial class DesignerWorkspace
{
    /// <summary>
    /// Runs <paramref name="json"/> (or the draft, or the latest version) on a plan of workflows/plans through the
    /// simulation of `workflow simulate --definition`: every milestone runs this definition. The period defaults to
    /// 1 January of the plan's tracked year to 31 January of the next.
    /// </summary>
    /// <remarks>The run is held to <see cref="SimulationBudget.DryRun"/> (a run past it returns its problem) and stops when <paramref name="ct"/> is cancelled: the web request passes its RequestAborted, so a client that left stops the work.</remarks>
    /// <exception cref="Workflow.Definitions.DataFileException">The reference data (agencies, calendars, templates) cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public DefinitionDryRun? DryRun(string definitionId, string planId, LocalDate? from = null, LocalDate? to = null, string? json = null, CancellationToken ct = default)
    {
        CheckId(definitionId);
        json ??= GetDocument(definitionId)?.Json;
        if (json is null)
        {
            return null;
        }

        var problems = Validate(json, definitionId, templates: TemplateSet.TryLoad(Path.Combine(Folder, "templates")));
        var (plan, reference, planProblem) = LoadPlan(planId);
        if (planProblem is not null)
        {
            problems = [.. problems, planProblem];
        }

        if (problems.Count > 0 || plan is null || reference is null)
        {
            return new DefinitionDryRun(planId, plan?.Title ?? string.Empty, string.Empty, string.Empty, definitionId, 0, [], [], 0,
                new Dictionary<string, int>(), problems);
        }

        var definition = WorkflowDefinitionReader.Read(json, $"{definitionId}.json").Definition!;
        var start = from ?? new LocalDate(plan.TrackedYear, 1, 1);
        var end = to ?? new LocalDate(plan.TrackedYear + 1, 1, 31);
        if (end < start)
        {
            return new DefinitionDryRun(planId, plan.Title, Iso(start), Iso(end), definitionId, 0, [], [], 0, new Dictionary<string, int>(),
                [new DesignerProblem(null, null, "ngày kết thúc phải sau ngày bắt đầu.")]);
        }

        var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency),
            new MilestonePlanner(reference.Agencies, Catalog(), DefinitionRules.None));
        SimulationResult outcome;
        try
        {
            outcome = simulator.Run(plan, start, end, [], [], definition, SimulationBudget.DryRun, ct: ct);
        }
        catch (SimulationBudgetExceededException e)
        {
            return new DefinitionDryRun(planId, plan.Title, Iso(start), Iso(end), definitionId, 0, [], [], 0, new Dictionary<string, int>(),
                [new DesignerProblem(null, null, e.Message)]);
        }

        var tasks = plan.Tasks.ToDictionary(t => t.Id.Value, StringComparer.Ordinal);
        string Name(string id) => AgencyId.TryParse(id, out var agencyId) && reference.Agencies.TryGet(agencyId, out var a) ? a.Name : id;
        string? Label(Notification n) => tasks[n.Task].Schedule.Milestones.ElementAtOrDefault(n.Milestone - 1)?.Label;
        var timeline = outcome.Notifications.Select(n => new TimelineItem(
            n.At.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), n.Task, tasks[n.Task].Activity, n.Milestone, Label(n),
            Iso(n.Due), n.Kind.Key(), KindLabel(n.Kind), [.. n.To.Select(Name)], n.To)).ToList();

        var templates = TemplateSet.Load(Path.Combine(Folder, "templates"));
        var composition = new MessageComposer(templates, reference.Agencies, outcome.FactsFor(plan)).Compose(outcome.Notifications, outcome.Notifications);
        var emails = composition.Emails.Take(MaxEmails).Select(e => new DryRunEmail(
            Iso(e.Day), e.Recipient, [.. e.To.Select(a => a.ToString())], e.Subject, e.Text)).ToList();
        var totals = Enum.GetValues<NotificationKind>().ToDictionary(k => k.Key(), k => outcome.Notifications.Count(n => n.Kind == k), StringComparer.Ordinal);
        return new DefinitionDryRun(plan.Id.Value, plan.Title, Iso(start), Iso(end), definitionId, outcome.Runs.Count,
            timeline, emails, composition.Emails.Count, totals, []);
    }

    internal static string KindLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => "nhắc hạn",
        NotificationKind.Overdue => "thông báo quá hạn",
        NotificationKind.Email => "gửi thư",
        _ => "báo cáo Sở Nội vụ",
    };
}
