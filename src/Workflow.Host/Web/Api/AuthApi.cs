using Microsoft.AspNetCore.Identity;
using Workflow.Host.Persistence;

namespace Workflow.Host.Web.Api;

/// <summary>A bearer token for systems (the city's document-management system) that call the API without a browser.</summary>
internal static class AuthApi
{
    public sealed record TokenRequest(string UserName, string Password);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/token", async (TokenRequest request, Sessions sessions, SignInManager<WorkflowUser> signIn) =>
        {
            if (await sessions.CheckAsync(request.UserName, request.Password).ConfigureAwait(false) is not { } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Sessions.Refusal);
            }

            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signIn.SignInAsync(user, isPersistent: false).ConfigureAwait(false);
            return Results.Empty; // the bearer handler has written the token
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        .RequireRateLimiting(WorkflowWeb.LoginLimit)
        .WithTags("Đăng nhập")
        .WithSummary("Lấy mã truy cập (Bearer) cho hệ thống gọi API; gửi kèm tiêu đề Authorization: Bearer MÃ.");
    }
}
