using System.Security.Cryptography;
using Workflow.Host.Cli;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// A copy of the repository's workflows folder and a database with the 2025 plan imported, in a
/// folder of its own: what a hostile input must leave exactly as it was (<see cref="Snapshot"/>).
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"workflow-hostile-{Guid.NewGuid():N}");
        Workflows = Path.Combine(Directory, "workflows");
        Copy(CliRun.Workflows, Workflows);
        DatabaseFile = Path.Combine(Directory, "w.db");
        var (exit, output, error) = Run("plan", "import", Path.Combine(Workflows, "plans", "cchc-2025.csv"));
        if (exit != 0)
        {
            throw new InvalidOperationException($"the workspace's import failed: {output}{error}");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Inputs = Path.Combine(Path.GetTempPath(), $"workflow-hostile-inputs-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Inputs);
    }

    /// <summary>The workspace: workflows/ and w.db.</summary>
    public string Directory { get; }

    public string Workflows { get; }

    public string DatabaseFile { get; }

    public string Database => "sqlite:" + DatabaseFile;

    /// <summary>A folder outside the workspace for the hostile files themselves.</summary>
    public string Inputs { get; }

    /// <summary>Runs the command line in process on this workspace (its workflows folder and database unless the arguments name others).</summary>
    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var withDefaults = args.ToList();
        if (!withDefaults.Contains("--workflows"))
        {
            withDefaults.AddRange(["--workflows", Workflows]);
        }

        if (!withDefaults.Contains("--database"))
        {
            withDefaults.AddRange(["--database", Database]);
        }

        var exit = WorkflowCommandLine.Run([.. withDefaults], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every file of the workspace (path, size and SHA-256), and every folder: equal snapshots mean nothing changed.</summary>
    public string Snapshot()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var lines = System.IO.Directory.EnumerateFileSystemEntries(Directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => File.Exists(path)
                ? $"{Path.GetRelativePath(Directory, path)} {new FileInfo(path).Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}"
                : $"{Path.GetRelativePath(Directory, path)}/");
        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { Directory, Inputs })
        {
            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
