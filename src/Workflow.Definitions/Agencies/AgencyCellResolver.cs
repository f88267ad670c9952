namespace Workflow.Definitions.Agencies;

/// <summary>
/// Resolves agency cells. Built once per directory; thread-safe (no mutable state after construction).
/// </summary>
/// <remarks>
/// The algorithm, over the folded tokens of the cell:
/// <list type="number">
/// <item><description>At each item start, skip separators; detect a distributive prefix ("Các sở: Tư pháp, Tài chính");
/// otherwise take the longest known name (agency alias, group alias or vague phrase) at this position or after
/// fillers ("và", "các", "cùng", "Giám đốc"...), whichever reaches further. Names may contain separators
/// ("UBND quận, huyện"), so cells are never split on commas first.</description></item>
/// <item><description>After a name, skip locality suffixes ("thành phố", "Cần Thơ", "tỉnh"), parentheticals (noted) and
/// qualifier clauses ("được giao chủ trì soạn thảo văn bản", noted) that run to the next separator followed by a known name.</description></item>
/// <item><description>Text that matches nothing, up to the next hard separator (<c>, ; . + |</c>, a colon or a parenthesis)
/// or the next known name, is a problem with suggestions.</description></item>
/// </list>
/// </remarks>
internal sealed partial class AgencyCellResolver
{
    private const int MaxSuggestedProblems = 50;
    private const int MaxSuggestionTextLength = 120;
    private static readonly string[] HardSeparators = [",", ";", ".", "+", "|", "…"];

    private readonly AgencyTrie<AgencyMatchTarget> _items = new();
    private readonly AgencyTrie<string> _qualifiers = new();
    private readonly AgencyTrie<string> _fillers = new();
    private readonly AgencyTrie<string> _suffixes = new();
    private readonly AgencyTrie<string[]> _distributive = new();
    private readonly List<string[]> _heads = [];
    private readonly List<(string Key, AgencyMatchTarget Target)> _suggestionKeys = [];
    private readonly IReadOnlyDictionary<string, string[]> _abbreviations;
    private readonly Func<AgencyGroup, NodaTime.LocalDate?, IReadOnlyList<Agency>> _membersOf;
    private readonly Func<Agency, NodaTime.LocalDate, LeadSuccession?> _succeed;

    public AgencyCellResolver(IEnumerable<(IReadOnlyList<string> Words, AgencyMatchTarget Target)> names, AgencyPhrases phrases, Func<AgencyGroup, NodaTime.LocalDate?, IReadOnlyList<Agency>> membersOf, Func<Agency, NodaTime.LocalDate, LeadSuccession?> succeed)
    {
        _abbreviations = phrases.Abbreviations;
        _membersOf = membersOf;
        _succeed = succeed;
        foreach (var (words, target) in names)
        {
            if (words.Count > 0 && _items.Add(words, target) is null)
            {
                _suggestionKeys.Add((string.Join(' ', words), target));
            }
        }

        AddAll(_qualifiers, phrases.Qualifiers);
        AddAll(_fillers, phrases.Fillers);
        AddAll(_suffixes, phrases.Suffixes);
        foreach (var (prefix, head) in phrases.Distributive)
        {
            var prefixWords = AgencyText.PhraseWords(prefix, _abbreviations, dropLeadingPlural: false);
            var headWords = AgencyText.PhraseWords(head, _abbreviations, dropLeadingPlural: false);
            if (prefixWords.Length > 0 && headWords.Length > 0)
            {
                _distributive.Add(prefixWords, headWords);
                if (!_heads.Exists(h => h.SequenceEqual(headWords)))
                {
                    _heads.Add(headWords);
                }
            }
        }
    }

    public AgencyCellResolution Resolve(string? cell, NodaTime.LocalDate? on)
    {
        var text = AgencyText.Sanitize(cell);
        var run = new Run(this, text, AgencyText.Tokenize(text, _abbreviations), on);
        run.Execute();
        return new AgencyCellResolution(text, run.Mentions, run.Notes, run.Problems, g => _membersOf(g, on));
    }

    private void AddAll(AgencyTrie<string> trie, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = AgencyText.PhraseWords(phrase, _abbreviations, dropLeadingPlural: false);
            if (words.Length > 0)
            {
                trie.Add(words, phrase);
            }
        }
    }

    private List<string> Suggest(string unknownText, IReadOnlyList<string>? head)
    {
        var variants = new List<string>();
        var words = AgencyText.PhraseWords(unknownText, _abbreviations);
        if (words.Length == 0)
        {
            return [];
        }

        variants.Add(string.Join(' ', words));
        if (head is not null)
        {
            variants.Add(string.Join(' ', head.Concat(words)));
        }

        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            if (variant.Length > MaxSuggestionTextLength)
            {
                continue;
            }

            var limit = Math.Max(2, (int)Math.Floor(variant.Length * 0.4));
            foreach (var (key, target) in _suggestionKeys)
            {
                var score = Score(variant, key, limit);
                if (score <= limit && (!best.TryGetValue(target.Display, out var previous) || score < previous))
                {
                    best[target.Display] = score;
                }
            }
        }

        return [.. best.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(3).Select(p => p.Key)];
    }

    /// <summary>Edit distance, softened for a known name that merely contains or starts with the unknown text.</summary>
    private static int Score(string unknown, string key, int limit)
    {
        // The edit distance is at least the difference in length: skip the table when that alone is too far.
        var score = Math.Abs(unknown.Length - key.Length) > limit ? limit + 1 : AgencyText.EditDistance(unknown, key, limit + 1);
        if (score > 1 && unknown.Length >= 4 && ContainsWords(key, unknown))
        {
            score = 1;
        }

        if (score > 1 && unknown.Contains(' ', StringComparison.Ordinal) && key.Length > unknown.Length)
        {
            score = Math.Min(score, AgencyText.EditDistance(unknown, key[..unknown.Length], limit) + 1);
        }

        return score;
    }

    /// <summary>True when <paramref name="words"/> occurs in <paramref name="text"/> as whole words.</summary>
    private static bool ContainsWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A recognised item: tokens [TextStart, End) matched <see cref="Target"/>.</summary>
    private readonly record struct Item(int TextStart, int End, AgencyMatchTarget Target, bool UsedHead);
}
