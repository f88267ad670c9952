using Workflow.Host.Cli;

namespace Workflow.Host.Tests.Cli;

/// <summary>Runs the command line in-process against the repository's workflows folder.</summary>
internal static class CliRun
{
    public static readonly string Root = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = WorkflowCommandLine.Run([.. args, "--workflows", Workflows], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workflow.sln not found");
    }
}
