namespace Workflow.Definitions;

/// <summary>
/// A data file a coordinator edits (a plan, the agency directory, a calendar, the report calendar)
/// that cannot be read. The message is in Vietnamese and says where and what to do.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int? line, string problem)
        : base(line is null ? $"{file}: {problem}" : $"{file}, dòng {line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public DataFileException()
        : this("?", null, "lỗi không rõ")
    {
    }

    public DataFileException(string message)
        : this("?", null, message)
    {
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "?";
        Problem = message;
    }

    /// <summary>The file's path as given.</summary>
    public string File { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>What is wrong and what to do, without the place.</summary>
    public string Problem { get; }
}
