using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>A cell extracted with a time's label before it ("Thời hạn:", "Thời gian:", "Thời gian thực hiện:", "Tiến độ:",
/// "Thời hạn thực hiện:") opens where its time does: the rules that ask how a cell opens read past the label. A semicolon
/// closing a cell closes it as a full stop does.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>A count alone, "Định kỳ", a section's number, "Đợt 1:", "năm tiếp theo", a past act's day and a bare notice
    /// after a label read as without it.</summary>
    [Theory]
    [InlineData("Thời hạn: 100 ngày", "once: 2026-02-28")]
    [InlineData("Thời hạn: Định kỳ 06 tháng, niêm yết công khai thông tin về việc đóng bảo hiểm xã hội.", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Thời hạn: e) Định kỳ 06 tháng, hằng năm hoặc đột xuất báo cáo Thủ tướng Chính phủ;", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("Thời hạn: 4.2. Hằng năm, rà soát quy hoạch trong Quý I và báo cáo cấp trên trong Quý II.", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30")]
    [InlineData("Thời gian thực hiện: 2.1. Đợt 1: Trong tháng 12/2025", "once: 2025-12-31")]
    [InlineData("Thời hạn: năm tiếp theo", "continuous: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    [InlineData("Tiến độ: Ngày 20/11/2025, Bộ Xây dựng đã có công văn số 2722/BXD-KHTC, theo đó gửi về Bộ Xây dựng trước ngày 20/12/2025.", "once: 2025-12-20")]
    [InlineData("Thời hạn thực hiện: Thông báo số 326/TB-TTHĐND ngày 17/12/2025", "event:")]
    public void A_time_label_before_the_cell_is_read_past(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>The label stays in a note that opens the cell, as written; a label with nothing after it says no time.</summary>
    [Fact]
    public void A_time_label_stays_in_the_note_and_alone_says_no_time()
    {
        var schedule = DeadlineParser.Parse("Thời gian: Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử).", new DeadlineContext(2025, null, RepositoryData.Calendar));
        Assert.Equal("once: 2025-12-10", ScheduleText.Of(schedule));
        Assert.Contains("Thời gian: Dự kiến ngày 05/12/2025", schedule.Note, StringComparison.Ordinal);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("Thời hạn:", Y2025).Kind);
    }

    /// <summary>A cell cut from a list ends with a semicolon: a bare count is still counted from the plan, "như sau:" still
    /// waits for the list that follows.</summary>
    [Theory]
    [InlineData("100 ngày;", "once: 2026-02-28")]
    [InlineData("100 ngày.", "once: 2026-02-28")]
    [InlineData("Thời gian thi được chia thành 05 đợt, cụ thể như sau:;", "event:")]
    [InlineData("Quý II/2026;", "once: 2026-06-30")]
    public void A_semicolon_closing_the_cell_is_a_full_stop(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
