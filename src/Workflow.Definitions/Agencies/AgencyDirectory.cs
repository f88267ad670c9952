using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

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
/// <para>See <see cref="Resolve(string?)"/> for how a cell is read.</para>
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
        _resolver = new AgencyCellResolver(names, phrases, ReachedThrough, (agency, day) => SucceedOn([agency.Id], day));
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
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return AgencyDirectoryLoader.Load(reader, path, include =>
            {
                var full = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, include);
                return (new StreamReader(Path.Combine(folder, include), detectEncodingFromByteOrderMarks: true), full);
            });
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
    /// <param name="include">Opens a file named under <c>includes:</c> and says what to call it in errors; <c>null</c> refuses includes.</param>
    public static AgencyDirectory Load(TextReader reader, string sourceName = "agencies.yaml", Func<string, (TextReader Reader, string Source)>? include = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return AgencyDirectoryLoader.Load(reader, sourceName ?? "agencies.yaml", include);
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

    /// <summary>The members of <paramref name="group"/> in existence on <paramref name="on"/> ("UBND quận, huyện" is the nine district committees until 30/06/2025 and nobody after); every member when <paramref name="on"/> is null.</summary>
    public IReadOnlyList<Agency> MembersOf(AgencyGroup group, LocalDate? on) =>
        on is { } day ? [.. MembersOf(group).Where(a => a.IsActiveOn(day))] : MembersOf(group);

    /// <summary>
    /// Whom a cell naming <paramref name="group"/> reaches on <paramref name="on"/>: the group's members of that day.
    /// A group of commune committees on a day the directory lists none of them (in Cần Thơ, before the 103 communes
    /// and wards of 01/07/2025) is reached through the district committees of that day, which direct their communes:
    /// when those end, their duties pass to the communes formed on their territory (their successors), so a plan's
    /// "UBND xã, phường, thị trấn" reaches the new communes from that day. Without a day, every member.
    /// </summary>
    public IReadOnlyList<Agency> ReachedThrough(AgencyGroup group, LocalDate? on)
    {
        ArgumentNullException.ThrowIfNull(group);
        var members = MembersOf(group, on);
        if (on is not { } day || !group.Kinds.Contains(AgencyKind.CommuneCommittee) || members.Any(m => m.Kind == AgencyKind.CommuneCommittee))
        {
            return members;
        }

        return [.. members.Concat(Agencies.Where(a => a.Kind == AgencyKind.DistrictCommittee && a.IsActiveOn(day))).Distinct()];
    }

    /// <summary>
    /// Who holds the duties of <paramref name="leads"/> on <paramref name="day"/>: each agency that had ended by then is
    /// replaced by its successors (the first listed when its duties were divided, every one when each took its own
    /// territory), along the whole chain. <c>null</c> when no lead had ended (nothing to hand over). Unknown ids stay.
    /// </summary>
    public LeadSuccession? SucceedOn(IReadOnlyList<AgencyId> leads, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var result = new List<AgencyId>();
        var handovers = new List<AgencyHandover>();
        foreach (var lead in leads)
        {
            Follow(lead, 0);
        }

        return handovers.Count == 0 ? null : new LeadSuccession(result.AsReadOnly(), handovers.AsReadOnly());

        void Follow(AgencyId id, int depth)
        {
            if (!_agencies.TryGetValue(id, out var agency) || agency.Succession is not { } succession || day < succession.On || depth > _agencies.Count)
            {
                if (!result.Contains(id))
                {
                    result.Add(id);
                }

                return;
            }

            var to = succession.Mode == HandoverMode.All ? succession.Successors : succession.Successors.Take(1);
            handovers.Add(new AgencyHandover(agency, [.. to.Select(Get)], succession));
            foreach (var next in to)
            {
                Follow(next, depth + 1);
            }
        }
    }

    /// <summary>
    /// The agencies a coordinator may pick for a milestone first led by <paramref name="former"/>: the successors, on
    /// <paramref name="day"/>, of every former lead whose duties were divided among several. Empty when there is no choice.
    /// </summary>
    public IReadOnlyList<Agency> SuccessorChoices(IReadOnlyList<AgencyId> former, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(former);
        var choices = new List<Agency>();
        foreach (var id in former)
        {
            if (SucceedOn([id], day) is not { } succession)
            {
                continue;
            }

            foreach (var handover in succession.Handovers.Where(h => h.Succession.NeedsChoice))
            {
                foreach (var candidate in handover.Succession.Successors)
                {
                    foreach (var holder in SucceedOn([candidate], day)?.Leads ?? [candidate])
                    {
                        if (TryGet(holder, out var agency) && !choices.Contains(agency))
                        {
                            choices.Add(agency);
                        }
                    }
                }
            }
        }

        return choices.AsReadOnly();
    }

    /// <summary>
    /// The lead of a milestone as people read it: the agency's name, and for one whose duties passed on, the name it
    /// had with the holders of today: "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)".
    /// </summary>
    /// <param name="former">The lead the plan named, before any handover; empty when none happened.</param>
    /// <param name="current">Who holds the milestone now.</param>
    /// <param name="shortNames">Use the agencies' short names.</param>
    public string DescribeLead(IReadOnlyList<AgencyId> former, IReadOnlyList<AgencyId> current, bool shortNames = false)
    {
        ArgumentNullException.ThrowIfNull(former);
        ArgumentNullException.ThrowIfNull(current);
        string Name(AgencyId id) => TryGet(id, out var a) ? (shortNames ? a.ShortName : a.Name) : id.ToString();
        if (former.Count == 0)
        {
            return string.Join(", ", current.Select(Name));
        }

        var parts = new List<string>();
        var covered = new HashSet<AgencyId>();
        foreach (var id in former)
        {
            if (current.Contains(id))
            {
                parts.Add(Name(id));
                covered.Add(id);
                continue;
            }

            var reached = current.Where(c => Reaches(id, c)).ToList();
            covered.UnionWith(reached);
            parts.Add(reached.Count == 0 ? Name(id) : $"{Name(id)} (nay là {string.Join(", ", reached.Select(Name))})");
        }

        parts.AddRange(current.Where(c => !covered.Contains(c)).Select(Name));
        return string.Join(", ", parts);
    }

    /// <summary>True when <paramref name="to"/> is among the successors of <paramref name="from"/>, directly or along a chain.</summary>
    public bool Reaches(AgencyId from, AgencyId to)
    {
        var seen = new HashSet<AgencyId>();
        var queue = new Queue<AgencyId>([from]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || !_agencies.TryGetValue(id, out var agency) || agency.Succession is not { } succession)
            {
                continue;
            }

            foreach (var next in succession.Successors)
            {
                if (next == to)
                {
                    return true;
                }

                queue.Enqueue(next);
            }
        }

        return false;
    }

    /// <summary>The handover a timeline records: "Sở Thông tin và Truyền thông kết thúc ngày 28/02/2025; từ 01/03/2025 nhiệm vụ giao cho Sở Khoa học và Công nghệ (Nghị định …)".</summary>
    public static string DescribeHandover(AgencyHandover handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        var s = handover.Succession;
        var text = $"{handover.From.Name} kết thúc ngày {s.On.PlusDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; từ {s.On.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} nhiệm vụ giao cho {string.Join(", ", handover.To.Select(a => a.Name))} (căn cứ: {s.Source})";
        if (s.NeedsChoice)
        {
            var others = s.Successors.Skip(1).Select(id => id.ToString());
            text += $"; nhiệm vụ của cơ quan cũ được chia cho nhiều cơ quan, điều phối viên cần chọn một (các lựa chọn khác: {string.Join(", ", others)})";
        }

        if (s.Unconfirmed)
        {
            text += "; thông tin chưa được kiểm chứng đầy đủ" + (s.Note is null ? string.Empty : $": {s.Note}");
        }

        return text + ".";
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
    public AgencyCellResolution Resolve(string? cell) => _resolver.Resolve(cell, null);

    /// <summary>
    /// Reads an agency cell as the directory stood on <paramref name="on"/> (a plan's issue date): a spelling shared over
    /// time names the agency of that day; an agency created later is a problem; one that had ended, or that the cell marks
    /// "(cũ)", names its successors on that day (noted); groups expand to their members of that day.
    /// </summary>
    public AgencyCellResolution Resolve(string? cell, LocalDate on) => _resolver.Resolve(cell, on);

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
