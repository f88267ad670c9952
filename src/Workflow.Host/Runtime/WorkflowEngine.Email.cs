using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Notifications;

namespace Workflow.Host.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>The recipients an email input names: agency ids or addresses, from a literal list or an expression.</summary>
    private List<string> Recipients(object? value, MilestoneRun run, LocalDateTime now, string input)
    {
        var raw = value switch
        {
            null => [],
            Expression e => options.Expressions.Evaluate(e, Scope(run, now)) switch
            {
                null => [],
                IEnumerable<object?> list => list.Select(ExpressionEvaluator.Text),
                var single => ExpressionEvaluator.Text(single).Split([',', ';']),
            },
            string text => text.Split([',', ';']),
            _ => [ExpressionEvaluator.Text(value)],
        };
        var names = raw.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (name.Contains('@', StringComparison.Ordinal))
            {
                if (Workflow.Notifications.Delivery.MailMessages.Address(name) is null)
                {
                    throw new ExpressionException($"\"{input}\": \"{name}\" không phải địa chỉ thư hợp lệ.");
                }
            }
            else if (!AgencyId.TryParse(name, out var id) || options.Agencies is { } directory && !directory.TryGet(id, out _))
            {
                throw new ExpressionException($"\"{input}\": \"{name}\" không phải mã cơ quan trong danh bạ (agencies.yaml) cũng không phải địa chỉ thư; thư không gửi được tới đâu.");
            }
            else if (options.Agencies is { } known && known.TryGet(id, out var agency) && string.IsNullOrWhiteSpace(agency.Email))
            {
                throw new ExpressionException($"\"{input}\": cơ quan \"{name}\" không có địa chỉ thư trong danh bạ (agencies.yaml).");
            }
        }

        return names;
    }

    private void SendEmail(MilestoneRun run, INotificationSink sink, SendEmail email, LocalDateTime now, LocalDateTime moment, bool late)
    {
        var to = Recipients(email.To, run, now, "to");
        if (to.Count == 0)
        {
            throw new ExpressionException("\"to\" không cho ra người nhận nào; thư không gửi được tới đâu.");
        }

        var cc = Recipients(email.Cc, run, now, "cc");
        var subject = Text(email.Subject, run, now).ReplaceLineEndings(" ").Trim();
        var bodySource = email.Body is Expression { Language: ExpressionLanguage.Liquid } liquid ? liquid.Text : email.Body as string;
        var html = IsHtml(bodySource);
        var body = Text(email.Body, run, now, htmlIntent: html);
        if (email.Body is Expression { Language: ExpressionLanguage.JavaScript })
        {
            html = IsHtml(body);
        }

        var notification = new Notification
        {
            Kind = NotificationKind.Email,
            At = moment,
            Plan = run.Key.Plan.Value,
            Task = run.Key.Task.Value,
            Milestone = run.Key.Number,
            Due = run.EffectiveDue ?? moment.Date,
            To = to,
            Cc = cc,
            Template = "email",
            Activity = email.Id,
            Subject = subject.Length == 0 ? "(không có tiêu đề)" : subject,
            Body = body,
            BodyIsHtml = html,
        };
        run.History.Add(sink.Add(notification)
            ? new HistoryEntry(now, email.Id, NotificationKind.Email.Label(), $"\"{notification.Subject}\" tới {string.Join(", ", to)}" + (late ? $" (gửi bù cho mốc {Moment(moment)})" : string.Empty))
            : new HistoryEntry(now, email.Id, NotificationKind.Email.Label(), $"đã gửi thư này trong ngày (mốc {Moment(moment)}): gộp làm một"));
    }

    /// <summary>A body is HTML by intent when it starts with a tag ("&lt;p&gt;", "&lt;!DOCTYPE html&gt;").</summary>
    private static bool IsHtml(string? body) =>
        body is not null && body.TrimStart() is { Length: > 2 } t && t[0] == '<' && (char.IsAsciiLetter(t[1]) || t[1] == '!');
}
