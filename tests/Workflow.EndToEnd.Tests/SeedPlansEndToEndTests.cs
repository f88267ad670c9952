using System.Text.Json;

namespace Workflow.EndToEnd.Tests;

/// <summary>The seed plans through the real program, from the repository root, finding workflows/ by itself.</summary>
public class SeedPlansEndToEndTests
{
    [Fact]
    public void Every_plan_file_in_the_repository_passes_plan_check()
    {
        var plans = Directory.GetFiles(Path.Combine(WorkflowProcess.Root, "workflows", "plans"), "*.csv");
        Assert.Equal(5, plans.Length);
        foreach (var plan in plans)
        {
            var (exit, output, error) = WorkflowProcess.Run(WorkflowProcess.Root, "plan", "check", plan);
            Assert.True(exit == 0, $"{plan}: {output}{error}");
            Assert.Contains("hợp lệ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_plan_exits_one_and_says_where()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hong-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "Mã kế hoạch,hong\nTên kế hoạch,Hỏng\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì\n1,Việc,Sở Nội vụ\n");
        try
        {
            var (exit, output, _) = WorkflowProcess.Run(WorkflowProcess.Root, "plan", "check", file);
            Assert.Equal(1, exit);
            Assert.Contains("thiếu cột \"Thời gian hoàn thành\"", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Deadline_batch_reads_many_phrases_in_one_process()
    {
        var lines = new List<string>();
        lines.Add("Quý I/2025\t2025\t2024-12-24");
        lines.Add("- Ban hành kế hoạch tháng 12/2024 - Thực hiện trong Quý II, III/2025\t2025\t2024-12-24");
        lines.Add("Năm 2025 (khi có hướng dẫn của Trung ương).\t2025\t");
        lines.Add("Trong năm 20257\t2025\t");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, lines);
            var (exit, output, _) = WorkflowProcess.Run(WorkflowProcess.Root, "deadline", "--batch", file);
            Assert.Equal(0, exit);
            var kinds = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString())
                .ToArray();
            Assert.Equal(new[] { "once", "phased", "event", "continuous" }, kinds);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Calendar_prints_vietnamese_names_in_utf8()
    {
        var (exit, output, _) = WorkflowProcess.Run(WorkflowProcess.Root, "calendar", "--year", "2026");
        Assert.Equal(0, exit);
        Assert.Contains("\"2026-02-17\"", output, StringComparison.Ordinal); // Tết Bính Ngọ
        Assert.Contains("Tết Nguyên đán", output, StringComparison.Ordinal);
        Assert.Contains("Giỗ Tổ Hùng Vương", output, StringComparison.Ordinal);
    }
}
