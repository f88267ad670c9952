using System.Text.RegularExpressions;

namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    private static readonly string[] DigitWords = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>A count written in words, as laws, decrees and circulars write it ("trong thời hạn mười lăm ngày", "báo cáo
    /// sáu tháng", "chín mươi ngày"), with or without its digits in brackets after it. Narrowed to counts: not after "ngày",
    /// "tháng", "đợt", "bước" (a day's or month's or round's number), nor a digit, "/", "." or ","; the unit not followed by
    /// a number or "/" (a date, a month, a year).</summary>
    private static readonly Rewrite[] WordsRewrites =
    [
        new("count of days in words (narrowed to counts)", s => CountInWords(s, "ngày", bracketed: false)),
        new("count of days in words with its digits in brackets (narrowed to counts)", s => CountInWords(s, "ngày", bracketed: true)),
        new("count of months in words (narrowed to counts)", s => CountInWords(s, "tháng", bracketed: false)),
        new("count of months in words with its digits in brackets (narrowed to counts)", s => CountInWords(s, "tháng", bracketed: true)),
        new("count of years in words (narrowed to counts)", s => CountInWords(s, "năm", bracketed: false)),
        new("count of hours in words (narrowed to counts)", s => CountInWords(s, "giờ", bracketed: false)),
        new("'sáu tháng' for '6 tháng' (not after 'ngày')", s => Regex.Replace(s, @"(?<!ngày )\b0?6 tháng", "sáu tháng")),
        new("'chín tháng' for '9 tháng' (not after 'ngày')", s => Regex.Replace(s, @"(?<!ngày )\b0?9 tháng", "chín tháng")),
        new("count of days in words in capitals", s => CountInWords(s, "ngày", bracketed: false) is var words && words != s ? words.ToUpperInvariant() : s),
    ];

    private static string CountInWords(string phrase, string unit, bool bracketed) =>
        Regex.Replace(
            phrase,
            @"(?<![/\d.,])(?<!ngày )(?<!tháng )(?<!đợt )(?<!bước )\b(\d{1,3}) " + unit + @"\b(?! \d)(?!/)",
            m => NumberInWords(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) is { } words
                ? (bracketed ? $"{words} ({m.Groups[1].Value}) " : words + " ") + m.Value[(m.Groups[1].Length + 1)..]
                : m.Value,
            RegexOptions.IgnoreCase);

    /// <summary>1 to 999 in Vietnamese words ("mười lăm", "hai mươi mốt", "một trăm linh năm"); null otherwise.</summary>
    private static string? NumberInWords(int n)
    {
        if (n is < 1 or > 999)
        {
            return null;
        }

        var (hundreds, rest) = (n / 100, n % 100);
        var words = new List<string>();
        if (hundreds > 0)
        {
            words.AddRange([DigitWords[hundreds], "trăm"]);
        }

        var (tens, ones) = (rest / 10, rest % 10);
        if (rest == 0)
        {
            return string.Join(' ', words);
        }

        if (hundreds > 0 && tens == 0)
        {
            words.AddRange(["linh", DigitWords[ones]]);
        }
        else if (tens == 0)
        {
            words.Add(DigitWords[ones]);
        }
        else
        {
            words.AddRange(tens == 1 ? ["mười"] : [DigitWords[tens], "mươi"]);
            if (ones > 0)
            {
                words.Add(ones switch
                {
                    5 => "lăm",
                    1 when tens > 1 => "mốt",
                    4 when tens > 1 => "tư",
                    _ => DigitWords[ones],
                });
            }
        }

        return string.Join(' ', words);
    }
}
