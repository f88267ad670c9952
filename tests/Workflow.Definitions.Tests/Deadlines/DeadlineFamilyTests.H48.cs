namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the forty-eighth harvest's misses.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>Days of the month listed once with "ngày" ("ngày 15 và 25 hàng tháng") each take "hằng tháng".</summary>
    [Theory]
    [InlineData("Tiếp công dân vào ngày 15 và 25 hàng tháng.", "recurring: Tháng 1 2025-01-15 | Tháng 1 2025-01-25 | Tháng 2 2025-02-15 | Tháng 2 2025-02-25 | Tháng 3 2025-03-15 | Tháng 3 2025-03-25 | Tháng 4 2025-04-15 | Tháng 4 2025-04-25 | Tháng 5 2025-05-15 | Tháng 5 2025-05-25 | Tháng 6 2025-06-15 | Tháng 6 2025-06-25 | Tháng 7 2025-07-15 | Tháng 7 2025-07-25 | Tháng 8 2025-08-15 | Tháng 8 2025-08-25 | Tháng 9 2025-09-15 | Tháng 9 2025-09-25 | Tháng 10 2025-10-15 | Tháng 10 2025-10-25 | Tháng 11 2025-11-15 | Tháng 11 2025-11-25 | Tháng 12 2025-12-15 | Tháng 12 2025-12-25")]
    [InlineData("Trước ngày 10, 20 hằng tháng", "recurring: Tháng 1 2025-01-10 | Tháng 1 2025-01-20 | Tháng 2 2025-02-10 | Tháng 2 2025-02-20 | Tháng 3 2025-03-10 | Tháng 3 2025-03-20 | Tháng 4 2025-04-10 | Tháng 4 2025-04-20 | Tháng 5 2025-05-10 | Tháng 5 2025-05-20 | Tháng 6 2025-06-10 | Tháng 6 2025-06-20 | Tháng 7 2025-07-10 | Tháng 7 2025-07-20 | Tháng 8 2025-08-10 | Tháng 8 2025-08-20 | Tháng 9 2025-09-10 | Tháng 9 2025-09-20 | Tháng 10 2025-10-10 | Tháng 10 2025-10-20 | Tháng 11 2025-11-10 | Tháng 11 2025-11-20 | Tháng 12 2025-12-10 | Tháng 12 2025-12-20")]
    public void Days_listed_before_every_month(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>What is done when a day falls on a day off ("nếu trùng vào ngày nghỉ lễ, tết … thì chuyển sang ngày làm việc
    /// tiếp theo") is the note: no Tết, no weekly work, no "định kỳ" left without its period. A clause that writes a day out is
    /// still read.</summary>
    [Theory]
    [InlineData("Trước ngày 15/12/2025, nếu trùng ngày nghỉ lễ, tết thì lùi sang ngày làm việc kế tiếp.", "once: 2025-12-15")]
    [InlineData("Trước ngày 15/12/2025, nếu trùng ngày nghỉ hàng tuần thì lùi sang ngày làm việc kế tiếp.", "once: 2025-12-15")]
    [InlineData("Chủ tịch UBND xã tiếp công dân định kỳ vào thứ 5 hàng tuần (nếu ngày tiếp công dân định kỳ trùng vào ngày Lễ, Tết thì sẽ tiếp vào ngày làm việc kế tiếp theo)", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Nộp hồ sơ trước ngày 10/12/2025; trường hợp trùng ngày nghỉ thì nộp trước ngày 12/12/2025.", "once: 2025-12-10")]
    public void A_day_off_shift_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Days counted beside a span written out with "kể từ" ("30 ngày, kể từ ngày 17/5/2025 đến hết ngày 16/6/2025")
    /// say how long the span is: the span is read. A count from a day alone is still counted.</summary>
    [Theory]
    [InlineData("- Thời gian lấy ý kiến : 30 ngày, kể từ ngày 17/5/2025 đến hết ngày 16/6/2025", "continuous: 2025-06-16")]
    [InlineData("Thời gian lấy ý kiến nhân dân: 30 ngày, kể từ ngày 01/04/2025 đến 30/04/2025.", "continuous: 2025-04-30")]
    [InlineData("30 ngày kể từ ngày 01/7/2025", "once: 2025-07-31")]
    public void Days_beside_a_span_measure_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Smaller families: a session a report goes on to after the duty's frequency; a daily paper "báo viết"; a report
    /// made at once ("báo cáo ngay"); the kind of check-up ("khám sức khỏe định kỳ"); a share to reach after "Đến năm 2020,";
    /// a frequency encouraged; a day of the first month of quarters listed; rounds that name their own months.</summary>
    [Theory]
    [InlineData("định kỳ hằng quý báo cáo Ủy ban nhân dân quận để báo cáo Hội đồng nhân dân cùng cấp tại kỳ họp gần nhất;", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Báo cáo Hội đồng nhân dân tại kỳ họp gần nhất", "event:")]
    [InlineData("Trong thời hạn tối thiểu 07 ngày làm việc trước ngày tạm ngừng hoạt động, ngân hàng đăng trên một tờ báo viết hằng ngày trong 03 số liên tiếp.", "event:")]
    [InlineData("* Lưu ý: Đối với các vụ lộ, mất bí mật nhà nước xảy ra phải báo cáo ngay về UBND tỉnh.", "event:")]
    [InlineData("g) Đến năm 2026, 100% người có công được lập hồ sơ theo dõi sức khỏe, được khám sức khỏe định kỳ.", "once: 2026-12-31")]
    [InlineData("Tổ chức khám sức khỏe định kỳ hằng năm cho công chức.", "recurring: Năm 2025-12-31")]
    [InlineData("Nộp tối thiểu 50% trước ngày 30 tháng 7 năm 2025, số còn lại nộp trước ngày 20 tháng 11 năm 2025. Khuyến khích các tổ chức nộp Quỹ 01 lần/năm.", "phased: Nộp tối thiểu 50 2025-07-30 | Số còn lại nộp 2025-11-20")]
    [InlineData("1. Trước ngày 25 tháng đầu tiên Quý II, Quý III và Quý IV, Tập đoàn xác định sản lượng thực tế của quý trước và ước sản lượng các tháng còn lại trong năm;", "recurring: Quý II 2025-04-25 | Quý III 2025-07-25 | Quý IV 2025-10-25")]
    [InlineData("Thời gian chi trả thực hiện 2 lần trong năm học: lần 1 chi trả vào tháng 12 hằng năm; lần 2 chi trả vào tháng 5 hằng năm;", "recurring: Tháng 5 2025-05-31 | Tháng 12 2025-12-31")]
    public void Smaller_families_of_the_forty_eighth(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
