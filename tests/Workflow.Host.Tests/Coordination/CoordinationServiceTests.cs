using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Coordination;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;

namespace Workflow.Host.Tests.Coordination;

/// <summary>What coordinators and agencies do to milestones, on the 2025 plan in SQLite, on 20/03/2025.</summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class CoordinationServiceTests : IAsyncLifetime
{
    private readonly TestClock clock = TestClock.At(2025, 3, 20, 9);
    private SqliteHost host = null!;
    private WorkflowsData data = null!;
    private CoordinationService service = null!;

    public async Task InitializeAsync()
    {
        data = WorkflowsData.Load(CliRun.Workflows);
        host = await SqliteHost.StartAsync(data, clock, s => s.AddSingleton<CoordinationService>());
        var plan = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await host.Runtime.ImportAsync(plan, "test");
        service = host.Services.GetRequiredService<CoordinationService>();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<MilestoneRecord> Task15Async()
    {
        await using var db = await host.Databases.CreateDbContextAsync();
        return await db.Milestones.AsNoTracking().SingleAsync(m => m.PlanId == "cchc-2025" && m.TaskId == "15");
    }

    [Fact]
    public async Task An_agency_sees_only_the_open_milestones_it_leads()
    {
        var m = await Task15Async();
        var lead = m.Lead.Split(',')[0];

        var open = await service.OpenMilestonesOfAsync(lead);

        Assert.Contains(open, o => o.Milestone.Id == m.Id);
        Assert.All(open, o => Assert.True(CoordinationService.Leads(o.Milestone, lead)));
        Assert.All(open, o => Assert.Null(o.Milestone.DoneOn));
        // Dated milestones by due date (overdue first), then undated ones, then those waiting for an event.
        var dated = open.TakeWhile(o => o.Milestone.EffectiveDue is not null && o.Milestone.Status != RunStatus.Dormant).ToList();
        Assert.True(dated.Select(o => o.Milestone.EffectiveDue).SequenceEqual(dated.Select(o => o.Milestone.EffectiveDue).Order()));
        Assert.All(open.SkipWhile(o => o.Milestone.Status != RunStatus.Dormant), o => Assert.Equal(RunStatus.Dormant, o.Milestone.Status));
    }

    [Fact]
    public void Leads_matches_whole_agency_ids_only()
    {
        var m = new MilestoneRecord { PlanId = "p", TaskId = "t", DefinitionId = "d", Lead = "so-tu-phap,so-noi-vu", Coordinators = string.Empty };

        Assert.True(CoordinationService.Leads(m, "so-noi-vu"));
        Assert.False(CoordinationService.Leads(m, "so-tu"));
        Assert.False(CoordinationService.Leads(m, "so-noi-vu-x"));
    }

    [Fact]
    public async Task Done_stops_the_chase_and_records_who_and_the_product()
    {
        var m = await Task15Async();

        var outcome = await service.MarkDoneAsync(m.Id, new LocalDate(2025, 3, 19), "Kế hoạch 45/KH-UBND", null, "Văn phòng UBND (qua đường dẫn báo cáo)");

        Assert.True(outcome.Ok, outcome.Message);
        var after = await Task15Async();
        Assert.Equal(new DateOnly(2025, 3, 19), after.DoneOn);
        Assert.Equal(RunStatus.Finished, after.Status);
        var detail = await service.TaskAsync("cchc-2025", "15");
        var timeline = Assert.Single(detail!.Milestones).Timeline;
        Assert.Contains(timeline, e => e.What == "hoàn thành" && e.By.StartsWith("Văn phòng UBND", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.What == "báo cáo hoàn thành" && e.Why.Contains("45/KH-UBND", StringComparison.Ordinal));
        Assert.False((await service.MarkDoneAsync(m.Id, new LocalDate(2025, 3, 19), null, null, "x")).Ok);
    }

    [Fact]
    public async Task Every_timeline_begins_with_how_the_import_started_its_milestone_and_keeps_it_after_changes()
    {
        // The opening is kept on the milestone's row and signed by its import, not written as a history row: the
        // timeline shows it as it was, even once an extension moved the due date it names.
        var m = await Task15Async();
        var request = await service.RequestExtensionAsync(m.Id, new LocalDate(2025, 4, 30), "Chờ ý kiến các sở", "x");
        Assert.True(request.Ok, request.Message);
        Assert.True((await service.DecideExtensionAsync(Assert.Single(await service.PendingExtensionsAsync()).Request.Id, approve: true, "Đồng ý", "Nguyễn Văn A")).Ok);

        var started = (await service.TaskAsync("cchc-2025", "15"))!.Milestones[0].Timeline[0];
        Assert.Equal(new NodaTime.LocalDateTime(2025, 3, 20, 9, 0), started.At);
        Assert.Equal(("bắt đầu", "test", TimelineKind.Step), (started.What, started.By, started.Kind));
        Assert.Equal($"quy trình {m.DefinitionId} phiên bản {m.DefinitionVersion}, hạn hiệu lực 31/03/2025", started.Why);

        // A task that waits for an event ("Sau khi Trung ương công bố…") says so first.
        var waiting = (await service.TaskAsync("cchc-2025", "6"))!.Milestones[0].Timeline[0];
        Assert.Equal(("chờ sự kiện", "nhiệm vụ chỉ bắt đầu khi điều phối viên ghi nhận sự kiện", "test"), (waiting.What, waiting.Why, waiting.By));

        // A plan whose window was over when imported: its milestones are recorded with the plan's status of then.
        var old = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2019.csv"), data.Reference).Plan!;
        Assert.True((await host.Runtime.ImportAsync(old, "khởi tạo")).Closed);
        var task = old.Tasks[0].Id.Value;
        var held = (await service.TaskAsync("cchc-2019", task))!.Milestones[0].Timeline[0];
        Assert.Equal(("không theo dõi", "kế hoạch đã đóng: mốc được ghi lại với ngày của nó, không nhắc, không gửi gì", "khởi tạo"), (held.What, held.Why, held.By));
        await using var db = await host.Databases.CreateDbContextAsync();
        Assert.Equal(0, await db.History.CountAsync(h => h.What == "bắt đầu" || h.What == "chờ sự kiện" || h.What == "không theo dõi"));
        Assert.Equal(["cchc-2025", "cchc-2019"], await db.Imports.OrderBy(i => i.Id).Select(i => i.PlanId).ToListAsync());
    }

    [Fact]
    public async Task A_done_date_in_the_future_is_refused()
    {
        var m = await Task15Async();

        var outcome = await service.MarkDoneAsync(m.Id, new LocalDate(2025, 3, 25), null, null, "x");

        Assert.False(outcome.Ok);
        Assert.Contains("tương lai", outcome.Message, StringComparison.Ordinal);
        Assert.Null((await Task15Async()).DoneOn);
    }

    [Fact]
    public async Task An_extension_request_waits_then_an_approval_moves_the_due_date_and_the_timers()
    {
        var m = await Task15Async();
        Assert.Equal(new NodaTime.LocalDateTime(2025, 3, 24, 8, 0), m.BookmarkAt);

        var asked = await service.RequestExtensionAsync(m.Id, new LocalDate(2025, 4, 30), "Chờ ý kiến các sở", "Văn phòng UBND (qua đường dẫn báo cáo)");
        Assert.True(asked.Ok, asked.Message);
        Assert.False((await service.RequestExtensionAsync(m.Id, new LocalDate(2025, 5, 30), "lần hai", "x")).Ok); // one pending request at a time
        var waiting = await Task15Async();
        Assert.Equal(new DateOnly(2025, 3, 31), waiting.EffectiveDue); // unchanged until a decision
        var request = Assert.Single(await service.PendingExtensionsAsync());

        var approved = await service.DecideExtensionAsync(request.Request.Id, approve: true, "Đồng ý", "Nguyễn Văn A");

        Assert.True(approved.Ok, approved.Message);
        var after = await Task15Async();
        Assert.Equal(new DateOnly(2025, 4, 30), after.Due);
        Assert.Equal(new DateOnly(2025, 5, 5), after.EffectiveDue); // 30/04–04/05 are days off: the next working day counts
        Assert.True(after.Extended);
        Assert.NotEqual(new NodaTime.LocalDateTime(2025, 3, 24, 8, 0), after.BookmarkAt);
        Assert.Empty(await service.PendingExtensionsAsync());
        var timeline = (await service.TaskAsync("cchc-2025", "15"))!.Milestones[0].Timeline;
        Assert.Contains(timeline, e => e.What == "đề nghị gia hạn");
        Assert.Contains(timeline, e => e.What == "duyệt gia hạn" && e.By == "Nguyễn Văn A");
        Assert.Contains(timeline, e => e.What == "gia hạn" && e.By == "Nguyễn Văn A");
        var order = timeline.Select(e => e.What).ToList();
        Assert.True(order.IndexOf("đề nghị gia hạn") < order.IndexOf("duyệt gia hạn") && order.IndexOf("duyệt gia hạn") < order.IndexOf("gia hạn"), string.Join(", ", order));
        Assert.False((await service.DecideExtensionAsync(request.Request.Id, approve: false, null, "B")).Ok); // decided once
    }

    [Fact]
    public async Task A_refused_extension_keeps_the_due_date()
    {
        var m = await Task15Async();
        await service.RequestExtensionAsync(m.Id, new LocalDate(2025, 4, 30), "lý do", "đơn vị");
        var request = Assert.Single(await service.PendingExtensionsAsync());

        var refused = await service.DecideExtensionAsync(request.Request.Id, approve: false, "Không đủ căn cứ", "Nguyễn Văn A");

        Assert.True(refused.Ok);
        Assert.Equal(new DateOnly(2025, 3, 31), (await Task15Async()).EffectiveDue);
    }

    [Theory]
    [InlineData(2025, 3, 31, "sau hạn hiện tại")]
    [InlineData(2025, 3, 1, "sau hạn hiện tại")]
    public async Task An_extension_must_move_the_date_later(int year, int month, int day, string message)
    {
        var m = await Task15Async();

        var outcome = await service.RequestExtensionAsync(m.Id, new LocalDate(year, month, day), "lý do", "đơn vị");

        Assert.False(outcome.Ok);
        Assert.Contains(message, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_and_progress_reports_land_in_the_timeline_with_who()
    {
        var m = await Task15Async();

        Assert.True((await service.AddNoteAsync(m.Id, "Đã gọi điện nhắc", "Nguyễn Văn A")).Ok);
        Assert.True((await service.ReportProgressAsync(m.Id, "Đã có dự thảo", "đơn vị")).Ok);
        Assert.False((await service.AddNoteAsync(m.Id, "  ", "Nguyễn Văn A")).Ok);

        var timeline = (await service.TaskAsync("cchc-2025", "15"))!.Milestones[0].Timeline;
        Assert.Contains(timeline, e => e.What == "ghi chú" && e.Why == "Đã gọi điện nhắc" && e.By == "Nguyễn Văn A");
        Assert.Contains(timeline, e => e.What == "báo cáo tiến độ" && e.By == "đơn vị");
    }

    [Fact]
    public async Task An_event_date_wakes_a_dormant_task()
    {
        var outcome = await service.RecordEventAsync("cchc-2025", "6", new LocalDate(2025, 3, 10), "Nguyễn Văn A");

        Assert.True(outcome.Ok, outcome.Message);
        Assert.False((await service.RecordEventAsync("cchc-2025", "6", new LocalDate(2025, 3, 10), "Nguyễn Văn A")).Ok);
    }

    [Fact]
    public async Task An_uploaded_plan_with_a_problem_imports_nothing_and_names_the_row()
    {
        var csv = File.ReadAllText(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv")).Replace("Quý I/2025", "Quý XIV/2025", StringComparison.Ordinal);
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));

        var upload = await service.ImportAsync(stream, "cchc-2025.csv", "Nguyễn Văn A");

        Assert.Null(upload.Imported);
        Assert.Contains(upload.Problems, p => p.Row is not null && p.Column is not null);
    }
}
