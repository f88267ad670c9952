using System.Text.RegularExpressions;

namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>"tới" and "đến" are the same preposition (to, until): a span's link ("Quý III/2025 tới hết quý I/2026", "Từ
    /// ngày 16 tới 31/12/2025"), "tới hết", "(cho) tới khi", "gửi tới". "đến" has no other sense, so every "đến" may be typed
    /// "tới". The other way is narrowed: "tới" right after a period's word says "the coming" one ("năm tới", "tháng tới",
    /// "thời gian sắp tới"), which "đến" never says, so that "tới" stays as written.</summary>
    private static readonly Rewrite[] ToiRewrites =
    [
        new("'tới' for 'đến'", s => Regex.Replace(s, @"\b([Đđ])ến\b", m => m.Groups[1].Value == "đ" ? "tới" : "Tới")),
        new("'đến' for 'tới', not after a period's word ('năm tới': the coming year)", s => Regex.Replace(
            s,
            @"(?<!\b(?:[Nn]ăm|[Tt]háng|[Qq]uý|[Tt]uần|[Kk]ỳ|gian|[Nn]gày|sắp|[Đđ]ợt|khoá|khóa|học|đoạn|mùa|vụ|lần|phiên) )\b([Tt])ới\b",
            m => m.Groups[1].Value == "t" ? "đến" : "Đến")),
    ];
}
