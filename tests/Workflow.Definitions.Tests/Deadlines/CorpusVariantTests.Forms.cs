using System.Text.RegularExpressions;

namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    private static readonly string[] RomanQuarters = ["", "I", "II", "III", "IV"];

    /// <summary>One date or period in its other written forms: a day in words or with slashes, a month's year after "/",
    /// "năm" or "-", a month with or without its zero, a quarter's year after "-", a quarter in Roman numerals, "trước" a date
    /// with or without "ngày", "chậm nhất (là) ngày", a month or quarter in a table's short form ("T11/2025", "Q3/2025", "QIII/2025").</summary>
    private static readonly Rewrite[] FormRewrites =
    [
        new("day in words for slashes", s => Regex.Replace(s, @"(ngày) (\d{1,2})/(\d{1,2})/(\d{4})\b", "$1 $2 tháng $3 năm $4")),
        new("day with slashes for words", s => Regex.Replace(s, @"(ngày) (\d{1,2}) tháng (\d{1,2}) năm (\d{4})\b", "$1 $2/$3/$4")),
        new("month with '/' for 'năm'", s => Regex.Replace(s, @"([Tt]háng \d{1,2}) năm (\d{4})\b", "$1/$2")),
        new("month with '-' for '/'", s => Regex.Replace(s, @"([Tt]háng \d{1,2})/(\d{4})\b", "$1-$2")),
        new("quarter with '-' for '/'", s => Regex.Replace(s, @"([Qq]uý (?:IV|III|II|I))/(\d{4})\b", "$1-$2")),
        new("month padded with a zero", s => Regex.Replace(s, @"([Tt]háng )(\d)/(\d{4})\b", "${1}0$2/$3")),
        new("month without its zero", s => Regex.Replace(s, @"([Tt]háng )0(\d)/(\d{4})\b", "$1$2/$3")),
        new("'trước' a date without 'ngày'", s => Regex.Replace(s, @"([Tt]rước) ngày (\d{1,2}/\d{1,2})", "$1 $2")),
        new("'chậm nhất là ngày' for 'chậm nhất ngày'", s => Regex.Replace(s, @"([Cc]hậm nhất) ngày", "$1 là ngày")),
        new("quarter in Roman numerals", s => Regex.Replace(s, @"([Qq]uý) ([1-4])\b", m => $"{m.Groups[1].Value} {RomanQuarters[m.Groups[2].Value[0] - '0']}")),
        new("month as a table's 'T11/2025'", s => Regex.Replace(s, @"\b[Tt]háng (\d{1,2})/(\d{4})", "T$1/$2")),
        new("quarter as a table's 'Q3/2025'", s => Regex.Replace(s, @"\b[Qq]uý (IV|III|II|I)/(\d{4})", m => $"Q{RomanQuarter(m.Groups[1].Value)}/{m.Groups[2].Value}")),
        new("quarter as a table's 'QIII/2025'", s => Regex.Replace(s, @"\b[Qq]uý (IV|III|II|I)/(\d{4})", "Q$1/$2")),
    ];
}
