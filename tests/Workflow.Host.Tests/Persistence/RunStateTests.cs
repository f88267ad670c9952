using System.Text.Json.Nodes;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Persistence;

/// <summary>
/// The workflow state a milestone row keeps as JSON: written without a JSON tree, the bookmarks the row's
/// columns cannot hold are the text the tree of the same properties gives, a single plain bookmark is left to
/// the columns, rows written before read the same, and everything reads back whole.
/// </summary>
public sealed class RunStateTests
{
    [Fact]
    public void A_run_with_branches_variables_and_joins_is_written_as_its_json_tree_and_reads_back_whole()
    {
        var run = Run();
        run.Bookmarks.Add(new Bookmark("nhac-14", new LocalDateTime(2025, 3, 17, 8, 0), SignalKind.Report));
        run.Bookmarks.Add(new Bookmark("cho-bao-cao", null, null) { EventName = "Sự kiện \"đặc biệt\"", Parked = true });
        run.Variables["soLan"] = JsonValue.Create(3);
        run.Variables["ghiChú"] = new JsonObject { ["nội dung"] = "Báo cáo <quý> & 'năm'", ["danh sách"] = new JsonArray(1, "hai", null) };
        run.Variables["trống"] = null;
        run.Joins["hop"] = ["b", "a"];
        run.StepsDay = new LocalDate(2025, 3, 17);
        run.StepsToday = 4;

        var text = RunState.Write(run);

        Assert.Equal(AsJsonTree(run), text);
        var back = Run();
        RunState.Read(text!, back);
        Assert.Equal(run.Bookmarks, back.Bookmarks);
        Assert.Equal(run.Variables.Keys, back.Variables.Keys);
        Assert.All(run.Variables, v => Assert.True(JsonNode.DeepEquals(v.Value, back.Variables[v.Key])));
        Assert.Equal(["a", "b"], back.Joins["hop"].Order(StringComparer.Ordinal));
        Assert.Equal((run.StepsDay, run.StepsToday), (back.StepsDay, back.StepsToday));
    }

    [Fact]
    public void One_plain_bookmark_is_left_to_the_row_columns_and_comes_back_from_them()
    {
        var run = Run();
        run.Bookmarks.Add(new Bookmark("nhac-14", new LocalDateTime(2025, 3, 17, 8, 0), SignalKind.Report));
        run.StepsDay = new LocalDate(2025, 3, 3);
        run.StepsToday = 1;

        var row = MilestoneMapping.NewRecord(run, "Quý I");
        var back = MilestoneMapping.ToRun(row);

        Assert.Equal("""{"stepsDay":"2025-03-03","steps":1}""", row.State);
        Assert.Equal("nhac-14", row.BookmarkActivity);
        Assert.Equal(run.Bookmarks, back.Bookmarks);
        Assert.Equal((run.StepsDay, run.StepsToday), (back.StepsDay, back.StepsToday));
    }

    [Fact]
    public void A_state_written_before_with_its_bookmark_listed_reads_the_same()
    {
        var run = Run();
        run.Bookmarks.Add(new Bookmark("nhac-14", new LocalDateTime(2025, 3, 17, 8, 0), null));
        run.StepsDay = new LocalDate(2025, 3, 3);
        run.StepsToday = 2;
        var row = MilestoneMapping.NewRecord(run, null);
        row.State = AsJsonTree(run); // as rows were written until now
        row.BookmarkActivity = null; // the list, not the columns, is read
        row.BookmarkAt = null;

        var back = MilestoneMapping.ToRun(row);

        Assert.Equal(run.Bookmarks, back.Bookmarks);
        Assert.Equal(2, back.StepsToday);
    }

    [Fact]
    public void Equal_states_written_in_a_row_share_one_text_and_a_different_one_gets_its_own()
    {
        var first = Run();
        first.Bookmarks.Add(new Bookmark("nhac-14", new LocalDateTime(2025, 3, 17, 8, 0), null));
        first.StepsDay = new LocalDate(2025, 3, 3);
        first.StepsToday = 1;
        var second = Run();
        second.Bookmarks.Add(new Bookmark("nhac-7", new LocalDateTime(2025, 3, 24, 8, 0), null));
        second.StepsDay = new LocalDate(2025, 3, 3);
        second.StepsToday = 1;

        var a = RunState.Write(first);
        var b = RunState.Write(second);
        second.StepsToday = 2;
        var c = RunState.Write(second);

        Assert.Same(a, b);
        Assert.Equal("""{"stepsDay":"2025-03-03","steps":2}""", c);
    }

    private static MilestoneRun Run() =>
        new(new MilestoneKey(new PlanId("p"), new TaskId("1"), 1), "chase", 1, new LocalDate(2025, 3, 31), new LocalDate(2025, 3, 31), false, [new AgencyId("so-noi-vu")], []);

    /// <summary>The text the state had when it was written through a JSON tree (rows stored before read the same).</summary>
    private static string AsJsonTree(MilestoneRun run)
    {
        var state = new JsonObject
        {
            ["bookmarks"] = new JsonArray([.. run.Bookmarks.Select(b => (JsonNode)new JsonObject
            {
                ["activity"] = b.ActivityId,
                ["at"] = b.At?.ToString("uuuu-MM-dd'T'HH:mm:ss", null),
                ["signal"] = b.Signal?.ToString(),
                ["event"] = b.EventName,
                ["parked"] = b.Parked ? true : null,
            })]),
        };
        if (run.Variables.Count > 0)
        {
            state["variables"] = new JsonObject(run.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
        }

        if (run.Joins.Count > 0)
        {
            state["joins"] = new JsonObject(run.Joins.Select(j => KeyValuePair.Create(j.Key, (JsonNode?)new JsonArray([.. j.Value.Order(StringComparer.Ordinal).Select(a => (JsonNode)a)]))));
        }

        if (run.StepsDay is { } day)
        {
            state["stepsDay"] = day.ToString("uuuu-MM-dd", null);
            state["steps"] = run.StepsToday;
        }

        return state.ToJsonString();
    }
}
