namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>Dates and years typed short: a month with its year and no "tháng", a date with a two-digit year, two years
/// with a comma and no space between.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Trước 3/2026", "Đầu 12/2025", "tuần 2 01/2026": the words that part or bound a month apply to a month typed
    /// without "tháng" as to "tháng 3/2026". "Phấn đấu" is no "đầu".</summary>
    [Theory]
    [InlineData("Trước 3/2026", "once: 2026-02-28")]
    [InlineData("Trước tháng 3/2026", "once: 2026-02-28")]
    [InlineData("Đầu 12/2025", "once: 2025-12-10")]
    [InlineData("Giữa 12/2025", "once: 2025-12-20")]
    [InlineData("Xong trước tuần 2 01/2026.", "once: 2026-01-14")]
    [InlineData("Tuần đầu của 12/2025", "once: 2025-12-07")]
    [InlineData("Thượng tuần 12/2025", "once: 2025-12-10")]
    [InlineData("Phấn đấu 12/2025", "once: 2025-12-31")]
    [InlineData("12/2025", "once: 2025-12-31")]
    public void A_month_typed_without_thang_keeps_its_part(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"31/12/25" is "31/12/2025" wherever a full date is read: a span's end, a span of days, a full day said with
    /// "trước". Not a map's scale ("1/2.000"), nor a day the calendar lacks, nor a month and two digits ("3/25").</summary>
    [Theory]
    [InlineData("Từ ngày 16 đến 31/12/25", "continuous: Quý IV 2025-12-31")]
    [InlineData("Từ ngày 16 đến 31/12/2025", "continuous: Quý IV 2025-12-31")]
    [InlineData("Từ ngày 1-30/12/25.", "continuous: 2025-12-30")]
    [InlineData("Trước ngày 20/12/25: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-12-20")]
    [InlineData("Trước ngày 20/12/2025: tổng hợp kết quả kiểm kê sau khi sắp xếp đơn vị hành chính.", "once: 2025-12-20")]
    [InlineData("Trước 20/12/25", "once: 2025-12-20")]
    [InlineData("tỷ lệ 1/2.000, hoàn thành trong tháng 12 năm 2025", "once: 2025-12-31")]
    [InlineData("Hoàn thành trước ngày 30/02/26", "unknown:")]
    [InlineData("Trước 3/25", "unknown:")]
    public void A_date_with_a_two_digit_year(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"2023,2024" is two years, a list typed without its space; "1,5 tháng" stays a decimal.</summary>
    [Theory]
    [InlineData("Trong năm 2025,2026", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31")]
    [InlineData("Trong năm 2025, 2026", "continuous: Năm 2025 2025-12-31 | Năm 2026 2026-12-31")]
    [InlineData("Quý IV/2025,2026", "phased: 2025-12-31 | 2026-12-31")]
    [InlineData("Quý III,IV/2025,2026", "phased: 2025-09-30 | 2025-12-31 | 2026-12-31")]
    [InlineData("Trong 1,5 tháng", "unknown:")]
    public void Years_listed_with_a_comma_and_no_space(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
