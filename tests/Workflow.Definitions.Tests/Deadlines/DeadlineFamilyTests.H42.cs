namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-second harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"báo cáo … về việc sử dụng các quỹ trong năm": "trong năm" in what a report is about is the year reported
    /// on, so a yearly report stays yearly; "trong năm" said of the work itself is still work over the year.</summary>
    [Theory]
    [InlineData("Hằng năm, Giám đốc báo cáo Đại hội thành viên về việc quản lý, sử dụng các quỹ trong năm.", "recurring: Năm 2025-12-31")]
    [InlineData("Hoàn thành trong năm", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void The_year_a_report_is_about_is_no_work_over_the_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"05 năm liên tục", "03 lần liên tục": a count of periods in a row says how long a title was held; "liên tục"
    /// alone is still work that goes on.</summary>
    [Theory]
    [InlineData("Trong thời hạn 02 ngày làm việc, kể từ ngày có kết quả họp Hội đồng, Chủ tịch ban hành Quyết định tặng Giấy khen “Ấp văn hóa” 05 năm liên tục.", "event:")]
    [InlineData("Thực hiện liên tục", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void Years_in_a_row_are_a_count_not_a_time(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"đơn vị hành chính cấp huyện trước khi sắp xếp": right after a unit, the reorganisation names the unit as it
    /// was; the written day is due. "trước khi sắp xếp" with no unit before it still waits.</summary>
    [Theory]
    [InlineData("Quyết định của Ủy ban nhân dân cấp huyện tiếp tục có hiệu lực trong phạm vi của đơn vị hành chính cấp huyện trước khi sắp xếp đến hết ngày 28 tháng 02 năm 2027.", "once: 2027-02-28")]
    [InlineData("Hoàn thành trước khi sắp xếp", "event:")]
    public void A_unit_before_its_reorganisation_is_a_name(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"kể từ ngày bản án … có hiệu lực pháp luật": from the day something happens, with no count, waits for it;
    /// "kể từ ngày 01/7/2025" is a day.</summary>
    [Theory]
    [InlineData("Đại biểu bị kết tội thì đương nhiên mất quyền đại biểu kể từ ngày bản án có hiệu lực pháp luật.", "event:")]
    [InlineData("Thời hạn kiểm tra: Kể từ ngày công bố Quyết định này.", "event:")]
    public void From_the_day_of_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
