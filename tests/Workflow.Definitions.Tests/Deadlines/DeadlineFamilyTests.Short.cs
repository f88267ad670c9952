using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Months and quarters in a table's short form ("T11/2025", "Q3/2025", "QIII/2025", "T11-T12/2025"), written out
/// where the phrase is cleaned, so that they read as the words they abbreviate.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A short month or quarter reads as its words: in spans, after "Đầu", "tuần 2", "Từ … thường xuyên", with
    /// its year after "-", and without its year before another short period that has one.</summary>
    [Theory]
    [InlineData("Từ T11/2025 đến T4/2026.", "Từ tháng 11/2025 đến tháng 4/2026.")]
    [InlineData("Đầu T9/2026", "Đầu tháng 9/2026")]
    [InlineData("Xong trước tuần 2 T01/2026.", "Xong trước tuần 2 tháng 01/2026.")]
    [InlineData("Từ T5/2026, thường xuyên", "Từ tháng 5/2026, thường xuyên")]
    [InlineData("Hoàn thiện thủ tục chuẩn bị đầu tư: Q3/2025 đến Q4/2025;", "Hoàn thiện thủ tục chuẩn bị đầu tư: quý III/2025 đến quý IV/2025;")]
    [InlineData("QIV/2025 - QI/2026: Hoàn thiện đầu tư hạ tầng giai đoạn 2.", "Quý IV/2025 - Quý I/2026: Hoàn thiện đầu tư hạ tầng giai đoạn 2.")]
    [InlineData("Hoàn thành trong Q3-2026", "Hoàn thành trong quý 3-2026")]
    [InlineData("T11-T12/2025", "Tháng 11-tháng 12/2025")]
    [InlineData("Q2 đến Q3/2026", "Quý 2 đến quý 3/2026")]
    public void A_tables_short_period_reads_as_its_words(string shortForm, string words)
    {
        var expected = Read(words);
        Assert.DoesNotContain("unknown", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Read(shortForm));
    }

    /// <summary>What the short forms come to.</summary>
    [Theory]
    [InlineData("Từ T11/2025 đến T4/2026.", "continuous: Quý IV/2025 2025-12-31 | Quý I/2026 2026-03-31 | 2026-04-30")]
    [InlineData("Q2-Q3/2026", "phased: 2026-06-30 | 2026-09-30")]
    [InlineData("Trước T3/2027", "once: 2027-02-28")]
    public void A_tables_short_period_is_due_as_its_words(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Only a letter that starts a word, a month (1-12) or quarter (1-4, I-IV) and a year (or a short period with
    /// one after "-", ",", "đến") make a short period: a terminal's name, an appendix's letters, a thirteenth month, a
    /// document's number are left as written.</summary>
    [Theory]
    [InlineData("Nhà ga T2: Dự kiến xây dựng ở phía đông của T1, với công suất 6 triệu hành khách mỗi năm.")]
    [InlineData("theo Mẫu số 16 tại Phụ lục TI ban hành kèm theo Nghị định")]
    [InlineData("Trước T13/2026")]
    [InlineData("Trong Q5/2026")]
    [InlineData("theo Công văn số 15/T3/2025")]
    [InlineData("Ký hiệu AT3/2025")]
    public void Words_that_only_look_like_a_short_period_are_left_as_written(string phrase)
    {
        var buffer = Array.Empty<char>();
        Assert.Equal(phrase, PhraseText.Of(phrase, ref buffer).Text);
    }

    /// <summary>The written-out words and their folded twin keep one length, so offsets found in one hold in the other.</summary>
    [Theory]
    [InlineData("Từ T11/2025 đến T4/2026.", "Từ tháng 11/2025 đến tháng 4/2026.", "tu thang 11/2025 den thang 4/2026.")]
    [InlineData("QIII/2025 -  QI/2026", "Quý III/2025 - quý I/2026", "quy iii/2025 - quy i/2026")]
    [InlineData("T11-T12/2025", "Tháng 11-tháng 12/2025", "thang 11-thang 12/2025")]
    [InlineData("T10, T11 – T12/2025", "Tháng 10, tháng 11 – tháng 12/2025", "thang 10, thang 11 – thang 12/2025")]
    public void A_short_period_is_written_out_in_the_text_and_its_folded_twin(string phrase, string text, string folded)
    {
        var buffer = Array.Empty<char>();
        var cleaned = PhraseText.Of(phrase, ref buffer);
        Assert.Equal(text, cleaned.Text);
        Assert.Equal(folded, new string(cleaned.Folded));
    }
}
