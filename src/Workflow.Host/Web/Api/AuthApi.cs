using Microsoft.AspNetCore.Identity;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Api;

/// <summary>A bearer token for systems (the city's document-management system) that call the API without a browser.</summary>
internal static class AuthApi
{
    public sealed record TokenRequest(string UserName, string Password);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/token", async (TokenRequest request, SignInManager<WorkflowUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return Results.Empty; // the bearer handler has written the token
            }

            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: result.IsLockedOut ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 5 phút." : "Sai tên đăng nhập hoặc mật khẩu.");
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        .RequireRateLimiting(WorkflowWeb.LoginLimit)
        .WithTags("Đăng nhập")
        .WithSummary("Lấy mã truy cập (Bearer) cho hệ thống gọi API; gửi kèm tiêu đề Authorization: Bearer MÃ.");
    }
}
