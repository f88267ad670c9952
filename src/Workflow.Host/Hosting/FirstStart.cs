using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Hosting;

/// <summary>
/// The plans a server imports by itself when it starts: on a store with no plan, every plan file of the workflows
/// folder (the first start); and, when a first start was stopped (Ctrl+C, a crash) before it had imported them all,
/// the files it left, at the next start.
/// </summary>
/// <remarks>
/// The store says nothing of a first start that did not finish (and its schema has no place to), so the files left
/// are told by what the store does hold. They are the folder's plan files that were already there when the first
/// start began (last written before its first import) and whose plan is not stored, while nobody has acted on the
/// store yet: every step in it was taken by the first start or by the system (its timers, its closings). A plan
/// already stored is never imported again; a file added or changed since, or any act of a person (an import, a
/// report, a closing by hand), leaves the folder's other files to the coordinator (<c>workflow plan import</c>). Files
/// that do not read resume nothing by themselves: they are read again only beside a plan that was left.
/// </remarks>
internal static class FirstStart
{
    /// <summary>Who the steps of the plans a start imports by itself are recorded as taken by.</summary>
    public const string By = "khởi tạo";

    /// <summary>The plans to import: the files read, in the folder's order, and whether they finish an interrupted first start.</summary>
    public sealed record Seeding(bool Resumes, IReadOnlyList<(string File, PlanReadResult Read)> Files);

    /// <summary>
    /// What this start imports by itself: every plan file on a store with no plan; what an interrupted first start
    /// left (see the remarks on <see cref="FirstStart"/>); else nothing. An open-ended plan's recurring milestones
    /// run through <paramref name="openEndedThrough"/>.
    /// </summary>
    public static async Task<Seeding> PlanFilesAsync(WorkflowsData data, IDbContextFactory<WorkflowDbContext> databases, int openEndedThrough, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stored = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Source, p.ImportedAtUtc }).ToListAsync(ct).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return new Seeding(false, Read(data, data.PlanFiles, openEndedThrough));
        }

        // The first start began before its first import; a file written since came later, from someone else.
        var began = stored.Min(p => p.ImportedAtUtc);
        var sources = stored.Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
        var left = data.PlanFiles.Where(f => !sources.Contains(f) && Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(f)) < began).ToList();
        if (left.Count == 0 || await AnyoneActedAsync(db, ct).ConfigureAwait(false))
        {
            return new Seeding(false, []);
        }

        // A file may hold a stored plan under another name (the folder moved): only plans not stored are left.
        // A file that does not read is no sign of an interruption: the first start skipped it and said why. Left
        // alone it would be read, and the interruption announced, at every start after.
        var ids = stored.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var files = Read(data, left, openEndedThrough).Where(f => f.Read.Plan is not { } plan || !ids.Contains(plan.Id.Value)).ToList();
        return files.Any(f => f.Read.Plan is not null) ? new Seeding(true, files) : new Seeding(false, []);
    }

    /// <summary>
    /// Whether someone other than a start's own import and the system acted on the store: imported a plan (an import
    /// record; a store older than those records has its imports' first steps as history rows), took a step of a
    /// milestone, or changed a plan's status.
    /// </summary>
    private static async Task<bool> AnyoneActedAsync(WorkflowDbContext db, CancellationToken ct) =>
        await db.Imports.AnyAsync(i => i.By != By && !i.By.StartsWith(PlanLifecycle.System), ct).ConfigureAwait(false)
        || await db.PlanStatusHistory.AnyAsync(s => s.By != By && !s.By.StartsWith(PlanLifecycle.System), ct).ConfigureAwait(false)
        || await db.History.AnyAsync(h => h.By != By && !h.By.StartsWith(PlanLifecycle.System), ct).ConfigureAwait(false);

    private static List<(string File, PlanReadResult Read)> Read(WorkflowsData data, IEnumerable<string> files, int openEndedThrough) =>
        [.. files.Select(f => (f, PlanReader.Read(f, data.Reference, openEndedThrough: openEndedThrough)))];
}
