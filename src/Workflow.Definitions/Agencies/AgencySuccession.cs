using NodaTime;

namespace Workflow.Definitions.Agencies;

/// <summary>How the duties of an agency that ended pass to its successors.</summary>
public enum HandoverMode
{
    /// <summary>
    /// The duties were divided among the successors by subject (Sở Lao động - Thương binh và Xã hội: labour to Sở Nội vụ,
    /// social protection to Sở Y tế, vocational training to Sở Giáo dục và Đào tạo): a milestone goes to ONE of them,
    /// which a coordinator picks; until then the first listed is chased and the milestone is flagged for review.
    /// </summary>
    One,

    /// <summary>
    /// Every successor takes the duty for its own part (a district People's Committee: each commune formed on its
    /// territory): a milestone goes to all of them.
    /// </summary>
    All,
}

/// <summary>
/// Who takes over an ended agency's duties, from which day, and on what authority.
/// </summary>
/// <param name="On">The first day the successors hold the duties (the day after the agency's last day).</param>
/// <param name="Successors">The successors' ids, in the order the source lists them; the first is chased by default under <see cref="HandoverMode.One"/>.</param>
/// <param name="Mode">Whether one successor or all of them take a milestone.</param>
/// <param name="Source">The documents that decided it, with number and date ("Nghị định 45/2025/NĐ-CP ngày 28/02/2025").</param>
/// <param name="Unconfirmed">True when part of the change could not be checked against a public source.</param>
/// <param name="Note">What is unconfirmed, or how the successors were chosen.</param>
public sealed record AgencySuccession(LocalDate On, IReadOnlyList<AgencyId> Successors, HandoverMode Mode, string Source, bool Unconfirmed = false, string? Note = null)
{
    /// <summary>True when the duties were divided among several successors and a coordinator picks one per milestone.</summary>
    public bool NeedsChoice => Mode == HandoverMode.One && Successors.Count > 1;
}

/// <summary>One handover a milestone went through: the agency that ended, who took its duties, from when, on what authority.</summary>
/// <param name="From">The agency that ended.</param>
/// <param name="To">The agencies that now hold the milestone: the first listed successor under <see cref="HandoverMode.One"/>, all of them under <see cref="HandoverMode.All"/>.</param>
/// <param name="Succession">The directory's record of the change.</param>
public sealed record AgencyHandover(Agency From, IReadOnlyList<Agency> To, AgencySuccession Succession);

/// <summary>The lead of a milestone after the handovers due on a day.</summary>
/// <param name="Leads">Who is chased now, without repeats, in the order of the former leads.</param>
/// <param name="Handovers">Every handover applied, in order (a chain gives several).</param>
public sealed record LeadSuccession(IReadOnlyList<AgencyId> Leads, IReadOnlyList<AgencyHandover> Handovers)
{
    /// <summary>True when some duty was divided among several successors: a coordinator should pick one.</summary>
    public bool NeedsChoice => Handovers.Any(h => h.Succession.NeedsChoice);
}
