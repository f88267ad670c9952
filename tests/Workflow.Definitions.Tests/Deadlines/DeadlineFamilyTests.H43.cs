namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-third harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A half-year named as what a report covers, or what data or results are of, beside its own day: the day is
    /// due, no half's end beside it; in brackets said with "chậm nhất" as with "trước ngày".</summary>
    [Theory]
    [InlineData("Báo cáo 6 tháng đầu năm (chậm nhất là ngày 31 tháng 7 hàng năm)", "recurring: 6 tháng đầu năm 2025-07-31")]
    [InlineData("Báo cáo giám sát an toàn vi mô 6 tháng đầu năm phải hoàn thành trước ngày 31 tháng 8 trong năm. Báo cáo giám sát an toàn vi mô hằng năm được hoàn thành trước ngày 15 tháng 4 năm tiếp theo;", "recurring: Năm 2025-08-31 | Năm 2026-04-15")]
    [InlineData("Định kỳ 06 tháng, hằng năm, công bố tình hình tai nạn lao động. Thông tin phải được công bố trước ngày 10 tháng 7 đối với số liệu 06 tháng đầu năm và trước ngày 15 tháng 01 năm sau đối với số liệu cả năm;", "recurring: Năm 2025-07-10 | Năm 2026-01-15")]
    public void A_half_year_reported_on_takes_its_own_day(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Thời điểm báo cáo là ngày 30 tháng 9, thời hạn gửi báo cáo là ngày 30 tháng 10 hàng năm": the day the
    /// figures are taken is the note beside the day to send them.</summary>
    [Fact]
    public void The_reports_moment_is_no_deadline() =>
        Assert.Equal("recurring: Năm 2025-10-30", Read("Kỳ báo cáo đầu năm học: Thời điểm báo cáo là ngày 30 tháng 9, thời hạn gửi báo cáo là ngày 30 tháng 10 hàng năm."));

    /// <summary>A section's number opening the cell ("5.2.3. Tiếp nhận …") or after "tiết" ("tiết 1.2.1") is no date.</summary>
    [Theory]
    [InlineData("5.2.3. Tiếp nhận thông báo để chuyển cho người hưởng chậm nhất trong thời gian 05 ngày làm việc kể từ ngày nhận được thông báo.", "event:")]
    [InlineData("Theo phân cấp nêu tại tiết 1.2.1 điểm 1.2 khoản này, hoàn thành trong Quý II/2025.", "once: 2025-06-30")]
    public void A_sections_number_is_no_date(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"chậm nhất từ ngày 01/01/2021, BHXH huyện phải thực hiện …": the latest day to start is a deadline; "từ ngày
    /// 01/7/2025" alone still opens work that runs to the year's end.</summary>
    [Theory]
    [InlineData("chậm nhất từ ngày 01/01/2025, BHXH huyện phải thực hiện giải quyết toàn bộ các chế độ BHXH.", "once: 2025-01-01")]
    [InlineData("BHXH huyện thực hiện từ ngày 01/7/2025.", "continuous: Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void The_latest_day_to_start_is_a_deadline(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"04 lần/01 năm", "ít nhất 1 năm 1 lần": how many times a year, beside the cell's own periods and days, adds
    /// no year's end.</summary>
    [Theory]
    [InlineData("Báo cáo định kỳ hằng quý: Thực hiện 04 lần/01 năm, thời hạn gửi báo cáo chậm nhất vào ngày 20 của tháng cuối quý thuộc kỳ báo cáo.", "recurring: Quý I 2025-03-20 | Quý II 2025-06-20 | Quý III 2025-09-20 | Quý IV 2025-12-20")]
    [InlineData("Tổ chức đối thoại vào tháng 3 hằng năm, nhưng phải đảm bảo ít nhất 1 năm 1 lần.", "recurring: Tháng 3 2025-03-31")]
    public void Times_a_year_add_no_years_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Cuối đợt giám sát" (the end of a round) waits; a table's column named by its years ("Cột “2023 - 2027”") is
    /// no deadline; "thù lao theo kế hoạch năm chia 12 tháng", a sum divided by months, is no yearly period, nor is the year's
    /// plan the figures come from after the cell's time ("theo kế hoạch năm").</summary>
    [Theory]
    [InlineData("- Cuối đợt giám sát (sau 05 ngày làm việc), mỗi thành viên gửi nội dung nhận xét về thư ký Tổ công tác.", "event:")]
    [InlineData("b) Cột “2025”: Thuế suất áp dụng từ ngày 01 tháng 01 năm 2025 đến hết ngày 31 tháng 12 năm 2025;", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Trước ngày 20 hàng tháng, cơ quan chi trả thù lao (80% của số tiền thù lao theo kế hoạch năm chia 12 tháng).", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    [InlineData("Trước ngày 20 hàng tháng, cơ quan chi trả thù lao (80% của số tiền thù lao theo kế hoạch năm).", "recurring: Tháng 1 2025-01-20 | Tháng 2 2025-02-20 | Tháng 3 2025-03-20 | Tháng 4 2025-04-20 | Tháng 5 2025-05-20 | Tháng 6 2025-06-20 | Tháng 7 2025-07-20 | Tháng 8 2025-08-20 | Tháng 9 2025-09-20 | Tháng 10 2025-10-20 | Tháng 11 2025-11-20 | Tháng 12 2025-12-20")]
    public void A_rounds_end_a_columns_year_and_a_sum_by_months(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
