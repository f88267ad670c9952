using System.Text.RegularExpressions;

namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>Dates and years typed short, as tables and e-mails type them: a month with its year and no "tháng" ("Trước
    /// 3/2027", "Đầu 9/2026"), a full date with a two-digit year ("31/12/25"), a list's comma with no space after it
    /// ("Trong năm 2023,2024"); not between a day or month and the next number ("tháng 6, 20 tháng 11"), where a comma with
    /// no space is a decimal one ("6,20").</summary>
    private static readonly Rewrite[] BareRewrites =
    [
        new("month with its year and no 'tháng'", s => Regex.Replace(s, @"\b[Tt]háng (\d{1,2}/\d{4})", "$1")),
        new("date with a two-digit year", s => Regex.Replace(s, @"\b(\d{1,2}/\d{1,2})/20(\d\d)\b", "$1/$2")),
        new("comma with no space after it", s => Regex.Replace(s, @"(?<!(?<!\d)\d{1,2}), |(?<=(?<!\d)\d{1,2}), (?!\d)", ",")),
    ];
}
