using System.Diagnostics.CodeAnalysis;

namespace Workflow.Definitions.Workflows;

/// <summary>
/// The workflow definitions of workflows/definitions: every version of every definition that read
/// without a problem, and the problems of the files that did not.
/// </summary>
/// <remarks>
/// <para>A broken file does not stop the others: it contributes no definition and its problems are in
/// <see cref="Problems"/>. So a coordinator's mistake in a new version refuses that version only, and
/// instances keep running the versions they started with (the runtime stores the version it uses).
/// Callers that want all or nothing (a check command, a test) call <see cref="ThrowIfProblems"/>.</para>
/// <para>Two files with the same definitionId and version are both refused: which one is meant is not
/// for the program to guess.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<(string DefinitionId, int Version), WorkflowDefinition> _byVersion;
    private readonly Dictionary<string, WorkflowDefinition> _latestPublished;

    private DefinitionCatalog(string source, IReadOnlyList<WorkflowDefinition> all, IReadOnlyList<DefinitionProblem> problems)
    {
        Source = source;
        All = all;
        Problems = problems;
        _byVersion = all.ToDictionary(d => (d.DefinitionId, d.Version));
        _latestPublished = all
            .Where(d => d.IsPublished)
            .GroupBy(d => d.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!, StringComparer.Ordinal);
    }

    /// <summary>The directory (or description) the catalog was made from, for messages.</summary>
    public string Source { get; }

    /// <summary>Every definition, by definitionId then version.</summary>
    public IReadOnlyList<WorkflowDefinition> All { get; }

    /// <summary>Every problem of every refused file, file by file; empty when all files read.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>
    /// Reads every <c>*.json</c> file of <paramref name="directory"/> (not its subdirectories; README.md and
    /// other files are ignored), in file-name order.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="check">More checks a definition must pass to run (the host's: expressions parse, recipients exist);
    /// a definition with any problem is refused like a file that does not read.</param>
    /// <exception cref="DataFileException">The directory does not exist.</exception>
    public static DefinitionCatalog LoadDirectory(string directory, Func<WorkflowDefinition, IEnumerable<DefinitionProblem>>? check = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DataFileException(directory, null, "không có thư mục định nghĩa quy trình này (workflows/definitions).");
        }

        IEnumerable<DefinitionReadResult> results = Directory.EnumerateFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(WorkflowDefinitionReader.ReadFile)
            .Select(r => Checked(r, check));
        return Build(directory, results);
    }

    /// <summary>A catalog of definitions already read (a simulation's own file, tests).</summary>
    /// <exception cref="ArgumentException">Two definitions have the same definitionId and version.</exception>
    public static DefinitionCatalog Create(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        DefinitionCatalog catalog = Build("(trong bộ nhớ)", definitions.Select(d => new DefinitionReadResult(d, [])));
        return catalog.Problems.Count == 0
            ? catalog
            : throw new ArgumentException(string.Join(Environment.NewLine, catalog.Problems), nameof(definitions));
    }

    /// <summary>The latest published version of <paramref name="definitionId"/>: what new instances run.</summary>
    /// <exception cref="KeyNotFoundException">No published version; the message, in Vietnamese, says what there is.</exception>
    public WorkflowDefinition Get(string definitionId) =>
        TryGet(definitionId, out WorkflowDefinition? definition)
            ? definition
            : throw new KeyNotFoundException(Missing(definitionId));

    /// <summary>Version <paramref name="version"/> of <paramref name="definitionId"/>, published or not: what a
    /// running instance started with.</summary>
    /// <exception cref="KeyNotFoundException">No such version.</exception>
    public WorkflowDefinition Get(string definitionId, int version) =>
        TryGet(definitionId, version, out WorkflowDefinition? definition)
            ? definition
            : throw new KeyNotFoundException($"Không có phiên bản {version} của quy trình \"{definitionId}\" trong {Source}.");

    public bool TryGet(string definitionId, [NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return _latestPublished.TryGetValue(definitionId, out definition);
    }

    public bool TryGet(string definitionId, int version, [NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return _byVersion.TryGetValue((definitionId, version), out definition);
    }

    /// <summary>Throws when any file was refused, listing every problem.</summary>
    /// <exception cref="DataFileException">Some file had problems; one line per problem.</exception>
    public void ThrowIfProblems()
    {
        if (Problems.Count > 0)
        {
            throw new DataFileException(Source, null,
                $"có {Problems.Count} lỗi trong định nghĩa quy trình:{Environment.NewLine}{string.Join(Environment.NewLine, Problems)}");
        }
    }

    private string Missing(string definitionId)
    {
        int[] versions = [.. All.Where(d => d.DefinitionId == definitionId).Select(d => d.Version)];
        string published = string.Join(", ", _latestPublished.Keys.Order(StringComparer.Ordinal));
        return versions.Length > 0
            ? $"Quy trình \"{definitionId}\" chưa có phiên bản nào được phát hành (isPublished: true) trong {Source}; có các phiên bản {string.Join(", ", versions)}."
            : $"Không có quy trình \"{definitionId}\" trong {Source}; các quy trình đã phát hành: {(published.Length > 0 ? published : "không có")}.";
    }

    /// <summary><paramref name="read"/>, refused when its definition cannot run (<see cref="WorkflowDefinition.RunProblems"/>)
    /// or fails <paramref name="check"/>.</summary>
    public static DefinitionReadResult Checked(DefinitionReadResult read, Func<WorkflowDefinition, IEnumerable<DefinitionProblem>>? check)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Definition is not { } definition)
        {
            return read;
        }

        DefinitionProblem[] problems = [.. definition.RunProblems(), .. check?.Invoke(definition) ?? []];
        return problems.Length == 0 ? read : new DefinitionReadResult(null, problems);
    }

    private static DefinitionCatalog Build(string source, IEnumerable<DefinitionReadResult> results)
    {
        var problems = new List<DefinitionProblem>();
        var read = new List<WorkflowDefinition>();
        foreach (DefinitionReadResult result in results)
        {
            problems.AddRange(result.Problems);
            if (result.Definition is not null)
            {
                read.Add(result.Definition);
            }
        }

        var accepted = new List<WorkflowDefinition>();
        foreach (IGrouping<(string, int), WorkflowDefinition> same in read.GroupBy(d => (d.DefinitionId, d.Version)))
        {
            if (same.Count() == 1)
            {
                accepted.Add(same.First());
                continue;
            }

            foreach (WorkflowDefinition definition in same)
            {
                string others = string.Join(", ", same.Where(d => !ReferenceEquals(d, definition)).Select(d => d.Source));
                problems.Add(new DefinitionProblem(definition.Source, null,
                    $"quy trình \"{definition.DefinitionId}\" phiên bản {definition.Version} cũng có trong {others}; mỗi phiên bản chỉ ở một tệp. Hãy tăng \"version\" của bản mới."));
            }
        }

        accepted.Sort((a, b) => string.CompareOrdinal(a.DefinitionId, b.DefinitionId) is var c && c != 0 ? c : a.Version.CompareTo(b.Version));
        return new DefinitionCatalog(source, accepted.AsReadOnly(), problems.AsReadOnly());
    }
}
