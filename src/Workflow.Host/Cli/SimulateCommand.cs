using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Notifications.Delivery;
using Workflow.Host.Hosting;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Notifications;

namespace Workflow.Host.Cli;

/// <summary>
/// `workflow simulate`: the timeline a plan's workflows would produce, on a virtual clock, so a
/// coordinator can check a definition before publishing it and the tests can check the rules.
/// </summary>
internal static class SimulateCommand
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern Vietnamese = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    public static Command Create(TextWriter output, TextWriter error, Option<string?> workflows)
    {
        var plan = new Option<FileInfo>("--plan") { Description = "Tệp kế hoạch (CSV hoặc XLSX).", Required = true };
        var definition = new Option<string?>("--definition") { Description = "Tệp quy trình (JSON) hoặc mã quy trình thay cho quy tắc chọn quy trình." };
        var from = new Option<string>("--from") { Description = "Ngày bắt đầu, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "Ngày kết thúc, YYYY-MM-DD.", Required = true };
        var done = new Option<string[]>("--done") { Description = "TT[/mốc]=YYYY-MM-DD: nhiệm vụ (hoặc một mốc) báo hoàn thành ngày đó.", AllowMultipleArgumentsPerToken = true };
        var events = new Option<string[]>("--event") { Description = "TT=YYYY-MM-DD: sự kiện nhiệm vụ chờ đã xảy ra ngày đó.", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Mỗi thông báo một dòng JSON." };
        var emails = new Option<DirectoryInfo?>("--emails") { Description = "Ghi các thư (một thư gộp mỗi cơ quan mỗi ngày, và thư báo cáo Sở Nội vụ) thành tệp .eml vào thư mục này." };
        var command = new Command("simulate", "Chạy thử các quy trình của một kế hoạch trên đồng hồ ảo (không chờ, không lưu) và in lịch nhắc hạn, báo quá hạn, báo cáo Sở Nội vụ.")
        {
            plan, definition, from, to, done, events, json, emails,
        };
        command.SetAction(result =>
        {
            var folder = WorkflowsFolder.Locate(result.GetValue(workflows));
            if (folder is null)
            {
                error.WriteLine("Không tìm thấy thư mục dữ liệu \"workflows\"; dùng --workflows THƯ_MỤC.");
                return WorkflowCommandLine.InputProblems;
            }

            var problems = new List<string>();
            var fromDate = Date(result.GetValue(from)!, "--from", problems);
            var toDate = Date(result.GetValue(to)!, "--to", problems);
            var doneList = (result.GetValue(done) ?? []).Select(d => ParseDone(d, problems)).OfType<SimulatedDone>().ToList();
            var eventList = (result.GetValue(events) ?? []).Select(e => ParseEvent(e, problems)).OfType<SimulatedEvent>().ToList();
            if (fromDate is { } f && toDate is { } t)
            {
                if (t < f)
                {
                    problems.Add("--to phải sau --from.");
                }
                else if (SimulationBudget.Command.SpanProblem(f, t) is { } span)
                {
                    problems.Add($"--from, --to: {span}");
                }
            }

            if (result.GetValue(emails) is { } emailsFolder && File.Exists(emailsFolder.FullName))
            {
                problems.Add($"--emails {emailsFolder.FullName} là một tệp có sẵn, không phải thư mục: chọn một thư mục (trống hoặc chưa có) để ghi các thư.");
            }

            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                return WorkflowCommandLine.Usage;
            }

            ReferenceData reference;
            DefinitionCatalog catalog;
            DefinitionRules rules;
            try
            {
                reference = ReferenceData.Load(folder);
                var data = Hosting.WorkflowsData.Load(folder);
                data.ReportRefusedDefinitions(error);
                catalog = data.Definitions;
                rules = data.Rules;
            }
            catch (DataFileException e)
            {
                error.WriteLine(e.Message);
                return WorkflowCommandLine.InputProblems;
            }

            WorkflowDefinition? forced = null;
            if (result.GetValue(definition) is { } chosen)
            {
                forced = File.Exists(chosen) ? ReadDefinitionFile(chosen, reference, Notifications.Templates.TemplateSet.TryLoad(Path.Combine(folder, "templates")), error) : catalog.All.Where(d => d.DefinitionId == chosen).MaxBy(d => d.Version);
                if (forced is null)
                {
                    if (!File.Exists(chosen))
                    {
                        error.WriteLine($"Không có tệp hay mã quy trình \"{chosen}\". Các mã: {string.Join(", ", catalog.All.Select(d => d.DefinitionId).Distinct())}.");
                    }

                    return WorkflowCommandLine.InputProblems;
                }
            }

            var read = PlanReader.Read(result.GetValue(plan)!.FullName, reference);
            if (read.Plan is not { } p)
            {
                read.Problems.ToList().ForEach(pr => error.WriteLine(pr));
                error.WriteLine($"Có {read.Problems.Count} lỗi trong kế hoạch: chạy \"workflow plan check\" và sửa trước.");
                return WorkflowCommandLine.InputProblems;
            }

            var unknownTasks = doneList.Select(d => d.Task).Concat(eventList.Select(e => e.Task)).Where(id => p.Find(id) is null).Distinct().ToList();
            if (unknownTasks.Count > 0)
            {
                error.WriteLine($"Kế hoạch {p.Id} không có nhiệm vụ TT {string.Join(", ", unknownTasks)}.");
                return WorkflowCommandLine.Usage;
            }

            var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency), new MilestonePlanner(reference.Agencies, catalog, rules));
            SimulationResult outcome;
            try
            {
                outcome = simulator.Run(p, fromDate!.Value, toDate!.Value, doneList, eventList, forced, SimulationBudget.Command);
            }
            catch (SimulationBudgetExceededException e)
            {
                error.WriteLine(e.Message);
                return WorkflowCommandLine.InputProblems;
            }

            if (result.GetValue(json))
            {
                foreach (var n in outcome.Notifications)
                {
                    WriteJson(output, n);
                }
            }
            else
            {
                WriteTable(output, p, fromDate.Value, toDate.Value, outcome, reference.Agencies);
            }

            if (result.GetValue(emails) is { } emailFolder)
            {
                return WriteEmails(emailFolder, p, outcome, reference, folder, output, error);
            }

            return WorkflowCommandLine.Ok;
        });
        return command;
    }

    /// <summary>
    /// The emails the timeline would send, as .eml files a coordinator can open: the server's
    /// emails for the same days (the same composer, templates, report links and sender), each dated
    /// the simulated moment it goes out.
    /// </summary>
    private static int WriteEmails(DirectoryInfo folder, Plan plan, SimulationResult outcome, ReferenceData reference, string workflows, TextWriter output, TextWriter error)
    {
        Notifications.Templates.TemplateSet set;
        DeliveryOptions options;
        try
        {
            set = Notifications.Templates.TemplateSet.Load(Path.Combine(workflows, "templates"));
            options = DeliverySetup.ConfiguredOptions();
        }
        catch (Exception e) when (e is Notifications.Templates.TemplateException or FormatException)
        {
            error.WriteLine(e.Message);
            return WorkflowCommandLine.InputProblems;
        }

        var links = DeliverySetup.ExistingLinks(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(workflows))!, ".data"));
        var composer = new Notifications.Messages.MessageComposer(set, reference.Agencies, outcome.FactsFor(plan), links is null ? null : links.ForDay);
        var composition = composer.Compose(outcome.Notifications, outcome.Notifications, n => outcome.SentMoment(n).Date);
        var transport = new Notifications.Delivery.PickupFolderTransport(folder.FullName);
        foreach (var email in composition.Emails)
        {
            var sentAt = email.Notifications.Max(outcome.SentMoment).InZoneLeniently(RuntimeClock.Vietnam).ToInstant();
            using var message = Notifications.Delivery.MailMessages.Create(email, options.From, options.ReplyTo, sentAt);
            message.Headers.Add("X-Workflow-Day", email.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            message.Headers.Add("X-Workflow-Recipient", email.Recipient);
            transport.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        }

        foreach (var agency in composition.Unaddressed.Select(u => u.Agency).Distinct(StringComparer.Ordinal))
        {
            error.WriteLine($"Cơ quan \"{agency}\" không có địa chỉ thư trong danh bạ: {composition.Unaddressed.Count(u => u.Agency == agency)} thông báo chưa gửi được.");
        }

        output.WriteLine($"Đã ghi {composition.Emails.Count} thư vào {transport.Folder}.");
        return WorkflowCommandLine.Ok;
    }

    private static WorkflowDefinition? ReadDefinitionFile(string path, ReferenceData reference, Notifications.Templates.TemplateSet? templates, TextWriter error)
    {
        var read = DefinitionCatalog.Checked(WorkflowDefinitionReader.ReadFile(path), d => DefinitionChecks.Problems(d, reference.Agencies, templates));
        foreach (var problem in read.Problems)
        {
            error.WriteLine(problem);
        }

        return read.Definition;
    }

    private static LocalDate? Date(string text, string option, List<string> problems)
    {
        var parsed = Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            parsed = Vietnamese.Parse(text.Trim());
        }

        if (parsed.Success)
        {
            return parsed.Value;
        }

        problems.Add($"{option} \"{text}\" không phải ngày: ghi YYYY-MM-DD, ví dụ 2025-01-01.");
        return null;
    }

    private static SimulatedDone? ParseDone(string text, List<string> problems)
    {
        var equals = text.LastIndexOf('=');
        if (equals <= 0)
        {
            problems.Add($"--done \"{text}\": ghi TT=YYYY-MM-DD hoặc TT/mốc=YYYY-MM-DD, ví dụ 15=2025-03-20 hoặc 3/2=2025-06-30.");
            return null;
        }

        var target = text[..equals];
        int? milestone = null;
        var slash = target.LastIndexOf('/');
        if (slash > 0)
        {
            if (!int.TryParse(target[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                problems.Add($"--done \"{text}\": số mốc sau '/' phải là số từ 1.");
                return null;
            }

            milestone = n;
            target = target[..slash];
        }

        var date = Date(text[(equals + 1)..], "--done", problems);
        if (!TaskId.IsValid(target))
        {
            problems.Add($"--done \"{text}\": \"{target}\" không phải TT của nhiệm vụ.");
            return null;
        }

        return date is null ? null : new SimulatedDone(new TaskId(target), milestone, date.Value);
    }

    private static SimulatedEvent? ParseEvent(string text, List<string> problems)
    {
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || !TaskId.IsValid(text[..equals]))
        {
            problems.Add($"--event \"{text}\": ghi TT=YYYY-MM-DD, ví dụ 6=2025-05-15.");
            return null;
        }

        var date = Date(text[(equals + 1)..], "--event", problems);
        return date is null ? null : new SimulatedEvent(new TaskId(text[..equals]), date.Value);
    }

    private static void WriteJson(TextWriter output, Notification n) => WorkflowCommandLine.WriteJsonLine(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("at", n.At.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        json.WriteString("action", n.Kind.Key());
        json.WriteString("task", n.Task);
        json.WriteNumber("milestone", n.Milestone);
        json.WriteString("due", n.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("to");
        foreach (var to in n.To)
        {
            json.WriteStringValue(to);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteTable(TextWriter output, Plan plan, LocalDate from, LocalDate to, SimulationResult outcome, AgencyDirectory agencies)
    {
        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => AgencyId.TryParse(id, out var agencyId) && agencies.TryGet(agencyId, out var a) ? a.ShortName : id));
        output.WriteLine($"Mô phỏng {plan.Id} — {plan.Title}, từ {Day(from)} đến {Day(to)}");
        foreach (var n in outcome.Notifications)
        {
            var what = n.Kind switch
            {
                NotificationKind.Reminder => "nhắc hạn",
                NotificationKind.Overdue => "báo quá hạn",
                NotificationKind.Email => "gửi thư",
                _ => "báo cáo SNV",
            };
            output.WriteLine($"{n.At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}  {what,-12} TT {n.Task,-8} mốc {n.Milestone,-2} hạn {Day(n.Due)}  → {Names(n.To)}");
        }

        var dormant = outcome.Runs.Count(r => r.Status == RunStatus.Dormant);
        output.WriteLine($"Tổng: {outcome.Notifications.Count(n => n.Kind == NotificationKind.Reminder)} nhắc hạn, {outcome.Notifications.Count(n => n.Kind == NotificationKind.Overdue)} báo quá hạn, {outcome.Notifications.Count(n => n.Kind == NotificationKind.Escalation)} báo cáo Sở Nội vụ; {outcome.Runs.Count} mốc, {dormant} mốc đang chờ sự kiện.");
    }

    private static string Day(LocalDate d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
