using System.Diagnostics.CodeAnalysis;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// The agencies and groups of <c>workflows/agencies.yaml</c>, and the resolver of agency cells
/// ("Sở, ngành TP, UBND quận, huyện") against them. Immutable and thread-safe once loaded.
/// </summary>
/// <remarks>
/// <para>Matching is case-, diacritic- (so "So Noi vu" is "Sở Nội vụ"), NFC/NFD-, whitespace- and
/// line-break-insensitive, and ignores punctuation between the words of a name. Abbreviations listed in the
/// file (UBND, TP, VP...) are expanded on both sides, so "VP UBND TP" and "Văn phòng Ủy ban nhân dân thành phố"
/// are one spelling.</para>
/// <para>See <see cref="Resolve"/> for how a cell is read.</para>
/// </remarks>
public sealed class AgencyDirectory
{
    private readonly Dictionary<AgencyId, Agency> _agencies;
    private readonly Dictionary<AgencyId, AgencyGroup> _groups;
    private readonly Dictionary<AgencyId, IReadOnlyList<Agency>> _members;
    private readonly AgencyCellResolver _resolver;

    internal AgencyDirectory(IReadOnlyList<Agency> agencies, IReadOnlyList<AgencyGroup> groups, AgencyPhrases phrases, IEnumerable<(IReadOnlyList<string> Words, AgencyMatchTarget Target)> names)
    {
        Agencies = agencies;
        Groups = groups;
        _agencies = agencies.ToDictionary(a => a.Id);
        _groups = groups.ToDictionary(g => g.Id);
        _members = groups.ToDictionary(g => g.Id, g => (IReadOnlyList<Agency>)Expand(g).AsReadOnly());
        _resolver = new AgencyCellResolver(names, phrases, MembersOf);
    }

    /// <summary>Every agency, in file order.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Every group, in file order.</summary>
    public IReadOnlyList<AgencyGroup> Groups { get; }

    /// <summary>Loads a directory file.</summary>
    /// <param name="path">The YAML file; its path is quoted in errors.</param>
    /// <exception cref="DataFileException">
    /// The file cannot be read or is invalid. <see cref="DataFileException.File"/> is <paramref name="path"/>,
    /// <see cref="DataFileException.Line"/> the line of the first error, and the message lists every error found, one a
    /// line, each with its line and what to fix (duplicate id, a spelling naming two agencies, unknown kind, bad email,
    /// unknown group member...). Messages are in Vietnamese, for the coordinator who edits the file.
    /// </exception>
    public static AgencyDirectory Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return AgencyDirectoryLoader.Load(reader, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, null, "không có tệp này.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, $"không đọc được tệp: {ex.Message}");
        }
    }

    /// <summary>Loads a directory from YAML text.</summary>
    /// <param name="reader">The YAML.</param>
    /// <param name="sourceName">What to call the source in errors.</param>
    /// <exception cref="DataFileException">The YAML is invalid; see <see cref="Load(string)"/>.</exception>
    public static AgencyDirectory Load(TextReader reader, string sourceName = "agencies.yaml")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return AgencyDirectoryLoader.Load(reader, sourceName ?? "agencies.yaml");
    }

    /// <summary>The agency with this id.</summary>
    /// <exception cref="KeyNotFoundException">No agency has this id (groups are not agencies; see <see cref="TryGetGroup"/>).</exception>
    public Agency Get(AgencyId id) =>
        _agencies.TryGetValue(id, out var agency)
            ? agency
            : throw new KeyNotFoundException(_groups.ContainsKey(id)
                ? $"'{id}' is a group, not an agency"
                : $"no agency has the id '{id}' in the directory");

    /// <summary>The agency with this id, if any. <c>default(AgencyId)</c> finds nothing.</summary>
    public bool TryGet(AgencyId id, [NotNullWhen(true)] out Agency? agency)
    {
        if (id.IsDefault)
        {
            agency = null;
            return false;
        }

        return _agencies.TryGetValue(id, out agency);
    }

    /// <summary>The group with this id, if any.</summary>
    public bool TryGetGroup(AgencyId id, [NotNullWhen(true)] out AgencyGroup? group)
    {
        if (id.IsDefault)
        {
            group = null;
            return false;
        }

        return _groups.TryGetValue(id, out group);
    }

    /// <summary>
    /// The agencies of a group: explicit members in listed order, then agencies of the group's kinds in directory
    /// order, without repeats. Empty for unlisted groups and for kinds no agency has (the communes).
    /// </summary>
    public IReadOnlyList<Agency> MembersOf(AgencyGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _members.TryGetValue(group.Id, out var members) && ReferenceEquals(_groups[group.Id], group) ? members : Expand(group).AsReadOnly();
    }

    /// <summary>
    /// Reads an agency cell as a plan writes it and says which agencies and groups it names.
    /// Never throws: <c>null</c>, blank and garbage cells give a resolution (empty, or with problems).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>Names are matched longest first over the whole cell, so names containing commas
    /// ("Sở, ngành TP", "UBND quận, huyện") are not split; separators (<c>, ; . - + /</c>, bullets) and fillers
    /// ("và", "các", "cùng", "và các", titles such as "Giám đốc") between names are skipped.</description></item>
    /// <item><description>"Các sở: Tư pháp, Tài chính, Thông tin và Truyền thông" distributes "Sở" over each item until an
    /// item is a full name of its own ("Văn phòng UBND thành phố"). After a name such as "Sở Tư pháp", a bare
    /// item that is not a name by itself ("Tài chính") is also read as "Sở Tài chính".</description></item>
    /// <item><description>Parentheses after a name are ignored (noted): "Sở Nội vụ (Chỉ số CCHC, SIPAS, PAPI)".
    /// A "(" never closed is a problem.</description></item>
    /// <item><description>Locality suffixes ("thành phố", "TP", "Cần Thơ", "tỉnh") after a name are skipped; qualifier
    /// clauses ("có liên quan", "được giao chủ trì...", "tuyển dụng viên chức") are skipped and noted.</description></item>
    /// <item><description>Vague mentions ("các cơ quan có liên quan", "các đơn vị liên quan") are recognised: no agency,
    /// no problem, a note.</description></item>
    /// <item><description>Anything else is a problem quoting the exact text and suggesting up to three close names.</description></item>
    /// </list>
    /// </remarks>
    public AgencyCellResolution Resolve(string? cell) => _resolver.Resolve(cell);

    private List<Agency> Expand(AgencyGroup group)
    {
        var members = new List<Agency>();
        foreach (var id in group.Members)
        {
            if (_agencies.TryGetValue(id, out var agency) && !members.Contains(agency))
            {
                members.Add(agency);
            }
        }

        foreach (var agency in Agencies)
        {
            if (group.Kinds.Contains(agency.Kind) && !members.Contains(agency))
            {
                members.Add(agency);
            }
        }

        return members;
    }
}
