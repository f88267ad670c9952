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

        private string Original(int first, int last) =>
            text.Text[tokens[first].Start..tokens[Math.Min(last, tokens.Length - 1)].End];

        private bool Is(int k, TokenType type) => k >= 0 && k < tokens.Length && tokens[k].Type == type;

        private bool Is(int k, char punct) => k >= 0 && k < tokens.Length && tokens[k].IsPunct(punct);

        private bool IsYearNumber(int k) =>
            Is(k, TokenType.Number) && tokens[k].Length == 4 && tokens[k].Value is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear;

        private bool Is(int k, string word) =>
            k >= 0 && k < tokens.Length && tokens[k].IsWord && text.Folded.AsSpan(tokens[k].Start, tokens[k].Length).SequenceEqual(word);

        private bool Is(int k, string first, string second) => Is(k, first) && Is(k + 1, second);

        private bool Is(int k, string first, string second, string third) => Is(k, first) && Is(k + 1, second) && Is(k + 2, third);
    }
}
