using System.Net;
using System.Net.Http.Json;

namespace Workflow.Host.Tests.Web;

/// <summary>Behind a reverse proxy named in WORKFLOW_TRUSTED_PROXIES: Secure cookies when it forwards HTTPS, throttling per forwarded client address.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private WebServer server = null!;

    public async Task InitializeAsync()
    {
        // Read when the server is built; the tests of this collection run one at a time.
        Environment.SetEnvironmentVariable(Host.Web.WorkflowWeb.TrustedProxiesVariable, "127.0.0.1");
        try
        {
            server = await WebServer.StartAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Host.Web.WorkflowWeb.TrustedProxiesVariable, null);
        }
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string? forwardedProto)
    {
        var token = await WebServer.TokenAsync(client, "/dang-nhap");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-nhap", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = WebServer.UserName, ["password"] = WebServer.Password, ["__RequestVerificationToken"] = token }),
        };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_login_cookie_is_Secure_when_the_proxy_forwards_HTTPS()
    {
        using var client = server.Client();
        using var https = await LogInAsync(client, "https");
        Assert.Equal(HttpStatusCode.Redirect, https.StatusCode);
        var cookie = Assert.Single(https.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workflow.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var other = server.Client();
        using var http = await LogInAsync(other, null);
        var plain = Assert.Single(http.Headers.GetValues("Set-Cookie"), c => c.StartsWith("workflow.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logins_are_throttled_per_forwarded_client_address()
    {
        using var client = server.Client();
        async Task<HttpStatusCode> AttemptAsync(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/token", UriKind.Relative)) { Content = JsonContent.Create(new { userName = "ai-do", password = "khong-dung-dau" }) };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            first.Add(await AttemptAsync("203.0.113.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync("203.0.113.2")); // another client behind the same proxy is not held back
    }
}
