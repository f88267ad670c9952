using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

/// <summary>
/// The workflow definitions and rules of the running server, replaced as a whole when a coordinator
/// publishes a new version in the designer. New milestones get the latest published version the
/// rules choose; a running milestone keeps the version it started with, which stays in the catalog
/// because every version file stays in the folder.
/// </summary>
public sealed class LiveDefinitions(AgencyDirectory agencies, DefinitionCatalog catalog, DefinitionRules rules)
{
    private volatile Snapshot current = new(catalog, rules, new MilestonePlanner(agencies, catalog, rules));

    public DefinitionCatalog Catalog => current.Catalog;

    public DefinitionRules Rules => current.Rules;

    /// <summary>The planner of the current catalog and rules (one object, so an import never mixes two publications).</summary>
    public MilestonePlanner Planner => current.Planner;

    /// <summary>Puts a newly published catalog and rules in place for the steps that start after this call.</summary>
    public void Replace(DefinitionCatalog newCatalog, DefinitionRules newRules)
    {
        ArgumentNullException.ThrowIfNull(newCatalog);
        ArgumentNullException.ThrowIfNull(newRules);
        current = new Snapshot(newCatalog, newRules, new MilestonePlanner(agencies, newCatalog, newRules));
    }

    private sealed record Snapshot(DefinitionCatalog Catalog, DefinitionRules Rules, MilestonePlanner Planner);
}
