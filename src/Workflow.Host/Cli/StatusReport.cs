using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Notifications;

namespace Workflow.Host.Cli;

/// <summary>`workflow status`: where every milestone stands, and the outbox (until delivery lands, what would be sent).</summary>
internal static class StatusReport
{
    public static async Task WriteAsync(TextWriter output, WorkflowsData data, DatabaseSettings settings, IDbContextFactory<WorkflowDbContext> databases, LocalDateTime now, string? plan, string? agency, bool overdueOnly, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Milestones.AsNoTracking();
        if (plan is not null)
        {
            query = query.Where(m => m.PlanId == plan);
        }

        var rows = await query.OrderBy(m => m.PlanId).ThenBy(m => m.EffectiveDue).ThenBy(m => m.TaskId).ThenBy(m => m.Number).ToListAsync(ct).ConfigureAwait(false);
        if (agency is not null)
        {
            rows = rows.Where(r => MilestoneMapping.LeadIds(r.Lead).Contains(agency, StringComparer.Ordinal)).ToList();
        }

        var rules = ProgressRules.For(now.Date);
        if (overdueOnly)
        {
            rows = rows.Where(r => State(r, rules).Overdue).ToList();
        }

        output.WriteLine($"Tình hình ngày {now.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} — {settings}");
        output.WriteLine("Kế hoạch    TT         Mốc Hạn hiệu lực  Trạng thái                 Hẹn kế tiếp        Chủ trì");
        foreach (var r in rows)
        {
            var (label, _) = State(r, rules);
            var lead = r.FormerLead is { } former && MilestoneMapping.LeadIds(r.Lead).Length <= 3
                ? data.Reference.Agencies.DescribeLead([.. MilestoneMapping.LeadIds(former).Select(id => new AgencyId(id))], [.. MilestoneMapping.LeadIds(r.Lead).Select(id => new AgencyId(id))], shortNames: true)
                    + (r.LeadReview ? " [cần chọn cơ quan chủ trì]" : string.Empty)
                : Agencies(data, r.Lead);
            var next = r.BookmarkAt is { } at ? at.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;
            output.WriteLine($"{r.PlanId,-11} {r.TaskId,-10} {r.Number,3} {MilestoneMapping.Day(r.EffectiveDue),-13} {label,-26} {next,-18} {lead}");
            if (r.Fault is { } fault)
            {
                output.WriteLine($"  Lỗi quy trình ở hoạt động {fault}");
            }
        }

        output.WriteLine($"{rows.Count} mốc.");

        var outbox = await db.Outbox.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        output.WriteLine($"Hộp thư đi: {string.Join(", ", outbox.Select(o => $"{o.Count} {OutboxName(o.Key)}"))}{(outbox.Count == 0 ? "trống" : string.Empty)}.");
        var dead = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Dead).OrderBy(o => o.At).Take(20).ToListAsync(ct).ConfigureAwait(false);
        foreach (var d in dead)
        {
            output.WriteLine($"  Không gửi được: {d.Key} — {d.LastError}");
        }

        var pending = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending).OrderByDescending(o => o.At).Take(10).ToListAsync(ct).ConfigureAwait(false);
        foreach (var p in pending)
        {
            output.WriteLine($"  Chờ gửi: {p.At.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture)} {p.Kind.Label()} {p.PlanId}/{p.TaskId}/{p.Milestone} → {Agencies(data, p.To)}");
        }
    }

    /// <summary>Short names, or how many when they are many (a cell such as "Các sở, ban, ngành" names dozens).</summary>
    private static string Agencies(WorkflowsData data, string ids)
    {
        var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return list.Length > 3
            ? $"{list.Length} cơ quan"
            : string.Join(", ", list.Select(id => AgencyId.TryParse(id, out var agency) && data.Reference.Agencies.TryGet(agency, out var a) ? a.ShortName : id));
    }

    /// <summary>The dashboard's verdict (<see cref="ProgressRules"/>), with the detail a terminal line has room for.</summary>
    private static (string Label, bool Overdue) State(MilestoneRecord r, ProgressRules rules)
    {
        switch (rules.StateOf(r))
        {
            case null:
                return (r.RemovedBy is null ? "đã bỏ khỏi kế hoạch" : $"đã bỏ khỏi kế hoạch ({r.RemovedBy})", false);
            case ProgressState.Done:
                return (rules.Compiled(rules.DoneLate)(r) ? "hoàn thành quá hạn" : "hoàn thành", false);
            case ProgressState.Overdue:
                return ($"quá hạn {rules.Today.ToDateOnly().DayNumber - r.EffectiveDue!.Value.DayNumber} ngày", true);
            case ProgressState.NotYetDue when r.EffectiveDue is null:
                return ("chưa có hạn", false);
            case { } state:
                return (state.Label(), false);
        }
    }

    private static string OutboxName(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "chờ gửi",
        OutboxStatus.Sent => "đã gửi",
        _ => "không gửi được",
    };
}
