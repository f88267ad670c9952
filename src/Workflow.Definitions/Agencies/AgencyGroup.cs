namespace Workflow.Definitions.Agencies;

/// <summary>
/// A set of agencies that plans name as one, such as "Sở, ban, ngành thành phố" (all departments) or
/// "UBND cấp huyện" (all district committees). Members are given by kind, by explicit id, or both;
/// <see cref="AgencyDirectory.MembersOf(AgencyGroup)"/> lists them.
/// </summary>
/// <remarks>
/// <para>A group may select a kind that no listed agency has: "UBND xã, phường, thị trấn" selects
/// <see cref="AgencyKind.CommuneCommittee"/>, but the directory does not list the communes one by one, so
/// the group resolves (a cell naming it has no problem) and expands to no agency on such a day; a cell naming
/// it then reaches the district committees (<see cref="AgencyDirectory.ReachedThrough"/>).</para>
/// <para>An <see cref="IsUnlisted"/> group ("các bệnh viện", "các ấp, khu vực") names a set the directory
/// does not describe at all: it has neither kinds nor members and always expands to nothing.</para>
/// </remarks>
public sealed class AgencyGroup
{
    /// <summary>Builds a group.</summary>
    /// <param name="id">The stable id; shares the namespace of agency ids.</param>
    /// <param name="name">The canonical name, e.g. "Sở, ban, ngành thành phố".</param>
    /// <param name="members">Agencies included by id, in order.</param>
    /// <param name="kinds">Kinds whose agencies are all included.</param>
    /// <param name="aliases">Other spellings plans use.</param>
    /// <param name="isUnlisted">True when the members are not in the directory at all.</param>
    /// <exception cref="ArgumentException">
    /// A value is invalid, a listed group has neither members nor kinds, or an unlisted group has some.
    /// </exception>
    public AgencyGroup(AgencyId id, string name, IEnumerable<AgencyId>? members, IEnumerable<AgencyKind>? kinds, IEnumerable<string>? aliases = null, bool isUnlisted = false)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("a group needs an id", nameof(id));
        }

        var memberList = new List<AgencyId>();
        foreach (var member in members ?? [])
        {
            if (member.IsDefault)
            {
                throw new ArgumentException("a group member needs an id", nameof(members));
            }

            if (!memberList.Contains(member))
            {
                memberList.Add(member);
            }
        }

        var kindList = new List<AgencyKind>();
        foreach (var kind in kinds ?? [])
        {
            if (!Enum.IsDefined(kind))
            {
                throw new ArgumentException($"unknown agency kind {(int)kind}", nameof(kinds));
            }

            if (!kindList.Contains(kind))
            {
                kindList.Add(kind);
            }
        }

        if (isUnlisted && (memberList.Count > 0 || kindList.Count > 0))
        {
            throw new ArgumentException($"group '{id}' is unlisted, so it must have neither members nor kinds", nameof(isUnlisted));
        }

        if (!isUnlisted && memberList.Count == 0 && kindList.Count == 0)
        {
            throw new ArgumentException($"group '{id}' needs members or kinds (or to be marked unlisted)", nameof(members));
        }

        Id = id;
        Name = Agency.RequireText(name, nameof(name));
        Members = memberList.AsReadOnly();
        Kinds = kindList.AsReadOnly();
        Aliases = Agency.CleanAliases(aliases, nameof(aliases));
        IsUnlisted = isUnlisted;
    }

    /// <summary>The stable id, e.g. <c>so-ban-nganh</c>.</summary>
    public AgencyId Id { get; }

    /// <summary>The canonical name (NFC).</summary>
    public string Name { get; }

    /// <summary>Agencies included explicitly, in file order, without repeats.</summary>
    public IReadOnlyList<AgencyId> Members { get; }

    /// <summary>Kinds whose agencies are all included, without repeats.</summary>
    public IReadOnlyList<AgencyKind> Kinds { get; }

    /// <summary>Other spellings plans use (NFC, whitespace collapsed).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>True when the group's members are not described by the directory (it expands to nothing).</summary>
    public bool IsUnlisted { get; }

    /// <summary>True when <paramref name="agency"/> belongs to the group by id or by kind.</summary>
    public bool Includes(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return Members.Contains(agency.Id) || Kinds.Contains(agency.Kind);
    }

    /// <summary>"UBND cấp huyện [ubnd-cap-huyen]".</summary>
    public override string ToString() => $"{Name} [{Id}]";
}
