using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workflow.Definitions;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;

namespace Workflow.Host.Cli;

/// <summary>
/// `workflow bench`: the speed targets, measured on this machine, with the figures printed. Not a
/// test: a slow machine does not fail the suite, it prints slower figures.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Targets from the issue: phrases a second on one core, and seconds to check a 10,000-row plan.</summary>
    private const double PhrasesPerSecondTarget = 500_000, PlanCheckSecondsTarget = 2.0;

    /// <summary>Measured runs of the parser after its warm-up; the best is judged, as plan check's best of 3 is.</summary>
    private const int ParsingRuns = 3;

    /// <summary>A long lead cell (2,000 parts, 140,000 characters) resolves in well under the time a plan check may take.</summary>
    private const double LongCellSecondsTarget = 1.0;

    public static Command Create(TextWriter output, TextWriter error, Option<string?> workflows)
    {
        var seconds = new Option<double>("--seconds") { Description = "How long each throughput run lasts.", DefaultValueFactory = _ => 2.0 };
        var rows = new Option<int>("--rows") { Description = "Rows of the generated plan for the plan-check benchmark.", DefaultValueFactory = _ => 10_000 };
        var runtime = new Option<bool>("--runtime") { Description = "Also the runtime: import and schedule, timer lag, simulate (minutes, not seconds)." };
        var milestones = new Option<int>("--milestones") { Description = "Milestones imported by the runtime benchmark.", DefaultValueFactory = _ => 100_000 };
        var timers = new Option<int>("--timers") { Description = "Timers due at once in the timer-lag benchmark.", DefaultValueFactory = _ => 10_000 };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string: the import benchmark runs there too." };
        var delivery = new Option<bool>("--delivery") { Description = "Also delivery: rendering 10,000 digests; with --smtp, throughput against a bare SmtpClient loop." };
        var smtp = new Option<string?>("--smtp") { Description = "host:port of an SMTP server (MailDev) for the throughput benchmark." };
        var mails = new Option<int>("--mails") { Description = "Messages sent each way by the throughput benchmark.", DefaultValueFactory = _ => 1_000 };
        var web = new Option<bool>("--web") { Description = "Also the web pages: the overview and the agency view under wrk, with --milestones in the database (needs wrk on the PATH; installs nothing)." };
        var webSeconds = new Option<double>("--web-seconds") { Description = "How long wrk loads each page.", DefaultValueFactory = _ => 15.0 };
        var connections = new Option<int>("--connections") { Description = "wrk's open connections (concurrent requests).", DefaultValueFactory = _ => 16 };
        var command = new Command("bench", "Measures deadline parsing, plan checking and agency cells against their targets (developers).") { seconds, rows, runtime, milestones, timers, postgres, delivery, smtp, mails, web, webSeconds, connections };
        command.SetAction(result =>
        {
            var folder = WorkflowsFolder.Locate(result.GetValue(workflows));
            if (folder is null)
            {
                error.WriteLine("Không tìm thấy thư mục dữ liệu \"workflows\"; dùng --workflows THƯ_MỤC.");
                return WorkflowCommandLine.InputProblems;
            }

            var reference = ReferenceData.Load(folder);
            var plans = Directory.GetFiles(Path.Combine(folder, "plans"), "*.csv").Order(StringComparer.Ordinal)
                .Select(f => PlanReader.Read(f, reference).Plan)
                .OfType<Plan>()
                .ToList();
            var ok = Parsing(output, plans, reference, result.GetValue(seconds));
            ok &= Checking(output, plans, reference, result.GetValue(rows));
            ok &= LongCell(output, reference);
            if (result.GetValue(delivery))
            {
                ok &= DeliveryBench.Run(output, Hosting.WorkflowsData.Load(folder), result.GetValue(smtp), result.GetValue(mails));
            }

            if (result.GetValue(runtime))
            {
                ok &= RuntimeBench.Run(output, Hosting.WorkflowsData.Load(folder), result.GetValue(milestones), result.GetValue(timers), result.GetValue(postgres));
            }

            if (result.GetValue(web))
            {
                ok &= WebBench.Run(output, Hosting.WorkflowsData.Load(folder), result.GetValue(milestones), result.GetValue(postgres), result.GetValue(webSeconds), result.GetValue(connections));
            }

            output.WriteLine(ok ? "All targets met." : "Some targets missed.");
            return ok ? WorkflowCommandLine.Ok : WorkflowCommandLine.InputProblems;
        });
        return command;
    }

    private static bool Parsing(TextWriter output, List<Plan> plans, ReferenceData reference, double seconds)
    {
        var phrases = plans
            .SelectMany(p => p.Tasks.Where(t => t.Deadline.Length > 0).Select(t => (t.Deadline, Context: new DeadlineContext(p.TrackedYear, p.IssuedOn, reference.Calendar))))
            .DistinctBy(x => (x.Deadline, x.Context.TrackedYear))
            .ToArray();
        // Warm up as long as one measured run, not one pass: tiered compilation rewrites the parser's hot
        // methods (tier 0, instrumented, then optimised with its profile) in a background thread over
        // the first seconds, and the target is the steady state a server's parser runs at.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (phrase, context) in phrases)
            {
                DeadlineParser.Parse(phrase, context);
            }
        }

        // Three measured runs, the best judged as the other targets are (best of 3): on a shared machine a run can lose a
        // third of its speed to a neighbour's work, which says nothing of the parser; the median is shown beside it.
        var runs = new (double Rate, double PerCpu, double Bytes)[ParsingRuns];
        for (var run = 0; run < runs.Length; run++)
        {
            runs[run] = ParsingRun(phrases, seconds);
        }

        var best = runs.MaxBy(r => r.Rate);
        var median = runs.Select(r => r.Rate).Order().ElementAt(runs.Length / 2);
        // On a machine shared with other work the wall clock counts the time the thread waited for a core; its own CPU
        // time does not, and says what the parser itself costs.
        var perCpu = best.PerCpu > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {best.PerCpu:N0} a second of the thread's CPU time") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deadline parsing: {best.Rate:N0} phrases/s (best of {runs.Length} runs of {seconds:0.#} s, median {median:N0}/s{perCpu}) on one thread over the {phrases.Length} distinct seed phrases, {best.Bytes:N0} bytes allocated a phrase (target ≥ {PhrasesPerSecondTarget:N0}/s)"));
        return best.Rate >= PhrasesPerSecondTarget;
    }

    /// <summary>One timed run: phrases a second of the wall clock and of the thread's CPU time, and bytes allocated a phrase.</summary>
    private static (double Rate, double PerCpu, double Bytes) ParsingRun((string Deadline, DeadlineContext Context)[] phrases, double seconds)
    {
        var count = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuSeconds();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (phrase, context) in phrases)
            {
                DeadlineParser.Parse(phrase, context);
            }

            count += phrases.Length;
        }

        clock.Stop();
        var cpu = ThreadCpuSeconds() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (count / clock.Elapsed.TotalSeconds, cpu > 0 ? count / cpu : 0, allocated / (double)count);
    }

    /// <summary>The calling thread's CPU time (user and system) in seconds, from <c>/proc/thread-self/stat</c>; 0 where
    /// that file is not (not Linux). Counted in the kernel's clock ticks, 100 a second: over a two-second run, within 1 %.</summary>
    private static double ThreadCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            // The command name (field 2) is in brackets and may hold spaces: count the fields after its closing bracket.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static bool Checking(TextWriter output, List<Plan> plans, ReferenceData reference, int rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"workflow-bench-{Environment.ProcessId}.csv");
        try
        {
            File.WriteAllText(file, GeneratedPlan(plans, rows), new UTF8Encoding(false));
            var best = double.MaxValue;
            var tasks = 0;
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var result = PlanReader.Read(file, reference);
                clock.Stop();
                if (!result.IsValid)
                {
                    output.WriteLine($"plan check: the generated plan has problems: {result.Problems[0]}");
                    return false;
                }

                tasks = result.Plan!.Tasks.Count;
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plan check: {tasks:N0} rows in {best:N3} s (best of 3, in process; target < {PlanCheckSecondsTarget} s)"));
            return best < PlanCheckSecondsTarget;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Resolving one very long agency cell (known, unknown and group names, 2,000 times over): best of 3.</summary>
    private static bool LongCell(TextWriter output, ReferenceData reference)
    {
        var cell = string.Join(", ", Enumerable.Repeat("Sở Nội vụ, Sở Foo (ghi chú), UBND quận, huyện và các đơn vị liên quan", 2000));
        reference.Agencies.Resolve("Sở Nội vụ"); // warm up
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            reference.Agencies.Resolve(cell);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agency cells: a cell of {cell.Length:N0} characters (2,000 parts) resolved in {best:N3} s (best of 3; target < {LongCellSecondsTarget} s)"));
        return best < LongCellSecondsTarget;
    }

    /// <summary>A plan of <paramref name="rows"/> tasks made of the seed plans' real cells, cycled.</summary>
    internal static string GeneratedPlan(IReadOnlyList<Plan> seeds, int rows)
    {
        var source = seeds.Where(p => p.TrackedYear == 2025).SelectMany(p => p.Tasks).ToList();
        if (source.Count == 0)
        {
            source = seeds.SelectMany(p => p.Tasks).ToList();
        }

        var csv = new StringBuilder(rows * 200);
        csv.Append("Mã kế hoạch,bench-2025\nTên kế hoạch,Kế hoạch sinh để đo\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\n");
        csv.Append("TT,Nhóm,Hoạt động,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành,Kỳ báo cáo\n");
        for (var i = 0; i < rows; i++)
        {
            var t = source[i % source.Count];
            csv.Append(CultureInfo.InvariantCulture, $"B{i + 1},{Quote(t.Group ?? string.Empty)},{Quote(t.Activity)},{Quote(t.Product ?? string.Empty)},{Quote(t.Lead.Cell)},{Quote(t.Coordinators.Cell)},{Quote(t.Deadline)},{Quote(string.Join("; ", t.ReportPeriods))}\n");
        }

        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
