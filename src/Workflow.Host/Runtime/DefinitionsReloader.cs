using Workflow.Definitions;
using Workflow.Host.Hosting;

namespace Workflow.Host.Runtime;

/// <summary>
/// Keeps <see cref="LiveDefinitions"/> in step with the workflows folder: at once after a publish
/// in this server's designer, and within a minute after any other change of the definitions or
/// the rules (another server of a cluster publishing into a shared folder, a hand edit). A folder
/// that does not load keeps the definitions in use, and says why in the log.
/// </summary>
public sealed partial class DefinitionsReloader(LiveDefinitions live, string folder, ILogger<DefinitionsReloader> logger)
{
    private readonly Lock gate = new();
    private string fingerprint = Fingerprint(folder);

    /// <summary>Reads the folder again and puts its definitions and rules in place.</summary>
    /// <returns>False when the folder did not load (the previous ones stay).</returns>
    public bool Reload()
    {
        lock (gate)
        {
            fingerprint = Fingerprint(folder);
            try
            {
                var fresh = WorkflowsData.Load(folder);
                live.Replace(fresh.Definitions, fresh.Rules);
                return true;
            }
            catch (DataFileException problem)
            {
                ReloadFailed(logger, problem);
                return false;
            }
        }
    }

    /// <summary>Reloads when a definition file or the rules changed since the last look.</summary>
    public Task ReloadIfChangedAsync(CancellationToken ct)
    {
        _ = ct;
        if (Fingerprint(folder) != Volatile.Read(ref fingerprint))
        {
            Reload();
        }

        return Task.CompletedTask;
    }

    /// <summary>Names, sizes and times of the published definition files and of rules.yaml (drafts do not count).</summary>
    private static string Fingerprint(string folder)
    {
        var definitions = Path.Combine(folder, "definitions");
        var files = (Directory.Exists(definitions) ? Directory.EnumerateFiles(definitions, "*.json") : [])
            .Append(Path.Combine(folder, "rules.yaml"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => FormattableString.Invariant($"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
        return string.Join('|', files);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The workflows folder did not load after a change; the definitions in use stay.")]
    private static partial void ReloadFailed(ILogger logger, Exception exception);
}
