using System.Runtime.CompilerServices;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Small questions about the tokens of a reading: is token k this word, this mark, a year; which
/// tokens are covered by an item; the original text of a run of tokens.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        private void MarkCovered(int first, int last)
        {
            for (var j = Math.Max(first, 0); j <= last && j < covered.Length; j++)
            {
                covered[j] = true;
            }
        }

        /// <summary>The phrase's own text from token <paramref name="first"/> to token <paramref name="last"/>, in either order
        /// ("ngày thứ 90" names its unit before its count, so a count's words may be asked for from the count back to the
        /// unit).</summary>
        private string Original(int first, int last)
        {
            (first, last) = first <= last ? (first, last) : (last, first);
            return text.Text[tokens[first].Start..tokens[Math.Min(last, tokens.Length - 1)].End];
        }

        /// <summary>Whether token <paramref name="b"/> starts where token <paramref name="a"/> ends, with no space between
        /// ("31/12", "1.500", "2026:"). Both must be tokens of the reading.</summary>
        private bool Touches(int a, int b) => tokens[a].End == tokens[b].Start;

        /// <summary>How many digits number token <paramref name="k"/> is written with; a count written in words ("mười lăm",
        /// <see cref="Tokenizer.JoinCountWords"/>) has those of its value.</summary>
        private int Digits(int k) =>
            char.IsAsciiDigit(text.Folded[tokens[k].Start]) ? tokens[k].Length : tokens[k].Value < 10 ? 1 : tokens[k].Value < 100 ? 2 : 3;

        private bool Is(int k, TokenType type) => k >= 0 && k < tokens.Length && tokens[k].Type == type;

        private bool Is(int k, char punct) => k >= 0 && k < tokens.Length && tokens[k].IsPunct(punct);

        /// <summary>The first token after a list's marker opening the cell ("- ", "e) ", "2. "), or 0 when none opens it: the
        /// cell's own words start there.</summary>
        private int AfterListMarker() =>
            Is(0, '-') ? 1 : (Is(0, TokenType.Word) || Is(0, TokenType.Number)) && tokens[0].Length <= 2 && (Is(1, ')') || Is(1, '.')) ? 2 : 0;

        /// <summary>Whether the cell opens with its duty's frequency, "Định kỳ", after a list's marker or not ("e) Định kỳ 06
        /// tháng, hằng năm hoặc đột xuất …").</summary>
        private bool OpensWithFrequency() => Is(AfterListMarker(), "dinh", "ky");

        private bool IsYearNumber(int k) =>
            Is(k, TokenType.Number) && tokens[k].IsWrittenYear && tokens[k].Value is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear;

        /// <summary>Whether token k is <paramref name="word"/> (folded). The hot question of every pattern: most tokens
        /// differ in length, which is compared here, inlined at the caller, before a call compares the letters.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Is(int k, string word) => (uint)k < (uint)tokens.Length && tokens[k].Length == word.Length && SameWord(k, word);

        /// <summary>Whether token k, of <paramref name="word"/>'s length, is that word: the first and the last letter before
        /// the letters between, since most words asked about differ from the token in one of those.</summary>
        private bool SameWord(int k, string word)
        {
            var t = tokens[k];
            var folded = text.Folded;
            return t.Type == TokenType.Word && folded[t.Start] == word[0] && folded[t.End - 1] == word[^1]
                && (t.Length <= 2 || folded.Slice(t.Start + 1, t.Length - 2).SequenceEqual(word.AsSpan(1, word.Length - 2)));
        }

        /// <summary>The last day of a month.</summary>
        private static LocalDate MonthEnd(int year, int month) => new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

        private bool Is(int k, string first, string second) => Is(k, first) && Is(k + 1, second);

        private bool Is(int k, string first, string second, string third) => Is(k, first) && Is(k + 1, second) && Is(k + 2, third);
    }
}
