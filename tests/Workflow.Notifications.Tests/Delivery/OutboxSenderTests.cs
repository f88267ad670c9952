using MimeKit;
using NodaTime;
using Workflow.Definitions.Agencies;
using Workflow.Notifications.Delivery;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Notifications.Tests.Delivery;

/// <summary>The sender's rules on an outbox held in memory, on a clock the test moves: the digest time, one digest an
/// agency, a row sent once, backoff then dead after too many failures, and the wait for timers that are behind.</summary>
public sealed class OutboxSenderTests
{
    private static readonly string Workflows = Workflow.Tests.RepositoryRoot.Workflows;
    private static readonly AgencyDirectory Agencies = AgencyDirectory.Load(Path.Combine(Workflows, "agencies.yaml"));
    private static readonly TemplateSet Templates = TemplateSet.Load(Path.Combine(Workflows, "templates"));

    private readonly Clock clock = new(new LocalDateTime(2025, 3, 24, 7, 0));
    private readonly MemoryOutbox outbox = new();
    private readonly Transport transport = new();

    private OutboxSender Sender(DeliveryOptions? options = null) =>
        new(outbox, transport, Templates, Agencies, null, clock, options ?? DeliveryOptions.Default);

    private static Notification Reminder(string task, string agency, int day = 24) => new()
    {
        Kind = NotificationKind.Reminder,
        At = new LocalDateTime(2025, 3, day, 8, 0),
        Plan = "cchc-2025",
        Task = task,
        Milestone = 1,
        Due = new LocalDate(2025, 3, 31),
        To = [agency],
        Template = "reminder",
    };

    [Fact]
    public async Task Nothing_goes_before_the_digest_time_then_one_digest_an_agency_once()
    {
        outbox.Add(Reminder("1", "so-tu-phap"), Reminder("2", "so-tu-phap"), Reminder("3", "so-tai-chinh"));
        var sender = Sender();

        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync());
        Assert.Empty(transport.Sent);

        clock.Advance(Duration.FromHours(1)); // 08:00
        var first = await sender.SendDueAsync();
        var second = await sender.SendDueAsync();

        Assert.Equal(new DeliveryResult(3, 0, 0, 0), first);
        Assert.Equal(DeliveryResult.None, second);
        Assert.Equal(["so-tai-chinh@cantho.example", "so-tu-phap@cantho.example"], transport.Sent.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(outbox.Rows, r => Assert.Equal((MemoryOutbox.State.Sent, 1), (r.Status, r.Attempts)));
        Assert.All(transport.Sent, m => Assert.Equal(new DateTimeOffset(2025, 3, 24, 8, 0, 0, TimeSpan.FromHours(7)), m.Date));
    }

    [Fact]
    public async Task A_failure_is_retried_after_its_backoff_and_is_dead_after_too_many()
    {
        outbox.Add(Reminder("1", "so-tu-phap"));
        clock.Advance(Duration.FromHours(1));
        var sender = Sender(DeliveryOptions.Default with { MaxAttempts = 3, FirstBackoff = Duration.FromMinutes(1) });
        transport.Failure = "421 máy chủ bận";

        Assert.Equal(new DeliveryResult(0, 1, 0, 0), await sender.SendDueAsync());
        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync()); // its backoff (1 min) is not over
        clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(new DeliveryResult(0, 1, 0, 0), await sender.SendDueAsync());
        clock.Advance(Duration.FromSeconds(119)); // the second backoff is 2 min
        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync());
        clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(new DeliveryResult(0, 0, 1, 0), await sender.SendDueAsync());

        var row = Assert.Single(outbox.Rows);
        Assert.Equal((MemoryOutbox.State.Dead, 3, "421 máy chủ bận"), (row.Status, row.Attempts, row.LastError));
        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync());

        transport.Failure = null;
        Assert.Equal(1, await sender.RetryDeadAsync());
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), await sender.SendDueAsync());
    }

    [Fact]
    public async Task A_pass_waits_two_minutes_of_real_time_for_timers_that_are_behind()
    {
        outbox.Add(Reminder("1", "so-tu-phap"));
        clock.Advance(Duration.FromHours(1));
        outbox.TimersBehind = true;
        var sender = Sender();

        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync());
        clock.Advance(Duration.FromSeconds(119));
        Assert.Equal(DeliveryResult.None, await sender.SendDueAsync());
        clock.Advance(Duration.FromSeconds(2));
        Assert.Equal(1, (await sender.SendDueAsync()).Sent);
    }

    [Fact]
    public async Task An_agency_without_an_address_is_a_failure_that_names_it()
    {
        outbox.Add(Reminder("1", "khong-co-dia-chi"));
        clock.Advance(Duration.FromHours(1));

        var result = await Sender().SendDueAsync();

        Assert.Equal((0, 1), (result.Sent, result.Failed));
        Assert.Contains("\"khong-co-dia-chi\"", Assert.Single(outbox.Rows).LastError, StringComparison.Ordinal);
    }

    /// <summary>Vietnam local time on a fake real clock (the same speed: no acceleration).</summary>
    private sealed class Clock(LocalDateTime start) : TimeProvider, IDeliveryClock
    {
        private Instant now = start.InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToInstant();

        public LocalDateTime Now => now.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).LocalDateTime;

        public TimeProvider Time => this;

        public override DateTimeOffset GetUtcNow() => now.ToDateTimeOffset();

        public void Advance(Duration by) => now += by;
    }

    private sealed class Transport : IMailTransport
    {
        public List<MimeMessage> Sent { get; } = [];

        public string? Failure { get; set; }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (Failure is not null)
            {
                throw new MailTransportException(Failure);
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    /// <summary>The outbox's rules as the host's table keeps them, in memory.</summary>
    private sealed class MemoryOutbox : IOutboxStore
    {
        public enum State
        {
            Pending,
            Sent,
            Dead,
        }

        public sealed class Row(long id, Notification notification)
        {
            public long Id { get; } = id;

            public Notification Notification { get; } = notification;

            public State Status { get; set; }

            public int Attempts { get; set; }

            public string? LastError { get; set; }

            public Instant? NextAttempt { get; set; }

            public Instant? ClaimedUntil { get; set; }
        }

        public List<Row> Rows { get; } = [];

        public bool TimersBehind { get; set; }

        public void Add(params Notification[] notifications)
        {
            foreach (var n in notifications)
            {
                Rows.Add(new Row(Rows.Count + 1, n));
            }
        }

        public Task<bool> TimersBehindAsync(LocalDateTime now, CancellationToken ct) => Task.FromResult(TimersBehind);

        public Task<OutboxClaim?> ClaimDueAsync(LocalDateTime now, Instant real, Instant claimedUntil, int max, CancellationToken ct)
        {
            var due = Rows.Where(r => r.Status == State.Pending && r.Notification.At <= now && (r.NextAttempt is null || r.NextAttempt <= real) && (r.ClaimedUntil is null || r.ClaimedUntil < real))
                .OrderBy(r => r.Notification.At).Take(max).ToList();
            due.ForEach(r => r.ClaimedUntil = claimedUntil);
            return Task.FromResult(due.Count == 0 ? null : new OutboxClaim(
                [.. due.Select(r => new OutboxItem(r.Id, r.Notification, r.Attempts))],
                n => new MilestoneFacts(n.Plan, "257/KH-UBND", n.Task, $"Nhiệm vụ {n.Task}", null, n.Milestone, null),
                [.. Rows.Where(r => r.Status == State.Sent && r.Notification.Kind == NotificationKind.Reminder).Select(r => r.Notification)]));
        }

        public Task RecordAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken ct)
        {
            foreach (var outcome in outcomes)
            {
                var row = Rows.Single(r => r.Id == outcome.Id);
                row.ClaimedUntil = null;
                row.Attempts = outcome.Attempts;
                (row.Status, row.LastError, row.NextAttempt) = outcome switch
                {
                    OutboxOutcome.Sent => (State.Sent, row.LastError, row.NextAttempt),
                    OutboxOutcome.Retry retry => (State.Pending, retry.Error, retry.NextAttempt),
                    OutboxOutcome.Dead dead => (State.Dead, dead.Error, row.NextAttempt),
                    _ => throw new ArgumentOutOfRangeException(nameof(outcomes)),
                };
            }

            return Task.CompletedTask;
        }

        public Task<int> RetryDeadAsync(CancellationToken ct)
        {
            var dead = Rows.Where(r => r.Status == State.Dead).ToList();
            foreach (var row in dead)
            {
                (row.Status, row.Attempts, row.NextAttempt) = (State.Pending, 0, null);
            }

            return Task.FromResult(dead.Count);
        }
    }
}
