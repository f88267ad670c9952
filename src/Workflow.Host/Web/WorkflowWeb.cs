using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Workflow.Host.Coordination;
using Workflow.Host.Designer;
using Workflow.Host.Web.Api;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Web;

/// <summary>
/// The web side of the server: the coordinators' pages (behind a login), the agencies' report page
/// (behind a signed link), and the JSON API; all three call the same services.
/// </summary>
public static partial class WorkflowWeb
{
    /// <summary>Coordinators of Sở Nội vụ: anyone with an account (accounts are made with <c>workflow user add</c>).</summary>
    public const string CoordinatorPolicy = "coordinator";

    /// <summary>The API: coordinators with the login cookie, or systems with a bearer token (POST /api/token).</summary>
    public const string ApiPolicy = "api";

    /// <summary>The rate limiter of the login form and the token endpoint.</summary>
    public const string LoginLimit = "login";

    /// <summary>The rate limiter of the password change (its current password is checked like a login's).</summary>
    public const string PasswordLimit = "password";

    /// <summary>Requests a minute one address may make to the login form and the token endpoint (page loads included).</summary>
    public const int LoginRequestsPerMinute = 10;

    /// <summary>The <see cref="HttpContext.Items"/> key of the seconds a refused login must wait (the 429 page reads it).</summary>
    public const string RetryAfterItem = "workflow.retry-after-seconds";

    /// <summary>The header the pages' scripts send the anti-forgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>
    /// How long the dashboard's and the agency view's counts are reused while the database shows no
    /// change (<see cref="Progress.ProgressCache"/>): a change by a command or by hand in SQL shows
    /// within this time, one through the runtime at once. $WORKFLOW_COUNTS_CACHE_SECONDS, 0 to count every time.
    /// </summary>
    public static TimeSpan CountsCacheFor =>
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("WORKFLOW_COUNTS_CACHE_SECONDS"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : 5);

    /// <summary>Default address: loopback only; a reverse proxy (or --urls) publishes it.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Builds the server: every service of <see cref="WorkflowHost.Compose"/> plus the web. Listens
    /// on <paramref name="urls"/> (default <see cref="DefaultUrl"/>).
    /// </summary>
    public static WebApplication Build(WorkflowsData data, DatabaseSettings database, DeliverySetup delivery, bool clustered, IReadOnlyList<string> urls, RuntimeClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(urls);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            EnvironmentName = Environments.Production,
        });
        WorkflowHost.Compose(builder, data, database, runJobs: true, clustered, clock, delivery);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys are kept unencrypted in the database (which protects them as it does everything else): no warning at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseUrls([.. urls.Count == 0 ? [DefaultUrl] : urls]);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = BodyLimits.Default); // endpoints name their own (BodyLimits)
        AddServices(builder.Services);
        builder.Services.AddDesigner(data.Folder);
        builder.Services.AddSingleton(s => new Runtime.DefinitionsReloader(s.GetRequiredService<Runtime.LiveDefinitions>(), data.Folder, s.GetRequiredService<ILogger<Runtime.DefinitionsReloader>>()));
        builder.Services.AddSingleton<IHostedService>(s => new WorkflowHost.Periodically("Definitions", TimeSpan.FromMinutes(1),
            s.GetRequiredService<Runtime.DefinitionsReloader>().ReloadIfChangedAsync, s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Definitions"), s.GetRequiredService<RuntimeClock>().Time));
        var app = builder.Build();
        ReloadOnPublish(app);
        Map(app);
        return app;
    }

    /// <summary>
    /// Coordinators' accounts, in the product's database (ASP.NET Core Identity). Passwords of 10
    /// characters or more. No lockout after wrong passwords (anyone could lock anyone out): the
    /// login is throttled per client address (<see cref="LoginThrottle"/>); a lockout end date is
    /// only how <c>workflow user disable</c> disables an account.
    /// </summary>
    public static IdentityBuilder AddAccounts(IServiceCollection services) =>
        services.AddIdentityCore<WorkflowUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<WorkflowDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

    /// <summary>A definition or the rules published in the designer apply to new milestones at once.</summary>
    private static void ReloadOnPublish(WebApplication app)
    {
        var reloader = app.Services.GetRequiredService<Runtime.DefinitionsReloader>();
        app.Services.GetRequiredService<Designer.DesignerWorkspace>().Published += (_, _) => reloader.Reload();
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<CoordinationService>();
        services.AddSingleton(s => new Progress.ProgressQueries(s.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext>>(), s.GetRequiredService<WorkflowsData>().Reference.Agencies, new Progress.ProgressOptions(CacheFor: CountsCacheFor)));

        services.AddSingleton(Coordination.InputLimits.FromEnvironment());
        AddAccounts(services).AddSignInManager();
        services.AddScoped<Sessions>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = Sessions.ValidateBearerAsync);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "workflow.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure behind HTTPS, a proxy's included (WORKFLOW_TRUSTED_PROXIES)
            o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync; // every request: a revoked cookie ends at once
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/dang-nhap";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // The API answers 401; a page sends the browser to the login form.
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(CoordinatorPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        // Vietnamese stays readable in the pages' source: only markup characters are escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        // Cookies and anti-forgery tokens stay valid across restarts and across the servers of a cluster.
        services.AddDataProtection().SetApplicationName("workflow");
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(s =>
            new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseKeyRepository(s.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext>>())));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "workflow.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRateLimiter(LoginThrottle.Configure);
        services.Configure<ForwardedHeadersOptions>(ConfigureProxies);

        // A JSON body's fields have the types the API describes: null where text is required is a
        // 400 that names the field (a missing field reads as empty, and the service refuses it).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.RespectNullableAnnotations = true);
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so ApiErrors can say what did not read

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/", CoordinatorPolicy);
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/AgencyReport");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddApplicationPart(typeof(WorkflowWeb).Assembly); // the pages are found when a test, not `workflow`, is the entry assembly
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Workflow CCHC API";
            document.Info.Description = "Theo dõi, nhắc hạn và báo cáo tiến độ kế hoạch cải cách hành chính (Sở Nội vụ thành phố Cần Thơ).";
            return Task.CompletedTask;
        }));
    }

    /// <summary>
    /// $WORKFLOW_TRUSTED_PROXIES: the reverse proxies (addresses, or networks as 10.0.0.0/8), comma
    /// separated, whose X-Forwarded-For and X-Forwarded-Proto the server believes: the client's
    /// address (for the login throttle) and HTTPS (for Secure cookies). Unset: no proxy is believed.
    /// </summary>
    public const string TrustedProxiesVariable = "WORKFLOW_TRUSTED_PROXIES";

    private static string[] TrustedProxies =>
        (Environment.GetEnvironmentVariable(TrustedProxiesVariable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void ConfigureProxies(ForwardedHeadersOptions o)
    {
        o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var entry in TrustedProxies)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                o.KnownIPNetworks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(entry, out var address))
            {
                o.KnownProxies.Add(address);
            }
            else
            {
                throw new FormatException($"{TrustedProxiesVariable}: \"{entry}\" không phải địa chỉ IP hay dải mạng (ví dụ 127.0.0.1 hoặc 10.0.0.0/8).");
            }
        }
    }

    /// <summary>
    /// A body whose declared length exceeds its limit (the endpoint's, else <see cref="BodyLimits.Default"/>)
    /// is refused with 413 before anything reads it (a form's anti-forgery check would otherwise see an
    /// unreadable form and answer 400); a body that grows past the limit without declaring it is
    /// stopped by the server while read. The refused body is never read by the application, but the
    /// server discards what the client goes on sending (for its few seconds of draining) instead of
    /// cutting the connection: a browser, which sends the whole file before it reads an answer, then
    /// shows the Vietnamese page rather than "connection reset".
    /// </summary>
    private static Task RefuseDeclaredOversizeBodies(HttpContext context, RequestDelegate next)
    {
        if (!BodyLimits.WasRefused(context) && BodyLimits.Of(context) is { } max && context.Request.ContentLength > max) // (the error page, re-executed, is not refused again)
        {
            BodyLimits.Refused(context, max);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the status code pages answer it
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static void Map(WebApplication app)
    {
        app.UseSecurityHeaders();
        if (TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        // The API answers every error as a problem JSON; the pages with the Vietnamese error page.
        app.UseWhen(ApiErrors.IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiErrors.WriteExceptionAsync, StatusCodeSelector = ApiErrors.StatusOf });
            api.UseStatusCodePages(ApiErrors.WriteStatusAsync);
        });
        app.UseWhen(c => !ApiErrors.IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/loi", StatusCodeSelector = ApiErrors.StatusOf });
            pages.UseStatusCodePagesWithReExecute("/loi", "?ma={0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(RefuseDeclaredOversizeBodies);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();

        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicy).AddEndpointFilter<CookieAntiforgeryFilter>().DisableAntiforgery();
        var small = new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Coordination.InputLimits.RequestBody);
        Api.AuthApi.Map(app.MapGroup("/api").WithMetadata(small));
        Api.CoordinationApi.Map(api, small);
        Api.ProgressApi.Map(api);
        Api.PlanApi.Map(api);
        api.MapDesignerApi();
        Api.AgencyApi.Map(app.MapGroup("/api/agency").DisableAntiforgery().WithMetadata(small));
    }

    /// <summary>
    /// A state change through the API with the login cookie must carry the anti-forgery token (in
    /// <see cref="AntiforgeryHeader"/>), as the pages' forms do. Only a request whose bearer token
    /// is valid needs none (a browser never sends one on its own): a junk Authorization header
    /// beside a login cookie does not skip the check.
    /// </summary>
    private sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var request = context.HttpContext.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (unsafeMethod && !(await context.HttpContext.AuthenticateAsync(IdentityConstants.BearerScheme).ConfigureAwait(false)).Succeeded)
            {
                try
                {
                    await antiforgery.ValidateRequestAsync(context.HttpContext).ConfigureAwait(false);
                }
                catch (AntiforgeryValidationException)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Thiếu mã chống giả mạo yêu cầu",
                        detail: $"Gửi kèm mã trong tiêu đề {AntiforgeryHeader} (lấy từ thẻ meta csrf-token của trang), hoặc dùng mã truy cập (Bearer).");
                }
            }

            return await next(context).ConfigureAwait(false);
        }
    }
}
