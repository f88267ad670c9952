using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The thirty-fifth harvest's conditions beside a frequency or a later deadline sentence: "Hàng ngày khi …", a "khi"
/// before "Thời hạn …", requirements "từng giai đoạn".</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext Nov17 = new(2025, new LocalDate(2025, 11, 17), RepositoryData.Calendar);

    /// <summary>Right after a daily or weekly frequency opening the cell, "(sau) khi" says at what time of each day the work is
    /// done, a step of work that goes on all year; a condition before the frequency, or later in the cell, still waits.</summary>
    [Theory]
    [InlineData("Hàng ngày khi sắp đến giờ chợ đóng cửa, thương nhân phải tự kiểm tra hàng hóa.", "continuous 4: 2025-03-31 … 2025-12-31")]
    [InlineData("Hằng tuần, sau khi kết thúc phiên họp, văn phòng gửi thông báo kết luận.", "continuous 4: 2025-03-31 … 2025-12-31")]
    [InlineData("Khi chợ đóng cửa, hằng ngày thương nhân phải kiểm tra hàng hóa.", "event 4: 2025-03-31 … 2025-12-31")]
    [InlineData("Hằng ngày thương nhân phải kiểm tra hàng hóa khi có sự cố.", "event 4: 2025-03-31 … 2025-12-31")]
    public void A_leading_daily_frequency_keeps_its_when_as_a_step(string phrase, string expected) => Assert.Equal(expected, Span(phrase, Nov17));

    /// <summary>A "khi" in the task's words before a later sentence that opens with "Thời hạn" describes the work: the deadline
    /// is due. In the deadline's own sentence it still waits.</summary>
    [Theory]
    [InlineData("Tích hợp trên Cổng Dịch vụ công quốc gia khi đủ điều kiện theo quy định. Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.", "once 1: 2025-11-24 … 2025-11-24")]
    [InlineData("Tích hợp trên Cổng Dịch vụ công quốc gia khi đủ điều kiện theo quy định, chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.", "event 1: 2025-11-24 … 2025-11-24")]
    public void A_when_before_a_deadline_sentence_describes_the_work(string phrase, string expected) => Assert.Equal(expected, Span(phrase, Nov17));

    /// <summary>"theo yêu cầu của … từng giai đoạn" after the duty's frequency in its sentence is what the work follows, not a
    /// request that sets when; without "từng giai đoạn", or without the frequency, it still defers.</summary>
    [Theory]
    [InlineData("Đo lường sự hài lòng của người dân hằng năm theo yêu cầu của cải cách hành chính nhà nước từng giai đoạn;", "recurring 1: 2025-12-31 … 2025-12-31")]
    [InlineData("Đo lường sự hài lòng của người dân hằng năm theo yêu cầu của Bộ Nội vụ;", "event")]
    [InlineData("Đo lường sự hài lòng của người dân theo yêu cầu của cải cách hành chính nhà nước từng giai đoạn;", "event")]
    public void Requirements_of_each_stage_follow_the_frequency(string phrase, string expected) => Assert.Equal(expected, Span(phrase, Nov17));
}
