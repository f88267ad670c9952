using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Notifications.Tests.Messages;

public class MessageComposerTests
{
    private static readonly string Workflows = Workflow.Tests.RepositoryRoot.Workflows;
    private static readonly AgencyDirectory Agencies = AgencyDirectory.Load(Path.Combine(Workflows, "agencies.yaml"));
    private static readonly TemplateSet Templates = TemplateSet.Load(Path.Combine(Workflows, "templates"));

    private static MessageComposer Composer() => new(
        Templates,
        Agencies,
        n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, n.Task == "15" ? "Xây dựng Kế hoạch <script>alert('x')</script> & công bố" : $"Nhiệm vụ {n.Task}", "Kế hoạch", n.Milestone, null));

    private static Notification N(NotificationKind kind, string task, int day, string[] to, string[]? cc = null, int dueDay = 31) => new()
    {
        Kind = kind,
        At = new LocalDateTime(2025, 3, day, 8, 0),
        Plan = "cchc-2025",
        Task = task,
        Milestone = 1,
        Due = new LocalDate(2025, 3, dueDay),
        To = to,
        Cc = cc ?? [],
        Template = kind.ToString().ToLowerInvariant(),
    };

    [Fact]
    public void Everything_for_one_agency_on_one_day_is_one_digest()
    {
        var notifications = new[]
        {
            N(NotificationKind.Reminder, "15", 24, ["so-tu-phap"]),
            N(NotificationKind.Reminder, "16", 24, ["so-tu-phap", "so-tai-chinh"]),
            N(NotificationKind.Overdue, "17", 24, ["so-tu-phap"], dueDay: 21),
            N(NotificationKind.Reminder, "18", 25, ["so-tu-phap"]),
        };

        var emails = Composer().Compose(notifications, notifications).Emails;

        Assert.Equal(3, emails.Count);
        var digest = emails.Single(e => e.Recipient == "so-tu-phap" && e.Day == new LocalDate(2025, 3, 24));
        Assert.Equal(3, digest.NotificationKeys.Count);
        Assert.Equal("[257/KH-UBND] Sở Tư pháp: 2 việc sắp đến hạn, 1 việc quá hạn — hạn sớm nhất 21/03/2025", digest.Subject);
        Assert.Contains("SẮP ĐẾN HẠN", digest.Text, StringComparison.Ordinal);
        Assert.Contains("ĐÃ QUÁ HẠN", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: 31/03/2025 (còn 7 ngày)", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: 21/03/2025 (quá hạn 3 ngày)", digest.Text, StringComparison.Ordinal);
        Assert.Equal(["so-tu-phap@cantho.example"], digest.To.Select(a => a.Address));
    }

    [Fact]
    public void A_reminder_naming_another_template_is_written_with_it_in_an_email_of_its_own()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Workflows, "templates")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "nhac-gap.txt"), "KHẨN: {{ coQuan }}{% for viec in nhacHan %} — {{ viec.nhiemVu }} ({{ viec.conLai }}){% endfor %}");
            File.WriteAllText(Path.Combine(folder, "nhac-gap.html"), "<p>KHẨN: {{ coQuan }}</p>");
            var composer = new MessageComposer(TemplateSet.Load(folder), Agencies, n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, $"Nhiệm vụ {n.Task}", "Kế hoạch", n.Milestone, null));
            var notifications = new[]
            {
                N(NotificationKind.Reminder, "15", 24, ["so-tu-phap"]) with { Template = "nhac-gap" },
                N(NotificationKind.Reminder, "16", 24, ["so-tu-phap"]),
            };

            var emails = composer.Compose(notifications, notifications).Emails;

            Assert.Equal(2, emails.Count);
            var urgent = Assert.Single(emails, e => e.Text.StartsWith("KHẨN", StringComparison.Ordinal));
            Assert.Equal("KHẨN: Sở Tư pháp — Nhiệm vụ 15 (còn 7 ngày)", urgent.Text);
            Assert.Equal("<p>KHẨN: Sở Tư pháp</p>", urgent.Html);
            var usual = Assert.Single(emails, e => e != urgent);
            Assert.Contains("Nhiệm vụ 16", usual.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nhiệm vụ 15", usual.Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_notification_naming_a_template_that_is_gone_is_refused_with_the_templates_there_are()
    {
        var notifications = new[] { N(NotificationKind.Reminder, "15", 24, ["so-tu-phap"]) with { Template = "da-xoa" } };
        var e = Assert.Throws<TemplateException>(() => Composer().Compose(notifications, notifications));
        Assert.Contains("Các mẫu dùng được: reminder, overdue, digest.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_text_is_escaped_in_html_and_kept_in_text()
    {
        var notifications = new[] { N(NotificationKind.Reminder, "15", 24, ["so-tu-phap"]) };
        var email = Assert.Single(Composer().Compose(notifications, notifications).Emails);

        Assert.Contains("<script>alert('x')</script> & công bố", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalations_of_a_day_are_one_email_grouped_by_lead_with_the_reminders_already_sent()
    {
        var history = new[]
        {
            N(NotificationKind.Reminder, "15", 17, ["van-phong-ubnd-thanh-pho"]),
            N(NotificationKind.Reminder, "15", 24, ["van-phong-ubnd-thanh-pho"]),
        };
        var today = new[]
        {
            N(NotificationKind.Escalation, "15", 31, ["so-noi-vu"], ["van-phong-ubnd-thanh-pho"], dueDay: 26),
            N(NotificationKind.Escalation, "16", 31, ["so-noi-vu"], ["so-tu-phap"], dueDay: 26),
        };

        var email = Assert.Single(Composer().Compose(today, [.. history, .. today]).Emails);

        Assert.Equal("so-noi-vu", email.Recipient);
        Assert.StartsWith("[Báo cáo quá hạn] 31/03/2025: 2 mốc quá hạn của 2 đơn vị chủ trì", email.Subject, StringComparison.Ordinal);
        Assert.Contains("quá hạn 5 ngày. Đã nhắc: 17/03/2025, 24/03/2025.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalation_names_a_former_lead_with_its_successor()
    {
        var composer = new MessageComposer(
            Templates,
            Agencies,
            n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, $"Nhiệm vụ {n.Task}", null, n.Milestone, null, n.Task == "36" ? ["so-thong-tin-va-truyen-thong"] : null));
        var today = new[]
        {
            N(NotificationKind.Escalation, "36", 31, ["so-noi-vu"], ["so-khoa-hoc-va-cong-nghe"], dueDay: 26),
            N(NotificationKind.Escalation, "16", 31, ["so-noi-vu"], ["so-tu-phap"], dueDay: 26),
        };

        var email = Assert.Single(composer.Compose(today, today).Emails);

        Assert.Contains("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)", email.Text, StringComparison.Ordinal);
        Assert.Contains("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_to_the_successor_names_the_former_lead_with_it_in_text_and_html()
    {
        // Task 36 was Sở Thông tin và Truyền thông's; since the merger Sở Khoa học và Công nghệ is reminded of it.
        var composer = new MessageComposer(
            Templates,
            Agencies,
            n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, $"Nhiệm vụ {n.Task}", null, n.Milestone, null, n.Task == "36" ? ["so-thong-tin-va-truyen-thong"] : null));
        var today = new[]
        {
            N(NotificationKind.Reminder, "36", 24, ["so-khoa-hoc-va-cong-nghe"]),
            N(NotificationKind.Overdue, "35", 24, ["so-khoa-hoc-va-cong-nghe"], dueDay: 21),
        };

        var email = Assert.Single(composer.Compose(today, today).Emails);

        Assert.Equal("so-khoa-hoc-va-cong-nghe", email.Recipient);
        const string Named = "Chủ trì theo kế hoạch: Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)";
        Assert.Contains(Named, email.Text, StringComparison.Ordinal);
        Assert.Contains(Named, email.Html, StringComparison.Ordinal);
        Assert.Equal(2, email.Text.Split(Named).Length); // task 36 only: task 35 was always this agency's
        var message = Workflow.Notifications.Delivery.MailMessages.Create(email, new MimeKit.MailboxAddress("Sở Nội vụ", "cchc@cantho.example"), null, Instant.FromUtc(2025, 3, 24, 1, 0));
        Assert.Contains(Named, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Named, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agency_without_an_address_is_reported_not_skipped()
    {
        var notifications = new[] { N(NotificationKind.Reminder, "15", 24, ["khong-co-trong-danh-ba"]) };
        var composition = Composer().Compose(notifications, notifications);
        Assert.Empty(composition.Emails);
        Assert.Equal("khong-co-trong-danh-ba", Assert.Single(composition.Unaddressed).Agency);
    }

    [Fact]
    public void Catch_ups_are_composed_on_the_day_they_are_sent_in_that_days_digest()
    {
        // Reminders meant for 14, 17 and 19/03 (the server was down), and one of today's, all go out on 24/03.
        var late = new[]
        {
            N(NotificationKind.Reminder, "15", 14, ["so-tu-phap"], dueDay: 26),
            N(NotificationKind.Reminder, "16", 17, ["so-tu-phap"], dueDay: 31),
            N(NotificationKind.Reminder, "17", 19, ["so-tu-phap"], dueDay: 26),
            N(NotificationKind.Reminder, "18", 24, ["so-tu-phap"], dueDay: 27),
        };

        var email = Assert.Single(Composer().ComposeDay(new LocalDate(2025, 3, 24), late, late).Emails);

        Assert.Equal(new LocalDate(2025, 3, 24), email.Day);
        Assert.Equal(4, email.NotificationKeys.Count);
        Assert.Contains("(tình hình ngày 24/03/2025)", email.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: 26/03/2025 (còn 2 ngày)", email.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: 31/03/2025 (còn 7 ngày)", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tuần", email.Text, StringComparison.Ordinal);
        Assert.Contains("/2025-03-14", string.Join(' ', email.NotificationKeys), StringComparison.Ordinal); // keys keep their own day
    }

    [Fact]
    public void The_message_id_is_the_same_for_the_same_email_and_differs_between_emails()
    {
        var a = new[] { N(NotificationKind.Reminder, "15", 24, ["so-tu-phap", "so-tai-chinh"]) };
        var first = Composer().Compose(a, a).Emails;
        var second = Composer().Compose(a, a).Emails;

        Assert.Equal(first.Select(e => e.MessageId("cantho.example")), second.Select(e => e.MessageId("cantho.example")));
        Assert.Equal(2, first.Select(e => e.MessageId("cantho.example")).Distinct().Count());
        Assert.EndsWith(".20250324@cantho.example", first[0].MessageId("cantho.example"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_templates_load()
    {
        Assert.True(Templates.DigestHtml.IsHtml);
        Assert.False(Templates.DigestText.IsHtml);
    }
}
