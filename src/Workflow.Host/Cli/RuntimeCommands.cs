using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Cli;

/// <summary>The commands that run or change the durable runtime: serve, plan import, task done, event, status.</summary>
internal static class RuntimeCommands
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public static Option<string?> DatabaseOption() => new("--database")
    {
        Description = "Cơ sở dữ liệu: \"sqlite:ĐƯỜNG_DẪN\" (mặc định .data/workflow.db cạnh thư mục workflows) hoặc \"postgresql:CHUỖI_KẾT_NỐI\"; hoặc biến môi trường WORKFLOW_DATABASE.",
        Recursive = true,
    };

    /// <summary>`workflow serve`, also what `workflow` alone runs.</summary>
    public static Command Serve(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database, out Func<ParseResult, CancellationToken, Task<int>> action)
    {
        var cluster = new Option<bool>("--cluster") { Description = "Chạy nhiều máy chủ trên cùng một PostgreSQL (mỗi mốc hẹn giờ chỉ chạy một lần)." };
        var smtp = new Option<string?>("--smtp") { Description = "Máy chủ thư: máy:cổng hoặc máy:cổng:starttls (hoặc biến WORKFLOW_SMTP). Không có: thư ghi thành tệp .eml trong .data/emails." };
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Địa chỉ trang web, ví dụ http://127.0.0.1:8080 (mặc định {Web.WorkflowWeb.DefaultUrl}, hoặc biến ASPNETCORE_URLS).",
            AllowMultipleArgumentsPerToken = true,
        };
        var publicUrl = new Option<string?>("--public-url")
        {
            Description = $"Địa chỉ công khai của trang web, đầu mọi đường dẫn trong thư, ví dụ https://cchc.cantho.gov.vn (hoặc biến {DeliverySetup.PublicUrlVariable}). Bắt buộc khi gửi thư qua SMTP.",
        };
        var clockOptions = new ServeClock();
        var command = new Command("serve", "Chạy máy chủ: trang web cho điều phối viên và đơn vị; nhập các kế hoạch khi cơ sở dữ liệu còn trống (lần chạy đầu bị ngắt thì lần sau nhập nốt), rồi nhắc hạn, báo quá hạn và báo cáo Sở Nội vụ đúng giờ.") { cluster, smtp, urls, publicUrl };
        foreach (var option in clockOptions.Options)
        {
            command.Options.Add(option);
        }

        action = async (result, ct) =>
        {
            var addresses = result.GetValue(urls) is { Length: > 0 } given ? given
                : Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } configured ? configured.Split(';', StringSplitOptions.RemoveEmptyEntries)
                : [Web.WorkflowWeb.DefaultUrl];
            if (addresses.Select(AddressProblem).OfType<string>().FirstOrDefault() is { } wrong)
            {
                error.WriteLine(wrong);
                return WorkflowCommandLine.Usage;
            }

            if (!clockOptions.TryRead(result, error, out var clock))
            {
                return WorkflowCommandLine.Usage;
            }

            if (Open(result, workflows, database, error, creating: output) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            DeliverySetup delivery;
            try
            {
                var serverUrl = Uri.TryCreate(addresses[0].Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var own) ? own : null;
                delivery = DeliverySetup.Create(result.GetValue(smtp), Path.Combine(data.Folder, "templates"), Path.Combine(Path.GetDirectoryName(data.Folder)!, ".data", "emails"), result.GetValue(publicUrl), serverUrl);
            }
            catch (Exception e) when (e is Notifications.Templates.TemplateException or FormatException)
            {
                error.WriteLine(e.Message);
                return WorkflowCommandLine.InputProblems;
            }

            if (delivery.PublicUrlWarning is { } warning)
            {
                error.WriteLine(warning);
            }

            if (result.GetValue(cluster) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("WORKFLOW_LINK_KEY")))
            {
                // Each server would otherwise sign the agencies' links with a key of its own, and refuse the others'.
                error.WriteLine("Chạy nhiều máy chủ (--cluster) cần một khóa ký đường dẫn báo cáo chung: đặt WORKFLOW_LINK_KEY (chuỗi base64 của 32 byte ngẫu nhiên, ví dụ tạo bằng \"openssl rand -base64 32\") giống nhau trên mọi máy chủ.");
                return WorkflowCommandLine.InputProblems;
            }

            await using var host = Web.WorkflowWeb.Build(data, settings, delivery, result.GetValue(cluster), addresses, clock);
            if (clock.IsAccelerated && clock.Anchor is null)
            {
                output.WriteLine(ServeClock.RunningLine(clock, clock.Run())); // data read and host built: the accelerated time starts now
            }

            await host.StartAsync(ct).ConfigureAwait(false);
            try
            {
                var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
                output.WriteLine($"Cơ sở dữ liệu: {settings}. Thư: {(delivery.Transport is Notifications.Delivery.PickupFolderTransport pickup ? $"ghi tệp .eml vào {pickup.Folder}" : "gửi qua máy chủ SMTP")}.");
                var seeding = await FirstStart.PlanFilesAsync(data, host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), runtime.Now.Year, ct).ConfigureAwait(false);
                if (seeding.Resumes)
                {
                    output.WriteLine($"Lần chạy đầu đã dừng khi chưa nhập hết các tệp kế hoạch: nhập nốt {seeding.Files.Count} tệp còn lại.");
                }

                foreach (var (file, read) in seeding.Files)
                {
                    if (read.Plan is not { } plan)
                    {
                        error.WriteLine($"Bỏ qua {file}: {read.Problems.Count} lỗi (chạy \"workflow plan check {file}\").");
                        continue;
                    }

                    var imported = await runtime.ImportAsync(plan, FirstStart.By, ct).ConfigureAwait(false);
                    output.WriteLine($"Đã nhập {plan.Id}: {imported.Created} mốc{(imported.Closed ? " (kế hoạch đã hết thời gian theo dõi: ghi lại là đã đóng, không nhắc, không gửi gì)" : string.Empty)}.");
                }

                foreach (var closed in await runtime.CloseEndedPlansAsync(ct).ConfigureAwait(false))
                {
                    output.WriteLine(closed);
                }

                foreach (var line in await runtime.FollowNewYearsAsync(data.ReadPlanAgain, ct).ConfigureAwait(false))
                {
                    output.WriteLine(line);
                }

                var (created, removed) = await runtime.ReconcileAsync(ct).ConfigureAwait(false);
                output.WriteLine($"Đối chiếu hẹn giờ: tạo lại {created}, bỏ {removed}.");
                output.WriteLine($"Trang web: {string.Join(", ", host.Urls)}. Máy chủ đang chạy; Ctrl+C để dừng.");
                if (!await HasUsersAsync(host.Services, ct).ConfigureAwait(false))
                {
                    output.WriteLine("Chưa có tài khoản điều phối viên: tạo bằng \"workflow user add TÊN_ĐĂNG_NHẬP --name \"Họ tên\"\".");
                }
            }
            catch
            {
                // Stopped (Ctrl+C) or failed before it was running: a started host is stopped before it is disposed, or
                // its hosted services (Quartz, the periodic jobs, Kestrel) outlive the command and the process never ends.
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            output.Flush();
            await host.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return WorkflowCommandLine.Ok;
        };
        command.SetAction(action);
        return command;
    }

    /// <summary>`workflow plan import FILE [--allow-removal]`.</summary>
    public static Command Import(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp kế hoạch." };
        var allowRemoval = new Option<bool>("--allow-removal") { Description = "Cho phép bỏ khỏi kế hoạch các mốc đang theo dõi mà tệp không còn (chúng vẫn xem được và khôi phục được bằng \"workflow task restore\"). Không có: lệnh liệt kê các mốc đó và không nhập gì." };
        var command = new Command("import", "Nhập (hoặc nhập lại) một kế hoạch: mốc mới bắt đầu quy trình, mốc đổi hạn được hẹn giờ lại; nhập lại tệp không đổi thì không có gì thay đổi; tệp bỏ mốc đang theo dõi thì cần --allow-removal.") { file, allowRemoval };
        command.SetAction(async (result, ct) =>
        {
            // The file first: a file with problems never creates a database.
            var path = result.GetValue(file)!.FullName;
            if (Open(result, workflows, database, error, creating: output, checkDatabase: false) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            var read = PlanReader.Read(path, data.Reference, openEndedThrough: RuntimeClock.System().Now.Year);
            if (read.Plan is not { } plan)
            {
                read.Problems.ToList().ForEach(p => output.WriteLine(p));
                output.WriteLine($"Có {read.Problems.Count} lỗi; chưa nhập gì.");
                return WorkflowCommandLine.InputProblems;
            }

            if (!CheckDatabase(settings, error, creating: output))
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await WithRuntimeAsync(data, settings, async runtime =>
            {
                var r = await runtime.ImportAsync(plan, "nhập kế hoạch", result.GetValue(allowRemoval), ct).ConfigureAwait(false);
                if (r.RemovalRefused)
                {
                    output.WriteLine($"Tệp {path} không còn {r.Removals.Count} mốc đang được theo dõi của kế hoạch {r.Plan}:");
                    foreach (var removal in r.Removals)
                    {
                        output.WriteLine($"  {removal}");
                    }

                    output.WriteLine("Chưa nhập gì. Nếu đúng là các mốc này đã bỏ khỏi kế hoạch, chạy lại với --allow-removal: chúng thôi được nhắc hạn, vẫn xem được (\"đã bỏ khỏi kế hoạch\") và khôi phục được bằng \"workflow task restore KẾ_HOẠCH TT\".");
                    return WorkflowCommandLine.InputProblems;
                }

                output.WriteLine($"Đã nhập {r.Plan}: {r.Created} mốc mới, {r.Rescheduled} mốc hẹn lại theo hạn mới, {r.Removed} mốc bỏ khỏi kế hoạch, {r.Unchanged} mốc giữ nguyên.");
                foreach (var removal in r.Removals)
                {
                    output.WriteLine($"  Đã bỏ khỏi kế hoạch: {removal}");
                }

                return WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>`workflow task done PLAN TASK [--milestone N] [--on DATE]`.</summary>
    public static Command Task(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ cchc-2025." };
        var task = new Argument<string>("task") { Description = "TT của nhiệm vụ." };
        var milestone = new Option<int?>("--milestone") { Description = "Chỉ mốc số N (mặc định: mọi mốc còn mở)." };
        var on = new Option<string?>("--on") { Description = "Ngày hoàn thành, YYYY-MM-DD (mặc định hôm nay)." };
        var done = new Command("done", "Ghi nhận nhiệm vụ (hoặc một mốc) đã hoàn thành: quy trình của mốc dừng ngay.") { plan, task, milestone, on };
        done.SetAction(async (result, ct) =>
        {
            if (Open(result, workflows, database, error) is not ({ } data, { } settings)
                || Ids(result.GetValue(plan)!, result.GetValue(task)!, error) is not ({ } p, { } t))
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await WithRuntimeAsync(data, settings, async runtime =>
            {
                var day = result.GetValue(on) is { } text ? Day(text, error) : runtime.Now.Date;
                if (day is null)
                {
                    return WorkflowCommandLine.Usage;
                }

                var closed = await runtime.MarkDoneAsync(p, t, result.GetValue(milestone), day.Value, "điều phối viên", ct).ConfigureAwait(false);
                output.WriteLine(closed == 0 ? $"Không có mốc nào còn mở của {p}/{t}." : $"Đã ghi nhận hoàn thành {closed} mốc của {p}/{t} ngày {day.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
                return closed == 0 ? WorkflowCommandLine.InputProblems : WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        var restorePlan = new Argument<string>("plan") { Description = "Mã kế hoạch." };
        var restoreTask = new Argument<string>("task") { Description = "TT của nhiệm vụ." };
        var restoreMilestone = new Option<int?>("--milestone") { Description = "Chỉ mốc số N (mặc định: mọi mốc đã bỏ của nhiệm vụ)." };
        var restore = new Command("restore", "Khôi phục các mốc đã bỏ khỏi kế hoạch khi nhập lại: theo dõi và nhắc hạn lại từ hôm nay.") { restorePlan, restoreTask, restoreMilestone };
        restore.SetAction(async (result, ct) =>
        {
            if (Open(result, workflows, database, error) is not ({ } data, { } settings)
                || Ids(result.GetValue(restorePlan)!, result.GetValue(restoreTask)!, error) is not ({ } p, { } t))
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await WithRuntimeAsync(data, settings, async runtime =>
            {
                var restored = await runtime.RestoreAsync(p, t, result.GetValue(restoreMilestone), "điều phối viên", ct).ConfigureAwait(false);
                if (restored == 0)
                {
                    error.WriteLine($"{p}/{t} không có mốc nào đã bỏ khỏi kế hoạch{(result.GetValue(restoreMilestone) is { } n ? $" (mốc {n})" : string.Empty)}: xem \"workflow status --plan {p}\".");
                    return WorkflowCommandLine.InputProblems;
                }

                output.WriteLine($"Đã khôi phục {restored} mốc của {p}/{t} vào kế hoạch: theo dõi và nhắc hạn lại từ hôm nay.");
                return WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        var leadPlan = new Argument<string>("plan") { Description = "Mã kế hoạch." };
        var leadTask = new Argument<string>("task") { Description = "TT của nhiệm vụ." };
        var leadMilestone = new Option<int>("--milestone") { Description = "Mốc số N.", Required = true };
        var agency = new Option<string>("--agency") { Description = "Mã cơ quan kế nhiệm nhận mốc, ví dụ so-y-te.", Required = true };
        var lead = new Command("lead", "Chọn cơ quan kế nhiệm chủ trì một mốc khi nhiệm vụ của cơ quan cũ được chia cho nhiều cơ quan.") { leadPlan, leadTask, leadMilestone, agency };
        lead.SetAction(async (result, ct) =>
        {
            if (Open(result, workflows, database, error) is not ({ } data, { } settings)
                || Ids(result.GetValue(leadPlan)!, result.GetValue(leadTask)!, error) is not ({ } p, { } t))
            {
                return WorkflowCommandLine.InputProblems;
            }

            if (!AgencyId.TryParse(result.GetValue(agency), out var chosen) || !data.Reference.Agencies.TryGet(chosen, out var named))
            {
                error.WriteLine($"Không có cơ quan mã \"{result.GetValue(agency)}\" trong danh bạ (workflows/agencies.yaml).");
                return WorkflowCommandLine.InputProblems;
            }

            return await WithRuntimeAsync(data, settings, async runtime =>
            {
                var number = result.GetValue(leadMilestone);
                if (await runtime.ChooseLeadAsync(p, t, number, chosen, "điều phối viên", ct).ConfigureAwait(false) is { } refusal)
                {
                    error.WriteLine($"{p}/{t} mốc {number}: {refusal}");
                    return WorkflowCommandLine.InputProblems;
                }

                output.WriteLine($"Đã giao mốc {number} của {p}/{t} cho {named.Name}.");
                return WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        var command = new Command("task", "Thao tác trên một nhiệm vụ.");
        command.Subcommands.Add(done);
        command.Subcommands.Add(restore);
        command.Subcommands.Add(lead);
        return command;
    }

    /// <summary>`workflow event PLAN TASK --on DATE`.</summary>
    public static Command Event(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch." };
        var task = new Argument<string>("task") { Description = "TT của nhiệm vụ chờ sự kiện." };
        var on = new Option<string>("--on") { Description = "Ngày sự kiện xảy ra, YYYY-MM-DD.", Required = true };
        var command = new Command("event", "Ghi nhận sự kiện mà nhiệm vụ đang chờ đã xảy ra: hạn là ngày kế hoạch ghi, hoặc 30 ngày sau sự kiện.") { plan, task, on };
        command.SetAction(async (result, ct) =>
        {
            if (Open(result, workflows, database, error) is not ({ } data, { } settings)
                || Ids(result.GetValue(plan)!, result.GetValue(task)!, error) is not ({ } p, { } t)
                || Day(result.GetValue(on)!, error) is not { } day)
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await WithRuntimeAsync(data, settings, async runtime =>
            {
                var woken = await runtime.RecordEventAsync(p, t, day, "điều phối viên", ct).ConfigureAwait(false);
                output.WriteLine(woken == 0 ? $"{p}/{t} không có mốc nào đang chờ sự kiện." : $"Đã ghi nhận sự kiện ngày {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: {woken} mốc của {p}/{t} bắt đầu được theo dõi.");
                return woken == 0 ? WorkflowCommandLine.InputProblems : WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>`workflow status [--plan P] [--agency A] [--overdue]`.</summary>
    public static Command Status(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var plan = new Option<string?>("--plan") { Description = "Chỉ kế hoạch này." };
        var agency = new Option<string?>("--agency") { Description = "Chỉ các mốc cơ quan này chủ trì (mã hoặc tên)." };
        var overdue = new Option<bool>("--overdue") { Description = "Chỉ các mốc quá hạn." };
        var command = new Command("status", "Tình hình các mốc: hạn, trạng thái, hẹn giờ kế tiếp; và hộp thư đi.") { plan, agency, overdue };
        command.SetAction(async (result, ct) =>
        {
            if (Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            string? agencyId = null;
            if (result.GetValue(agency) is { } a)
            {
                var resolved = data.Reference.Agencies.Resolve(a);
                if (resolved.ExpandedAgencies.Count != 1)
                {
                    error.WriteLine($"\"{a}\" không chỉ đúng một cơ quan trong danh bạ.");
                    return WorkflowCommandLine.Usage;
                }

                agencyId = resolved.ExpandedAgencies[0].Id.ToString();
            }

            using var host = WorkflowHost.Build(data, settings, runJobs: false);
            await host.StartAsync(ct).ConfigureAwait(false);
            var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
            var databases = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            await StatusReport.WriteAsync(output, data, settings, databases, runtime.Now, result.GetValue(plan), agencyId, result.GetValue(overdue), ct).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return WorkflowCommandLine.Ok;
        });
        return command;
    }

    /// <summary>
    /// The workflows folder and the database of a command that uses the runtime. Only the commands
    /// that may start a new database (serve, plan import) pass <paramref name="creating"/>, where
    /// they say so; every other command needs an existing one. Problems are written to
    /// <paramref name="error"/>, one line each.
    /// </summary>
    internal static (WorkflowsData? Data, DatabaseSettings? Settings) Open(ParseResult result, Option<string?> workflows, Option<string?> database, TextWriter error, TextWriter? creating = null, bool checkDatabase = true)
    {
        var folder = WorkflowsFolder.Locate(result.GetValue(workflows));
        if (folder is null)
        {
            error.WriteLine("Không tìm thấy thư mục dữ liệu \"workflows\"; chạy trong thư mục dự án hoặc dùng --workflows THƯ_MỤC.");
            return (null, null);
        }

        DatabaseSettings settings;
        try
        {
            settings = DatabaseSettings.Parse(result.GetValue(database), Path.Combine(Path.GetDirectoryName(folder)!, ".data", "workflow.db"));
        }
        catch (FormatException e)
        {
            error.WriteLine(e.Message);
            return (null, null);
        }

        WorkflowsData data;
        try
        {
            data = WorkflowsData.Load(folder);
            data.ReportRefusedDefinitions(error);
        }
        catch (DataFileException e)
        {
            error.WriteLine(e.Message);
            return (null, null);
        }

        settings = settings with { MayCreate = creating is not null };
        return !checkDatabase || CheckDatabase(settings, error, creating) ? (data, settings) : (null, null);
    }

    /// <summary>
    /// <see cref="DatabaseSettings.Check"/> for a command: false (the problem written) when the
    /// database cannot be used; a command given <paramref name="creating"/> may make a new one and
    /// says so there.
    /// </summary>
    internal static bool CheckDatabase(DatabaseSettings settings, TextWriter error, TextWriter? creating)
    {
        if (settings.Check(mayCreate: creating is not null, out var isNew) is { } problem)
        {
            error.WriteLine(problem);
            return false;
        }

        if (isNew)
        {
            creating!.WriteLine($"Tạo cơ sở dữ liệu SQLite mới: {settings.SqlitePath}.");
        }

        return true;
    }

    /// <summary>Why the server cannot listen at <paramref name="address"/> (as --urls or ASPNETCORE_URLS gives it), or null.</summary>
    internal static string? AddressProblem(string address)
    {
        const string Example = "ghi dạng http://MÁY:CỔNG, ví dụ --urls http://127.0.0.1:8080";
        try
        {
            var parsed = Microsoft.AspNetCore.Http.BindingAddress.Parse(address);
            if (!parsed.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !parsed.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                return $"Địa chỉ trang web \"{address}\" không dùng được (chỉ http hoặc https): {Example}.";
            }

            return parsed.Port is < 0 or > 65535 || parsed.Host.Length == 0
                ? $"Địa chỉ trang web \"{address}\" không dùng được (cổng từ 0 đến 65535): {Example}."
                : null;
        }
        catch (FormatException)
        {
            return $"Địa chỉ trang web \"{address}\" không hợp lệ: {Example}.";
        }
    }

    private static Task<int> WithRuntimeAsync(WorkflowsData data, DatabaseSettings settings, Func<WorkflowRuntime, Task<int>> work, CancellationToken ct) =>
        WithRuntimeAsync(data, settings, (runtime, _) => work(runtime), ct);

    /// <summary>Runs <paramref name="work"/> on a host that edits the store without firing timers, and stops it.</summary>
    internal static async Task<int> WithRuntimeAsync(WorkflowsData data, DatabaseSettings settings, Func<WorkflowRuntime, IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        using var host = WorkflowHost.Build(data, settings, runJobs: false);
        await host.StartAsync(ct).ConfigureAwait(false);
        try
        {
            return await work(host.Services.GetRequiredService<WorkflowRuntime>(), host.Services).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasUsersAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Users.AnyAsync(ct).ConfigureAwait(false);
    }

    private static (PlanId?, TaskId?) Ids(string plan, string task, TextWriter error)
    {
        if (!PlanId.IsValid(plan))
        {
            error.WriteLine($"\"{plan}\" không phải mã kế hoạch (ví dụ cchc-2025).");
            return (null, null);
        }

        if (!TaskId.IsValid(task))
        {
            error.WriteLine($"\"{task}\" không phải TT của nhiệm vụ.");
            return (null, null);
        }

        return (new PlanId(plan), new TaskId(task));
    }

    private static LocalDate? Day(string text, TextWriter error)
    {
        var parsed = Iso.Parse(text.Trim());
        if (parsed.Success)
        {
            return parsed.Value;
        }

        error.WriteLine($"\"{text}\" không phải ngày: ghi YYYY-MM-DD, ví dụ 2025-03-20.");
        return null;
    }
}
