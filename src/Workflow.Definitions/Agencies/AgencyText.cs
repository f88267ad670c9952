using Workflow.Definitions.Text;

namespace Workflow.Definitions.Agencies;

/// <summary>What a <see cref="AgencyToken"/> is.</summary>
internal enum AgencyTokenKind
{
    /// <summary>A folded word: lowercase ASCII letters and digits, no diacritics.</summary>
    Word,

    /// <summary>Punctuation that separates items: <c>, ; . - + / |</c> and the like.</summary>
    Separator,

    /// <summary><c>:</c>, which introduces a distributive list ("Các sở: Tư pháp, Tài chính").</summary>
    Colon,

    /// <summary><c>(</c>, <c>[</c> or <c>{</c>.</summary>
    Open,

    /// <summary><c>)</c>, <c>]</c> or <c>}</c>.</summary>
    Close,
}

/// <summary>
/// One token of a cell. <see cref="Start"/> and <see cref="End"/> index the sanitized (NFC) cell text;
/// the words an abbreviation expands to share the span of the abbreviation.
/// </summary>
internal readonly record struct AgencyToken(AgencyTokenKind Kind, string Text, int Start, int End);

/// <summary>
/// Text folding shared by the directory loader and the cell resolver, so that an alias and a cell
/// compare equal when they differ only in case, Unicode normalization form (NFC/NFD), diacritics,
/// <c>đ</c>/<c>d</c>, whitespace, line breaks or punctuation between words.
/// </summary>
internal static class AgencyText
{
    /// <inheritdoc cref="VietnameseText.Sanitize"/>
    public static string Sanitize(string? text) => VietnameseText.Sanitize(text);

    /// <inheritdoc cref="VietnameseText.CollapseWhitespace"/>
    public static string CollapseWhitespace(string? text) => VietnameseText.CollapseWhitespace(text);

    /// <summary>
    /// Splits sanitized text into tokens. Words are folded (see <see cref="FoldWord"/>) and expanded
    /// through <paramref name="abbreviations"/> (folded word → folded words). <c>&amp;</c> is the word
    /// <c>va</c> ("KH&amp;CN" reads "KH và CN").
    /// </summary>
    public static List<AgencyToken> Tokenize(string text, IReadOnlyDictionary<string, string[]> abbreviations)
    {
        var tokens = new List<AgencyToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                var folded = FoldWord(text.AsSpan(start, i - start));
                if (folded.Length == 0)
                {
                    continue;
                }

                if (abbreviations.TryGetValue(folded, out var expansion))
                {
                    foreach (var word in expansion)
                    {
                        tokens.Add(new AgencyToken(AgencyTokenKind.Word, word, start, i));
                    }
                }
                else
                {
                    tokens.Add(new AgencyToken(AgencyTokenKind.Word, folded, start, i));
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || IsInvisible(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var kind = c switch
            {
                ':' => AgencyTokenKind.Colon,
                '(' or '[' or '{' => AgencyTokenKind.Open,
                ')' or ']' or '}' => AgencyTokenKind.Close,
                _ => AgencyTokenKind.Separator,
            };
            if (c == '&')
            {
                tokens.Add(new AgencyToken(AgencyTokenKind.Word, "va", i, i + 1));
            }
            else
            {
                tokens.Add(new AgencyToken(kind, c.ToString(), i, i + 1));
            }

            i++;
        }

        return tokens;
    }

    /// <summary>
    /// The folded words of a phrase as written in the directory: text in parentheses is dropped,
    /// punctuation is dropped, and a leading "các" (a plural marker, "các sở" = "sở") is dropped.
    /// </summary>
    public static string[] PhraseWords(string phrase, IReadOnlyDictionary<string, string[]> abbreviations, bool dropLeadingPlural = true)
    {
        var words = new List<string>();
        var depth = 0;
        foreach (var token in Tokenize(Sanitize(phrase), abbreviations))
        {
            switch (token.Kind)
            {
                case AgencyTokenKind.Open:
                    depth++;
                    break;
                case AgencyTokenKind.Close:
                    depth = Math.Max(0, depth - 1);
                    break;
                case AgencyTokenKind.Word when depth == 0:
                    words.Add(token.Text);
                    break;
                default:
                    break;
            }
        }

        if (dropLeadingPlural && words.Count > 1 && words[0] == "cac")
        {
            words.RemoveAt(0);
        }

        return [.. words];
    }

    /// <inheritdoc cref="VietnameseText.FoldWord"/>
    public static string FoldWord(ReadOnlySpan<char> word) => VietnameseText.FoldWord(word);

    /// <summary>Levenshtein distance, with an early exit once every cell of a row exceeds <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || IsMark(c);

    private static bool IsMark(char c) => VietnameseText.IsMark(c);

    private static bool IsInvisible(char c) => VietnameseText.IsInvisible(c);
}
