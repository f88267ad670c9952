namespace Workflow.Definitions.Agencies;

/// <summary>One thing wrong with an agency directory file, collected so that every error is reported at once.</summary>
/// <param name="Source">The file the error is in (the directory may span several: agencies.yaml and the files it includes).</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Message">What is wrong and what to change (Vietnamese, for the coordinator).</param>
internal sealed record AgencyDirectoryError(string Source, int Line, string Message)
{
    /// <summary>
    /// The exception the product uses for a bad data file: the first error's file and line, and every error in the
    /// text, one a line, each in the form "file, dòng N: ...".
    /// </summary>
    public static DataFileException ToException(IReadOnlyList<AgencyDirectoryError> errors)
    {
        var ordered = errors.Select((e, i) => (e, i)).OrderBy(p => p.e.Source == errors[0].Source ? 0 : 1).ThenBy(p => p.e.Source, StringComparer.Ordinal)
            .ThenBy(p => p.e.Line == 0 ? int.MaxValue : p.e.Line).ThenBy(p => p.i).Select(p => p.e).ToList();
        var first = ordered[0];
        var problem = first.Message;
        foreach (var other in ordered.Skip(1))
        {
            problem += Environment.NewLine + (other.Line > 0 ? $"{other.Source}, dòng {other.Line}: {other.Message}" : $"{other.Source}: {other.Message}");
        }

        return new DataFileException(first.Source, first.Line > 0 ? first.Line : null, problem);
    }
}
