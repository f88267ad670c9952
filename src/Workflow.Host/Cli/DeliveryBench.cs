using System.Diagnostics;
using System.Globalization;
using MimeKit;
using NodaTime;
using Workflow.Host.Hosting;
using Workflow.Notifications;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Cli;

/// <summary>
/// The delivery targets (`workflow bench --delivery [--smtp host:port]`): rendering 10,000 digests
/// into messages, and the throughput of our transport against a bare SmtpClient loop sending the
/// same messages in the same run.
/// </summary>
internal static class DeliveryBench
{
    public static bool Run(TextWriter output, WorkflowsData data, string? smtp, int messages)
    {
        var templates = TemplateSet.Load(Path.Combine(data.Folder, "templates"));
        var ok = Render(output, data, templates);
        if (smtp is not null)
        {
            Throughput(output, smtp, messages);
        }

        return ok;
    }

    private static bool Render(TextWriter output, WorkflowsData data, TemplateSet templates)
    {
        // 10,000 (agency, day) pairs: every agency with an address, on consecutive days, two reminders and an overdue notice each.
        var agencies = data.Reference.Agencies.Agencies.Where(a => !string.IsNullOrWhiteSpace(a.Email)).Select(a => a.Id.ToString()).ToList();
        var notifications = new List<Notification>(30_000);
        for (var i = 0; i < 10_000; i++)
        {
            var day = new LocalDate(2025, 1, 1).PlusDays(i / agencies.Count);
            var agency = agencies[i % agencies.Count];
            foreach (var (kind, task) in new[] { (NotificationKind.Reminder, "1"), (NotificationKind.Reminder, "2"), (NotificationKind.Overdue, "3") })
            {
                notifications.Add(new Notification { Kind = kind, At = day.At(new LocalTime(8, 0)), Plan = "bench", Task = task, Milestone = i, Due = day.PlusDays(kind == NotificationKind.Overdue ? -2 : 7), To = [agency], Template = "reminder" });
            }
        }

        var from = new MailboxAddress("Sở Nội vụ thành phố Cần Thơ", "nhac-han@cantho.example");
        var composer = new MessageComposer(templates, data.Reference.Agencies, n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, "Xây dựng và triển khai Kế hoạch kiểm tra CCHC năm 2025 <b>tại các đơn vị</b>", "Kế hoạch", n.Milestone, null));
        var clock = Stopwatch.StartNew();
        var emails = composer.Compose(notifications, []).Emails;
        long bytes = 0;
        foreach (var email in emails)
        {
            using var message = MailMessages.Create(email, from, null, Instant.FromUtc(2025, 1, 1, 1, 0));
            bytes += email.Text.Length + email.Html.Length;
        }

        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"render {emails.Count:N0} digests ({notifications.Count:N0} notifications) into messages: {clock.Elapsed.TotalSeconds:N2} s, {bytes / 1048576.0:N0} MiB of text (target ≤ 5 s for 10,000)"));
        return emails.Count >= 10_000 && clock.Elapsed.TotalSeconds <= 5;
    }

    private static void Throughput(TextWriter output, string smtp, int count)
    {
        var parts = smtp.Split(':');
        var settings = new SmtpSettings { Host = parts[0], Port = int.Parse(parts[1], CultureInfo.InvariantCulture) };
        var from = new MailboxAddress("Sở Nội vụ thành phố Cần Thơ", "nhac-han@cantho.example");
        var to = new MailboxAddress("Sở Tư pháp", "so-tu-phap@cantho.example");
        MimeMessage Message(int i) => MailMessages.Create(from, [to], [], $"[257/KH-UBND] Sở Tư pháp: thư đo số {i}", "Kính gửi Sở Tư pháp, còn 3 ngày.", "<p>Kính gửi Sở Tư pháp, còn 3 ngày.</p>", null, SystemClock.Instance.GetCurrentInstant(), $"bench-{i}@cantho.example");

        using var transport = new SmtpTransport(settings);
        var ours = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var message = Message(i);
            transport.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        }

        ours.Stop();
        var bare = Stopwatch.StartNew();
        using (var client = new MailKit.Net.Smtp.SmtpClient())
        {
            client.Connect(settings.Host, settings.Port, MailKit.Security.SecureSocketOptions.None);
            for (var i = 0; i < count; i++)
            {
                using var message = Message(i);
                client.Send(message);
            }

            client.Disconnect(quit: true);
        }

        bare.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery to {smtp}: {count / ours.Elapsed.TotalSeconds:N0} messages/s through SmtpTransport, {count / bare.Elapsed.TotalSeconds:N0} messages/s with one bare MailKit SmtpClient; ratio {ours.Elapsed / bare.Elapsed:N2}× the time ({count:N0} messages each)"));
    }
}
