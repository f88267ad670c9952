namespace Workflow.Definitions.Agencies;

/// <summary>What a piece of an agency cell was recognised as.</summary>
public enum AgencyMentionKind
{
    /// <summary>One agency: "Sở Nội vụ".</summary>
    Agency,

    /// <summary>A group: "UBND cấp huyện".</summary>
    Group,

    /// <summary>A vague mention that names nobody: "các cơ quan có liên quan".</summary>
    Vague,
}

/// <summary>One recognised piece of a cell, in the order the cell gives it.</summary>
/// <param name="Kind">What the piece is.</param>
/// <param name="Text">The piece as the cell writes it (NFC), without leading fillers such as "các" or "và": "Sở TTTT", "sở, ban, ngành", or for a distributive list "Tư pháp".</param>
/// <param name="Agency">The agency, for <see cref="AgencyMentionKind.Agency"/>.</param>
/// <param name="Group">The group, for <see cref="AgencyMentionKind.Group"/>.</param>
public sealed record AgencyMention(AgencyMentionKind Kind, string Text, Agency? Agency, AgencyGroup? Group)
{
    /// <summary>
    /// For an agency that had ended by the date the cell was resolved on, who held its duties that day (its successors);
    /// <c>null</c> when the agency itself did.
    /// </summary>
    public IReadOnlyList<Agency>? Holders { get; init; }

    /// <summary>True when the cell marks the name as a former body: "Sở Tài nguyên và Môi trường (cũ)".</summary>
    public bool Former { get; init; }
}

/// <summary>What an <see cref="AgencyCellNote"/> records.</summary>
public enum AgencyCellNoteKind
{
    /// <summary>A vague mention ("các đơn vị liên quan") was recognised; it names no agency.</summary>
    VagueMention,

    /// <summary>Text in parentheses was skipped: "Sở Nội vụ (Chỉ số CCHC, SIPAS, PAPI)".</summary>
    IgnoredParenthetical,

    /// <summary>A clause narrowing the previous name was skipped: "Sở, ngành <u>được giao chủ trì soạn thảo văn bản</u>".</summary>
    Qualifier,

    /// <summary>The agency named had ended by the cell's date; its successors hold the duty: "Sở Thông tin và Truyền thông (cũ)".</summary>
    Succession,
}

/// <summary>Something the resolver skipped or noticed that is not an error.</summary>
/// <param name="Kind">What was noticed.</param>
/// <param name="Text">The text concerned (NFC).</param>
/// <param name="Message">A sentence for the coordinator (Vietnamese).</param>
public sealed record AgencyCellNote(AgencyCellNoteKind Kind, string Text, string Message);

/// <summary>A part of a cell that names no known agency, group or vague mention.</summary>
/// <param name="Text">The unknown text exactly as the cell writes it (NFC, trimmed).</param>
/// <param name="Message">What is wrong and what to do, in Vietnamese, without file, row or column (the caller adds them).</param>
/// <param name="Suggestions">Up to three known names closest to <paramref name="Text"/>, closest first; may be empty.</param>
public sealed record AgencyCellProblem(string Text, string Message, IReadOnlyList<string> Suggestions);

/// <summary>
/// The result of <see cref="AgencyDirectory.Resolve(string?)"/>: which agencies and groups a cell names, in order of
/// first mention, plus notes and problems. A cell with no problem may still name nobody (an empty cell, or
/// only "các cơ quan có liên quan").
/// </summary>
public sealed class AgencyCellResolution
{
    internal AgencyCellResolution(
        string cell,
        IReadOnlyList<AgencyMention> mentions,
        IReadOnlyList<AgencyCellNote> notes,
        IReadOnlyList<AgencyCellProblem> problems,
        Func<AgencyGroup, IReadOnlyList<Agency>> membersOf)
    {
        Cell = cell;
        Mentions = mentions;
        Notes = notes;
        Problems = problems;

        var agencies = new List<Agency>();
        var groups = new List<AgencyGroup>();
        foreach (var mention in mentions)
        {
            foreach (var agency in mention.Holders ?? (mention.Agency is { } named ? [named] : []))
            {
                if (!agencies.Contains(agency))
                {
                    agencies.Add(agency);
                }
            }

            if (mention.Group is { } group && !groups.Contains(group))
            {
                groups.Add(group);
            }
        }

        var expanded = new List<Agency>(agencies);
        foreach (var group in groups)
        {
            foreach (var member in membersOf(group))
            {
                if (!expanded.Contains(member))
                {
                    expanded.Add(member);
                }
            }
        }

        Agencies = agencies.AsReadOnly();
        Groups = groups.AsReadOnly();
        ExpandedAgencies = expanded.AsReadOnly();
    }

    /// <summary>The cell as given (NFC; <c>null</c> became "").</summary>
    public string Cell { get; }

    /// <summary>Every recognised piece, in cell order, repeats included.</summary>
    public IReadOnlyList<AgencyMention> Mentions { get; }

    /// <summary>The agencies named one by one, without repeats, in order of first mention; an agency that had ended by the resolution's date is replaced by its successors (<see cref="AgencyMention.Holders"/>).</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>The groups named, without repeats, in order of first mention.</summary>
    public IReadOnlyList<AgencyGroup> Groups { get; }

    /// <summary><see cref="Agencies"/> followed by the members of <see cref="Groups"/>, without repeats.</summary>
    public IReadOnlyList<Agency> ExpandedAgencies { get; }

    /// <summary>Vague mentions, skipped parentheticals and qualifiers.</summary>
    public IReadOnlyList<AgencyCellNote> Notes { get; }

    /// <summary>Unknown names, each with suggestions. Empty when the whole cell was understood.</summary>
    public IReadOnlyList<AgencyCellProblem> Problems { get; }

    /// <summary>True when some part of the cell was not understood.</summary>
    public bool HasProblems => Problems.Count > 0;

    /// <summary>True when the cell holds nothing: no mention and no problem (blank, or only punctuation).</summary>
    public bool IsEmpty => Mentions.Count == 0 && Problems.Count == 0;

    /// <summary>True when the cell names at least one agency or group (a vague mention alone does not count).</summary>
    public bool NamesSomeone => Agencies.Count > 0 || Groups.Count > 0;
}
