namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>The same cell in another letter case.</summary>
    private static readonly Rewrite[] CaseRewrites =
    [
        new("the whole cell in capitals", s => s.ToUpperInvariant()),
        new("words in small letters, codes and abbreviations kept", InSmallLetters),
    ];

    /// <summary>The cell with its words in small letters ("quyết định số 962/QĐ-UBND", "nghị định 69/2024/NĐ-CP", "chính phủ",
    /// "UBND"): a word written all in capitals, or holding a digit, '/' or '-', is kept as written; every other is lower-cased.</summary>
    private static string InSmallLetters(string s) =>
        string.Join(' ', s.Split(' ').Select(w => KeptAsWritten(w) ? w : w.ToLowerInvariant()));

    private static bool KeptAsWritten(string word) =>
        word.Any(c => char.IsDigit(c) || c is '/' or '-') || (word.Any(char.IsLetter) && !word.Any(char.IsLower));
}
