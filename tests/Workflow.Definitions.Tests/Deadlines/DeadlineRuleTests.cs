using System.Text;
using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

public class DeadlineRuleTests
{
    private static readonly DeadlineContext Y2025 = new(2025, new LocalDate(2024, 12, 24), RepositoryData.Calendar);

    private static string Read(string phrase, DeadlineContext? context = null) =>
        ScheduleText.Of(DeadlineParser.Parse(phrase, context ?? Y2025));

    [Theory]
    [InlineData("Quý I/2025", "once: 2025-03-31")]
    [InlineData("Quý II/2025", "once: 2025-06-30")]
    [InlineData("Quý III năm 2025", "once: 2025-09-30")]
    [InlineData("Quý IV", "once: 2025-12-31")]
    [InlineData("Quý 1/2026", "once: 2026-03-31")]
    [InlineData("Quý 4 năm 2024", "once: 2024-12-31")]
    [InlineData("Quy II/2025", "once: 2025-06-30")]
    [InlineData("QUÝ III/2025", "once: 2025-09-30")]
    [InlineData("Tháng 12/2024", "once: 2024-12-31")]
    [InlineData("Tháng 2 năm 2024", "once: 2024-02-29")]
    [InlineData("Tháng 6", "once: 2025-06-30")]
    [InlineData("tháng 02/2025", "once: 2025-02-28")]
    [InlineData("Trước ngày 31/01/2025", "once: 2025-01-31")]
    [InlineData("chậm nhất ngày 15 tháng 12 năm 2024", "once: 2024-12-15")]
    [InlineData("ngày 31-01-2025", "once: 2025-01-31")]
    [InlineData("Trước ngày 15/3", "once: 2025-03-15")]
    [InlineData("6 tháng đầu năm", "once: 2025-06-30")]
    [InlineData("6 tháng cuối năm 2024", "once: 2024-12-31")]
    [InlineData("cuối năm", "once: 2025-12-31")]
    [InlineData("Cuối năm 2026", "once: 2026-12-31")]
    public void Once(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Quý II, III/2025", "phased: 2025-06-30 | 2025-09-30")]
    [InlineData("Quý III, IV năm 2025", "phased: 2025-09-30 | 2025-12-31")]
    [InlineData("Quý I/2025 Quy IV/2025", "phased: 2025-03-31 | 2025-12-31")]
    [InlineData("Tháng 12/2024. Quý IV/2025", "phased: 2024-12-31 | 2025-12-31")]
    [InlineData("Tháng 11, 12/2025", "phased: 2025-11-30 | 2025-12-31")]
    [InlineData("Quý I đến Quý III/2025", "phased: 2025-03-31 | 2025-06-30 | 2025-09-30")]
    [InlineData("Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025", "phased: Ban hành kế hoạch 2025-03-31 | Thực hiện 2025-12-31")]
    [InlineData("- Ban hành kế hoạch tháng 12/2024 - Thực hiện trong Quý II, III/2025", "phased: Ban hành kế hoạch 2024-12-31 | Thực hiện 2025-06-30 | Thực hiện 2025-09-30")]
    [InlineData("+ Xây dựng: Quý I/2025; + Tổng kết: Quý IV/2025", "phased: Xây dựng 2025-03-31 | Tổng kết 2025-12-31")]
    public void Phased(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Theory]
    [InlineData("Trong năm 2025")]
    [InlineData("Năm 2025")]
    [InlineData("Cả năm")]
    [InlineData("Thường xuyên")]
    [InlineData("Thuong xuyen")]
    [InlineData("Trong năm")]
    [InlineData("Trong nam 2025")]
    public void Continuous_has_a_checkpoint_at_each_quarter_end(string phrase) =>
        Assert.Equal("continuous: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31", Read(phrase));

    [Theory]
    [InlineData("Định kỳ hằng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("Định kỳ hàng quý", "recurring: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31")]
    [InlineData("6 tháng", "recurring: 6 tháng 2025-06-30 | Năm 2025-12-31")]
    [InlineData("hằng năm", "recurring: Năm 2025-12-31")]
    [InlineData("Trước ngày 15/12 hằng năm", "recurring: Năm 2025-12-15")]
    [InlineData("Báo cáo tiến độ định kỳ quý/ 6 tháng/ 9 tháng và năm", "recurring: Quý I 2025-03-31 | 6 tháng 2025-06-30 | 9 tháng 2025-09-30 | Năm 2025-12-31")]
    [InlineData("Định kỳ hằng quý năm 2026", "recurring: Quý I 2026-03-31 | Quý II 2026-06-30 | Quý III 2026-09-30 | Quý IV 2026-12-31")]
    public void Recurring_has_one_milestone_per_period_end(string phrase, string expected) => Assert.Equal(expected, Read(phrase));

    [Fact]
    public void Monthly_recurring_has_twelve_month_ends()
    {
        var schedule = DeadlineParser.Parse("Báo cáo hằng tháng", Y2025);
        Assert.Equal(ScheduleKind.Recurring, schedule.Kind);
        Assert.Equal(12, schedule.Milestones.Count);
        Assert.Equal(new LocalDate(2025, 2, 28), schedule.Milestones[1].Due);
    }

    [Theory]
    [InlineData("(nếu có)", "event:", "nếu có")]
    [InlineData("Khi có hướng dẫn của Bộ Nội vụ", "event:", "Khi có hướng dẫn của Bộ Nội vụ")]
    [InlineData("Sau khi Trung ương công bố các chỉ số có liên quan", "event:", "Sau khi Trung ương công bố các chỉ số có liên quan")]
    [InlineData("Theo hướng dẫn của Bộ Nội vụ", "event:", "Theo hướng dẫn của Bộ Nội vụ")]
    [InlineData("Quý II/2025 (nếu có)", "event: 2025-06-30", "nếu có")]
    [InlineData("Năm 2025 (khi có hướng dẫn của Trung ương).", "event: Quý I 2025-03-31 | Quý II 2025-06-30 | Quý III 2025-09-30 | Quý IV 2025-12-31", "khi có hướng dẫn của Trung ương")]
    public void Event_keeps_the_milestones_of_its_date_part_and_names_the_event(string phrase, string expected, string note)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(expected, ScheduleText.Of(schedule));
        Assert.Equal(note, schedule.Note);
    }

    [Fact]
    public void A_reference_before_a_date_is_a_note_not_an_event()
    {
        var schedule = DeadlineParser.Parse("Theo Kế hoạch của Bộ Nội vụ. Tháng 12/2024", Y2025);
        Assert.Equal("once: 2024-12-31", ScheduleText.Of(schedule));
        Assert.Equal("Theo Kế hoạch của Bộ Nội vụ", schedule.Note);
    }

    [Fact]
    public void Guidance_with_a_date_is_not_an_event()
    {
        var schedule = DeadlineParser.Parse("Theo hướng dẫn của Bộ Nội vụ. Quý II/2025", Y2025);
        Assert.Equal("once: 2025-06-30", ScheduleText.Of(schedule));
        Assert.Equal("Theo hướng dẫn của Bộ Nội vụ", schedule.Note);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Theo quy định")]
    [InlineData("định kỳ")]
    [InlineData("Quý V/2025")]
    [InlineData("Tháng 13/2025")]
    [InlineData("ngày 31/02/2025")]
    [InlineData("ngày 30 tháng 2 năm 2024")]
    [InlineData("năm 3025")]
    [InlineData("Ít nhất 5 lần/năm")]
    public void Unknown_says_why(string phrase)
    {
        var schedule = DeadlineParser.Parse(phrase, Y2025);
        Assert.Equal(ScheduleKind.Unknown, schedule.Kind);
        Assert.Empty(schedule.Milestones);
        Assert.False(string.IsNullOrWhiteSpace(schedule.Reason));
        Assert.True(schedule.Reason!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Unknown_reason_names_the_bad_date()
    {
        Assert.Contains("31/02/2025", DeadlineParser.Parse("ngày 31/02/2025", Y2025).Reason, StringComparison.Ordinal);
        Assert.Contains("quý chỉ có I, II, III, IV", DeadlineParser.Parse("Quý V/2025", Y2025).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trong năm 20257", "Trong năm 2025")]
    [InlineData("Quý IV/20253.", "Quý IV/2025")]
    [InlineData("Quý  I/2025", "Quý I/2025")]
    [InlineData("Quý I/2025.", "Quý I/2025")]
    [InlineData("Quý I/2025...", "Quý I/2025")]
    [InlineData("Quý\nI/2025", "Quý I/2025")]
    [InlineData("Quý\r\nIII, IV\nnăm 2025", "Quý III, IV năm 2025")]
    [InlineData("Quy IV nam 2025", "Quý IV năm 2025")]
    [InlineData("THƯỜNG XUYÊN", "Thường xuyên")]
    [InlineData("Trong\u00A0năm 2025", "Trong năm 2025")]
    [InlineData("<i>Quý I/2025</i>", "Quý I/2025")]
    [InlineData("Ban hành kế hoạch: Quý I/2025.   Thực hiện:\nTrong năm 2025", "Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025")]
    public void Noise_does_not_change_the_result(string noisy, string clean) =>
        Assert.Equal(Read(clean), Read(noisy));

    [Theory]
    [InlineData("Ban hành kế hoạch: Quý I/2025. Thực hiện: Trong năm 2025")]
    [InlineData("- Ban hành kế hoạch tháng 12/2024 - Thực hiện trong Quý II, III/2025")]
    [InlineData("Năm 2025 (khi có hướng dẫn của Trung ương).")]
    [InlineData("chậm nhất ngày 15 tháng 12 năm 2024")]
    [InlineData("Thường xuyên")]
    public void Nfd_input_reads_like_nfc_and_labels_come_out_nfc(string phrase)
    {
        var nfc = DeadlineParser.Parse(phrase, Y2025);
        var nfd = DeadlineParser.Parse(phrase.Normalize(NormalizationForm.FormD), Y2025);
        Assert.Equal(ScheduleText.Of(nfc), ScheduleText.Of(nfd));
        Assert.Equal(nfc.Note, nfd.Note);
        Assert.All(nfd.Milestones, m => Assert.True(m.Label?.IsNormalized(NormalizationForm.FormC) ?? true));
    }

    [Fact]
    public void A_footnote_digit_is_dropped_and_noted()
    {
        var schedule = DeadlineParser.Parse("Trong năm 20257", Y2025);
        Assert.Equal(ScheduleKind.Continuous, schedule.Kind);
        Assert.Contains("chú thích 7", schedule.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_named_in_the_phrase_wins_over_the_tracked_year()
    {
        Assert.Equal("once: 2024-12-31", Read("Quý IV/2024"));
        Assert.Equal("once: 2019-03-31", Read("Quý I", new DeadlineContext(2019, null, RepositoryData.Calendar)));
    }

    [Fact]
    public void A_due_date_before_the_issue_date_is_noted()
    {
        var schedule = DeadlineParser.Parse("Tháng 11/2024", Y2025);
        Assert.Contains("trước ngày ban hành 24/12/2024", schedule.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quý I/2025", "2025-03-31", "2025-03-31")] // Monday: stays
    [InlineData("Quý II năm 2018", "2018-06-30", "2018-07-02")] // Saturday → Monday
    [InlineData("Tháng 01/2026", "2026-01-31", "2026-02-02")] // Saturday → Monday
    [InlineData("Trước ngày 29/03/2025", "2025-03-29", "2025-03-31")] // Saturday → Monday
    [InlineData("ngày 07/04/2025", "2025-04-07", "2025-04-08")] // Giỗ Tổ Hùng Vương → Tuesday
    [InlineData("ngày 01/01/2025", "2025-01-01", "2025-01-02")] // Tết Dương lịch
    [InlineData("ngày 30/04/2025", "2025-04-30", "2025-05-05")] // 30/4, 1/5 and 2/5 (swapped with Saturday 26/4 in 2025), then the weekend
    public void Effective_date_moves_a_day_off_to_the_next_working_day(string phrase, string due, string effective)
    {
        var m = Assert.Single(DeadlineParser.Parse(phrase, Y2025).Milestones);
        Assert.Equal(due, m.Due.ToString("yyyy-MM-dd", null));
        Assert.Equal(effective, m.Effective.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Never_throws_whatever_the_input()
    {
        var random = new Random(20251224);
        const string alphabet = "Quý IVXquynămthángngày0123456789/-.,;:()&+ \n\tđĐơưàáạảãâầấậẩẫ<>\u0301\u0300\u0323\uFFFD\0";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 60);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            var schedule = DeadlineParser.Parse(new string(chars), Y2025);
            Assert.NotNull(schedule);
            Assert.True(schedule.Kind == ScheduleKind.Unknown ? schedule.Reason is not null : schedule.Reason is null);
            AssertNoInternalFault(schedule);
        }

        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse(null, Y2025).Kind);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse(new string('9', 5000), Y2025).Kind);
        Assert.Equal(ScheduleKind.Unknown, DeadlineParser.Parse("ngày 99999999999/99999999999/99999999999", Y2025).Kind);
    }

    /// <summary>Random strings rarely reach the deeper rules; random runs of the real cells' own words do ("ngày thứ 90 kể từ
    /// ngày kết thúc năm", "của tháng đầu tiên quý tiếp theo" in any order). <see cref="DeadlineParser.Parse"/> turns an
    /// exception into an unknown schedule, so the test asks that none was caught, not merely that none escaped.</summary>
    [Fact]
    public void Never_faults_on_the_corpus_words_in_any_order()
    {
        var words = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Deadlines", "Corpus"), "*.tsv")
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(line => line.Split('\t')[0])
            .SelectMany(phrase => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(words.Length > 1000, $"{words.Length} words");
        var random = new Random(20261204);
        var parts = new string[40];
        for (var i = 0; i < 100_000; i++)
        {
            var length = random.Next(1, parts.Length + 1);
            for (var w = 0; w < length; w++)
            {
                parts[w] = words[random.Next(words.Length)];
            }

            var phrase = string.Join(' ', parts, 0, length);
            var schedule = DeadlineParser.Parse(phrase, i % 2 == 0 ? Y2025 : new DeadlineContext(2026, new LocalDate(2026, 6, 30), RepositoryData.Calendar));
            AssertNoInternalFault(schedule);
        }
    }

    private static void AssertNoInternalFault(Schedule schedule) =>
        Assert.False(schedule.Reason?.Contains("Exception)", StringComparison.Ordinal) ?? false, $"{schedule.Phrase} → {schedule.Reason}");
}
