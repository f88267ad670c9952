using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Runtime;
using Workflow.Host.Tests.Web;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// One web server for the hostile cases, on 20/03/2025 (the 2025 plan, issued 24/12/2024, is
/// running): an agency with an open milestone, one it does not lead, a bearer token, and a
/// snapshot of everything a request could change, to show that a refusal changed nothing.
/// </summary>
public sealed partial class HostileServer : IAsyncLifetime
{
    internal WebServer Server { get; private set; } = null!;

    /// <summary>An open, dated milestone, due after today, led by <see cref="Agency"/> alone.</summary>
    public MilestoneRecord Open { get; private set; } = null!;

    public string Agency { get; private set; } = string.Empty;

    /// <summary>A milestone <see cref="Agency"/> does not lead.</summary>
    public MilestoneRecord Foreign { get; private set; } = null!;

    public string Bearer { get; private set; } = string.Empty;

    public HttpClient Client { get; private set; } = null!;

    private HttpClient? coordinator;

    /// <summary>A coordinator's browser, signed in once for every case (each login counts against the throttle of this one address).</summary>
    public async Task<HttpClient> CoordinatorAsync() => coordinator ??= await Server.SignedInAsync();

    /// <summary>A PostgreSQL connection string to run on (set before <see cref="InitializeAsync"/>); null: SQLite.</summary>
    public string? Postgres { get; init; }

    public async Task InitializeAsync()
    {
        Server = await WebServer.StartAsync(TestClock.At(2025, 3, 20, 9), Postgres);
        Client = Server.Client();

        // The server's first handover round (agencies that ended before the clock's day pass their milestones on, one
        // step each) runs in the background; on a loaded machine it may still be stepping milestones when a test
        // compares snapshots. Finish it here: once it returns, nothing is left to hand over today.
        await Server.App.Services.GetRequiredService<Workflow.Host.Runtime.WorkflowRuntime>().HandOverAsync();
        await using (var db = await Databases().CreateDbContextAsync())
        {
            var all = await db.Milestones.AsNoTracking().Where(m => m.PlanId == "cchc-2025").OrderBy(m => m.Id).ToListAsync();
            Open = all.First(m => m.DoneOn == null && m.Status == RunStatus.Waiting && !m.Lead.Contains(',', StringComparison.Ordinal) && m.EffectiveDue > new DateOnly(2025, 4, 1));
            Agency = Open.Lead;
            Foreign = all.First(m => !m.Lead.Split(',').Contains(Agency));
        }

        using var token = await Client.PostAsJsonAsync(new Uri("/api/token", UriKind.Relative), new { userName = WebServer.UserName, password = WebServer.Password });
        Bearer = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task DisposeAsync()
    {
        coordinator?.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
    }

    internal IDbContextFactory<WorkflowDbContext> Databases() => Server.App.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();

    /// <summary>The agency's signed link (path and query), valid for 30 days from now.</summary>
    public string Link(string? agency = null) => Server.Delivery.Links!.For(agency ?? Agency, SystemClock.Instance.GetCurrentInstant()).PathAndQuery;

    /// <summary>The link's query string (het-han and chu-ky), without the "?".</summary>
    public string LinkQuery(string? agency = null) => Link(agency).Split('?', 2)[1];

    /// <summary>Everything a refused request must leave as it was: milestones, history, requests, outbox, accounts.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await Databases().CreateDbContextAsync();
        var milestones = await db.Milestones.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.DoneOn, m.Due, m.EffectiveDue, m.EventOn, m.Extended, m.Status, m.Revision }).ToListAsync();
        var history = await db.History.AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.MilestoneId, h.What, h.Why }).ToListAsync();
        var requests = await db.ExtensionRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Status, r.RequestedDue, r.Revision }).ToListAsync();
        var outbox = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Key).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd, u.AccessFailedCount, u.PasswordHash }).ToListAsync();
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.ContentHash }).ToListAsync();
        return JsonSerializer.Serialize(new { milestones, history, requests, outbox, users, plans });
    }

    /// <summary>A request with a raw body (JSON or not), optionally with the coordinator's bearer token.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", bool bearer = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
            request.Headers.ExpectContinue = true; // a body refused for its size is answered before it is sent
        }

        if (bearer)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Bearer);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A file uploaded as a form field "file" (multipart, streamed), with the coordinator's bearer token on the API or a signed-in <paramref name="client"/>'s cookie and the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string path, Stream content, string fileName, HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent();
        if (client is not null)
        {
            form.Add(new StringContent(await WebServer.TokenAsync(client, path)), "__RequestVerificationToken");
        }

        form.Add(new StreamContent(content), "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        if (client is null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Bearer);
        }

        return await (client ?? Client).SendAsync(request);
    }

    /// <summary>A change sent with the login cookie of a signed-in coordinator and a junk bearer token, without the anti-forgery header.</summary>
    public async Task<HttpResponseMessage> SendJunkBearerAsync(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "junk");
        return await Client.SendAsync(request);
    }

    /// <summary>A form posted to a page as a browser would, with the page's anti-forgery token; the flash message of the page it leads to, or the page itself when it did not redirect.</summary>
    public async Task<(HttpStatusCode Status, string Text)> PostFormAsync(string pagePath, string handlerPath, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        using var client = Server.Client();
        var token = await WebServer.TokenAsync(client, pagePath);
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(handlerPath, UriKind.Relative)) { Content = new FormUrlEncodedContent(all) };
        request.Headers.ExpectContinue = true; // a body refused for its size is answered before it is sent
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var page = await client.GetStringAsync(response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location : new Uri(response.Headers.Location.OriginalString, UriKind.Relative));
        var flash = FlashPattern().Match(page);
        return (response.StatusCode, flash.Success ? WebUtility.HtmlDecode(flash.Groups[1].Value) : "(no message)");
    }

    /// <summary>The problem JSON's title and detail, after checking that it is one.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        var title = problem.GetProperty("title").GetString();
        var detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        Assert.DoesNotContain("Exception", title + detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", title + detail, StringComparison.Ordinal);
        return $"{title} {detail}";
    }

    [GeneratedRegex("data-testid=\"flash\">([^<]*)<")]
    private static partial Regex FlashPattern();
}
