using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Workflow.Host.Progress;

/// <summary>Text compared without case or Vietnamese diacritics: "Cải cách Hành chính" and "cai cach hanh chinh" fold alike.</summary>
/// <remarks>
/// Every task's search text is folded when a plan is imported (a million at national scale), so text in the
/// Latin script (Vietnamese included) is folded a character at a time from a table of each character's
/// canonical decomposition, with no call into ICU. That gives the decomposition of the whole text, up to
/// the order of combining marks, which are dropped anyway. Other text is decomposed whole.
/// </remarks>
internal static class TextFolding
{
    // Basic Latin to Latin Extended-B, the combining diacritical marks, and Latin Extended Additional (ạ, ế, ữ...).
    private const char LatinEnd = '\u036F', AdditionalStart = '\u1E00', AdditionalEnd = '\u1EFF';

    // Each character of the table folded alone (its decomposition without marks, lower case), or null for white
    // space: folding a text is then appending pieces, with no per-character lookup of Unicode categories.
    private static readonly string?[] Folded = [.. Enumerable.Range(0, LatinEnd + 1).Concat(Enumerable.Range(AdditionalStart, AdditionalEnd - AdditionalStart + 1))
        .Select(c => char.IsWhiteSpace((char)c) ? null : FoldDecomposed(((char)c).ToString().Normalize(NormalizationForm.FormD)))];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a million calls an import, from its first
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var index = c <= LatinEnd ? c : c is >= AdditionalStart and <= AdditionalEnd ? LatinEnd + 1 + (c - AdditionalStart) : -1;
            if (index < 0)
            {
                return FoldDecomposed(text.Normalize(NormalizationForm.FormD)); // another script: decomposed whole
            }

            var piece = Folded[index];
            if (piece is null)
            {
                space = folded.Length > 0;
            }
            else if (piece.Length > 0)
            {
                if (space)
                {
                    folded.Append(' ');
                    space = false;
                }

                folded.Append(piece);
            }
        }

        return folded.ToString();
    }

    /// <summary><paramref name="decomposed"/> (NFD) folded.</summary>
    internal static string FoldDecomposed(string decomposed)
    {
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            Append(folded, c, ref space);
        }

        return folded.ToString();
    }

    private static void Append(StringBuilder folded, char c, ref bool space)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return;
        }

        if (char.IsWhiteSpace(c))
        {
            space = folded.Length > 0;
            return;
        }

        if (space)
        {
            folded.Append(' ');
            space = false;
        }

        // "đ" has no decomposition: it is its own letter, folded by hand.
        folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
    }
}
