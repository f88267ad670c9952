using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>
/// Every distinct deadline cell of the five seed plans, with the schedule a careful reader writes.
/// The cells are as the plan files keep them, and where the extraction differed (footnote digits,
/// missing diacritics, line breaks), as the raw text had them too.
/// </summary>
public class SeedPhraseTests
{
    public static TheoryData<string, int, string> Cells => new()
    {
        // 2012 — Kế hoạch công tác CCHC năm 2012
        { "Trong năm 2012", 2012, "continuous: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Quý IV 2012-12-31" },
        { "Đến cuối năm 2012", 2012, "once: 2012-12-31" },
        { "Thường xuyên", 2012, "continuous: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Quý IV 2012-12-31" },
        { "Hằng quý, năm", 2012, "recurring: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Năm 2012-12-31" },
        { "Định kỳ hằng quý", 2012, "recurring: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Quý IV 2012-12-31" },
        { "Ít nhất 02 lần/năm", 2012, "recurring: 6 tháng 2012-06-30 | Năm 2012-12-31" },
        { "Hằng tuần", 2012, "continuous: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Quý IV 2012-12-31" },
        { "Hằng ngày", 2012, "continuous: Quý I 2012-03-31 | Quý II 2012-06-30 | Quý III 2012-09-30 | Quý IV 2012-12-31" },
        { "Hằng năm", 2012, "recurring: Năm 2012-12-31" },
        {
            "Định kỳ hằng tháng, quý, 6 tháng, năm", 2012,
            "recurring: Tháng 1 2012-01-31 | Tháng 2 2012-02-29 | Quý I 2012-03-31 | Tháng 4 2012-04-30 | Tháng 5 2012-05-31 | 6 tháng 2012-06-30 | Tháng 7 2012-07-31 | Tháng 8 2012-08-31 | Quý III 2012-09-30 | Tháng 10 2012-10-31 | Tháng 11 2012-11-30 | Năm 2012-12-31"
        },

        // 2018 — Kế hoạch 184/KH-UBND
        { "Kế hoạch: Tháng 01 năm 2018. Báo cáo: Quý IV năm 2018", 2018, "phased: Kế hoạch 2018-01-31 | Báo cáo 2018-12-31" },
        { "Trong năm 2018", 2018, "continuous: Quý I 2018-03-31 | Quý II 2018-06-30 | Quý III 2018-09-30 | Quý IV 2018-12-31" },
        { "Quý IV năm 2018", 2018, "once: 2018-12-31" },
        { "Kế hoạch: Tháng 12 năm 2017. Báo cáo kết quả thực hiện: Quý IV năm 2018", 2018, "phased: Kế hoạch 2017-12-31 | Báo cáo kết quả thực hiện 2018-12-31" },
        { "Kế hoạch: Tháng 12 năm 2017. Báo cáo: Quý IV năm 2018", 2018, "phased: Kế hoạch 2017-12-31 | Báo cáo 2018-12-31" },
        { "Quý II - Quý III năm 2018", 2018, "phased: 2018-06-30 | 2018-09-30" },
        { "Quý III năm 2018", 2018, "once: 2018-09-30" },
        {
            "Kế hoạch về việc tổ chức điều tra sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn thành phố Cần Thơ: Quý IV năm 2017. Báo cáo kết quả khảo sát đo lường sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn: Tháng 6 năm 2018", 2018,
            "phased: Kế hoạch về việc tổ chức điều tra sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn thành phố Cần Thơ 2017-12-31 | Báo cáo kết quả khảo sát đo lường sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn 2018-06-30"
        },
        { "Quý II năm 2018", 2018, "once: 2018-06-30" },
        { "Theo hướng dẫn của Bộ Nội vụ", 2018, "event:" },
        { "trước ngày 31 tháng 01 năm 2018", 2018, "once: 2018-01-31" },
        { "định kỳ (quý I, 6 tháng, quý III và tổng kết năm)", 2018, "recurring: Quý I 2018-03-31 | 6 tháng 2018-06-30 | Quý III 2018-09-30 | Năm 2018-12-31" },
        { "định kỳ báo cáo theo hướng dẫn của Sở Nội vụ", 2018, "event:" },
        // the raw table cells, split over lines
        { "Tháng \n\n12 năm \n\n2017 ", 2018, "once: 2017-12-31" },
        { "Quý IV \n\nnăm \n\n2018 ", 2018, "once: 2018-12-31" },

        // 2019 — Kế hoạch 163/KH-UBND
        { "Kế hoạch: Quý IV năm 2018. Báo cáo: Quý IV năm 2019", 2019, "phased: Kế hoạch 2018-12-31 | Báo cáo 2019-12-31" },
        { "Quý II - Quý IV năm 2019", 2019, "phased: 2019-06-30 | 2019-09-30 | 2019-12-31" },
        { "Hàng quý", 2019, "recurring: Quý I 2019-03-31 | Quý II 2019-06-30 | Quý III 2019-09-30 | Quý IV 2019-12-31" },
        { "Quý I", 2019, "once: 2019-03-31" },
        {
            "Kế hoạch về việc tổ chức điều tra sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn TPCT: Quý II năm 2019. Báo cáo kết quả khảo sát: Quý IV năm 2019", 2019,
            "phased: Kế hoạch về việc tổ chức điều tra sự hài lòng của người dân đối với dịch vụ giáo dục công trên địa bàn TPCT 2019-06-30 | Báo cáo kết quả khảo sát 2019-12-31"
        },
        { "Trong năm 2019, theo chỉ đạo của Thành ủy", 2019, "continuous: Quý I 2019-03-31 | Quý II 2019-06-30 | Quý III 2019-09-30 | Quý IV 2019-12-31" },
        { "Kế hoạch, Quyết định ban hành Kế hoạch: Tháng 12 năm 2018. Báo cáo kết quả thực hiện: Quý IV năm 2019", 2019, "phased: Kế hoạch, Quyết định ban hành Kế hoạch 2018-12-31 | Báo cáo kết quả thực hiện 2019-12-31" },
        { "Kế hoạch: Tháng 12 năm 2018. Báo cáo: Tháng 12 năm 2019", 2019, "phased: Kế hoạch 2018-12-31 | Báo cáo 2019-12-31" },
        { "Quý I năm 2019", 2019, "once: 2019-03-31" },
        { "Quý III năm 2019", 2019, "once: 2019-09-30" },
        { "Tháng 12 năm 2019", 2019, "once: 2019-12-31" },
        { "trước ngày 31 tháng 01 năm 2019", 2019, "once: 2019-01-31" },
        { "định kỳ", 2019, "unknown:" },
        { "theo quy định", 2019, "unknown:" },

        // 2023 — Kế hoạch 121/KH-UBND (PAR INDEX, SIPAS, PAPI)
        { "Thường xuyên", 2023, "continuous: Quý I 2023-03-31 | Quý II 2023-06-30 | Quý III 2023-09-30 | Quý IV 2023-12-31" },
        { "<i>Thường xuyên</i>", 2023, "continuous: Quý I 2023-03-31 | Quý II 2023-06-30 | Quý III 2023-09-30 | Quý IV 2023-12-31" },
        { "Báo cáo tiến độ định kỳ quý/ 6 tháng/ 9 tháng và năm", 2023, "recurring: Quý I 2023-03-31 | 6 tháng 2023-06-30 | 9 tháng 2023-09-30 | Năm 2023-12-31" },
        { "Báo cáo độ tiến độ định kỳ quý/ 6 tháng/ 9 tháng và năm", 2023, "recurring: Quý I 2023-03-31 | 6 tháng 2023-06-30 | 9 tháng 2023-09-30 | Năm 2023-12-31" },
        { "Báo cáo tiến độ định kỳ quý/ 6\ntháng/ 9 tháng và năm", 2023, "recurring: Quý I 2023-03-31 | 6 tháng 2023-06-30 | 9 tháng 2023-09-30 | Năm 2023-12-31" },
        { "trước ngày 31 tháng 7 năm 2023", 2023, "once: 2023-07-31" },
        { "chung với báo cáo kết quả thực hiện công tác cải cách hành chính", 2023, "unknown:" },

        // 2025 — Kế hoạch 257/KH-UBND
        { "Theo Kế hoạch của Bộ Nội vụ. Tháng 12/2024", 2025, "once: 2024-12-31" },
        { "Quý IV/2024, Quý I/2025", 2025, "phased: 2024-12-31 | 2025-03-31" },
        { "- Ban hành kế hoạch tháng 12/2024 - Thực hiện trong Quý II, III/2025", 2025, "phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30 | Thực hiện 2025-09-30" },
        { "- Ban hành kế hoạch tháng 12/2024\n- Thực hiện trong Quý II, III/2025", 2025, "phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30 | Thực hiện 2025-09-30" },
        { "Trong năm 2025", 2025, "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Trong năm 20257", 2025, "continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Sau khi Trung ương công bố các chỉ số có liên quan", 2025, "event:" },
        { "Quý IV/2025", 2025, "once: 2025-12-31" },
        { "Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025", 2025, "phased: Ban hành kế hoạch 2025-03-31 | Thực hiện 2025-12-31" },
        { "Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025.", 2025, "phased: Ban hành kế hoạch 2025-03-31 | Thực hiện 2025-12-31" },
        { "Ban hành kế hoạch: Quý I/2025.\nThực hiện: Trong\nnăm 2025", 2025, "phased: Ban hành kế hoạch 2025-03-31 | Thực hiện 2025-12-31" },
        { "Quý III, IV năm 2025.", 2025, "phased: 2025-09-30 | 2025-12-31" },
        { "Quý I/2025", 2025, "once: 2025-03-31" },
        { "Trong năm (nếu có)", 2025, "event: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Năm 2025 (khi có hướng dẫn của Trung ương).", 2025, "event: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Năm 2025 (khi có quy định của Trung ương).", 2025, "event: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Trong năm 2025 (nếu có)", 2025, "event: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31" },
        { "Tháng 12/2024. Quý IV/2025", 2025, "phased: 2024-12-31 | 2025-12-31" },
        { "Kế hoạch đào tạo, bồi dưỡng CBCCVC của thành phố: Tháng 12/2024. Báo cáo của Sở Nội vụ: Quý IV/2025", 2025, "phased: Kế hoạch đào tạo, bồi dưỡng CBCCVC của thành phố 2024-12-31 | Báo cáo của Sở Nội vụ 2025-12-31" },
        { "Tháng 01/2026", 2025, "once: 2026-01-31" },
        { "Quý I, II/2025", 2025, "phased: 2025-03-31 | 2025-06-30" },
        { "Quý I/2025 Quy IV/2025", 2025, "phased: 2025-03-31 | 2025-12-31" },
        { "Kế hoạch UBND thành phố: Quý I/2025. Báo cáo kết quả: Quy IV/2025", 2025, "phased: Kế hoạch UBND thành phố 2025-03-31 | Báo cáo kết quả 2025-12-31" },
        { "chậm nhất ngày 31 tháng 01 năm 2025", 2025, "once: 2025-01-31" },
        { "theo định kỳ (quý I, quý III, 6 tháng, năm)", 2025, "recurring: Quý I 2025-03-31 | 6 tháng 2025-06-30 | Quý III 2025-09-30 | Năm 2025-12-31" },
        { "định kỳ hàng quý, 6 tháng, năm", 2025, "recurring: Quý I 2025-03-31 | 6 tháng 2025-06-30 | Quý III 2025-09-30 | Năm 2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Seed_cell_reads_as_a_careful_reader_would(string phrase, int year, string expected)
    {
        var schedule = DeadlineParser.Parse(phrase, new DeadlineContext(year, null, RepositoryData.Calendar));

        Assert.Equal(expected, ScheduleText.Of(schedule));
    }

    [Fact]
    public void The_last_milestone_is_final_and_milestones_are_in_date_order()
    {
        foreach (var row in Cells)
        {
            var schedule = DeadlineParser.Parse((string)row[0], new DeadlineContext((int)row[1], null, RepositoryData.Calendar));
            var dues = schedule.Milestones.Select(m => m.Due).ToList();
            Assert.Equal(dues.Order().ToList(), dues);
            Assert.Same(schedule.Milestones.LastOrDefault(), schedule.Final);
        }
    }
}
