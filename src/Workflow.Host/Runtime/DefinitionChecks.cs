using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Runtime;

/// <summary>
/// What the host checks before a definition may be published or run, beyond what the reader checks: every JavaScript
/// and Liquid expression parses, an email's literal recipients are agencies of the directory with an address, or
/// addresses, and every template an activity names is a template of workflows/templates for that kind of email. Each
/// problem names the activity and the input, in Vietnamese.
/// </summary>
public static class DefinitionChecks
{
    /// <summary>The problems of <paramref name="definition"/>; <paramref name="agencies"/>, when given, checks recipients,
    /// <paramref name="templates"/>, when given, the templates activities name.</summary>
    public static IEnumerable<DefinitionProblem> Problems(WorkflowDefinition definition, AgencyDirectory? agencies, TemplateSet? templates = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var activity in definition.Root.AllActivities())
        {
            if (templates is not null)
            {
                foreach (var (input, use, name) in activity.TemplateNames().Where(t => templates.Find(t.Name, t.Use) is null))
                {
                    yield return new DefinitionProblem(definition.Source, activity.Id, $"{activity.Caption}, đầu vào \"{input}\": {templates.Missing(name, use)}");
                }
            }

            foreach (var (input, expression) in activity.ExpressionInputs())
            {
                if (ExpressionEvaluator.CheckSyntax(expression) is { } error)
                {
                    yield return new DefinitionProblem(definition.Source, activity.Id, $"đầu vào \"{input}\": {error}");
                }
            }

            if (activity is SendEmail email)
            {
                foreach (var (input, value) in new[] { ("to", email.To), ("cc", email.Cc) })
                {
                    if (value is not string list)
                    {
                        continue;
                    }

                    foreach (var name in list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (Unresolvable(name, agencies) is { } why)
                        {
                            yield return new DefinitionProblem(definition.Source, activity.Id, $"đầu vào \"{input}\": {why}");
                        }
                    }
                }
            }
        }
    }

    private static string? Unresolvable(string name, AgencyDirectory? agencies)
    {
        if (name.Contains('@', StringComparison.Ordinal))
        {
            return Workflow.Notifications.Delivery.MailMessages.Address(name) is not null ? null : $"\"{name}\" không phải địa chỉ thư hợp lệ.";
        }

        if (!AgencyId.TryParse(name, out var id))
        {
            return $"\"{name}\" không phải mã cơ quan (chữ thường không dấu, nối bằng '-', ví dụ so-noi-vu) cũng không phải địa chỉ thư.";
        }

        if (agencies is null)
        {
            return null;
        }

        if (!agencies.TryGet(id, out var agency))
        {
            return $"không có cơ quan \"{name}\" trong danh bạ (agencies.yaml): thư không gửi được tới đâu.";
        }

        return string.IsNullOrWhiteSpace(agency.Email) ? $"cơ quan \"{name}\" không có địa chỉ thư trong danh bạ (agencies.yaml)." : null;
    }
}
