using Microsoft.AspNetCore.Identity;

namespace Workflow.Host.Web;

/// <summary>Identity's messages in Vietnamese, for <c>workflow user add</c>, the login page and the password change.</summary>
internal sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tài khoản \"{userName}\" đã có." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Địa chỉ thư \"{email}\" đã dùng cho một tài khoản khác." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập \"{userName}\" không hợp lệ: chỉ dùng chữ không dấu, số và các ký tự - . _ @ +." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"\"{email}\" không phải địa chỉ thư." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Có lỗi khi xử lý tài khoản." };
}
