using Microsoft.EntityFrameworkCore;
using Workflow.Host.Runtime;

namespace Workflow.Host.Persistence;

/// <summary>
/// A milestone's steps as they were written: its opening, kept on its row and signed by its import
/// (<see cref="MilestoneRecord.Opening"/>), then its history rows. Every reader of a timeline reads it here.
/// </summary>
public static class MilestoneSteps
{
    /// <summary>
    /// The steps of <paramref name="milestones"/>, each milestone's in the order they happened (its opening first).
    /// An opening comes back as a <see cref="HistoryRecord"/> that is not a row: its <see cref="HistoryRecord.Id"/> is 0.
    /// </summary>
    public static async Task<List<HistoryRecord>> ReadAsync(WorkflowDbContext db, IReadOnlyCollection<MilestoneRecord> milestones, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(milestones);
        var ids = milestones.Select(m => m.Id).ToList();
        var rows = await db.History.AsNoTracking().Where(h => ids.Contains(h.MilestoneId)).OrderBy(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
        var importIds = milestones.Where(m => m.Opening is not null).Select(m => m.ImportId).OfType<long>().Distinct().ToList();
        var imports = importIds.Count == 0
            ? []
            : await db.Imports.AsNoTracking().Where(i => importIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct).ConfigureAwait(false);
        var openings = milestones
            .Where(m => m.Opening is not null && m.ImportId is { } id && imports.ContainsKey(id))
            .Select(m => Opening(m, imports[m.ImportId!.Value]));
        return [.. openings, .. rows];
    }

    /// <summary>The opening step of <paramref name="milestone"/>, which <paramref name="import"/> created.</summary>
    public static HistoryRecord Opening(MilestoneRecord milestone, ImportRecord import)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(import);
        if (milestone.Opening is not { } opening || milestone.ImportId != import.Id)
        {
            throw new ArgumentException($"milestone {milestone.Id} has no opening from import {import.Id}", nameof(milestone));
        }

        var step = Openings.Of(opening, import.At, milestone.DefinitionId, milestone.DefinitionVersion, StoredDates.Read(milestone.OpeningDue), import.PlanStatus);
        return MilestoneMapping.ToRecord(step, milestone.Id, import.By, import.RecordedAtUtc);
    }
}
