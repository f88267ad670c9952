using Workflow.Host.Tests.Hostile;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The command-line failures measured on main, run as a coordinator's shell runs them (the real
/// program): each was a silent wrong answer or a .NET stack trace; each is now one Vietnamese
/// line, a non-zero exit, and nothing created or changed. The .NET details come with --verbose.
/// </summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-cli-{Guid.NewGuid():N}");
    private readonly string workflows = Path.Combine(WorkflowProcess.Root, "workflows");

    public CommandLineErrorTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Plan => Path.Combine(workflows, "plans", "cchc-2025.csv");

    private (int Exit, string Out, string Err) Run(params string[] args) => WorkflowProcess.Run(directory, [.. args, "--workflows", workflows]);

    private static void AssertOneLine((int Exit, string Out, string Err) run, string refusal)
    {
        Assert.True(run.Exit != 0, $"exit 0: {run.Out}{run.Err}");
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"{lines.Length} lines: {run.Err}");
        Assert.Contains(refusal, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Out + run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_option_without_its_provider_is_refused_and_creates_nothing()
    {
        AssertOneLine(Run("status", "--database", "garbage"), "không ghi rõ loại cơ sở dữ liệu");
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Fact]
    public void A_sqlite_path_in_a_folder_that_does_not_exist_is_refused_and_no_folder_is_made()
    {
        var path = Path.Combine(directory, "no", "such", "dir", "x.db");
        AssertOneLine(Run("status", "--database", "sqlite:" + path), "Chưa có cơ sở dữ liệu");
        AssertOneLine(Run("plan", "import", Plan, "--database", "sqlite:" + path), "không tồn tại");
        Assert.False(Directory.Exists(Path.Combine(directory, "no")));
    }

    [Fact]
    public void Only_serve_and_plan_import_create_a_database_and_they_say_so()
    {
        var path = Path.Combine(directory, "moi.db");
        AssertOneLine(Run("status", "--database", "sqlite:" + path), "chỉ \"workflow serve\" và \"workflow plan import\" tạo cơ sở dữ liệu mới");
        Assert.False(File.Exists(path));

        var (exit, output, error) = Run("plan", "import", Plan, "--database", "sqlite:" + path);
        Assert.True(exit == 0, output + error);
        Assert.Contains($"Tạo cơ sở dữ liệu SQLite mới: {path}.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_file_that_is_not_a_database_and_a_folder_are_refused_and_left_alone()
    {
        var before = File.ReadAllBytes("/etc/passwd");
        AssertOneLine(Run("status", "--database", "sqlite:/etc/passwd"), "không phải cơ sở dữ liệu SQLite");
        AssertOneLine(Run("plan", "import", Plan, "--database", "sqlite:/etc/passwd"), "không phải cơ sở dữ liệu SQLite");
        Assert.Equal(before, File.ReadAllBytes("/etc/passwd"));
        AssertOneLine(Run("status", "--database", "sqlite:" + directory), "là một thư mục");
    }

    [Fact]
    public void An_unreachable_postgresql_is_one_line_and_the_details_come_with_verbose()
    {
        const string Unreachable = "postgresql:Host=127.0.0.1;Port=1;Database=workflow;Username=workflow;Timeout=3";
        AssertOneLine(Run("status", "--database", Unreachable), "Không kết nối được PostgreSQL");

        var verbose = Run("status", "--database", Unreachable, "--verbose");
        Assert.NotEqual(0, verbose.Exit);
        Assert.StartsWith("Không kết nối được PostgreSQL", verbose.Err, StringComparison.Ordinal);
        Assert.Contains("NpgsqlException", verbose.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_an_address_that_is_not_one()
    {
        AssertOneLine(Run("serve", "--urls", "not a url", "--database", "sqlite:" + Path.Combine(directory, "w.db")), "Địa chỉ trang web \"not a url\" không hợp lệ");
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Fact]
    public void Simulate_refuses_a_century_and_a_file_for_its_emails()
    {
        AssertOneLine(Run("simulate", "--plan", Plan, "--from", "2025-01-01", "--to", "2150-01-01"), "nằm ngoài khoảng mô phỏng");
        var before = File.ReadAllBytes("/etc/passwd");
        AssertOneLine(Run("simulate", "--plan", Plan, "--from", "2025-01-01", "--to", "2025-03-01", "--emails", "/etc/passwd"), "là một tệp có sẵn");
        Assert.Equal(before, File.ReadAllBytes("/etc/passwd"));
    }

    [Fact]
    public void Plan_check_refuses_an_xlsx_that_inflates_to_600_MB_at_once()
    {
        var file = Path.Combine(directory, "bom.xlsx");
        File.WriteAllBytes(file, HostilePlanFiles.Bomb(600L * 1024 * 1024));

        var (exit, output, error) = Run("plan", "check", file);

        // "At once": this message comes only from the zip directory's check, before any part is inflated (a part
        // refused while inflating says "một phần của bảng tính …"). A wall-clock bound would measure the machine's load.
        Assert.True(exit == 1, error);
        Assert.Contains($"{file}: bảng tính giải nén ra hơn 100 MB", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reimport_with_fewer_tasks_ends_nothing_until_allowed_and_an_ended_milestone_comes_back()
    {
        var database = "sqlite:" + Path.Combine(directory, "w.db");
        Assert.Equal(0, Run("plan", "import", Plan, "--database", database).Exit);
        var fewer = Path.Combine(directory, "cchc-2025.csv");
        File.WriteAllLines(fewer, File.ReadAllLines(Plan).Where(l => !l.StartsWith("15,", StringComparison.Ordinal)));

        var refused = Run("plan", "import", fewer, "--database", database);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("không còn 1 mốc đang được theo dõi", refused.Out, StringComparison.Ordinal);
        Assert.Contains("TT 15, mốc 1, hạn 31/03/2025", refused.Out, StringComparison.Ordinal);
        Assert.Contains("--allow-removal", refused.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("đã bỏ khỏi kế hoạch", Run("status", "--plan", "cchc-2025", "--database", database).Out, StringComparison.Ordinal);

        var allowed = Run("plan", "import", fewer, "--database", database, "--allow-removal");
        Assert.True(allowed.Exit == 0, allowed.Out + allowed.Err);
        Assert.Contains("1 mốc bỏ khỏi kế hoạch", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("đã bỏ khỏi kế hoạch", Run("status", "--plan", "cchc-2025", "--database", database).Out, StringComparison.Ordinal);

        var restored = Run("task", "restore", "cchc-2025", "15", "--database", database);
        Assert.True(restored.Exit == 0, restored.Out + restored.Err);
        Assert.Contains("Đã khôi phục 1 mốc", restored.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("đã bỏ khỏi kế hoạch", Run("status", "--plan", "cchc-2025", "--database", database).Out, StringComparison.Ordinal);
    }
}
