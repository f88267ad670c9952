using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workflow.Host.Cli;

namespace Workflow.Tests;

/// <summary>
/// The real `workflow` program in its own process, as a coordinator's shell runs it. Linked into
/// the test projects that reference the host (the end-to-end and browser tests).
/// </summary>
internal static class WorkflowProgram
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How to start `workflow ARGS` in <paramref name="workingDirectory"/>: UTF-8 console, and none of
    /// the developer's own WORKFLOW_DATA or WORKFLOW_DATABASE.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(WorkflowCommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("WORKFLOW_DATA");
        start.Environment.Remove("WORKFLOW_DATABASE");
        return start;
    }

    /// <summary>
    /// As <see cref="StartInfo"/>, with SIGINT at its default action in the program, as a terminal's foreground job has
    /// it. A process a non-interactive shell starts in the background (a CI runner's script, <c>cmd &amp;</c>) inherits
    /// SIGINT ignored, and .NET leaves an ignored SIGINT ignored: Ctrl+C (<see cref="ServeProcess.InterruptAsync"/>)
    /// would never reach the program. <c>env --default-signal=INT</c> (GNU coreutils 8.31 and later) sets it back, then
    /// runs the program in its own place (the same process id).
    /// </summary>
    public static ProcessStartInfo InterruptibleStartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var start = StartInfo(workingDirectory, args);
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=INT");
        start.FileName = "env";
        return start;
    }

    /// <summary>Runs one command to its end (two minutes at most).</summary>
    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"workflow {string.Join(' ', args)} did not finish in {CommandTimeout.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>
/// A running `workflow serve`: its console kept for failure messages, ready once it says
/// "Máy chủ đang chạy"; killed (SIGKILL) or stopped (SIGTERM) as a service manager would.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> awaited = [];

    private ServeProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The console so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts `workflow serve …` as <paramref name="start"/> says (see <see cref="WorkflowProgram.StartInfo"/>).</summary>
    public static ServeProcess Start(ProcessStartInfo start) => new(Process.Start(start)!);

    /// <summary>The exit code, once it exited.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>True once the server says it runs; false when it exited or <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitUntilRunningAsync(TimeSpan timeout) => WaitForLineAsync("Máy chủ đang chạy", timeout);

    /// <summary>True once a line of its console contains <paramref name="text"/>; false when it exited or <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            awaited.Add((text, seen));
        }

        using var cancel = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(cancel.Token);
        await Task.WhenAny(seen.Task, exited, Task.Delay(Timeout.Infinite, cancel.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
        return seen.Task.IsCompleted;
    }

    /// <summary>True once it exited by itself; false when <paramref name="timeout"/> passed first (it is left running).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        if (process.HasExited)
        {
            process.WaitForExit(); // the console's last lines, read to its end
        }

        return process.HasExited;
    }

    /// <summary>Ctrl+C: SIGINT, as a terminal sends it (to a program started with <see cref="WorkflowProgram.InterruptibleStartInfo"/>).</summary>
    public async Task InterruptAsync()
    {
        using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await interrupt.WaitForExitAsync();
    }

    /// <summary>Why it did not start, for a failure message.</summary>
    public string Describe(TimeSpan timeout) =>
        $"workflow serve did not start within {timeout.TotalSeconds:0} s{(process.HasExited ? $" (it exited with {process.ExitCode})" : string.Empty)}:\n{Output}";

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    /// <summary>A graceful stop (SIGTERM); killed when it takes longer than 30 s.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                Kill();
            }
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            foreach (var (text, seen) in awaited)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        }
    }
}
