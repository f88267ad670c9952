using Workflow.Tests;

namespace Workflow.EndToEnd.Tests;

/// <summary>Runs the real `workflow` program in its own process, as a coordinator's shell would.</summary>
internal static class WorkflowProcess
{
    public static readonly string Root = Workflow.Tests.RepositoryRoot.Path;

    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        WorkflowProgram.Run(workingDirectory, args);

    /// <summary>Copies the repository's workflows folder into <paramref name="directory"/>; returns the copy's path.</summary>
    public static string CopyWorkflows(string directory)
    {
        var source = Path.Combine(Root, "workflows");
        var copy = Path.Combine(directory, "workflows");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
