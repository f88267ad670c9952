using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Workflows;
using Workflow.Notifications.Templates;
using Workflow.Notifications.Text;

namespace Workflow.Notifications.Messages;

/// <summary>What an email says about one milestone: the plan, the task, its product and due date.</summary>
/// <param name="Plan">The plan's id.</param>
/// <param name="PlanNumber">The plan's number ("257/KH-UBND").</param>
/// <param name="Task">The task's number in the plan.</param>
/// <param name="Activity">What the task is.</param>
/// <param name="Product">What the task delivers.</param>
/// <param name="Milestone">The milestone's number.</param>
/// <param name="Label">The milestone's phase, when the deadline names phases.</param>
/// <param name="FormerLead">The lead the plan named, when its duties have since passed to successors (agency ids); the escalation then names it with its successor: "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)".</param>
public sealed record MilestoneFacts(string Plan, string? PlanNumber, string Task, string Activity, string? Product, int Milestone, string? Label, IReadOnlyList<string>? FormerLead = null);

/// <summary>One email, ready for a transport: the day it is sent, who, what, and which notifications it carries.</summary>
public sealed record ComposedEmail(LocalDate Day, string Recipient, IReadOnlyList<Notification> Notifications, IReadOnlyList<MailboxAddress> To, string Subject, string Text, string Html)
{
    /// <summary>Who is copied.</summary>
    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];

    /// <summary>The idempotency keys of <see cref="Notifications"/>.</summary>
    public IReadOnlyList<string> NotificationKeys => [.. Notifications.Select(n => n.Key)];

    /// <summary>
    /// The Message-ID (without angle brackets): a hash of the notifications' idempotency keys and
    /// the recipient, and the day. The same email always gets the same id, so a resend after a
    /// crash is recognisable, by the receiving server and by a reader.
    /// </summary>
    public string MessageId(string domain)
    {
        var text = string.Join('|', NotificationKeys.Order(StringComparer.Ordinal)) + "|" + Recipient;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{hash}.{Day:yyyyMMdd}@{(string.IsNullOrEmpty(domain) ? "workflow.invalid" : domain)}");
    }
}

/// <summary>
/// Where a notification becomes an email: everything sent to one agency on one day is one digest
/// (a reminder section, an overdue section); the escalations of a day are one email to the
/// follow-up agency, grouped by lead agency, with the reminders already sent. Text comes from the
/// coordinator's templates (<see cref="TemplateSet"/>).
/// </summary>
/// <remarks>
/// <para>An email says what is true on the day it is sent: a notification meant for an earlier day
/// (the server was down) is composed on the day it goes out ("còn 2 ngày", not the "còn 5 ngày" of
/// its original day) and joins that day's digest.</para>
/// <para>An agency without an email address is not skipped in silence: its notifications come back in
/// <see cref="Composition.Unaddressed"/> so the caller can report them.</para>
/// </remarks>
/// <param name="templates">The coordinator's templates.</param>
/// <param name="agencies">Names and addresses of the recipients.</param>
/// <param name="facts">What an email says about a notification's milestone.</param>
/// <param name="reportLink">The agency's report-page link in an email sent on a day; null leaves the link out.</param>
public sealed class MessageComposer(TemplateSet templates, AgencyDirectory agencies, Func<Notification, MilestoneFacts> facts, Func<string, LocalDate, Uri>? reportLink = null)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The emails of <paramref name="notifications"/> over many days (a simulation), each in the
    /// emails of the day it is sent: <paramref name="sentOn"/>, or its own day by default.
    /// <paramref name="history"/> holds the reminders sent before (for "Đã nhắc"), later ones are ignored.
    /// </summary>
    public Composition Compose(IReadOnlyList<Notification> notifications, IReadOnlyList<Notification> history, Func<Notification, LocalDate>? sentOn = null)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        sentOn ??= n => n.At.Date;
        var emails = new List<ComposedEmail>();
        var unaddressed = new List<(string Agency, Notification Notification)>();
        foreach (var day in notifications.GroupBy(sentOn).OrderBy(g => g.Key))
        {
            var composed = ComposeDay(day.Key, [.. day], history);
            emails.AddRange(composed.Emails);
            unaddressed.AddRange(composed.Unaddressed);
        }

        return new Composition(emails, unaddressed);
    }

    /// <summary>
    /// The emails sent on <paramref name="day"/> for <paramref name="notifications"/>, however old:
    /// each is worded as of that day. <paramref name="history"/> holds the reminders sent before.
    /// </summary>
    public Composition ComposeDay(LocalDate day, IReadOnlyList<Notification> notifications, IReadOnlyList<Notification> history)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(history);
        var emails = new List<ComposedEmail>();
        var unaddressed = new List<(string Agency, Notification Notification)>();

        // A definition's own email (Elsa's SendEmail): its subject and body as evaluated, one email each.
        foreach (var email in notifications.Where(n => n.Kind == NotificationKind.Email))
        {
            var to = email.To.Select(r => (Name: r, Address: Recipient(r))).ToList();
            var missing = to.Concat(email.Cc.Select(r => (Name: r, Address: Recipient(r)))).Where(r => r.Address is null).ToList();
            if (missing.Count > 0)
            {
                unaddressed.AddRange(missing.Select(m => (m.Name, email)));
                continue;
            }

            emails.Add(Direct(day, email, [.. to.Select(r => r.Address!)], [.. email.Cc.Select(r => Recipient(r)!)]));
        }

        // Reminders and overdue notices: one digest per recipient and template (an activity's `template` input; the
        // shipped digest by default). An activity that copies the coordinating agencies (copyCoordinators) carries them
        // in Cc: each gets the item in its own digest of the day.
        var perAgency = notifications.Where(n => n.Kind is NotificationKind.Reminder or NotificationKind.Overdue)
            .SelectMany(n => n.To.Concat(n.Cc).Distinct(StringComparer.Ordinal).Select(agency => (Agency: agency, Template: templates.Get(n.Template, TemplateUse.Digest), Notification: n)))
            .GroupBy(x => (x.Agency, x.Template.Name))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.Name, StringComparer.Ordinal);
        foreach (var group in perAgency)
        {
            if (Address(group.Key.Agency) is not { } address)
            {
                unaddressed.AddRange(group.Select(x => (x.Agency, x.Notification)));
                continue;
            }

            emails.Add(Digest(day, group.Key.Agency, address, group.Select(x => x.Notification).DistinctBy(n => n.Key, StringComparer.Ordinal).ToList(), group.First().Template));
        }

        // Escalations: one report per follow-up agency and template.
        var reports = notifications.Where(n => n.Kind == NotificationKind.Escalation)
            .GroupBy(n => (Agency: n.To[0], Template: templates.Get(n.Template, TemplateUse.Escalation)))
            .OrderBy(g => g.Key.Agency, StringComparer.Ordinal).ThenBy(g => g.Key.Template.Name, StringComparer.Ordinal);
        foreach (var escalations in reports)
        {
            if (Address(escalations.Key.Agency) is not { } address)
            {
                unaddressed.AddRange(escalations.Select(n => (escalations.Key.Agency, n)));
                continue;
            }

            emails.Add(Escalation(day, escalations.Key.Agency, address, escalations.DistinctBy(n => n.Key, StringComparer.Ordinal).ToList(), history, escalations.Key.Template));
        }

        return new Composition(emails, unaddressed);
    }

    /// <summary>An Elsa SendEmail's own email: its subject and body as the definition evaluated them; a text body is
    /// HTML-escaped whole for the HTML part, an HTML body (escaped when evaluated) is used as it is.</summary>
    private static ComposedEmail Direct(LocalDate day, Notification n, IReadOnlyList<MailboxAddress> to, IReadOnlyList<MailboxAddress> cc)
    {
        var body = n.Body ?? string.Empty;
        var html = n.BodyIsHtml ? body : "<pre style=\"font-family: inherit; white-space: pre-wrap\">" + System.Net.WebUtility.HtmlEncode(body) + "</pre>";
        var text = n.BodyIsHtml ? System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(body, "<[^>]*>", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))) : body;
        return new ComposedEmail(day, n.To[0], [n], to, n.Subject ?? string.Empty, text, html) { Cc = cc };
    }

    /// <summary>An agency id through the directory (today's address), or an address as written; null when neither.</summary>
    private MailboxAddress? Recipient(string name) =>
        name.Contains('@', StringComparison.Ordinal) ? Delivery.MailMessages.Address(name) : Address(name);

    private ComposedEmail Digest(LocalDate day, string agency, MailboxAddress address, List<Notification> items, TemplatePair template)
    {
        // One line a milestone: a late reminder and today's one of the same milestone say the same thing today.
        List<Notification> Section(NotificationKind kind) => items.Where(n => n.Kind == kind)
            .OrderBy(n => n.Due).ThenBy(n => n.Plan, StringComparer.Ordinal).ThenBy(n => n.Task, StringComparer.Ordinal).ThenBy(n => n.Milestone)
            .DistinctBy(n => (n.Plan, n.Task, n.Milestone)).ToList();
        var reminders = Section(NotificationKind.Reminder);
        var overdue = Section(NotificationKind.Overdue);
        var plans = items.Select(n => facts(n).PlanNumber ?? facts(n).Plan).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var earliest = items.Min(n => n.Due);
        var name = AgencyName(agency);
        var subject = string.Create(Invariant, $"[{string.Join(", ", plans)}] {name}: ")
            + string.Join(", ", new[] { reminders.Count > 0 ? $"{reminders.Count} việc sắp đến hạn" : null, overdue.Count > 0 ? $"{overdue.Count} việc quá hạn" : null }.OfType<string>())
            + $" — hạn sớm nhất {Day(earliest)}";
        var model = new Dictionary<string, object?>
        {
            ["coQuan"] = name,
            ["ngay"] = Day(day),
            ["lienKet"] = reportLink?.Invoke(agency, day).AbsoluteUri ?? string.Empty,
            ["nhacHan"] = reminders.Select(n => DigestItem(n, agency, day)).ToList(),
            ["quaHan"] = overdue.Select(n => DigestItem(n, agency, day)).ToList(),
        };
        return new ComposedEmail(day, agency, items, [address], subject, template.Text.Render(model), template.Html.Render(model));
    }

    private ComposedEmail Escalation(LocalDate day, string agency, MailboxAddress address, List<Notification> items, IReadOnlyList<Notification> history, TemplatePair template)
    {
        var reminded = history.Where(h => h.Kind == NotificationKind.Reminder && h.At.Date <= day)
            .ToLookup(h => (h.Plan, h.Task, h.Milestone));
        var byLead = items.GroupBy(LeadLabel, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["coQuan"] = g.Key,
                ["moc"] = g.OrderBy(n => n.Due).ThenBy(n => n.Plan, StringComparer.Ordinal).ThenBy(n => n.Task, StringComparer.Ordinal).ThenBy(n => n.Milestone).DistinctBy(n => (n.Plan, n.Task, n.Milestone)).Select(n =>
                {
                    var item = Item(n, day);
                    var sent = reminded[(n.Plan, n.Task, n.Milestone)].Select(h => h.At.Date).Distinct().Order().Select(Day).ToList();
                    item["daNhac"] = sent.Count == 0 ? "chưa có" : string.Join(", ", sent);
                    item["soNgayQuaHan"] = Period.Between(n.Due, day, PeriodUnits.Days).Days.ToString(Invariant);
                    return (IReadOnlyDictionary<string, object?>)item;
                }).ToList(),
            }).ToList();
        var count = items.DistinctBy(n => (n.Plan, n.Task, n.Milestone)).Count();
        var subject = $"[Báo cáo quá hạn] {Day(day)}: {count} mốc quá hạn của {byLead.Count} đơn vị chủ trì — {AgencyName(agency)}";
        var model = new Dictionary<string, object?> { ["ngay"] = Day(day), ["nhom"] = byLead, ["tong"] = count.ToString(Invariant) };
        return new ComposedEmail(day, agency, items, [address], subject, template.Text.Render(model), template.Html.Render(model));
    }

    /// <summary>
    /// A digest's line about a milestone: the item, and <c>chuTri</c>, the lead the plan named when its duties have
    /// passed on, with whom it is now as the recipient reads it ("Sở Thông tin và Truyền thông (nay là Sở Khoa học
    /// và Công nghệ)"); empty otherwise. A successor among the leads reads its own name; an agency copied reads the leads.
    /// </summary>
    private Dictionary<string, object?> DigestItem(Notification n, string recipient, LocalDate today)
    {
        var item = Item(n, today);
        item["chuTri"] = facts(n).FormerLead is { Count: > 0 } former
            ? Describe(former, n.To.Contains(recipient, StringComparer.Ordinal) ? [recipient] : n.To)
            : string.Empty;
        return item;
    }

    private Dictionary<string, object?> Item(Notification n, LocalDate today)
    {
        var f = facts(n);
        return new Dictionary<string, object?>
        {
            ["keHoach"] = f.PlanNumber ?? f.Plan,
            ["tt"] = f.Task,
            ["moc"] = f.Label ?? n.Milestone.ToString(Invariant),
            ["nhiemVu"] = f.Activity,
            ["sanPham"] = f.Product ?? string.Empty,
            ["han"] = Day(n.Due),
            ["conLai"] = DueText.Describe(n.Due, today),
        };
    }

    private MailboxAddress? Address(string agency)
    {
        if (!AgencyId.TryParse(agency, out var id) || !agencies.TryGet(id, out var a) || string.IsNullOrWhiteSpace(a.Email))
        {
            return null;
        }

        return MailboxAddress.TryParse(a.Email, out var parsed) ? new MailboxAddress(a.Name, parsed.Address) : null;
    }

    /// <summary>How the escalation names a milestone's lead: its agencies, or the former lead with its successors ("… (nay là …)").</summary>
    private string LeadLabel(Notification n)
    {
        if (n.Cc.Count == 0)
        {
            return "(không rõ)";
        }

        if (facts(n).FormerLead is { Count: > 0 } former && n.Cc.Count <= 3)
        {
            return Describe(former, n.Cc);
        }

        return string.Join(", ", n.Cc.Take(3).Select(AgencyName)) + (n.Cc.Count > 3 ? $" và {n.Cc.Count - 3} cơ quan khác" : string.Empty);
    }

    /// <summary>A former lead with those who hold its duties now: "… (nay là …)", or "… (nay là N cơ quan kế nhiệm)" past three.</summary>
    private string Describe(IReadOnlyList<string> former, IReadOnlyList<string> current)
    {
        var formerIds = former.Select(AgencyId.Parse).ToList();
        return current.Count <= 3
            ? agencies.DescribeLead(formerIds, [.. current.Select(AgencyId.Parse)])
            : string.Create(Invariant, $"{agencies.DescribeLead(formerIds, [])} (nay là {current.Count} cơ quan kế nhiệm)");
    }

    private string AgencyName(string agency) =>
        AgencyId.TryParse(agency, out var id) && agencies.TryGet(id, out var a) ? a.Name : agency;

    private static string Day(LocalDate d) => d.ToString("dd/MM/yyyy", Invariant);
}

/// <summary>The emails composed, and the notifications whose recipient has no email address.</summary>
public sealed record Composition(IReadOnlyList<ComposedEmail> Emails, IReadOnlyList<(string Agency, Notification Notification)> Unaddressed);
