using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Yearly duties written with a year relative to another (the tax year, the plan's year) and a year's data
/// periods: the twenty-seventh and twenty-eighth harvests' lane "yr".</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"của năm tính thuế" is each tax year's, every year; a year "trước (liền kề)" or "liền trước" the tax year or
    /// the plan's year is the filing year, the tracked one, every year. "năm liền kề trước năm kế hoạch" keeps its
    /// earlier reading (the year before the tracked one), and a bare "năm trước" stays one date.</summary>
    [Theory]
    [InlineData("Đăng ký giảm trừ gia cảnh chậm nhất là ngày 31 tháng 12 của năm tính thuế.", "recurring: Năm 2025-12-31")]
    [InlineData("Nộp hồ sơ khai thuế chậm nhất là ngày 15 tháng 12 năm trước liền kề năm tính thuế.", "recurring: Năm 2025-12-15")]
    [InlineData("Đăng ký kế hoạch sử dụng tem trước ngày 30 tháng 4 của năm liền trước năm kế hoạch.", "recurring: Năm 2025-04-30")]
    [InlineData("Gửi kế hoạch chậm nhất ngày 30 tháng 11 của năm liền kề trước năm kế hoạch.", "once: 2024-11-30")]
    [InlineData("Hoàn thành trước ngày 30 tháng 4 năm trước.", "once: 2024-04-30")]
    public void A_year_said_relative_to_the_tax_or_plan_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"tại ngày 31 tháng 12" after a report beside its deadline is the day the figures stand at: the note. Alone
    /// it is still the cell's date.</summary>
    [Theory]
    [InlineData("Trước ngày 31 tháng 3 của năm tiếp theo, công ty phải gửi Báo cáo tài chính năm tại ngày 31 tháng 12 đã được kiểm toán.", "recurring: Năm 2026-03-31")]
    [InlineData("Báo cáo số liệu tại ngày 31/12/2025.", "once: 2025-12-31")]
    public void A_day_the_figures_stand_at(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A form's number after "Mẫu" without "số" is no day and month.</summary>
    [Theory]
    [InlineData("Chậm nhất là ngày 15/1 hàng năm, gửi báo cáo theo Mẫu 2.9 tại Phụ lục.", "recurring: Năm 2025-01-15")]
    [InlineData("Gửi báo cáo theo mẫu số 2.9 trước ngày 15/10/2025.", "once: 2025-10-15")]
    public void A_form_numbered_after_Mau(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The Tết of a calendar of days off names no day; a Tết said as a deadline still does.</summary>
    [Theory]
    [InlineData("Hằng năm, Bộ hướng dẫn việc đăng tải thông tin phù hợp với lịch nghỉ lễ, Tết theo thông báo của Bộ.", "recurring: Năm 2025-12-31")]
    [InlineData("Hoàn thành trước Tết Nguyên đán 2026.", "once: 2026-02-16")]
    public void The_Tet_of_a_holiday_calendar(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A half-year without its year, then "(trước ngày …)" with a day in the three months after it: the half is
    /// the period reported on, the bracket's day its deadline. A day inside the half stays an aside.</summary>
    [Theory]
    [InlineData("Định kỳ sáu tháng đầu năm (trước ngày 15 tháng 7) thông báo với Bộ về tình hình biến động lao động.", "recurring: 6 tháng đầu năm 2025-07-15")]
    [InlineData("Định kỳ 6 tháng cuối năm (trước ngày 15 tháng 01 năm sau) báo cáo Bộ.", "recurring: 6 tháng cuối năm 2026-01-15")]
    [InlineData("Sáu tháng đầu năm (trước ngày 15 tháng 5) báo cáo.", "once: 2025-06-30")]
    public void A_half_years_day_in_brackets(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"không chậm hơn" or "chậm nhất" N months "of the next year" is the end of its N-th month; in a yearly duty
    /// "sau khi kết thúc năm …" is each year's end, no event, and "sau khi lấy ý kiến" after who decides is its own step.
    /// Without a yearly duty the year's end is still waited for; without a date, so is the consultation.</summary>
    [Theory]
    [InlineData("Hội nghị được tổ chức định kỳ mỗi năm một lần sau khi kết thúc năm công tác nhưng không chậm hơn 03 tháng của năm công tác tiếp theo.", "recurring: Năm 2026-03-31")]
    [InlineData("Hội nghị tổ chức mỗi năm một lần, chậm nhất 02 tháng của năm sau.", "recurring: Năm 2026-02-28")]
    [InlineData("Giám đốc quyết định sau khi lấy ý kiến của Công đoàn, hoàn thành trước ngày 30/12/2025.", "once: 2025-12-30")]
    [InlineData("Hội nghị được tổ chức sau khi kết thúc năm công tác.", "event:")]
    [InlineData("Giám đốc quyết định sau khi lấy ý kiến của Công đoàn.", "event:")]
    public void Months_into_the_next_year_of_a_yearly_duty(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
