using Workflow.Tests;

namespace Workflow.EndToEnd.Tests;

/// <summary>Runs the real `workflow` program in its own process, as a coordinator's shell would.</summary>
internal static class WorkflowProcess
{
    public static readonly string Root = Workflow.Tests.RepositoryRoot.Path;

    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        WorkflowProgram.Run(workingDirectory, args);
}
