using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Workflow.Host.Coordination;

namespace Workflow.Host.Web.Pages;

/// <summary>A task: its milestones, the timeline of each, and the coordinator's actions on them.</summary>
[RequestSizeLimit(InputLimits.RequestBody)]
public sealed class TaskModel(CoordinationService service) : PageModel
{
    private Progress.ProgressRules? rules;

    public TaskDetail? Detail { get; private set; }

    public LocalDate Today => service.Today;

    /// <summary>How the states are judged today (the dashboard's rules).</summary>
    public Progress.ProgressRules Rules => rules ??= Progress.ProgressRules.For(Today);

    public async Task<IActionResult> OnGetAsync(string plan, string task, CancellationToken ct)
    {
        Detail = await service.TaskAsync(plan, task, ct).ConfigureAwait(false);
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(long milestone, DateOnly? on, string? reference, CancellationToken ct) =>
        Answer(await service.MarkDoneAsync(milestone, on is { } d ? LocalDate.FromDateOnly(d) : Today, reference, null, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    public async Task<IActionResult> OnPostExtendAsync(long milestone, DateOnly? newDue, string? note, CancellationToken ct) =>
        newDue is not { } due
            ? Answer(Outcome.Refused("Hãy chọn hạn mới."))
            : Answer(await service.ExtendAsync(milestone, LocalDate.FromDateOnly(due), note, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    public async Task<IActionResult> OnPostDecideAsync(long request, bool approve, string? note, CancellationToken ct) =>
        Answer(await service.DecideExtensionAsync(request, approve, note, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    /// <summary>"Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)".</summary>
    public string DescribeLead(Persistence.MilestoneRecord milestone) => service.DescribeLead(milestone);

    public IReadOnlyList<Workflow.Definitions.Agencies.Agency> LeadChoices(Persistence.MilestoneRecord milestone) => service.LeadChoices(milestone);

    public async Task<IActionResult> OnPostLeadAsync(long milestone, string? agency, CancellationToken ct) =>
        Answer(await service.ChooseLeadAsync(milestone, agency, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    public async Task<IActionResult> OnPostNoteAsync(long milestone, string? text, CancellationToken ct) =>
        Answer(await service.AddNoteAsync(milestone, text ?? string.Empty, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    public async Task<IActionResult> OnPostEventAsync(string plan, string task, DateOnly? on, CancellationToken ct) =>
        on is not { } day
            ? Answer(Outcome.Refused("Hãy chọn ngày sự kiện."))
            : Answer(await service.RecordEventAsync(plan, task, LocalDate.FromDateOnly(day), await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    public async Task<IActionResult> OnPostRestoreAsync(long milestone, CancellationToken ct) =>
        Answer(await service.RestoreAsync(milestone, await Who.CoordinatorAsync(HttpContext).ConfigureAwait(false), ct).ConfigureAwait(false));

    /// <summary>Post, redirect, get: the outcome shows once above the refreshed page.</summary>
    private RedirectToPageResult Answer(Outcome outcome)
    {
        TempData["Message"] = outcome.Message;
        TempData["Ok"] = outcome.Ok;
        return RedirectToPage();
    }
}
