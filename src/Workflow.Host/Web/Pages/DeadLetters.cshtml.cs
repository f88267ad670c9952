using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Pages;

/// <summary>The outbox's dead letters, with a retry button.</summary>
public sealed class DeadLettersModel(CoordinationService service, Workflow.Notifications.Delivery.OutboxSender sender) : PageModel
{
    public IReadOnlyList<OutboxRecord> Dead { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Dead = await service.DeadLettersAsync(ct).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var count = await sender.RetryDeadAsync(ct).ConfigureAwait(false);
        TempData["Message"] = $"Đã đưa {count} thư trở lại hàng đợi; máy chủ sẽ gửi trong vài giây.";
        TempData["Ok"] = true;
        return RedirectToPage();
    }
}
