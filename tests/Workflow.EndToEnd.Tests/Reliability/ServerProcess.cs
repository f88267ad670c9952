using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Npgsql;
using Workflow.Tests;
using Workflow.Host.Persistence;

namespace Workflow.EndToEnd.Tests.Reliability;

/// <summary>
/// A `workflow serve` process on an accelerated clock (<see cref="ServerClock"/>), started, killed with
/// SIGKILL or stopped, and restarted on the same database and the same timeline.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    /// <summary>Generous: a server on a loaded CI machine took more than a minute to start (load average 30).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The report links' signing key every test server uses (WORKFLOW_LINK_KEY).</summary>
    public static readonly string LinkKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly ServeProcess process;

    private ServerProcess(ServeProcess process)
    {
        this.process = process;
    }

    public string Output => process.Output;

    /// <summary>
    /// The real instant the server's accelerated clock was at its start: the one the test gave, or the
    /// one the server chose when it was ready (its <see cref="Workflow.Host.Cli.ServeClock.RunningLine"/>).
    /// </summary>
    public DateTimeOffset Anchor { get; private init; }

    /// <summary>Starts a server and waits until it says it runs.</summary>
    public static async Task<ServerProcess> StartAsync(ReliabilityWorkspace workspace, ServerClock clock, params string[] extra)
    {
        var start = WorkflowProgram.StartInfo(workspace.Directory, new[] { "serve", "--workflows", workspace.Workflows, "--database", workspace.Database, "--urls", "http://127.0.0.1:0" }.Concat(clock.Arguments).Concat(extra));
        start.Environment["WORKFLOW_LINK_KEY"] = LinkKey; // one key for every server of a cluster, as in production
        var process = ServeProcess.Start(start);
        if (!await process.WaitUntilRunningAsync(StartTimeout))
        {
            var why = process.Describe(StartTimeout);
            process.Dispose();
            throw new InvalidOperationException(why);
        }

        return new ServerProcess(process) { Anchor = clock.RealStart ?? AnchorSaid(process.Output) };
    }

    /// <summary>The anchor in the server's line "… --clock-anchor 2026-12-02T06:40:00.123Z …".</summary>
    private static DateTimeOffset AnchorSaid(string output)
    {
        var option = Workflow.Host.Cli.ServeClock.AnchorOption + " ";
        var at = output.IndexOf(option, StringComparison.Ordinal);
        Assert.True(at >= 0, "the server names its clock's anchor:\n" + output);
        var text = output[(at + option.Length)..].Split(' ', '\n')[0];
        return NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value.ToDateTimeOffset();
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill() => process.Kill();

    /// <summary>A graceful stop (SIGTERM), as a service manager would.</summary>
    public Task StopAsync() => process.StopAsync();

    public void Dispose() => process.Dispose();
}

/// <summary>
/// The accelerated clock a test server runs on: the virtual moment <paramref name="VirtualStart"/>
/// (Vietnam time) was at <paramref name="RealStart"/>, and time runs <paramref name="Speed"/> times
/// faster (`serve --clock-start --clock-speed --clock-anchor`). Without <paramref name="RealStart"/>
/// the clock runs from when the server is ready (<see cref="ServerProcess.Anchor"/> says when), so a
/// slow start on a loaded machine costs none of the accelerated time.
/// </summary>
internal sealed record ServerClock(DateTime VirtualStart, DateTimeOffset? RealStart, double Speed)
{
    public IReadOnlyList<string> Arguments =>
        Workflow.Host.Cli.ServeClock.Arguments(NodaTime.LocalDateTime.FromDateTime(VirtualStart), Speed, RealStart is { } real ? NodaTime.Instant.FromDateTimeOffset(real) : null);
}

/// <summary>A workflows folder with one generated plan, and a database, in a temporary directory.</summary>
internal sealed class ReliabilityWorkspace : IDisposable
{
    private ReliabilityWorkspace(string directory, string database, string? postgresSchema, string? postgresServer, string planFile = "thu-2025.csv")
    {
        PlanFile = planFile;
        Directory = directory;
        Database = database;
        PostgresSchema = postgresSchema;
        PostgresServer = postgresServer;
    }

    public string Directory { get; }

    public string Workflows => Path.Combine(Directory, "workflows");

    private string PlanFile { get; }

    public string Plan => Path.Combine(Workflows, "plans", PlanFile);

    /// <summary>Where the server writes its emails when it has no SMTP server (.data/emails beside workflows/).</summary>
    public string Emails => Path.Combine(Directory, ".data", "emails");

    /// <summary>A workspace with one of the repository's own plans (workflows/plans/<paramref name="planFile"/>) on SQLite.</summary>
    public static ReliabilityWorkspace WithSeedPlan(string planFile)
    {
        var workspace = Create();
        File.Delete(workspace.Plan);
        File.Copy(Path.Combine(WorkflowProcess.Root, "workflows", "plans", planFile), Path.Combine(workspace.Workflows, "plans", planFile));
        return new ReliabilityWorkspace(workspace.Directory, workspace.Database, null, null, planFile);
    }

    /// <summary>The --database value.</summary>
    public string Database { get; }

    private string? PostgresSchema { get; }

    private string? PostgresServer { get; }

    public static ReliabilityWorkspace Create(string? postgres = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-rel-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var source = Path.Combine(WorkflowProcess.Root, "workflows");
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}plans{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, "workflows", Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, "workflows", "plans"));
        File.WriteAllText(Path.Combine(directory, "workflows", "plans", "thu-2025.csv"), GeneratedPlan());
        if (postgres is null)
        {
            return new ReliabilityWorkspace(directory, "sqlite:" + Path.Combine(directory, "workflow.db"), null, null);
        }

        var schema = $"rel_{Guid.NewGuid():N}"[..20];
        using (var connection = new NpgsqlConnection(postgres))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema };
        return new ReliabilityWorkspace(directory, "postgresql:" + builder, schema, postgres);
    }

    /// <summary>30 tasks due on working and non-working days of March 2025, led by several agencies.</summary>
    private static string GeneratedPlan()
    {
        string[] leads = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND thành phố", "Sở Tài chính", "UBND quận Ninh Kiều", "Sở Y tế"];
        var csv = new StringBuilder("Mã kế hoạch,thu-2025\nTên kế hoạch,Kế hoạch thử độ bền\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n");
        for (var i = 0; i < 30; i++)
        {
            var due = new DateOnly(2025, 3, 4).AddDays(i);
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},Nhiệm vụ thử số {i + 1},{leads[i % leads.Length]},ngày {due:dd/MM/yyyy}\n");
        }

        return csv.ToString();
    }

    /// <summary>The outbox, read straight from the database.</summary>
    public List<(string Key, string At)> Outbox()
    {
        using var db = Open();
        return db.Outbox.AsNoTracking().OrderBy(o => o.Key).Select(o => new { o.Key, o.At }).AsEnumerable().Select(o => (o.Key, LocalDateTimePattern.GeneralIso.Format(o.At))).ToList();
    }

    /// <summary>The real moment the server imported the plan (stored as UTC).</summary>
    public DateTimeOffset ImportedAtUtc()
    {
        using var db = Open();
        return db.Plans.AsNoTracking().Select(p => p.ImportedAtUtc).Single().ToDateTimeOffset();
    }

    /// <summary>Every history entry that sent something (not those merged into an earlier one).</summary>
    public List<(long Milestone, string What, string Why, string By)> Sends()
    {
        string[] sends = ["nhắc hạn", "báo quá hạn", "báo cáo Sở Nội vụ"];
        using var db = Open();
        return db.History.AsNoTracking().Where(h => sends.Contains(h.What) && !h.Why.StartsWith("trùng ngày"))
            .Select(h => new { h.MilestoneId, h.What, h.Why, h.By }).AsEnumerable().Select(h => (h.MilestoneId, h.What, h.Why, h.By)).ToList();
    }

    /// <summary>A task's history, one line an entry in the order it was written: for a failing test's log.</summary>
    public List<string> HistoryOf(string taskId)
    {
        using var db = Open();
        var milestones = db.Milestones.AsNoTracking().Where(m => m.TaskId == taskId).ToList();
        return MilestoneSteps.ReadAsync(db, milestones).GetAwaiter().GetResult() // each milestone's opening (on its row), then its history rows
            .Select(h => $"#{h.MilestoneId} {LocalDateTimePattern.GeneralIso.Format(h.At)} {h.ActivityId} {h.What}: {h.Why} ({h.By}, recorded {h.RecordedAtUtc})").ToList();
    }

    /// <summary>Outbox rows meant for before <paramref name="moment"/> ("yyyy-MM-ddTHH:mm:ss") that no delivery pass has tried yet.</summary>
    public int Undelivered(string moment)
    {
        var at = LocalDateTimePattern.GeneralIso.Parse(moment).Value;
        using var db = Open();
        return db.Outbox.AsNoTracking().Count(o => o.At < at && o.Attempts == 0);
    }

    /// <summary>How many waiting milestones have a timer at or before <paramref name="moment"/> ("yyyy-MM-ddTHH:mm:ss").</summary>
    public int TimersDueBy(string moment)
    {
        var at = LocalDateTimePattern.GeneralIso.Parse(moment).Value;
        using var db = Open();
        return db.Milestones.AsNoTracking().Count(m => m.Status == Workflow.Host.Runtime.RunStatus.Waiting && m.BookmarkAt != null && m.BookmarkAt <= at);
    }

    private WorkflowDbContext Open() => Store.Open(Database);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {PostgresSchema} CASCADE", connection);
            command.ExecuteNonQuery();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
