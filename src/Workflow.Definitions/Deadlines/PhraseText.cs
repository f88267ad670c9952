using System.Buffers;
using System.Globalization;
using System.Text;
using Workflow.Definitions.Text;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// A deadline cell cleaned of extraction noise, with a folded twin (lower case, no diacritics, đ as
/// d) of the same length, so that matching can ignore diacritics while labels and notes keep the
/// words as written.
/// </summary>
internal readonly struct PhraseText
{
    /// <summary>For characters that need no cleaning (NFC whatever their neighbours: Latin, the precomposed
    /// Vietnamese letters, general punctuation; not white space other than ' ', not markup, not a mark, not a look-alike
    /// that <see cref="VietnameseText.Sanitize"/> rewrites), their folded form; '\0' for every other character.</summary>
    private static readonly char[] CleanFolds = BuildCleanFolds();

    /// <summary>The longest folded buffer a thread keeps for its next phrase; a longer cell gets its own.</summary>
    private const int KeptBufferLength = 4096;

    /// <summary>The folded letters that open a short period ("T11/2025", "Q3/2025").</summary>
    private static readonly SearchValues<char> ShortPeriodLetters = SearchValues.Create("tq");

    private readonly char[] folded;
    private readonly int length;

    private PhraseText(string text, char[] folded, int length)
    {
        Text = text;
        this.folded = folded;
        this.length = length;
    }

    /// <summary>The phrase in NFC, markup removed, every run of white space one space, trimmed.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> folded character by character; same length, same offsets. It lives in the buffer given
    /// to <see cref="Of(string, ref char[])"/>, valid until that buffer folds the next phrase.</summary>
    public ReadOnlySpan<char> Folded => new(folded, 0, length);

    /// <summary>Cleans and folds <paramref name="phrase"/>, its folded twin written into <paramref name="buffer"/> (grown when
    /// short, up to <see cref="KeptBufferLength"/>; a longer phrase is folded into an array of its own): the parser keeps
    /// one buffer per thread, so a reading allocates no folded string.</summary>
    public static PhraseText Of(string phrase, ref char[] buffer)
    {
        // Most cells are clean already (typed or extracted NFC, single spaces): then the text is the phrase
        // itself and only its folded twin is made, in one pass, with no normalization call.
        if (phrase.Length > 0 && phrase[0] != ' ' && phrase[^1] != ' ')
        {
            var target = Buffer(ref buffer, phrase.Length);
            if (TryFoldClean(phrase, target, out var shortPeriodLetter, out var qui, out var to))
            {
                if (to)
                {
                    RespellTo(phrase, target.AsSpan(0, phrase.Length));
                }

                if (!(shortPeriodLetter && HasShortPeriod(target.AsSpan(0, phrase.Length))))
                {
                    if (qui)
                    {
                        RespellQui(target.AsSpan(0, phrase.Length));
                    }

                    return new PhraseText(phrase, target, phrase.Length);
                }
            }
        }

        var nfc = VietnameseText.Sanitize(phrase);
        var folded = Buffer(ref buffer, nfc.Length);

        // The text goes into a pooled buffer first (a cell is short, and this is the parser's hot path), its folded twin
        // straight into the folded buffer.
        var pooled = ArrayPool<char>.Shared.Rent(Math.Max(nfc.Length, 1));
        try
        {
            var text = pooled.AsSpan(0, nfc.Length);
            var length = 0;
            var pendingSpace = false;
            for (var i = 0; i < nfc.Length; i++)
            {
                var c = nfc[i];
                if (c == '<' && TrySkipTag(nfc, ref i))
                {
                    pendingSpace |= length > 0;
                    continue;
                }

                if (c == '|' && pendingSpace && BarForI(nfc, i, folded.AsSpan(0, length)))
                {
                    c = 'I'; // "kỳ tính thuế quý | năm 2021": a scan's bar for the numeral I after "quý", as "Quý l" is
                }
                else if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '|')
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
                {
                    continue; // a stray mark NFC could not compose, or a zero-width character
                }

                if (pendingSpace)
                {
                    text[length] = ' ';
                    folded[length++] = ' ';
                    pendingSpace = false;
                }

                text[length] = c;
                folded[length++] = VietnameseText.Fold(c);
            }

            RespellTo(text[..length], folded.AsSpan(0, length));
            if (HasShortPeriod(folded.AsSpan(0, length)))
            {
                return ExpandShortPeriods(text[..length], folded.AsSpan(0, length), ref buffer);
            }

            RespellQui(folded.AsSpan(0, length));
            return new PhraseText(new string(text[..length]), folded, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(pooled);
        }
    }

    /// <summary>Whether the bar at <paramref name="i"/> of <paramref name="nfc"/>, a space before it, stands alone right after
    /// the word "quý" (or "quí") already folded into <paramref name="folded"/>, and the quarter's year after it ("/", a
    /// digit or "năm", white space between or not): a scan's "I", the quarter's numeral ("quý | năm 2021"), not a table's
    /// rule ("Quý | Hạn nộp").</summary>
    private static bool BarForI(string nfc, int i, ReadOnlySpan<char> folded)
    {
        var n = folded.Length;
        if (n < 3 || folded[n - 3] != 'q' || folded[n - 2] != 'u' || folded[n - 1] is not ('y' or 'i') || (n > 3 && char.IsAsciiLetterLower(folded[n - 4])))
        {
            return false;
        }

        var j = i + 1;
        while (j < nfc.Length && (char.IsWhiteSpace(nfc[j]) || nfc[j] == '\u00A0'))
        {
            j++;
        }

        return j < nfc.Length && (nfc[j] == '/' || char.IsAsciiDigit(nfc[j]) || (nfc.AsSpan(j).StartsWith("năm", StringComparison.OrdinalIgnoreCase)
            && (j + 3 == nfc.Length || !char.IsLetter(nfc[j + 3]))));
    }

    /// <summary>Folds a whole string the way <see cref="Folded"/> is folded.</summary>
    public static string Fold(string s)
    {
        var buffer = Array.Empty<char>();
        return new string(Of(s, ref buffer).Folded);
    }

    /// <summary><paramref name="buffer"/> when it holds <paramref name="length"/> characters; else a longer one, kept in
    /// <paramref name="buffer"/> unless longer than <see cref="KeptBufferLength"/>.</summary>
    private static char[] Buffer(ref char[] buffer, int length)
    {
        if (buffer.Length >= length)
        {
            return buffer;
        }

        if (length > KeptBufferLength)
        {
            return new char[length];
        }

        buffer = new char[Math.Max(length, Math.Min(2 * buffer.Length, KeptBufferLength))];
        return buffer;
    }

    /// <summary>"quí", the spelling of "quý" common until about 2010 ("hằng quí", "Quí I/2026", "qui định"), folds as
    /// "quy": the word "qui" is always "quy" spelt with "i", so every pattern that knows "quy" reads it (the text keeps
    /// the letters as written, which tell "quí", a quarter, from "quĩ", a fund). One vectorised search, no allocation.</summary>
    private static void RespellQui(Span<char> folded)
    {
        for (var at = folded.IndexOf("qui"); at >= 0;)
        {
            if ((at == 0 || !char.IsAsciiLetterLower(folded[at - 1])) && (at + 3 == folded.Length || !char.IsAsciiLetterLower(folded[at + 3])))
            {
                folded[at + 2] = 'y';
            }

            var next = folded[(at + 3)..].IndexOf("qui");
            at = next < 0 ? -1 : at + 3 + next;
        }
    }

    /// <summary>"tới" where it says "đến" (to, until) folds as "den", so every rule that knows the span's link and "đến hết"
    /// reads it: where it stands before a time (a number, "ngày", "hết", "nay", "khi", a period's word or short form: "Quý
    /// III/2025 tới hết quý I/2026", "Từ ngày 16 tới 31/12/2025", "cho tới khi"). Right after a period's word it is "the
    /// coming" one ("năm tới", "tháng tới", "thời gian sắp tới") and keeps its letters, unless a number follows ("hằng năm
    /// tới 2030") or the period is its start or end ("từ đầu năm tới nay"). "tôi", "tối" and a "toi" typed without accents
    /// keep theirs. The text keeps the word as written. The clean path comes here only with the letters "tới"; it respells
    /// "quí" after, so "qui" is a period's word too.</summary>
    private static void RespellTo(ReadOnlySpan<char> text, Span<char> folded)
    {
        for (var at = folded.IndexOf("toi"); at >= 0;)
        {
            if (text[at + 1] is '\u1EDB' or '\u1EDA' && StandsAsTo(folded, at))
            {
                "den".CopyTo(folded[at..]);
            }

            var next = folded[(at + 3)..].IndexOf("toi");
            at = next < 0 ? -1 : at + 3 + next;
        }
    }

    /// <summary>Whether the word "toi" at <paramref name="at"/> in <paramref name="folded"/> links to a time after it, not
    /// the coming period before it (see <see cref="RespellTo"/>).</summary>
    private static bool StandsAsTo(ReadOnlySpan<char> folded, int at)
    {
        var end = at + 3;
        if ((at > 0 && char.IsLetterOrDigit(folded[at - 1])) || end + 1 >= folded.Length || folded[end] != ' ')
        {
            return false;
        }

        var after = WordAt(folded, end + 1);
        var number = after.Length > 0 && char.IsAsciiDigit(after[0]);
        if (!number && !(after is "ngay" or "het" or "nay" or "khi" or "thang" or "quy" or "qui" or "nam" or "tuan" or "truoc" or "cuoi"
            or "dau" or "giua" or "luc" or "thoi" or "ky" or "tet" or "cham")
            && !(after.Length > 1 && after[0] is 't' or 'q' && PeriodNumber(after[1..], after[0] == 'q') > 0))
        {
            return false;
        }

        if (number || at < 2 || folded[at - 1] != ' ')
        {
            return true;
        }

        var before = WordBefore(folded, at - 1);
        if (!(before is "nam" or "thang" or "quy" or "tuan" or "ky" or "gian" or "ngay" or "sap" or "dot" or "khoa" or "hoc" or "doan"
            or "mua" or "vu" or "lan" or "phien"))
        {
            return true;
        }

        var start = at - 1 - before.Length;
        return start >= 2 && folded[start - 1] == ' ' && WordBefore(folded, start - 1) is "dau" or "cuoi" or "giua";
    }

    /// <summary>The letters and digits of <paramref name="folded"/> from <paramref name="start"/> on.</summary>
    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> folded, int start)
    {
        var end = start;
        while (end < folded.Length && char.IsLetterOrDigit(folded[end]))
        {
            end++;
        }

        return folded[start..end];
    }

    /// <summary>The letters and digits of <paramref name="folded"/> that end right before <paramref name="end"/>.</summary>
    private static ReadOnlySpan<char> WordBefore(ReadOnlySpan<char> folded, int end)
    {
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(folded[start - 1]))
        {
            start--;
        }

        return folded[start..end];
    }

    /// <summary>Whether <paramref name="folded"/> holds a period in a table's short form ("T11/2025", "Q3/2025", "QIII/2025");
    /// one vectorised search for 't' and 'q', a few comparisons at each, no allocation.</summary>
    private static bool HasShortPeriod(ReadOnlySpan<char> folded)
    {
        for (var at = folded.IndexOfAny(ShortPeriodLetters); at >= 0;)
        {
            if (ShortPeriodNumber(folded, at) > 0)
            {
                return true;
            }

            var next = folded[(at + 1)..].IndexOfAny(ShortPeriodLetters);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>The length of the number after the 't' or 'q' at <paramref name="at"/> when they begin a short period: the
    /// letter starts a word, the number is a month (1-12) after 't', a quarter (1-4 or I-IV) after 'q', and a four-digit
    /// year follows after '/' or '-', or, without its year, '-', ',' or "đến" and another short period of the same letter
    /// ("T11-T12/2025", "Q2 đến Q3/2026"; three such links at most, so a long cell costs little); else 0.</summary>
    private static int ShortPeriodNumber(ReadOnlySpan<char> folded, int at)
    {
        var first = 0;
        var position = at;
        for (var links = 0; links < 4; links++)
        {
            if (folded[position] != folded[at] || (position > 0 && (char.IsLetterOrDigit(folded[position - 1]) || folded[position - 1] == '/')))
            {
                return 0;
            }

            var number = PeriodNumber(folded[(position + 1)..], folded[at] == 'q');
            if (number == 0)
            {
                return 0;
            }

            first = first == 0 ? number : first;
            var rest = folded[(position + 1 + number)..];
            if (rest.Length >= 5 && rest[0] is '/' or '-' && rest[1..5].IndexOfAnyExceptInRange('0', '9') < 0
                && (rest.Length == 5 || !char.IsAsciiDigit(rest[5])))
            {
                return first;
            }

            // Without its year: a link to the next short period, which has one (or links on, a few times at most).
            rest = rest.StartsWith(' ') ? rest[1..] : rest;
            if (rest.Length > 0 && rest[0] is '-' or '\u2013' or ',')
            {
                rest = rest[1..];
            }
            else if (rest.StartsWith("den") && (rest.Length == 3 || !char.IsLetterOrDigit(rest[3])))
            {
                rest = rest[3..];
            }
            else
            {
                return 0;
            }

            rest = rest.StartsWith(' ') ? rest[1..] : rest;
            if (rest.IsEmpty)
            {
                return 0;
            }

            position = folded.Length - rest.Length;
        }

        return 0;
    }

    /// <summary>The length of the month (one or two digits, 1-12) or quarter (1-4, or I-IV in either case) that opens
    /// <paramref name="s"/> and is not followed by another letter or digit; 0 if none.</summary>
    private static int PeriodNumber(ReadOnlySpan<char> s, bool quarter)
    {
        var length = 0;
        if (quarter)
        {
            length = s.StartsWith("iii") ? 3 : s.StartsWith("iv") || s.StartsWith("ii") ? 2
                : s.Length > 0 && (s[0] == 'i' || s[0] is >= '1' and <= '4') ? 1 : 0;
        }
        else if (s.Length > 0 && char.IsAsciiDigit(s[0]))
        {
            length = s.Length > 1 && char.IsAsciiDigit(s[1]) ? 2 : 1;
            var month = length == 1 ? s[0] - '0' : (10 * (s[0] - '0')) + s[1] - '0';
            length = month is >= 1 and <= 12 ? length : 0;
        }

        return length > 0 && (length == s.Length || !char.IsLetterOrDigit(s[length])) ? length : 0;
    }

    /// <summary>The cleaned <paramref name="text"/> with each short period written out ("T11/2025" → "tháng 11/2025",
    /// "Q3/2025" → "quý 3/2025", "QIII/2025" → "quý III/2025"), so that every rule that knows "tháng" and "quý" reads it;
    /// the folded twin is written into <paramref name="buffer"/> the same way, same length, same offsets. Only cells
    /// that hold a short period come here.</summary>
    private static PhraseText ExpandShortPeriods(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, ref char[] buffer)
    {
        // A short period takes at least three characters ("T1/" or "T1-") and grows by at most five.
        var expandedText = new char[(3 * text.Length) + 6];
        var expandedFolded = new char[expandedText.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (folded[i] is 't' or 'q' && ShortPeriodNumber(folded, i) > 0)
            {
                var (word, foldedWord) = folded[i] == 't' ? (i == 0 && text[i] == 'T' ? "Tháng " : "tháng ", "thang ")
                    : (i == 0 && text[i] == 'Q' ? "Quý " : "quý ", "quy ");
                word.CopyTo(expandedText.AsSpan(length));
                foldedWord.CopyTo(expandedFolded.AsSpan(length));
                length += word.Length;
                continue;
            }

            expandedText[length] = text[i];
            expandedFolded[length++] = folded[i];
        }

        var target = Buffer(ref buffer, length);
        expandedFolded.AsSpan(0, length).CopyTo(target);
        RespellQui(target.AsSpan(0, length));
        return new PhraseText(new string(expandedText, 0, length), target, length);
    }

    /// <summary>Folds <paramref name="phrase"/> into <paramref name="folded"/> when <see cref="Of"/> would keep it
    /// unchanged: clean characters only, no double space (the caller checked both ends). On the way it notes what the
    /// searches after it need, so most cells skip them: <paramref name="shortPeriodLetter"/>, a folded 't' or 'q' right
    /// before a digit, or 'q' before 'i' (a short period's letter is always followed by its number: "t11", "q3", "qiii");
    /// <paramref name="qui"/>, the letters "qui"; <paramref name="to"/>, the letters "tới".</summary>
    private static bool TryFoldClean(ReadOnlySpan<char> phrase, Span<char> folded, out bool shortPeriodLetter, out bool qui, out bool to)
    {
        ReadOnlySpan<char> table = CleanFolds;
        var previous = '\0';
        var previousFold = '\0';
        shortPeriodLetter = false;
        qui = false;
        to = false;
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (c >= table.Length || table[c] == '\0' || (c == ' ' && previous == ' '))
            {
                return false;
            }

            var fold = table[c];
            folded[i] = fold;
            if (char.IsAsciiDigit(fold))
            {
                shortPeriodLetter |= previousFold is 't' or 'q';
            }
            else if (fold == 'i')
            {
                shortPeriodLetter |= previousFold == 'q';
                qui |= previousFold == 'u' && i >= 2 && folded[i - 2] == 'q';
                to |= previous is '\u1EDB' or '\u1EDA' && i >= 2 && folded[i - 2] == 't';
            }

            previous = c;
            previousFold = fold;
        }

        return true;
    }

    private static char[] BuildCleanFolds()
    {
        var folds = new char[0x2060];
        for (var c = '\u0001'; c < folds.Length; c++)
        {
            var nfcSafe = c < '\u0300' || c is >= '\u1E00' and <= '\u1EFF' or >= '\u2010' and <= '\u205E';
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (nfcSafe && (c == ' ' || !char.IsWhiteSpace(c)) && c is not ('<' or '|') && !char.IsSurrogate(c)
                && category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                && c.ToString().IsNormalized(NormalizationForm.FormC) && VietnameseText.LookAlike(c) == c && VietnameseText.Fold(c) != '\0')
            {
                folds[c] = VietnameseText.Fold(c);
            }
        }

        return folds;
    }

    private static bool TrySkipTag(string s, ref int i)
    {
        // Only markup such as <i>, </i>, <br/>, <sup>: a letter or '/' right after '<' and a '>' soon after.
        if (i + 1 >= s.Length || !(char.IsAsciiLetter(s[i + 1]) || s[i + 1] == '/'))
        {
            return false;
        }

        var end = s.IndexOf('>', i + 1);
        if (end < 0 || end - i > 12)
        {
            return false;
        }

        i = end;
        return true;
    }
}
