using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Tests.Deadlines;

/// <summary>
/// The parser keeps its working buffers per thread from one call to the next: a reading must not see what the
/// one before it left, threads must not share them, and the hot path must stay light. (Its speed is measured by
/// <c>workflow bench</c>, never here.)
/// </summary>
public class ParserBufferTests
{
    private static readonly List<(string Phrase, DeadlineContext Context)> Seeds =
        [.. SeedPhraseTests.Cells.Select(row => ((string)row[0], new DeadlineContext((int)row[1], null, RepositoryData.Calendar)))];

    [Fact]
    public void A_reading_does_not_depend_on_the_one_before_it()
    {
        var alone = Seeds.Select(s => Describe(s.Phrase, s.Context)).ToList();

        // Every cell read after every other (the longest, with most tokens and items, first of all).
        foreach (var before in Seeds.OrderByDescending(s => s.Phrase.Length))
        {
            for (var i = 0; i < Seeds.Count; i++)
            {
                DeadlineParser.Parse(before.Phrase, before.Context);
                Assert.Equal(alone[i], Describe(Seeds[i].Phrase, Seeds[i].Context));
            }
        }
    }

    [Fact]
    public void Threads_reading_at_once_get_the_same_schedules()
    {
        var expected = Seeds.Select(s => Describe(s.Phrase, s.Context)).ToList();
        var results = new string[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var mine = new string[Seeds.Count];
            for (var round = 0; round < 20; round++)
            {
                // Each thread its own order, so that different phrases meet at once.
                for (var n = 0; n < Seeds.Count; n++)
                {
                    var i = (n * (t + 1) + round) % Seeds.Count;
                    mine[i] = Describe(Seeds[i].Phrase, Seeds[i].Context);
                }
            }

            results[t] = mine;
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_seed_cell_allocates_a_few_hundred_bytes()
    {
        foreach (var (phrase, context) in Seeds)
        {
            DeadlineParser.Parse(phrase, context); // first use: statics, calendar years, this thread's buffers
        }

        const int Rounds = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (phrase, context) in Seeds)
            {
                DeadlineParser.Parse(phrase, context);
            }
        }

        var perPhrase = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(Rounds * Seeds.Count);

        // 1,670 bytes before the buffers were kept; about 700 with them. The bound leaves room for new rules' notes.
        Assert.True(perPhrase < 1_000, $"{perPhrase:N0} bytes allocated a phrase");
    }

    private static string Describe(string phrase, DeadlineContext context)
    {
        var schedule = DeadlineParser.Parse(phrase, context);
        return $"{ScheduleText.Of(schedule)} | {schedule.Note} | {schedule.Ambiguity} | {schedule.Reason}";
    }
}
