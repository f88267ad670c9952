using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

/// <summary>
/// Reads a plan file (CSV or XLSX; layout in workflows/plans/README.md) into a <see cref="Plan"/>,
/// checking everything a coordinator can get wrong and reporting each problem with its row and
/// column, all at once.
/// </summary>
public static partial class PlanReader
{
    private enum Column
    {
        Id,
        Group,
        CriterionCode,
        CriterionText,
        MaxScore,
        PreviousScore,
        Activity,
        Product,
        Lead,
        Coordinators,
        Deadline,
        ReportPeriods,
        Note,
    }

    private static readonly Dictionary<string, Column> Headings = new(StringComparer.Ordinal)
    {
        ["tt"] = Column.Id,
        ["stt"] = Column.Id,
        ["nhom"] = Column.Group,
        ["matieuchi"] = Column.CriterionCode,
        ["tieuchi"] = Column.CriterionText,
        ["tieuchitieuchithanhphan"] = Column.CriterionText,
        ["diemtoida"] = Column.MaxScore,
        ["diemchuan"] = Column.MaxScore,
        ["diem2022"] = Column.PreviousScore,
        ["diemdatduoc2022"] = Column.PreviousScore,
        ["hoatdong"] = Column.Activity,
        ["nhiemvu"] = Column.Activity,
        ["noidung"] = Column.Activity,
        ["nhiemvugiaiphap"] = Column.Activity,
        ["sanpham"] = Column.Product,
        ["donvichutri"] = Column.Lead,
        ["coquanchutri"] = Column.Lead,
        ["donvithammuu"] = Column.Lead,
        ["donvichutrithammuu"] = Column.Lead,
        ["donviphoihop"] = Column.Coordinators,
        ["coquanphoihop"] = Column.Coordinators,
        ["donvithuchien"] = Column.Coordinators,
        ["thoigianhoanthanh"] = Column.Deadline,
        ["thoigianthuchien"] = Column.Deadline,
        ["thoihan"] = Column.Deadline,
        ["kybaocao"] = Column.ReportPeriods,
        ["ghichu"] = Column.Note,
    };

    private static readonly Dictionary<Column, string> ColumnNames = new()
    {
        [Column.Id] = "TT",
        [Column.Group] = "Nhóm",
        [Column.CriterionCode] = "Mã tiêu chí",
        [Column.CriterionText] = "Tiêu chí",
        [Column.MaxScore] = "Điểm tối đa",
        [Column.PreviousScore] = "Điểm 2022",
        [Column.Activity] = "Hoạt động",
        [Column.Product] = "Sản phẩm",
        [Column.Lead] = "Đơn vị chủ trì",
        [Column.Coordinators] = "Đơn vị phối hợp",
        [Column.Deadline] = "Thời gian hoàn thành",
        [Column.ReportPeriods] = "Kỳ báo cáo",
        [Column.Note] = "Ghi chú",
    };

    private static readonly string[] MetadataKeys = ["Mã kế hoạch", "Số hiệu", "Tên kế hoạch", "Ngày ban hành", "Năm theo dõi", "Ngày kết thúc theo dõi"];

    /// <summary>The metadata keys a plan file may give, in the order of the blank template.</summary>
    public static IReadOnlyList<string> MetadataKeyNames => MetadataKeys;

    /// <summary>The task table's headings as the blank template writes them, in order.</summary>
    public static IReadOnlyList<string> ColumnHeadings => [.. ColumnNames.OrderBy(c => c.Key).Select(c => c.Value)];

    /// <summary>The heading of the lead agency column ("Đơn vị chủ trì").</summary>
    public static string LeadHeading => ColumnNames[Column.Lead];

    /// <summary>Reads the plan file at <paramref name="path"/>, within <paramref name="limits"/> (default <see cref="PlanLimits.Default"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="reference">The directory, calendars and report calendar the file is checked against.</param>
    /// <param name="limits">The size limits.</param>
    /// <param name="openEndedThrough">For a plan tracked "năm … và những năm tiếp theo": the last year
    /// whose recurring and continuous milestones are made (the current year); the first year when null.</param>
    public static PlanReadResult Read(string path, ReferenceData reference, PlanLimits? limits = null, int? openEndedThrough = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= PlanLimits.Default;
        if (Directory.Exists(path))
        {
            return new PlanReadResult(null, [new PlanProblem(path, null, null, null, "đây là một thư mục, không phải tệp kế hoạch. Hãy chỉ đến tệp .csv hoặc .xlsx.")]);
        }

        if (!File.Exists(path))
        {
            return new PlanReadResult(null, [new PlanProblem(path, null, null, null, "không có tệp này. Hãy kiểm tra đường dẫn.")]);
        }

        var info = new FileInfo(path);
        if (info.Length > limits.MaxFileBytes)
        {
            return new PlanReadResult(null, [limits.FileTooLarge(path, info.Length)]);
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, reference, limits, openEndedThrough);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PlanReadResult(null, [new PlanProblem(path, null, null, null, $"không đọc được tệp ({e.GetType().Name}): kiểm tra quyền đọc tệp.")]);
        }
    }

    /// <summary>
    /// Reads a plan file from <paramref name="stream"/>, within <paramref name="limits"/> (default
    /// <see cref="PlanLimits.Default"/>); <paramref name="fileName"/> names it in problems and tells XLSX from CSV.
    /// <paramref name="openEndedThrough"/>: as for a file.
    /// </summary>
    public static PlanReadResult Read(Stream stream, string fileName, ReferenceData reference, PlanLimits? limits = null, int? openEndedThrough = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(reference);
        var (rows, fatal) = PlanSheet.Read(stream, fileName, limits ?? PlanLimits.Default);
        if (fatal is not null)
        {
            return new PlanReadResult(null, [fatal]);
        }

        return new Reading(fileName, reference, openEndedThrough).Read(rows);
    }

    private sealed partial class Reading(string file, ReferenceData reference, int? openEndedThrough)
    {
        private readonly List<PlanProblem> problems = [];
        private readonly List<PlanProblem> warnings = [];

        // A plan repeats its agency cells and deadlines over many rows: each distinct one is read once,
        // and its tasks share what it gave (so a plan of a million tasks does not hold a million copies).
        private readonly Dictionary<string, AgencyCellResolution> resolutions = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Cell, bool Required), AgencyAssignment> assignments = [];
        private readonly Dictionary<string, Schedule> schedules = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Deadline, string Periods, AgencyAssignment? Lead), Schedule> reportSchedules = [];

        /// <summary>The day agency cells are read on: the plan's issue date, else 1 January of its tracked year.</summary>
        private LocalDate agencyDay;

        public PlanReadResult Read(List<SheetRow> rows)
        {
            var headerIndex = rows.FindIndex(IsHeader);
            if (headerIndex < 0)
            {
                Problem(null, null, "không thấy dòng tiêu đề của bảng nhiệm vụ: cần một dòng có các cột \"TT\", \"Hoạt động\", \"Đơn vị chủ trì\" và \"Thời gian hoàn thành\" (xem workflows/plans/README.md).");
                return Result(null);
            }

            var metadata = ReadMetadata(rows.Take(headerIndex));
            var columns = ReadHeader(rows[headerIndex]);
            if (metadata is null || columns is null)
            {
                return Result(null);
            }

            var tracking = metadata.Value.Tracking;
            var years = tracking.Years(openEndedThrough ?? tracking.FirstYear)
                .Select(y => new DeadlineContext(y, metadata.Value.IssuedOn, reference.Calendar)).ToList();
            agencyDay = metadata.Value.IssuedOn ?? new LocalDate(tracking.FirstYear, 1, 1);
            var tasks = new List<PlanTask>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = headerIndex + 1; i < rows.Count; i++)
            {
                // Each row is let go of once read: the cells a task keeps stay with it, the rest is freed as the tasks grow.
                var row = rows[i];
                rows[i] = SheetRow.Read;
                if (row.IsEmpty)
                {
                    continue;
                }

                var task = ReadTask(row, columns, years, seen);
                if (task is not null)
                {
                    tasks.Add(task);
                }
            }

            if (tasks.Count == 0 && problems.Count == 0)
            {
                Problem(null, null, "bảng không có nhiệm vụ nào: thêm ít nhất một dòng dưới dòng tiêu đề.");
            }

            var m = metadata.Value;
            return Result(new Plan(m.Id, m.Number, m.Title, m.IssuedOn, m.Tracking, file, tasks));
        }

        private PlanReadResult Result(Plan? plan) =>
            problems.Count == 0 && plan is not null ? new PlanReadResult(plan, []) { Warnings = warnings } : new PlanReadResult(null, problems);

        private static bool IsHeader(SheetRow row)
        {
            var found = row.Cells.Select(c => Headings.GetValueOrDefault(Key(c), (Column)(-1))).ToHashSet();
            return found.Contains(Column.Id) && found.Contains(Column.Activity);
        }

        private void ProblemAt(SheetRow row, Dictionary<Column, int> columns, Column column, string message) =>
            Problem(row.Number, columns.TryGetValue(column, out var c) ? c : null, message, ColumnNames[column]);

        private void Problem(int? row, int? column, string message, string? columnName = null) =>
            problems.Add(new PlanProblem(file, row, column is null ? null : PlanProblem.ColumnLetter(column.Value), column is null ? null : columnName, message));
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Key(string s) => Reports.ReportCalendar.Key(s);
}
