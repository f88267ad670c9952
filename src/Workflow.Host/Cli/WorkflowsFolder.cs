namespace Workflow.Host.Cli;

/// <summary>
/// Finds the workflows folder (plans, agency directory, calendars): the --workflows option, else
/// the WORKFLOW_DATA environment variable, else the nearest "workflows" folder holding
/// agencies.yaml from the current directory upward, else from the program's own folder upward.
/// </summary>
internal static class WorkflowsFolder
{
    public const string EnvironmentVariable = "WORKFLOW_DATA";

    public static string? Locate(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Search(Directory.GetCurrentDirectory()) ?? Search(AppContext.BaseDirectory);
    }

    private static string? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "agencies.yaml")))
            {
                return candidate;
            }
        }

        return null;
    }
}
