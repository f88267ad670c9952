using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Coordination;

/// <summary>
/// Plans as a whole: the list, their status (close, reopen, archive) and its history, an uploaded
/// plan file imported (and kept), and the milestones a re-import took out, restored one at a time.
/// </summary>
public sealed partial class CoordinationService
{
    /// <summary>The imported plans, newest tracked year first.</summary>
    public async Task<IReadOnlyList<PlanRecord>> PlansAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Plans.AsNoTracking().OrderByDescending(p => p.TrackedYear).ThenBy(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes, reopens or archives a plan (the plan page's buttons and the API): the runtime's
    /// <see cref="WorkflowRuntime.ChangePlanStatusAsync"/>; a refusal says why and changes nothing.
    /// </summary>
    public async Task<Outcome> ChangePlanStatusAsync(string plan, PlanAction action, LocalDate? on, string? reason, bool fromArchive, string by, CancellationToken ct = default)
    {
        if (!PlanId.IsValid(plan))
        {
            return Outcome.NotFound($"Không có kế hoạch \"{plan}\".");
        }

        var result = await runtime.ChangePlanStatusAsync(new PlanStatusRequest(new PlanId(plan), action, on, reason, by, fromArchive), ct).ConfigureAwait(false);
        return new Outcome(result.Changed, result.Message, result.Unknown);
    }

    /// <summary>Every status change of a plan, newest first.</summary>
    public async Task<IReadOnlyList<PlanStatusRecord>> PlanHistoryAsync(string plan, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.PlanStatusHistory.AsNoTracking().Where(h => h.PlanId == plan).OrderByDescending(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads an uploaded plan with the same checks as <c>workflow plan check</c>, within
    /// <see cref="PlanLimits.Default"/> (the upload is read up to its limit and no further); imports
    /// it only when nothing is wrong (nothing is half-imported). A re-import that would take
    /// milestones out of the plan imports nothing and lists them, unless <paramref name="allowRemoval"/>
    /// or <paramref name="confirmed"/> is the <see cref="PlanUpload.Fingerprint"/> of this very file
    /// (the page's confirmation of the list it showed). The file then joins the coordinator's plans in
    /// workflows/plans, as PLAN-ID.csv or .xlsx (replacing that plan's file), so that the designer's
    /// dry runs and a fresh database see it too.
    /// </summary>
    public async Task<PlanUpload> ImportAsync(Stream content, string fileName, string by, bool allowRemoval = false, string? confirmed = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limits = PlanLimits.Default;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + n > limits.MaxFileBytes)
            {
                return new PlanUpload(null, [limits.FileTooLarge(fileName, null)]);
            }

            copy.Write(buffer, 0, n);
        }

        var bytes = copy.ToArray();
        var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        copy.Position = 0;
        var read = PlanReader.Read(copy, fileName, data.Reference, limits, clock.Now.Year);
        if (read.Plan is not { } plan)
        {
            return new PlanUpload(null, read.Problems);
        }

        var result = await runtime.ImportAsync(plan, by, allowRemoval || string.Equals(confirmed, fingerprint, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
        if (!result.RemovalRefused)
        {
            await KeepPlanFileAsync(plan.Id.Value, Path.GetExtension(fileName), bytes, ct).ConfigureAwait(false);
        }

        return new PlanUpload(result, []) { Fingerprint = fingerprint, Warnings = read.Warnings };
    }

    /// <summary>Milestones a re-import took out of a plan, newest removal first, with their tasks.</summary>
    public async Task<IReadOnlyList<RemovedMilestone>> RemovedMilestonesAsync(CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await (from m in db.Milestones.AsNoTracking()
                          join t in db.Tasks.AsNoTracking() on new { m.PlanId, m.TaskId } equals new { t.PlanId, t.TaskId }
                          where m.Status == RunStatus.Finished && m.DoneOn == null
                          select new RemovedMilestone(m, t)).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.Milestone.RemovedAtUtc).ThenBy(r => r.Milestone.PlanId, StringComparer.Ordinal).ThenBy(r => r.Task.Row).ThenBy(r => r.Milestone.Number)];
    }

    /// <summary>Puts a milestone a re-import took out of its plan back: it is chased again from today.</summary>
    public async Task<Outcome> RestoreAsync(long milestoneId, string by, CancellationToken ct = default)
    {
        if (await MilestoneAsync(milestoneId, ct).ConfigureAwait(false) is not { } m)
        {
            return NoMilestone();
        }

        if (m.Status != RunStatus.Finished || m.DoneOn is not null)
        {
            return Outcome.Refused("Mốc này không bị bỏ khỏi kế hoạch, không cần khôi phục.");
        }

        var restored = await runtime.RestoreAsync(new PlanId(m.PlanId), new TaskId(m.TaskId), m.Number, by, ct).ConfigureAwait(false);
        return restored == 0
            ? Outcome.Refused("Mốc này vừa được người khác khôi phục; hãy tải lại trang.")
            : Outcome.Done($"Đã khôi phục mốc {m.Number} của nhiệm vụ {m.TaskId} ({m.PlanId}) vào kế hoạch: mốc được theo dõi và nhắc hạn lại từ hôm nay.");
    }

    private async Task KeepPlanFileAsync(string planId, string extension, byte[] bytes, CancellationToken ct)
    {
        var folder = Path.Combine(data.Folder, "plans");
        Directory.CreateDirectory(folder);
        extension = extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ".xlsx" : ".csv";
        var target = Path.Combine(folder, planId + extension);
        var temporary = target + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
        var other = Path.Combine(folder, planId + (extension == ".csv" ? ".xlsx" : ".csv"));
        if (File.Exists(other))
        {
            File.Delete(other); // one file a plan: the one just imported
        }
    }
}
