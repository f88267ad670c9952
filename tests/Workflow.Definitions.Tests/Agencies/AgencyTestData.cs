using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>Locates the repository (the directory holding Workflow.sln) and loads the shipped directory once.</summary>
internal static class AgencyTestData
{
    private static readonly Lazy<AgencyDirectory> Shipped = new(() => AgencyDirectory.Load(ShippedPath));

    public static string RepositoryRoot => Workflow.Tests.RepositoryRoot.Path;

    public static string ShippedPath => Path.Combine(RepositoryRoot, "workflows", "agencies.yaml");

    public static string PlansDirectory => Path.Combine(RepositoryRoot, "workflows", "plans");

    /// <summary>The directory of workflows/agencies.yaml, loaded once for all tests.</summary>
    public static AgencyDirectory Directory => Shipped.Value;

    /// <summary>Loads a directory from YAML text, as a test fixture.</summary>
    public static AgencyDirectory FromYaml(string yaml) => AgencyDirectory.Load(new StringReader(yaml), "test.yaml");

    /// <summary>
    /// A compact form of a resolution for assertions: mentions in order, agencies by id, groups as "@id",
    /// vague mentions as "~"; repeats of the same agency or group are dropped.
    /// </summary>
    public static string Describe(AgencyCellResolution resolution)
    {
        var parts = new List<string>();
        foreach (var mention in resolution.Mentions)
        {
            var part = mention.Kind switch
            {
                AgencyMentionKind.Agency => mention.Agency!.Id.ToString(),
                AgencyMentionKind.Group => "@" + mention.Group!.Id,
                _ => "~",
            };
            if (part == "~" || !parts.Contains(part))
            {
                parts.Add(part);
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>The problems of a resolution, one per line, for assertion messages.</summary>
    public static string Problems(AgencyCellResolution resolution) =>
        string.Join(Environment.NewLine, resolution.Problems.Select(p => p.Message));
}
