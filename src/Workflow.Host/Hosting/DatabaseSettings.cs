using Microsoft.Data.Sqlite;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Hosting;

/// <summary>
/// Which database: SQLite by default (a file, nothing to install), PostgreSQL by configuration.
/// Written "sqlite:PATH" or "postgresql:CONNECTION STRING": the provider is always named, so a
/// mistyped option is refused instead of becoming a file of that name.
/// </summary>
public sealed record DatabaseSettings(DatabaseKind Kind, string ConnectionString)
{
    public const string EnvironmentVariable = "WORKFLOW_DATABASE";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>The SQLite file's full path; null for PostgreSQL.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>True for the default SQLite file (.data/workflow.db beside the workflows folder), whose folder the program may create.</summary>
    public bool IsDefault { get; init; }

    /// <summary>
    /// Whether starting a host may create the database when it does not exist (true unless a
    /// command that only uses an existing one says otherwise: see <see cref="Check"/>). A
    /// PostgreSQL database that is missing is then refused at start, as a missing SQLite file is before.
    /// </summary>
    public bool MayCreate { get; init; } = true;

    /// <summary>
    /// Reads the --database option (or $WORKFLOW_DATABASE; none: SQLite at <paramref name="defaultSqlitePath"/>).
    /// Nothing is created or opened here: see <see cref="Check"/>.
    /// </summary>
    /// <exception cref="FormatException">The value names no provider, or no path or connection.</exception>
    public static DatabaseSettings Parse(string? value, string defaultSqlitePath)
    {
        value = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(defaultSqlitePath) with { IsDefault = true };
        }

        foreach (var prefix in new[] { "postgresql:", "postgres:" })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var connection = value[prefix.Length..].Trim();
                try
                {
                    var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
                    if (connection.Length == 0 || string.IsNullOrWhiteSpace(builder.Host))
                    {
                        throw new FormatException($"--database \"{Hidden(value)}\": chuỗi kết nối PostgreSQL cần Host=…, ví dụ \"postgresql:Host=127.0.0.1;Port=5432;Database=workflow;Username=workflow;Password=…\".");
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidCastException || (e is FormatException && !e.Message.StartsWith("--database", StringComparison.Ordinal)))
                {
                    throw new FormatException($"--database: chuỗi kết nối PostgreSQL không hợp lệ ({e.Message.ReplaceLineEndings(" ")}); ghi ví dụ \"postgresql:Host=127.0.0.1;Port=5432;Database=workflow;Username=workflow;Password=…\".", e);
                }

                return new DatabaseSettings(DatabaseKind.PostgreSql, connection);
            }
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..].Trim();
            if (path.Length == 0)
            {
                throw new FormatException("--database \"sqlite:\" thiếu đường dẫn tệp, ví dụ \"sqlite:.data/workflow.db\".");
            }

            return Sqlite(path);
        }

        throw new FormatException($"--database \"{Hidden(value)}\" không ghi rõ loại cơ sở dữ liệu: viết \"sqlite:ĐƯỜNG_DẪN\" (ví dụ sqlite:.data/workflow.db) hoặc \"postgresql:CHUỖI_KẾT_NỐI\" (ví dụ postgresql:Host=127.0.0.1;Database=workflow;Username=workflow).");
    }

    /// <summary>
    /// Checks, before anything is opened, that the database can be used: for SQLite, the path is
    /// not a folder, an existing file is a SQLite database, and a missing file is created only when
    /// <paramref name="mayCreate"/> (serve and plan import) in a folder that exists (the default
    /// .data folder is made). Returns null when it can, else what is wrong, in Vietnamese;
    /// <paramref name="creating"/> says a new database will be made.
    /// </summary>
    public string? Check(bool mayCreate, out bool creating)
    {
        creating = false;
        if (Kind != DatabaseKind.Sqlite || SqlitePath is not { } path)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            return $"Cơ sở dữ liệu {path} là một thư mục, không phải tệp: ghi đường dẫn đến tệp, ví dụ --database sqlite:{Path.Combine(path, "workflow.db")}.";
        }

        if (File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var header = new byte[SqliteHeader.Length];
                var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                return read == 0 || (read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader))
                    ? null
                    : $"Tệp {path} không phải cơ sở dữ liệu SQLite: chọn đường dẫn khác trong --database (workflow không ghi đè một tệp có sẵn).";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"Không đọc được tệp cơ sở dữ liệu {path}: {e.Message.ReplaceLineEndings(" ")} Kiểm tra quyền đọc, ghi tệp.";
            }
        }

        if (!mayCreate)
        {
            return $"Chưa có cơ sở dữ liệu {path}: kiểm tra --database; chỉ \"workflow serve\" và \"workflow plan import\" tạo cơ sở dữ liệu mới.";
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (!IsDefault)
            {
                return $"Thư mục {folder} không tồn tại: tạo thư mục trước, hoặc sửa đường dẫn trong --database (workflow không tự tạo thư mục cho cơ sở dữ liệu).";
            }

            Directory.CreateDirectory(folder);
        }

        creating = true;
        return null;
    }

    private static DatabaseSettings Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30, Pooling = true };
        return new DatabaseSettings(DatabaseKind.Sqlite, builder.ToString()) { SqlitePath = full };
    }

    /// <summary>The option as given, its password replaced.</summary>
    private static string Hidden(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "(?i)(password|pwd)=[^;]*", "$1=***");

    public override string ToString() => Kind == DatabaseKind.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}";
}
