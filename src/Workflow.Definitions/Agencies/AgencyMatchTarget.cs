namespace Workflow.Definitions.Agencies;

/// <summary>What a matched name stands for.</summary>
internal sealed record AgencyMatchTarget(AgencyMentionKind Kind, Agency? Agency, AgencyGroup? Group, string Display)
{
    /// <summary>Agencies that share the spelling at different times, oldest first (their validity never overlaps); empty when only <see cref="Agency"/> has it.</summary>
    public IReadOnlyList<Agency> Versions { get; init; } = [];

    /// <summary>The agency this spelling names on <paramref name="on"/>: the version in existence that day, else the latest that ended before it (its duties then pass on), else the earliest.</summary>
    public Agency? AgencyOn(NodaTime.LocalDate? on, bool former = false)
    {
        if (Versions.Count == 0 || on is not { } day)
        {
            return Agency;
        }

        if (!former && Versions.FirstOrDefault(v => v.IsActiveOn(day)) is { } current)
        {
            return current;
        }

        return Versions.LastOrDefault(v => v.Ended is { } ended && ended < day) ?? Versions[0];
    }
}
