using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;
using Workflow.Host.Coordination;
using Workflow.Host.Designer;
using Workflow.Host.Web.Api;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;

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
    public static WebApplication Build(WorkflowsData data, DatabaseSettings database, DeliverySetup delivery, bool clustered, IReadOnlyList<string> urls, IClock? clock = null)
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
        AddServices(builder.Services);
        builder.Services.AddDesigner(data.Folder);
        builder.Services.AddSingleton(s => new Runtime.DefinitionsReloader(s.GetRequiredService<Runtime.LiveDefinitions>(), data.Folder, s.GetRequiredService<ILogger<Runtime.DefinitionsReloader>>()));
        builder.Services.AddSingleton<IHostedService>(s => new WorkflowHost.Periodically("Definitions", TimeSpan.FromMinutes(1),
            s.GetRequiredService<Runtime.DefinitionsReloader>().ReloadIfChangedAsync, s.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Definitions")));
        var app = builder.Build();
        ReloadOnPublish(app);
        Map(app);
        return app;
    }

    /// <summary>
    /// Coordinators' accounts, in the product's database (ASP.NET Core Identity). Passwords of 10
    /// characters or more; five wrong passwords lock an account for five minutes.
    /// </summary>
    public static IdentityBuilder AddAccounts(IServiceCollection services) =>
        services.AddIdentityCore<WorkflowUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
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

        AddAccounts(services).AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "workflow.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
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
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, _) =>
            {
                // How long until the window opens again, as Retry-After. The API answers problem JSON; a page
                // gets nothing written here, so the status code pages show /loi?ma=429 with the site's layout.
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Items[RetryAfterItem] = seconds;
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều lần thử đăng nhập",
                        detail: $"Tối đa {LoginRequestsPerMinute} lần mỗi phút từ một địa chỉ; xin đợi {seconds} giây rồi thử lại.").ExecuteAsync(http).ConfigureAwait(false);
                }
            };
        });

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

    private static void Map(WebApplication app)
    {
        app.UseExceptionHandler("/loi");
        app.UseStatusCodePagesWithReExecute("/loi", "?ma={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();

        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicy).AddEndpointFilter<CookieAntiforgeryFilter>().DisableAntiforgery();
        Api.AuthApi.Map(app.MapGroup("/api"));
        Api.CoordinationApi.Map(api);
        Api.ProgressApi.Map(api);
        Api.PlanApi.Map(api);
        api.MapDesignerApi();
        Api.AgencyApi.Map(app.MapGroup("/api/agency").DisableAntiforgery());
    }

    /// <summary>
    /// A state change through the API with the login cookie must carry the anti-forgery token (in
    /// <see cref="AntiforgeryHeader"/>), as the pages' forms do; a bearer token needs none, since a
    /// browser never sends it on its own.
    /// </summary>
    private sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var request = context.HttpContext.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (unsafeMethod && !request.Headers.Authorization.Any(h => h?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true))
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
