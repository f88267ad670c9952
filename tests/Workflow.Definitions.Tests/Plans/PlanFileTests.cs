using System.Text;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Tests.Deadlines;

namespace Workflow.Definitions.Tests.Plans;

/// <summary>What a coordinator can get wrong in a plan file, and what the reader says.</summary>
public class PlanFileTests
{
    private const string Header = "TT,Nhóm,Hoạt động,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Kỳ báo cáo,Ghi chú";

    private static string Csv(params string[] taskRows) =>
        string.Join("\n", new[]
        {
            "Mã kế hoạch,thu-2025",
            "Số hiệu,999/KH-UBND",
            "Tên kế hoạch,Kế hoạch thử",
            "Ngày ban hành,24/12/2024",
            "Năm theo dõi,2025",
            string.Empty,
            Header,
        }.Concat(taskRows)) + "\n";

    private static PlanReadResult Read(string csv, string name = "thu.csv") => Read(Encoding.UTF8.GetBytes(csv), name);

    private static PlanReadResult Read(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return PlanReader.Read(stream, name, RepositoryData.ReferenceData);
    }

    private static PlanProblem Single(PlanReadResult result)
    {
        Assert.Null(result.Plan);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_good_file_gives_a_plan()
    {
        var result = Read(Csv(
            "1,I. Chỉ đạo,Ban hành kế hoạch,Kế hoạch,Sở Nội vụ,\"Sở, ban, ngành TP\",Quý I/2025,,",
            "2,I. Chỉ đạo,Báo cáo định kỳ,Báo cáo,UBND cấp huyện,,,Quý I; 6 tháng; Quý III; Năm,"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var plan = result.Plan!;
        Assert.Equal("thu-2025", plan.Id.Value);
        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal(ScheduleKind.Once, plan.Tasks[0].Schedule.Kind);
        Assert.Equal(8, plan.Tasks[0].Row);
        Assert.True(plan.Tasks[0].Coordinators.Agencies.Count > 5);
        Assert.Equal(9, plan.Tasks[1].Lead.Agencies.Count); // the nine districts of Cần Thơ
        Assert.Equal(ScheduleKind.Recurring, plan.Tasks[1].Schedule.Kind);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var problem = Single(Read([], "trong.csv"));
        Assert.Contains("tệp trống", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Row);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var csv = Csv("1,I,Việc,SP,Sở Nội vụ,,Quý I/2025,,").Replace(",Thời gian hoàn thành", string.Empty, StringComparison.Ordinal);
        var result = Read(csv);
        Assert.Null(result.Plan);
        var problem = Assert.Single(result.Problems, p => p.Message.Contains("thiếu cột \"Thời gian hoàn thành\"", StringComparison.Ordinal));
        Assert.Equal(7, problem.Row);
    }

    [Fact]
    public void An_unknown_agency_is_an_error_naming_the_cell_with_suggestions()
    {
        var result = Read(Csv("1,I,Việc,SP,Sở Nội vu thành phố Hà Nội,,Quý I/2025,,", "2,I,Việc,SP,Sở Tư phap,,Quý I/2025,,"));
        Assert.Null(result.Plan);
        var problem = result.Problems.First();
        Assert.Equal(8, problem.Row);
        Assert.Equal("E", problem.Column);
        Assert.Equal("Đơn vị chủ trì", problem.ColumnName);
        Assert.Contains("thu.csv, dòng 8, cột E (Đơn vị chủ trì)", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_phrase_is_an_error_with_the_reason()
    {
        var problem = Single(Read(Csv("1,I,Việc,SP,Sở Nội vụ,,Sớm nhất có thể,,")));
        Assert.Equal(8, problem.Row);
        Assert.Equal("G", problem.Column);
        Assert.Contains("không đọc được thời hạn \"Sớm nhất có thể\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_not_in_utf8_is_refused_with_what_to_do()
    {
        // A file saved by an old Vietnamese Windows setup: code page 1258.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1258).GetBytes(Csv("1,I,Việc,SP,Sở Nội vụ,,Quý I/2025,,").Normalize(NormalizationForm.FormD));
        var problem = Single(Read(bytes, "cu.csv"));
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, problem.Row);
    }

    [Fact]
    public void A_duplicate_task_id_names_both_rows()
    {
        var problem = Single(Read(Csv("1,I,Việc một,SP,Sở Nội vụ,,Quý I/2025,,", "1,I,Việc hai,SP,Sở Tư pháp,,Quý II/2025,,")));
        Assert.Equal(9, problem.Row);
        Assert.Equal("A", problem.Column);
        Assert.Contains("trùng với dòng 8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_accepted()
    {
        var result = Read(Csv(
            "1,I,Việc,SP,Sở Nội vụ,,Quý I/2025,,",
            ",I,Việc,SP,Sở Nội vụ,,Quý I/2025,,",
            "3,I,,SP,,,,,",
            "4,I,Việc,SP,Sở Nội vụ,,Quý I/2025,Quý V,"));
        Assert.Null(result.Plan);
        Assert.Equal([9, 10, 10, 10, 11], result.Problems.Select(p => p.Row ?? 0).ToArray());
    }

    [Fact]
    public void Missing_metadata_is_named()
    {
        var csv = Csv("1,I,Việc,SP,Sở Nội vụ,,Quý I/2025,,").Replace("Năm theo dõi,2025\n", string.Empty, StringComparison.Ordinal);
        var problem = Single(Read(csv));
        Assert.Contains("thiếu \"Năm theo dõi\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_header_row_is_explained()
    {
        var problem = Single(Read("Mã kế hoạch,x\nchỉ có dòng này\n"));
        Assert.Contains("dòng tiêu đề", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_or_a_stray_cell_is_an_error()
    {
        var result = Read(Csv("1,I,Việc,SP,Sở Nội vụ,,Quý I/2025,,,lạc").Replace("Ghi chú", "Ghi chú,Tiến độ", StringComparison.Ordinal));
        Assert.Null(result.Plan);
        Assert.Contains(result.Problems, p => p.Message.Contains("cột \"Tiến độ\" không thuộc mẫu", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unclosed_quote_is_refused()
    {
        var result = Read(Csv("1,I,\"Việc chưa đóng ngoặc,SP,Sở Nội vụ,,Quý I/2025,,"));
        Assert.Null(result.Plan);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Semicolons_a_bom_crlf_and_nfd_are_read_like_the_plain_file()
    {
        var plain = Csv("1,I,Việc,SP,Sở Nội vụ,\"Sở Tư pháp, Sở Tài chính\",Quý I/2025,,");
        var excel = "\uFEFF" + plain.Replace(",", ";", StringComparison.Ordinal).Replace("\"Sở Tư pháp; Sở Tài chính\"", "\"Sở Tư pháp, Sở Tài chính\"", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);

        var a = Read(plain).Plan!;
        var b = Read(excel).Plan!;
        Assert.Equal(a.Title, b.Title);
        Assert.Equal(a.Tasks[0].Activity, b.Tasks[0].Activity);
        Assert.Equal(a.Tasks[0].Coordinators.Agencies, b.Tasks[0].Coordinators.Agencies);
        Assert.Equal(ScheduleText.Of(a.Tasks[0].Schedule), ScheduleText.Of(b.Tasks[0].Schedule));
    }

    [Fact]
    public void An_xlsx_reads_like_the_same_csv()
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Mã kế hoạch", "thu-2025" },
            new[] { "Tên kế hoạch", "Kế hoạch thử" },
            new[] { "Ngày ban hành", "45650" }, // 24/12/2024 typed as a date: Excel stores its serial number
            new[] { "Năm theo dõi", "2025" },
            Array.Empty<string>(),
            new[] { "TT", "Hoạt động", "Đơn vị chủ trì", "Thời gian hoàn thành", "Điểm tối đa" },
            new[] { "1", "Việc", "Văn phòng UBND thành phố", "- Ban hành kế hoạch tháng 12/2024\n- Thực hiện trong Quý II, III/2025", "0.5" },
        };
        var result = Read(XlsxWriter.Write(rows, numbersAsNumbers: true), "thu.xlsx");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new NodaTime.LocalDate(2024, 12, 24), result.Plan!.IssuedOn);
        Assert.Equal("phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30 | Thực hiện 2025-09-30", ScheduleText.Of(result.Plan.Tasks[0].Schedule));
        Assert.Equal(0.5m, result.Plan.Tasks[0].Criterion!.MaxScore);
        Assert.Equal(7, result.Plan.Tasks[0].Row);
    }

    [Fact]
    public void A_broken_xlsx_is_refused()
    {
        var problem = Single(Read([(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "hong.xlsx"));
        Assert.Contains("bảng tính", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_letters_follow_the_spreadsheet()
    {
        Assert.Equal("A", PlanProblem.ColumnLetter(0));
        Assert.Equal("Z", PlanProblem.ColumnLetter(25));
        Assert.Equal("AA", PlanProblem.ColumnLetter(26));
        Assert.Equal("AZ", PlanProblem.ColumnLetter(51));
    }
}
