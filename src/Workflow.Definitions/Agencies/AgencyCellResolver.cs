namespace Workflow.Definitions.Agencies;

/// <summary>
/// The language knowledge of a directory besides names: vague phrases, qualifiers, fillers, locality
/// suffixes, distributive prefixes and abbreviations (all as written in <c>agencies.yaml</c>).
/// </summary>
internal sealed record AgencyPhrases(
    IReadOnlyList<string> Vague,
    IReadOnlyList<string> Qualifiers,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> Suffixes,
    IReadOnlyList<(string Prefix, string Head)> Distributive,
    IReadOnlyDictionary<string, string[]> Abbreviations)
{
    public static AgencyPhrases Empty { get; } = new([], [], [], [], [], new Dictionary<string, string[]>(StringComparer.Ordinal));
}

/// <summary>What a matched name stands for.</summary>
internal sealed record AgencyMatchTarget(AgencyMentionKind Kind, Agency? Agency, AgencyGroup? Group, string Display)
{
    /// <summary>Agencies that share the spelling at different times, oldest first (their validity never overlaps); empty when only <see cref="Agency"/> has it.</summary>
    public IReadOnlyList<Agency> Versions { get; init; } = [];

    /// <summary>The agency this spelling names on <paramref name="on"/>: the version in existence that day, else the latest that ended before it (its duties then pass on), else the earliest.</summary>
    public Agency? AgencyOn(NodaTime.LocalDate? on, bool former = false)
    {
        if (Versions.Count == 0 || on is not { } day)
        {
            return Agency;
        }

        if (!former && Versions.FirstOrDefault(v => v.IsActiveOn(day)) is { } current)
        {
            return current;
        }

        return Versions.LastOrDefault(v => v.Ended is { } ended && ended < day) ?? Versions[0];
    }
}

/// <summary>A word trie: longest match of folded words over a token list.</summary>
internal sealed class AgencyTrie<T>
    where T : class
{
    private readonly Node _root = new();

    /// <summary>Adds a word sequence; returns the value already stored for it, if any (the new one is then ignored).</summary>
    public T? Add(IReadOnlyList<string> words, T value)
    {
        var node = _root;
        foreach (var word in words)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(word, out var next))
            {
                next = new Node();
                node.Children.Add(word, next);
            }

            node = next;
        }

        if (node.Value is not null)
        {
            return node.Value;
        }

        node.Value = value;
        return null;
    }

    /// <summary>
    /// The longest entry matching the words at <paramref name="start"/>, after first walking
    /// <paramref name="prefix"/> (a distributive head such as "so"). Separators between matched words are
    /// skipped when <paramref name="skipSeparators"/> is set ("Sở, ngành" matches "Sở ngành"); a colon or a
    /// parenthesis always stops the match. At least one token of the text must be consumed.
    /// Returns the token index after the match, or -1.
    /// </summary>
    public int Longest(IReadOnlyList<AgencyToken> tokens, int start, IReadOnlyList<string>? prefix, bool skipSeparators, out T? value)
    {
        value = null;
        var node = _root;
        foreach (var word in prefix ?? [])
        {
            if (node.Children is null || !node.Children.TryGetValue(word, out node))
            {
                return -1;
            }
        }

        var best = -1;
        var consumed = false;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == AgencyTokenKind.Separator && consumed && skipSeparators)
            {
                continue;
            }

            if (token.Kind != AgencyTokenKind.Word || node.Children is null || !node.Children.TryGetValue(token.Text, out var next))
            {
                break;
            }

            node = next;
            consumed = true;
            if (node.Value is not null)
            {
                best = i + 1;
                value = node.Value;
            }
        }

        if (best < 0)
        {
            value = null;
        }

        return best;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public T? Value { get; set; }
    }
}

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
internal sealed class AgencyCellResolver
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

    /// <summary>One resolution: the mutable state of a single <see cref="Resolve"/> call.</summary>
    private sealed class Run(AgencyCellResolver resolver, string text, List<AgencyToken> tokens, NodaTime.LocalDate? on)
    {
        private string[]? _explicitHead;
        private int _explicitItems;
        private string _explicitPrefixText = string.Empty;
        private string[]? _implicitHead;
        private AgencyMatchTarget? _lastTarget;

        public List<AgencyMention> Mentions { get; } = [];

        public List<AgencyCellNote> Notes { get; } = [];

        public List<AgencyCellProblem> Problems { get; } = [];

        public void Execute()
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case AgencyTokenKind.Separator or AgencyTokenKind.Colon or AgencyTokenKind.Close:
                        i++;
                        continue;
                    case AgencyTokenKind.Open:
                        i = SkipParenthetical(i);
                        continue;
                    default:
                        break;
                }

                if (TryEnterDistributive(i, out var next))
                {
                    i = next;
                    continue;
                }

                var item = ParseItem(i);
                if (item is null)
                {
                    var fillersEnd = SkipFillers(i);
                    if (fillersEnd > i)
                    {
                        i = fillersEnd; // "và" before an unknown name, or dangling before a separator or the end
                        continue;
                    }

                    i = ReportUnknown(i);
                    continue;
                }

                Record(item.Value);
                i = AfterName(item.Value.End);
            }

            if (on is { } day)
            {
                for (var k = 0; k < Mentions.Count; k++)
                {
                    Mentions[k] = OnDay(Mentions[k], day);
                }
            }

            if (_explicitHead is not null && _explicitItems == 0)
            {
                Problems.Add(new AgencyCellProblem(
                    _explicitPrefixText,
                    $"\"{_explicitPrefixText}\" mở đầu một danh sách nhưng không có tên nào theo sau; ghi các tên sau dấu hai chấm, ví dụ \"Các sở: Tư pháp, Tài chính\".",
                    []));
            }
        }

        /// <summary>The mention as it stood on <paramref name="day"/>: an agency created later is a problem; one that had ended gives its duties to its successors (noted).</summary>
        private AgencyMention OnDay(AgencyMention mention, NodaTime.LocalDate day)
        {
            if (mention.Agency is not { } agency)
            {
                return mention;
            }

            if (agency.Began is { } began && began > day)
            {
                Problems.Add(new AgencyCellProblem(
                    mention.Text,
                    $"\"{mention.Text}\" ({agency.Name}) chỉ có từ ngày {Day(began)}, sau ngày ban hành kế hoạch ({Day(day)}); kiểm tra ngày ban hành, hoặc ghi tên cơ quan lúc đó.",
                    []));
                return mention;
            }

            if (agency.Ended is not { } ended || ended >= day || resolver._succeed(agency, day) is not { } succession)
            {
                return mention;
            }

            var holders = succession.Leads.Select(id => succession.Handovers.SelectMany(h => h.To).First(a => a.Id == id)).ToList();
            var last = succession.Handovers[^1].Succession;
            Notes.Add(new AgencyCellNote(
                AgencyCellNoteKind.Succession,
                mention.Text,
                $"\"{mention.Text}\": {agency.Name} đã kết thúc ngày {Day(ended)}; nhiệm vụ giao cho {string.Join(", ", holders.Select(h => h.Name))} ({last.Source})."
                + (succession.NeedsChoice ? " Nhiệm vụ được chia cho nhiều cơ quan: điều phối viên chọn một cho từng mốc." : string.Empty)));
            return mention with { Holders = holders };
        }

        private static string Day(NodaTime.LocalDate day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        private bool TryEnterDistributive(int i, out int next)
        {
            next = i;
            var prefixEnd = resolver._distributive.Longest(tokens, i, null, skipSeparators: true, out var head);
            if (prefixEnd < 0 || head is null)
            {
                return false;
            }

            var enter = prefixEnd < tokens.Count && tokens[prefixEnd].Kind == AgencyTokenKind.Colon;
            if (!enter)
            {
                var plain = ParseItem(i, allowHead: false);
                var withHead = Candidates(prefixEnd, head, headOnly: true);
                enter = withHead is not null && withHead.Value.End > (plain?.End ?? -1);
            }

            if (!enter)
            {
                return false;
            }

            _explicitHead = head;
            _explicitItems = 0;
            _explicitPrefixText = Span(i, prefixEnd);
            next = prefixEnd;
            return true;
        }

        private void Record(Item item)
        {
            var itemText = Span(item.TextStart, item.End);
            var target = item.Target;
            Mentions.Add(new AgencyMention(target.Kind, itemText, target.AgencyOn(on), target.Group));
            _lastTarget = target;
            if (target.Kind == AgencyMentionKind.Vague)
            {
                Notes.Add(new AgencyCellNote(AgencyCellNoteKind.VagueMention, itemText, $"\"{itemText}\" là cách nói chung, không chỉ cơ quan cụ thể nào."));
            }

            if (_explicitHead is not null)
            {
                if (item.UsedHead)
                {
                    _explicitItems++;
                    return;
                }

                _explicitHead = null; // a plain name ends the list: "Các sở: Tư pháp, Tài chính, Văn phòng UBND thành phố"
            }
            else if (item.UsedHead)
            {
                return; // "Sở Tư pháp, Tài chính và Nội vụ": the borrowed head stays for the next item
            }

            _implicitHead = null;
            if (target.Kind == AgencyMentionKind.Agency)
            {
                var words = new List<string>();
                for (var k = item.TextStart; k < item.End; k++)
                {
                    if (tokens[k].Kind == AgencyTokenKind.Word)
                    {
                        words.Add(tokens[k].Text);
                    }
                }

                _implicitHead = resolver._heads.Find(h => words.Count > h.Length && words.Take(h.Length).SequenceEqual(h));
            }
        }

        /// <summary>Skips locality suffixes, parentheticals and qualifier clauses after a name.</summary>
        private int AfterName(int i)
        {
            while (i < tokens.Count)
            {
                var suffixEnd = resolver._suffixes.Longest(tokens, i, null, skipSeparators: false, out _);
                if (suffixEnd > i)
                {
                    i = suffixEnd;
                    continue;
                }

                if (tokens[i].Kind == AgencyTokenKind.Open)
                {
                    if (i + 2 < tokens.Count && tokens[i + 1] is { Kind: AgencyTokenKind.Word, Text: "cu" } && tokens[i + 2].Kind == AgencyTokenKind.Close
                        && Mentions.Count > 0 && Mentions[^1].Kind == AgencyMentionKind.Agency && _lastTarget is not null)
                    {
                        Mentions[^1] = Mentions[^1] with { Agency = _lastTarget.AgencyOn(on, former: true), Former = true };
                        i += 3;
                        continue;
                    }

                    i = SkipParenthetical(i);
                    continue;
                }

                var qualifierEnd = resolver._qualifiers.Longest(tokens, i, null, skipSeparators: false, out _);
                if (qualifierEnd > i)
                {
                    var end = QualifierEnd(qualifierEnd);
                    var clause = Span(i, end);
                    Notes.Add(new AgencyCellNote(AgencyCellNoteKind.Qualifier, clause, $"\"{clause}\" giới hạn tên đứng trước; không dùng để xác định cơ quan."));
                    i = end;
                    continue;
                }

                break;
            }

            return i;
        }

        /// <summary>A qualifier runs to the next separator or filler that is followed by a known name, or to the end.</summary>
        private int QualifierEnd(int j)
        {
            while (j < tokens.Count)
            {
                var token = tokens[j];
                if (token.Kind == AgencyTokenKind.Open)
                {
                    j = SkipParenthetical(j, note: false);
                    continue;
                }

                if (token.Kind != AgencyTokenKind.Word)
                {
                    var k = j;
                    while (k < tokens.Count && tokens[k].Kind is AgencyTokenKind.Separator or AgencyTokenKind.Colon or AgencyTokenKind.Close)
                    {
                        k++;
                    }

                    if (k < tokens.Count && StartsName(k))
                    {
                        return j;
                    }

                    j = Math.Max(k, j + 1);
                    continue;
                }

                if (SkipFillers(j) > j && StartsName(j))
                {
                    return j;
                }

                j++;
            }

            return j;
        }

        private bool StartsName(int k, bool allowImplicitHead = true) =>
            ParseItem(k, allowImplicitHead: allowImplicitHead) is not null
            || resolver._distributive.Longest(tokens, k, null, skipSeparators: true, out _) > k;

        private int ReportUnknown(int i)
        {
            var j = i + 1;
            while (j < tokens.Count)
            {
                var token = tokens[j];
                if (token.Kind is AgencyTokenKind.Colon or AgencyTokenKind.Open or AgencyTokenKind.Close)
                {
                    break;
                }

                if (token.Kind == AgencyTokenKind.Separator && HardSeparators.Contains(token.Text, StringComparer.Ordinal))
                {
                    break;
                }

                if (token.Kind == AgencyTokenKind.Word && StartsName(j, allowImplicitHead: false))
                {
                    break;
                }

                j++;
            }

            var end = j;
            while (end > i && tokens[end - 1].Kind != AgencyTokenKind.Word)
            {
                end--;
            }

            var unknown = Span(i, end);
            var head = _explicitHead ?? _implicitHead;
            var suggestions = Problems.Count < MaxSuggestedProblems ? resolver.Suggest(unknown, head) : [];
            var message = suggestions.Count > 0
                ? $"\"{unknown}\" không có trong danh bạ cơ quan (workflows/agencies.yaml); có phải là {string.Join(", ", suggestions.Select(s => $"\"{s}\""))}?"
                : $"\"{unknown}\" không có trong danh bạ cơ quan (workflows/agencies.yaml); sửa chính tả, hoặc thêm cơ quan hay tên gọi khác này vào danh bạ.";
            Problems.Add(new AgencyCellProblem(unknown, message, suggestions));
            return j;
        }

        private int SkipParenthetical(int open, bool note = true)
        {
            var depth = 0;
            for (var k = open; k < tokens.Count; k++)
            {
                if (tokens[k].Kind == AgencyTokenKind.Open)
                {
                    depth++;
                }
                else if (tokens[k].Kind == AgencyTokenKind.Close && --depth == 0)
                {
                    if (note)
                    {
                        var skipped = Span(open, k + 1);
                        Notes.Add(new AgencyCellNote(AgencyCellNoteKind.IgnoredParenthetical, skipped, $"\"{skipped}\" là ghi chú trong ngoặc, đã bỏ qua."));
                    }

                    return k + 1;
                }
            }

            var rest = Span(open, tokens.Count);
            Problems.Add(new AgencyCellProblem(rest, $"\"{rest}\" mở ngoặc nhưng không đóng, nên phần còn lại của ô bị bỏ qua; thêm dấu \")\".", []));
            return tokens.Count;
        }

        private int SkipFillers(int i)
        {
            while (i < tokens.Count)
            {
                var end = resolver._fillers.Longest(tokens, i, null, skipSeparators: false, out _);
                if (end <= i)
                {
                    break;
                }

                i = end;
            }

            return i;
        }

        /// <summary>The best reading of an item at <paramref name="i"/>: plain, after fillers, or with a distributive head.</summary>
        private Item? ParseItem(int i, bool allowHead = true, bool allowImplicitHead = true)
        {
            if (_explicitHead is not null && allowHead)
            {
                var withHead = Candidates(i, _explicitHead, headOnly: true);
                var plainInList = Candidates(i, null, headOnly: false);
                if (withHead is not null && (plainInList is null || withHead.Value.End >= plainInList.Value.End))
                {
                    return withHead;
                }

                return plainInList;
            }

            var plain = Candidates(i, null, headOnly: false);
            if (plain is null && allowHead && allowImplicitHead && _implicitHead is not null)
            {
                return Candidates(i, _implicitHead, headOnly: true);
            }

            return plain;
        }

        private Item? Candidates(int i, string[]? head, bool headOnly)
        {
            Item? best = null;
            var afterFillers = SkipFillers(i);
            int[] starts = afterFillers > i ? [i, afterFillers] : [i];
            foreach (var start in starts)
            {
                if (start >= tokens.Count)
                {
                    continue;
                }

                if (!headOnly)
                {
                    Consider(ref best, start, null);
                }

                if (head is not null)
                {
                    Consider(ref best, start, head);
                }
            }

            return best;
        }

        private void Consider(ref Item? best, int start, string[]? head)
        {
            var end = resolver._items.Longest(tokens, start, head, skipSeparators: true, out var target);
            if (end > start && target is not null && (best is null || end > best.Value.End))
            {
                best = new Item(start, end, target, head is not null);
            }
        }

        private string Span(int from, int to)
        {
            if (to <= from || from >= tokens.Count)
            {
                return string.Empty;
            }

            var start = tokens[from].Start;
            var end = tokens[Math.Min(to, tokens.Count) - 1].End;
            return text[start..end].Trim();
        }
    }

    /// <summary>A recognised item: tokens [TextStart, End) matched <see cref="Target"/>.</summary>
    private readonly record struct Item(int TextStart, int End, AgencyMatchTarget Target, bool UsedHead);
}
