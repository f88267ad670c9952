using System.Globalization;
using System.Text.Json;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Deadlines;
using Workflow.Definitions.Plans;

namespace Workflow.Host.Cli;

/// <summary>Every milestone of a plan, sorted by effective date, for `workflow plan calendar`.</summary>
internal static class PlanCalendar
{
    /// <summary>One milestone of one task. <see cref="Milestone"/> is null for an event task that has no date yet.</summary>
    public sealed record Row(PlanTask Task, int Number, Milestone? Milestone);

    public static IReadOnlyList<Row> Of(Plan plan) =>
        plan.Tasks
            .SelectMany(t => t.Schedule.Milestones.Count == 0
                ? [new Row(t, 0, null)]
                : t.Schedule.Milestones.Select((m, i) => new Row(t, i + 1, m)))
            .OrderBy(r => r.Milestone is null ? 1 : 0)
            .ThenBy(r => r.Milestone?.Effective)
            .ThenBy(r => r.Task.Row)
            .ThenBy(r => r.Number)
            .ToList();

    public static void WriteJson(Utf8JsonWriter json, Row row)
    {
        json.WriteStartObject();
        json.WriteString("task", row.Task.Id.Value);
        json.WriteNumber("milestone", row.Number);
        json.WriteString("kind", DeadlineJson.Kind(row.Task.Schedule.Kind));
        if (row.Milestone is { } m)
        {
            DeadlineJson.WriteNullable(json, "label", m.Label);
            json.WriteString("due", Iso(m.Due));
            json.WriteString("effective", Iso(m.Effective));
            json.WriteBoolean("final", ReferenceEquals(m, row.Task.Schedule.Final));
        }
        else
        {
            json.WriteNull("label");
            json.WriteNull("due");
            json.WriteNull("effective");
            json.WriteBoolean("final", false);
        }

        json.WriteStartArray("lead");
        foreach (var agency in row.Task.Lead.Agencies)
        {
            json.WriteStringValue(agency.ToString());
        }

        json.WriteEndArray();
        json.WriteString("activity", row.Task.Activity);
        json.WriteEndObject();
    }

    /// <summary>The table a coordinator reads: agencies by their short names, unlabelled milestones numbered.</summary>
    public static void WriteTable(TextWriter output, Plan plan, IReadOnlyList<Row> rows, AgencyDirectory agencies)
    {
        output.WriteLine($"{plan.Title}{(plan.Number is null ? string.Empty : $" ({plan.Number})")} — năm {plan.TrackedYear}");
        output.WriteLine("Hiệu lực    Ghi trong KH  TT         Mốc                   Chủ trì                        Nhiệm vụ");
        foreach (var row in rows)
        {
            var m = row.Milestone;
            var effective = m is null ? "chờ sự kiện" : Day(m.Effective);
            var due = m is null ? string.Empty : m.Due == m.Effective ? Day(m.Due) : $"{Day(m.Due)}*";
            var label = m?.Label ?? (m is null ? string.Empty : ReferenceEquals(m, row.Task.Schedule.Final) ? "hạn cuối" : $"mốc {row.Number}");
            var lead = string.Join(", ", row.Task.Lead.Agencies.Select(a => agencies.TryGet(a, out var agency) ? agency.ShortName : a.ToString()));
            output.WriteLine($"{effective,-11} {due,-13} {row.Task.Id.Value,-10} {Cut(label, 21),-21} {Cut(lead, 30),-30} {Cut(row.Task.Activity, 70)}");
        }

        output.WriteLine("* hạn ghi trong kế hoạch rơi vào ngày nghỉ, dời sang ngày làm việc kế tiếp (Bộ luật Dân sự 2015, Điều 148).");
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private static string Day(NodaTime.LocalDate d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
