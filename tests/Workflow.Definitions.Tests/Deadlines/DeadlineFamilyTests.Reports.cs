using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the twenty-third harvest's misses: reporting duties of laws and circulars.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"thăng", "thắng" fold like "tháng" but say no month; a month naming a campaign ("Tháng hành động", "Tháng
    /// Thanh niên") or named in words ("tháng Tám") is not every month.</summary>
    [Theory]
    [InlineData("Báo cáo danh sách đề nghị thăng cấp bậc hàm gửi về Cục Tổ chức cán bộ trước ngày 31 tháng 12 hằng năm.", "recurring: Năm 2025-12-31")]
    [InlineData("Gửi báo cáo kết quả Tháng hành động vì trẻ em trước ngày 10 tháng 7 hằng năm.", "recurring: Năm 2025-07-10")]
    [InlineData("Báo cáo kết quả Tháng Thanh niên trước ngày 15 tháng 4 hằng năm.", "recurring: Năm 2025-04-15")]
    [InlineData("Cách mạng tháng Tám thành công, hoàn thành trước ngày 31/8/2025", "once: 2025-08-31")]
    [InlineData("Tháng 12/2025", "once: 2025-12-31")]
    public void Words_that_fold_like_thang_or_name_a_month_are_not_every_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>After "số", numbers joined by dots whose last is no year written out number a form.</summary>
    [Fact]
    public void A_form_numbered_with_dots_after_so_is_no_date() =>
        Assert.Equal(
            "recurring: Tháng 1 2025-01-10 | Tháng 2 2025-02-10 | Tháng 3 2025-03-10 | Tháng 4 2025-04-10 | Tháng 5 2025-05-10 | Tháng 6 2025-06-10 | "
            + "Tháng 7 2025-07-10 | Tháng 8 2025-08-10 | Tháng 9 2025-09-10 | Tháng 10 2025-10-10 | Tháng 11 2025-11-10 | Tháng 12 2025-12-10",
            Read("Báo cáo theo Mẫu số 5.1.6 của Phụ lục I vào ngày 10 hàng tháng."));

    /// <summary>"năm tài chính kế tiếp" is the next year, as "năm dương lịch tiếp theo" is.</summary>
    [Fact]
    public void The_next_fiscal_year_is_the_year_after() =>
        Assert.Equal("recurring: Năm 2026-03-31", Read("Thời gian gửi báo cáo chậm nhất là ngày 31 tháng 3 của năm tài chính kế tiếp đối với báo cáo năm"));

    /// <summary>A year of the last century beside the cell's own dates says who the rule is for; alone it is refused.</summary>
    [Fact]
    public void A_year_of_the_last_century_is_the_rules_subject()
    {
        var schedule = DeadlineParser.Parse(
            "Hằng năm, tổng hợp danh sách người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945 gửi về Cục Chính sách trước ngày 10 tháng 01 năm sau.", Y2025);
        Assert.Equal("recurring: Năm 2026-01-10", ScheduleText.Of(schedule));
        Assert.Contains("năm 1945 đã qua", schedule.Note, StringComparison.Ordinal);
        Assert.Equal("unknown:", Read("Người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945"));
    }

    /// <summary>"Trong năm N," opening the sentence, with a day of year N said as a deadline in it, is the year the rule
    /// holds in; in another sentence or clause it stays a step.</summary>
    [Theory]
    [InlineData("2. Trong năm 2025, việc đăng tải Kế hoạch được thực hiện trước ngày 14 tháng 6 năm 2025.", "once: 2025-06-14")]
    [InlineData("Trong năm 2025, tổ chức tập huấn; ban hành kế hoạch trước ngày 14/6/2025.", "phased: Ban hành kế hoạch 2025-06-14 | 2025-12-31")]
    public void A_year_opening_its_deadlines_sentence_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A span after "chốt số liệu" beside a deadline is the data's period; a report "thay thế bằng" another has no
    /// deadline of its own.</summary>
    [Theory]
    [InlineData("Báo cáo gửi Cục trước ngày 01 tháng 3 hàng năm. Thời gian chốt số liệu từ ngày 01 tháng 01 đến ngày 31 tháng 12 hàng năm.", "recurring: Năm 2025-03-01")]
    [InlineData("Thời hạn gửi báo cáo: trước ngày 05 tháng 7 đối với báo cáo định kỳ 06 tháng; trước ngày 15 tháng 12 hàng năm đối với báo cáo định kỳ hàng năm; báo cáo 06 tháng cuối năm được thay thế bằng báo cáo năm.",
        "recurring: 6 tháng 2025-07-05 | Năm 2025-12-15")]
    public void Data_periods_and_replaced_reports_are_notes(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
