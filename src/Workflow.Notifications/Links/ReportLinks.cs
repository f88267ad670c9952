using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Workflow.Notifications.Links;

/// <summary>
/// The link in every email to the agency's report page: scoped to one agency, expiring, and
/// signed (HMAC-SHA256 over the agency and the expiry with a server secret), so it needs no
/// password and cannot be altered to reach another agency or to outlive its expiry.
/// </summary>
/// <remarks>Shape: <c>{base}/bao-cao/{agency}?het-han={unix seconds}&amp;chu-ky={base64url}</c>. The page
/// (the web issue) calls <see cref="Verify"/>; a refused link says why.</remarks>
public sealed class ReportLinks
{
    private readonly byte[] key;
    private readonly Uri baseUrl;

    /// <summary>The site's address every link starts with.</summary>
    public Uri BaseUrl => baseUrl;
    private readonly Duration validity;

    public ReportLinks(byte[] key, Uri baseUrl, Duration validity)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key needs at least 32 bytes.", nameof(key));
        }

        this.key = (byte[])key.Clone();
        this.baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        this.validity = validity;
    }

    /// <summary>How long a link is good for (30 days unless configured).</summary>
    public Duration Validity => validity;

    /// <summary>A link for <paramref name="agency"/>, valid from <paramref name="now"/> for <see cref="Validity"/>.</summary>
    public Uri For(string agency, Instant now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        var expires = (now + validity).ToUnixTimeSeconds();
        var query = string.Create(CultureInfo.InvariantCulture, $"bao-cao/{Uri.EscapeDataString(agency)}?het-han={expires}&chu-ky={Signature(agency, expires)}");
        return new Uri(baseUrl, query);
    }

    /// <summary>
    /// The link in an email sent on <paramref name="day"/> (Vietnam time): valid for
    /// <see cref="Validity"/> from the end of that day. The same agency and day give the same link,
    /// however late in the day the email goes out, so the server writes what a simulation writes.
    /// </summary>
    public Uri ForDay(string agency, LocalDate day) =>
        For(agency, day.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToInstant());

    /// <summary>Checks a link's parts; <paramref name="problem"/> says in Vietnamese why a link is refused.</summary>
    public bool Verify(string agency, string? expires, string? signature, Instant now, out string? problem)
    {
        if (string.IsNullOrEmpty(agency) || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || string.IsNullOrEmpty(signature))
        {
            problem = "Đường dẫn không đầy đủ. Xin dùng đúng đường dẫn trong thư nhắc hạn.";
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(agency, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            problem = "Đường dẫn không hợp lệ (đã bị sửa hoặc không do hệ thống cấp). Xin dùng đúng đường dẫn trong thư nhắc hạn.";
            return false;
        }

        if (now.ToUnixTimeSeconds() > seconds)
        {
            problem = $"Đường dẫn đã hết hạn ngày {Instant.FromUnixTimeSeconds(seconds).InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}. Đường dẫn mới có trong thư nhắc hạn gần nhất.";
            return false;
        }

        problem = null;
        return true;
    }

    private string Signature(string agency, long expires)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{agency}|{expires}")));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
