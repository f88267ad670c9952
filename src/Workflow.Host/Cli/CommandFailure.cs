using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflow.Host.Cli;

/// <summary>
/// What a command that failed tells the coordinator: one line in Vietnamese saying what went wrong
/// and what to do, never a stack trace; the .NET details only with --verbose.
/// </summary>
internal static class CommandFailure
{
    /// <summary>Writes the failure (one line; with <paramref name="verbose"/>, the exception after it) and returns the exit code.</summary>
    public static int Report(Exception failure, TextWriter error, bool verbose)
    {
        error.WriteLine(Describe(failure) + (verbose ? string.Empty : " (Chi tiết kỹ thuật: chạy lại với --verbose.)"));
        if (verbose)
        {
            error.WriteLine(failure.ToString());
        }

        return WorkflowCommandLine.InputProblems;
    }

    /// <summary>The one line for <paramref name="failure"/>.</summary>
    public static string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var chain = Chain(failure).ToList();
        string line;
        if (chain.OfType<Definitions.DataFileException>().FirstOrDefault() is { } data)
        {
            line = data.Message;
        }
        else if (chain.OfType<PostgresException>().FirstOrDefault() is { } postgres)
        {
            line = $"PostgreSQL từ chối: {postgres.MessageText} (mã {postgres.SqlState}). Kiểm tra tên cơ sở dữ liệu, tài khoản và mật khẩu trong --database.";
        }
        else if (chain.OfType<NpgsqlException>().FirstOrDefault() is { } npgsql)
        {
            var why = chain.OfType<SocketException>().FirstOrDefault() is { } socket ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "máy chủ từ chối kết nối",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "không tìm thấy máy chủ",
                SocketError.TimedOut => "hết thời gian chờ",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "không đến được máy chủ",
                _ => socket.Message,
            }
            : chain.Any(e => e is TimeoutException) ? "hết thời gian chờ" : npgsql.Message;
            line = $"Không kết nối được PostgreSQL ({why}). Kiểm tra máy chủ PostgreSQL đang chạy, và Host, Port trong --database.";
        }
        else if (chain.OfType<SqliteException>().FirstOrDefault() is { } sqlite)
        {
            line = sqlite.SqliteErrorCode switch
            {
                26 => "Tệp cơ sở dữ liệu không phải SQLite (hoặc đã hỏng): kiểm tra đường dẫn trong --database.",
                8 => "Cơ sở dữ liệu SQLite chỉ đọc: cần quyền ghi tệp và thư mục của nó.",
                14 => "Không mở được tệp cơ sở dữ liệu SQLite: kiểm tra đường dẫn và quyền ghi thư mục của nó.",
                5 or 6 => "Cơ sở dữ liệu SQLite đang bị khóa bởi một tiến trình khác: thử lại sau.",
                _ => $"Lỗi cơ sở dữ liệu SQLite (mã {sqlite.SqliteErrorCode}): {sqlite.Message}",
            };
        }
        else if (chain.OfType<IOException>().FirstOrDefault(e => e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)) is { } inUse)
        {
            line = $"Địa chỉ trang web đang được một chương trình khác dùng ({inUse.Message}): chọn cổng khác bằng --urls.";
        }
        else if (chain.OfType<UnauthorizedAccessException>().FirstOrDefault() is { } denied)
        {
            line = $"Không có quyền truy cập: {denied.Message}";
        }
        else if (chain.OfType<IOException>().FirstOrDefault() is { } io)
        {
            line = $"Lỗi đọc, ghi tệp: {io.Message}";
        }
        else
        {
            var inner = chain[^1];
            line = $"Lệnh dừng vì một lỗi không lường trước ({inner.GetType().Name}: {inner.Message})";
        }

        return line.ReplaceLineEndings(" ");
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return x;
        }
    }
}
