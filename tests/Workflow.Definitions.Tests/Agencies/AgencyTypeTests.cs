using System.Text;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

public sealed class AgencyTypeTests
{
    private static readonly AgencyId NoiVu = AgencyId.Parse("so-noi-vu");

    [Fact]
    public void AgencyStoresNamesAsNfcWithWhitespaceCollapsed()
    {
        var agency = new Agency(NoiVu, "  Sở\u00A0Nội \n vụ ".Normalize(NormalizationForm.FormD), null, AgencyKind.Department, "so-noi-vu@cantho.example", ["Sở NV"]);

        Assert.Equal("Sở Nội vụ", agency.Name);
        Assert.True(agency.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(agency.Name, agency.ShortName);
        Assert.Equal(["Sở NV"], agency.Aliases);
        Assert.Equal("Sở Nội vụ (so-noi-vu)", agency.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("so-noi-vu")]
    [InlineData("so noi vu@cantho.example")]
    [InlineData("so-noi-vu@cantho")]
    [InlineData("a@b@cantho.example")]
    public void AgencyRejectsBadEmail(string email)
    {
        var error = Assert.Throws<ArgumentException>(() => new Agency(NoiVu, "Sở Nội vụ", null, AgencyKind.Department, email));
        Assert.Equal("email", error.ParamName);
    }

    [Fact]
    public void AgencyRejectsDefaultIdBlankNameUnknownKindAndRepeatedAlias()
    {
        Assert.Throws<ArgumentException>(() => new Agency(default, "Sở Nội vụ", null, AgencyKind.Department, "a@b.example"));
        Assert.Throws<ArgumentException>(() => new Agency(NoiVu, " ", null, AgencyKind.Department, "a@b.example"));
        Assert.Throws<ArgumentException>(() => new Agency(NoiVu, "Sở Nội vụ", null, (AgencyKind)99, "a@b.example"));
        Assert.Throws<ArgumentException>(() => new Agency(NoiVu, "Sở Nội vụ", null, AgencyKind.Department, "a@b.example", ["X", "X"]));
        Assert.Throws<ArgumentException>(() => new Agency(NoiVu, "Sở Nội vụ", null, AgencyKind.Department, "a@b.example", [" "]));
    }

    [Fact]
    public void GroupNeedsMembersOrKindsUnlessUnlisted()
    {
        var id = AgencyId.Parse("g");

        Assert.Throws<ArgumentException>(() => new AgencyGroup(id, "G", null, null));
        Assert.Throws<ArgumentException>(() => new AgencyGroup(id, "G", [NoiVu], null, isUnlisted: true));
        var unlisted = new AgencyGroup(id, "G", null, null, isUnlisted: true);
        var byKind = new AgencyGroup(id, "G", null, [AgencyKind.CommuneCommittee, AgencyKind.CommuneCommittee]);

        Assert.True(unlisted.IsUnlisted);
        Assert.Equal([AgencyKind.CommuneCommittee], byKind.Kinds);
    }

    [Fact]
    public void GroupIncludesByIdOrKind()
    {
        var agency = new Agency(NoiVu, "Sở Nội vụ", null, AgencyKind.Department, "a@b.example");
        var other = new Agency(AgencyId.Parse("bao-can-tho"), "Báo Cần Thơ", null, AgencyKind.PublicServiceUnit, "b@b.example");

        Assert.True(new AgencyGroup(AgencyId.Parse("g"), "G", null, [AgencyKind.Department]).Includes(agency));
        Assert.True(new AgencyGroup(AgencyId.Parse("g"), "G", [other.Id], null).Includes(other));
        Assert.False(new AgencyGroup(AgencyId.Parse("g"), "G", null, [AgencyKind.Department]).Includes(other));
    }
}
