using NodaTime;
using YamlDotNet.Core;

namespace Workflow.Definitions.Agencies;

/// <summary>The entries as read, with the place of each value, before they are checked and built.</summary>
internal static partial class AgencyDirectoryLoader
{
    private sealed class PhraseDraft
    {
        public Dictionary<string, string[]> Abbreviations { get; } = new(StringComparer.Ordinal);

        public List<string> Fillers { get; } = [];

        public List<string> Suffixes { get; } = [];

        public List<string> Qualifiers { get; } = [];

        public List<(string Text, Mark Where)> Vague { get; } = [];

        public List<(string Prefix, string Head)> Distributive { get; } = [];
    }

    private sealed class AgencyDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public HistoryDraft History { get; set; } = new(start, source);

        public string? Id { get; set; }

        public Mark IdMark { get; set; }

        public string? Name { get; set; }

        public Mark NameMark { get; set; }

        public string? ShortName { get; set; }

        public Mark ShortNameMark { get; set; }

        public AgencyKind? Kind { get; set; }

        public string? Email { get; set; }

        public List<(string Text, Mark Where)> Aliases { get; } = [];

        /// <summary>When and how the agency ended: its own "ended:" or a change of another file; null while it exists.</summary>
        public HistoryDraft? Succession { get; set; }

        public bool IsComplete => Id is not null && Name is not null && Kind is not null && Email is not null;

        public IEnumerable<(string Text, Mark Where)> Spellings()
        {
            if (Name is not null)
            {
                yield return (Name, NameMark);
            }

            if (!string.IsNullOrWhiteSpace(ShortName))
            {
                yield return (ShortName, ShortNameMark);
            }

            foreach (var alias in Aliases)
            {
                yield return alias;
            }
        }
    }

    private sealed class GroupDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public string? Id { get; set; }

        public Mark IdMark { get; set; }

        public string? Name { get; set; }

        public Mark NameMark { get; set; }

        public List<AgencyKind> Kinds { get; } = [];

        public bool KindsValid { get; set; } = true;

        public List<(string Id, Mark Where)> Members { get; } = [];

        public bool Unlisted { get; set; }

        public List<(string Text, Mark Where)> Aliases { get; } = [];

        public IEnumerable<(string Text, Mark Where)> Spellings()
        {
            if (Name is not null)
            {
                yield return (Name, NameMark);
            }

            foreach (var alias in Aliases)
            {
                yield return alias;
            }
        }
    }

    private sealed class HistoryDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public bool Valid { get; set; } = true;

        public LocalDate? Began { get; set; }

        public Mark BeganMark { get; set; }

        public LocalDate? Ended { get; set; }

        public Mark EndedMark { get; set; }

        public string? CreatedBy { get; set; }

        public string? EndedBy { get; set; }

        public List<(string Id, Mark Where)> Successors { get; } = [];

        public Mark SuccessorsMark { get; set; }

        public HandoverMode Mode { get; set; } = HandoverMode.One;

        public bool Unconfirmed { get; set; }

        public string? Note { get; set; }

        public bool HasEnd => Ended is not null;
    }

    private sealed record ChangeDraft(string? AgencyId, Mark AgencyMark, HistoryDraft History);
}
