using NodaTime;
using YamlDotNet.Core;

namespace Workflow.Definitions.Agencies;

internal static partial class AgencyDirectoryLoader
{
    /// <summary>
    /// Every spelling of the directory (agencies' names and aliases, groups', vague phrases), folded: each names one
    /// thing at a time. Two agencies may share one only when they never existed on the same day (a ward of 2025 named
    /// like an older one): a cell then picks the one of its date.
    /// </summary>
    private sealed class SpellingTable(Context context, PhraseDraft phrases)
    {
        private readonly Dictionary<string, (string Owner, string Text, string Source, Mark Where, AgencyDraft? Agency)> spellings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<AgencyDraft>> versions = new(StringComparer.Ordinal);
        private readonly List<(IReadOnlyList<string> Words, string OwnerKey, Mark Where)> names = [];

        /// <summary>Records the spellings of every agency, group and vague phrase; a clash is an error on its line.</summary>
        public void AddAll(List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts)
        {
            foreach (var agency in agencyDrafts.Where(a => a.Id is not null))
            {
                var owner = $"cơ quan \"{agency.Id}\"";
                foreach (var (text, mark) in agency.Spellings())
                {
                    Add(text, agency.Source, mark, owner, owner, agency);
                }
            }

            foreach (var group in groupDrafts.Where(g => g.Id is not null))
            {
                var owner = $"nhóm \"{group.Id}\"";
                foreach (var (text, mark) in group.Spellings())
                {
                    Add(text, group.Source, mark, owner, owner, null);
                }
            }

            foreach (var (text, mark) in phrases.Vague)
            {
                Add(text, context.Source, mark, "danh sách \"vague:\"", "cách nói chung", null);
            }
        }

        /// <summary>Each spelling with what it names: the agency (or its versions over time), the group, or a vague phrase.</summary>
        public List<(IReadOnlyList<string> Words, AgencyMatchTarget Target)> Names(Dictionary<AgencyDraft, Agency> agencyByDraft, Dictionary<string, AgencyMatchTarget> targets)
        {
            var resolvedNames = new List<(IReadOnlyList<string> Words, AgencyMatchTarget Target)>();
            foreach (var (words, owner, _) in names)
            {
                var key = string.Join(' ', words);
                if (versions.TryGetValue(key, out var shared) && shared.Count > 1)
                {
                    var ordered = shared.Select(d => agencyByDraft[d]).OrderBy(a => a.Began ?? LocalDate.MinIsoValue).ToList();
                    resolvedNames.Add((words, new AgencyMatchTarget(AgencyMentionKind.Agency, ordered[^1], null, ordered[^1].Name) { Versions = ordered }));
                }
                else if (targets.TryGetValue(owner, out var target))
                {
                    resolvedNames.Add((words, target));
                }
                else
                {
                    resolvedNames.Add((words, new AgencyMatchTarget(AgencyMentionKind.Vague, null, null, spellings[key].Text)));
                }
            }

            return resolvedNames;
        }

            private void Add(string text, string source, Mark where, string ownerKey, string ownerLabel, AgencyDraft? agency)
            {
                var words = AgencyText.PhraseWords(text, phrases.Abbreviations);
                if (words.Length == 0)
                {
                    context.Error(source, where, $"\"{text}\" của {ownerLabel} không có chữ hay số nào ngoài phần trong ngoặc; hãy xóa.");
                    return;
                }

                var key = string.Join(' ', words);
                if (spellings.TryGetValue(key, out var first))
                {
                    if (first.Owner == ownerKey)
                    {
                        return;
                    }

                    if (agency is not null && first.Agency is not null && versions.TryGetValue(key, out var others))
                    {
                        if (others.Contains(agency))
                        {
                            return;
                        }

                        if (others.Find(o => Overlap(o, agency)) is not { } overlapping)
                        {
                            others.Add(agency);
                            return;
                        }

                        context.Error(source, where, $"\"{text}\" của {ownerLabel} trùng với \"{first.Text}\" của cơ quan \"{overlapping.Id}\" ({Where(first.Source, first.Where, source)}) và hai cơ quan cùng hoạt động trong {Period(overlapping)} và {Period(agency)}: thời gian hoạt động chồng nhau; sửa \"began\"/\"ended\" hoặc xóa cách viết ở một bên.");
                        return;
                    }

                    context.Error(source, where, $"\"{text}\" của {ownerLabel} trùng với \"{first.Text}\" của {first.Owner} ({Where(first.Source, first.Where, source)}) khi bỏ qua chữ hoa, dấu, dấu câu và chữ viết tắt; mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm, hãy xóa ở một bên.");
                    return;
                }

                spellings.Add(key, (ownerKey, text, source, where, agency));
                if (agency is not null)
                {
                    versions[key] = [agency];
                }

                names.Add((words, ownerKey, where));
            }
    }
}
