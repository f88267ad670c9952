using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Workflow.Definitions.Plans;
using Workflow.Host.Coordination;
using Workflow.Host.Hosting;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;
using Workflow.Host.Tests.Cli;
using Workflow.Host.Tests.Runtime;

namespace Workflow.Host.Tests.Coordination;

/// <summary>
/// The 2025 plan (issued 24/12/2024) in SQLite: its milestones led by agencies that ended in 2025 change hands in the
/// stored runtime, with the handover on the timeline, the successor's pages seeing them, and a coordinator's choice
/// where the duties were divided.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class SuccessionTests : IAsyncLifetime
{
    private readonly TestClock clock = TestClock.At(2025, 2, 20, 9);
    private SqliteHost host = null!;
    private CoordinationService service = null!;

    public async Task InitializeAsync()
    {
        var data = WorkflowsData.Load(CliRun.Workflows);
        host = await SqliteHost.StartAsync(data, clock, s => s.AddSingleton<CoordinationService>());
        var plan = PlanReader.Read(Path.Combine(CliRun.Workflows, "plans", "cchc-2025.csv"), data.Reference).Plan!;
        await host.Runtime.ImportAsync(plan, "test");
        service = host.Services.GetRequiredService<CoordinationService>();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<MilestoneRecord>> TaskAsync(string task)
    {
        await using var db = await host.Databases.CreateDbContextAsync();
        return await db.Milestones.AsNoTracking().Where(m => m.PlanId == "cchc-2025" && m.TaskId == task).OrderBy(m => m.Number).ToListAsync();
    }

    [Fact]
    public async Task From_the_merger_date_Sở_Thông_tin_và_Truyền_thông_s_milestones_are_Sở_Khoa_học_và_Công_nghệ_s()
    {
        // Before the merger nothing changes hands.
        Assert.Equal(0, await host.Runtime.HandOverAsync());
        Assert.All(await TaskAsync("36"), m => Assert.Equal("so-thong-tin-va-truyen-thong", m.Lead));

        clock.Set(2025, 3, 1, 0, 5);
        Assert.True(await host.Runtime.HandOverAsync() > 0);
        Assert.Equal(0, await host.Runtime.HandOverAsync()); // once a day

        var milestones = await TaskAsync("36");
        Assert.All(milestones, m =>
        {
            Assert.Equal("so-khoa-hoc-va-cong-nghe", m.Lead);
            Assert.Equal("so-thong-tin-va-truyen-thong", m.FormerLead);
            Assert.True(m.LeadReview); // press and publishing went to Sở Văn hóa, Thể thao và Du lịch
            Assert.Equal("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)", service.DescribeLead(m));
        });

        var detail = await service.TaskAsync("cchc-2025", "36");
        var handover = detail!.Milestones[0].Timeline.Single(e => e.What == "chuyển giao");
        Assert.Contains("Nghị định số 45/2025/NĐ-CP ngày 28/02/2025", handover.Why, StringComparison.Ordinal);
        Assert.Contains("từ 01/03/2025", handover.Why, StringComparison.Ordinal);

        // The successor's report page lists them; the former agency's does not.
        Assert.Contains(await service.OpenMilestonesOfAsync("so-khoa-hoc-va-cong-nghe"), o => o.Task.TaskId == "36");
        Assert.DoesNotContain(await service.OpenMilestonesOfAsync("so-thong-tin-va-truyen-thong"), o => o.Task.TaskId == "36");
    }

    [Fact]
    public async Task A_coordinator_picks_the_successor_where_the_duties_were_divided()
    {
        clock.Set(2025, 3, 3, 9);
        await host.Runtime.HandOverAsync();
        var m = (await TaskAsync("36"))[0];
        Assert.Equal(["so-khoa-hoc-va-cong-nghe", "so-van-hoa-the-thao-va-du-lich"], service.LeadChoices(m).Select(a => a.Id.ToString()));

        var refused = await service.ChooseLeadAsync(m.Id, "so-noi-vu", "Nguyễn Văn A");
        Assert.False(refused.Ok);
        Assert.Contains("không phải cơ quan kế nhiệm", refused.Message, StringComparison.Ordinal);
        Assert.False((await service.ChooseLeadAsync(m.Id, "khong-co", "Nguyễn Văn A")).Ok);

        var chosen = await service.ChooseLeadAsync(m.Id, "so-van-hoa-the-thao-va-du-lich", "Nguyễn Văn A");
        Assert.True(chosen.Ok, chosen.Message);

        var after = (await TaskAsync("36"))[0];
        Assert.Equal("so-van-hoa-the-thao-va-du-lich", after.Lead);
        Assert.False(after.LeadReview);
        Assert.Equal("Sở Thông tin và Truyền thông (nay là Sở Văn hóa, Thể thao và Du lịch)", service.DescribeLead(after));
        var timeline = (await service.TaskAsync("cchc-2025", "36"))!.Milestones[0].Timeline;
        Assert.Contains(timeline, e => e.What == "chọn cơ quan chủ trì" && e.By == "Nguyễn Văn A");

        // The choice survives the next day's sweep.
        clock.Set(2025, 3, 4, 9);
        await host.Runtime.HandOverAsync();
        Assert.Equal("so-van-hoa-the-thao-va-du-lich", (await TaskAsync("36"))[0].Lead);
    }

    [Fact]
    public async Task A_district_committee_s_open_milestones_go_to_its_communes_on_01_07_2025()
    {
        clock.Set(2025, 7, 1, 0, 5);
        await host.Runtime.HandOverAsync();

        // Task 23: "UBND cấp huyện".
        var m = (await TaskAsync("23"))[0];
        Assert.DoesNotContain("ubnd-quan-", m.Lead, StringComparison.Ordinal);
        Assert.Contains("ubnd-phuong-ninh-kieu", MilestoneMapping.LeadIds(m.Lead));
        Assert.Equal(32, MilestoneMapping.LeadIds(m.Lead).Length);
        Assert.False(m.LeadReview);
        Assert.StartsWith("Ủy ban nhân dân quận Ninh Kiều (nay là Ủy ban nhân dân phường Ninh Kiều, ", service.DescribeLead(m), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_was_handed_over_is_not_handed_over_again_the_next_days()
    {
        clock.Set(2025, 7, 1, 0, 5);
        Assert.True(await host.Runtime.HandOverAsync() > 0);
        var handovers = await HandoverLinesAsync();

        clock.Set(2025, 7, 2, 0, 5);
        Assert.Equal(0, await host.Runtime.HandOverAsync());
        clock.Set(2025, 7, 3, 0, 5);
        Assert.Equal(0, await host.Runtime.HandOverAsync());
        Assert.Equal(handovers, await HandoverLinesAsync());
    }

    private async Task<int> HandoverLinesAsync()
    {
        await using var db = await host.Databases.CreateDbContextAsync();
        return await db.History.CountAsync(h => h.What == "chuyển giao");
    }
}
