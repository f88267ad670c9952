using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;
using Workflow.Host.Runtime;
using Workflow.Host.Scheduling;

namespace Workflow.Host.Cli;

/// <summary>
/// The web target (`workflow bench --web`): with 100,000 milestones in the database (a million
/// with <c>--milestones 1000000</c>), the plan overview ("/"), the agency view ("/co-quan") and the
/// task list ("/nhiem-vu", its first page over the active plans) answer within 300 ms at the 95th
/// percentile under wrk on loopback, logged in as a coordinator, and the overview also with its
/// counts' cache off ("/ (no cache)", a server started again with <c>WORKFLOW_COUNTS_CACHE_SECONDS=0</c>).
/// </summary>
/// <remarks>
/// <para><b>The data.</b> Five generated plans, one a year from 2023 to 2027, of tasks made of the
/// seed plans' texts: most with one dated milestone spread over the year, some continuous (a
/// checkpoint each quarter end) and some waiting for an event (dormant); led by the directory's
/// agencies, one task in ten by two. They are imported by the runtime, then a share is reported
/// done by direct SQL (on time, late, early), so that every state and count has rows.</para>
/// <para><b>No timer fires while measuring.</b> The runtime clock (<see cref="RuntimeClock.Accelerated"/>,
/// at real speed) says it is Wednesday <see cref="Today"/> 13:00, for the import and for the
/// server: the import runs every moment before it (late reminders and overdue notices, as a server
/// running since 2023 would have) and leaves every bookmark at 08:00 of a later day, 19 hours away
/// or more. The outbox is then marked sent, so delivery has nothing to do, and mail would go to a
/// temporary pickup folder anyway. The bench checks that no history row was added during the runs.</para>
/// <para><b>Measured.</b> Each page is warmed up (a few requests, then a short wrk run), then wrk
/// runs for the given seconds with the login cookie; a Lua script counts every answer that is not
/// 200 (a 302 to the login page is a broken cookie, which wrk alone would not count as an error)
/// and prints the 50th, 95th and 99th percentiles.</para>
/// </remarks>
internal static class WebBench
{
    /// <summary>The target: 95th percentile, in milliseconds.</summary>
    private const double P95TargetMs = 300;

    /// <summary>The day the pages judge the milestones on (a Wednesday; the runtime clock starts at 13:00 of it).</summary>
    private static readonly LocalDate Today = new(2026, 6, 17);

    private static readonly (string Path, bool Target)[] Pages = [("/", true), ("/co-quan", true), ("/nhiem-vu", true)];

    private const string LuaScript = """
        -- workflow bench --web: counts answers other than 200 and prints the percentiles (microseconds).
        local threads = {}

        function setup(thread)
          table.insert(threads, thread)
        end

        function init(args)
          other = 0
          first = ""
        end

        function response(status, headers, body)
          if status ~= 200 then
            other = other + 1
            if first == "" then
              first = tostring(status) .. ">" .. tostring(headers["Location"] or headers["location"] or "")
            end
          end
        end

        function done(summary, latency, requests)
          local bad, firstbad = 0, ""
          for _, t in ipairs(threads) do
            bad = bad + (t:get("other") or 0)
            local f = t:get("first")
            if firstbad == "" and f ~= nil and f ~= "" then firstbad = f end
          end
          local e = summary.errors
          io.write(string.format("WRKRESULT requests=%.0f duration=%.0f p50=%.0f p95=%.0f p99=%.0f max=%.0f non200=%.0f socket=%.0f bytes=%.0f first=%s\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
            bad, e.connect + e.read + e.write + e.timeout, summary.bytes, firstbad == "" and "-" or firstbad))
        end
        """;

    public static bool Run(TextWriter output, WorkflowsData data, int milestones, string? postgres, double seconds, int connections)
    {
        var wrk = FindWrk(output);
        if (wrk is null)
        {
            return false;
        }

        var ok = RunOn(output, data, milestones, DatabaseKind.Sqlite, null, wrk, seconds, connections);
        if (postgres is not null)
        {
            ok &= RunOn(output, data, milestones, DatabaseKind.PostgreSql, postgres, wrk, seconds, connections);
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"web bench: working set {Environment.WorkingSet / 1048576.0:N0} MiB at the end, peak {process.PeakWorkingSet64 / 1048576.0:N0} MiB (this process: import, server and bench)"));
        return ok;
    }

    private static bool RunOn(TextWriter output, WorkflowsData data, int count, DatabaseKind kind, string? postgres, string wrk, double seconds, int connections)
    {
        var name = kind == DatabaseKind.Sqlite ? "SQLite" : "PostgreSQL";
        var (settings, cleanup) = RuntimeBench.FreshDatabase(kind, postgres);
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-webbench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var runtimeClock = RuntimeClock.Accelerated(Today.At(new LocalTime(13, 0)), 1, SystemClock.Instance.GetCurrentInstant());
            var plans = GeneratedPlans(data, count);
            var clock = Stopwatch.StartNew();
            using (var importer = WorkflowHost.Build(data, settings, runJobs: false, clock: runtimeClock))
            {
                importer.StartAsync().GetAwaiter().GetResult();
                var runtime = importer.Services.GetRequiredService<WorkflowRuntime>();
                foreach (var plan in plans)
                {
                    runtime.ImportAsync(plan, "bench").GetAwaiter().GetResult();
                }

                var databases = importer.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
                SetStatesAsync(databases).GetAwaiter().GetResult();
                runtime.ReconcileAsync().GetAwaiter().GetResult(); // as `serve` does when it starts: stale triggers of the rows reported done go
                importer.StopAsync().GetAwaiter().GetResult();
            }

            clock.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"web bench on {name}: {count:N0} milestones of {plans.Sum(p => p.Tasks.Count):N0} tasks in {plans.Count} plans imported and given their states in {clock.Elapsed.TotalSeconds:N1} s"));
            var ok = MeasureAsync(output, data, settings, runtimeClock, folder, wrk, seconds, connections, countsCache: true).GetAwaiter().GetResult();
            return MeasureAsync(output, data, settings, runtimeClock, folder, wrk, seconds, connections, countsCache: false).GetAwaiter().GetResult() && ok;
        }
        finally
        {
            cleanup();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <remarks>
    /// With <paramref name="countsCache"/> false the server is started again with its counts' cache off
    /// (<c>WORKFLOW_COUNTS_CACHE_SECONDS=0</c>, as an operator would set it), and the overview is
    /// measured once more: every request sums the counts kept on write.
    /// </remarks>
    private static async Task<bool> MeasureAsync(TextWriter output, WorkflowsData data, DatabaseSettings settings, RuntimeClock clock, string folder, string wrk, double seconds, int connections, bool countsCache)
    {
        const string CacheVariable = "WORKFLOW_COUNTS_CACHE_SECONDS";
        var cacheSetting = Environment.GetEnvironmentVariable(CacheVariable);
        if (!countsCache)
        {
            Environment.SetEnvironmentVariable(CacheVariable, "0");
        }

        try
        {
            return await MeasurePagesAsync(output, data, settings, clock, folder, wrk, seconds, connections, countsCache).ConfigureAwait(false);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CacheVariable, cacheSetting);
        }
    }

    private static async Task<bool> MeasurePagesAsync(TextWriter output, WorkflowsData data, DatabaseSettings settings, RuntimeClock clock, string folder, string wrk, double seconds, int connections, bool countsCache)
    {
        // Mail would go to a pickup folder of the temporary directory (there is none to send: the outbox is all sent).
        var delivery = new DeliverySetup(
            new Notifications.Delivery.PickupFolderTransport(Path.Combine(folder, "emails")),
            Notifications.Templates.TemplateSet.Load(Path.Combine(data.Folder, "templates")),
            Notifications.Delivery.DeliveryOptions.Default) { Links = DeliverySetup.CreateLinks(folder) };
        await using var app = Web.WorkflowWeb.Build(data, settings, delivery, clustered: false, ["http://127.0.0.1:0"], clock);
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var baseUri = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
            var cookie = await LoginAsync(app.Services, baseUri, countsCache ? "bench" : "bench-no-cache").ConfigureAwait(false);
            var databases = app.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            var historyBefore = await HistoryRowsAsync(databases).ConfigureAwait(false);
            var threads = Math.Max(1, Math.Min(2, connections));
            var script = Path.Combine(folder, "bench.lua");
            await File.WriteAllTextAsync(script, LuaScript.Replace("\r\n", "\n", StringComparison.Ordinal)).ConfigureAwait(false);
            if (!countsCache)
            {
                var met = await MeasurePageAsync(output, "/", "/ (no cache)", target: true, baseUri, cookie, wrk, script, threads, connections, seconds).ConfigureAwait(false);
                return await NoTimerFiredAsync(output, databases, historyBefore).ConfigureAwait(false) && met;
            }

            var overview = await app.Services.GetRequiredService<ProgressQueries>().OverviewAsync(Today).ConfigureAwait(false);
            var agencies = await app.Services.GetRequiredService<ProgressQueries>().AgenciesAsync(null, Today).ConfigureAwait(false);
            var t = overview.Total;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  judged on {Today:dd/MM/yyyy}: {t.Total:N0} milestones; not yet due {t.NotYetDue:N0}, due soon {t.DueSoon:N0}, overdue {t.Overdue:N0}, done {t.Done:N0} ({t.DoneOnTime:N0} on time, {t.DoneLate:N0} late), dormant {t.Dormant:N0}; {agencies.Count} lead agencies"));

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  wrk -t{threads} -c{connections} -d{seconds:0.#}s --latency -s bench.lua -H \"Cookie: …\" (after a warm-up), on {Environment.ProcessorCount} cores shared by wrk and the server:"));
            output.WriteLine("  page        requests/s      p50      p95      p99      max   KB/answer  server CPU/request  target p95 ≤ 300 ms");
            var ok = true;
            foreach (var (path, target) in Pages)
            {
                ok &= await MeasurePageAsync(output, path, path, target, baseUri, cookie, wrk, script, threads, connections, seconds).ConfigureAwait(false);
            }

            ok &= await NoTimerFiredAsync(output, databases, historyBefore).ConfigureAwait(false);
            return ok;
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One page under wrk after its warm-up: its line of the table; false when it missed its target or an answer was not the page.</summary>
    private static async Task<bool> MeasurePageAsync(TextWriter output, string path, string name, bool target, Uri baseUri, string cookie, string wrk, string script, int threads, int connections, double seconds)
    {
        var url = new Uri(baseUri, path);
        await WarmUpAsync(url, cookie).ConfigureAwait(false);
        Wrk(wrk, script, url, cookie, threads, connections, Math.Min(5, seconds)); // tiered JIT, pools, caches
        var cpuBefore = ProcessorTime();
        var r = Wrk(wrk, script, url, cookie, threads, connections, seconds);
        var cpuMs = r.Requests == 0 ? 0 : (ProcessorTime() - cpuBefore).TotalMilliseconds / r.Requests;
        var met = r.P95Ms <= P95TargetMs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-10} {r.RequestsPerSecond,11:N1} {r.P50Ms,5:N0} ms {r.P95Ms,5:N0} ms {r.P99Ms,5:N0} ms {r.MaxMs,5:N0} ms {r.KilobytesPerAnswer,9:N1} {cpuMs,8:N1} ms  {(target ? met ? "met" : "MISSED" : "(no target)")}"));
        if (r.Non200 > 0 || r.SocketErrors > 0 || r.Requests == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {path}: {r.Non200:N0} answers other than 200 (first: {r.FirstProblem}), {r.SocketErrors:N0} socket errors, {r.Requests:N0} requests: the measurement is void"));
            return false;
        }

        return !target || met;
    }

    /// <summary>The bench's check that no timer fired while measuring (its work would be in the figures).</summary>
    private static async Task<bool> NoTimerFiredAsync(TextWriter output, IDbContextFactory<WorkflowDbContext> databases, int historyBefore)
    {
        var historyAfter = await HistoryRowsAsync(databases).ConfigureAwait(false);
        if (historyAfter == historyBefore)
        {
            return true;
        }

        output.WriteLine($"  {historyAfter - historyBefore} history rows were added while measuring: a timer fired, the figures include its work");
        return false;
    }

    /// <summary>Creates a coordinator account (as `workflow user add` does) and logs in through the form; returns the Cookie header.</summary>
    private static async Task<string> LoginAsync(IServiceProvider services, Uri baseUri, string userName)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkflowUser>>();
            var created = await users.CreateAsync(new WorkflowUser { UserName = userName, DisplayName = "Đo tải" }, password).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("bench: the coordinator account was refused: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUri };
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative)).ConfigureAwait(false);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!token.Success)
        {
            throw new InvalidOperationException("bench: the login form carries no anti-forgery token");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var answer = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), body).ConfigureAwait(false);
        if (answer.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(baseUri)["workflow.auth"] is null && cookies.GetCookies(baseUri)["workflow.authC1"] is null)
        {
            throw new InvalidOperationException($"bench: logging in answered {(int)answer.StatusCode} without the login cookie");
        }

        return cookies.GetCookieHeader(baseUri);
    }

    /// <summary>A few requests with the cookie: each must be the page itself, not the login form.</summary>
    private static async Task WarmUpAsync(Uri url, string cookie)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false };
        using var client = new HttpClient(handler);
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            using var answer = await client.SendAsync(request).ConfigureAwait(false);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"bench: {url} answered {(int)answer.StatusCode} {answer.Headers.Location} with the login cookie");
            }
        }
    }

    private sealed record WrkResult(long Requests, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long Non200, long SocketErrors, double KilobytesPerAnswer, string FirstProblem);

    private static WrkResult Wrk(string wrk, string script, Uri url, string cookie, int threads, int connections, double seconds)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(seconds))}s"), "--timeout", "10s", "--latency", "-s", script, "-H", "Cookie: " + cookie, url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bench: wrk did not start");
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("WRKRESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"bench: wrk printed no result (exit {process.ExitCode}): {text}{error.GetAwaiter().GetResult()}");
        var values = line["WRKRESULT ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        double Number(string key) => double.Parse(values[key], CultureInfo.InvariantCulture);
        var requests = (long)Number("requests");
        return new WrkResult(
            requests,
            requests / (Number("duration") / 1e6),
            Number("p50") / 1000,
            Number("p95") / 1000,
            Number("p99") / 1000,
            Number("max") / 1000,
            (long)Number("non200"),
            (long)Number("socket"),
            requests == 0 ? 0 : Number("bytes") / requests / 1024,
            values["first"]);
    }

    /// <summary>CPU time of this process (the server; the bench itself waits for wrk meanwhile).</summary>
    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<int> HistoryRowsAsync(IDbContextFactory<WorkflowDbContext> databases)
    {
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        return await db.History.CountAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Reports a share of the milestones done, by SQL (the runtime would take minutes for tens of
    /// thousands of reports): of those due a month ago or earlier, 60 % on time and 20 % late; of
    /// those due within the last month, half on time; of those not yet due, one in ten early. The
    /// rest stay open (overdue, due soon, not yet due) or dormant. The outbox is marked sent.
    /// </summary>
    private static async Task SetStatesAsync(IDbContextFactory<WorkflowDbContext> databases)
    {
        var today = Today.ToDateOnly();
        var monthAgo = Today.PlusDays(-30).ToDateOnly();
        var yesterday = Today.PlusDays(-1).ToDateOnly();
        await using var db = await databases.CreateDbContextAsync().ConfigureAwait(false);
        var open = db.Milestones.Where(m => m.DoneOn == null && m.Status == RunStatus.Waiting && m.EffectiveDue != null);

        async Task Done(IQueryable<MilestoneRecord> rows, System.Linq.Expressions.Expression<Func<MilestoneRecord, DateOnly?>> on) =>
            await rows.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DoneOn, on)
                .SetProperty(m => m.Status, RunStatus.Finished)
                .SetProperty(m => m.BookmarkActivity, (string?)null)
                .SetProperty(m => m.BookmarkAt, (LocalDateTime?)null)
                .SetProperty(m => m.BookmarkSignal, (Workflow.Definitions.Workflows.SignalKind?)null)
                .SetProperty(m => m.Revision, m => m.Revision + 1)).ConfigureAwait(false);

        for (var k = 0; k < 16; k++)
        {
            var residue = k;
            var old = open.Where(m => m.EffectiveDue < monthAgo && m.Id % 20 == residue);
            if (k < 12)
            {
                var early = -(k % 5);
                await Done(old, m => m.EffectiveDue!.Value.AddDays(early)).ConfigureAwait(false);
            }
            else
            {
                var late = 3 + (5 * (k - 12));
                await Done(old, m => m.EffectiveDue!.Value.AddDays(late)).ConfigureAwait(false);
            }
        }

        await Done(open.Where(m => m.EffectiveDue >= monthAgo && m.EffectiveDue < today && m.Id % 2 == 0), m => m.EffectiveDue).ConfigureAwait(false);
        await Done(open.Where(m => m.EffectiveDue >= today && m.Id % 10 == 0), m => yesterday).ConfigureAwait(false);

        // Changed by SQL, not by the runtime: the counts kept on write are counted again from the rows, as after any change by hand.
        await ProgressTally.RebuildAsync(db).ConfigureAwait(false);
        await db.Outbox.Where(o => o.Status != OutboxStatus.Sent).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatus.Sent)
            .SetProperty(o => o.SentAtUtc, SystemClock.Instance.GetCurrentInstant())
            .SetProperty(o => o.Attempts, 1)).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans of 2023–2027 holding <paramref name="count"/> milestones together: tasks with the seed
    /// plans' texts; of every 20, 17 due on one day of the year, 2 continuous ("Trong năm", four
    /// quarter-end checkpoints) and 1 waiting for an event; led by the directory's agencies in turn.
    /// </summary>
    private static List<Plan> GeneratedPlans(WorkflowsData data, int count)
    {
        var seeds = data.PlanFiles.Select(f => PlanReader.Read(f, data.Reference).Plan).OfType<Plan>().SelectMany(p => p.Tasks).ToList();
        // Agencies in existence both when each plan is issued (20/12 of the year before) and on the day judged: none of their
        // milestones changes hands while measuring (a handover writes history, which the bench counts as a timer firing).
        List<string> LeadsOf(int year) => [.. data.Reference.Agencies.Agencies
            .Where(a => a.Kind != AgencyKind.Other && a.IsActiveOn(new LocalDate(year - 1, 12, 20)) && a.IsActiveOn(Today)).Select(a => a.Name)];
        var years = Enumerable.Range(2023, 5).ToList();
        var plans = new List<Plan>();
        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            var id = $"bench-web-{year}";
            var leads = LeadsOf(year);
            var wanted = (count / years.Count) + (y < count % years.Count ? 1 : 0);
            var csv = new StringBuilder(wanted * 200);
            csv.Append(CultureInfo.InvariantCulture, $"Mã kế hoạch,{id}\nSố hiệu,{100 + y}/KH-BENCH\nTên kế hoạch,Kế hoạch sinh để đo trang web năm {year}\nNgày ban hành,20/12/{year - 1}\nNăm theo dõi,{year}\n\n");
            csv.Append("TT,Nhóm,Hoạt động,Sản phẩm,Đơn vị chủ trì,Thời gian hoàn thành\n");
            var made = 0;
            for (var i = 0; made < wanted; i++)
            {
                var seed = seeds.Count == 0 ? null : seeds[i % seeds.Count];
                string deadline;
                var kind = i % 20;
                if (kind is 7 or 15 && wanted - made >= 4)
                {
                    deadline = $"Trong năm {year}";
                    made += 4;
                }
                else if (kind == 11)
                {
                    deadline = "Sau khi Trung ương công bố các chỉ số có liên quan";
                    made++;
                }
                else
                {
                    deadline = string.Create(CultureInfo.InvariantCulture, $"ngày {new DateOnly(year, 1, 1).AddDays(i * 37 % 365):dd/MM/yyyy}");
                    made++;
                }

                var lead = leads[((i * 7) + y) % leads.Count];
                if (i % 10 == 3)
                {
                    lead += ", " + leads[((i * 7) + y + 5) % leads.Count];
                }

                csv.Append(CultureInfo.InvariantCulture, $"B{i + 1},{Quote(seed?.Group ?? "I. Nhóm đo")},{Quote(seed?.Activity ?? $"Nhiệm vụ đo số {i + 1}")},{Quote(seed?.Product ?? string.Empty)},{Quote(lead)},{Quote(deadline)}\n");
            }

            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
            var read = PlanReader.Read(stream, id + ".csv", data.Reference, PlanLimits.Generated);
            plans.Add(read.Plan ?? throw new InvalidOperationException($"bench: the generated plan {id} has problems: {read.Problems[0]}"));
        }

        return plans;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>wrk on the PATH. The bench installs nothing: without wrk it says how to get it and stops.</summary>
    private static string? FindWrk(TextWriter output)
    {
        if (Which("wrk") is { } found)
        {
            return found;
        }

        output.WriteLine("web bench: wrk is not on the PATH; install it first (Debian/Ubuntu: sudo apt-get install wrk; elsewhere build it from https://github.com/wg/wrk), then run the bench again. The bench installs nothing.");
        return null;

        static string? Which(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }
}
