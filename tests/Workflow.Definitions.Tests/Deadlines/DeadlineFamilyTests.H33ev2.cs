namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-third and thirty-fourth harvests' misses (lane ev2): a count of days beside
/// "trước thời gian" an event, a count right after the case a sentence opens with, and a daily printed newspaper.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"trước thời gian" (before the time of) an act's words, with a count after them or before them, waits for the
    /// act, as "trước ngày …" does; a time set elsewhere ("thời gian quy định") is no event.</summary>
    [Theory]
    [InlineData("a) Gửi tài liệu cho các cơ quan phối hợp trước thời gian tổ chức cuộc họp hoặc kiểm tra thực địa ít nhất 01 ngày làm việc;", "event:")]
    [InlineData("Gửi tài liệu 03 ngày làm việc trước thời gian tổ chức cuộc họp.", "event:")]
    [InlineData("- Gửi tài liệu trước thời gian tổ chức cuộc họp hoặc kiểm tra thực địa trong thời gian ba (03) ngày làm việc.", "event:")]
    [InlineData("Gửi tài liệu trước thời gian quy định ít nhất 02 ngày.", "unknown:")]
    public void A_count_beside_the_time_of_an_event_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A count said with "trong thời hạn", "trong thời gian (không quá)" right after the case clause that opens its
    /// sentence ("Trường hợp …,", "Trường hợp … thì") runs from that case: an event. Alone it is a processing time, and from
    /// the plan's issue date it is counted from it.</summary>
    [Theory]
    [InlineData("Trường hợp hồ sơ chưa hợp lệ, trong thời hạn 03 ngày làm việc, Sở thông báo bằng văn bản.", "event:")]
    [InlineData("Trường hợp hồ sơ chưa đảm bảo thì trong thời gian không quá 02 ngày làm việc, cơ quan thuế phải trả lời.", "event:")]
    [InlineData("Trong thời hạn 03 ngày làm việc, Sở thông báo bằng văn bản.", "unknown:")]
    [InlineData("Trường hợp hồ sơ chưa hợp lệ, trong thời hạn 03 ngày làm việc kể từ ngày ban hành Kế hoạch, Sở thông báo.", "once: 2025-11-25")]
    public void A_count_after_its_case_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"tờ báo in hằng ngày", a daily printed newspaper, is the paper's kind, no frequency; a daily report is.</summary>
    [Theory]
    [InlineData("Trong thời hạn 07 ngày làm việc kể từ ngày Quyết định có hiệu lực, phải công bố trên 01 tờ báo in hằng ngày trong 03 số liên tiếp.", "event:")]
    [InlineData("Đăng trên báo in hằng ngày, định kỳ hằng quý báo cáo.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Gửi báo cáo hằng ngày.", "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    public void A_daily_printed_newspaper_is_no_frequency(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
