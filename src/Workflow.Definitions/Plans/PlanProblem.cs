namespace Workflow.Definitions.Plans;

/// <summary>
/// Something wrong in a plan file, with where it is (row and column as a spreadsheet shows them)
/// and what to do. Messages are in Vietnamese: coordinators read them.
/// </summary>
/// <param name="File">The file's name as given.</param>
/// <param name="Row">The 1-based row, or null for the whole file.</param>
/// <param name="Column">The column's letter ("G"), or null.</param>
/// <param name="ColumnName">The column's heading ("Thời gian hoàn thành"), or null.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record PlanProblem(string File, int? Row, string? Column, string? ColumnName, string Message)
{
    public override string ToString()
    {
        var where = Row is null ? File : Column is null ? $"{File}, dòng {Row}" : $"{File}, dòng {Row}, cột {Column}{(ColumnName is null ? string.Empty : $" ({ColumnName})")}";
        return $"{where}: {Message}";
    }

    /// <summary>The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
