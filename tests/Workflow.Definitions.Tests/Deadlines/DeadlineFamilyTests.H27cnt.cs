using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The twenty-seventh and twenty-eighth harvests' counts from an event and working days after one: the task waits
/// for the event, whatever the count's wording; and the numbers, years and words beside them that named no time.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"từ ngày" without "kể" before the words of an event counts from it, as "kể từ ngày" does; "từ ngày ban
    /// hành" stays the plan's issue date.</summary>
    [Theory]
    [InlineData("Thời hạn giải quyết: 05 ngày làm việc từ ngày tiếp nhận đủ giấy tờ theo quy định.", "event:")]
    [InlineData("05 ngày làm việc từ ngày 01/7/2025", "once: 2025-07-08")]
    public void A_count_from_an_event_said_with_tu_ngay(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A bound "nhưng không quá N ngày" that counts from nothing of its own lengthens the first count in a case:
    /// both wait for the event. A bound from its own day is the deadline.</summary>
    [Theory]
    [InlineData("Không quá 10 ngày làm việc kể từ ngày Đoàn kiểm tra kết thúc tiến hành kiểm tra, trường hợp phức tạp thì có thể kéo dài nhưng không quá 15 ngày làm việc.", "event:")]
    [InlineData("10 ngày kể từ ngày nhận hồ sơ nhưng không quá 30 ngày kể từ ngày 01/7/2025", "once: 2025-07-31")]
    public void A_bound_without_its_own_start_lengthens_the_count(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Hours counted from an event after a clause "đối với …" that says which case they are for; a count said with
    /// "trước" up to an event ("tính đến thời điểm …"); not up to a day written out.</summary>
    [Theory]
    [InlineData("Thời hạn chuyển tiền không quá 48 giờ, trong đó không quá 24 giờ đối với số tiền đã phát sinh trên tài khoản kể từ thời điểm chốt số liệu đối soát.", "event:")]
    [InlineData("Đăng ký nộp chậm nhất trước 12 tháng tính đến thời điểm tài liệu đến hạn nộp.", "event:")]
    [InlineData("Đăng ký nộp trước 3 tháng tính đến ngày 31/12/2025.", "once: 2025-12-31")]
    public void Counts_from_and_up_to_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The working day after an event, or the very day something is received, which the cell does not date; "ngày
    /// làm việc tiếp theo" after a day written out stays that day.</summary>
    [Theory]
    [InlineData("Phải thực hiện ngay trong ngày làm việc nhận được văn bản cung cấp thông tin.", "event:")]
    [InlineData("Báo cáo trước 16 giờ ngày làm việc tiếp theo ngay sau ngày phát sinh giao dịch.", "event:")]
    [InlineData("Trường hợp văn bản được gửi về sau 16 giờ thì phải hoàn thành trước 10 giờ sáng ngày làm việc tiếp theo.", "event:")]
    [InlineData("Nếu ngày 15/7/2025 trùng ngày nghỉ thì nộp vào ngày làm việc tiếp theo.", "once: 2025-07-15")]
    public void The_working_day_of_or_after_an_event(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Words that name no time: a section's number "mục 3.2.1", a form's code "01-2/TB-TĐT", "các chứng từ này"
    /// (this document, not "từ nay", from now), a law's name with "Trọng", a daily newspaper, a cited document's effective
    /// day.</summary>
    [Theory]
    [InlineData("Chứng từ nêu tại điểm c mục 3.2.1 được nợ các chứng từ này nhưng không quá 15 ngày làm việc kể từ ngày được cấp C/O.", "event:")]
    [InlineData("Chậm nhất 01 ngày làm việc kể từ ngày ghi trên thông báo tiếp nhận, cơ quan thuế gửi Thông báo (theo mẫu số 01-2/TB-TĐT).", "event:")]
    [InlineData("Chậm nhất là 30 ngày trước thời điểm chấm dứt hoạt động theo Luật Trọng tài thương mại 2010, đăng báo hàng ngày của Trung ương.", "event:")]
    [InlineData("Thực hiện từ nay đến hết năm 2025", "continuous: Quý IV 2025-12-31")]
    public void Words_that_name_no_time(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The day a cited document takes effect ("Thông tư 23/2025/TT-BNNMT có hiệu lực từ ngày 01/07/2025") is no
    /// deadline, nor the year of a yearly one.</summary>
    [Fact]
    public void A_cited_documents_effective_day_is_no_deadline() =>
        Assert.Equal("recurring: Năm 2026-06-30", Read(
            "Bộ [Cụm từ này bị thay thế bởi Thông tư 23/2025/TT-BNNMT có hiệu lực từ ngày 01/07/2025] công bố trước ngày 30 tháng 6 hằng năm.",
            new DeadlineContext(2026, new LocalDate(2024, 7, 31), RepositoryData.Calendar)));
}
