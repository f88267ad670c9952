namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Dates and period words typed the other ways documents type them: "quí" for "quý", full dates with dashes or
/// dots, a full stop after a bare day.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"quí", the spelling of "quý" common until about 2010, is the same word in any case; "quĩ" (a fund) is not.</summary>
    [Theory]
    [InlineData("Định kỳ hằng quí (trước ngày 05 của tháng đầu quí)", "recurring: Quý I 2025-01-05 | Quý II 2025-04-05 | Quý III 2025-07-05 | Quý IV 2025-10-05")]
    [InlineData("BÁO CÁO HẰNG QUÍ TRƯỚC NGÀY 15 CỦA THÁNG ĐẦU QUÍ SAU", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("Quí III/2025", "once: 2025-09-30")]
    [InlineData("thực hiện theo qui định hiện hành", "unknown:")]
    [InlineData("Quĩ phát triển đất báo cáo trước ngày 15/12/2025", "once: 2025-12-15")]
    public void Qui_is_quy_in_its_old_spelling(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A full date typed with dashes or dots, no space, reads as with "/": a deadline before a colon, a cited
    /// document's day, a span; "26-27-02-2026" is the span "26-27/02/2026". Spaced, or without its year, it is read as before.</summary>
    [Theory]
    [InlineData("Trước ngày 20.8.2025: tổng hợp kết quả kiểm kê", "once: 2025-08-20")]
    [InlineData("Trước ngày 20-8-2025: tổng hợp kết quả kiểm kê", "once: 2025-08-20")]
    [InlineData("Thông báo số 326/TB-TTHĐND ngày 17.12.2025", "event:")]
    [InlineData("Quyết định 962/QĐ-UBND ngày 15-8-2024, hoàn thành trước ngày 31-5-2025", "once: 2025-05-31")]
    [InlineData("Văn bản số 43-CV/TU ngày 12.11.2025: báo cáo trước ngày 10 tháng 6 hằng năm", "recurring: Năm 2025-06-10")]
    [InlineData("Từ 15-5-2025 đến 19-5-2025", "continuous: 2025-05-19")]
    [InlineData("Ngày 26-27-02-2026: Công bố và niêm yết danh sách cử tri", "continuous: 2026-02-27")]
    [InlineData("Ngày 26-27.02.2026: Công bố và niêm yết danh sách cử tri", "continuous: 2026-02-27")]
    [InlineData("ngày 22 - 5 - 2025", "once: 2025-05-22")]
    public void A_full_date_with_dashes_or_dots_reads_as_with_slashes(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A bare day after "hằng tháng" closed by a full stop is still that day of every month: a dot is a day's and
    /// month's only with a number after it.</summary>
    [Theory]
    [InlineData("định kỳ hằng tháng báo cáo tình hình, gửi Bộ Tài chính trước ngày 25.", "recurring: Tháng 1 2025-01-25 | Tháng 2 2025-02-25 | Tháng 3 2025-03-25 | Tháng 4 2025-04-25 | Tháng 5 2025-05-25 | Tháng 6 2025-06-25 | Tháng 7 2025-07-25 | Tháng 8 2025-08-25 | Tháng 9 2025-09-25 | Tháng 10 2025-10-25 | Tháng 11 2025-11-25 | Tháng 12 2025-12-25")]
    [InlineData("Hằng tháng, trước ngày 20. Gửi báo cáo về Sở Tài chính", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    public void A_bare_day_closed_by_a_full_stop_is_each_months(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A day whose month is named in words with its year ("ngày 20 tháng Sáu năm 2025") is that date, as with the
    /// month's number; a name without a year, or a year before the tracked range, is left unread.</summary>
    [Theory]
    [InlineData("Gửi báo cáo trước ngày 20 tháng Sáu năm 2025.", "once: 2025-06-20")]
    [InlineData("trước ngày 20 tháng sáu năm 2025", "once: 2025-06-20")]
    [InlineData("Hoàn thành ngày 2 tháng Mười một năm 2025", "once: 2025-11-02")]
    [InlineData("Chậm nhất ngày 31 tháng Mười Hai/2025", "once: 2025-12-31")]
    [InlineData("Gửi báo cáo trước ngày 20 tháng sáu.", "unknown:")]
    [InlineData("Kỷ niệm ngày 19 tháng Tám năm 1945", "unknown:")]
    public void A_day_with_its_month_in_words_and_a_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
