using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>A count written in words before its unit ("mười lăm ngày", "sáu tháng", "chín mươi ngày") is read as its
/// digits; the words that only look like numbers ("năm" the year, "sau" after, "thứ Ba", "tháng Sáu") are not.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>Each phrase in words reads as the same phrase in digits.</summary>
    [Theory]
    [InlineData("Trong thời hạn mười lăm ngày kể từ ngày ban hành", "Trong thời hạn 15 ngày kể từ ngày ban hành")]
    [InlineData("Chậm nhất là chín mươi ngày, kể từ ngày kết thúc năm tài chính", "Chậm nhất là 90 ngày, kể từ ngày kết thúc năm tài chính")]
    [InlineData("Trong thời hạn năm ngày làm việc kể từ ngày ban hành", "Trong thời hạn 5 ngày làm việc kể từ ngày ban hành")]
    [InlineData("trong năm ngày kể từ ngày ban hành", "trong 5 ngày kể từ ngày ban hành")]
    [InlineData("Định kỳ báo cáo sáu tháng", "Định kỳ báo cáo 6 tháng")]
    [InlineData("Sáu tháng đầu năm", "6 tháng đầu năm")]
    [InlineData("chín tháng đầu năm 2025", "9 tháng đầu năm 2025")]
    [InlineData("Hai mươi mốt ngày kể từ ngày ban hành", "21 ngày kể từ ngày ban hành")]
    [InlineData("Một trăm linh năm ngày kể từ ngày ban hành", "105 ngày kể từ ngày ban hành")]
    [InlineData("MƯỜI BỐN NGÀY KỂ TỪ NGÀY BAN HÀNH", "14 ngày kể từ ngày ban hành")]
    [InlineData("mười lăm (15) ngày kể từ ngày ban hành", "15 ngày kể từ ngày ban hành")]
    [InlineData("Ba tháng kể từ ngày ban hành", "3 tháng kể từ ngày ban hành")]
    [InlineData("Chậm nhất bốn mươi lăm ngày trước thời điểm giấy phép hết hiệu lực", "Chậm nhất 45 ngày trước thời điểm giấy phép hết hiệu lực")]
    [InlineData("Hai năm một lần, bắt đầu từ năm 2024", "2 năm một lần, bắt đầu từ năm 2024")]
    [InlineData("Từ ngày 21/4 đến mười bảy giờ ngày 28/4/2025", "Từ ngày 21/4 đến 17 giờ ngày 28/4/2025")]
    public void A_count_in_words_reads_as_its_digits(string words, string digits)
    {
        Assert.Equal(Read(digits, Y2025), Read(words, Y2025));
        Assert.NotEqual("unknown:", Read(words, Y2025));
    }

    [Theory]
    [InlineData("Trong thời hạn mười lăm ngày kể từ ngày ban hành", "once: 2025-12-05")]
    [InlineData("mười lăm (15) ngày kể từ ngày ban hành", "once: 2025-12-05")]
    [InlineData("Trong thời hạn năm ngày làm việc kể từ ngày ban hành", "once: 2025-11-27")]
    public void A_count_in_words_is_counted(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Y2025));

    /// <summary>The count's words are shown as written in the note.</summary>
    [Fact]
    public void A_count_in_words_is_shown_as_written()
    {
        var schedule = DeadlineParser.Parse("Chậm nhất là chín mươi ngày, kể từ ngày kết thúc năm tài chính", Y2025);
        Assert.Contains("chín mươi ngày", schedule.Note, StringComparison.Ordinal);
    }

    /// <summary>Not a count: "năm" after "hằng" is the year ("Hằng năm ngày cuối cùng …" reads as "Hằng năm, ngày cuối cùng
    /// …", not "Hằng 5 ngày …"); "năm" before a number is a year; "tháng Sáu" names June; "hai ngày" before the days named
    /// lists them; "sau" (after), "thứ Ba" (Tuesday) and words typed without accents are no numbers.</summary>
    [Theory]
    [InlineData("Hằng năm ngày cuối cùng của tháng 12", "Hằng năm, ngày cuối cùng của tháng 12")]
    [InlineData("Báo cáo vào tháng Sáu năm 2026", "Báo cáo vào tháng 6 năm 2026")]
    [InlineData("Tổ chức trong hai ngày 26 và 27/12/2025", "Tổ chức trong ngày 26 và 27/12/2025")]
    public void Words_that_only_look_like_a_count_are_not_one(string phrase, string same)
    {
        var context = new DeadlineContext(2026, null, RepositoryData.Calendar);
        Assert.Equal(Read(same, context), Read(phrase, context));
    }

    [Theory]
    [InlineData("Báo cáo sau ngày kết thúc quý", "unknown:")]
    [InlineData("Họp vào thứ Ba tuần sau", "unknown:")]
    [InlineData("sau thang ke tu ngay ban hanh", "unknown:")]
    [InlineData("Hằng năm ngày cuối cùng của tháng 12", "recurring: Tháng 12 2025-12-31")]
    [InlineData("Trong năm 2025", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Words_that_only_look_like_a_count_read_as_before(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Y2025));
}
