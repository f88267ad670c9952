using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

/// <summary>What reading a plan file gave: the plan when nothing was wrong, and every problem found.</summary>
/// <remarks>All or nothing: <see cref="Plan"/> is null as soon as there is one problem, so a file
/// with a mistake is never half imported.</remarks>
public sealed record PlanReadResult(Plan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool IsValid => Plan is not null;

    /// <summary>Cells that read, but could mean two schedules: the reading chosen and the other one, for a
    /// coordinator to confirm. They never stop an import.</summary>
    public IReadOnlyList<PlanProblem> Warnings { get; init; } = [];
}

/// <summary>
/// Reads a plan file (CSV or XLSX; layout in workflows/plans/README.md) into a <see cref="Plan"/>,
/// checking everything a coordinator can get wrong and reporting each problem with its row and
/// column, all at once.
/// </summary>
public static class PlanReader
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");
    private static readonly LocalDatePattern IsoPattern = LocalDatePattern.Iso;

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

    private sealed class Reading(string file, ReferenceData reference, int? openEndedThrough)
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

        private (PlanId Id, string? Number, string Title, LocalDate? IssuedOn, TrackingPeriod Tracking)? ReadMetadata(IEnumerable<SheetRow> rows)
        {
            var values = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => !r.IsEmpty))
            {
                var key = MetadataKeys.FirstOrDefault(k => Key(k) == Key(row[0]));
                if (key is null)
                {
                    Problem(row.Number, 0, $"không hiểu dòng \"{row[0]}\" ở phần thông tin kế hoạch; chỉ dùng các khóa: {string.Join(", ", MetadataKeys)}.", "Khóa");
                    continue;
                }

                if (values.TryGetValue(key, out var earlier))
                {
                    Problem(row.Number, 0, $"\"{key}\" đã ghi ở dòng {earlier.Row}; mỗi khóa chỉ ghi một lần.", "Khóa");
                    continue;
                }

                values[key] = (row[1], row.Number);
            }

            (string Value, int Row)? Required(string key)
            {
                if (values.TryGetValue(key, out var v) && v.Value.Length > 0)
                {
                    return v;
                }

                Problem(values.TryGetValue(key, out var empty) ? empty.Row : null, values.ContainsKey(key) ? 1 : null, $"thiếu \"{key}\": thêm dòng \"{key}\" và giá trị ở cột B, phía trên dòng tiêu đề.", "Giá trị");
                return null;
            }

            var id = Required("Mã kế hoạch");
            var title = Required("Tên kế hoạch");
            var yearCell = Required("Năm theo dõi");
            PlanId? planId = null;
            if (id is { } i)
            {
                if (PlanId.IsValid(i.Value))
                {
                    planId = new PlanId(i.Value);
                }
                else
                {
                    Problem(i.Row, 1, $"\"{i.Value}\" không dùng được làm mã kế hoạch: chỉ chữ thường không dấu, số và dấu '-', ví dụ \"cchc-2025\".", "Giá trị");
                }
            }

            LocalDate? closesOn = null;
            if (values.TryGetValue("Ngày kết thúc theo dõi", out var closingCell) && closingCell.Value.Length > 0)
            {
                closesOn = ParseDay(closingCell.Value);
                if (closesOn is null)
                {
                    Problem(closingCell.Row, 1, $"\"{closingCell.Value}\" không phải ngày: ghi dạng dd/MM/yyyy, ví dụ 31/01/2026 (ngày thôi nhắc hạn kế hoạch).", "Giá trị");
                }
            }

            TrackingPeriod? year = null;
            if (yearCell is { } y)
            {
                year = TrackingPeriod.Parse(y.Value, closesOn);
                if (year is null)
                {
                    Problem(y.Row, 1, $"\"{y.Value}\" không phải năm theo dõi: ghi một năm (2025), một khoảng năm (2023-2025) hoặc \"2023 và những năm tiếp theo\"; năm từ {DeadlineContext.MinYear} đến {DeadlineContext.MaxYear}.", "Giá trị");
                }
                else if (closesOn is { } closes && closes.Year < year.FirstYear)
                {
                    Problem(closingCell.Row, 1, $"ngày kết thúc theo dõi {closes.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} có trước năm theo dõi đầu tiên ({year.FirstYear}): ghi một ngày từ năm {year.FirstYear} trở đi.", "Giá trị");
                    year = null;
                }
            }

            LocalDate? issued = null;
            if (values.TryGetValue("Ngày ban hành", out var issuedCell) && issuedCell.Value.Length > 0)
            {
                issued = ParseDay(issuedCell.Value);
                if (issued is null)
                {
                    Problem(issuedCell.Row, 1, $"\"{issuedCell.Value}\" không phải ngày: ghi dạng dd/MM/yyyy, ví dụ 24/12/2024.", "Giá trị");
                }
            }

            var number = values.TryGetValue("Số hiệu", out var n) && n.Value.Length > 0 ? n.Value : null;
            return planId is null || title is null || year is null ? null : (planId.Value, number, title.Value.Value, issued, year);
        }

        private Dictionary<Column, int>? ReadHeader(SheetRow header)
        {
            var columns = new Dictionary<Column, int>();
            var ok = true;
            for (var c = 0; c < header.Cells.Count; c++)
            {
                var heading = header[c];
                if (heading.Length == 0)
                {
                    continue;
                }

                if (!Headings.TryGetValue(Key(heading), out var column))
                {
                    Problem(header.Number, c, $"cột \"{heading}\" không thuộc mẫu kế hoạch; đổi tên cho đúng hoặc xóa cột. Các cột: {string.Join(", ", ColumnNames.Values)}.", heading);
                    ok = false;
                    continue;
                }

                if (!columns.TryAdd(column, c))
                {
                    Problem(header.Number, c, $"cột \"{ColumnNames[column]}\" có hai lần (cột {PlanProblem.ColumnLetter(columns[column])} và cột này); giữ một.", heading);
                    ok = false;
                }
            }

            foreach (var required in new[] { Column.Activity, Column.Lead, Column.Deadline })
            {
                if (!columns.ContainsKey(required))
                {
                    Problem(header.Number, null, $"thiếu cột \"{ColumnNames[required]}\" trong dòng tiêu đề.");
                    ok = false;
                }
            }

            return ok ? columns : null;
        }

        private PlanTask? ReadTask(SheetRow row, Dictionary<Column, int> columns, IReadOnlyList<DeadlineContext> years, Dictionary<string, int> seen)
        {
            var before = problems.Count;
            string Cell(Column column) => columns.TryGetValue(column, out var c) ? row[c] : string.Empty;

            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row[c].Length > 0 && !columns.ContainsValue(c))
                {
                    Problem(row.Number, c, "ô này nằm ngoài các cột của bảng: chuyển nội dung vào đúng cột hoặc xóa.");
                }
            }

            var idText = Cell(Column.Id);
            TaskId? id = null;
            if (idText.Length == 0)
            {
                ProblemAt(row, columns, Column.Id, "thiếu số thứ tự (TT): mỗi nhiệm vụ cần một TT riêng, ví dụ \"1\", \"2.a\".");
            }
            else if (!TaskId.IsValid(idText))
            {
                ProblemAt(row, columns, Column.Id, $"TT \"{idText}\" không dùng được: không có khoảng trắng hay dấu '/'.");
            }
            else if (seen.TryGetValue(idText, out var firstRow))
            {
                ProblemAt(row, columns, Column.Id, $"TT \"{idText}\" trùng với dòng {firstRow}; mỗi nhiệm vụ cần một TT riêng.");
            }
            else
            {
                seen[idText] = row.Number;
                id = new TaskId(idText);
            }

            var activity = Cell(Column.Activity);
            if (activity.Length == 0)
            {
                ProblemAt(row, columns, Column.Activity, "thiếu nội dung nhiệm vụ.");
            }

            var leadCell = Cell(Column.Lead);
            var lead = Agencies(row, columns, Column.Lead, leadCell, required: true);
            var coordinators = Agencies(row, columns, Column.Coordinators, Cell(Column.Coordinators), required: false);
            var deadline = Cell(Column.Deadline);
            var periodsCell = Cell(Column.ReportPeriods);
            Schedule? schedule = null;
            List<string> periodNames = [];
            if (periodsCell.Length > 0)
            {
                var periods = new List<Reports.ReportPeriodDefinition>();
                foreach (var name in periodsCell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var period = reference.Reports.Find(name);
                    if (period is null)
                    {
                        ProblemAt(row, columns, Column.ReportPeriods, $"không có kỳ báo cáo \"{name}\" trong lịch báo cáo; dùng: {string.Join("; ", reference.Reports.Periods.Select(p => p.Name))}.");
                    }
                    else
                    {
                        periods.Add(period);
                        periodNames.Add(period.Name);
                    }
                }

                var key = (deadline, string.Join(';', periodNames), lead);
                if (!reportSchedules.TryGetValue(key, out schedule))
                {
                    schedule = EveryYear(years, context => reference.Reports.Schedule(deadline, periods, lead?.Agencies ?? [], context));
                    reportSchedules[key] = schedule;
                }
            }
            else if (deadline.Length == 0)
            {
                ProblemAt(row, columns, Column.Deadline, "thiếu thời hạn: ghi ví dụ \"Quý I/2025\", \"Tháng 12/2024\", \"Trong năm 2025\", hoặc điền cột \"Kỳ báo cáo\" cho báo cáo định kỳ.");
            }
            else
            {
                if (!schedules.TryGetValue(deadline, out schedule))
                {
                    schedule = EveryYear(years, context => DeadlineParser.Parse(deadline, context));
                    schedules[deadline] = schedule;
                }

                if (!schedule.IsKnown)
                {
                    ProblemAt(row, columns, Column.Deadline, $"không đọc được thời hạn \"{deadline}\": {schedule.Reason}");
                }
                else if (schedule.Ambiguity is { } ambiguity)
                {
                    warnings.Add(new PlanProblem(file, row.Number, columns.TryGetValue(Column.Deadline, out var c) ? PlanProblem.ColumnLetter(c) : null, ColumnNames[Column.Deadline], $"\"{deadline}\" có hai cách đọc: {ambiguity}. Hãy xác nhận, hoặc ghi rõ hơn trong kế hoạch."));
                }
            }

            var criterion = ReadCriterion(row, columns, Cell);
            if (problems.Count > before || id is null || lead is null || schedule is null)
            {
                return null;
            }

            return new PlanTask
            {
                Id = id.Value,
                Row = row.Number,
                Group = NullIfEmpty(Cell(Column.Group)),
                Criterion = criterion,
                Activity = activity,
                Product = NullIfEmpty(Cell(Column.Product)),
                Lead = lead,
                Coordinators = coordinators ?? AgencyAssignment.None,
                Deadline = deadline,
                ReportPeriods = periodNames.Count == 0 ? [] : periodNames,
                Schedule = schedule,
                Note = NullIfEmpty(Cell(Column.Note)),
            };
        }

        private Criterion? ReadCriterion(SheetRow row, Dictionary<Column, int> columns, Func<Column, string> cell)
        {
            decimal? Score(Column column)
            {
                var text = cell(column);
                if (text.Length == 0)
                {
                    return null;
                }

                if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                ProblemAt(row, columns, column, $"\"{text}\" không phải điểm số: ghi số, dùng dấu phẩy hoặc dấu chấm thập phân, ví dụ 0,5.");
                return null;
            }

            var code = NullIfEmpty(cell(Column.CriterionCode));
            var text = NullIfEmpty(cell(Column.CriterionText));
            var max = Score(Column.MaxScore);
            var previous = Score(Column.PreviousScore);
            return code is null && text is null && max is null && previous is null ? null : new Criterion(code, text, max, previous);
        }

        private AgencyAssignment? Agencies(SheetRow row, Dictionary<Column, int> columns, Column column, string cell, bool required)
        {
            if (cell.Length == 0)
            {
                if (required)
                {
                    ProblemAt(row, columns, column, "thiếu cơ quan chủ trì.");
                    return null;
                }

                return AgencyAssignment.None;
            }

            if (assignments.TryGetValue((cell, required), out var known))
            {
                return known;
            }

            if (!resolutions.TryGetValue(cell, out var resolution))
            {
                resolution = reference.Agencies.Resolve(cell, agencyDay);
                resolutions[cell] = resolution;
            }

            foreach (var problem in resolution.Problems)
            {
                ProblemAt(row, columns, column, problem.Message);
            }

            if (resolution.Problems.Count > 0)
            {
                return null;
            }

            var ids = resolution.ExpandedAgencies.Select(a => a.Id).ToList();
            if (required && !resolution.NamesSomeone)
            {
                ProblemAt(row, columns, column, $"\"{cell}\" không chỉ rõ cơ quan nào chủ trì; ghi tên cơ quan hoặc nhóm trong danh bạ (workflows/agencies.yaml).");
                return null;
            }

            var assignment = new AgencyAssignment(cell, ids);
            assignments[(cell, required)] = assignment;
            return assignment;
        }

        private void ProblemAt(SheetRow row, Dictionary<Column, int> columns, Column column, string message) =>
            Problem(row.Number, columns.TryGetValue(column, out var c) ? c : null, message, ColumnNames[column]);

        private void Problem(int? row, int? column, string message, string? columnName = null) =>
            problems.Add(new PlanProblem(file, row, column is null ? null : PlanProblem.ColumnLetter(column.Value), column is null ? null : columnName, message));
    }

    /// <summary>
    /// A task's schedule over every tracked year: the first year's, and for a recurring or
    /// continuous task the milestones its phrase gives in each later year too. A date the phrase
    /// names outright ("Trong năm 2023") comes once. When the milestones span several years, each
    /// period's name carries its year ("Quý I năm 2024").
    /// </summary>
    private static Schedule EveryYear(IReadOnlyList<DeadlineContext> years, Func<DeadlineContext, Schedule> parse)
    {
        var first = parse(years[0]);
        if (years.Count == 1 || first.Kind is not (ScheduleKind.Recurring or ScheduleKind.Continuous))
        {
            return first;
        }

        var seen = new HashSet<LocalDate>();
        var milestones = new List<(int Year, Milestone Milestone)>();
        foreach (var context in years)
        {
            var schedule = context == years[0] ? first : parse(context);
            foreach (var milestone in schedule.Milestones.Where(m => seen.Add(m.Due)))
            {
                milestones.Add((context.TrackedYear, milestone));
            }
        }

        if (milestones.Select(m => m.Year).Distinct().Count() == 1)
        {
            return first;
        }

        var labelled = milestones
            .OrderBy(m => m.Milestone.Due)
            .Select(m => m.Milestone with { Label = m.Milestone.Label is not { } label ? null : Reports.ReportCalendar.Key(label) == "nam" ? $"Năm {m.Year}" : $"{label} năm {m.Year}" })
            .ToList();
        return new Schedule(first.Phrase, first.Kind, labelled, first.Note, null);
    }

    private static LocalDate? ParseDay(string text)
    {
        var result = DayPattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        result = IsoPattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        // A date typed into a spreadsheet cell is stored as a serial day number (1 = 1900-01-01, Excel's leap-year bug included).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 80000)
        {
            return new LocalDate(1899, 12, 30).PlusDays(serial);
        }

        return null;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Key(string s) => Reports.ReportCalendar.Key(s);
}
