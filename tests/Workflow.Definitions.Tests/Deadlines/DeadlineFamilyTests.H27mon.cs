using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The twenty-seventh and twenty-eighth harvests' monthly and half-yearly duties: conditions and steps beside a
/// frequency, a data period's span, a report's own day, a glued "IThông tư này".</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext Mid2021 = new(2021, new LocalDate(2021, 9, 29), RepositoryData.Calendar);

    /// <summary>The kind, the number of milestones and the first and last due dates: a monthly duty's twelve dates in short.</summary>
    private static string Span(string phrase, DeadlineContext? context = null)
    {
        var s = DeadlineParser.Parse(phrase, context ?? Y2025);
        return s.Milestones.Count == 0
            ? s.Kind.ToString().ToLowerInvariant()
            : $"{s.Kind.ToString().ToLowerInvariant()} {s.Milestones.Count}: {s.Milestones[0].Due:yyyy-MM-dd} … {s.Milestones[^1].Due:yyyy-MM-dd}";
    }

    /// <summary>A frequency that leads the cell, with its comma or after the party it is said of, makes "sau khi" a step of
    /// the periodic work and "khi có yêu cầu" in a later clause an extra occasion; a condition before any frequency still waits.</summary>
    [Theory]
    [InlineData("Hằng tháng, sau khi rà soát, đối chiếu số liệu, bộ phận quản lý nợ lựa chọn các trường hợp sau:", "recurring 12: 2025-01-31 … 2025-12-31")]
    [InlineData("- Được cơ quan bảo hiểm xã hội định kỳ hằng tháng cung cấp thông tin; được cơ quan bảo hiểm xã hội xác nhận thông tin khi có yêu cầu;", "recurring 12: 2025-01-31 … 2025-12-31")]
    [InlineData("Sau khi rà soát, hằng tháng bộ phận quản lý nợ lựa chọn các trường hợp sau:", "event 12: 2025-01-31 … 2025-12-31")]
    public void A_leading_frequency_keeps_its_conditions_as_steps(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>"(nếu có)" after a day of every month said as the deadline is an aside on what is paid.</summary>
    [Theory]
    [InlineData("- Trước ngày 25 hằng tháng, Ủy ban nhân dân cấp xã chuyển số kinh phí còn lại chưa chi trả các tháng trước (nếu có) vào tài khoản.", "recurring 12: 2025-01-25 … 2025-12-25")]
    [InlineData("Chuyển số kinh phí còn lại (nếu có) vào tài khoản.", "event")]
    public void If_any_beside_a_monthly_day_is_an_aside(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>A span from a day of the month before to a day of the next is the month's data period beside a monthly deadline.</summary>
    [Theory]
    [InlineData("Thông tin hàng tháng được tổng hợp từ ngày 21 tháng trước cho đến ngày 20 tháng tiếp theo và gửi cho các bên trước ngày 25 hàng tháng.", "recurring 12: 2025-01-25 … 2025-12-25")]
    [InlineData("Gửi báo cáo trước ngày 20 tháng tiếp theo.", "recurring 12: 2025-02-20 … 2026-01-20")]
    public void A_month_to_month_span_is_the_data_period(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>A half-year whose report names its own day adds no half-year's end where it is said again without one.</summary>
    [Theory]
    [InlineData("Định kỳ 06 tháng và hằng năm, báo cáo tình hình hoạt động. Báo cáo 06 tháng gửi trước ngày 20 tháng 6 và báo cáo hằng năm gửi trước ngày 20 tháng 12.", "recurring: 6 tháng 2025-06-20 | Năm 2025-12-20")]
    [InlineData("Định kỳ 06 tháng báo cáo tình hình hoạt động.", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void A_dated_half_year_adds_no_period_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Thông tư này" glued to a numeral before it ("phụ lục IThông tư này") is still this circular, not "từ nay".</summary>
    [Theory]
    [InlineData("Chậm nhất ngày 20 hằng tháng ngân hàng nộp theo mẫu ban hành kèm theo phụ lục IThông tư này.", "recurring 12: 2021-01-20 … 2021-12-20")]
    [InlineData("chậm nhất ngày 20 hằng tháng ngân hàng nộp theo mẫu ban hành kèm theo phụ lục ivthông tư này.", "recurring 12: 2021-01-20 … 2021-12-20")]
    [InlineData("Chậm nhất ngày 20 hằng tháng từ nay.", "recurring 4: 2021-09-20 … 2021-12-20")]
    public void A_glued_circular_is_not_from_now(string phrase, string expected) => Assert.Equal(expected, Span(phrase, Mid2021));

    /// <summary>"kế tiếp" (next) after a day and its month, as "tiếp theo": that day of the next month, every month; a day's
    /// ordinal in words from ten on after "ngày thứ" is its number, a weekday ("ngày thứ Hai") is not.</summary>
    [Theory]
    [InlineData("nộp thuế chậm nhất vào ngày 10 của tháng kế tiếp.", "recurring 12: 2025-02-10 … 2026-01-10")]
    [InlineData("nộp thuế chậm nhất vào ngày 10 tháng kế tiếp.", "recurring 12: 2025-02-10 … 2026-01-10")]
    [InlineData("nộp thuế cho các tờ khai đã thông quan trong tháng chậm nhất vào ngày thứ mười của tháng kế tiếp.", "recurring 12: 2025-02-10 … 2026-01-10")]
    [InlineData("chậm nhất vào ngày thứ mười lăm của tháng tiếp theo.", "recurring 12: 2025-02-15 … 2026-01-15")]
    [InlineData("Họp vào ngày thứ Hai của tháng sau.", "unknown")]
    public void A_day_of_the_next_month_said_with_ke_tiep(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>"tháng sau" right after a day, without "của": that day of the next month, every month, as with "của"; with
    /// "thứ" before a day past seven too. "tháng sáu" is June, not "after"; "… tháng sau khi …" counts months from an event.</summary>
    [Theory]
    [InlineData("Gửi báo cáo trước ngày 20 tháng sau.", "recurring 12: 2025-02-20 … 2026-01-20")]
    [InlineData("Báo cáo định kỳ hằng tháng, chậm nhất vào ngày thứ 20 tháng sau.", "recurring 12: 2025-02-20 … 2026-01-20")]
    [InlineData("Báo cáo định kỳ hằng tháng, chậm nhất vào ngày 20 của tháng sau.", "recurring 12: 2025-02-20 … 2026-01-20")]
    [InlineData("Gửi báo cáo trước ngày 20 tháng sáu.", "unknown")]
    [InlineData("Hoàn thành 20 tháng sau khi ký hợp đồng.", "event")]
    public void A_day_of_the_next_month_said_without_cua(string phrase, string expected) => Assert.Equal(expected, Span(phrase));

    /// <summary>A law named with its day is a cited document; a year whose clause says in how many rounds the work is done
    /// is the campaign's year beside the round's own days. A day said as a deadline after a law's name, and a year with no
    /// rounds, stay as they were.</summary>
    [Theory]
    [InlineData("Thực hiện Luật Nghĩa vụ quân sự ngày 19 tháng 6 năm 2015; năm 2025 tiến hành gọi công dân nhập ngũ một đợt; thời gian giao nhận quân từ ngày 13 đến hết ngày 15 tháng 02 năm 2025.", "continuous: 2025-02-15")]
    [InlineData("Việc gửi danh sách được thực hiện theo khoản 1 Điều 58 của Luật Bầu cử đại biểu Quốc hội chậm nhất là ngày 22 tháng 02 năm 2026.", "once: 2026-02-22")]
    [InlineData("Ban hành kế hoạch ngày 15/3/2025; tổ chức thực hiện năm 2025.", "phased: Ban hành kế hoạch 2025-03-15 | Tổ chức thực hiện 2025-12-31")]
    [InlineData("Năm 2025 tiến hành gọi công dân nhập ngũ; thời gian giao nhận quân từ ngày 13 đến hết ngày 15 tháng 02 năm 2025.", "phased: Thời gian giao nhận quân 2025-02-15 | 2025-12-31")]
    public void A_law_with_its_day_and_a_campaign_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
