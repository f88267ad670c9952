using System.Diagnostics;
using System.Text;
using Workflow.Host.Cli;

namespace Workflow.EndToEnd.Tests;

/// <summary>Runs the real `workflow` program in its own process, as a coordinator's shell would.</summary>
internal static class WorkflowProcess
{
    public static readonly string Root = Workflow.Tests.RepositoryRoot.Path;

    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var program = typeof(WorkflowCommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("WORKFLOW_DATA");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"workflow {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
