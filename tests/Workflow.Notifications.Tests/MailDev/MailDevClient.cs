using System.Globalization;
using System.Net.Http;
using System.Text.Json;

namespace Workflow.Notifications.Tests.MailDev;

/// <summary>
/// One message MailDev received, as its REST API (GET /email) reports it. Addresses are the bare
/// addresses ("a@example.com"), without display names. Header names are lower case (MailDev's
/// parser lowers them) and looked up case-insensitively; a header that occurs more than once
/// (e.g. Received) has its values joined with "\n".
/// </summary>
public sealed record ReceivedEmail(
    string Id,
    string Subject,
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    string? MessageId,
    DateTimeOffset? Date);

/// <summary>
/// Reads and clears the mail a MailDev server (scripts/maildev.sh, tools/maildev) received, through
/// its REST API: GET /email (all messages, in arrival order) and DELETE /email/all.
/// </summary>
public sealed class MailDevClient : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient http;
    private readonly Uri emailUri;
    private readonly Uri deleteAllUri;

    /// <param name="baseUri">MailDev's web address, e.g. http://127.0.0.1:1080 (WORKFLOW_TEST_MAILDEV).</param>
    public MailDevClient(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri)
        {
            throw new ArgumentException("MailDev's address must be absolute, e.g. http://127.0.0.1:1080.", nameof(baseUri));
        }

        // Relative URIs resolve against the last '/', so make the base a "directory".
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        emailUri = new Uri(root, "email");
        deleteAllUri = new Uri(root, "email/all");
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Every message MailDev holds, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> AllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(emailUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException(
                    $"GET {emailUri} returned {document.RootElement.ValueKind}, not a JSON array.");
            }

            var emails = new List<ReceivedEmail>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                emails.Add(Parse(element));
            }

            return emails;
        }
    }

    /// <summary>Deletes every message MailDev holds.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(deleteAllUri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Polls until MailDev holds at least <paramref name="count"/> messages and returns all of them
    /// (oldest first). Failed requests (e.g. MailDev restarting after an outage) are retried until
    /// <paramref name="timeout"/>, which then throws a <see cref="TimeoutException"/> saying what arrived.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(
        int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<ReceivedEmail> emails = [];
        HttpRequestException? lastError = null;
        while (true)
        {
            try
            {
                emails = await AllAsync(cancellationToken).ConfigureAwait(false);
                lastError = null;
                if (emails.Count >= count)
                {
                    return emails;
                }
            }
            catch (HttpRequestException e)
            {
                lastError = e;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var subjects = string.Join(", ", emails.Select(e => $"\"{e.Subject}\""));
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"MailDev at {emailUri} held {emails.Count} message(s) [{subjects}], not {count}, after {timeout.TotalSeconds:0.#}s")
                    + (lastError is null ? "." : $"; the last request failed: {lastError.Message}"),
                    lastError);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => http.Dispose();

    private static ReceivedEmail Parse(JsonElement email)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (email.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind switch
                {
                    JsonValueKind.String => header.Value.GetString() ?? "",
                    JsonValueKind.Array => string.Join("\n", header.Value.EnumerateArray().Select(Scalar)),
                    _ => Scalar(header.Value),
                };
            }
        }

        var from = Addresses(email, "from");
        return new ReceivedEmail(
            Id: StringProperty(email, "id") ?? "",
            Subject: StringProperty(email, "subject") ?? "",
            From: from.Count > 0 ? from[0] : "",
            To: Addresses(email, "to"),
            Cc: Addresses(email, "cc"),
            Text: StringProperty(email, "text"),
            Html: StringProperty(email, "html"),
            Headers: headers,
            MessageId: StringProperty(email, "messageId")
                ?? (headers.TryGetValue("message-id", out var id) ? id.Trim().TrimStart('<').TrimEnd('>') : null),
            Date: DateProperty(email, "date") ?? DateProperty(email, "time"));
    }

    private static string? StringProperty(JsonElement email, string name) =>
        email.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Scalar(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    // [{ "address": "a@example.com", "name": "A" }, ...]; absent (e.g. no Cc) is empty.
    private static List<string> Addresses(JsonElement email, string name)
    {
        var addresses = new List<string>();
        if (email.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("address", out var address)
                    && address.ValueKind == JsonValueKind.String)
                {
                    addresses.Add(address.GetString() ?? "");
                }
            }
        }

        return addresses;
    }

    // ISO 8601 ("2025-01-02T03:04:05.000Z"), parsed culture-invariantly by System.Text.Json.
    private static DateTimeOffset? DateProperty(JsonElement email, string name) =>
        email.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.TryGetDateTimeOffset(out var date)
            ? date
            : null;
}
