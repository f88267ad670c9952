using System.Text;
using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Tests.Calendars;

public sealed class CalendarAdjustmentsTests
{
    private const string Valid = """
        year: 2025
        holidays:
          tet:
            dates: [2025-01-27, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31]
            source: Thông báo 6150/TB-LĐTBXH
        days_off:
          - date: 2025-05-02
            name: Nghỉ hoán đổi
            source: Thông báo 6150/TB-LĐTBXH
        working_days:
          - date: 2025-04-26
            name: Làm bù
            source: Thông báo 6150/TB-LĐTBXH
        """;

    [Fact]
    public void A_valid_file_loads_from_a_text_reader()
    {
        CalendarAdjustments adjustments = Load(Valid);
        Assert.Equal(2025, Assert.Single(adjustments.Years));
        WorkingCalendar calendar = WorkingCalendar.Create(adjustments);
        Assert.True(calendar.IsDayOff(new LocalDate(2025, 5, 2)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2025, 4, 26)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2025, 2, 3)));
    }

    [Fact]
    public void Empty_sections_comments_and_block_style_dates_are_accepted()
    {
        CalendarAdjustments adjustments = Load("""
            # Chưa có thông báo
            year: 2027
            holidays:
              national_day:
                dates:
                  - 2027-09-02
                  - 2027-09-03
                source: "Thông báo số 1/TB-BNV"
            days_off:
            working_days: []
            """, "2027.yaml");
        WorkingCalendar calendar = WorkingCalendar.Create(adjustments);
        Assert.Equal(
            [new LocalDate(2027, 9, 2), new LocalDate(2027, 9, 3)],
            calendar.DaysOff(2027).Where(d => d.Date.Month == 9).Select(d => d.Date).ToArray());
    }

    [Fact]
    public void A_new_public_holiday_can_be_added_with_a_name()
    {
        CalendarAdjustments adjustments = Load("""
            year: 2029
            holidays:
              culture_day:
                name: Ngày Văn hóa Việt Nam
                dates: [2029-11-24]
                source: Bộ luật Lao động (sửa đổi)
            """, "2029.yaml");
        WorkingCalendar calendar = WorkingCalendar.Create(adjustments);

        // 24/11/2029 is a Saturday: compensated on Monday 26/11 like any holiday.
        Assert.Equal(
            new DayOff(new LocalDate(2029, 11, 24), "Ngày Văn hóa Việt Nam", DayOffKind.Holiday, "Bộ luật Lao động (sửa đổi)"),
            calendar.DayOffOn(new LocalDate(2029, 11, 24)));
        Assert.Equal("Nghỉ bù Ngày Văn hóa Việt Nam", calendar.DayOffOn(new LocalDate(2029, 11, 26))?.Name);
    }

    [Fact]
    public void Names_are_normalised_to_NFC()
    {
        string decomposed = "Nghỉ hoán đổi".Normalize(NormalizationForm.FormD);
        CalendarAdjustments adjustments = Load($"""
            year: 2025
            days_off:
              - date: 2025-05-02
                name: {decomposed}
                source: x
            """);
        DayOff? dayOff = WorkingCalendar.Create(adjustments).DayOffOn(new LocalDate(2025, 5, 2));
        Assert.Equal("Nghỉ hoán đổi".Normalize(NormalizationForm.FormC), dayOff?.Name);
        Assert.True(dayOff?.Name.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("2025-02-30", "'2025-02-30' không phải ngày hợp lệ; hãy viết ngày dạng YYYY-MM-DD, ví dụ 2025-04-30.")]
    [InlineData("30/04/2025", "'30/04/2025' không phải ngày hợp lệ; hãy viết 2025-04-30 (năm-tháng-ngày).")]
    [InlineData("2024-12-31", "2024-12-31 không thuộc năm 2025; tệp này chỉ ghi các ngày của năm 2025 (hãy chuyển sang tệp 2024.yaml).")]
    public void A_bad_date_names_the_file_the_line_and_the_fix(string date, string problem)
    {
        DataFileException error = LoadFails($"""
            year: 2025
            days_off:
              - date: 2025-05-02
                name: Nghỉ hoán đổi
                source: x
              - date: {date}
                name: Nghỉ thêm
                source: x
            """);
        Assert.Equal("2025.yaml", error.File);
        Assert.Equal(6, error.Line);
        Assert.Equal(problem, error.Problem);
        Assert.Equal($"2025.yaml, dòng 6: {problem}", error.Message);
    }

    [Fact]
    public void A_duplicate_date_names_both_lines()
    {
        DataFileException error = LoadFails("""
            year: 2025
            holidays:
              tet:
                dates: [2025-01-27, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31]
                source: x
            days_off:
              - date: 2025-01-31
                name: Nghỉ thêm
                source: x
            """);
        Assert.Equal(7, error.Line);
        Assert.Equal("2025-01-31 được ghi hai lần (dòng 4 và 7); mỗi ngày chỉ ghi một lần trong tệp.", error.Problem);
    }

    [Theory]
    [InlineData("day_off:\n  - date: 2025-05-02", 2, "không biết khóa 'day_off' ở đầu tệp; chỉ dùng 'year', 'holidays', 'days_off', 'working_days'.")]
    [InlineData("days-off: []", 2, "có phải là 'days_off'?")]
    [InlineData("days_off:\n  - date: 2025-05-02\n    nmae: Nghỉ\n    source: x", 4, "không biết khóa 'nmae' trong một mục của 'days_off'")]
    [InlineData("holidays:\n  tet:\n    days: [2025-01-27]\n    source: x", 4, "không biết khóa 'days' trong ngày lễ 'tet'")]
    [InlineData("holidays:\n  quoc_khanh:\n    dates: [2025-09-01]\n    source: x", 3, "'quoc_khanh' không phải ngày lễ có sẵn (new_year, tet, hung_kings, reunification_day, labour_day, national_day)")]
    [InlineData("days_off:\n  - date: 2025-05-02\n    name: Nghỉ", 3, "thiếu 'source:' (số văn bản, ví dụ 'Thông báo 6150/TB-LĐTBXH').")]
    [InlineData("days_off:\n  - date: 2025-05-02\n    name: Nghỉ\n    source: ''", 5, "'source:' đang để trống")]
    [InlineData("days_off:\n  - name: Nghỉ\n    source: x", 3, "mục này của 'days_off:' thiếu 'date:'.")]
    [InlineData("days_off:\n  date: 2025-05-02", 3, "'days_off:' phải là một danh sách")]
    [InlineData("holidays:\n  tet:\n    source: x", 3, "ngày lễ 'tet' thiếu 'dates:'")]
    [InlineData("holidays:\n  tet:\n    dates: []\n    source: x", 4, "'dates:' phải có ít nhất một ngày")]
    public void Unknown_or_missing_keys_name_the_line(string body, int line, string problem)
    {
        DataFileException error = LoadFails("year: 2025\n" + body + "\n");
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"2025.yaml, dòng {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_must_match_the_file_name()
    {
        DataFileException error = LoadFails("# 2025\nyear: 2024\n");
        Assert.Equal("2025.yaml, dòng 2: 'year: 2024' không khớp tên tệp; tệp 2025.yaml phải ghi 'year: 2025'.", error.Message);
    }

    [Theory]
    [InlineData("", "2025.yaml: tệp trống")]
    [InlineData("days_off: []\n", "2025.yaml, dòng 1: thiếu 'year:'")]
    [InlineData("year: twenty\n", "2025.yaml, dòng 1: 'twenty' không phải năm từ 1900 đến 2100")]
    [InlineData("year: 2101\n", "2025.yaml, dòng 1: '2101' không phải năm từ 1900 đến 2100")]
    [InlineData("- 2025-05-02\n", "2025.yaml, dòng 1: tệp phải gồm các khóa")]
    public void Files_without_a_usable_year(string yaml, string message)
    {
        Assert.StartsWith(message, LoadFails(yaml).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year: 2025\ndays_off:\n  - date: 2025-05-02\n   name: x\n", 4)] // bad indentation
    [InlineData("year: 2025\ndays_off:\n\t- date: 2025-05-02\n", 3)] // a tab
    [InlineData("year: 2025\nyear: 2025\n", 2)] // a key twice
    [InlineData("year: 2025\ndays_off: [2025-05-02\n", 3)] // unclosed bracket
    public void Invalid_YAML_is_reported_with_file_and_line_not_as_a_raw_YamlDotNet_exception(string yaml, int line)
    {
        DataFileException error = LoadFails(yaml);
        Assert.Equal("2025.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.True(error.Problem.StartsWith("YAML không hợp lệ (", StringComparison.Ordinal) || error.Problem.Contains("tab", StringComparison.Ordinal), error.Problem);
    }

    [Fact]
    public void Contradictions_with_the_rules_are_reported_by_Create_with_file_and_line()
    {
        Assert.Equal(
            "2025.yaml, dòng 3: 2025-04-26 là thứ Bảy, vốn đã là ngày nghỉ; 'days_off' chỉ ghi những ngày làm việc được cho nghỉ.",
            CreateFails("days_off:\n  - date: 2025-04-26\n    name: x\n    source: x").Message);
        Assert.Equal(
            "2025.yaml, dòng 3: 2025-04-30 đã là ngày nghỉ ('Ngày Chiến thắng'); hãy xóa mục này.",
            CreateFails("days_off:\n  - date: 2025-04-30\n    name: x\n    source: x").Message);
        Assert.Equal(
            "2025.yaml, dòng 3: 2025-05-02 là thứ Sáu, vốn đã là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
            CreateFails("working_days:\n  - date: 2025-05-02\n    name: x\n    source: x").Message);
        Assert.Equal(
            "2025.yaml, dòng 5: 2025-05-01 đã là Ngày Quốc tế Lao động (theo mặc định); mỗi ngày chỉ là một ngày lễ.",
            CreateFails("holidays:\n  national_day:\n    dates:\n      - 2025-05-01\n    source: x").Message);

        // Giỗ Tổ 2026 is Sunday 26/4: Monday 27/4 is its compensatory day and must not be listed again.
        DataFileException compensatory = Assert.Throws<DataFileException>(() => WorkingCalendar.Create(
            Load("year: 2026\ndays_off:\n  - date: 2026-04-27\n    name: Nghỉ bù Giỗ Tổ\n    source: x", "2026.yaml")));
        Assert.Equal(
            "2026.yaml, dòng 3: 2026-04-27 đã là ngày nghỉ ('Nghỉ bù Giỗ Tổ Hùng Vương'); ngày nghỉ bù được tính tự động từ các ngày lễ, hãy xóa mục này.",
            compensatory.Message);

        // Giỗ Tổ 2023 is Saturday 29/4: a holiday cannot be a make-up working day.
        DataFileException holiday = Assert.Throws<DataFileException>(() => WorkingCalendar.Create(
            Load("year: 2023\nworking_days:\n  - date: 2023-04-29\n    name: x\n    source: x", "2023.yaml")));
        Assert.Equal("2023.yaml, dòng 3: 2023-04-29 là ngày lễ Giỗ Tổ Hùng Vương; không thể làm bù vào ngày lễ.", holiday.Message);
    }

    [Fact]
    public void LoadDirectory_reads_year_files_and_ignores_other_files()
    {
        string directory = TemporaryDirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory, "2025.yaml"), Valid);
            File.WriteAllText(Path.Combine(directory, "2027.yml"), "year: 2027\n");
            File.WriteAllText(Path.Combine(directory, "README.md"), "# not yaml: [");
            int[] years = [2025, 2027];
            Assert.Equal(years, CalendarAdjustments.LoadDirectory(directory).Years);

            File.WriteAllText(Path.Combine(directory, "2025.yml"), "year: 2025\n");
            DataFileException twice = Assert.Throws<DataFileException>(() => CalendarAdjustments.LoadDirectory(directory));
            Assert.Contains("đã là tệp của năm 2025; mỗi năm chỉ một tệp.", twice.Message, StringComparison.Ordinal);
            File.Delete(Path.Combine(directory, "2025.yml"));

            File.WriteAllText(Path.Combine(directory, "tet-2026.yaml"), "year: 2026\n");
            DataFileException badName = Assert.Throws<DataFileException>(() => CalendarAdjustments.LoadDirectory(directory));
            Assert.Equal(Path.Combine(directory, "tet-2026.yaml"), badName.File);
            Assert.Null(badName.Line);
            Assert.Contains("tên tệp lịch phải là năm, ví dụ 2025.yaml", badName.Message, StringComparison.Ordinal);
            File.Delete(Path.Combine(directory, "tet-2026.yaml"));

            File.WriteAllText(Path.Combine(directory, "2026.yaml"), "year: 2026\ndays_off:\n  - date: 2026-13-01\n    name: x\n    source: x\n");
            DataFileException badDate = Assert.Throws<DataFileException>(() => CalendarAdjustments.LoadDirectory(directory));
            Assert.Equal(
                $"{Path.Combine(directory, "2026.yaml")}, dòng 3: '2026-13-01' không phải ngày hợp lệ; hãy viết ngày dạng YYYY-MM-DD, ví dụ 2026-04-30.",
                badDate.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        DataFileException missing = Assert.Throws<DataFileException>(() => CalendarAdjustments.LoadDirectory(directory));
        Assert.Equal(directory, missing.File);
    }

    [Fact]
    public void Combine_joins_years_and_rejects_a_year_twice()
    {
        CalendarAdjustments combined = CalendarAdjustments.Combine(Load(Valid), Load("year: 2026", "2026.yaml"));
        int[] years = [2025, 2026];
        Assert.Equal(years, combined.Years);
        Assert.Throws<DataFileException>(() => CalendarAdjustments.Combine(combined, Load("year: 2025", "other.yaml")));
    }

    private static CalendarAdjustments Load(string yaml, string name = "2025.yaml") =>
        CalendarAdjustments.Load(new StringReader(yaml), name);

    private static DataFileException LoadFails(string yaml) =>
        Assert.Throws<DataFileException>(() => Load(yaml));

    private static DataFileException CreateFails(string body) =>
        Assert.Throws<DataFileException>(() => WorkingCalendar.Create(Load("year: 2025\n" + body + "\n")));

    private static string TemporaryDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "calendars-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
