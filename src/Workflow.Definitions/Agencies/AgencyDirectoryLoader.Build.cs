using YamlDotNet.Core;

namespace Workflow.Definitions.Agencies;

/// <summary>The directory from its drafts: ids unique across files, group members that are agencies, then the objects.</summary>
internal static partial class AgencyDirectoryLoader
{
    private static AgencyDirectory Build(Context context, PhraseDraft phrases, List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts, List<ChangeDraft> changes)
    {
        CheckIds(context, agencyDrafts, groupDrafts);
        var known = new KnownIds(agencyDrafts, groupDrafts);
        ApplyChanges(context, agencyDrafts, changes, known);
        CheckSuccessors(context, agencyDrafts, known);
        CheckGroups(context, groupDrafts, known);
        var spellings = new SpellingTable(context, phrases);
        spellings.AddAll(agencyDrafts, groupDrafts);

        // Objects: the constructors check again; anything they reject becomes an error on the entry's line.
        var agencies = new List<Agency>();
        foreach (var draft in agencyDrafts.Where(a => a.IsComplete))
        {
            try
            {
                var succession = draft.Succession is { Valid: true, Ended: { } ended } s
                    ? new AgencySuccession(ended.PlusDays(1), [.. s.Successors.Select(x => new AgencyId(x.Id))], s.Mode, s.EndedBy!, s.Unconfirmed, s.Note)
                    : null;
                agencies.Add(new Agency(new AgencyId(draft.Id!), draft.Name!, draft.ShortName, draft.Kind!.Value, draft.Email!, draft.Aliases.Select(a => a.Text))
                {
                    Began = draft.History.Began,
                    Ended = succession is null ? null : draft.Succession!.Ended,
                    Succession = succession,
                    Source = draft.History.CreatedBy,
                    Unconfirmed = draft.History.Unconfirmed,
                    Note = draft.History.Note,
                });
            }
            catch (ArgumentException ex)
            {
                context.Error(draft.Source, draft.Start, $"cơ quan \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
            }
        }

        var groups = new List<AgencyGroup>();
        foreach (var draft in groupDrafts.Where(g => g.Id is not null && g.Name is not null && g.KindsValid))
        {
            try
            {
                groups.Add(new AgencyGroup(new AgencyId(draft.Id!), draft.Name!, draft.Members.Where(m => known.Agencies.Contains(m.Id)).Select(m => new AgencyId(m.Id)), draft.Kinds, draft.Aliases.Select(a => a.Text), draft.Unlisted));
            }
            catch (ArgumentException ex)
            {
                if (!context.Errors.Any(e => e.Source == draft.Source && e.Line == (int)draft.Start.Line))
                {
                    context.Error(draft.Source, draft.Start, $"nhóm \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            throw AgencyDirectoryError.ToException(context.Errors);
        }

        var agencyByDraft = agencyDrafts.Where(a => a.IsComplete).Zip(agencies).ToDictionary(p => p.First, p => p.Second);
        var targets = new Dictionary<string, AgencyMatchTarget>(StringComparer.Ordinal);
        foreach (var (draft, agency) in agencyByDraft)
        {
            targets[$"cơ quan \"{agency.Id}\""] = new AgencyMatchTarget(AgencyMentionKind.Agency, agency, null, agency.Name);
        }

        foreach (var group in groups)
        {
            targets[$"nhóm \"{group.Id}\""] = new AgencyMatchTarget(AgencyMentionKind.Group, null, group, group.Name);
        }

        var phraseSet = new AgencyPhrases(
            [.. phrases.Vague.Select(v => v.Text)],
            [.. phrases.Qualifiers],
            [.. phrases.Fillers],
            [.. phrases.Suffixes],
            [.. phrases.Distributive],
            phrases.Abbreviations);
        return new AgencyDirectory(agencies.AsReadOnly(), groups.AsReadOnly(), phraseSet, spellings.Names(agencyByDraft, targets));
    }

    /// <summary>Ids: unique across agencies and groups, across every file.</summary>
    private static void CheckIds(Context context, List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts)
    {
        var ids = new Dictionary<string, (string What, string Source, Mark Where)>(StringComparer.Ordinal);
        foreach (var (id, source, idMark, what) in agencyDrafts.Select(a => (a.Id, a.Source, a.IdMark, "cơ quan")).Concat(groupDrafts.Select(g => (g.Id, g.Source, g.IdMark, "nhóm"))))
        {
            if (id is null)
            {
                continue;
            }

            if (ids.TryGetValue(id, out var first))
            {
                context.Error(source, idMark, $"mã \"{id}\" bị trùng: {first.What} ở {Where(first.Source, first.Where, source)} đã dùng mã này; đặt mã khác cho {what} này.");
            }
            else
            {
                ids.Add(id, (what, source, idMark));
            }
        }
    }

    /// <summary>Group members must be agencies; a group lists members or kinds, or says it is unlisted.</summary>
    private static void CheckGroups(Context context, List<GroupDraft> groupDrafts, KnownIds known)
    {
        foreach (var group in groupDrafts)
        {
            foreach (var (member, mark) in group.Members)
            {
                if (known.Agencies.Contains(member))
                {
                    continue;
                }

                var hint = known.Hint(member, "đó là một nhóm; hãy ghi các kinds hoặc members của nhóm đó vào đây.", "hãy thêm cơ quan này vào \"agencies:\" hoặc sửa mã.");
                context.Error(group.Source, mark, $"nhóm \"{group.Id}\" có thành viên \"{member}\" không phải mã cơ quan nào: {hint}");
            }

            if (group.Unlisted && (group.Members.Count > 0 || group.Kinds.Count > 0))
            {
                context.Error(group.Source, group.Start, $"nhóm \"{group.Id}\" ghi \"unlisted: true\" nhưng lại có members hoặc kinds; bỏ một trong hai.");
            }
            else if (!group.Unlisted && group.Members.Count == 0 && group.Kinds.Count == 0 && group.KindsValid)
            {
                context.Error(group.Source, group.Start, $"nhóm \"{group.Id}\" không có \"members:\" lẫn \"kinds:\"; hãy liệt kê, hoặc ghi \"unlisted: true\" nếu danh bạ không mô tả các thành viên của nhóm.");
            }
        }
    }

    private static string? Closest(string id, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = AgencyText.EditDistance(id, candidate, 4);
            if (distance <= 3 && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string StripParameter(string message)
    {
        var cut = message.IndexOf(" (Parameter ", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
    }

    /// <summary>The ids of the drafts, and what to say of an id that names no agency.</summary>
    private sealed class KnownIds(List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts)
    {
        public HashSet<string> Agencies { get; } = agencyDrafts.Where(a => a.Id is not null).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Groups { get; } = groupDrafts.Where(g => g.Id is not null).Select(g => g.Id!).ToHashSet(StringComparer.Ordinal);

        /// <summary>Each agency id's first draft.</summary>
        public Dictionary<string, AgencyDraft> ById { get; } = agencyDrafts.Where(a => a.Id is not null).GroupBy(a => a.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        /// <summary>Why <paramref name="id"/> names no agency: <paramref name="ifGroup"/> for a group's id, a close agency id to check, or <paramref name="otherwise"/>.</summary>
        public string Hint(string id, string ifGroup, string otherwise) =>
            Groups.Contains(id) ? ifGroup : Closest(id, Agencies) is { } close ? $"có phải là \"{close}\"?" : otherwise;
    }
}
