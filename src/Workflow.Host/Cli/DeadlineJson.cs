using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workflow.Definitions.Deadlines;

namespace Workflow.Host.Cli;

/// <summary>
/// The JSON other tools read from `workflow deadline`: one object a phrase,
/// {"phrase", "kind", "milestones": [{"label", "due", "effective"}], "note", "reason"}.
/// Vietnamese stays readable (no \u escapes).
/// </summary>
internal static class DeadlineJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter json, Schedule schedule)
    {
        json.WriteStartObject();
        json.WriteString("phrase", schedule.Phrase);
        json.WriteString("kind", Kind(schedule.Kind));
        json.WriteStartArray("milestones");
        foreach (var m in schedule.Milestones)
        {
            json.WriteStartObject();
            if (m.Label is null)
            {
                json.WriteNull("label");
            }
            else
            {
                json.WriteString("label", m.Label);
            }

            json.WriteString("due", m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("effective", m.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNullable(json, "note", schedule.Note);
        WriteNullable(json, "reason", schedule.Reason);
        json.WriteEndObject();
    }

    public static string Kind(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Once => "once",
        ScheduleKind.Phased => "phased",
        ScheduleKind.Continuous => "continuous",
        ScheduleKind.Recurring => "recurring",
        ScheduleKind.Event => "event",
        _ => "unknown",
    };

    internal static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
