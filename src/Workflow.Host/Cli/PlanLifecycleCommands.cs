using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;

namespace Workflow.Host.Cli;

/// <summary>`workflow plan list [--json]` and `workflow plan close|reopen|archive PLAN [--on DATE] [--reason TEXT]`.</summary>
internal static class PlanLifecycleCommands
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern Vietnamese = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    public static void AddTo(Command plan, TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        plan.Subcommands.Add(List(output, error, workflows, database));
        plan.Subcommands.Add(Change(PlanAction.Close, "close", "Đóng một kế hoạch: ngừng nhắc mọi mốc còn mở; mọi mốc vẫn có trong báo cáo và dòng thời gian.", output, error, workflows, database));
        plan.Subcommands.Add(Change(PlanAction.Reopen, "reopen", "Mở lại một kế hoạch đã đóng: nhắc lại các mốc còn mở từ hôm nay (mốc đã quá hạn nhận một thông báo quá hạn, không gửi bù).", output, error, workflows, database));
        plan.Subcommands.Add(Change(PlanAction.Archive, "archive", "Lưu trữ một kế hoạch: như đóng, và ẩn khỏi các trang mặc định.", output, error, workflows, database));
    }

    private static Command List(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Mỗi kế hoạch một dòng JSON {\"plan\", \"number\", \"title\", \"year\", \"years\", \"status\", \"milestones\"}." };
        var command = new Command("list", "Các kế hoạch đã nhập: năm theo dõi, trạng thái (đang theo dõi, đã đóng, đã lưu trữ: ai, ngày nào, vì sao), số mốc.") { json };
        command.SetAction(async (result, ct) =>
        {
            if (RuntimeCommands.Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await RuntimeCommands.WithRuntimeAsync(data, settings, async (runtime, services) =>
            {
                var queries = new ProgressQueries(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext>>(), data.Reference.Agencies);
                var plans = await queries.PlanListAsync(runtime.DefaultClosing, ct).ConfigureAwait(false);
                if (result.GetValue(json))
                {
                    foreach (var p in plans)
                    {
                        WorkflowCommandLine.WriteJsonLine(output, w =>
                        {
                            w.WriteStartObject();
                            w.WriteString("plan", p.PlanId);
                            w.WriteString("number", p.Number);
                            w.WriteString("title", p.Title);
                            w.WriteNumber("year", p.Year);
                            w.WriteString("years", p.Years);
                            w.WriteString("status", PlanStatuses.Key(p.Status));
                            w.WriteNumber("milestones", p.Milestones);
                            w.WriteEndObject();
                        });
                    }

                    return WorkflowCommandLine.Ok;
                }

                if (plans.Count == 0)
                {
                    output.WriteLine("Chưa có kế hoạch nào: nhập bằng \"workflow plan import TỆP\" hoặc trang /nhap-ke-hoach.");
                    return WorkflowCommandLine.Ok;
                }

                foreach (var p in plans)
                {
                    output.WriteLine($"{p.PlanId,-12} {p.Number ?? "—",-12} {p.Years,-10} {Describe(p)}; {p.Milestones} mốc — {p.Title}");
                }

                var active = plans.Count(p => p.Status == PlanStatus.Active);
                output.WriteLine(active == 0
                    ? $"{plans.Count} kế hoạch, không kế hoạch nào đang theo dõi: nhập kế hoạch mới bằng \"workflow plan import TỆP\" hoặc trang /nhap-ke-hoach."
                    : $"{plans.Count} kế hoạch, {active} đang theo dõi.");
                return WorkflowCommandLine.Ok;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>"đang theo dõi đến hết 31/01/2026", "đã đóng ngày 01/02/2026 (hệ thống: hết thời gian theo dõi…)".</summary>
    internal static string Describe(PlanSummary plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var label = PlanStatuses.Label(plan.Status);
        if (plan.Status == PlanStatus.Active)
        {
            return plan.LastDay is { } last ? $"{label} đến hết {PlanLifecycle.Day(last)}" : $"{label} đến khi đóng";
        }

        var on = plan.StatusOn is { } day ? $" ngày {PlanLifecycle.Day(day)}" : string.Empty;
        var why = plan.StatusBy is null ? string.Empty : $" ({plan.StatusBy}{(plan.StatusReason is null ? string.Empty : ": " + plan.StatusReason)})";
        return label + on + why;
    }

    private static Command Change(PlanAction action, string name, string description, TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch, ví dụ cchc-2025 (xem \"workflow plan list\")." };
        var on = new Option<string?>("--on") { Description = "Ngày ghi nhận, YYYY-MM-DD hoặc dd/MM/yyyy (mặc định hôm nay; không nhận ngày chưa đến)." };
        var reason = new Option<string?>("--reason") { Description = "Lý do, ghi vào lịch sử kế hoạch." };
        var command = new Command(name, description) { plan, on, reason };
        Option<bool>? fromArchive = null;
        if (action == PlanAction.Reopen)
        {
            fromArchive = new Option<bool>("--from-archive") { Description = "Cho phép mở lại một kế hoạch đã lưu trữ (không có cờ này thì từ chối)." };
            command.Options.Add(fromArchive);
        }

        command.SetAction(async (result, ct) =>
        {
            var id = result.GetValue(plan)!;
            if (!PlanId.IsValid(id))
            {
                error.WriteLine($"\"{id}\" không phải mã kế hoạch: chữ thường không dấu, số và dấu '-', ví dụ cchc-2025 (xem \"workflow plan list\").");
                return WorkflowCommandLine.Usage;
            }

            LocalDate? day = null;
            if (result.GetValue(on) is { } text)
            {
                day = ParseDay(text);
                if (day is null)
                {
                    error.WriteLine($"--on \"{text}\" không phải ngày: ghi YYYY-MM-DD hoặc dd/MM/yyyy, ví dụ 2026-01-31 hoặc 31/01/2026.");
                    return WorkflowCommandLine.Usage;
                }
            }

            if (RuntimeCommands.Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            return await RuntimeCommands.WithRuntimeAsync(data, settings, async (runtime, _) =>
            {
                var request = new PlanStatusRequest(new PlanId(id), action, day, result.GetValue(reason), "điều phối viên (dòng lệnh)", fromArchive is not null && result.GetValue(fromArchive));
                var changed = await runtime.ChangePlanStatusAsync(request, ct).ConfigureAwait(false);
                (changed.Changed ? output : error).WriteLine(changed.Message);
                return changed.Changed ? WorkflowCommandLine.Ok : WorkflowCommandLine.InputProblems;
            }, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A day written YYYY-MM-DD or dd/MM/yyyy, or null.</summary>
    internal static LocalDate? ParseDay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parsed = Iso.Parse(trimmed);
        if (!parsed.Success)
        {
            parsed = Vietnamese.Parse(trimmed);
        }

        return parsed.Success ? parsed.Value : null;
    }
}
