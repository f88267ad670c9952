using System.Net.Mail;
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
        n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, n.Task == "15" ? "Xây dựng Kế hoạch <script>alert('x')</script> & công bố" : $"Nhiệm vụ {n.Task}", "Kế hoạch", n.Milestone, null),
        new MailAddress("nhac-han@cantho.example"));

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
            n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, $"Nhiệm vụ {n.Task}", null, n.Milestone, null, n.Task == "36" ? ["so-thong-tin-va-truyen-thong"] : null),
            new MailAddress("nhac-han@cantho.example"));
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
    public void An_agency_without_an_address_is_reported_not_skipped()
    {
        var notifications = new[] { N(NotificationKind.Reminder, "15", 24, ["khong-co-trong-danh-ba"]) };
        var composition = Composer().Compose(notifications, notifications);
        Assert.Empty(composition.Emails);
        Assert.Equal("khong-co-trong-danh-ba", Assert.Single(composition.Unaddressed).Agency);
    }

    [Fact]
    public void The_shipped_templates_load()
    {
        Assert.True(Templates.DigestHtml.IsHtml);
        Assert.False(Templates.DigestText.IsHtml);
    }
}
