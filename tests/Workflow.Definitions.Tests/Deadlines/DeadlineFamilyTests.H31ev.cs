namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-first and thirty-second harvests' misses (lane ev): "theo từng …" after a
/// leading frequency, a case opened by "Nếu", a count of minutes from an event, a count per week and the days of the week
/// listed after "các ngày".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>After the frequency that leads the cell, "theo từng nhóm" says how the periodic work is grouped, not another
    /// timetable; alone it still defers.</summary>
    [Theory]
    [InlineData("3. Định kỳ hằng quý, Công an cấp xã lập danh sách người được đặc xá theo từng nhóm, báo cáo cơ quan.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Hằng quý, lập danh sách theo từng nhóm.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Lập danh sách theo từng nhóm.", "event:")]
    public void By_each_group_after_a_leading_frequency_is_no_deferral(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A day in the clause opening the cell with "Nếu", up to its "thì", comma or "phải", says which cases the rule
    /// is for, as "Trường hợp …" does; several cases opened by "nếu" keep their days, and without "Nếu" both days stay.</summary>
    [Theory]
    [InlineData("b) Nếu mua sắm trước ngày 01 tháng 01 năm 2026 phải hoàn thành việc kiểm định trước ngày 01 tháng 6 năm 2026.", "once: 2026-06-01")]
    [InlineData("Nếu mua sắm trước ngày 01/01/2026 thì hoàn thành việc kiểm định trước ngày 01/6/2026.", "once: 2026-06-01")]
    [InlineData("Mua sắm trước ngày 01 tháng 01 năm 2026, hoàn thành việc kiểm định trước ngày 01 tháng 6 năm 2026.", "phased: Mua sắm 2026-01-01 | Hoàn thành việc kiểm định 2026-06-01")]
    public void A_day_in_a_clause_opened_by_neu_is_the_case(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Minutes counted from something that happens wait for it, as hours do; minutes in a time of day do not.</summary>
    [Theory]
    [InlineData("a) Kịp thời dừng khai thác, trong thời hạn không quá 60 phút kể từ thời điểm dừng phải thông báo cho người có thẩm quyền.", "event:")]
    [InlineData("Trước 17 giờ 30 phút ngày 15/12/2025.", "once: 2025-12-15")]
    public void Minutes_from_an_event_wait_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A count per week or per day ("03 lần/tuần") and the days of the week listed after "các ngày" are work over the
    /// year, as "hằng tuần"; a count per month is not, and a span's own end stays its deadline.</summary>
    [Theory]
    [InlineData("Công ty tổ chức thực hiện nổ mìn 03 lần/tuần, vào các ngày thứ 4, thứ 7 và Chủ nhật.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Tiếp công dân vào các ngày thứ Hai và thứ Năm.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Kiểm tra 2 lần/tháng.", "unknown:")]
    [InlineData("Từ ngày 01/12 đến ngày 31/12/2025, làm việc cả các ngày thứ 7, Chủ nhật.", "continuous: Quý IV 2025-12-31")]
    public void A_weekly_frequency_is_work_over_the_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
