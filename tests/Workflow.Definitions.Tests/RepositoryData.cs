namespace Workflow.Definitions.Tests;

/// <summary>The repository's own workflows folder, found from the test's folder upward.</summary>
internal static class RepositoryData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<ReferenceData> Reference = new(() => ReferenceData.Load(Workflows));

    public static string Workflows => Path.Combine(Root.Value, "workflows");

    public static string Plans => Path.Combine(Workflows, "plans");

    public static ReferenceData ReferenceData => Reference.Value;
}
