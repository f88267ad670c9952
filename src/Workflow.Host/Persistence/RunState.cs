using System.Text.Json.Nodes;
using NodaTime;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;

namespace Workflow.Host.Persistence;

/// <summary>
/// The part of a <see cref="MilestoneRun"/> the milestone row's columns do not hold, as a small JSON document: every
/// bookmark (branches in parallel), the variables, the joins' arrivals and the day's step count. The row's bookmark
/// columns keep the earliest timer, which is what Quartz and the pages read.
/// </summary>
internal static class RunState
{
    public static string? Write(MilestoneRun run)
    {
        var simple = run.Bookmarks.Count <= 1 && run.Bookmarks.All(b => !b.Parked && b.EventName is null)
            && run.Variables.Count == 0 && run.Joins.Count == 0 && run.StepsDay is null;
        if (simple)
        {
            return null;
        }

        var state = new JsonObject
        {
            ["bookmarks"] = new JsonArray([.. run.Bookmarks.Select(b => (JsonNode)new JsonObject
            {
                ["activity"] = b.ActivityId,
                ["at"] = b.At is { } at ? MilestoneMapping.Moment.Format(at) : null,
                ["signal"] = b.Signal?.ToString(),
                ["event"] = b.EventName,
                ["parked"] = b.Parked ? true : null,
            })]),
        };
        if (run.Variables.Count > 0)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in run.Variables)
            {
                variables[name] = value?.DeepClone();
            }

            state["variables"] = variables;
        }

        if (run.Joins.Count > 0)
        {
            var joins = new JsonObject();
            foreach (var (id, arrived) in run.Joins)
            {
                joins[id] = new JsonArray([.. arrived.Order(StringComparer.Ordinal).Select(a => (JsonNode)JsonValue.Create(a))]);
            }

            state["joins"] = joins;
        }

        if (run.StepsDay is { } day)
        {
            state["stepsDay"] = day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            state["steps"] = run.StepsToday;
        }

        return state.ToJsonString();
    }

    public static void Read(string json, MilestoneRun run)
    {
        if (JsonNode.Parse(json) is not JsonObject state)
        {
            return;
        }

        foreach (var b in (state["bookmarks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            run.Bookmarks.Add(new Bookmark(
                b["activity"]!.GetValue<string>(),
                b["at"]?.GetValue<string>() is { } at ? MilestoneMapping.Moment.Parse(at).Value : null,
                b["signal"]?.GetValue<string>() is { } signal ? Enum.Parse<SignalKind>(signal) : null)
            {
                EventName = b["event"]?.GetValue<string>(),
                Parked = b["parked"]?.GetValue<bool>() == true,
            });
        }

        foreach (var (name, value) in state["variables"] as JsonObject ?? [])
        {
            run.Variables[name] = value?.DeepClone();
        }

        foreach (var (id, arrived) in state["joins"] as JsonObject ?? [])
        {
            run.Joins[id] = [.. (arrived as JsonArray ?? []).Select(a => a!.GetValue<string>())];
        }

        if (state["stepsDay"]?.GetValue<string>() is { } day)
        {
            run.StepsDay = NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value;
            run.StepsToday = state["steps"]?.GetValue<int>() ?? 0;
        }
    }
}
