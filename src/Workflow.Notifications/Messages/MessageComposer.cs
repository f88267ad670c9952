using System.Globalization;
using System.Net.Mail;
using NodaTime;
using Workflow.Definitions.Agencies;
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

/// <summary>One email, ready for a transport: who, what, and which notifications it carries.</summary>
public sealed record ComposedEmail(LocalDate Day, string Recipient, IReadOnlyList<string> NotificationKeys, IReadOnlyList<MailAddress> To, string Subject, string Text, string Html)
{
    /// <summary>Copied recipients (an Elsa SendEmail's cc); none for digests and reports.</summary>
    public IReadOnlyList<MailAddress> Cc { get; init; } = [];
}

/// <summary>
/// Turns notifications into the emails agencies read: everything due for one agency on one day
/// is one digest (a reminder section, an overdue section); the escalations of a day are one email
/// to the follow-up agency, grouped by lead agency. Text comes from the coordinator's templates.
/// </summary>
/// <remarks>
/// An agency without an email address is not skipped in silence: its notifications come back in
/// <see cref="Composition.Unaddressed"/> so the caller can report them.
/// </remarks>
public sealed class MessageComposer(TemplateSet templates, AgencyDirectory agencies, Func<Notification, MilestoneFacts> facts, MailAddress from, Func<string, Uri>? reportLink = null)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The emails of <paramref name="notifications"/>; <paramref name="history"/> holds every notification sent before (for "reminders already sent").</summary>
    public Composition Compose(IReadOnlyList<Notification> notifications, IReadOnlyList<Notification> history)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(history);
        var emails = new List<ComposedEmail>();
        var unaddressed = new List<(string Agency, Notification Notification)>();
        foreach (var day in notifications.GroupBy(n => n.At.Date).OrderBy(g => g.Key))
        {
            foreach (var email in day.Where(n => n.Kind == NotificationKind.Email))
            {
                var to = email.To.Select(r => (Name: r, Address: Recipient(r))).ToList();
                var missing = to.Concat(email.Cc.Select(r => (Name: r, Address: Recipient(r)))).Where(r => r.Address is null).ToList();
                if (missing.Count > 0)
                {
                    unaddressed.AddRange(missing.Select(m => (m.Name, email)));
                    continue;
                }

                emails.Add(Direct(day.Key, email, [.. to.Select(r => r.Address!)], [.. email.Cc.Select(r => Recipient(r)!)]));
            }

            // A reminder or an overdue notice whose activity copies the coordinating agencies (copyCoordinators)
            // carries them in Cc: each gets the item in its own digest of the day, as the lead does.
            var perAgency = day.Where(n => n.Kind is not NotificationKind.Escalation and not NotificationKind.Email)
                .SelectMany(n => n.To.Concat(n.Cc).Distinct(StringComparer.Ordinal).Select(agency => (Agency: agency, Notification: n)))
                .GroupBy(x => x.Agency, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in perAgency)
            {
                if (Address(group.Key) is not { } address)
                {
                    unaddressed.AddRange(group);
                    continue;
                }

                emails.Add(Digest(day.Key, group.Key, address, group.Select(x => x.Notification).ToList()));
            }

            foreach (var escalations in day.Where(n => n.Kind == NotificationKind.Escalation).GroupBy(n => n.To[0], StringComparer.Ordinal))
            {
                if (Address(escalations.Key) is not { } address)
                {
                    unaddressed.AddRange(escalations.Select(n => (escalations.Key, n)));
                    continue;
                }

                emails.Add(Escalation(day.Key, escalations.Key, address, escalations.ToList(), history));
            }
        }

        return new Composition(emails, unaddressed);
    }

    /// <summary>An Elsa SendEmail's own email: its subject and body as the definition evaluated them; a text body is
    /// HTML-escaped whole for the HTML part, an HTML body (escaped when evaluated) is used as it is.</summary>
    private static ComposedEmail Direct(LocalDate day, Notification n, IReadOnlyList<MailAddress> to, IReadOnlyList<MailAddress> cc)
    {
        var body = n.Body ?? string.Empty;
        var html = n.BodyIsHtml ? body : "<pre style=\"font-family: inherit; white-space: pre-wrap\">" + System.Net.WebUtility.HtmlEncode(body) + "</pre>";
        var text = n.BodyIsHtml ? System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(body, "<[^>]*>", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))) : body;
        return new ComposedEmail(day, n.To[0], [n.Key], to, n.Subject ?? string.Empty, text, html) { Cc = cc };
    }

    /// <summary>An agency id through the directory (today's address), or an address as written; null when neither.</summary>
    private MailAddress? Recipient(string name) =>
        name.Contains('@', StringComparison.Ordinal) ? (MailAddress.TryCreate(name, out var address) ? address : null) : Address(name);

    private ComposedEmail Digest(LocalDate day, string agency, MailAddress address, List<Notification> items)
    {
        var reminders = items.Where(n => n.Kind == NotificationKind.Reminder).OrderBy(n => n.Due).ToList();
        var overdue = items.Where(n => n.Kind == NotificationKind.Overdue).OrderBy(n => n.Due).ToList();
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
            ["lienKet"] = reportLink?.Invoke(agency).AbsoluteUri ?? string.Empty,
            ["nhacHan"] = reminders.Select(n => Item(n, day)).ToList(),
            ["quaHan"] = overdue.Select(n => Item(n, day)).ToList(),
        };
        return new ComposedEmail(day, agency, items.Select(n => n.Key).ToList(), [address], subject, templates.DigestText.Render(model), templates.DigestHtml.Render(model));
    }

    private ComposedEmail Escalation(LocalDate day, string agency, MailAddress address, List<Notification> items, IReadOnlyList<Notification> history)
    {
        var byLead = items.GroupBy(LeadLabel, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["coQuan"] = g.Key,
                ["moc"] = g.OrderBy(n => n.Due).Select(n =>
                {
                    var item = Item(n, day);
                    var sent = history.Where(h => h.Kind == NotificationKind.Reminder && h.Plan == n.Plan && h.Task == n.Task && h.Milestone == n.Milestone && h.At.Date <= day)
                        .Select(h => Day(h.At.Date)).Distinct(StringComparer.Ordinal).ToList();
                    item["daNhac"] = sent.Count == 0 ? "chưa có" : string.Join(", ", sent);
                    item["soNgayQuaHan"] = Period.Between(n.Due, day, PeriodUnits.Days).Days.ToString(Invariant);
                    return (IReadOnlyDictionary<string, object?>)item;
                }).ToList(),
            }).ToList();
        var subject = $"[Báo cáo quá hạn] {Day(day)}: {items.Count} mốc quá hạn của {byLead.Count} đơn vị chủ trì — {AgencyName(agency)}";
        var model = new Dictionary<string, object?> { ["ngay"] = Day(day), ["nhom"] = byLead, ["tong"] = items.Count.ToString(Invariant) };
        return new ComposedEmail(day, agency, items.Select(n => n.Key).ToList(), [address], subject, templates.EscalationText.Render(model), templates.EscalationHtml.Render(model));
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

    private MailAddress? Address(string agency)
    {
        if (!AgencyId.TryParse(agency, out var id) || !agencies.TryGet(id, out var a) || string.IsNullOrWhiteSpace(a.Email))
        {
            return null;
        }

        return new MailAddress(a.Email, a.Name);
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
            return agencies.DescribeLead([.. former.Select(AgencyId.Parse)], [.. n.Cc.Select(AgencyId.Parse)]);
        }

        return string.Join(", ", n.Cc.Take(3).Select(AgencyName)) + (n.Cc.Count > 3 ? $" và {n.Cc.Count - 3} cơ quan khác" : string.Empty);
    }

    private string AgencyName(string agency) =>
        AgencyId.TryParse(agency, out var id) && agencies.TryGet(id, out var a) ? a.Name : agency;

    private static string Day(LocalDate d) => d.ToString("dd/MM/yyyy", Invariant);

    /// <summary>The sender every email carries.</summary>
    public MailAddress From => from;
}

/// <summary>The emails composed, and the notifications whose recipient has no email address.</summary>
public sealed record Composition(IReadOnlyList<ComposedEmail> Emails, IReadOnlyList<(string Agency, Notification Notification)> Unaddressed);
