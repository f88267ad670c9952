using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflow.Host.Web.Pages;

/// <summary>The workflow designer (the canvas is the designer-ui bundle); without an id, the list of definitions.</summary>
public sealed class DesignerModel : PageModel
{
    public string? Id { get; private set; }

    public void OnGet(string? id) => Id = string.IsNullOrWhiteSpace(id) ? null : id;
}
