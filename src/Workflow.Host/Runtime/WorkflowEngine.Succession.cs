using NodaTime;
using Workflow.Definitions.Agencies;

namespace Workflow.Host.Runtime;

/// <summary>Who leads a milestone when an agency it names has ended: handovers to successors, a coordinator's choice.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Who leads an open milestone on <paramref name="day"/>: when a lead agency has ended, its duties
    /// pass to its successors from the day after (all of them when each took its own territory; the
    /// first listed when the duties were divided, and the milestone is flagged for a coordinator to
    /// pick). The timeline records each handover with its source. Returns true when the lead changed.
    /// </summary>
    public bool HandOver(MilestoneRun run, LocalDate day, LocalDateTime now)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (options.Agencies is not { } agencies || run.DoneOn is not null || agencies.SucceedOn(run.Lead, day) is not { } succession)
        {
            return false;
        }

        if (run.FormerLead.Count == 0)
        {
            run.FormerLead = run.Lead;
        }

        run.Lead = succession.Leads;
        run.LeadUnderReview |= succession.NeedsChoice;
        foreach (var handover in succession.Handovers)
        {
            run.History.Add(new HistoryEntry(now, null, "chuyển giao", AgencyDirectory.DescribeHandover(handover)));
        }

        return true;
    }

    /// <summary>True when some agency of <paramref name="lead"/> had ended by <paramref name="day"/>, so its duties belong to a successor.</summary>
    public bool NeedsHandOver(IReadOnlyList<AgencyId> lead, LocalDate day) =>
        options.Agencies?.SucceedOn(lead, day) is not null;

    /// <summary>A coordinator picks which successor takes a milestone whose former lead's duties were divided.</summary>
    /// <returns>Null when done; otherwise why not (Vietnamese, for the coordinator).</returns>
    public string? ChooseLead(MilestoneRun run, AgencyId chosen, LocalDateTime now, string who)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (options.Agencies is not { } agencies || run.FormerLead.Count == 0)
        {
            return "mốc này không có cơ quan chủ trì nào đã kết thúc hoạt động, nên không có gì để chọn.";
        }

        var choices = agencies.SuccessorChoices(run.FormerLead, now.Date);
        if (!choices.Any(c => c.Id == chosen))
        {
            return choices.Count == 0
                ? "nhiệm vụ của cơ quan cũ không chia cho nhiều cơ quan, nên không có gì để chọn."
                : $"\"{chosen}\" không phải cơ quan kế nhiệm có thể chọn; chọn một trong: {string.Join(", ", choices.Select(c => $"{c.Name} ({c.Id})"))}.";
        }

        var lead = run.Lead.Select(id => choices.Any(c => c.Id == id) ? chosen : id).Distinct().ToList();
        if (!lead.Contains(chosen))
        {
            lead.Insert(0, chosen);
        }

        run.Lead = lead;
        run.LeadUnderReview = false;
        run.History.Add(new HistoryEntry(now, null, "chọn cơ quan chủ trì", $"{who} giao mốc cho {agencies.Get(chosen).Name}"));
        return null;
    }

    /// <summary>Who holds the duties of <paramref name="ids"/> on <paramref name="day"/> (coordinating agencies, an escalation's addressee).</summary>
    private IReadOnlyList<AgencyId> Holders(IReadOnlyList<AgencyId> ids, LocalDate day) =>
        options.Agencies?.SucceedOn(ids, day)?.Leads ?? ids;
}
