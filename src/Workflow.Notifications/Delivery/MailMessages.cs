using System.Text;
using MimeKit;
using MimeKit.Text;
using NodaTime;
using Workflow.Notifications.Messages;

namespace Workflow.Notifications.Delivery;

/// <summary>
/// Builds the MIME message a transport sends: UTF-8 subject, headers and both parts (text and
/// HTML), the Date the message is sent, and a Message-ID that is the same however often it is sent.
/// </summary>
public static class MailMessages
{
    /// <summary>An email address as written ("so-tu-phap@cantho.gov.vn", or with a display name), or null when it is not one.</summary>
    public static MailboxAddress? Address(string text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal) && !address.Address.StartsWith('@') && !address.Address.EndsWith('@')
            ? address
            : null;

    /// <summary>The message of <paramref name="email"/>, sent at <paramref name="sentAt"/> (the simulated moment in a simulation).</summary>
    public static MimeMessage Create(ComposedEmail email, MailboxAddress from, MailboxAddress? replyTo, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(from);
        return Create(from, email.To, email.Cc, email.Subject, email.Text, email.Html, replyTo, sentAt, email.MessageId(from.Domain));
    }

    /// <summary>A message from its parts; <paramref name="messageId"/> without angle brackets.</summary>
    public static MimeMessage Create(MailboxAddress from, IEnumerable<MailboxAddress> to, IEnumerable<MailboxAddress> cc, string subject, string text, string html, MailboxAddress? replyTo, Instant sentAt, string messageId)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(cc);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var message = new MimeMessage
        {
            Subject = subject.Normalize(NormalizationForm.FormC),
            Date = sentAt.InZone(Templates.Liquid.Zone).ToDateTimeOffset(),
            MessageId = messageId,
        };
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        if (replyTo is not null)
        {
            message.ReplyTo.Add(replyTo);
        }

        var plain = new TextPart(TextFormat.Plain);
        plain.SetText(Encoding.UTF8, text.Normalize(NormalizationForm.FormC));
        var rich = new TextPart(TextFormat.Html);
        rich.SetText(Encoding.UTF8, html.Normalize(NormalizationForm.FormC));
        message.Body = new MultipartAlternative { plain, rich };
        return message;
    }
}
