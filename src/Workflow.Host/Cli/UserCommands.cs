using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;

namespace Workflow.Host.Cli;

/// <summary>
/// `workflow user add|list|disable|enable|reset-password`: the coordinators' accounts of the web
/// pages. Disabling an account or setting a new password ends its cookies and tokens at once (a
/// new security stamp, checked on every request).
/// </summary>
internal static class UserCommands
{
    public static Command Create(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var userName = new Argument<string>("username") { Description = "Tên đăng nhập, ví dụ nguyenvana hoặc một địa chỉ thư." };
        var name = new Option<string?>("--name") { Description = "Họ tên hiển thị trong lịch sử thao tác, ví dụ \"Nguyễn Văn A (Sở Nội vụ)\"." };
        var email = new Option<string?>("--email") { Description = "Địa chỉ thư của điều phối viên." };
        var password = new Option<string?>("--password") { Description = "Mật khẩu (ít nhất 10 ký tự). Bỏ trống: hệ thống tạo một mật khẩu ngẫu nhiên và in ra một lần." };

        // Each action runs with the accounts of the database and the host's real clock; it returns the exit code.
        Func<System.CommandLine.ParseResult, CancellationToken, Task<int>> WithAccounts(Func<System.CommandLine.ParseResult, UserManager<WorkflowUser>, TimeProvider, Task<int>> action) => async (result, ct) =>
        {
            if (RuntimeCommands.Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            using var host = WorkflowHost.Build(data, settings, runJobs: false, configure: s => Web.WorkflowWeb.AddAccounts(s));
            await host.StartAsync(ct).ConfigureAwait(false);
            try
            {
                using var scope = host.Services.CreateScope();
                return await action(result, scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>(), host.Services.GetRequiredService<Runtime.RuntimeClock>().Time).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        };

        // The account named on the command line, or a message and null.
        async Task<WorkflowUser?> FindAsync(System.CommandLine.ParseResult result, UserManager<WorkflowUser> users)
        {
            var wanted = result.GetValue(userName)!.Trim();
            var user = await users.FindByNameAsync(wanted).ConfigureAwait(false);
            if (user is null)
            {
                error.WriteLine($"Không có tài khoản \"{wanted}\"; xem danh sách bằng: workflow user list");
            }

            return user;
        }

        int Failed(IdentityResult identity)
        {
            foreach (var e in identity.Errors)
            {
                error.WriteLine(e.Description);
            }

            return WorkflowCommandLine.InputProblems;
        }

        var add = new Command("add", "Tạo tài khoản điều phối viên để đăng nhập trang web.") { userName, name, email, password };
        add.SetAction(WithAccounts(async (result, users, _) =>
        {
            var (chosen, generated) = Password(result.GetValue(password));
            var user = new WorkflowUser
            {
                UserName = result.GetValue(userName)!.Trim(),
                Email = result.GetValue(email),
                DisplayName = result.GetValue(name)?.Normalize(System.Text.NormalizationForm.FormC),
            };
            var created = await users.CreateAsync(user, chosen).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                return Failed(created);
            }

            output.WriteLine($"Đã tạo tài khoản {user.UserName}{(user.DisplayName is null ? string.Empty : $" ({user.DisplayName})")}.");
            PrintGenerated(output, chosen, generated);
            return WorkflowCommandLine.Ok;
        }));

        var list = new Command("list", "Liệt kê các tài khoản điều phối viên.");
        list.SetAction(WithAccounts((_, users, time) =>
        {
            foreach (var u in users.Users.OrderBy(u => u.UserName).ToList())
            {
                output.WriteLine($"{u.UserName}\t{u.DisplayName}\t{u.Email}\t{(IsDisabled(u, time) ? "đã khóa" : "đang dùng")}");
            }

            return Task.FromResult(WorkflowCommandLine.Ok);
        }));

        var disable = new Command("disable", "Khóa một tài khoản: không đăng nhập được nữa, mọi phiên và mã truy cập đang dùng chấm dứt ngay.") { userName };
        disable.SetAction(WithAccounts(async (result, users, _) =>
        {
            if (await FindAsync(result, users).ConfigureAwait(false) is not { } user)
            {
                return WorkflowCommandLine.InputProblems;
            }

            await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false);
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            output.WriteLine($"Đã khóa tài khoản {user.UserName}; các phiên đăng nhập và mã truy cập của tài khoản đã chấm dứt. Mở lại bằng: workflow user enable {user.UserName}");
            return WorkflowCommandLine.Ok;
        }));

        var enable = new Command("enable", "Mở lại một tài khoản đã khóa.") { userName };
        enable.SetAction(WithAccounts(async (result, users, _) =>
        {
            if (await FindAsync(result, users).ConfigureAwait(false) is not { } user)
            {
                return WorkflowCommandLine.InputProblems;
            }

            await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
            await users.SetLockoutEnabledAsync(user, false).ConfigureAwait(false);
            output.WriteLine($"Đã mở lại tài khoản {user.UserName}.");
            return WorkflowCommandLine.Ok;
        }));

        var newPassword = new Option<string?>("--password") { Description = "Mật khẩu mới (ít nhất 10 ký tự). Bỏ trống: hệ thống tạo một mật khẩu ngẫu nhiên và in ra một lần." };
        var reset = new Command("reset-password", "Đặt mật khẩu mới cho một tài khoản; mọi phiên và mã truy cập đang dùng chấm dứt ngay.") { userName, newPassword };
        reset.SetAction(WithAccounts(async (result, users, _) =>
        {
            if (await FindAsync(result, users).ConfigureAwait(false) is not { } user)
            {
                return WorkflowCommandLine.InputProblems;
            }

            var (chosen, generated) = Password(result.GetValue(newPassword));
            foreach (var validator in users.PasswordValidators)
            {
                // Checked before the old password goes, so a refused one leaves the account as it was.
                if (await validator.ValidateAsync(users, user, chosen).ConfigureAwait(false) is { Succeeded: false } refused)
                {
                    return Failed(refused);
                }
            }

            await users.RemovePasswordAsync(user).ConfigureAwait(false);
            var changed = await users.AddPasswordAsync(user, chosen).ConfigureAwait(false);
            if (!changed.Succeeded)
            {
                return Failed(changed);
            }

            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            output.WriteLine($"Đã đặt mật khẩu mới cho {user.UserName}; các phiên đăng nhập và mã truy cập cũ đã chấm dứt.");
            PrintGenerated(output, chosen, generated);
            return WorkflowCommandLine.Ok;
        }));

        return new Command("user", "Tài khoản điều phối viên của trang web.") { add, list, disable, enable, reset };
    }

    /// <summary>True when <c>workflow user disable</c> disabled the account (or its lockout has not ended by <paramref name="time"/>'s now).</summary>
    public static bool IsDisabled(WorkflowUser user, TimeProvider time) => user.LockoutEnabled && user.LockoutEnd is { } end && end > time.GetUtcNow();

    private static (string Password, bool Generated) Password(string? chosen) =>
        chosen is null ? (Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y'), true) : (chosen, false);

    private static void PrintGenerated(TextWriter output, string password, bool generated)
    {
        if (generated)
        {
            output.WriteLine($"Mật khẩu: {password}");
            output.WriteLine("Hãy ghi lại mật khẩu này: nó không được lưu ở dạng đọc được và sẽ không in lại.");
        }
    }
}
