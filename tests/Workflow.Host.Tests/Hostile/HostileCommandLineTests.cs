namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// Command lines made of mistakes and traps: a database option without its provider, a path to
/// invent, a file that is not a database, a folder, an unreachable PostgreSQL, addresses that are
/// not addresses, simulations of a century, files where folders go. Each is refused with a
/// Vietnamese message and a non-zero exit, without a stack trace, and nothing changes: not the
/// database, not the workflows folder, no file or folder appears.
/// </summary>
public sealed class HostileCommandLineTests(Workspace workspace) : IClassFixture<Workspace>
{
    /// <summary>Arguments ({ws} the workspace, {wf} its workflows folder, {plan} the 2025 plan, {text} a text file), the refusal, and whether it must be one line.</summary>
    public static TheoryData<string, string, bool> Cases => new()
    {
        // The database option.
        { "status --database garbage", "không ghi rõ loại cơ sở dữ liệu", true },
        { "status --database mysql:x", "không ghi rõ loại cơ sở dữ liệu", true },
        { "status --database Host=127.0.0.1;Database=x", "không ghi rõ loại cơ sở dữ liệu", true },
        { "status --database sqlite:", "thiếu đường dẫn", true },
        { "status --database postgresql:", "cần Host", true },
        { "status --database postgresql:Database=x", "cần Host", true },
        { "status --database postgresql:Host=127.0.0.1;Port=notaport", "chuỗi kết nối PostgreSQL không hợp lệ", true },
        { "status --database postgresql:Host=127.0.0.1;Bogus_Key=1", "chuỗi kết nối PostgreSQL không hợp lệ", true },
        { "status --database postgresql:Host=127.0.0.1;Port=1;Timeout=2;Database=x;Username=y", "Không kết nối được PostgreSQL", true },
        { "status --database sqlite:{ws}/khong-co/x.db", "Chưa có cơ sở dữ liệu", true },
        { "status --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "task done cchc-2025 15 --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "event cchc-2025 6 --on 2025-05-01 --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "user add nguyenvana --password mat-khau-du-dai --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "user list --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "task restore cchc-2025 15 --database sqlite:{ws}/moi.db", "Chưa có cơ sở dữ liệu", true },
        { "plan import {plan} --database sqlite:{ws}/khong-co/x.db", "không tồn tại", true },
        { "serve --urls http://127.0.0.1:0 --database sqlite:{ws}/khong-co/x.db", "không tồn tại", true },
        { "status --database sqlite:{text}", "không phải cơ sở dữ liệu SQLite", true },
        { "plan import {plan} --database sqlite:{text}", "không phải cơ sở dữ liệu SQLite", true },
        { "serve --urls http://127.0.0.1:0 --database sqlite:{text}", "không phải cơ sở dữ liệu SQLite", true },
        { "task done cchc-2025 15 --database sqlite:{text}", "không phải cơ sở dữ liệu SQLite", true },
        { "status --database sqlite:{ws}", "là một thư mục", true },
        { "plan import {plan} --database sqlite:{wf}", "là một thư mục", true },
        { "serve --urls http://127.0.0.1:0 --database sqlite:{wf}", "là một thư mục", true },
        { "status --database", "Dòng lệnh sai", true },

        // The server's options.
        { "serve --urls not-a-url", "không hợp lệ", true },
        { "serve --urls ftp://127.0.0.1:21", "chỉ http hoặc https", true },
        { "serve --urls http://127.0.0.1:99999", "cổng từ 0 đến 65535", true },
        { "serve --urls http://", "Địa chỉ trang web", true },
        { "serve --urls http://127.0.0.1:0 --smtp khong-co-cong", "Máy chủ thư", true },
        { "serve --urls http://127.0.0.1:0 --smtp smtp.example:cong", "Máy chủ thư", true },

        // Simulations.
        { "simulate --plan {plan} --from 2025-01-01 --to 2150-01-01", "nằm ngoài khoảng mô phỏng", true },
        { "simulate --plan {plan} --from 1800-01-01 --to 1800-02-01", "nằm ngoài khoảng mô phỏng", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2035-01-01", "vượt giới hạn", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2024-01-01", "--to phải sau --from", true },
        { "simulate --plan {plan} --from hom-nay --to 2025-03-01", "không phải ngày", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --emails {text}", "là một tệp có sẵn", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --done abc", "--done", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --done 15/x=2025-01-01", "số mốc", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --event x", "--event", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --done 999=2025-01-01", "không có nhiệm vụ TT 999", true },
        { "simulate --plan {plan} --from 2025-01-01 --to 2025-03-01 --definition {ws}/khong-co.json", "Không có tệp hay mã quy trình", true },
        { "simulate --plan {text} --from 2025-01-01 --to 2025-03-01", "không thấy dòng tiêu đề", false },
        { "simulate --plan {ws} --from 2025-01-01 --to 2025-03-01", "là một thư mục", false },
        { "simulate --plan {ws}/khong-co.csv --from 2025-01-01 --to 2025-03-01", "không có tệp này", false },

        // Plan files and identifiers.
        { "plan check {ws}", "là một thư mục", false },
        { "plan calendar {text}", "không thấy dòng tiêu đề", false },
        { "plan import {text}", "không thấy dòng tiêu đề", false },
        { "task done cchc-2025 a/b", "không phải TT", true },
        { "task done ../x 1", "không phải mã kế hoạch", true },
        { "task restore ../x 1", "không phải mã kế hoạch", true },
        { "deadline --year 99999 Quý_I/2025", "nằm ngoài", true },
        { "deadline --year 2025 --issued 2025-13-45 Quý_I/2025", "không hợp lệ", true },
        { "deadline --batch {ws}/khong-co.tsv", "không có tệp này", true },
        { "calendar --year 3000", "nằm ngoài", true },
        { "status --workflows {ws}/khong-co", "agencies.yaml", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void It_is_refused_in_Vietnamese_and_nothing_changes(string command, string refusal, bool oneLine)
    {
        var text = Path.Combine(workspace.Inputs, "passwd");
        File.WriteAllText(text, "root:x:0:0:root:/root:/bin/bash\n");
        var args = command.Split(' ').Select(a => a
            .Replace("{ws}", workspace.Directory, StringComparison.Ordinal)
            .Replace("{wf}", workspace.Workflows, StringComparison.Ordinal)
            .Replace("{plan}", Path.Combine(workspace.Workflows, "plans", "cchc-2025.csv"), StringComparison.Ordinal)
            .Replace("{text}", text, StringComparison.Ordinal)
            .Replace('_', ' ')).ToArray();
        var before = workspace.Snapshot();
        var inputs = Directory.EnumerateFileSystemEntries(workspace.Inputs).Count();

        var (exit, output, error) = workspace.Run(args);

        Assert.True(exit != 0, $"exit 0: {output}{error}");
        Assert.Contains(refusal, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
        if (oneLine)
        {
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, $"{lines.Length} lines: {error}");
        }

        Assert.Equal(before, workspace.Snapshot());
        Assert.Equal(inputs, Directory.EnumerateFileSystemEntries(workspace.Inputs).Count());
        Assert.Equal("root:x:0:0:root:/root:/bin/bash\n", File.ReadAllText(text));
        Assert.False(File.Exists("garbage"));
    }
}
