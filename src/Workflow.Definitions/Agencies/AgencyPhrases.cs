namespace Workflow.Definitions.Agencies;

/// <summary>
/// The language knowledge of a directory besides names: vague phrases, qualifiers, fillers, locality
/// suffixes, distributive prefixes and abbreviations (all as written in <c>agencies.yaml</c>).
/// </summary>
internal sealed record AgencyPhrases(
    IReadOnlyList<string> Vague,
    IReadOnlyList<string> Qualifiers,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> Suffixes,
    IReadOnlyList<(string Prefix, string Head)> Distributive,
    IReadOnlyDictionary<string, string[]> Abbreviations)
{
    public static AgencyPhrases Empty { get; } = new([], [], [], [], [], new Dictionary<string, string[]>(StringComparer.Ordinal));
}
