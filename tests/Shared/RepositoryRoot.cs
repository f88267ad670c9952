namespace Workflow.Tests;

/// <summary>The repository the tests run in: found from the test's folder upward, by Workflow.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Workflow.sln above {AppContext.BaseDirectory}: the tests read the repository's workflows folder");
    });

    public static string Path => Root.Value;

    /// <summary>The repository's workflows folder (plans, agencies, calendars, definitions, templates).</summary>
    public static string Workflows => System.IO.Path.Combine(Root.Value, "workflows");

    /// <summary>Copies the repository's workflows folder, every file, to <paramref name="target"/> (a test's own folder to change).</summary>
    public static void CopyWorkflowsTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Workflows, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Workflows, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
