using System.Globalization;

namespace Workflow.Definitions.Plans;

/// <summary>
/// How large a plan file may be: the file as given (an upload, a file on disk), an XLSX once
/// inflated, its rows, its columns and one cell. A real plan is far inside every bound (the largest
/// seed plan has 120 rows); a file outside one is refused before it can take the server's memory,
/// with a message that names the file and the bound.
/// </summary>
/// <param name="MaxFileBytes">The file as given, CSV or XLSX.</param>
/// <param name="MaxUncompressedBytes">An XLSX's parts once inflated, all together, as its zip directory declares them.</param>
/// <param name="MaxRows">Rows that are not empty.</param>
/// <param name="MaxColumns">Columns of a row (A is 1).</param>
/// <param name="MaxCellLength">Characters of one cell.</param>
public sealed record PlanLimits(long MaxFileBytes, long MaxUncompressedBytes, int MaxRows, int MaxColumns, int MaxCellLength)
{
    /// <summary>The size of a plan file a coordinator gives (<see cref="Default"/>'s <see cref="MaxFileBytes"/>; the web server's upload limit is built on it).</summary>
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Every plan file a coordinator gives: `plan check`, `plan import`, `simulate`, the upload page and the API.</summary>
    public static readonly PlanLimits Default = new(DefaultMaxFileBytes, 100 * 1024 * 1024, 20_000, 50, 4_000);

    /// <summary>For plans the program writes itself (the benchmarks' generated plans of 100,000 tasks); never for a file from outside.</summary>
    public static readonly PlanLimits Generated = new(long.MaxValue, long.MaxValue, int.MaxValue, 50, 4_000);

    /// <summary>The problem of a file over <see cref="MaxFileBytes"/>; <paramref name="size"/> when known.</summary>
    public PlanProblem FileTooLarge(string fileName, long? size) =>
        new(fileName, null, null, null, $"tệp {(size is { } s ? $"nặng {Size(s)}, " : string.Empty)}vượt giới hạn {Size(MaxFileBytes)} của một tệp kế hoạch: hãy bỏ các trang, hình ảnh không cần thiết, hoặc chia thành nhiều kế hoạch.");

    /// <summary>Bytes as a coordinator reads them: "12,5 MB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / (1024.0 * 1024)).ToString("0.#", Vietnamese) + " MB"
        : bytes >= 1024 ? (bytes / 1024.0).ToString("0.#", Vietnamese) + " KB"
        : bytes.ToString(Vietnamese) + " byte";

    /// <summary>A count as a coordinator reads it: "20.000".</summary>
    internal static string Count(long n) => n.ToString("#,0", Vietnamese);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
