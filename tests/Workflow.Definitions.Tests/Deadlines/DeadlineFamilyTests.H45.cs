namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-fifth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước ngày 30 tháng 3 năm kế hoạch" in a cell that names a plan or a report, before the day or after it, is
    /// each plan year's day, every year.</summary>
    [Theory]
    [InlineData("c) Trước ngày 30 tháng 3 năm kế hoạch, Ủy ban nhân dân cấp tỉnh phê duyệt kế hoạch tài chính năm kế hoạch của Quỹ;", "recurring: Năm 2025-03-30")]
    [InlineData("Thời gian báo cáo Chủ tịch Ủy ban nhân dân cấp tỉnh các chỉ tiêu này trước ngày 15 tháng 3 năm kế hoạch.", "recurring: Năm 2025-03-15")]
    public void The_plan_years_day_recurs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Counted from the end of each month ("15 ngày kể từ ngày kết thúc tháng"), or of each accounting period
    /// "(quý, năm)": every month, every quarter.</summary>
    [Theory]
    [InlineData("- Báo cáo tháng: Chậm nhất là 15 ngày kể từ ngày kết thúc tháng.", "recurring: Tháng 1 2025-02-15 | Tháng 2 2025-03-15 | Tháng 3 2025-04-15 | Tháng 4 2025-05-15 | Tháng 5 2025-06-15 | Tháng 6 2025-07-15 | Tháng 7 2025-08-15 | Tháng 8 2025-09-15 | Tháng 9 2025-10-15 | Tháng 10 2025-11-15 | Tháng 11 2025-12-15 | Tháng 12 2026-01-15")]
    [InlineData("Các báo cáo nghiệp vụ gửi cho Bộ Tài chính chậm nhất là 15 ngày, kể từ ngày kết thúc kỳ kế toán (quý, năm).", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    public void Counted_from_each_months_or_accounting_periods_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"tình hình tai nạn … xảy ra trong 6 tháng đầu năm … trước ngày 15 tháng 7 đối với báo cáo 6 tháng đầu năm":
    /// the half a situation is of has no end of its own beside its report's day; "chốt số liệu báo cáo được tính từ ngày 15
    /// của tháng trước" is when the data are counted from, not a day to send.</summary>
    [Theory]
    [InlineData("3. Cục tổng hợp tình hình tai nạn lao động hàng hải xảy ra trong 6 tháng đầu năm và một năm và gửi Báo cáo về Bộ trước ngày 15 tháng 7 đối với báo cáo 6 tháng đầu năm và trước ngày 25 tháng 01 năm sau đối với báo cáo năm.", "recurring: 6 tháng 2025-07-15 | Năm 2026-01-25")]
    [InlineData("1. Định kỳ hàng tháng, chậm nhất trước ngày 20 của tháng báo cáo, ngân hàng báo cáo về tình hình mua ngoại tệ. Thời gian chốt số liệu báo cáo được tính từ ngày 15 của tháng trước đến ngày 14 của tháng báo cáo.", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    public void A_situations_half_and_the_datas_days_are_no_deadlines(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"trước tháng 10 năm thực hiện", "trong tháng 10 của năm thực hiện": the month of each cycle's year, every
    /// year; "kết thúc giai đoạn 5 năm", a stage's length, is no yearly period.</summary>
    [Theory]
    [InlineData("Báo cáo của Chính phủ trình Quốc hội hằng năm trước tháng 10 năm thực hiện; báo cáo đánh giá giữa kỳ, kết thúc giai đoạn 5 năm theo thời hạn yêu cầu của cơ quan có thẩm quyền.", "recurring: Tháng 9 2025-09-30")]
    [InlineData("Báo cáo trong tháng 10 của năm thực hiện", "recurring: Tháng 10 2025-10-31")]
    public void The_month_of_the_year_carried_out_recurs(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Định kỳ 6 tháng một lần (vào tháng 3, tháng 9 hằng năm)": a half-yearly duty given its two months is due in
    /// them; "Định kỳ 6 tháng" alone still ends each half.</summary>
    [Theory]
    [InlineData("2. Định kỳ 6 tháng một lần (vào tháng 3, tháng 9 hằng năm), tổ chức chủ trì gửi báo cáo tình hình về Cục.", "recurring: Tháng 3 2025-03-31 | Tháng 9 2025-09-30")]
    [InlineData("Định kỳ 6 tháng, báo cáo", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    public void A_half_yearly_duty_given_its_months(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
