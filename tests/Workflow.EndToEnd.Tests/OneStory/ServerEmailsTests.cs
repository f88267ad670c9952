using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MimeKit;
using Workflow.EndToEnd.Tests.Reliability;
using Workflow.Tests;
using Xunit.Abstractions;

namespace Workflow.EndToEnd.Tests.OneStory;

/// <summary>
/// The server tells the simulation's story: `workflow serve` on an accelerated clock over eight
/// days of the 2025 plan, stopped and restarted in the middle, writes exactly the emails that
/// `workflow simulate --emails` writes for the same days: recipients, subject, text and HTML
/// (Message-ID, Date and transport headers aside). The first day carries the catch-ups of the
/// plan's earlier reminders, composed on that day; the escalation report of 03/04 lists the
/// reminders sent before the restart.
/// </summary>
/// <remarks>
/// The test waits for outcomes (the server's clock past a moment, the outbox delivered), never for
/// a fixed time, so a slow machine only makes it longer; the first server's clock starts when it is
/// ready, so a slow start does not eat into the first day. The clock runs 3,600 times faster (a day in
/// 24 s): an email has 16 hours of its day (16 s) to go out after the 08:00 timers.
/// </remarks>
[Collection(ReliabilityGroup.Name)]
public sealed class ServerEmailsTests(ITestOutputHelper log)
{
    private const double Speed = 3600;
    private static readonly DateTime From = new(2025, 3, 27, 0, 0, 0);
    private static readonly DateTime To = new(2025, 4, 3, 0, 0, 0);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private const string PublicUrl = "https://cchc.cantho.example/";

    [Fact]
    public async Task The_servers_emails_over_eight_days_with_a_restart_are_the_simulations()
    {
        using var workspace = ReliabilityWorkspace.WithSeedPlan("cchc-2025.csv");

        // First run: from Thursday 27/03 00:00 (the moment the server is ready) until the clock passes Saturday 29/03 12:00.
        DateTimeOffset started;
        using (var server = await ServerProcess.StartAsync(workspace, new ServerClock(From, null, Speed), "--public-url", PublicUrl))
        {
            started = server.Anchor;
            await WaitUntilAsync(() => Virtual(From, started) >= new DateTime(2025, 3, 29, 12, 0, 0), "the first server's clock reaches 29/03 12:00");
            await WaitUntilAsync(() => Undelivered(workspace, "2025-03-29T00:00:00") == 0, "the first server delivers the emails up to 28/03");
            await server.StopAsync();
        }

        // Second run: the clock goes on from where the first stopped (a weekend: nothing is due).
        var stoppedAt = Virtual(From, started);
        DateTimeOffset restarted;
        using (var server = await ServerProcess.StartAsync(workspace, new ServerClock(stoppedAt, null, Speed), "--public-url", PublicUrl))
        {
            restarted = server.Anchor;
            var end = To.AddDays(1);
            await WaitUntilAsync(() => Virtual(stoppedAt, restarted) >= end.AddHours(2), "the second server's clock passes 04/04 02:00");
            await WaitUntilAsync(() => Undelivered(workspace, end.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)) == 0, "the second server delivers the emails up to 03/04");
            await server.StopAsync();
        }

        var expectedFolder = Path.Combine(workspace.Directory, "simulated");
        var simulate = WorkflowProgram.StartInfo(workspace.Directory, ["simulate", "--workflows", workspace.Workflows, "--plan", workspace.Plan,
            "--from", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--to", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--emails", expectedFolder]);
        simulate.Environment["WORKFLOW_LINK_KEY"] = ServerProcess.LinkKey;
        simulate.Environment["WORKFLOW_PUBLIC_URL"] = PublicUrl;
        using (var process = System.Diagnostics.Process.Start(simulate)!)
        {
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
        }

        var expected = await ReadAsync(expectedFolder, DateOnly.FromDateTime(To));
        var actual = await ReadAsync(workspace.Emails, DateOnly.FromDateTime(To));
        log.WriteLine($"{expected.Count} emails simulated, {actual.Count} sent by the server");

        Assert.True(expected.Count >= 30, "the stretch must carry many emails: " + expected.Count);
        Assert.Contains(expected, e => e.Day == new DateOnly(2025, 3, 27) && e.Text.Contains("(tình hình ngày 27/03/2025)", StringComparison.Ordinal) && e.Text.Contains("Hạn: 31/03/2025 (còn 4 ngày)", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Day == new DateOnly(2025, 4, 3) && e.Text.Contains("Đã nhắc: 27/03/2025, 28/03/2025.", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Text.Contains(PublicUrl + "bao-cao/", StringComparison.Ordinal));
        var missing = expected.Select(e => e.Key).Except(actual.Select(e => e.Key)).ToList();
        var extra = actual.Select(e => e.Key).Except(expected.Select(e => e.Key)).ToList();
        log.WriteLine("simulated, not sent:\n  " + string.Join("\n  ", missing));
        log.WriteLine("sent, not simulated:\n  " + string.Join("\n  ", extra));
        foreach (var (want, got) in expected.Zip(actual))
        {
            // The simulation sends each email on the day it reports on; the server on that day too, or, on a loaded machine, past
            // the accelerated midnight that follows it, never earlier and never a day later.
            Assert.Equal(want.Day, want.Sent);
            Assert.True(got.Sent == got.Day || got.Sent == got.Day.AddDays(1), $"sent {got.Sent:dd/MM/yyyy}, for {got.Key}");
            Assert.Equal(want.Key, got.Key);
            Assert.Equal(want.Text, got.Text);
            Assert.Equal(want.Html, got.Html);
        }

        Assert.Equal(expected.Select(e => e.Key), actual.Select(e => e.Key));
    }

    /// <summary>The emails of a folder up to <paramref name="last"/>, in a stable order. An email's day is the one its text
    /// says it reports on ("(tình hình ngày 27/03/2025)"), else its Date (Vietnam time): on a loaded machine the first day's
    /// catch-ups can leave the server after its accelerated midnight (16 s of real time), which changes their Date header but
    /// not what they say. The day of the Date header is kept beside it (Sent), which the test bounds.</summary>
    private static async Task<List<Email>> ReadAsync(string folder, DateOnly last)
    {
        var emails = new List<Email>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            using var message = await MimeMessage.LoadAsync(file);
            var sent = DateOnly.FromDateTime(message.Date.ToOffset(TimeSpan.FromHours(7)).DateTime);
            var day = ReportedDay(message.TextBody) ?? sent;
            if (day <= last)
            {
                var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address).Order(StringComparer.Ordinal));
                var cc = string.Join(", ", message.Cc.Mailboxes.Select(m => m.Address).Order(StringComparer.Ordinal));
                emails.Add(new Email(day, sent, to, cc, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty));
            }
        }

        return [.. emails.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>The day a digest says it reports on, "(tình hình ngày dd/MM/yyyy)", or null.</summary>
    private static DateOnly? ReportedDay(string? text)
    {
        const string Marker = "(tình hình ngày ";
        if (text is null || text.IndexOf(Marker, StringComparison.Ordinal) is var at && (at < 0 || at + Marker.Length + 10 > text.Length))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.AsSpan(at + Marker.Length, 10), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>Outbox rows meant for before <paramref name="moment"/> not yet tried; none while the database is being made.</summary>
    private static int Undelivered(ReliabilityWorkspace workspace, string moment)
    {
        try
        {
            return workspace.Undelivered(moment);
        }
        catch (SqliteException)
        {
            return int.MaxValue;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"gave up waiting: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static DateTime Virtual(DateTime start, DateTimeOffset realStart) => start + ((DateTimeOffset.UtcNow - realStart) * Speed);

    private sealed record Email(DateOnly Day, DateOnly Sent, string To, string Cc, string Subject, string Text, string Html)
    {
        public string Key => string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd} | {To} | {Cc} | {Subject}");
    }
}
