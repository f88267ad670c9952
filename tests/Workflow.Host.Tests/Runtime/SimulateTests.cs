using System.Text.Json;
using Workflow.Host.Tests.Cli;

namespace Workflow.Host.Tests.Runtime;

/// <summary>The 2025 plan under the default rules, simulated over 13 months: what the rules imply, pinned task by task.</summary>
public class SimulateTests
{
    private static readonly string Plan2025 = Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv");

    private static List<(string At, string Action, string Task, int Milestone, string Due, string[] To)> Simulate(params string[] extra)
    {
        var (exit, output, error) = CliRun.Run(["simulate", "--plan", Plan2025, "--from", "2025-01-01", "--to", "2026-01-31", "--json", .. extra]);
        Assert.True(exit == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            return (e.GetProperty("at").GetString()!, e.GetProperty("action").GetString()!, e.GetProperty("task").GetString()!,
                e.GetProperty("milestone").GetInt32(), e.GetProperty("due").GetString()!,
                e.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToArray());
        }).ToList();
    }

    [Fact]
    public void A_quarter_one_task_is_reminded_noticed_and_escalated_as_the_rules_say()
    {
        // Task 15: "Quý I/2025", due Monday 31/03/2025, lead Văn phòng UBND thành phố.
        var task = Simulate().Where(e => e.Task == "15").ToList();

        Assert.All(task, e => Assert.Equal("2025-03-31", e.Due));
        Assert.Equal(
            [
                ("2025-03-17T08:00", "reminder"),
                ("2025-03-24T08:00", "reminder"),
                ("2025-03-28T08:00", "reminder"), // the 1-day reminder falls on Sunday 30/03, moves to Friday 28/03 and merges
                ("2025-04-01T08:00", "overdue"),
                ("2025-04-03T08:00", "escalation"), // third working day after the due date
                ("2025-04-08T08:00", "escalation"), // Monday 07/04/2025 is Giỗ Tổ Hùng Vương
                ("2025-04-14T08:00", "escalation"),
                ("2025-04-21T08:00", "escalation"),
            ],
            task.Take(8).Select(e => (e.At, e.Action)).ToArray());
        Assert.Contains(task, e => e.At == "2025-09-03T08:00"); // Monday 01/09 and Tuesday 02/09 are Quốc khánh
        Assert.DoesNotContain(task, e => e.At.StartsWith("2025-09-01", StringComparison.Ordinal));
        Assert.Equal("2026-01-26T08:00", task[^1].At);
        Assert.All(task.Where(e => e.Action == "escalation"), e => Assert.Equal(["so-noi-vu"], e.To));
        Assert.All(task.Where(e => e.Action != "escalation"), e => Assert.Contains("van-phong-ubnd-thanh-pho", e.To));
    }

    [Fact]
    public void Sở_Thông_tin_và_Truyền_thông_s_tasks_reach_Sở_Khoa_học_và_Công_nghệ_from_its_merger_date()
    {
        // Task 36: "Trong năm 2025", lead Sở Thông tin và Truyền thông, merged into Sở Khoa học và Công nghệ on 01/03/2025.
        var task = Simulate().Where(e => e.Task == "36" && e.Action != "escalation").ToList();

        Assert.NotEmpty(task);
        Assert.All(task, e => Assert.True(string.CompareOrdinal(e.At, "2025-03-01") >= 0));
        Assert.All(task, e => Assert.Equal(["so-khoa-hoc-va-cong-nghe"], e.To));
    }

    [Fact]
    public void A_district_committee_s_duty_reaches_the_communes_formed_on_its_territory_from_01_07_2025()
    {
        // Task 25: "Các sở, ban, ngành; UBND cấp huyện", "Trong năm 2025": the nine district committees until 30/06/2025.
        var task = Simulate().Where(e => e.Task == "25" && e.Action == "reminder").ToList();
        var june = task.Single(e => e.Milestone == 2);
        var september = task.Single(e => e.Milestone == 3);

        Assert.Contains("ubnd-quan-ninh-kieu", june.To);
        Assert.DoesNotContain(september.To, t => t.StartsWith("ubnd-quan-", StringComparison.Ordinal) || t.StartsWith("ubnd-huyen-", StringComparison.Ordinal));
        Assert.Equal(32, september.To.Count(t => t.StartsWith("ubnd-phuong-", StringComparison.Ordinal) || t.StartsWith("ubnd-xa-", StringComparison.Ordinal)));
        Assert.Contains("ubnd-phuong-ninh-kieu", september.To);
        Assert.Contains("ubnd-xa-vinh-thanh", september.To);
    }

    [Fact]
    public void A_plan_s_communes_named_before_they_were_listed_are_reached_through_the_districts_then_the_new_communes()
    {
        // A cell naming only "UBND xã, phường, thị trấn" in a plan of the former city, issued in 2024: the directory lists
        // no commune before 01/07/2025, so the district committees are chased, then the communes formed on their territory.
        var plan = Path.Combine(Path.GetTempPath(), $"workflow-communes-{Guid.NewGuid():N}.csv");
        File.WriteAllText(plan, "Mã kế hoạch,xa-2025\nTên kế hoạch,Kế hoạch thử của cấp xã\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\n"
            + "TT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Rà soát thủ tục hành chính cấp xã,\"UBND xã, phường, thị trấn\",Trong năm 2025\n");
        try
        {
            var (exit, output, error) = CliRun.Run("simulate", "--plan", plan, "--from", "2025-01-01", "--to", "2025-12-31", "--json");
            Assert.True(exit == 0, error);
            var sent = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
                .Where(e => e.GetProperty("action").GetString() != "escalation")
                .Select(e => (At: e.GetProperty("at").GetString()!, To: e.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();

            var before = sent.Where(e => string.CompareOrdinal(e.At, "2025-07-01") < 0).SelectMany(e => e.To).Distinct().ToList();
            var after = sent.Where(e => string.CompareOrdinal(e.At, "2025-07-01") >= 0).SelectMany(e => e.To).Distinct().ToList();
            Assert.Equal(9, before.Count);
            Assert.All(before, t => Assert.Matches("^ubnd-(quan|huyen)-", t));
            Assert.Equal(32, after.Count);
            Assert.All(after, t => Assert.Matches("^ubnd-(phuong|xa)-", t));
            Assert.Contains("ubnd-phuong-cai-khe", after);
        }
        finally
        {
            File.Delete(plan);
        }
    }

    [Fact]
    public void Nothing_is_addressed_to_an_agency_on_a_day_after_it_ended()
    {
        var directory = Workflow.Definitions.Agencies.AgencyDirectory.Load(Path.Combine(CliRun.Workflows, "agencies.yaml"));
        var all = Simulate();

        Assert.Contains(all, e => string.CompareOrdinal(e.At, "2025-07-01") >= 0);
        foreach (var e in all)
        {
            var day = NodaTime.Text.LocalDatePattern.Iso.Parse(e.At[..10]).Value;
            Assert.All(e.To, to => Assert.True(directory.Get(Workflow.Definitions.Agencies.AgencyId.Parse(to)).IsActiveOn(day), $"{e.At} task {e.Task}: {to} had ended"));
        }
    }

    [Fact]
    public void Reporting_done_removes_everything_after_that_day()
    {
        var task = Simulate("--done", "15=2025-03-20").Where(e => e.Task == "15").ToList();
        Assert.Equal([("2025-03-17T08:00", "reminder")], task.Select(e => (e.At, e.Action)).ToArray());
    }

    [Fact]
    public void Continuous_checkpoints_get_the_lighter_chase()
    {
        // Task 4: "Trong năm 2025": a checkpoint at each quarter end, one reminder 7 days before.
        var task = Simulate().Where(e => e.Task == "4" && e.Milestone == 1).ToList();
        Assert.Equal(("2025-03-24T08:00", "reminder"), (task[0].At, task[0].Action));
        Assert.DoesNotContain(task, e => e.Action == "overdue");
        Assert.Equal(("2025-04-03T08:00", "escalation"), (task[1].At, task[1].Action));
    }

    [Fact]
    public void An_event_task_sleeps_until_its_event_then_is_due_thirty_days_later()
    {
        Assert.DoesNotContain(Simulate(), e => e.Task == "6");

        // Task 6 waits for the central government's publication; recorded on 02/06/2025 → due 02/07/2025.
        var task = Simulate("--event", "6=2025-06-02").Where(e => e.Task == "6").ToList();
        Assert.NotEmpty(task);
        Assert.All(task, e => Assert.Equal("2025-07-02", e.Due));
        Assert.Equal("2025-06-18T08:00", task[0].At);
    }

    [Fact]
    public void At_most_one_notification_of_a_kind_per_milestone_per_day()
    {
        var all = Simulate();
        Assert.Equal(all.Count, all.Select(e => (e.Task, e.Milestone, e.Action, e.At[..10])).Distinct().Count());
        Assert.Equal(all.Select(e => e.At).Order(StringComparer.Ordinal), all.Select(e => e.At));
    }

    [Fact]
    public void Emails_are_one_digest_per_agency_per_day_plus_the_escalations()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"workflow-sim-eml-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = CliRun.Run("simulate", "--plan", Plan2025, "--from", "2025-01-01", "--to", "2026-01-31", "--emails", folder);
            Assert.True(exit == 0, error);
            Assert.Contains("Đã ghi", output, StringComparison.Ordinal);

            var headers = Directory.GetFiles(folder, "*.eml").Select(f => File.ReadLines(f).TakeWhile(l => l.Length > 0).ToList()).ToList();
            Assert.True(headers.Count > 100);
            string Header(List<string> lines, string name) => lines.Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];
            var perAgencyDay = headers.GroupBy(h => (Header(h, "X-Workflow-Recipient"), Header(h, "X-Workflow-Day"))).ToList();
            Assert.All(perAgencyDay.Where(g => g.Key.Item1 != "so-noi-vu"), g => Assert.Single(g));
            Assert.All(perAgencyDay, g => Assert.True(g.Count() <= 2)); // Sở Nội vụ: its own digest and the escalation report
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_explained()
    {
        var (exit, _, error) = CliRun.Run("simulate", "--plan", Plan2025, "--from", "2025-13-01", "--to", "2026-01-31", "--done", "99=2025-01-01");
        Assert.Equal(2, exit);
        Assert.Contains("--from \"2025-13-01\" không phải ngày", error, StringComparison.Ordinal);
    }
}
