using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Workflow.Definitions.Plans;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Scheduling;
using Workflow.Host.Simulation;
using Workflow.Definitions.Agencies;

namespace Workflow.Host.Cli;

/// <summary>
/// The runtime's speed targets (`workflow bench --runtime`): importing and scheduling a million
/// milestones against a raw bulk insert of the same rows, timers firing on time with those
/// milestones in the store, and simulating the 2025 plan.
/// </summary>
internal static class RuntimeBench
{
    /// <summary>The import target: a million milestones imported and scheduled within a minute.</summary>
    private const double ImportSecondsTarget = 60;

    /// <summary>The warm-up import's size: past <see cref="BulkLoadIndexes.MinimumRows"/>, so it takes the large load's path.</summary>
    private const int WarmUpMilestones = 5_000;

    public static bool Run(TextWriter output, WorkflowsData data, int milestones, int timers, string? postgres)
    {
        var ok = Simulate(output, data);
        WarmUp(data, DatabaseKind.Sqlite, null);
        var (sqlite, cleanup) = FreshDatabase(DatabaseKind.Sqlite, null);
        try
        {
            ok &= Import(output, data, milestones, sqlite);
            if (postgres is not null)
            {
                WarmUp(data, DatabaseKind.PostgreSql, postgres);
                var (settings, dropSchema) = FreshDatabase(DatabaseKind.PostgreSql, postgres);
                try
                {
                    ok &= Import(output, data, milestones, settings);
                }
                finally
                {
                    dropSchema();
                }
            }

            // The timers fire with the imported milestones still in the store, as in a national deployment (--timers 0: no timers).
            if (timers > 0)
            {
                ok &= TimerLag(output, data, timers, sqlite);
            }
        }
        finally
        {
            cleanup();
        }

        return ok;
    }

    private static bool Simulate(TextWriter output, WorkflowsData data)
    {
        var plan = PlanReader.Read(Path.Combine(data.Folder, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        var simulator = new Simulator(data.Reference.Calendar, new AgencyId(data.Reference.Reports.FollowUpAgency), new MilestonePlanner(data.Reference.Agencies, data.Definitions, data.Rules));
        simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], []); // warm up
        var clock = Stopwatch.StartNew();
        var result = simulator.Run(plan, new LocalDate(2025, 1, 1), new LocalDate(2026, 1, 31), [], []);
        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulate cchc-2025, 01/2025–01/2026: {clock.Elapsed.TotalSeconds:N3} s for {result.Notifications.Count:N0} notifications (target ≤ 2 s)"));
        return clock.Elapsed.TotalSeconds <= 2;
    }

    /// <summary>
    /// A small import through a host of its own, on a fresh database of the same kind, thrown away: what a process pays
    /// once (compiling the import's code, EF Core's model and services for the provider, the provider's first connection)
    /// is paid here, as <see cref="Simulate"/> warms up before it measures, and as the raw insert, run after the import,
    /// finds the provider's code already compiled. The measured import still starts its own host on its own new database.
    /// </summary>
    private static void WarmUp(WorkflowsData data, DatabaseKind kind, string? postgres)
    {
        var (settings, cleanup) = FreshDatabase(kind, postgres);
        try
        {
            ImportThroughHost(data, settings, GeneratedPlan(data, WarmUpMilestones, "bench-warm-up", year: 2027));
        }
        finally
        {
            cleanup();
        }
    }

    /// <remarks>The plan is due at the end of 2027: its first reminders come long after the timer benchmark's minute, run later on the same store.</remarks>
    private static bool Import(TextWriter output, WorkflowsData data, int count, DatabaseSettings settings)
    {
        var kind = settings.Kind;
        var plan = GeneratedPlan(data, count, "bench-import", year: 2027);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true); // the generation's garbage, given back
        ResetPeakWorkingSet();
        var clock = Stopwatch.StartNew();
        ImportThroughHost(data, settings, plan);
        clock.Stop();
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64;
        var raw = RawInsert(settings, count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import and schedule {count:N0} milestones on {(kind == DatabaseKind.Sqlite ? "SQLite" : "PostgreSQL")}: {clock.Elapsed.TotalSeconds:N1} s, peak working set {peak / 1048576.0:N0} MiB (target ≤ 60 s for 1,000,000, ≤ 10× the raw insert, ≤ 1 GiB); a raw bulk insert of the same rows: {raw.TotalSeconds:N2} s, ratio {clock.Elapsed / raw:N1}×"));
        return clock.Elapsed.TotalSeconds <= ImportSecondsTarget * Math.Max(1, count / 1_000_000.0) && clock.Elapsed <= raw * 10 && peak <= 1L << 30;
    }

    /// <summary>What an import measured here is: a host started on the database (its schema made), the plan imported, the host stopped.</summary>
    private static void ImportThroughHost(WorkflowsData data, DatabaseSettings settings, Plan plan)
    {
        using var host = WorkflowHost.Build(data, settings, runJobs: false);
        host.StartAsync().GetAwaiter().GetResult();
        host.Services.GetRequiredService<WorkflowRuntime>().ImportAsync(plan, "bench").GetAwaiter().GetResult();
        host.StopAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Starts the kernel's record of the process's peak working set again from its present size (Linux: "5" written to
    /// /proc/self/clear_refs), so that the peak read after an import is that import's: not the generation of its plan,
    /// nor an earlier import's in this process (the SQLite one, before PostgreSQL's). The C library is first asked to
    /// give back what an earlier import freed (SQLite's page cache and sorts: about 400 MB it would otherwise keep for
    /// the process). Where either cannot be done the peak stays the process's own, which is never lower.
    /// </summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            _ = NativeMethods.MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: what it keeps stays counted.
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the process's peak.
        }
    }

    /// <summary>
    /// The same number of milestone rows in one transaction, by each database's own bulk path: SQLite
    /// one prepared statement, PostgreSQL binary COPY (a statement a row would time round trips, not inserts). The floor.
    /// </summary>
    private static TimeSpan RawInsert(DatabaseSettings settings, int count)
    {
        using var connection = QuartzSetup.CreateConnection(settings.Kind, settings.ConnectionString);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, plan_id TEXT, task_id TEXT, number INTEGER, effective_due TEXT, bookmark_at TEXT, lead TEXT)";
            create.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        if (connection is NpgsqlConnection postgres)
        {
            using (var copy = postgres.BeginBinaryImport("COPY bench_raw (id, plan_id, task_id, number, effective_due, bookmark_at, lead) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < count; i++)
                {
                    copy.StartRow();
                    copy.Write(i + 1);
                    copy.Write("bench");
                    copy.Write($"B{i + 1}");
                    copy.Write(1);
                    copy.Write("2026-12-31");
                    copy.Write("2026-12-17T08:00:00");
                    copy.Write("so-noi-vu");
                }

                copy.Complete();
            }

            transaction.Commit();
            return clock.Elapsed;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_raw (id, plan_id, task_id, number, effective_due, bookmark_at, lead) VALUES (@id, 'bench', @task, 1, '2026-12-31', '2026-12-17T08:00:00', 'so-noi-vu')";
        var id = insert.CreateParameter();
        id.ParameterName = "@id";
        id.DbType = System.Data.DbType.Int32;
        var task = insert.CreateParameter();
        task.ParameterName = "@task";
        task.DbType = System.Data.DbType.String;
        insert.Parameters.Add(id);
        insert.Parameters.Add(task);
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            id.Value = i + 1;
            task.Value = $"B{i + 1}";
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return clock.Elapsed;
    }

    /// <summary>
    /// Timers due within one minute: milestones whose 14-day reminder falls a few seconds to a
    /// minute ahead (an accelerated clock puts 08:00 of the reminder day there), run by the real
    /// scheduler; the lag of each is when its step was recorded minus when it was due.
    /// </summary>
    /// <remarks>
    /// The timers' own plan is imported first, by a host that fires nothing, on a clock at the
    /// start moment running at real speed (its moments are days ahead of it). Only then does the
    /// accelerated clock run, from the moment the server that fires has started; its reconciliation
    /// (the imported triggers set on the new clock) comes out of the 20 s before the first moment,
    /// so the lag measured is the firing's alone, not the bench's own import or the server's start.
    /// </remarks>
    private static bool TimerLag(TextWriter output, WorkflowsData data, int count, DatabaseSettings settings)
    {
        // The milestones are due on ten days in a row, so their 14-day reminders fall at 08:00
        // of ten days; the clock runs 14,400 times faster (a day in 6 s): the first comes 20 s
        // after the start and all of them within one minute.
        const double speed = 14_400;
        var start = new NodaTime.LocalDateTime(2026, 12, 13, 16, 0);
        var plan = GeneratedPlan(data, count, "bench-timers", spreadOverDays: 10);
        using (var importer = WorkflowHost.Build(data, settings, runJobs: false, clock: RuntimeClock.Accelerated(start, 1, NodaTime.SystemClock.Instance.GetCurrentInstant())))
        {
            importer.StartAsync().GetAwaiter().GetResult();
            importer.Services.GetRequiredService<WorkflowRuntime>().ImportAsync(plan, "bench").GetAwaiter().GetResult();
            importer.StopAsync().GetAwaiter().GetResult();
        }

        // The firing server's clock stands at the start while the server starts, then runs; its first
        // step is the one `serve` takes once started: reconciliation moves the imported triggers onto
        // the accelerated clock (left to its periodic round, a minute later, it was the lag measured).
        var clock = RuntimeClock.Accelerated(start, speed, anchor: null);
        using var host = WorkflowHost.Build(data, settings, runJobs: true, clock: clock);
        host.StartAsync().GetAwaiter().GetResult();
        var realStart = clock.Run().ToDateTimeOffset();
        host.Services.GetRequiredService<WorkflowRuntime>().ReconcileAsync().GetAwaiter().GetResult();
        DateTimeOffset DueOf(LocalDateTime moment) =>
            realStart + TimeSpan.FromSeconds((moment.InUtc().ToInstant() - new LocalDateTime(2026, 12, 13, 16, 0).InUtc().ToInstant()).TotalSeconds / speed);
        var databases = host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        var until = DateTime.UtcNow.AddMinutes(3);
        List<DateTime> recorded;
        do
        {
            Thread.Sleep(1000);
            using var db = databases.CreateDbContext();
            // Each timer's lag: when the outbox got the milestone's first reminder (the 14-day one; a late
            // run may already hold the next), against when its moment came.
            recorded = db.Outbox.AsNoTracking().Where(o => o.Kind == Notifications.NotificationKind.Reminder && o.PlanId == plan.Id.Value)
                .Select(o => new { o.TaskId, o.CreatedAtUtc, o.At }).AsEnumerable()
                .GroupBy(o => o.TaskId).Select(g => g.MinBy(o => o.At)!)
                .Select(o => (o.CreatedAtUtc.ToDateTimeOffset() - DueOf(o.At)).TotalSeconds)
                .Select(seconds => DateTime.MinValue.AddSeconds(Math.Max(0, seconds)))
                .ToList();
        }
        while (recorded.Count < count && DateTime.UtcNow < until);
        host.StopAsync().GetAwaiter().GetResult();

        var lags = recorded.Select(r => (r - DateTime.MinValue).TotalSeconds).Order().ToList();
        if (lags.Count == 0)
        {
            output.WriteLine("timer lag: no timer fired");
            return false;
        }

        var p50 = lags[(int)(lags.Count * 0.50)];
        var p99 = lags[Math.Min(lags.Count - 1, (int)(lags.Count * 0.99))];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timer lag, {lags.Count:N0} of {count:N0} timers due within one minute on SQLite: p50 {p50:N1} s, p99 {p99:N1} s, max {lags[^1]:N1} s (target p99 ≤ 5 s for 10,000 due within a minute)"));
        return lags.Count == count && p99 <= 5;
    }

    /// <summary>A plan of <paramref name="count"/> tasks of one milestone each, led by Sở Nội vụ, due 31/12 of <paramref name="year"/> and the days after.</summary>
    /// <remarks>Written to a temporary file and read from there, so that the bench's own text of a million rows does not count in the import's peak working set.</remarks>
    private static Plan GeneratedPlan(WorkflowsData data, int count, string id, int spreadOverDays = 1, int year = 2026)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{id}-{Guid.NewGuid():N}.csv");
        try
        {
            using (var csv = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                csv.Write(string.Create(CultureInfo.InvariantCulture, $"Mã kế hoạch,{id}\nTên kế hoạch,Kế hoạch sinh để đo\nNăm theo dõi,{year}\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n"));
                for (var i = 0; i < count; i++)
                {
                    var due = new DateOnly(year, 12, 31).AddDays(i % spreadOverDays);
                    csv.Write(string.Create(CultureInfo.InvariantCulture, $"B{i + 1},Nhiệm vụ đo số {i + 1},Sở Nội vụ,ngày {due:dd/MM/yyyy}\n"));
                }
            }

            using var stream = File.OpenRead(file);
            var read = PlanReader.Read(stream, id + ".csv", data.Reference, PlanLimits.Generated);
            return read.Plan ?? throw new InvalidOperationException(read.Problems[0].ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static (DatabaseSettings Settings, Action Cleanup) FreshDatabase(DatabaseKind kind, string? postgres)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"workflow-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            var settings = DatabaseSettings.Parse("sqlite:" + Path.Combine(directory, "bench.db"), "unused");
            return (settings, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            });
        }

        var schema = $"bench_{Guid.NewGuid():N}"[..22];
        Execute(postgres!, $"CREATE SCHEMA {schema}");
        var builder = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema };
        return (new DatabaseSettings(DatabaseKind.PostgreSql, builder.ToString()), () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(postgres!, $"DROP SCHEMA {schema} CASCADE");
        });
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>The C library's call that returns freed heap memory to the system (glibc).</summary>
internal static class NativeMethods
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    internal static extern int MallocTrim(nuint pad);
}
