namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-fourth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước ngày 25 của tháng cuối cùng hằng quý": the day of each quarter's last month, as "mỗi quý" says.</summary>
    [Fact]
    public void The_last_month_of_every_quarter_said_with_hang() =>
        Assert.Equal("recurring: Quý I 2025-03-25 | Quý II 2025-06-25 | Quý III 2025-09-25 | Quý IV 2025-12-25", Read("Định kỳ trước ngày 25 của tháng cuối cùng hằng quý, gửi văn bản thông báo."));

    /// <summary>"Một năm 2 lần, … trước ngày 20 tháng 6, 20 tháng 11": twice a year, the days listed recur.</summary>
    [Fact]
    public void Twice_a_year_the_listed_days_recur() =>
        Assert.Equal("recurring: Năm 2025-06-20 | Năm 2025-11-20", Read("b) Một năm 2 lần, Ủy ban nhân dân cấp huyện báo cáo Ủy ban nhân dân cấp tỉnh trước ngày 20 tháng 6, 20 tháng 11;"));

    /// <summary>"… văn bằng đã được công nhận trước ngày 25 tháng 12 hằng năm": with no other day beside it, a day after an
    /// act said done is the report's own; beside another deadline it still says which cases.</summary>
    [Theory]
    [InlineData("b) Báo cáo số lượng các loại văn bằng đã được công nhận trước ngày 25 tháng 12 hằng năm.", "recurring: Năm 2025-12-25")]
    [InlineData("Nhà xưởng đã được đưa vào hoạt động trước ngày 15 tháng 4 năm 2025, chậm nhất đến ngày 15 tháng 4 năm 2026 phải đáp ứng yêu cầu.", "once: 2026-04-15")]
    public void A_day_after_an_act_done_is_a_condition_only_beside_another(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A plan's period named as what it is for ("kế hoạch tổ chức tiếp nhận của quý tiếp theo", "dự kiến kế hoạch
    /// … cho năm sau") and a plan's length ("kế hoạch 5 năm") are no periods of the duty's own.</summary>
    [Theory]
    [InlineData("Định kỳ, trong thời hạn 15 ngày kể từ ngày kết thúc quý, SCIC báo cáo Bộ Tài chính về tình hình thực hiện; kế hoạch tổ chức tiếp nhận của quý tiếp theo.", "recurring: Quý I 2025-04-15 | Quý II 2025-07-15 | Quý III 2025-10-15 | Quý IV 2026-01-15")]
    [InlineData("a1) Quý II hằng năm, căn cứ vào kế hoạch 5 năm xây dựng TCVN, các bộ gửi dự kiến kế hoạch xây dựng TCVN cho năm sau đến Bộ Khoa học và Công nghệ.", "recurring: Quý II 2025-06-30")]
    public void A_plans_period_and_length_are_what_it_is_for(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A half-year report counted from its half's end has no half-year ends of its own; counted "từ ngày kết thúc
    /// 06 tháng đầu năm và kết thúc năm dương lịch", from both ends.</summary>
    [Theory]
    [InlineData("c) Báo cáo 06 tháng gửi Ủy ban Chứng khoán Nhà nước trong thời hạn 45 ngày đầu kể từ ngày kết thúc 06 tháng đầu năm;", "recurring: 6 tháng đầu năm 2025-08-14")]
    [InlineData("Công ty đại chúng phải công bố thông tin về báo cáo tình hình quản trị công ty trong thời hạn 30 ngày, kể từ ngày kết thúc 06 tháng đầu năm và kết thúc năm dương lịch.", "recurring: 6 tháng đầu năm 2025-07-30 | Năm 2026-01-30")]
    public void A_half_years_report_counted_from_its_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"…, sau khi doanh nghiệp đã hoàn thành việc quyết toán thuế": after a day, an act said done waits for
    /// nothing; "năm liền kề sau năm của kỳ đánh giá" is the year after the one assessed, every year.</summary>
    [Theory]
    [InlineData("2. Thời hạn báo cáo trước ngày 15 tháng 5 của năm tiếp theo, sau khi doanh nghiệp đã hoàn thành việc quyết toán thuế của năm trước.", "recurring: Năm 2026-05-15")]
    [InlineData("Kết quả đánh giá được công bố trước ngày 15 tháng 01 của năm liền kề sau năm của kỳ đánh giá.", "recurring: Năm 2026-01-15")]
    [InlineData("Báo cáo sau khi doanh nghiệp hoàn thành việc quyết toán thuế.", "event:")]
    public void An_act_done_and_the_assessment_periods_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
