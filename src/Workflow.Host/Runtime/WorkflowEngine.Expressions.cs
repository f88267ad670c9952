using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Workflow.Definitions.Workflows;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    private ExpressionScope Scope(MilestoneRun run, LocalDateTime now)
    {
        var open = run.DoneOn is null && run.Status != RunStatus.Dormant;
        var overdue = open && run.EffectiveDue is { } due && now.Date > due ? Period.Between(due, now.Date, PeriodUnits.Days).Days : 0;
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Plan"] = run.Key.Plan.Value,
            ["PlanNumber"] = run.PlanNumber,
            ["Task"] = run.Key.Task.Value,
            ["Milestone"] = run.Key.Number,
            ["Title"] = run.Title,
            ["Product"] = run.Product,
            ["Due"] = run.Due is { } d ? Iso(d) : null,
            ["Effective"] = run.EffectiveDue is { } e ? Iso(e) : null,
            ["Lead"] = run.Lead.Select(a => a.ToString()).ToArray(),
            ["Coordinators"] = run.Coordinators.Select(a => a.ToString()).ToArray(),
            ["ReportLink"] = options.ReportLink?.Invoke(run),
            ["Done"] = run.DoneOn is not null,
            ["DaysOverdue"] = overdue,
        };
        return new ExpressionScope(input, run.Variables);
    }

    private bool Condition(object condition, MilestoneRun run, LocalDateTime now) => condition switch
    {
        bool flag => flag,
        Expression e => options.Expressions.Evaluate(e, Scope(run, now)) switch
        {
            bool b => b,
            null => false,
            double number => number != 0 && !double.IsNaN(number),
            string text when bool.TryParse(text.Trim(), out var parsed) => parsed,
            string text => text.Length > 0,
            _ => true,
        },
        _ => false,
    };

    private string Text(object? value, MilestoneRun run, LocalDateTime now, bool htmlIntent = false) => value switch
    {
        null => string.Empty,
        Expression e => ExpressionEvaluator.Text(options.Expressions.Evaluate(e, Scope(run, now), htmlIntent)),
        _ => ExpressionEvaluator.Text(value),
    };

    private static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        Instant instant => JsonValue.Create(ExpressionEvaluator.Text(instant)),
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value),
    };

    private static void InitialiseVariables(MilestoneRun run, WorkflowDefinition definition)
    {
        if (definition.Variables() is not JsonArray declared)
        {
            return;
        }

        foreach (var v in declared.OfType<JsonObject>())
        {
            if (v["name"]?.GetValue<string>() is not { Length: > 0 } name || run.Variables.ContainsKey(name))
            {
                continue;
            }

            var typeName = v["typeName"] is JsonValue t && t.TryGetValue(out string? tn) ? tn : null;
            var value = v["value"];
            run.Variables[name] = value is JsonValue text && text.TryGetValue(out string? s) && typeName is "Int32" or "Int64" or "Double" or "Decimal"
                && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : value is JsonValue text2 && text2.TryGetValue(out string? b) && typeName == "Boolean" && bool.TryParse(b, out var flag)
                    ? JsonValue.Create(flag)
                    : value?.DeepClone();
        }
    }

    /// <summary>Elsa's SetVariable: the variable takes the expression's value (or the literal text).</summary>
    private void SetVariable(MilestoneRun run, SetVariable set, LocalDateTime now) =>
        run.Variables[set.Variable] = set.Value switch
        {
            Expression e => JsonValueOf(options.Expressions.Evaluate(e, Scope(run, now))),
            string text => JsonValue.Create(text),
            _ => null,
        };

    /// <summary>Elsa's WriteLine: the text goes on the milestone's timeline (cut at 2,000 characters).</summary>
    private void WriteLine(MilestoneRun run, WriteLine line, LocalDateTime now)
    {
        var text = Text(line.Text, run, now);
        run.History.Add(new HistoryEntry(now, line.Id, "ghi chép", text.Length > 2_000 ? text[..2_000] + "…" : text));
    }
}
