using System.Text;
using System.Text.RegularExpressions;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>
/// Every real cell of the corpus and the held-out harvests, written the other ways documents write the same thing: the
/// schedule must not move. A fresh province's plan is more likely to differ from our corpus in how it is typed (a dotted
/// date, "quí" for "quý", a heading in capitals, two spaces) than in what it says; these rewrites find the places where the
/// parser had only learnt one typing, without gathering new text.
/// </summary>
/// <remarks>Each rewrite keeps the meaning by construction: it changes only typing that the README's deadline language
/// says is read alike. A rewrite that leaves a phrase unchanged is skipped for that phrase; one that changes none is an
/// error in the test.</remarks>
public partial class CorpusVariantTests
{
    /// <summary>A meaning-preserving rewrite of a phrase, named as the failure message shows it.</summary>
    public sealed record Rewrite(string Name, Func<string, string> Apply)
    {
        public override string ToString() => Name;
    }

    private static readonly Lazy<IReadOnlyList<CorpusPhraseTests.CorpusRow>> Rows =
        new(() => [.. CorpusPhraseTests.Load("Corpus"), .. CorpusPhraseTests.Load("HeldOut")]);

    private static readonly string[] Quarters = ["", "1", "2", "3", "4"];

    /// <summary>Typing that never mattered: Unicode form, spacing, dashes, zero padding, quarters in either numeral.</summary>
    private static readonly Rewrite[] Typing =
    [
        new("decomposed Unicode (NFD)", s => s.Normalize(NormalizationForm.FormD)),
        new("two spaces for one", s => s.Replace(" ", "  ", StringComparison.Ordinal)),
        new("no-break spaces", s => s.Replace(' ', '\u00A0')),
        new("en dash between items", s => s.Replace(" - ", " – ", StringComparison.Ordinal)),
        new("day padded with a zero", s => Regex.Replace(s, @"\b(\d)/(\d{1,2})/(\d{4})\b", "0$1/$2/$3")),
        new("day without its zero", s => Regex.Replace(s, @"\b0(\d)/(\d{1,2})/(\d{4})\b", "$1/$2/$3")),
        new("quarter in Arabic numerals", s => Regex.Replace(s, @"([Qq]uý) (IV|III|II|I)\b", m => $"{m.Groups[1].Value} {Quarters[RomanQuarter(m.Groups[2].Value)]}")),
        new("quarter with 'năm' for '/'", s => Regex.Replace(s, @"([Qq]uý (?:IV|III|II|I))/(\d{4})", "$1 năm $2")),
        new("month with 'năm' for '/'", s => Regex.Replace(s, @"([Tt]háng \d{1,2})/(\d{4})", "$1 năm $2")),
        new("old-style tone marks", s => s.Replace("hòa", "hoà", StringComparison.Ordinal).Replace("Hòa", "Hoà", StringComparison.Ordinal).Replace("thủy", "thuỷ", StringComparison.Ordinal).Replace("khóa", "khoá", StringComparison.Ordinal)),
        new("a list's dash opening the cell", s => s.StartsWith('-') || s.StartsWith('+') || s.StartsWith('–') ? s : "- " + s),
        new("a plus for the list's dash", s => s.StartsWith("- ", StringComparison.Ordinal) ? string.Concat("+ ", s.AsSpan(2)) : s),
        new("the Icelandic eth of old-font conversions for 'Đ', 'đ'", s => s.Replace('Đ', '\u00D0').Replace('đ', '\u00F0')),
        new("full-width colons and commas", s => s.Replace(':', '\uFF1A').Replace(',', '\uFF0C')),
        new("'hàng' for 'hằng'", s => s.Replace("hằng năm", "hàng năm", StringComparison.Ordinal).Replace("hằng quý", "hàng quý", StringComparison.Ordinal).Replace("hằng tháng", "hàng tháng", StringComparison.Ordinal)),
        new("'mỗi' for 'hằng', 'hàng'", s => Regex.Replace(s, @"\b(?:hằng|hàng) (năm|quý|tháng)\b", "mỗi $1")),
        new("a space after the '/' before a year", s => Regex.Replace(s, @"(\w)/(\d{4})\b", "$1/ $2")),
        new("a space before the '/' before a year", s => Regex.Replace(s, @"(\w)/(\d{4})\b", "$1 /$2")),
        new("a semicolon between sentences", s => Regex.Replace(s, @"(?<!\d)\. (?=[A-ZĐ])", "; ")),
        new("'Năm', 'Tháng' with capitals before their number", s => Regex.Replace(s, @"\b(n)ăm (\d{4})|\b(t)háng (\d)", m => m.Groups[1].Success ? $"Năm {m.Groups[2].Value}" : $"Tháng {m.Groups[4].Value}")),
        new("a month in words padded with a zero", s => Regex.Replace(s, @"(tháng) (\d)\b(?! tháng)", "$1 0$2")),
        new("a monthly day without 'ngày' ('trước 25 hằng tháng')", s => Regex.Replace(s, @"([Tt]rước|chậm nhất|Chậm nhất) (?:là )?ngày (\d{1,2}) (hằng|hàng|mỗi) tháng", "$1 $2 $3 tháng")),
        new("a month in words without its zero", s => Regex.Replace(s, @"(tháng) 0(\d)\b", "$1 $2")),
    ];

    public static TheoryData<Rewrite> Rewrites
    {
        get
        {
            var data = new TheoryData<Rewrite>();
            foreach (var rewrite in Typing.Concat(DateRewrites).Concat(CaseRewrites).Concat(FormRewrites).Concat(OpeningRewrites).Concat(ToiRewrites).Concat(BareRewrites).Concat(WordsRewrites))
            {
                data.Add(rewrite);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void A_cell_typed_another_way_keeps_its_schedule(Rewrite rewrite)
    {
        var rewritten = 0;
        var moved = new List<string>();
        foreach (var row in Rows.Value)
        {
            var variant = rewrite.Apply(row.Phrase);
            if (!CorpusPhraseTests.Trackable(row) || string.Equals(variant, row.Phrase, StringComparison.Ordinal))
            {
                continue;
            }

            rewritten++;
            var context = CorpusPhraseTests.Context(row.Year, row.Issued);
            var expected = CorpusPhraseTests.Actual(DeadlineParser.Parse(row.Phrase, context));
            var actual = CorpusPhraseTests.Actual(DeadlineParser.Parse(variant, context));
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                moved.Add($"{row.File}: «{variant}» read {actual}, written as found {expected}");
            }
        }

        Assert.True(rewritten > 0, $"'{rewrite.Name}' rewrites no phrase of the corpus");
        Assert.True(moved.Count == 0, $"{moved.Count} of {rewritten} cells moved:\n{string.Join('\n', moved)}");
    }

    private static int RomanQuarter(string numeral) => numeral switch
    {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        _ => 4,
    };
}
