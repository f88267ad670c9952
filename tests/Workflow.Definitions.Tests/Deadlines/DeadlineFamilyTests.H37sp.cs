using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-seventh harvest's misses of spans: holidays named before the span of days off
/// they are for, "thường xuyên" in an opening "Ngoài …," clause, days listed after "từ ngày" with their count before it, and
/// "từ ngày (ký) ban hành Nghị định đến …".</summary>
public partial class DeadlineFamilyTests
{
    private static readonly DeadlineContext Issued19April2025 = new(2025, new LocalDate(2025, 4, 19), RepositoryData.Calendar);

    /// <summary>A day named by its occasion ("Ngày Chiến thắng 30/4/2025", "lễ 02/9/2025") that a later span of the cell holds
    /// is what the span is for, the note; a named day outside the span stays a date.</summary>
    [Theory]
    [InlineData("Dịp nghỉ lễ Ngày Chiến thắng 30/4/2025 và Ngày Quốc tế lao động 01/5/2025, cán bộ, công chức được nghỉ 05 ngày từ thứ Tư ngày 30/4 đến hết Chủ nhật ngày 04/5/2025.", "continuous: 2025-05-04")]
    [InlineData("dịp nghỉ lễ ngày chiến thắng 30/4/2025, cán bộ được nghỉ từ ngày 30/4 đến hết ngày 04/5/2025.", "continuous: 2025-05-04")]
    [InlineData("Dịp lễ 02/9/2025, cán bộ được nghỉ từ ngày 30/8 đến hết ngày 02/9/2025.", "continuous: 2025-09-02")]
    [InlineData("Tổ chức kỷ niệm Ngày Chiến thắng 30/4/2025; báo cáo từ ngày 10/5 đến hết ngày 15/5/2025.", "phased: Tổ chức kỷ niệm Ngày Chiến thắng 2025-04-30 | Báo cáo 2025-05-15")]
    public void A_holiday_named_before_the_span_that_holds_it_is_its_occasion(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"thường xuyên" in the clause that opens the cell with "Ngoài" is what others always do, not the cell's work;
    /// "Ngoài ra, thường xuyên …" is the cell's own.</summary>
    [Theory]
    [InlineData("Ngoài các công sở treo Quốc kỳ thường xuyên theo quy định, các hộ gia đình treo Quốc kỳ từ chiều ngày 01/9/2025 đến hết ngày 02/9/2025.", "continuous: 2025-09-02")]
    [InlineData("Ngoài ra, thường xuyên kiểm tra; treo cờ từ ngày 01/9/2025 đến hết ngày 02/9/2025.", "phased: Treo cờ 2025-09-02 | Ngoài ra 2025-12-31")]
    public void Ongoing_work_of_others_in_an_opening_besides_clause_is_the_note(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>Days in a row listed after "từ ngày", as many as the count said before it, are a span of days; a count that
    /// does not match leaves the last day. A comma typed without its space lists them alike.</summary>
    [Theory]
    [InlineData("Thời gian chi trả tại xã 3 ngày, từ ngày 15, 16, 17/4/2025.", "continuous: 2025-04-17")]
    [InlineData("Thời gian chi trả tại xã 3 ngày,từ ngày 15,16,17/4/2025.", "continuous: 2025-04-17")]
    [InlineData("Chi trả trong 3 ngày (15,16,17/4/2025).", "continuous: 2025-04-17")]
    [InlineData("Thời gian chi trả tại xã 4 ngày, từ ngày 15, 16, 17/4/2025.", "once: 2025-04-17")]
    public void Days_listed_after_tu_ngay_with_their_count_are_a_span(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"từ ngày (ký) ban hành" the cell's act, named by its kind right before "đến", opens a span from the issue date;
    /// an act named with its number is another's, and "Ban hành trong quý I" stays a deadline.</summary>
    [Theory]
    [InlineData("thời gian chưa thực hiện cưỡng chế từ ngày ban hành Nghị định đến ngày 31 tháng 12 năm 2025.", "continuous: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Từ ngày ký ban hành đến ngày 31/12/2025", "continuous: Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("từ ngày ban hành Nghị định số 52/2025/NĐ-CP đến ngày 31 tháng 12 năm 2025.", "once: 2025-12-31")]
    [InlineData("Ban hành trong quý IV", "once: 2025-12-31")]
    public void A_span_from_the_day_the_act_is_issued(string phrase, string expected) => Assert.Equal(expected, Read(phrase, Issued19April2025));
}
