using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;

namespace Workflow.Host.Cli;

/// <summary>`workflow user add|list`: the coordinators' accounts of the web pages.</summary>
internal static class UserCommands
{
    public static Command Create(TextWriter output, TextWriter error, Option<string?> workflows, Option<string?> database)
    {
        var userName = new Argument<string>("username") { Description = "Tên đăng nhập, ví dụ nguyenvana hoặc một địa chỉ thư." };
        var name = new Option<string?>("--name") { Description = "Họ tên hiển thị trong lịch sử thao tác, ví dụ \"Nguyễn Văn A (Sở Nội vụ)\"." };
        var email = new Option<string?>("--email") { Description = "Địa chỉ thư của điều phối viên." };
        var password = new Option<string?>("--password") { Description = "Mật khẩu (ít nhất 10 ký tự). Bỏ trống: hệ thống tạo một mật khẩu ngẫu nhiên và in ra một lần." };
        var add = new Command("add", "Tạo tài khoản điều phối viên để đăng nhập trang web.") { userName, name, email, password };
        add.SetAction(async (result, ct) =>
        {
            if (RuntimeCommands.Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            var chosen = result.GetValue(password);
            var generated = chosen is null;
            chosen ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
            using var host = WorkflowHost.Build(data, settings, runJobs: false, configure: s => Web.WorkflowWeb.AddAccounts(s));
            await host.StartAsync(ct).ConfigureAwait(false);
            try
            {
                using var scope = host.Services.CreateScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
                var user = new WorkflowUser
                {
                    UserName = result.GetValue(userName)!.Trim(),
                    Email = result.GetValue(email),
                    DisplayName = result.GetValue(name)?.Normalize(System.Text.NormalizationForm.FormC),
                };
                var created = await users.CreateAsync(user, chosen).ConfigureAwait(false);
                if (!created.Succeeded)
                {
                    foreach (var e in created.Errors)
                    {
                        error.WriteLine(e.Description);
                    }

                    return WorkflowCommandLine.InputProblems;
                }

                output.WriteLine($"Đã tạo tài khoản {user.UserName}{(user.DisplayName is null ? string.Empty : $" ({user.DisplayName})")}.");
                if (generated)
                {
                    output.WriteLine($"Mật khẩu: {chosen}");
                    output.WriteLine("Hãy ghi lại mật khẩu này: nó không được lưu ở dạng đọc được và sẽ không in lại.");
                }

                return WorkflowCommandLine.Ok;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });

        var list = new Command("list", "Liệt kê các tài khoản điều phối viên.");
        list.SetAction(async (result, ct) =>
        {
            if (RuntimeCommands.Open(result, workflows, database, error) is not ({ } data, { } settings))
            {
                return WorkflowCommandLine.InputProblems;
            }

            using var host = WorkflowHost.Build(data, settings, runJobs: false, configure: s => Web.WorkflowWeb.AddAccounts(s));
            await host.StartAsync(ct).ConfigureAwait(false);
            using var scope = host.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
            foreach (var u in users.Users.OrderBy(u => u.UserName).ToList())
            {
                output.WriteLine($"{u.UserName}\t{u.DisplayName}\t{u.Email}");
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return WorkflowCommandLine.Ok;
        });

        return new Command("user", "Tài khoản điều phối viên của trang web.") { add, list };
    }
}
