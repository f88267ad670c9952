namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the thirty-seventh harvest's misses (lane ev): a report's frequency said "Theo quý",
/// "đến thời điểm" an act, and counts whose start is said after a case or in brackets.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Tần suất thực hiện báo cáo: Theo quý": after "tần suất" (how often), "theo quý" (tháng, năm) is "hằng quý";
    /// elsewhere ("Kế hoạch chi tiết theo quý") it names no frequency.</summary>
    [Theory]
    [InlineData("1.3. Tần suất thực hiện báo cáo: Theo quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Tần suất thực hiện báo cáo: Theo năm", "recurring: Năm 2025-12-31")]
    [InlineData("Kế hoạch chi tiết theo quý", "unknown:")]
    public void A_frequency_said_theo_is_every_period(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>"Đến thời điểm hoàn thành quyết toán …": until the moment something is done waits for it, as "đến khi" does;
    /// a moment written as a day ("Đến thời điểm 31/12/2025") and figures "tính đến thời điểm …" are left as they were.</summary>
    [Theory]
    [InlineData("- Hạn hợp đồng dự án: Đến thời điểm hoàn thành quyết toán và bàn giao công trình.", "event:")]
    [InlineData("Đến thời điểm 31/12/2025", "once: 2025-12-31")]
    [InlineData("Tính đến thời điểm báo cáo", "unknown:")]
    public void Until_the_moment_of_an_act_waits_for_it(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    /// <summary>A count whose start comes after a long case ("- 10 ngày đối với trường hợp cấp mới theo quy định tại … kể từ
    /// ngày có kết quả sát hạch đạt yêu cầu", no comma) or in brackets ("trong vòng một năm (kể từ thời điểm hoàn thuế)")
    /// runs from it; "(kể từ ngày ban hành Kế hoạch)" from the plan's issue; a bracket with a written day is a span, as before.</summary>
    [Theory]
    [InlineData("- 10 ngày đối với trường hợp cấp mới theo quy định tại các điểm a, d khoản 1 Điều 75 Nghị định 175/2024/NĐ-CP kể từ ngày có kết quả sát hạch đạt yêu cầu;", "event:")]
    [InlineData("kiểm tra 100% trong vòng một năm (kể từ thời điểm hoàn thuế) đối với các hồ sơ có rủi ro cao.", "event:")]
    [InlineData("Trong 15 ngày (kể từ ngày ban hành Kế hoạch)", "once: 2025-12-05")]
    [InlineData("Trong 15 ngày (kể từ ngày 01/7/2025)", "once: 2025-07-16")]
    [InlineData("Thời gian lấy ý kiến là 10 ngày (kể từ ngày 26-9 đến hết ngày 5-10-2025).", "continuous: Quý III 2025-09-30 | 2025-10-05")]
    public void A_count_starts_where_its_words_say(string phrase, string expected) => Assert.Equal(expected, Read(phrase));
}
