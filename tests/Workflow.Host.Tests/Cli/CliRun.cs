using Workflow.Host.Cli;

namespace Workflow.Host.Tests.Cli;

/// <summary>Runs the command line in-process against the repository's workflows folder.</summary>
internal static class CliRun
{
    public static readonly string Root = Workflow.Tests.RepositoryRoot.Path;

    public static string Workflows => Path.Combine(Root, "workflows");

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = WorkflowCommandLine.Run([.. args, "--workflows", Workflows], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
