using NodaTime;
using Workflow.Notifications.Links;

namespace Workflow.Notifications.Tests;

public class ReportLinksTests
{
    private static readonly ReportLinks Links = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), new Uri("https://cchc.cantho.example"), Duration.FromDays(30));
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 17, 1, 0);

    private static (string Agency, string? Expires, string? Signature) Parts(Uri link)
    {
        var query = link.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return (Uri.UnescapeDataString(link.Segments[^1]), query.GetValueOrDefault("het-han"), query.GetValueOrDefault("chu-ky"));
    }

    [Fact]
    public void A_link_names_one_agency_and_verifies_until_it_expires()
    {
        var link = Links.For("so-tu-phap", Now);
        Assert.StartsWith("https://cchc.cantho.example/bao-cao/so-tu-phap?het-han=", link.AbsoluteUri, StringComparison.Ordinal);

        var (agency, expires, signature) = Parts(link);
        Assert.True(Links.Verify(agency, expires, signature, Now + Duration.FromDays(29), out var problem), problem);
        Assert.False(Links.Verify(agency, expires, signature, Now + Duration.FromDays(31), out problem));
        Assert.Contains("hết hạn", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_altered_to_reach_another_agency_or_to_live_longer_is_refused()
    {
        var (_, expires, signature) = Parts(Links.For("so-tu-phap", Now));

        Assert.False(Links.Verify("so-tai-chinh", expires, signature, Now, out var problem));
        Assert.Contains("không hợp lệ", problem, StringComparison.Ordinal);
        Assert.False(Links.Verify("so-tu-phap", (long.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture) + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Now, out _));
        Assert.False(Links.Verify("so-tu-phap", null, signature, Now, out _));
        Assert.False(new ReportLinks(new byte[32], new Uri("https://cchc.cantho.example"), Duration.FromDays(30)).Verify("so-tu-phap", expires, signature, Now, out _));
    }
}
