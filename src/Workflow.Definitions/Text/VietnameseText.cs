using System.Globalization;
using System.Text;

namespace Workflow.Definitions.Text;

/// <summary>
/// The one place that knows how Vietnamese text from documents and spreadsheets is cleaned and
/// compared: NFC, white space folded, and a folded form (lower case, no diacritics, đ as d) in
/// which "Sở Nội vụ", "SỞ NỘI VỤ", "So Noi vu" and the NFD spelling of each compare equal.
/// </summary>
internal static class VietnameseText
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// The text in NFC with unpaired surrogates replaced by U+FFFD, so that normalization cannot
    /// throw; null gives "".
    /// </summary>
    /// <remarks>Letters and marks that only look like Vietnamese ones are written as the Vietnamese ones: the Icelandic
    /// eth "Ð", "ð" (U+00D0, U+00F0), which old-font conversions leave for "Đ", "đ" ("Ðầu tháng 9/2026"), and the
    /// full-width forms of ASCII (U+FF01–U+FF5E) that some input methods type ("giao chủ đầu tư： Quý IV năm 2025"). Each
    /// stays one character, so offsets into the text do not move.</remarks>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? repaired = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c)
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            var written = !paired ? '\uFFFD' : LookAlike(c);
            if (written != c)
            {
                repaired ??= new StringBuilder(text, 0, i, text.Length);
                repaired.Append(written);
            }
            else
            {
                repaired?.Append(c);
            }
        }

        var clean = repaired?.ToString() ?? text;
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The Vietnamese letter or ASCII mark that <paramref name="c"/> only looks like (see <see cref="Sanitize"/>), or
    /// <paramref name="c"/> itself.</summary>
    public static char LookAlike(char c) => c switch
    {
        '\u00D0' => '\u0110',
        '\u00F0' => '\u0111',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary>Sanitized, every run of white space (line breaks, tabs, no-break spaces) one space,
    /// invisible format characters dropped, trimmed.</summary>
    public static string CollapseWhitespace(string? text)
    {
        var clean = Sanitize(text);
        var builder = new StringBuilder(clean.Length);
        var pendingSpace = false;
        foreach (var c in clean)
        {
            if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>One character folded: lower case, diacritics removed, đ/Đ (and the look-alike ð/Ð) as d.
    /// Combining marks fold to themselves; callers that compare words skip them (<see cref="IsMark"/>).</summary>
    public static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>A word folded character by character, combining marks dropped: "Sở" → "so", "Uỷ" → "uy".</summary>
    public static string FoldWord(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (!IsMark(c))
            {
                builder.Append(Fold(c));
            }
        }

        return builder.ToString();
    }

    public static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    public static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            var lower = char.ToLowerInvariant(ch);
            if (lower is 'đ' or 'ð')
            {
                table[c] = 'd';
            }
            else if (lower < 0x80 || char.IsSurrogate(ch))
            {
                table[c] = lower;
            }
            else
            {
                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                table[c] = decomposed.Length > 0 && decomposed[0] < 0x80 ? decomposed[0] : lower;
            }
        }

        return table;
    }
}
