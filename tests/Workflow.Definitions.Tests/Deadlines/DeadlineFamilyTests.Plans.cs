using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the twenty-fourth harvest's misses: provinces' plans and their task tables, and
/// circulars' reporting duties.</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext Plan2026 = new(2026, new LocalDate(2026, 1, 15), RepositoryData.Calendar);

    /// <summary>A day reached with "tính đến (hết) ngày" in the year of work the cell gives is how far the work is counted,
    /// its cut-off: the year stays work over it. Alone, the day is still due.</summary>
    [Theory]
    [InlineData("Phong trào thi đua trong năm 2026 và tính đến hết ngày 31/12/2026.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Thi đua trong năm 2026, tính đến ngày 30/11/2026.", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Tính đến hết ngày 31/12/2026.", "once: 2026-12-31")]
    public void A_day_counted_to_in_the_year_of_work_is_its_cut_off(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Plan2026));

    /// <summary>The year of an index or of what is assessed ("xếp loại chỉ số CCHC năm 2026"), beside a later period, is what
    /// is assessed then: the note. Beside a period of its own year it stays as it was.</summary>
    [Theory]
    [InlineData("b) Quý I/2027, các cơ quan đánh giá, xếp loại chỉ số CCHC năm 2026 của cơ quan, đơn vị mình.", "once: 2027-03-31")]
    [InlineData("Quý I/2027 công bố Chỉ số hài lòng năm 2026", "once: 2027-03-31")]
    [InlineData("Năm 2026 xây dựng bộ chỉ số; Quý I/2027 công bố", "phased: 2026-12-31 | 2027-03-31")]
    public void The_year_of_an_index_assessed_later_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Plan2026));

    /// <summary>A plan's period after "thời kỳ" and its vision ("tầm nhìn đến năm 2050") name the plan beside its own dates;
    /// "bắt đầu từ …; kết thúc vào …" is one span. "Thực hiện trong thời kỳ 2021-2030" alone is still work over the years.</summary>
    [Theory]
    [InlineData("Thời gian thực hiện lập điều chỉnh quy hoạch tỉnh Phú Thọ thời kỳ 2021-2030, tầm nhìn đến năm 2050: Thực hiện trong 4 tháng, bắt đầu từ tháng 9/2025; kết thúc vào 31/12/2025.",
        "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Điều chỉnh quy hoạch chung thời kỳ 2021 - 2030: hoàn thành trước ngày 30/6/2026", "once: 2026-06-30")]
    [InlineData("Bắt đầu từ ngày 01/10/2026, kết thúc vào ngày 30/11/2026", "continuous: 2026-11-30")]
    [InlineData("Từ tháng 9/2026; kết thúc vào 31/12/2026.", "once: 2026-12-31")]
    public void A_plans_period_and_vision_name_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Plan2026));

    /// <summary>A cell that opens with its duty's frequency after a list's marker ("e) Định kỳ …") keeps its conditions as
    /// extra occasions beside it, as one without the marker does.</summary>
    [Theory]
    [InlineData("e) Định kỳ 06 tháng, hằng năm hoặc đột xuất tham mưu báo cáo Thủ tướng Chính phủ; thực hiện công khai theo quy định của pháp luật;",
        "recurring: 6 tháng 2026-06-30 | Năm 2026-12-31")]
    [InlineData("2. Định kỳ hằng năm hoặc đột xuất báo cáo Bộ trưởng theo quy định của pháp luật", "recurring: Năm 2026-12-31")]
    [InlineData("e) Theo quy định của pháp luật", "event:")]
    public void A_frequency_after_a_lists_marker_opens_the_cell(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Plan2026));

    /// <summary>A day or month whose "1" was typed or scanned as a lowercase L ("3l", "2l", "0l") is that number; the data's
    /// cut-off "được chốt tại thời điểm ngày …" beside the report's day is the note.</summary>
    [Theory]
    [InlineData("2. Dữ liệu tự đánh giá được chốt tại thời điểm ngày 31 tháng 12 của năm báo cáo. Báo cáo kết quả tự đánh giá được hoàn thiện chậm nhất vào ngày 3l tháng 3 của năm sau liền kề.",
        "recurring: Năm 2027-03-31")]
    [InlineData("Chậm nhất ngày 2l/12/2026", "once: 2026-12-21")]
    [InlineData("Trước ngày 0l/7/2026", "once: 2026-07-01")]
    public void A_one_scanned_as_l_and_a_data_cut_off(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Plan2026));
}
