using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>
/// Real deadline cells from other provinces' and ministries' published plans (Corpus/*.tsv), each
/// with its source and the schedule a coordinator reads in it: the kind and the due dates. The
/// expected schedules were written by reading the phrases, before the parser was widened.
/// </summary>
/// <remarks>A quarter of the phrases is held out by a fixed rule chosen before the parser changed:
/// the FNV-1a hash of the NFC phrase is divisible by 4. Widening the language was done on the
/// others; the held-out part measures how the rules generalise.</remarks>
public class CorpusPhraseTests
{
    private const string SixteenthHarvest = "harvest16-";

    private const string SeventeenthHarvest = "harvest17-";

    private const string EighteenthHarvest = "harvest18-";
    private const string NineteenthHarvest = "harvest19-";
    private const string TwentiethHarvest = "harvest20-";
    private const string TwentyFirstHarvest = "harvest21-";
    private const string TwentySecondHarvest = "harvest22-";
    private const string TwentyThirdHarvest = "harvest23-";
    private const string TwentyFourthHarvest = "harvest24-";
    private const string TwentyFifthHarvest = "harvest25-";
    private const string TwentySixthHarvest = "harvest26-";
    private const string TwentySeventhHarvest = "harvest27-";
    private const string TwentyEighthHarvest = "harvest28-";
    private const string TwentyNinthHarvest = "harvest29-";
    private const string ThirtiethHarvest = "harvest30-";
    private const string ThirtyFirstHarvest = "harvest31-";
    private const string ThirtySecondHarvest = "harvest32-";
    private const string ThirtyThirdHarvest = "harvest33-";
    private const string ThirtyFourthHarvest = "harvest34-";
    private const string ThirtyFifthHarvest = "harvest35-";
    private const string ThirtySixthHarvest = "harvest36-";
    private const string ThirtySeventhHarvest = "harvest37-";
    private const string ThirtyEighthHarvest = "harvest38-";
    private const string ThirtyNinthHarvest = "harvest39-";
    private const string FortiethHarvest = "harvest40-";
    private const string FortyFirstHarvest = "harvest41-";
    private const string FortySecondHarvest = "harvest42-";
    private const string FortyThirdHarvest = "harvest43-";
    private const string FortyFourthHarvest = "harvest44-";
    private const string FortyFifthHarvest = "harvest45-";
    private const string FortySixthHarvest = "harvest46-";
    private const string FortySeventhHarvest = "harvest47-";
    private const string FortyEighthHarvest = "harvest48-";
    private const string FortyNinthHarvest = "harvest49-";
    private const string FiftiethHarvest = "harvest50-";
    private const string FiftyFirstHarvest = "harvest51-";
    private const string FiftySecondHarvest = "harvest52-";

    /// <summary>Whether a row comes from a harvest split by a rule of its own (odd FNV-1a: development rows, in the corpus;
    /// even: held out, under <c>HeldOut/</c>), not by the first corpus's quarter.</summary>
    private static bool SplitByItsOwnRule(CorpusRow row) =>
        row.File.StartsWith(SixteenthHarvest, StringComparison.Ordinal) || row.File.StartsWith(SeventeenthHarvest, StringComparison.Ordinal);

    private static readonly Lazy<IReadOnlyList<CorpusRow>> Rows = new(Load);

    public static TheoryData<string, int, string, string, string> Cells
    {
        get
        {
            var data = new TheoryData<string, int, string, string, string>();
            foreach (var row in Rows.Value)
            {
                data.Add(row.Phrase, row.Year, row.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, row.Kind, row.Dues);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Corpus_cell_reads_as_labelled(string phrase, int year, string issued, string kind, string dues)
    {
        var schedule = DeadlineParser.Parse(phrase, Context(year, issued));

        Assert.Equal($"{kind}: {dues}", Actual(schedule));
    }

    [Fact]
    public void The_corpus_is_real_and_sourced()
    {
        var rows = Rows.Value;
        Assert.True(rows.Count >= 300, $"{rows.Count} phrases");
        Assert.Equal(rows.Count, rows.Select(r => r.Phrase).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(rows, r => Assert.Contains(r.Kind, new[] { "once", "phased", "continuous", "recurring", "event", "unknown" }));
    }

    [Fact]
    public void The_held_out_quarter_scores_at_least_98_percent()
    {
        var ruled = Rows.Value.Where(r => !SplitByItsOwnRule(r)).ToList();
        var heldOut = ruled.Where(r => IsHeldOut(r.Phrase)).ToList();
        var misses = heldOut.Where(r => Read(r) != $"{r.Kind}: {r.Dues}").Select(r => r.Phrase).ToList();
        var score = (double)(heldOut.Count - misses.Count) / heldOut.Count;

        Assert.True(heldOut.Count * 5 >= ruled.Count, $"held out {heldOut.Count} of {ruled.Count}");
        Assert.True(score >= 0.98, $"held-out exact {heldOut.Count - misses.Count}/{heldOut.Count} = {score:P1}; misses: {string.Join(" | ", misses)}");
    }

    /// <summary>
    /// The second harvest (files named <c>harvest2-*.tsv</c>) was gathered and labelled after the first
    /// quarter had been seen, so it has its own held-out part, fixed by this rule before a single of its
    /// phrases was gathered: FNV-1a of the NFC phrase divisible by 3. While the parser was widened for the
    /// second harvest, only its other rows were run; the held-out third was run once, at the end (parser at
    /// a275337 in main): 37 of 38 exact. The miss, a mistyped year at a span's start ("01/11/2205"), was mended
    /// afterwards, so the 38/38 this test sees is no longer blind for that row. A last batch added 11 held-out
    /// rows, run once at 9343057 in main: 10 of 11 ("Quý IV2026", a year typed straight after the quarter, was mended
    /// afterwards). Blind first runs together: 47 of 49.
    /// </summary>
    [Fact]
    public void The_second_harvest_held_out_third_scores_at_least_98_percent()
    {
        var heldOut = Rows.Value.Where(r => r.File.StartsWith("harvest2-", StringComparison.Ordinal) && Fnv1a(r.Phrase) % 3 == 0).ToList();
        var misses = heldOut.Where(r => Read(r) != $"{r.Kind}: {r.Dues}").Select(r => r.Phrase).ToList();
        var score = (double)(heldOut.Count - misses.Count) / heldOut.Count;

        Assert.True(heldOut.Count >= 10, $"held out {heldOut.Count} of the second harvest");
        Assert.True(score >= 0.98, $"held-out exact {heldOut.Count - misses.Count}/{heldOut.Count} = {score:P1}; misses: {string.Join(" | ", misses)}");
    }

    /// <summary>
    /// The third harvest (files named <c>harvest3-*.tsv</c>) is held out whole: its phrases were gathered from
    /// documents the corpus had not used, labelled by reading and committed (f449e8a in main) before the parser read any
    /// of them. Its first and only blind run (parser of main 19f36f6): 17 of 21 exact (81.0 %). The misses: two
    /// deferrals to "theo yêu cầu của cấp có thẩm quyền" read as unknown; two phases with one date ("… trong Quý
    /// II/2026. … trong Quý II/2026. Cập nhật thường xuyên") read as two milestones; a year span inside brackets
    /// after a deadline ("Quý II/2026 (… giai đoạn 2026 - 2031 …)") read as a second phase. They were mended
    /// afterwards, so the score this test sees is no longer blind for those four rows.
    /// </summary>
    [Fact]
    public void The_third_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest3-", 20);

    /// <summary>
    /// The fourth harvest (<c>harvest4-*.tsv</c>), a second fresh batch gathered after the third's blind run, is held
    /// out whole the same way: labelled and committed (4b72606 on wt/blind) before the parser (main e669b52) read it.
    /// Its first and only blind run: 9 of 10 exact (90.0 %). The miss: "Tháng 11 - 12/2025." read as two phases (each
    /// month's end) where the label reads a span of months, as "Từ tháng 11 đến tháng 12" is (the README was silent on
    /// months joined by a dash; quarters joined by a dash are phases). Mended afterwards, with the reading flagged.
    /// </summary>
    [Fact]
    public void The_fourth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest4-", 10);

    /// <summary>
    /// The fifth harvest (<c>harvest5-*.tsv</c>), from a source no earlier harvest had used (Đắk Lắk's tracking
    /// dashboards), is held out whole: labelled and committed (655e0a5 on wt/blind) before the parser read it.
    /// Its first and only blind run (parser of main f5f4899): 32 of 41 exact (78.0 %). The misses: "Năm 2026 và hằng năm
    /// đến 2030" read as one year's end; "Trước tháng 3/2027" (three cells) read as the end of March where the label
    /// reads the month before it, as "trước năm 2030" is 31/12/2029; "Quý II/năm 2026" read as two phases; "Kỳ họp
    /// cuối năm 2026" read as the year's end, not a session; "… trong 6 tháng sau khi Chính phủ ban hành Nghị định"
    /// read as half-yearly dates; "Tháng 9/2026 (sau khi kết thúc kỳ tuyển sinh …)" read as an event; the area
    /// numbers of "Khu vực 1, 2 và 3.1:" read as dates. Mended afterwards, so the score this test sees is no longer
    /// blind for those nine rows.
    /// </summary>
    [Fact]
    public void The_fifth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest5-", 40);

    /// <summary>
    /// The sixth harvest (<c>harvest6-*.tsv</c>), from documents no earlier harvest had used (the history of Đắk Lắk's
    /// land-clearance dashboard, report deadlines in decrees and circulars, plans of Cần Thơ, Đắk Lắk and Hồ Chí Minh City),
    /// is held out whole: labelled and committed (ecd5551 in main) before the parser read it.
    /// Its first and only blind run (parser of dae1f1d in main): 30 of 40
    /// exact (75.0 %). The misses: report deadlines set relative to the next period ("Chậm nhất là ngày 15 tháng đầu tiên
    /// của quý sau liền kề đối với báo cáo quý, … ngày 31 tháng 01 năm sau đối với báo cáo năm", three cells) read as one
    /// date; a quarterly report with its own exception for the second quarter read as two phases; "trước ngày 15 tháng 7
    /// hằng năm đối với báo cáo … 06 tháng …; trước ngày 15 tháng 01 của tháng tiếp theo đối với báo cáo năm" read as a
    /// day of every month; two mistyped dates ("44/92/2026", "60/11/2026") made a cell of two good dates unknown; the date
    /// of a cited notice ("Thông báo số 326/TB-TTHĐND ngày 17/12/2025") read as a deadline; a span closed by an event ("Từ
    /// tháng 10/2025 đến khi tổ chức thành công Đại hội …") kept the year's end; "10 ngày kể từ ngày nhận Kế hoạch này"
    /// read as an event; a count written "(17,5) ngày làm việc kể từ ngày nhận đủ hồ sơ" read as unknown.
    /// Seven of the 40 were afterwards found to repeat cells already in the corpus but for a space or a final dot ("Năm 2026 -
    /// 2027", "Quý III/ 2026", "Trong năm 2026", …; the dedupe compared exact strings) and were removed, one of them a miss
    /// whose label also went against the earlier cell's ("Từ tháng 10/2025 đến khi …", event with the year's end): on the
    /// 33 that remain, the blind run scored 24 of 33 (72.7 %).
    /// </summary>
    [Fact]
    public void The_sixth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest6-", 30);

    /// <summary>
    /// The seventh harvest (<c>harvest7-*.tsv</c>), from 37 documents no earlier harvest had used (Government resolutions
    /// and plans of 2026, a Prime Minister's directive, decrees and circulars of 2020–2026 with their report deadlines), is
    /// held out whole: labelled and committed (1183e9f in main, 2037d4d before its rebase) before the parser read it. Its first and only blind
    /// run (parser of main 0cd2a2d): 28 of 52 exact (53.8 %). The misses: a date followed by "năm sau", "năm tiếp theo",
    /// "năm kế tiếp" or "năm trước" read in the plan's year (six cells) or, for a bare "… năm sau", as a recurring report
    /// (four cells); "theo quy định" read as a quarter ("quy"); "báo cáo sáu tháng" and "báo cáo 06 tháng gửi trước ngày …"
    /// kept the period ends beside their own dates (three cells); "trước ngày 17 hàng tháng" and "Trước ngày 15 hằng tháng"
    /// kept the month ends too (two cells), "định kỳ hàng năm trước ngày 17 tháng 12 hàng năm" the year's end; "trước ngày 17
    /// các tháng 3, 6, 9" read as quarter ends; "(báo cáo) đột xuất khi có yêu cầu", "hoặc đột xuất theo yêu cầu của …" and
    /// "hoặc khi cần thiết" beside a periodic duty made it an event (three cells); "đối với kỳ báo cáo năm trước đó" not
    /// bound to the year's report; "90 ngày từ ngày kết thúc năm tài chính" read as the year's end; the years of "đối với chi
    /// phí năm 2023" read as deadlines. All 24 were mended afterwards as families with their own rule tests
    /// (<c>DeadlineFamilyTests</c>), so the score this test sees is no longer blind for them.
    /// </summary>
    [Fact]
    public void The_seventh_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest7-", 50);

    /// <summary>
    /// The eighth harvest (<c>harvest8-*.tsv</c>), 32 report and plan deadlines from 25 documents no harvest had used, is held
    /// out whole to measure the parser widened for the seventh: labelled and committed (cf7b8fa in main, 638b4ae before its rebase) before the
    /// parser (5c1f0fb in main) read it. Its cells come from the same extraction of clauses as the seventh's and were seen
    /// while those were chosen, so it is less independent than a new source would be. Its first and only blind run: 26 of
    /// 32 exact (81.2 %). The misses: three cells ending "… ban hành kèm theo Thông tư này" or "… thực hiện Thông tư này …"
    /// took "tư này" (folded "tu nay") for "từ nay", a span from the issue date (a second milestone, or work all year);
    /// "60 ngày kể từ ngày kết thúc 6 tháng đầu năm tài chính"
    /// read as the half-year's end; "báo cáo định kỳ 06 tháng (trước ngày 15 tháng 6), hằng năm (trước ngày 15 tháng 12)"
    /// kept the period ends beside the dates in brackets; "định kỳ hằng năm hoặc thực hiện báo cáo theo yêu cầu đột xuất"
    /// read as an event. The four families were mended afterwards, with their own rule tests.
    /// </summary>
    [Fact]
    public void The_eighth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest8-", 30);

    /// <summary>
    /// The ninth harvest (<c>harvest9-*.tsv</c>), 66 cells from 33 documents no harvest had used and sources no harvest
    /// had opened (the Government's NQ 03/NQ-CP of 2025, its appendix's time column; Lào Cai's plan for Chỉ thị 11-CT/TU,
    /// three of its decisions, a report and five letters of its People's Committee and departments; seven decrees and
    /// circulars of 2024–2026 found beside them; fifteen letters of ministries and the Government Office quoted in the
    /// Finance ministry's tracker), is held out whole: labelled and committed
    /// (45611eb in main) before the parser read it. Its first and only blind run (parser of main 2733cc4): 57 of 66
    /// exact (86.4 %). The misses: a cell that is only "năm tiếp theo" read as unknown; "trước ngày 15 tháng 02 của năm
    /// liền kề sau năm báo cáo, kỳ báo cáo là 01 năm (từ 01 tháng 01 đến 31 tháng 12)" read in the plan's year with the
    /// report period as a second phase; "Định kỳ trước ngày 25 tháng 6 và trước ngày 25 tháng 12 hằng năm, … trong 6 tháng
    /// và cả năm" kept the half-year's and year's ends beside its own dates; three counts from or before another body's act
    /// ("Chậm nhất là 30 ngày, kể từ ngày cơ quan Thuế ban hành thông báo …", "… kể từ ngày hoạt động … trở lại", "Chậm nhất
    /// 01 năm trước ngày chấm dứt hợp đồng …") read as unknown, not events; "(nếu có)" inside the subject of a quarterly
    /// duty made it an event; "cập nhật đến hết ngày 31 tháng 12 hàng năm và nộp … trước ngày 01 tháng 02 của năm tiếp
    /// theo" kept the data's cut-off as a deadline; a year typed in two pieces ("25 / 8 /202 6") was refused. The seven
    /// families were mended afterwards, each with its own rule tests (<c>DeadlineFamilyTests</c>), so the score this test
    /// sees is no longer blind for those nine rows.
    /// </summary>
    [Fact]
    public void The_ninth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest9-", 60);

    /// <summary>
    /// The tenth harvest (<c>harvest10-*.tsv</c>), 34 cells from 15 documents no harvest had used (Luật Thanh tra
    /// 84/2025, Luật Xây dựng 135/2025, NQ 66.18/2026 and 24/2026/NQ-CP, decrees 14/2026, 21/2026, 140/2025, 144/2025 and
    /// 35/2023, TT 26/2026/TT-BCT, Lào Cai's letters 5973/UBND-KT and 5141/SNNMT-KS, three ministries' letters), is held
    /// out whole to measure the parser widened for the ninth: labelled and committed (df096a8 in main, 590f5a9 before its
    /// rebase) before the parser (abaca67 in main) read it. Its documents sit beside the ninth's in the same two sources, so it is less
    /// independent than a new source would be (one of its cells had been seen in a search listing before the ninth's
    /// fixes). Its first and only blind run: 29 of 34 exact (85.3 %). The misses: a count with its number spelled in
    /// brackets ("Định kỳ 06 (sáu) tháng", two cells) read "(sáu) tháng" as monthly, and "chậm nhất là 10 (mười) ngày kể
    /// từ khi kết thúc kỳ báo cáo" was not counted from each half year's end; "định kỳ hàng năm hoặc đột xuất theo kế
    /// hoạch kiểm tra" read as an event; "trước ngày 15 tháng 3 hàng năm để thực hiện hoạt động kiểm tra định kỳ" read
    /// once; "Trong vòng 06 tháng tính đến trước ngày hết hiệu lực của Bằng …" read as half-yearly, not an event. The five
    /// families were mended afterwards, each with its own rule tests, so the score this test sees is no longer blind for them.
    /// </summary>
    [Fact]
    public void The_tenth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest10-", 30);

    /// <summary>
    /// The eleventh harvest (<c>harvest11-*.tsv</c>), 58 cells from 43 documents no harvest had used: 2025 decisions, plans,
    /// directives and letters of 15 provinces and cities (Sơn La, Bắc Ninh, Đồng Tháp, Ninh Bình, Nghệ An, Quảng Ninh, Hà Tĩnh,
    /// Hà Nội, Phú Thọ, Quảng Trị, Cần Thơ, Hồ Chí Minh, Đồng Nai, Đắk Lắk, Hải Phòng), decrees 171, 173 and 308/2025, a circular,
    /// a Defence ministry consolidated text, the Government Office's and ministries' notices and letters of November 2025, all
    /// from the dataset the second to fifth harvests drew their tables from (the sentences of other documents, so less
    /// independent than a new source would be). Held out whole: labelled and committed (<c>fd7bae0</c> on the lane's branch)
    /// before the parser (main 5d10c11) read it. Its first and only blind run: 55 of 58 exact (94.8 %). The misses: "trước
    /// ngày 15 tháng cuối của quý …" and "… trước ngày 25 tháng cuối của quý, ngày 25 tháng 6 và ngày 25 tháng 12 hằng năm"
    /// read "tháng" as every month's end ("của" between "cuối" and "quý" was not known; the second also read the spelled
    /// "sáu tháng" of "quý, sáu tháng, năm" as monthly); "trước ngày 03 của tháng tiếp theo sau tháng cuối cùng của kỳ báo
    /// cáo đối với báo cáo quý, 6 tháng, 9 tháng và cả năm" read as the 3rd of every month with the quarters' ends. The
    /// three families were mended afterwards, each with its own rule tests, so the score this test sees is no longer blind.
    /// </summary>
    [Fact]
    public void The_eleventh_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest11-", 55);

    /// <summary>
    /// The twelfth harvest (<c>harvest12-*.tsv</c>), 41 cells from 29 laws, decrees, circulars and consolidated texts of
    /// 2019–2026 no harvest had used (Luật Quản lý thuế 38/2019, the consolidated Luật Doanh nghiệp, Ngân sách nhà nước, Quy
    /// hoạch, Hải quan, Khám bệnh chữa bệnh; decrees 16/2023, 102/2024, 104/2024, 181/2024, 32/2024, 139/2025, 146/2025,
    /// 151/2025, 167/2025, 291/2025, 24/2026, 178/2026; circulars 01/2022, 03/2023, 25/2023, 19/2024, 13/2026, 25/2026, 56/2026,
    /// 58/2026; the Hóa chất law 69/2025; two consolidated texts of the Finance and Planning ministries), from the three
    /// crawls the sixth to tenth harvests opened for other documents, so less independent than a new source, and clauses of
    /// laws rather than plan cells. Held out whole: labelled and committed (<c>efdc5cd</c>) before the parser (7e613f5, the
    /// eleventh's fixes) read it. Its first and only blind run: 27 of 41 exact (65.9 %). The misses: eight counts from the
    /// end of an activity ("kể từ ngày kết thúc cuộc họp / việc giải thể / vận động / việc thẩm định hồ sơ / kiểm tra / kỳ
    /// thi") or from "ngày xảy ra sự kiện" read as no schedule, not events; "ngày thứ 20 của tháng tiếp theo" (an ordinal day)
    /// read as nothing; "90 ngày, kể từ ngày kết thúc kỳ kế toán năm" as nothing; "báo cáo tài chính giữa năm … (nếu có)"
    /// read "giữa năm" as 30/06 and so "(nếu có)" as an event; "hằng quý, 06 tháng … kể từ ngày kết thúc quý và 06 tháng"
    /// kept the half-year's ends; "… hằng năm được công khai khi Chính phủ trình Quốc hội vào kỳ họp giữa năm sau" kept the
    /// year's end beside the session; "đã được đưa vào hoạt động trước ngày 15 tháng 4 năm 2025, chậm nhất đến ngày 15 tháng 4
    /// năm 2026 … Sửa đổi 1:2024" read the condition as a deadline, the deadline as a cut-off and "1:2024" as a year; "10
    /// ngày, kể từ ngày tổ chức kiểm toán ký … nhưng không vượt quá 90 ngày, kể từ ngày kết thúc năm tài chính" read as an
    /// event. The families were mended afterwards, each with its own rule tests, so the score this test sees is no longer blind.
    /// </summary>
    [Fact]
    public void The_twelfth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest12-", 40);

    /// <summary>
    /// The thirteenth harvest (<c>harvest13-*.tsv</c>), 20 cells from 12 documents no harvest had used (Government Office
    /// notice 627 and letter 11414, dispatch 234/CĐ-TTg, resolution 1675/NQ-UBTVQH15, Ninh Bình's 161/2025 and Hải Phòng's
    /// 223/2025 decisions, the Health ministry's procedure 3621, the Party committee's rule 1147, project schedules quoted by
    /// three articles), from the dataset of the eleventh harvest: its lines were in the listing read while the eleventh's
    /// were chosen, so it is less independent than a new source would be. Held out whole: labelled and committed
    /// (<c>9ae1d0e</c>) before the parser (8f31bf7, the twelfth's fixes) read it. Its first and only blind run: 19 of 20
    /// exact (95.0 %). The miss: "Quý III/2025 đến hết quý I/2026" read as two deadlines (the two quarters' ends), not work
    /// over the span with each quarter's end. Mended afterwards ("đến hết" between quarters is a span; a span of a year at
    /// most keeps each quarter's end across the new year, which changed three rule tests' spans written with "từ").
    /// </summary>
    [Fact]
    public void The_thirteenth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest13-", 20);

    /// <summary>
    /// The fourteenth harvest (<c>harvest14-*.tsv</c>), 55 cells from 23 documents no harvest had used: 2025 plans, decisions
    /// and letters of Tuyên Quang (130/KH-UBND, 1347/QĐ-UBND), Cần Thơ (177/KH-UBND, 160/KH-UBND), Ninh Bình (61/KH-VPUBND),
    /// Lạng Sơn (279/KH-UBND), Đồng Nai (188/KH-UBND, 5926/SNV-LĐ), Thanh Hóa (3683/QĐ-UBND, Tiến Lộc's schedule, Lam Sơn
    /// Riverside's), Bắc Ninh (4858/UBND-KTTH), Gia Lai (6131/UBND-XDCT), Hà Nội (the Education department's festival plan,
    /// Hoàn Kiếm's square), Thái Nguyên (1936/QĐ-UBND), Huế (37/2025/NQ-HĐND), Hồ Chí Minh (9002, 5155/SGDĐT-GDTXNNĐH), Khánh
    /// Hòa, Nghệ An (3664/QĐ-UBND), Hà Tĩnh (Sơn Dương port), Đồng Tháp (87/NQ-HĐND), most as quoted by articles of the dataset
    /// the eleventh and thirteenth harvests used (so less independent than a new source would be), chosen by a fresh helper
    /// that had not read that dataset before. Held out whole: labelled and committed (<c>1bcd2f1</c>) before the parser (main
    /// 0633784, as the thirteenth's fixes left it) read it. Its first and only blind run: 43 of 55 exact (78.2 %). The misses:
    /// the year a task is about ("kê khai tài sản, thu nhập năm 2025 …; thời gian hoàn thành trước ngày 20/12/2025", "báo cáo
    /// công tác kiểm soát tài sản, thu nhập năm 2025 … trước ngày 31/3/2026", "tổng hợp kết quả … năm 2025 …, báo cáo UBND tỉnh
    /// trước ngày 15/4/2026") read as a second deadline at its end; "(sau khi xin ý kiến các sở, … ). Hoàn thành trước ngày
    /// 30/11/2025" and the same with "các bộ" read as an event (twice); "Quý III/2025 đến Quý IV/2025" read as phased, not work
    /// over the span; "Quý I/2026 đến Quý IV/2027" read as eight quarters' deadlines, not a two-year span with each year's end;
    /// "từ Quý II/2026 - Quý II/2028" read as once at its end; "Báo cáo tình hình tiền thưởng tết Dương lịch và tết Nguyên đán
    /// 2026 … Hạn nộp báo cáo: Trước ngày 15/12/2025" read the report's subject as a lunar deadline (Tết 2026); "khối trung
    /// tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên: Hoàn thành trước ngày 30/11/2025" read the centre's name as ongoing
    /// work with the year's end; "thường xuyên, liên tục trong năm 2025, … trước khi đoàn đến làm việc …" read as an event;
    /// "vào tháng 11 đến ngày 15 tháng 12 hàng năm" kept November's end beside the deadline. The families were mended
    /// afterwards, each with its own rule tests (one of them changes the thirteenth's contrast test: "Quý III/2025 đến quý
    /// I/2026" is now a span, with the same dates), so the score this test sees is no longer blind.
    /// </summary>
    [Fact]
    public void The_fourteenth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest14-", 55);

    /// <summary>
    /// The fifteenth harvest (<c>harvest15-*.tsv</c>), 40 time cells of plan tables from a repository no harvest had opened
    /// (DoPhuoc0805/Parsing-data-from-PDF, a tool that extracts task tables from Hà Nội's documents, with its sample files):
    /// Hà Nội's 277/KH-UBND of 14/7/2026 (the 100-day digital-transformation plan's appendix, column "Thời hạn"), the
    /// appendix of tasks implementing Kế hoạch 20-KH/BCĐ57 (March 2026, column "Thời hạn hoàn thành", with the Science and
    /// Technology department's comments), a 2026 task-tracking sheet of the city Party committee's Organisation Board
    /// (columns "Tiến độ", "Thời gian hoàn thành") and Sở Y tế's 6582/SYT-QLBHYTCNTT. Held out whole: labelled and committed
    /// (<c>97bd473</c>) before the parser (main 1b56e89, as the fourteenth's fixes left it) read it. Its first and only blind
    /// run: 25 of 40 exact (62.5 %). The misses: group rows that defer to the rows below ("Theo từng mốc thời hạn dưới đây",
    /// "Theo thời hạn cụ thể sau đây:"), "Theo thời điểm có nhu cầu" and "Sở KHCN đưa ra kế hoạch" read as unknown, not
    /// events; "Từ ngày ban hành Kế hoạch trở đi" unknown, not work from the issue date to the year's end; "100 ngày" in the
    /// 100-day plan unknown, not 100 days after its issue; "13/02/2026 Đề xuất hạn là thường xuyên" (three such cells) read
    /// the proposal as ongoing work, a second milestone at the year's end; "Theo từng nhiệm vụ đầu tư của năm 2026" read as
    /// work over 2026, not a deferral, and "Theo tiến độ đề xuất của đơn vị triển khai, đảm bảo đạt tỷ lệ trong năm 2026" as
    /// work over 2026, not a target by its end; a dated step followed by one deferred to another timetable ("Danh mục trong
    /// Quý I/2026 Triển khai thực hiện theo thời hạn của từng Chương trình cụ thể.", "Hoàn thành xây dựng kế hoạch trong Quý
    /// I/2026; triển khai thực hiện theo tiến độ của Kế hoạch.", "Quý II/2026 ban hành … Việc triển khai thực hiện theo
    /// Quyết định phê duyệt. Báo cáo kết quả vào Quý IV") read as once or phased, not an event with the dated steps; and
    /// "28/6-5/7/2026" read as two deadlines, not a span of days. The families were mended afterwards, each with its own
    /// rule tests and no other corpus row or rule test reading differently, so the score this test sees is no longer blind.
    /// </summary>
    [Fact]
    public void The_fifteenth_harvest_held_out_whole_scores_at_least_98_percent() =>
        AssertWholeHarvestScores("harvest15-", 40);

    /// <summary>
    /// The sixteenth harvest: 400 time cells labelled by reading and committed (<c>f745220</c>) before the parser read any,
    /// from documents no harvest had used (Lào Cai's plans, programmes and letters on climate, industry and minerals; 2025
    /// decrees, directives and conclusions and the articles that quote provincial plans and decisions; the statistical
    /// report regimes TT 20/2024/TT-BKHĐT, TT 03/2025/TT-BKHĐT and NĐ 139/2026/NĐ-CP; circulars of the Labour ministry;
    /// commune election plans of 2025). It was split by a rule fixed before a single cell was gathered: a row whose FNV-1a
    /// (as <see cref="IsHeldOut"/>) is odd was for development (<c>Corpus/harvest16-dev.tsv</c>, in <see cref="Cells"/>),
    /// one whose FNV-1a is even is held out (<c>HeldOut/harvest16-held.tsv</c>, 196 rows), outside every other test. Before
    /// any change the held-out half read 149 of 196 exactly (count only, no row looked at). The parser was then widened on
    /// the development rows alone, and the held-out half was run once at the end: 167 of 196 (85.2 %). This test keeps that
    /// measure from falling. After the measure, 17 of the 29 misses were mended as families (184 of 196), a session later
    /// four more (188 of 196), and in the fifteenth session six more (194 of 196, 99.0 %), which it keeps too; that score is
    /// no longer blind. The README lists what is left.
    /// </summary>
    [Fact]
    public void The_sixteenth_harvests_held_out_half_keeps_its_measured_score() =>
        AssertHeldOutHalfKeeps(SixteenthHarvest, rows: 196, measured: 167, mended: 194);

    /// <summary>
    /// The seventeenth harvest: 408 time cells labelled by reading and committed (<c>7fed92c</c>, <c>903e2ef</c>) before the
    /// parser read any, from documents no harvest had used: directives, telegrams, resolutions and ministries' report
    /// circulars quoted in full by articles (Chỉ thị 24/CT-TTg, NQ 76/2025/UBTVQH15, Hà Nội's and Hồ Chí Minh City's
    /// letters); 2018–2026 decrees, circulars, laws and consolidated texts (the Public Investment and State Budget laws)
    /// and 2025–26 commune election plans; the Prime Minister's decisions on digital transformation, Sơn La's plan and
    /// Bình Thuận's and Lâm Đồng's Home Affairs dossiers. 49 cells with two fair readings were left out before any run.
    /// It was split by the rule fixed at 16:29 UTC on 03/12/2026, before a single cell was gathered: odd FNV-1a for
    /// development (<c>Corpus/harvest17-dev.tsv</c>, 202 rows), even held out (<c>HeldOut/harvest17-held.tsv</c>, 206
    /// rows). Before any change the held-out half read 173 of 206 (84.0 %, count only). The parser was widened on the
    /// development rows alone (164 → 202 of 202), and the held-out half was run once at the end (<c>eff9f6a</c>): 185 of 206
    /// (89.8 %). (That run read 181 of 206 on a split that had kept five cells the web lane's doubts had dropped and left out
    /// five it had kept, by an off-by-one in their row numbers; both sets were fixed before any run, and the five kept ones
    /// were then read once: 5 of 5.) This test keeps that measure from falling. After the measure, eight families were mended
    /// from its misses (199 of 206), and in the fifteenth session five more (204 of 206, 99.0 %), which it keeps too; that
    /// score is no longer blind.
    /// </summary>
    [Fact]
    public void The_seventeenth_harvests_held_out_half_keeps_its_measured_score() =>
        AssertHeldOutHalfKeeps(SeventeenthHarvest, rows: 206, measured: 185, mended: 204);

    /// <summary>
    /// The eighteenth harvest: 226 time cells held out whole (<c>HeldOut/harvest18-held.tsv</c>), labelled by reading and
    /// committed (<c>f01604d</c>) before the parser read any, from documents no harvest had used: articles quoting decrees,
    /// resolutions, the 2021 and 2026 election timetables and provincial letters; consolidated legal texts; stored web pages
    /// (the education ministry's school-year framework, Home Affairs letters, NQ 86/NQ-CP, labour-report decrees). Before
    /// any run, 55 cells with another fair reading or a paraphrased source, and 7 typed in a broken font, were left out. Its
    /// rule, fixed before it was gathered: no development half; the parser is run on it once. That run (the fifteenth
    /// session's parser, 03/12/2026 20:36 UTC) read 172 of 226 (76.1 %); the parser at the session's start read 171. Most
    /// misses were two families the corpus had not shown: a written date beside a count from an election's day, read as
    /// waiting for the election, and a tax period named before the day its tax is due. Both were mended after that run
    /// (sixteenth session: 224 of 226, no longer blind). This test keeps the blind measure and the mended score.
    /// </summary>
    [Fact]
    public void The_eighteenth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(EighteenthHarvest, rows: 226, measured: 172, mended: 224);

    /// <summary>
    /// The nineteenth harvest: 220 time cells held out whole (<c>HeldOut/harvest19-held.tsv</c>), labelled by reading and
    /// committed (<c>e554279</c>) before the parser read any, from documents no harvest had used: articles and full texts
    /// quoting the Prime Minister's investment decisions, Government resolutions and decrees, provinces' decisions and
    /// letters; stored web pages quoting plans, decisions, letters and circulars of ministries and provinces (2018–2026).
    /// Before any run, 100 cells were left out: every cell a helper doubted, 25 of a company's tracker, two trade unions'
    /// and three with no deadline. Its rule, fixed before it was gathered: no development half; the parser is run on it
    /// once. That run (the sixteenth session's parser, 03/12/2026 23:14 UTC, with the fifteenth session's lanes merged)
    /// read 171 of 220 (77.7 %); the parser at the session's start read 163. Most cells are news sentences, not plan
    /// tables: the helpers could reach few tables. Its misses were mended after the run (219 of 220, no longer blind); the
    /// one left cites two letters, one with a month missing ("ngày 19 tháng năm 2025"). This test keeps the blind measure
    /// and the score after mending.
    /// </summary>
    [Fact]
    public void The_nineteenth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(NineteenthHarvest, rows: 220, measured: 171, mended: 219);

    /// <summary>
    /// The twentieth harvest: 65 time cells held out whole (<c>HeldOut/harvest20-held.tsv</c>), labelled by reading and
    /// committed (<c>63ca882</c>) before the parser read any: Lào Cai's resolutions, plans, decisions, letters and notices
    /// of 2025–2026 (a public repository's full texts) and stored web pages quoting the Government, ministries and eleven
    /// provinces. Before any run, 55 cells were left out (doubted, unnumbered drafts, a guessed year, a decree's release
    /// table); one cell the page lane had doubted in passing ("Trên cơ sở này, … tháng 3.2026 trong tháng 2 này …") was
    /// missed by that drop and stays. Its one run, on the parser at the end of the sixteenth session (after the nineteenth
    /// harvest's lanes), read 55 of 65 (84.6 %); the parser at that session's start read 54. This test keeps that measure
    /// and the cells mended after it: a target year after "mục tiêu", due by its end (sixteenth session); a count with a rate
    /// per unit, a day of the report period with the month listed, a report "nếu … vướng mắc", "hoàn thiện … vào năm", a
    /// purpose's reach and work resumed "sau dịp nghỉ tết" (the eighteenth); "Kể từ ngày công bố Quyết định này", with no
    /// count, waiting for it (the twenty-fifth).
    /// </summary>
    [Fact]
    public void The_twentieth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentiethHarvest, rows: 65, measured: 55, mended: 62);

    /// <summary>
    /// The twenty-first harvest: 180 time cells held out whole (<c>HeldOut/harvest21-held.tsv</c>), labelled by reading and
    /// committed (<c>507dd4d</c>) before the parser read any: plans and their task tables, letters, circulars and decrees from
    /// public repositories no harvest had used (a 2026 legal-text site's decrees and circulars, the Government Party Committee's
    /// NQ 71 task appendix, a commune's election plan, provincial plans quoted by articles), and stored pages of ministries and
    /// provinces (requests for comments on drafts, award notices, holiday duty). Its rule, fixed at 05:03 before it was
    /// gathered: no development half; the helpers left their doubted cells out themselves (65), and ten cells whose issue date
    /// was given only as a month or a year kept an empty one. Its one run, on the parser at 05:47 UTC of the eighteenth
    /// session (after the twentieth harvest's leftovers were mended), read 153 of 180 (85.0 %); the parser at the session's
    /// start read 153 too. This test keeps that measure and the score after its misses were mended.
    /// </summary>
    [Fact]
    public void The_twenty_first_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyFirstHarvest, rows: 180, measured: 153, mended: 175);

    /// <summary>
    /// The twenty-second harvest: 60 time cells held out whole (<c>HeldOut/harvest22-held.tsv</c>), labelled by reading and
    /// committed (<c>416cd34</c>) before the parser read any: laws, decrees, resolutions and circulars from public repositories
    /// (consolidated laws, 2026 decrees), and stored pages of ministries' and provinces' notices. Its rule, fixed at 06:11 before
    /// it was gathered: no development half; the helpers left their 37 doubted cells out themselves. Its one run, on the
    /// parser at the end of the eighteenth session's mending (6a7ae6b, 07:02 UTC), read 51 of 60 (85.0 %); the parser at the
    /// session's start read the same 51. Mended in the nineteenth session (57 of 60); the three left are labels that contradict
    /// the corpus's convention (a report's next-year day listed in the tracked year, twice; a day without "hằng năm" labelled
    /// every year).
    /// </summary>
    [Fact]
    public void The_twenty_second_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentySecondHarvest, rows: 60, measured: 51, mended: 57);

    /// <summary>
    /// The twenty-third harvest: 123 time cells held out whole (<c>HeldOut/harvest23-held.tsv</c>), labelled by reading and
    /// committed (<c>fa8df3a</c>) before the parser read any: 2026 decrees and resolutions, and circulars collected by subject
    /// (2006–2024), from a public legal-text repository whose files no harvest had used. Its rule, fixed before it was gathered:
    /// no development half; the helpers left their 30 doubted cells out themselves; the tracked year is the issue year. Its one
    /// run, on the parser at the start of the nineteenth session with one span family added (<c>fa8df3a</c>), read 102 of 123
    /// (82.9 %); the parser at the session's start read the same 102. This test keeps that measure and the score after its
    /// misses were mended (all 123, no longer blind).
    /// </summary>
    [Fact]
    public void The_twenty_third_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyThirdHarvest, rows: 123, measured: 102, mended: 123);

    /// <summary>
    /// The twenty-fourth harvest: 97 time cells held out whole (<c>HeldOut/harvest24-held.tsv</c>), labelled by reading and
    /// committed (<c>6f7d967</c>) before the parser read any: Lâm Đồng's 2026 administrative-reform plans and their task
    /// tables, Đắk Lắk's and Phú Thọ's plans, the Prime Minister's telegrams and directives, Government Office notices and
    /// letters, 2026 decrees and circulars. Its rule, fixed before it was gathered: no development half; the helpers left their
    /// 21 doubted cells out themselves; the tracked year is the plan's own year, else the issue year. Its one run, on the
    /// parser with the twenty-third harvest's misses mended (<c>6f7d967</c>), read 86 of 97 (88.7 %); the parser at the
    /// nineteenth session's start read the same 86. This test keeps that measure and the score after its misses were mended
    /// (all 97, no longer blind).
    /// </summary>
    [Fact]
    public void The_twenty_fourth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyFourthHarvest, rows: 97, measured: 86, mended: 97);

    /// <summary>
    /// The twenty-fifth harvest: 11 time cells held out whole (<c>HeldOut/harvest25-held.tsv</c>), labelled by reading and
    /// committed (<c>c7654e8</c>) before the parser read any: 2026 decrees and a circular from a public legal-text repository
    /// (the helpers found the public sources nearly spent). Its rule, fixed before it was gathered, as the twenty-fourth's. Its
    /// one run, on the parser with the twenty-third and twenty-fourth harvests' misses mended (<c>c7654e8</c>), read 8 of 11.
    /// This test keeps that measure and the score after its three misses were mended (11 of 11).
    /// </summary>
    [Fact]
    public void The_twenty_fifth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyFifthHarvest, rows: 11, measured: 8, mended: 11);

    /// <summary>
    /// The twenty-sixth harvest: 12 time cells held out whole (<c>HeldOut/harvest26-held.tsv</c>), labelled by reading and
    /// committed (<c>889d0e1</c>) before the parser read any: news pages, exam notices and a 2010 social-insurance letter from
    /// the stored web pages; three lanes searching the code stores found nothing unused. Its one run, on the parser of
    /// <c>f23054e</c>, read 9 of 12. This test keeps that measure and the score after its three misses were mended (12 of 12).
    /// </summary>
    [Fact]
    public void The_twenty_sixth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentySixthHarvest, rows: 12, measured: 9, mended: 12);

    /// <summary>
    /// The twenty-seventh harvest: 149 time cells held out whole (<c>HeldOut/harvest27-held.tsv</c>), labelled by reading
    /// and committed (<c>522b652</c>) before the parser read any: decrees, circulars, decisions, plans, notices and
    /// telegrams quoted by the 13,527 articles of a public legal-text repository no harvest had opened (the twenty-sixth
    /// searched the index, which holds a fraction of each repository); 36 doubted cells left out by the helpers. Its one
    /// run, on the parser of <c>a33af96</c> (the twenty-first session's, one message moved), read 123 of 149 (82.6 %). One
    /// row, a 1982 circular's yearly day, tracks a year the product refuses and can never read as labelled. This test keeps
    /// that measure and the score after its misses were mended in five lanes (147 of 149; left: the 1982 row and a label that
    /// needs a date the cell does not hold).
    /// </summary>
    [Fact]
    public void The_twenty_seventh_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentySeventhHarvest, rows: 149, measured: 123, mended: 147);

    /// <summary>
    /// The twenty-eighth harvest: 78 time cells held out whole (<c>HeldOut/harvest28-held.tsv</c>), gathered beside the
    /// twenty-seventh under the same rule from the unused full texts of two public repositories of laws, decrees and
    /// circulars (tax, fees, labour, investment, procurement); committed with it (<c>522b652</c>). Its one run, on the same
    /// parser, read 66 of 78 (84.6 %). This test keeps that measure and the score after its misses were mended (78 of 78).
    /// </summary>
    [Fact]
    public void The_twenty_eighth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyEighthHarvest, rows: 78, measured: 66, mended: 78);

    /// <summary>
    /// The twenty-ninth harvest: 65 time cells held out whole (<c>HeldOut/harvest29-held.tsv</c>), gathered while the
    /// twenty-seventh and twenty-eighth harvests' misses were mended, from the files of the same two law repositories they
    /// left unused, and committed (<c>63e9ad5</c>) before the parser read any. Its one run, on the parser with those misses
    /// mended (<c>24e3262</c>), read 61 of 65 (93.8 %); the parser at the twenty-second session's start read the same 61.
    /// This test keeps that measure and the score after its four misses were mended (65 of 65).
    /// </summary>
    [Fact]
    public void The_twenty_ninth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(TwentyNinthHarvest, rows: 65, measured: 61, mended: 65);

    /// <summary>
    /// The thirtieth harvest: 100 time cells held out whole (<c>HeldOut/harvest30-held.tsv</c>), gathered while the
    /// twenty-ninth harvest's misses were mended, from the law repository's files no harvest had used, and committed
    /// (<c>d3d6da9</c>) before the parser read any. Its one run, on the parser with the twenty-ninth's misses mended
    /// (<c>09c18f7</c>), read 86 of 100; the parser at the twenty-second session's start read 85. This test keeps that
    /// measure and the score after its fourteen misses were mended in three lanes (100 of 100).
    /// </summary>
    [Fact]
    public void The_thirtieth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtiethHarvest, rows: 100, measured: 86, mended: 100);

    /// <summary>
    /// The thirty-first harvest: 62 time cells held out whole (<c>HeldOut/harvest31-held.tsv</c>), from the law
    /// repository's files the thirtieth left unused (criminal sentences, civil procedure, tax, tourism, state reserves …),
    /// and committed (<c>96e6a68</c>) before the parser read any. Its one run, on the parser as the twenty-third session
    /// started it with two small families added (<c>c71ea46</c>), read 54 of 62 (87.1 %); the parser at the session's start
    /// (<c>580d4fb</c>) read the same 54. This test keeps that measure and the score after its eight misses were mended in three lanes (62 of 62).
    /// </summary>
    [Fact]
    public void The_thirty_first_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyFirstHarvest, rows: 62, measured: 54, mended: 62);

    /// <summary>
    /// The thirty-second harvest: 34 time cells held out whole (<c>HeldOut/harvest32-held.tsv</c>), from a provincial
    /// department of industry and trade's working library (laws, decrees, circulars, its own letters and decisions; drafts
    /// and documents without a number left out), committed with the thirty-first and run once on the same parser: 30 of
    /// 34 (88.2 %), the session's start the same 30. This test keeps that measure and the score after its four misses were mended (34 of 34).
    /// </summary>
    [Fact]
    public void The_thirty_second_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtySecondHarvest, rows: 34, measured: 30, mended: 34);

    /// <summary>
    /// The thirty-third harvest: 54 time cells held out whole (<c>HeldOut/harvest33-held.tsv</c>), gathered while the
    /// thirty-first and thirty-second harvests' misses were mended (quoted documents of the legal Q&amp;A repository, and law
    /// files the thirty-first left), and committed (<c>0e81e92</c>) before the parser read any. Its one run, on the parser
    /// with those misses mended (<c>032584b</c>), read 50 of 54 (92.6 %); the parser at the twenty-third session's start
    /// read the same 50. This test keeps that measure and the score after its four misses were mended (54 of 54).
    /// </summary>
    [Fact]
    public void The_thirty_third_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyThirdHarvest, rows: 54, measured: 50, mended: 54);

    /// <summary>
    /// The thirty-fourth harvest: 65 time cells held out whole (<c>HeldOut/harvest34-held.tsv</c>), gathered with the
    /// thirty-third from deeper files of the same Q&amp;A repository and run once on the same parser: 59 of 65 (90.8 %), the
    /// session's start the same 59. This test keeps that measure and the score after its six misses were mended (65 of 65).
    /// </summary>
    [Fact]
    public void The_thirty_fourth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyFourthHarvest, rows: 65, measured: 59, mended: 65);

    /// <summary>
    /// The thirty-fifth harvest: 57 time cells held out whole (<c>HeldOut/harvest35-held.tsv</c>), gathered while the
    /// thirty-third and thirty-fourth harvests' misses were mended, from files of the legal Q&amp;A repository that quote dated
    /// documents no harvest had used, and committed (<c>37a23a1</c>) before the parser read any. Its one run, on the parser
    /// with those misses mended (<c>2aac6ca</c>), read 50 of 57 (87.7 %); the parser at the twenty-third session's start
    /// read the same 50. This test keeps that measure and the score after its seven misses were mended in three lanes (57 of 57).
    /// </summary>
    [Fact]
    public void The_thirty_fifth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyFifthHarvest, rows: 57, measured: 50, mended: 57);

    /// <summary>
    /// The thirty-sixth harvest: 31 time cells held out whole (<c>HeldOut/harvest36-held.tsv</c>), gathered while the
    /// thirty-fifth harvest's misses were mended (quoted documents of the legal Q&amp;A repository, the industry and trade
    /// library's numbered letters and circulars), and committed (<c>1b333ec</c>) before the parser read any. Its one run,
    /// on the twenty-third session's final parser (<c>89933b6</c>), read 30 of 31 (96.8 %); the parser at the session's
    /// start read the same 30. Its one miss, a rule's starting day "Kể từ ngày 01 tháng 01 năm 2026," before a count from an
    /// event, read as an open span, was mended in the twenty-fourth session (the day starts the rule; the count waits for its
    /// event): 31 of 31 after mending. This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_thirty_sixth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtySixthHarvest, rows: 31, measured: 30, mended: 31);

    /// <summary>
    /// The thirty-seventh harvest: 59 time cells held out whole (<c>HeldOut/harvest37-held.tsv</c>), gathered while the
    /// thirty-sixth harvest's miss was mended (provincial notices and letters from stored web pages, a Government Office
    /// letter, the tax authorities' letters, notices and decrees of 2020–2024 read from a repository of scanned text no harvest
    /// had opened, quoted resolutions and decrees), and committed (<c>7780e47</c>) before the parser read any. Its one run,
    /// on the twenty-fourth session's parser (<c>a13ba1b</c>), read 43 of 59 (72.9 %); the parser at the twenty-third
    /// session's start read the same 43. Its cells are unlike the plans' tables: holiday notices, report frequencies said
    /// "Theo quý", and tax letters whose scanned text splits or misreads words ("kỳ tính th ué", "tháng.8 năm.2021", "quý |").
    /// Its sixteen misses were mended in three lanes in the same session (59 of 59, no longer blind). This test keeps both
    /// measures.
    /// </summary>
    [Fact]
    public void The_thirty_seventh_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtySeventhHarvest, rows: 59, measured: 43, mended: 59);

    /// <summary>
    /// The thirty-eighth harvest: 22 time cells held out whole (<c>HeldOut/harvest38-held.tsv</c>), gathered after the
    /// thirty-seventh's misses were mended (social-insurance, union and tax letters and a Prime Minister's directive from the
    /// scanned tax repository, a ward's notice and a province's letter from stored web pages; the pages gave little, their
    /// stored openings stopping before a document's deadlines), and committed (<c>34233d8</c>) before the parser read any.
    /// Its one run, on the parser with the thirty-seventh's misses mended (<c>2ad663c</c>), read 17 of 22 (77.3 %); the
    /// parser at the twenty-third session's start read 16. Four misses were mended at once (21 of 22, no longer blind); the
    /// one left is a label that contradicts the README ("… để thực hiện thanh tra toàn diện trong năm 2016" labelled once,
    /// where work said over a year, no completion word, is continuous). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_thirty_eighth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyEighthHarvest, rows: 22, measured: 17, mended: 21);

    /// <summary>
    /// The thirty-ninth harvest: 7 time cells held out whole (<c>HeldOut/harvest39-held.tsv</c>), gathered after the
    /// thirty-eighth's misses were mended (a social-insurance payment guideline and two letters from the scanned tax
    /// repository; the commune pages the lane searched gave none with a number and date), and committed (<c>dab43a3</c>) before
    /// the parser read any. Its one run, on the parser with the thirty-eighth's misses mended (<c>1c2fc7d</c>), read 5 of 7;
    /// the parser at the twenty-third session's start read the same 5. Both misses were mended at once ("năm trước", the year
    /// before, as what figures are of; "30 ngày đầu kể từ …"): 7 of 7, no longer blind. This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_thirty_ninth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(ThirtyNinthHarvest, rows: 7, measured: 5, mended: 7);

    /// <summary>
    /// The fortieth harvest: 68 time cells held out whole (<c>HeldOut/harvest40-held.tsv</c>), gathered while the
    /// thirty-ninth's misses were mended (2020–2026 laws, resolutions, decrees, circulars and consolidated texts of the law
    /// repository's files no harvest had used; 46 of them counts from an event), and committed (<c>aa784a1</c>) before the
    /// parser read any. Its one run, on the twenty-fourth session's parser at that moment (<c>7d746cb</c>), read 65 of 68
    /// (95.6 %); the parser at the twenty-third session's start read the same 65. Its three misses were mended at once (68 of
    /// 68, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_fortieth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortiethHarvest, rows: 68, measured: 65, mended: 68);

    /// <summary>
    /// The forty-first harvest: 47 time cells held out whole (<c>HeldOut/harvest41-held.tsv</c>), gathered while the
    /// fortieth's misses were mended (2021–2026 decrees, circulars, resolutions and consolidated texts: the rest of the law
    /// repository's unused files), and committed (<c>2659a6c</c>) before the parser read any. Its one run, on the parser with
    /// the fortieth's misses mended (<c>5244a7a</c>), read 44 of 47 (93.6 %); the parser at the twenty-third session's start
    /// read 43. Its three misses were mended at once (47 of 47, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_first_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyFirstHarvest, rows: 47, measured: 44, mended: 47);

    /// <summary>
    /// The forty-second harvest: 101 time cells held out whole (<c>HeldOut/harvest42-held.tsv</c>) from repositories no
    /// harvest had opened (laws of 2019–2025 kept as docx, Nghị định 214/2025 and 335/2025, Hà Nội's 2026 plan and decision,
    /// Quảng Ngãi's and Đồng Tháp's notices, decisions and letters read from their PDFs' text), committed (<c>ba7a56c</c>)
    /// before the parser read any. Its one run, on the twenty-fifth session's starting parser (<c>b5f9ae6</c>), read 97 of
    /// 101 (96.0 %). Its four misses were mended at once (101 of 101, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_second_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortySecondHarvest, rows: 101, measured: 97, mended: 101);

    /// <summary>
    /// The forty-third harvest: 141 time cells held out whole (<c>HeldOut/harvest43-held.tsv</c>) from repositories no
    /// harvest had opened (two copies of the state's legal code, Pháp điển, quoting 2018–2024 decrees, circulars and laws;
    /// an HĐND app's letters; scraped law pages; three legal chatbots' documents), gathered while the forty-second's misses
    /// were mended and committed (<c>954528f</c>) before the parser read any. Its one run, on the parser with those mended
    /// (<c>85f8e26</c>), read 125 of 141 (88.7 %); the parser at the session's start read the same 125. Twelve of its misses
    /// were mended in the same session (137 of 141, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_third_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyThirdHarvest, rows: 141, measured: 125, mended: 138);

    /// <summary>
    /// The forty-fourth harvest: 132 time cells held out whole (<c>HeldOut/harvest44-held.tsv</c>): 2018–2025 decrees,
    /// circulars, laws and resolutions that the state's legal code quotes, documents no harvest had used, and legal
    /// chatbots' road-traffic, procurement and enterprise documents; committed (<c>2b18dbc</c>) before the parser read any.
    /// Its one run came with a run of every row while the forty-third's misses were being mended, on the parser of
    /// <c>85da092</c>: 121 of 132 (91.7 %); the parser at the session's start read the same 121. Ten of its misses were
    /// mended at once (131 of 132, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_fourth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyFourthHarvest, rows: 132, measured: 121, mended: 131);

    /// <summary>
    /// The forty-fifth harvest: 154 time cells held out whole (<c>HeldOut/harvest45-held.tsv</c>): 2018–2024 decrees,
    /// circulars, laws and decisions that the state's legal code quotes, across its 45 topics, documents no harvest had used
    /// (amended articles left out); gathered while the forty-third's and forty-fourth's misses were mended and committed
    /// (<c>e8c88a5</c>) before the parser read any. Its one run, on the parser with those mended (<c>ca57f55</c>), read 143
    /// of 154 (92.9 %); the parser at the session's start read 140. Nine of its misses were mended at once (152 of 154, no
    /// longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_fifth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyFifthHarvest, rows: 154, measured: 143, mended: 152);

    /// <summary>
    /// The forty-sixth harvest: 137 time cells held out whole (<c>HeldOut/harvest46-held.tsv</c>): 2018–2024 decrees,
    /// circulars, laws and decisions the legal code quotes, documents neither the forty-fourth nor the forty-fifth used;
    /// gathered while the forty-fifth's misses were mended and committed (<c>bedce8c</c>) before the parser read any. Its
    /// one run, on the parser with those mended (<c>1853230</c>), read 122 of 137 (89.1 %); the parser at the session's
    /// start read 121. Five of its misses were mended at once (127 of 137, no longer blind), two more in the twenty-sixth
    /// session (129). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_sixth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortySixthHarvest, rows: 137, measured: 122, mended: 129);

    /// <summary>
    /// The forty-seventh harvest: 126 time cells held out whole (<c>HeldOut/harvest47-held.tsv</c>): 2018–2024 decrees,
    /// circulars and decisions the legal code quotes, documents no earlier harvest used (64 of them counts from an event),
    /// gathered while the forty-sixth's misses were mended and committed (<c>1bf7498</c>) before the parser read any. Its one
    /// run, on the parser of <c>7c6d109</c>, read 121 of 126 (96.0 %); the parser at the session's start read the same 121.
    /// Two of its misses were mended at once (123 of 126, no longer blind); one of them this session's own "Cuối đợt" rule
    /// had made; the twenty-sixth session mended two more (125 of 126). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_seventh_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortySeventhHarvest, rows: 126, measured: 121, mended: 125);

    /// <summary>
    /// The forty-eighth harvest: 93 time cells held out whole (<c>HeldOut/harvest48-held.tsv</c>): provinces', districts'
    /// and communes' notices, reception schedules and consultations kept as stored web pages, and 2018–2026 laws, decrees,
    /// circulars and decisions kept by repositories no harvest had opened, committed (<c>9553efb</c>) before the parser read
    /// any. Its one run, on the parser of <c>9611a8c</c>, read 81 of 93 (87.1 %); the parser at the session's start read the
    /// same 81. Eleven of its twelve misses were mended at once (92 of 93, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_eighth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyEighthHarvest, rows: 93, measured: 81, mended: 92);

    /// <summary>
    /// The forty-ninth harvest: 107 time cells held out whole (<c>HeldOut/harvest49-held.tsv</c>): ministries', provinces'
    /// and communes' notices, reception and voter-meeting schedules, calls for comment on awards, auctions and festival plans
    /// kept as stored web pages; 2018–2026 laws, decrees, circulars and three provincial plans kept by ttttthai/vbpl-review;
    /// decrees and a province's procedures kept by TuanHuu168/CongBot and repositories beside it. Gathered while the
    /// forty-eighth's misses were mended and committed (<c>ba01f0d</c>) before the parser read any. Its one run, on the parser
    /// of <c>f814396</c>, read 97 of 107 (90.7 %); the parser at the session's start read 95. Eight of its ten misses were
    /// mended at once (105 of 107, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_forty_ninth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FortyNinthHarvest, rows: 107, measured: 97, mended: 105);

    /// <summary>
    /// The fiftieth harvest: 100 time cells held out whole (<c>HeldOut/harvest50-held.tsv</c>): notices of auctions,
    /// interviews, calls for comment on awards, road closures, school breaks, water cuts, hospitals' holiday hours, companies'
    /// shareholder notices and contests; voter-meeting, congress, school-year and festival plans and timetables, kept as
    /// stored web pages; laws, decrees and circulars kept by ttttthai/vbpl-review. Gathered while the forty-ninth's misses
    /// were mended and committed (<c>16e2aaf</c>) before the parser read any. Its one run, on the parser of <c>066e461</c>,
    /// read 84 of 100 (84.0 %); the parser at the session's start read 83. Thirteen of its sixteen misses were mended at once
    /// (97 of 100, no longer blind), two more while the fifty-first was gathered (99). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_fiftieth_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FiftiethHarvest, rows: 100, measured: 84, mended: 99);

    /// <summary>
    /// The fifty-first harvest: 133 time cells held out whole (<c>HeldOut/harvest51-held.tsv</c>): departments', districts',
    /// provinces' and ministries' letters asking for reports or actions by a day; local offices' notices (markets, pensions,
    /// exams, admissions, fireworks, museums, shipping, driving licences, fees); school-year frameworks, congress and call-up
    /// timetables and festival plans, all kept as stored web pages. Gathered while the fiftieth's misses were mended and
    /// committed (<c>6083e3b</c>) before the parser read any. Its one run, on the parser of <c>c6fd0f2</c>, read 112 of 133
    /// (84.2 %); the parser at the session's start read 111. Eleven of its misses were mended at once (123 of 133, no longer
    /// blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_fifty_first_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FiftyFirstHarvest, rows: 133, measured: 112, mended: 123);

    /// <summary>
    /// The fifty-second harvest: 26 time cells held out whole (<c>HeldOut/harvest52-held.tsv</c>), small because the session's
    /// look-ups ran out while it was gathered: letters asking for reports by a day, a chairman's directions, a directive and a
    /// telegram, notices and festival plans, kept as stored web pages; committed (<c>3bcbefa</c>) before the parser read any.
    /// Its one run, on the parser of <c>243a003</c>, read 20 of 26 (76.9 %); the parser at the session's start read 19. Four
    /// of its six misses were mended at once (24 of 26, no longer blind). This test keeps both measures.
    /// </summary>
    [Fact]
    public void The_fifty_second_harvest_keeps_its_measured_score() => AssertWholeHarvestKeeps(FiftySecondHarvest, rows: 26, measured: 20, mended: 24);

    /// <summary>A harvest held out whole (files <paramref name="prefix"/>… under <c>HeldOut/</c>, none in the corpus) has
    /// <paramref name="rows"/> rows, and at least <paramref name="measured"/> (its one blind run) and <paramref name="mended"/>
    /// (after its misses were mended) read exactly as labelled.</summary>
    private static void AssertWholeHarvestKeeps(string prefix, int rows, int measured, int mended)
    {
        var heldOut = Load("HeldOut").Where(r => r.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var misses = heldOut.Where(r => Read(r) != $"{r.Kind}: {r.Dues}").Select(r => r.Phrase).ToList();
        var exact = heldOut.Count - misses.Count;

        Assert.Equal(rows, heldOut.Count);
        Assert.DoesNotContain(Rows.Value, r => r.File.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(exact >= measured, $"held-out exact {exact}/{heldOut.Count}, measured {measured} blind; misses: {string.Join(" | ", misses)}");
        Assert.True(exact >= mended, $"held-out exact {exact}/{heldOut.Count}, {mended} after mending; misses: {string.Join(" | ", misses)}");
    }

    /// <summary>A harvest split by its own rule: its held-out half (files <paramref name="prefix"/>… under
    /// <c>HeldOut/</c>) has <paramref name="rows"/> rows, all of even FNV-1a, its development rows in the corpus all odd,
    /// and at least <paramref name="mended"/> held-out rows read exactly as labelled: the score after its misses were mended,
    /// never below the blind <paramref name="measured"/> one.</summary>
    private static void AssertHeldOutHalfKeeps(string prefix, int rows, int measured, int mended)
    {
        var heldOut = Load("HeldOut").Where(r => r.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var development = Rows.Value.Where(r => r.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var misses = heldOut.Where(r => Read(r) != $"{r.Kind}: {r.Dues}").Select(r => r.Phrase).ToList();

        Assert.Equal(rows, heldOut.Count);
        Assert.All(heldOut, r => Assert.True(Fnv1a(r.Phrase) % 2 == 0, $"a development row under HeldOut/: {r.Phrase}"));
        Assert.All(development, r => Assert.True(Fnv1a(r.Phrase) % 2 == 1, $"a held-out row in the corpus: {r.Phrase}"));
        Assert.True(mended >= measured, $"the mended score {mended} is below the blind one {measured}");
        Assert.True(heldOut.Count - misses.Count >= mended, $"held-out exact {heldOut.Count - misses.Count}/{heldOut.Count}, measured {measured} blind, {mended} after mending; misses: {string.Join(" | ", misses)}");
    }

    /// <summary>A harvest held out whole (its files named <paramref name="prefix"/>…): at least <paramref name="minimum"/>
    /// rows, and at least 98 % of them read exactly as labelled.</summary>
    private static void AssertWholeHarvestScores(string prefix, int minimum)
    {
        var heldOut = Rows.Value.Where(r => r.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var misses = heldOut.Where(r => Read(r) != $"{r.Kind}: {r.Dues}").Select(r => r.Phrase).ToList();
        var score = (double)(heldOut.Count - misses.Count) / heldOut.Count;

        Assert.True(heldOut.Count >= minimum, $"held out {heldOut.Count} of {prefix}*");
        Assert.True(score >= 0.98, $"held-out exact {heldOut.Count - misses.Count}/{heldOut.Count} = {score:P1}; misses: {string.Join(" | ", misses)}");
    }

    /// <summary>The fixed rule: FNV-1a (32 bits) over the UTF-16 code units of the NFC phrase, divisible by 4.</summary>
    internal static bool IsHeldOut(string phrase) => Fnv1a(phrase) % 4 == 0;

    private static uint Fnv1a(string phrase)
    {
        var hash = 2166136261u;
        foreach (var c in phrase.Normalize(NormalizationForm.FormC))
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static DeadlineContext Context(int year, string issued) =>
        Context(year, issued.Length == 0 ? null : LocalDatePattern.Iso.Parse(issued).Value);

    internal static DeadlineContext Context(int year, LocalDate? issued) => new(year, issued, RepositoryData.Calendar);

    /// <summary>Whether the product takes the row's tracked year at all (<see cref="DeadlineContext.MinYear"/> to
    /// <see cref="DeadlineContext.MaxYear"/>): a harvest may hold a duty of an older document, "tổ chức vào ngày 20 tháng 11
    /// hàng năm" in a 1982 circular, which the product refuses as a plan's year and so never reads as labelled.</summary>
    internal static bool Trackable(CorpusRow row) => row.Year is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear;

    /// <summary>The row's reading in the form of its label, or the refusal of a year the product does not track.</summary>
    internal static string Read(CorpusRow row) =>
        Trackable(row) ? Actual(DeadlineParser.Parse(row.Phrase, Context(row.Year, row.Issued))) : $"refused: tracked year {row.Year}";

    internal static string Actual(Schedule s) =>
        $"{s.Kind.ToString().ToLowerInvariant()}: {string.Join(';', s.Milestones.Select(m => m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}";

    private static List<CorpusRow> Load() => Load("Corpus");

    internal static List<CorpusRow> Load(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Deadlines", name);
        var rows = new List<CorpusRow>();
        foreach (var file in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var f = lines[i].Split('\t');
                if (f.Length != 7)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{i + 1}: expected 7 columns, found {f.Length}");
                }

                rows.Add(new CorpusRow(
                    Path.GetFileName(file),
                    f[0],
                    int.Parse(f[1], CultureInfo.InvariantCulture),
                    f[2].Length == 0 ? null : LocalDatePattern.Iso.Parse(f[2]).Value,
                    f[3],
                    f[4],
                    f[5],
                    f[6]));
            }
        }

        return rows;
    }

    internal sealed record CorpusRow(string File, string Phrase, int Year, LocalDate? Issued, string Source, string Kind, string Dues, string Note);
}
