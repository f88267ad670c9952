namespace Workflow.Host.Designer;

public static class DesignerServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="DesignerWorkspace"/> of <paramref name="workflowsFolder"/> as a singleton.
    /// Subscribe to <see cref="DesignerWorkspace.Published"/> to reload the catalog and the rules for new milestones.</summary>
    public static IServiceCollection AddDesigner(this IServiceCollection services, string workflowsFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowsFolder);
        services.AddSingleton(sp => new DesignerWorkspace(workflowsFolder, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
