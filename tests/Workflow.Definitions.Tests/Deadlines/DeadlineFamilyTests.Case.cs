namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Letter case: a cell typed all in capitals (a heading, a table's cell) or in small letters reads as the same cell
/// written with its capitals.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>In capitals, a document's number is the run of capitals glued to its number ("962/QĐ-UBND"), not the words
    /// around it: the date after it is the document's, the deadline before it stays, and "TRƯỚC NGÀY" after a number is a
    /// deadline. "THÁNG THỨ 3" is a month, not a campaign's name; "VIỆT NAM" is a place, not a year; "PHÁP LUẬT VỀ …" is
    /// no law's name.</summary>
    [Theory]
    [InlineData("HOÀN THÀNH TRƯỚC NGÀY 31/5/2025 QUYẾT ĐỊNH 962/QĐ-UBND NGÀY 15/8/2024", "once: 2025-05-31")]
    [InlineData("Hoàn thành trước ngày 31/5/2025 Quyết định 962/QĐ-UBND ngày 15/8/2024", "once: 2025-05-31")]
    [InlineData("PHẢI ĐƯỢC PHÂN LOẠI THEO NGHỊ ĐỊNH 307/2025/NĐ-CP TRƯỚC NGÀY 30 THÁNG 6 NĂM 2026;", "once: 2026-06-30")]
    [InlineData("CHẬM NHẤT LÀ NGÀY 15 CỦA THÁNG CUỐI QUÝ, GỬI DANH SÁCH CHO LIÊN ĐOÀN LUẬT SƯ VIỆT NAM.",
        "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("BÁO CÁO VIỆC THỰC HIỆN PHÁP LUẬT VỀ THỰC HÀNH TIẾT KIỆM GIAI ĐOẠN 2016-2025 TRƯỚC NGÀY 05/12/2025.", "once: 2025-12-05")]
    public void A_cell_in_capitals_reads_as_written_with_its_capitals(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>In small letters, "việt nam" is a place, "luật bầu cử … 2015" a law's name with its year, and "tháng tám năm
    /// 1945" one month, as with their capitals; "tháng sau" (next month) stays no month's name.</summary>
    [Theory]
    [InlineData("chậm nhất là ngày 15 của tháng cuối quý, gửi danh sách cho liên đoàn luật sư việt nam.",
        "recurring: Quý I 2025-03-15 | Quý II 2025-06-15 | Quý III 2025-09-15 | Quý IV 2025-12-15")]
    [InlineData("theo khoản 1 điều 8 luật bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân 2015, hoàn thành trước ngày 30/11/2025.",
        "once: 2025-11-30")]
    [InlineData("tổng hợp người hoạt động từ ngày 01 tháng 01 năm 1945 đến ngày khởi nghĩa tháng tám năm 1945, gửi trước ngày 10 tháng 01 hằng năm.",
        "recurring: Năm 2025-01-10")]
    [InlineData("Báo cáo trước tháng tám năm 2025.", "once: 2025-08-31")]
    [InlineData("Báo cáo trước tháng Tám năm 2025.", "once: 2025-08-31")]
    public void A_cell_in_small_letters_reads_as_written_with_its_capitals(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
