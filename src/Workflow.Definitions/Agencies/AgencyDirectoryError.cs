namespace Workflow.Definitions.Agencies;

/// <summary>One thing wrong with an agency directory file, collected so that every error is reported at once.</summary>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Message">What is wrong and what to change (Vietnamese, for the coordinator).</param>
internal sealed record AgencyDirectoryError(int Line, string Message)
{
    /// <summary>
    /// The exception the product uses for a bad data file: the first error's line, and every error in the
    /// text, one a line, each in the form "file, dòng N: ...".
    /// </summary>
    public static DataFileException ToException(string source, IReadOnlyList<AgencyDirectoryError> errors)
    {
        var ordered = errors.OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line).ToList();
        var first = ordered[0];
        var problem = first.Message;
        foreach (var other in ordered.Skip(1))
        {
            problem += Environment.NewLine + (other.Line > 0 ? $"{source}, dòng {other.Line}: {other.Message}" : $"{source}: {other.Message}");
        }

        return new DataFileException(source, first.Line > 0 ? first.Line : null, problem);
    }
}
