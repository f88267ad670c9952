using System.Text;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>Checks the content of workflows/agencies.yaml.</summary>
public sealed class AgencyDirectoryShippedTests
{
    private static AgencyDirectory Directory => AgencyTestData.Directory;

    [Theory]
    [InlineData("ubnd-quan-ninh-kieu", "Ủy ban nhân dân quận Ninh Kiều")]
    [InlineData("ubnd-quan-binh-thuy", "Ủy ban nhân dân quận Bình Thủy")]
    [InlineData("ubnd-quan-cai-rang", "Ủy ban nhân dân quận Cái Răng")]
    [InlineData("ubnd-quan-o-mon", "Ủy ban nhân dân quận Ô Môn")]
    [InlineData("ubnd-quan-thot-not", "Ủy ban nhân dân quận Thốt Nốt")]
    [InlineData("ubnd-huyen-phong-dien", "Ủy ban nhân dân huyện Phong Điền")]
    [InlineData("ubnd-huyen-co-do", "Ủy ban nhân dân huyện Cờ Đỏ")]
    [InlineData("ubnd-huyen-thoi-lai", "Ủy ban nhân dân huyện Thới Lai")]
    [InlineData("ubnd-huyen-vinh-thanh", "Ủy ban nhân dân huyện Vĩnh Thạnh")]
    public void ListsTheNineDistrictLevelCommittees(string id, string name)
    {
        var agency = Directory.Get(AgencyId.Parse(id));

        Assert.Equal(name, agency.Name);
        Assert.Equal(AgencyKind.DistrictCommittee, agency.Kind);
    }

    [Fact]
    public void DistrictGroupExpandsToExactlyTheNine()
    {
        Assert.True(Directory.TryGetGroup(AgencyId.Parse("ubnd-cap-huyen"), out var group));
        Assert.Equal(9, Directory.MembersOf(group).Count);
        Assert.Equal(9, Directory.MembersOf(group, new NodaTime.LocalDate(2025, 6, 30)).Count);
        Assert.Empty(Directory.MembersOf(group, new NodaTime.LocalDate(2025, 7, 1)));
        Assert.Equal(9, Directory.Agencies.Count(a => a.Kind == AgencyKind.DistrictCommittee));
    }

    [Theory]
    [InlineData("ubnd-thanh-pho", AgencyKind.CityCommittee)]
    [InlineData("van-phong-ubnd-thanh-pho", AgencyKind.Department)]
    [InlineData("so-noi-vu", AgencyKind.Department)]
    [InlineData("so-tu-phap", AgencyKind.Department)]
    [InlineData("so-tai-chinh", AgencyKind.Department)]
    [InlineData("so-ke-hoach-va-dau-tu", AgencyKind.Department)]
    [InlineData("so-thong-tin-va-truyen-thong", AgencyKind.Department)]
    [InlineData("so-khoa-hoc-va-cong-nghe", AgencyKind.Department)]
    [InlineData("so-y-te", AgencyKind.Department)]
    [InlineData("so-giao-duc-va-dao-tao", AgencyKind.Department)]
    [InlineData("so-van-hoa-the-thao-va-du-lich", AgencyKind.Department)]
    [InlineData("so-lao-dong-thuong-binh-va-xa-hoi", AgencyKind.Department)]
    [InlineData("so-tai-nguyen-va-moi-truong", AgencyKind.Department)]
    [InlineData("so-cong-thuong", AgencyKind.Department)]
    [InlineData("so-giao-thong-van-tai", AgencyKind.Department)]
    [InlineData("so-nong-nghiep-va-phat-trien-nong-thon", AgencyKind.Department)]
    [InlineData("so-xay-dung", AgencyKind.Department)]
    [InlineData("thanh-tra-thanh-pho", AgencyKind.Department)]
    [InlineData("ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep", AgencyKind.Department)]
    [InlineData("dai-phat-thanh-va-truyen-hinh", AgencyKind.PublicServiceUnit)]
    [InlineData("bao-can-tho", AgencyKind.PublicServiceUnit)]
    [InlineData("vien-kinh-te-xa-hoi", AgencyKind.PublicServiceUnit)]
    [InlineData("cong-an-thanh-pho", AgencyKind.CentralAgency)]
    [InlineData("cuc-thue-thanh-pho", AgencyKind.CentralAgency)]
    [InlineData("bao-hiem-xa-hoi-thanh-pho", AgencyKind.CentralAgency)]
    [InlineData("kho-bac-nha-nuoc-thanh-pho", AgencyKind.CentralAgency)]
    [InlineData("bo-noi-vu", AgencyKind.CentralAgency)]
    [InlineData("buu-dien-thanh-pho", AgencyKind.Other)]
    [InlineData("uy-ban-mttq-thanh-pho", AgencyKind.PartyOrMassOrganization)]
    public void ListsTheAgenciesThePlansName(string id, AgencyKind kind) =>
        Assert.Equal(kind, Directory.Get(AgencyId.Parse(id)).Kind);

    [Fact]
    public void ShipsOnlyReservedExampleEmailDomains()
    {
        foreach (var agency in Directory.Agencies)
        {
            var domain = agency.Email[(agency.Email.IndexOf('@', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
            var reserved = domain.EndsWith(".EXAMPLE", StringComparison.Ordinal)
                || domain is "EXAMPLE.COM" or "EXAMPLE.ORG" or "EXAMPLE.NET"
                || domain.EndsWith(".EXAMPLE.COM", StringComparison.Ordinal)
                || domain.EndsWith(".EXAMPLE.ORG", StringComparison.Ordinal)
                || domain.EndsWith(".EXAMPLE.NET", StringComparison.Ordinal);
            Assert.True(reserved, $"{agency.Id}: {agency.Email} is not under an RFC 2606 reserved domain");
        }
    }

    [Fact]
    public void NamesAreNfcAndIdsAndEmailsAreUnique()
    {
        Assert.All(Directory.Agencies, a => Assert.True(a.Name.IsNormalized(NormalizationForm.FormC), a.Name));
        Assert.Equal(Directory.Agencies.Count, Directory.Agencies.Select(a => a.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            Directory.Agencies.Count + Directory.Groups.Count,
            Directory.Agencies.Select(a => a.Id).Concat(Directory.Groups.Select(g => g.Id)).Distinct().Count());
    }

    [Fact]
    public void EveryNameShortNameAndAliasResolvesToItsOwner()
    {
        foreach (var agency in Directory.Agencies)
        {
            foreach (var spelling in agency.Aliases.Append(agency.Name).Append(agency.ShortName))
            {
                var resolution = Directory.Resolve(spelling);
                Assert.True(resolution.Agencies.Count == 1 && resolution.Agencies[0] == agency && !resolution.HasProblems, $"'{spelling}' → {AgencyTestData.Describe(resolution)} {AgencyTestData.Problems(resolution)}");
            }
        }

        foreach (var group in Directory.Groups)
        {
            foreach (var spelling in group.Aliases.Append(group.Name))
            {
                var resolution = Directory.Resolve(spelling);
                Assert.True(resolution.Groups.Count == 1 && resolution.Groups[0] == group && !resolution.HasProblems, $"'{spelling}' → {AgencyTestData.Describe(resolution)} {AgencyTestData.Problems(resolution)}");
            }
        }
    }

    [Theory]
    [InlineData("VP UBND TP", "van-phong-ubnd-thanh-pho")]
    [InlineData("Văn phòng UBND thành phố", "van-phong-ubnd-thanh-pho")]
    [InlineData("Văn phòng Ủy ban nhân dân thành phố", "van-phong-ubnd-thanh-pho")]
    [InlineData("Sở TT&TT", "so-thong-tin-va-truyen-thong")]
    [InlineData("Sở TTTT", "so-thong-tin-va-truyen-thong")]
    [InlineData("Sở Thông tin và Truyền thông (Sở TTTT)", "so-thong-tin-va-truyen-thong")]
    [InlineData("Sở KH&CN", "so-khoa-hoc-va-cong-nghe")]
    [InlineData("Sở KH&ĐT", "so-ke-hoach-va-dau-tu")]
    [InlineData("Sở LĐTB&XH", "so-lao-dong-thuong-binh-va-xa-hoi")]
    [InlineData("Sở Lao động - Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi")]
    [InlineData("Sở Lao động, Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi")]
    [InlineData("BQL KCX&CN Cần Thơ", "ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep")]
    [InlineData("Đài PTTH TPCT", "dai-phat-thanh-va-truyen-hinh")]
    [InlineData("Cục Thuế TP", "cuc-thue-thanh-pho")]
    [InlineData("Bảo hiểm xã hội TP", "bao-hiem-xa-hoi-thanh-pho")]
    [InlineData("Bưu điện TP Cần Thơ", "buu-dien-thanh-pho")]
    [InlineData("UBMTTQVN TP", "uy-ban-mttq-thanh-pho")]
    [InlineData("Ủy ban MTTQ", "uy-ban-mttq-thanh-pho")]
    [InlineData("Kho bạc Nhà nước", "kho-bac-nha-nuoc-thanh-pho")]
    [InlineData("UBND thành phố", "ubnd-thanh-pho")]
    [InlineData("Ủy ban nhân dân thành phố Cần Thơ", "ubnd-thanh-pho")]
    [InlineData("UBND quận Ninh Kiều", "ubnd-quan-ninh-kieu")]
    [InlineData("huyện Cờ Đỏ", "ubnd-huyen-co-do")]
    public void ResolvesTheSpellingsThePlansUse(string cell, string id)
    {
        var resolution = Directory.Resolve(cell);

        Assert.False(resolution.HasProblems, AgencyTestData.Problems(resolution));
        Assert.Equal(id, AgencyTestData.Describe(resolution));
    }

    [Theory]
    [InlineData("Sở, ngành TP", "so-ban-nganh")]
    [InlineData("Sở, ban, ngành thành phố", "so-ban-nganh")]
    [InlineData("Các sở, ban, ngành", "so-ban-nganh")]
    [InlineData("Sở, ban ngành thành phố", "so-ban-nganh")]
    [InlineData("UBND quận, huyện", "ubnd-cap-huyen")]
    [InlineData("UBND cấp huyện", "ubnd-cap-huyen")]
    [InlineData("Ủy ban nhân dân quận, huyện", "ubnd-cap-huyen")]
    [InlineData("UBND các cấp", "ubnd-cac-cap")]
    [InlineData("Các cơ quan, đơn vị", "co-quan-don-vi-dia-phuong")]
    [InlineData("Các cơ quan, đơn vị, địa phương", "co-quan-don-vi-dia-phuong")]
    [InlineData("UBND xã, phường, thị trấn", "ubnd-cap-xa")]
    [InlineData("UBND cấp xã", "ubnd-cap-xa")]
    [InlineData("Các cơ quan ngành dọc", "co-quan-nganh-doc")]
    public void ResolvesTheGroupSpellingsThePlansUse(string cell, string id)
    {
        var resolution = Directory.Resolve(cell);

        Assert.False(resolution.HasProblems, AgencyTestData.Problems(resolution));
        Assert.Equal("@" + id, AgencyTestData.Describe(resolution));
    }

    [Fact]
    public void GroupsExpandByKindAndByMember()
    {
        AgencyGroup Group(string id) => Directory.Groups.Single(g => g.Id == AgencyId.Parse(id));

        var departments = Directory.MembersOf(Group("so-ban-nganh"));
        Assert.Contains(departments, a => a.Id == AgencyId.Parse("van-phong-ubnd-thanh-pho"));
        Assert.All(departments, a => Assert.Equal(AgencyKind.Department, a.Kind));

        // Before 01/07/2025: the nine district committees, and communes not listed one by one; after: the 103 communes and wards.
        var before = new NodaTime.LocalDate(2024, 12, 24);
        var after = new NodaTime.LocalDate(2025, 7, 1);
        Assert.Equal(9, Directory.MembersOf(Group("ubnd-cac-cap"), before).Count);
        Assert.Equal(103, Directory.MembersOf(Group("ubnd-cac-cap"), after).Count);

        var communes = Group("ubnd-cap-xa");
        Assert.Equal([AgencyKind.CommuneCommittee], communes.Kinds);
        Assert.Empty(communes.Members);
        Assert.Empty(Directory.MembersOf(communes, before));
        Assert.Equal(103, Directory.MembersOf(communes, after).Count);

        var vertical = Directory.MembersOf(Group("co-quan-nganh-doc")).Select(a => a.Id.ToString());
        Assert.Equal(["cong-an-thanh-pho", "cuc-thue-thanh-pho", "bao-hiem-xa-hoi-thanh-pho", "kho-bac-nha-nuoc-thanh-pho"], vertical);

        Assert.Empty(Directory.MembersOf(Group("benh-vien")));
        Assert.True(Group("benh-vien").IsUnlisted);
    }

    [Fact]
    public void GetAndTryGetDistinguishAgenciesFromGroups()
    {
        Assert.Equal("Sở Nội vụ", Directory.Get(AgencyId.Parse("so-noi-vu")).Name);
        Assert.True(Directory.TryGet(AgencyId.Parse("so-y-te"), out var yTe));
        Assert.Equal("Sở Y tế", yTe.Name);
        Assert.False(Directory.TryGet(AgencyId.Parse("so-ban-nganh"), out _));
        Assert.False(Directory.TryGet(default, out _));
        Assert.False(Directory.TryGetGroup(default, out _));
        Assert.Contains("group", Assert.Throws<KeyNotFoundException>(() => Directory.Get(AgencyId.Parse("so-ban-nganh"))).Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Directory.Get(AgencyId.Parse("so-ngoai-vu")));
    }
}
