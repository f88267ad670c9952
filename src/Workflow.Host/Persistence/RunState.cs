using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;

namespace Workflow.Host.Persistence;

/// <summary>
/// The part of a <see cref="MilestoneRun"/> the milestone row's columns do not hold, as a small JSON document: the
/// bookmarks when the columns cannot hold them (branches in parallel, an event's name, a parked branch), the
/// variables, the joins' arrivals and the day's step count. The row's bookmark columns keep the earliest timer,
/// which is what Quartz and the pages read. A state written before lists the bookmarks always; it reads the same.
/// </summary>
internal static class RunState
{
    // Each thread's writer and the last state it wrote: an import writes the same state for many milestones in a row
    // (one bookmark at the same moment, the same day's step count), which then share one string.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json, byte[] Last, string? LastText)? writing;

    /// <summary>
    /// The state as JSON, or null when the row's columns hold all of it. A single plain bookmark (no event name,
    /// not parked) is the row's bookmark columns already and is not repeated here: most milestones wait for one
    /// timer, and their state is then the day's step count alone (a third of the row it was). Otherwise the
    /// bookmarks are listed as a <see cref="JsonObject"/> of these properties writes them, null values included.
    /// Written straight to UTF-8, with no JSON tree.
    /// </summary>
    public static string? Write(MilestoneRun run)
    {
        var inColumns = InColumns(run.Bookmarks);
        if (inColumns && run.Variables.Count == 0 && run.Joins.Count == 0 && run.StepsDay is null)
        {
            return null;
        }

        writing ??= (new ArrayBufferWriter<byte>(256), new Utf8JsonWriter(Stream.Null), [], null);
        var (buffer, json, last, lastText) = writing.Value;
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        if (!inColumns)
        {
            WriteBookmarks(json, run.Bookmarks);
        }

        if (run.Variables.Count > 0)
        {
            json.WriteStartObject("variables");
            foreach (var (name, value) in run.Variables)
            {
                json.WritePropertyName(name);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        if (run.Joins.Count > 0)
        {
            json.WriteStartObject("joins");
            foreach (var (id, arrived) in run.Joins)
            {
                json.WriteStartArray(id);
                foreach (var a in arrived.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(a);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        if (run.StepsDay is { } day)
        {
            json.WriteString("stepsDay", day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("steps", run.StepsToday);
        }

        json.WriteEndObject();
        json.Flush();
        var written = buffer.WrittenSpan;
        if (lastText is not null && written.SequenceEqual(last))
        {
            return lastText;
        }

        var text = Encoding.UTF8.GetString(written);
        writing = (buffer, json, written.ToArray(), text);
        return text;
    }

    /// <summary>Whether the row's bookmark columns hold every bookmark: at most one, with no event name, not parked.</summary>
    public static bool InColumns(IReadOnlyList<Bookmark> bookmarks) => bookmarks.Count == 0 || (bookmarks.Count == 1 && !bookmarks[0].Parked && bookmarks[0].EventName is null);

    private static void WriteBookmarks(Utf8JsonWriter json, List<Bookmark> bookmarks)
    {
        json.WriteStartArray("bookmarks");
        foreach (var b in bookmarks)
        {
            json.WriteStartObject();
            json.WriteString("activity", b.ActivityId);
            json.WriteString("at", b.At is { } at ? MilestoneMapping.Moment.Format(at) : null); // null writes JSON null
            json.WriteString("signal", b.Signal?.ToString());
            json.WriteString("event", b.EventName);
            if (b.Parked)
            {
                json.WriteBoolean("parked", true);
            }
            else
            {
                json.WriteNull("parked");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads <paramref name="json"/> into <paramref name="run"/>.</summary>
    /// <returns>Whether it listed the bookmarks; when not, the row's bookmark columns hold them (see <see cref="Write"/>).</returns>
    public static bool Read(string json, MilestoneRun run)
    {
        if (JsonNode.Parse(json) is not JsonObject state)
        {
            return false;
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

        return state.ContainsKey("bookmarks");
    }
}
