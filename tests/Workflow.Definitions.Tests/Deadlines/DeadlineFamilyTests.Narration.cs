using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>The families mended from the twenty-sixth harvest's misses: a deadline told in a report's narration.</summary>
public partial class DeadlineFamilyTests
{
    /// <summary>"Trước đó, ngày …, Sở … có công văn …": the day a letter was sent opens the narration; the day it asks for
    /// is the deadline.</summary>
    [Theory]
    [InlineData("Trước đó, ngày 11/12/2025, Sở Kế hoạch và Đầu tư có công văn gửi các đơn vị đề nghị chậm nhất ngày 25/12/2025 phải báo cáo.")]
    [InlineData("Ngày 11/12/2025, Sở Tài chính ban hành Công văn đề nghị các đơn vị báo cáo chậm nhất ngày 25/12/2025.")]
    public void The_day_a_letter_was_sent_is_no_deadline(string phrase)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal("once: 2025-12-25", ScheduleText.Of(schedule));
        Assert.Contains("là ngày của việc đã làm", schedule.Note, StringComparison.Ordinal);
    }

    /// <summary>A deadline cut short ("rút ngắn … xuống ngày …") replaces the one set first; a count cut short sets nothing.</summary>
    [Fact]
    public void A_deadline_cut_short_replaces_the_first()
    {
        var schedule = DeadlineParser.Parse(
            "Ban đầu, kế hoạch đặt ra là hoàn thành chương trình vào năm 2030, tuy nhiên Thủ tướng đề nghị rút ngắn thời hạn hoàn thành toàn bộ chương trình xuống ngày 31/10/2025.",
            Y2025);
        Assert.Equal("once: 2025-10-31", ScheduleText.Of(schedule));
        Assert.Contains("thời hạn ban đầu, đã rút ngắn: năm 2030", schedule.Note, StringComparison.Ordinal);
        var count = DeadlineParser.Parse("Trong năm 2025, rút ngắn thời gian giải quyết thủ tục xuống còn 10 ngày", Y2025);
        Assert.Equal(ScheduleKind.Continuous, count.Kind);
        Assert.DoesNotContain("thời hạn ban đầu", count.Note ?? string.Empty, StringComparison.Ordinal);
    }

    /// <summary>"chốt số liệu ngày 25 tháng báo cáo" is when the figures stop; the report is due on the day it is sent.</summary>
    [Fact]
    public void The_day_figures_stop_is_no_deadline()
    {
        var schedule = DeadlineParser.Parse(
            "Về báo cáo tháng, thời gian chốt số liệu ngày 25 tháng báo cáo, gửi về Bảo hiểm xã hội Việt Nam trước ngày 28 hàng tháng.", Y2025);
        Assert.Equal(12, schedule.Milestones.Count);
        Assert.All(schedule.Milestones, m => Assert.Equal(28, m.Due.Day));
        Assert.Contains("là ngày chốt số liệu", schedule.Note, StringComparison.Ordinal);
    }
}
