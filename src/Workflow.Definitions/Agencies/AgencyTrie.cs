namespace Workflow.Definitions.Agencies;

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
