using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;

namespace Workflow.Host.Cli;

/// <summary>
/// The `workflow` command line. Messages for coordinators are Vietnamese; machine output (JSON)
/// keeps the shapes other tools rely on.
/// </summary>
public static class WorkflowCommandLine
{
    /// <summary>Exit codes: 0 done, 1 the input has problems (listed), 2 the command was misused.</summary>
    public const int Ok = 0, InputProblems = 1, Usage = 2;

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>
    /// Runs one command. A failure the command did not foresee (a database that cannot be opened,
    /// an address in use) ends as one Vietnamese line and exit 1; with --verbose, the .NET details follow.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var verbose = new Option<bool>("--verbose") { Description = "Khi lệnh lỗi: in thêm chi tiết kỹ thuật (.NET) sau dòng thông báo.", Recursive = true };
        var root = Build(output, error);
        root.Options.Add(verbose);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            // The parser's own words are English: one Vietnamese line carries them.
            var help = string.Join(' ', ["workflow", .. CommandPath(parsed.CommandResult), "--help"]);
            error.WriteLine($"Dòng lệnh sai ({string.Join("; ", parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" ")))}): xem \"{help}\".");
            return Usage;
        }

        try
        {
            return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Đã dừng.");
            return 130; // as a shell reports Ctrl+C
        }
#pragma warning disable CA1031 // the last word of the program: whatever failed becomes one line for the coordinator
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return CommandFailure.Report(e, error, parsed.GetValue(verbose));
        }
    }

    /// <summary>The names of the subcommands down to <paramref name="result"/> ("plan import").</summary>
    private static List<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        return names;
    }

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var workflows = new Option<string?>("--workflows")
        {
            Description = "Thư mục dữ liệu (kế hoạch, danh bạ cơ quan, lịch). Mặc định: thư mục \"workflows\" gần nhất, hoặc biến môi trường WORKFLOW_DATA.",
            Recursive = true,
        };
        var database = RuntimeCommands.DatabaseOption();
        var root = new RootCommand("workflow: theo dõi, nhắc hạn và báo cáo tiến độ các kế hoạch cải cách hành chính. Không có lệnh nào: chạy máy chủ (serve).");
        root.Options.Add(workflows);
        root.Options.Add(database);
        root.Subcommands.Add(RuntimeCommands.Serve(output, error, workflows, database, out var serve));
        root.SetAction(serve);
        root.Subcommands.Add(RuntimeCommands.Task(output, error, workflows, database));
        root.Subcommands.Add(RuntimeCommands.Event(output, error, workflows, database));
        root.Subcommands.Add(RuntimeCommands.Status(output, error, workflows, database));
        root.Subcommands.Add(UserCommands.Create(output, error, workflows, database));
        root.Subcommands.Add(DeadlineCommand(output, error, workflows));
        root.Subcommands.Add(CalendarCommand(output, error, workflows));
        var plan = PlanCommand(output, error, workflows);
        plan.Subcommands.Add(RuntimeCommands.Import(output, error, workflows, database));
        PlanLifecycleCommands.AddTo(plan, output, error, workflows, database);
        root.Subcommands.Add(plan);
        root.Subcommands.Add(SimulateCommand.Create(output, error, workflows));
        root.Subcommands.Add(BenchCommand.Create(output, error, workflows));
        return root;
    }

    // ----- workflow deadline ------------------------------------------------------------------

    private static Command DeadlineCommand(TextWriter output, TextWriter error, Option<string?> workflows)
    {
        var year = new Option<int?>("--year") { Description = "Năm kế hoạch theo dõi (năm của các cụm từ không ghi năm)." };
        var issued = new Option<string?>("--issued") { Description = "Ngày ban hành kế hoạch, dạng YYYY-MM-DD." };
        var batch = new Option<FileInfo?>("--batch") { Description = "Tệp các dòng: cụm từ<TAB>năm<TAB>ngày ban hành (có thể trống); in một đối tượng JSON mỗi dòng." };
        var phrase = new Argument<string?>("phrase") { Description = "Cụm từ thời hạn, ví dụ \"Quý I/2025\".", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("deadline", "Đọc một cụm từ thời hạn và in lịch (JSON): loại, các mốc, ngày hiệu lực.") { year, issued, batch, phrase };
        command.SetAction(result =>
        {
            var calendar = LoadCalendar(result.GetValue(workflows), error);
            if (calendar is null)
            {
                return InputProblems;
            }

            if (result.GetValue(batch) is { } file)
            {
                return DeadlineBatch(file, calendar, output, error);
            }

            var y = result.GetValue(year);
            var text = result.GetValue(phrase);
            if (y is null || text is null)
            {
                error.WriteLine("Cần --year và một cụm từ, ví dụ: workflow deadline --year 2025 \"Quý I/2025\"; hoặc --batch TỆP.");
                return Usage;
            }

            var context = Context(y.Value, result.GetValue(issued), calendar, out var problem);
            if (context is null)
            {
                error.WriteLine(problem);
                return Usage;
            }

            WriteJsonLine(output, json => DeadlineJson.Write(json, DeadlineParser.Parse(text, context)));
            return Ok;
        });
        return command;
    }

    private static int DeadlineBatch(FileInfo file, WorkingCalendar calendar, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: không có tệp này.");
            return InputProblems;
        }

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var json = new Utf8JsonWriter(buffer, DeadlineJson.Options);
        var contexts = new Dictionary<(int, string), DeadlineContext>();
        foreach (var line in File.ReadLines(file.FullName, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            var phrase = fields[0];
            Schedule schedule;
            var yearText = fields.Length > 1 ? fields[1].Trim() : string.Empty;
            var issuedText = fields.Length > 2 ? fields[2].Trim() : string.Empty;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                schedule = Schedule.Unknown(phrase, $"Năm \"{yearText}\" không hợp lệ: cột thứ hai của dòng phải là năm, ví dụ 2025.");
            }
            else if (contexts.TryGetValue((year, issuedText), out var context) || (context = Context(year, issuedText, calendar, out var problem)!) is not null)
            {
                contexts[(year, issuedText)] = context;
                schedule = DeadlineParser.Parse(phrase, context);
            }
            else
            {
                schedule = Schedule.Unknown(phrase, problem!);
            }

            DeadlineJson.Write(json, schedule);
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > 60 * 1024)
            {
                output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }

            json.Reset(buffer); // one JSON document a line
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Flush();
        return Ok;
    }

    private static DeadlineContext? Context(int year, string? issued, WorkingCalendar calendar, out string? problem)
    {
        problem = null;
        if (year is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
        {
            problem = $"Năm {year} nằm ngoài {DeadlineContext.MinYear}–{DeadlineContext.MaxYear}.";
            return null;
        }

        LocalDate? issuedOn = null;
        if (!string.IsNullOrWhiteSpace(issued))
        {
            var parsed = IsoDate.Parse(issued.Trim());
            if (!parsed.Success)
            {
                problem = $"Ngày ban hành \"{issued}\" không hợp lệ: ghi dạng YYYY-MM-DD, ví dụ 2024-12-24.";
                return null;
            }

            issuedOn = parsed.Value;
        }

        return new DeadlineContext(year, issuedOn, calendar);
    }

    // ----- workflow calendar ------------------------------------------------------------------

    private static Command CalendarCommand(TextWriter output, TextWriter error, Option<string?> workflows)
    {
        var year = new Option<int>("--year") { Description = "Năm cần xem.", Required = true };
        var command = new Command("calendar", "In các ngày nghỉ (lễ, Tết, nghỉ bù) của một năm, mỗi dòng một JSON {\"date\",\"name\"}.") { year };
        command.SetAction(result =>
        {
            var calendar = LoadCalendar(result.GetValue(workflows), error);
            if (calendar is null)
            {
                return InputProblems;
            }

            var y = result.GetValue(year);
            if (y is < 1900 or > 2100)
            {
                error.WriteLine($"Năm {y} nằm ngoài 1900–2100.");
                return Usage;
            }

            foreach (var day in calendar.DaysOff(y))
            {
                WriteJsonLine(output, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteString("name", day.Name);
                    json.WriteEndObject();
                });
            }

            return Ok;
        });
        return command;
    }

    // ----- workflow plan ----------------------------------------------------------------------

    private static Command PlanCommand(TextWriter output, TextWriter error, Option<string?> workflows)
    {
        var plan = new Command("plan", "Các kế hoạch: kiểm tra và xem lịch tệp kế hoạch (CSV hoặc XLSX), nhập, liệt kê, đóng, mở lại, lưu trữ.");

        var checkFile = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch." };
        var check = new Command("check", "Kiểm tra một tệp kế hoạch: liệt kê mọi lỗi với dòng và cột; tệp có lỗi thì không nhận gì.") { checkFile };
        check.SetAction(result =>
        {
            if (ReadPlan(result.GetValue(checkFile)!, result.GetValue(workflows), error) is not ({ } read, _))
            {
                return InputProblems;
            }

            if (read.Plan is not { } p)
            {
                foreach (var problem in read.Problems)
                {
                    output.WriteLine(problem);
                }

                output.WriteLine($"Có {read.Problems.Count} lỗi; chưa nhận nhiệm vụ nào. Sửa các lỗi trên rồi chạy lại.");
                return InputProblems;
            }

            var milestones = p.Tasks.Sum(t => t.Schedule.Milestones.Count);
            output.WriteLine($"{p.Source}: hợp lệ. {p.Id} — {p.Title}{(p.Number is null ? string.Empty : $" ({p.Number})")}, năm {p.Tracking}: {p.Tasks.Count} nhiệm vụ, {milestones} mốc thời hạn.");
            foreach (var group in p.Tasks.GroupBy(t => t.Schedule.Kind).OrderBy(g => g.Key))
            {
                output.WriteLine($"  {KindName(group.Key)}: {group.Count()} nhiệm vụ");
            }

            foreach (var warning in read.Warnings)
            {
                output.WriteLine($"Cảnh báo: {warning}");
            }

            return Ok;
        });

        var calendarFile = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch." };
        var json = new Option<bool>("--json") { Description = "Mỗi mốc một dòng JSON thay cho bảng." };
        var calendar = new Command("calendar", "Liệt kê mọi mốc của mọi nhiệm vụ, theo ngày hiệu lực: ngày ghi trong kế hoạch và ngày hiệu lực (dời khỏi ngày nghỉ).") { calendarFile, json };
        calendar.SetAction(result =>
        {
            if (ReadPlan(result.GetValue(calendarFile)!, result.GetValue(workflows), error) is not ({ } read, { } reference))
            {
                return InputProblems;
            }

            if (read.Plan is not { } p)
            {
                foreach (var problem in read.Problems)
                {
                    error.WriteLine(problem);
                }

                error.WriteLine($"Có {read.Problems.Count} lỗi: chạy \"workflow plan check\" và sửa trước.");
                return InputProblems;
            }

            var rows = PlanCalendar.Of(p);
            if (result.GetValue(json))
            {
                foreach (var row in rows)
                {
                    WriteJsonLine(output, w => PlanCalendar.WriteJson(w, row));
                }
            }
            else
            {
                PlanCalendar.WriteTable(output, p, rows, reference.Agencies);
            }

            return Ok;
        });

        plan.Subcommands.Add(check);
        plan.Subcommands.Add(calendar);
        return plan;
    }

    internal static string KindName(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Once => "một hạn",
        ScheduleKind.Phased => "nhiều giai đoạn",
        ScheduleKind.Continuous => "thường xuyên (kiểm tra cuối quý)",
        ScheduleKind.Recurring => "định kỳ",
        ScheduleKind.Event => "chờ sự kiện",
        _ => "không rõ",
    };

    private static (PlanReadResult Result, ReferenceData Reference)? ReadPlan(FileInfo file, string? workflowsOption, TextWriter error)
    {
        var reference = LoadReference(workflowsOption, error);
        return reference is null ? null : (PlanReader.Read(file.FullName, reference), reference);
    }

    private static ReferenceData? LoadReference(string? option, TextWriter error)
    {
        var folder = WorkflowsFolder.Locate(option);
        if (folder is null)
        {
            error.WriteLine("Không tìm thấy thư mục dữ liệu \"workflows\" (cần workflows/agencies.yaml). Chạy lệnh trong thư mục dự án, hoặc dùng --workflows THƯ_MỤC.");
            return null;
        }

        try
        {
            return ReferenceData.Load(folder);
        }
        catch (DataFileException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    private static WorkingCalendar? LoadCalendar(string? option, TextWriter error)
    {
        var folder = WorkflowsFolder.Locate(option);
        var calendars = folder is null ? null : Path.Combine(folder, "calendars");
        if (calendars is null || !Directory.Exists(calendars))
        {
            // Said, not silent: without the years' announcements some effective dates differ from the official ones.
            error.WriteLine("Lưu ý: không tìm thấy thư mục workflows/calendars, nên ngày hiệu lực chỉ tính các ngày nghỉ của Bộ luật Lao động, chưa có ngày hoán đổi, nghỉ bù từng năm đã công bố (chỉ thư mục bằng --workflows THƯ_MỤC).");
            return WorkingCalendar.StatutoryOnly;
        }

        try
        {
            return WorkingCalendar.Create(CalendarAdjustments.LoadDirectory(calendars));
        }
        catch (DataFileException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    internal static void WriteJsonLine(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, DeadlineJson.Options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
