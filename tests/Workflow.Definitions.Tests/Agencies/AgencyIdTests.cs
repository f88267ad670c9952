using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

public sealed class AgencyIdTests
{
    [Theory]
    [InlineData("so-noi-vu")]
    [InlineData("ubnd-quan-ninh-kieu")]
    [InlineData("a")]
    [InlineData("so-2")]
    public void AcceptsLowercaseAsciiSlugs(string slug)
    {
        var id = AgencyId.Parse(slug);

        Assert.Equal(slug, id.ToString());
        Assert.Equal(slug, id.Value);
        Assert.True(AgencyId.TryParse(slug, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("So-noi-vu")]
    [InlineData("sở-nội-vụ")]
    [InlineData("so_noi_vu")]
    [InlineData("so noi vu")]
    [InlineData("-so")]
    [InlineData("so-")]
    [InlineData("so--noi")]
    public void RejectsAnythingElse(string slug)
    {
        Assert.False(AgencyId.TryParse(slug, out _));
        Assert.NotNull(AgencyId.Check(slug));
        Assert.Throws<ArgumentException>(() => AgencyId.Parse(slug));
    }

    [Fact]
    public void RejectsNullAndOverlongSlugs()
    {
        Assert.False(AgencyId.TryParse(null, out _));
        Assert.False(AgencyId.TryParse(new string('a', AgencyId.MaxLength + 1), out _));
        Assert.True(AgencyId.TryParse(new string('a', AgencyId.MaxLength), out _));
    }

    [Fact]
    public void DefaultIsDetectableAndPrintsEmpty()
    {
        var id = default(AgencyId);

        Assert.True(id.IsDefault);
        Assert.Equal(string.Empty, id.ToString());
        Assert.False(AgencyId.Parse("so-y-te").IsDefault);
    }

    [Fact]
    public void EqualityAndOrderFollowTheSlug()
    {
        Assert.Equal(AgencyId.Parse("so-y-te"), new AgencyId("so-y-te"));
        Assert.True(AgencyId.Parse("so-noi-vu") < AgencyId.Parse("so-y-te"));
        Assert.True(AgencyId.Parse("so-y-te") >= AgencyId.Parse("so-noi-vu"));
    }
}
