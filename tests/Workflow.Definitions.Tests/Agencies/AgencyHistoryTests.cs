using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>
/// The directory as a history: agencies begin and end, their duties pass to successors, a cell is read as the
/// directory stood on a day, and bad history data is refused with its file and line, nothing half-applied.
/// </summary>
public sealed class AgencyHistoryTests
{
    private const string Main = """
        includes:
          - changes.yaml
        agencies:
          - id: so-noi-vu
            name: Sở Nội vụ
            kind: Department
            email: so-noi-vu@cantho.example
          - id: so-lao-dong
            name: Sở Lao động
            kind: Department
            email: so-lao-dong@cantho.example
          - id: so-y-te
            name: Sở Y tế
            kind: Department
            email: so-y-te@cantho.example
          - id: ubnd-quan-a
            name: UBND quận A
            kind: DistrictCommittee
            email: ubnd-quan-a@cantho.example
        groups:
          - id: so-ban-nganh
            name: Sở, ban, ngành
            kinds: [Department]
          - id: ubnd-cap-huyen
            name: UBND quận, huyện
            kinds: [DistrictCommittee]
          - id: ubnd-cap-xa
            name: UBND xã, phường
            kinds: [CommuneCommittee]
        """;

    private const string Changes = """
        agencies:
          - id: ubnd-phuong-a1
            name: UBND phường A1
            kind: CommuneCommittee
            email: a1@cantho.example
            began: 2025-07-01
            source: NQ 1668/NQ-UBTVQH15 ngày 16/06/2025
          - id: ubnd-phuong-a2
            name: UBND phường A2
            kind: CommuneCommittee
            email: a2@cantho.example
            began: 01/07/2025
            source: NQ 1668/NQ-UBTVQH15 ngày 16/06/2025
        changes:
          - agency: so-lao-dong
            ended: 2025-02-28
            successors: [so-noi-vu, so-y-te]
            handover: one
            ended_by: NĐ 45/2025/NĐ-CP ngày 28/02/2025
          - agency: ubnd-quan-a
            ended: 2025-06-30
            successors: [ubnd-phuong-a1, ubnd-phuong-a2]
            handover: all
            ended_by: NQ 202/2025/QH15 ngày 12/06/2025
        """;

    private static readonly LocalDate BeforeMerger = new(2024, 12, 24);
    private static readonly LocalDate AfterMerger = new(2025, 3, 1);
    private static readonly LocalDate NewCity = new(2025, 7, 1);

    [Fact]
    public void AnAgencyHasItsDatesAndSuccessorsWithTheirSource()
    {
        var directory = Load(Main, Changes);
        var labour = directory.Get(AgencyId.Parse("so-lao-dong"));

        Assert.Equal(new LocalDate(2025, 2, 28), labour.Ended);
        Assert.True(labour.IsActiveOn(new LocalDate(2025, 2, 28)));
        Assert.False(labour.IsActiveOn(AfterMerger));
        Assert.Equal(AfterMerger, labour.Succession!.On);
        Assert.Equal(["so-noi-vu", "so-y-te"], labour.Succession.Successors.Select(s => s.ToString()));
        Assert.Equal("NĐ 45/2025/NĐ-CP ngày 28/02/2025", labour.Succession.Source);
        Assert.True(labour.Succession.NeedsChoice);
        Assert.Equal(NewCity, directory.Get(AgencyId.Parse("ubnd-phuong-a2")).Began);
    }

    [Fact]
    public void SuccessionFollowsTheDayAndTheMode()
    {
        var directory = Load(Main, Changes);
        AgencyId[] leads = [AgencyId.Parse("so-lao-dong"), AgencyId.Parse("ubnd-quan-a")];

        Assert.Null(directory.SucceedOn(leads, new LocalDate(2025, 2, 28)));

        var march = directory.SucceedOn(leads, AfterMerger)!;
        Assert.Equal(["so-noi-vu", "ubnd-quan-a"], march.Leads.Select(l => l.ToString()));
        Assert.True(march.NeedsChoice);

        var july = directory.SucceedOn(leads, NewCity)!;
        Assert.Equal(["so-noi-vu", "ubnd-phuong-a1", "ubnd-phuong-a2"], july.Leads.Select(l => l.ToString()));
        Assert.Equal(2, july.Handovers.Count);
        Assert.Contains("NQ 202/2025/QH15", AgencyDirectory.DescribeHandover(july.Handovers[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void ACellIsReadOnTheDayGiven()
    {
        var directory = Load(Main, Changes);

        // Before the merger the department is itself; after, its duties are its successor's (first listed), noted.
        Assert.Equal(["so-lao-dong"], Ids(directory.Resolve("Sở Lao động", BeforeMerger)));
        var after = directory.Resolve("Sở Lao động (cũ)", new LocalDate(2026, 1, 5));
        Assert.Empty(after.Problems);
        Assert.Equal(["so-noi-vu"], Ids(after));
        Assert.True(after.Mentions[0].Former);
        Assert.Contains(after.Notes, n => n.Kind == AgencyCellNoteKind.Succession && n.Message.Contains("Sở Nội vụ", StringComparison.Ordinal));

        // Groups expand to their members of the day.
        Assert.Equal(["ubnd-quan-a"], Ids(directory.Resolve("UBND quận, huyện", BeforeMerger)));
        Assert.Empty(Ids(directory.Resolve("UBND quận, huyện", NewCity)));
        Assert.Equal(["ubnd-quan-a"], Ids(directory.Resolve("UBND xã, phường", BeforeMerger))); // no commune listed yet: through the district
        Assert.Equal(["ubnd-phuong-a1", "ubnd-phuong-a2"], Ids(directory.Resolve("UBND xã, phường", NewCity)));
        Assert.Equal(["so-noi-vu", "so-y-te"], Ids(directory.Resolve("Sở, ban, ngành", NewCity)));

        // An agency created after the day is a problem.
        var early = directory.Resolve("UBND phường A1", BeforeMerger);
        Assert.Contains("chỉ có từ ngày 01/07/2025", Assert.Single(early.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpellingSharedByAgenciesThatNeverCoexistedNamesTheOneOfTheDay()
    {
        const string yaml = """
            agencies:
              - id: phuong-tan-an-cu
                name: UBND phường Tân An
                kind: CommuneCommittee
                email: cu@cantho.example
                ended: 2025-06-30
                successors: [phuong-ninh-kieu]
                ended_by: NQ 1668/NQ-UBTVQH15 ngày 16/06/2025
              - id: phuong-ninh-kieu
                name: UBND phường Ninh Kiều
                kind: CommuneCommittee
                email: nk@cantho.example
                began: 2025-07-01
              - id: phuong-tan-an
                name: UBND phường Tân An
                kind: CommuneCommittee
                email: moi@cantho.example
                began: 2025-07-01
            """;
        var directory = AgencyTestData.FromYaml(yaml);

        Assert.Equal(["phuong-tan-an-cu"], Ids(directory.Resolve("UBND phường Tân An", BeforeMerger)));
        Assert.Equal(["phuong-tan-an"], Ids(directory.Resolve("UBND phường Tân An", NewCity)));
        Assert.Equal(["phuong-ninh-kieu"], Ids(directory.Resolve("UBND phường Tân An (cũ)", NewCity)));
    }

    [Fact]
    public void DescribesTheLeadWithItsNewName()
    {
        var directory = Load(Main, Changes);

        Assert.Equal("Sở Lao động (nay là Sở Y tế)", directory.DescribeLead([AgencyId.Parse("so-lao-dong")], [AgencyId.Parse("so-y-te")]));
        Assert.Equal("UBND quận A (nay là UBND phường A1, UBND phường A2)", directory.DescribeLead([AgencyId.Parse("ubnd-quan-a")], [AgencyId.Parse("ubnd-phuong-a1"), AgencyId.Parse("ubnd-phuong-a2")]));
        Assert.Equal("Sở Y tế", directory.DescribeLead([], [AgencyId.Parse("so-y-te")]));
        Assert.Equal(["so-noi-vu", "so-y-te"], directory.SuccessorChoices([AgencyId.Parse("so-lao-dong")], AfterMerger).Select(a => a.Id.ToString()));
        Assert.Empty(directory.SuccessorChoices([AgencyId.Parse("ubnd-quan-a")], NewCity));
    }

    public static TheoryData<string, string, int, string> BadHistory { get; } = new()
    {
        // A successor that does not exist (line of the successor, in the included file).
        { Main, Changes.Replace("successors: [so-noi-vu, so-y-te]", "successors: [so-noi-vu, so-y-tee]", StringComparison.Ordinal), 17, "cơ quan kế nhiệm \"so-y-tee\" của \"so-lao-dong\" không có trong danh bạ: có phải là \"so-y-te\"?" },

        // A cycle of successors.
        {
            Main.Replace("  - id: so-y-te", "  - id: so-x\n    name: Sở X\n    kind: Department\n    email: x@cantho.example\n    ended: 2025-02-28\n    successors: [so-z]\n    ended_by: NĐ 1\n  - id: so-z\n    name: Sở Z\n    kind: Department\n    email: z@cantho.example\n    ended: 2025-02-28\n    successors: [so-x]\n    ended_by: NĐ 2\n  - id: so-y-te", StringComparison.Ordinal),
            Changes, 0, "vòng kế nhiệm: so-x → so-z → so-x"
        },

        // Overlapping validity: two agencies with one spelling at the same time.
        { Main, Changes.Replace("name: UBND phường A2", "name: UBND phường A1", StringComparison.Ordinal), 9, "thời gian hoạt động chồng nhau" },

        // A date that is not a date.
        { Main, Changes.Replace("ended: 2025-06-30", "ended: 31/06/2025", StringComparison.Ordinal), 21, "\"ended\" là \"31/06/2025\", không phải một ngày" },

        // Ended before it began.
        { Main, Changes.Replace("began: 2025-07-01", "began: 2025-07-01\n    ended: 2025-01-01\n    successors: [so-noi-vu]\n    ended_by: x", StringComparison.Ordinal), 0, "trước \"began\"" },

        // A successor not yet in existence the day after.
        { Main, Changes.Replace("successors: [so-noi-vu, so-y-te]", "successors: [ubnd-phuong-a1]", StringComparison.Ordinal), 17, "chỉ bắt đầu từ 01/07/2025" },

        // A change naming an agency the directory does not list; an agency ended twice.
        { Main, Changes.Replace("agency: so-lao-dong", "agency: so-lao-donk", StringComparison.Ordinal), 15, "thay đổi ghi cơ quan \"so-lao-donk\" không có trong danh bạ" },
        { Main, Changes.Replace("agency: ubnd-quan-a", "agency: so-lao-dong", StringComparison.Ordinal), 20, "đã có ngày kết thúc" },

        // Ended without a successor or without its source.
        { Main, Changes.Replace("    ended_by: NĐ 45/2025/NĐ-CP ngày 28/02/2025\n", string.Empty, StringComparison.Ordinal), 16, "không có \"ended_by:\"" },
    };

    [Theory]
    [MemberData(nameof(BadHistory))]
    public void BadHistoryIsRefusedWithFileAndLine(string main, string changes, int line, string expected)
    {
        var error = Assert.Throws<DataFileException>(() => Load(main, changes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(line == 0 ? ".yaml" : $"changes.yaml, dòng {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncludedFileThatIsMissingIsNamed()
    {
        var error = Assert.Throws<DataFileException>(() => AgencyDirectory.Load(new StringReader(Main), "agencies.yaml", name => throw new FileNotFoundException(name)));

        Assert.Equal("agencies.yaml", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("\"changes.yaml\"", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedReorganisationHasTheNewCitysCommunesAndWards()
    {
        var directory = AgencyTestData.Directory;
        var communes = directory.Agencies.Where(a => a.Kind == AgencyKind.CommuneCommittee).ToList();

        Assert.Equal(103, communes.Count);
        Assert.Equal(31, communes.Count(a => a.Name.StartsWith("Ủy ban nhân dân phường ", StringComparison.Ordinal)));
        Assert.Equal(72, communes.Count(a => a.Name.StartsWith("Ủy ban nhân dân xã ", StringComparison.Ordinal)));
        Assert.All(communes, a => Assert.Equal(NewCity, a.Began));
        Assert.All(communes, a => Assert.Contains("1668/NQ-UBTVQH15", a.Source, StringComparison.Ordinal));
        Assert.Equal(communes.Count, communes.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["ubnd-xa-phong-nam"], Ids(directory.Resolve("xã Phong Nẫm", NewCity)));
    }

    [Fact]
    public void EveryEndedAgencyOfTheShippedDirectoryCitesItsSourceAndReachesAnAgencyOfToday()
    {
        var directory = AgencyTestData.Directory;
        var today = new LocalDate(2026, 1, 5);
        var ended = directory.Agencies.Where(a => a.Ended is not null).ToList();

        Assert.Equal(6 + 9 + 26, ended.Count);
        foreach (var agency in ended)
        {
            Assert.False(string.IsNullOrWhiteSpace(agency.Succession!.Source));
            Assert.Matches(@"\d{2}/\d{2}/\d{4}", agency.Succession.Source);
            var now = directory.SucceedOn([agency.Id], today)!;
            Assert.All(now.Leads, id => Assert.True(directory.Get(id).IsActiveOn(today), $"{agency.Id} reaches {id}, which has ended"));
        }

        Assert.All(directory.Agencies.Where(a => a.Unconfirmed || a.Succession?.Unconfirmed == true), a => Assert.False(string.IsNullOrWhiteSpace(a.Note ?? a.Succession!.Note)));
    }

    [Fact]
    public void InTheShippedDirectoryTheMergedDepartmentsAndTheDistrictsHandOver()
    {
        var directory = AgencyTestData.Directory;
        var tttt = AgencyId.Parse("so-thong-tin-va-truyen-thong");

        Assert.Null(directory.SucceedOn([tttt], new LocalDate(2025, 2, 28)));
        Assert.Equal(["so-khoa-hoc-va-cong-nghe"], directory.SucceedOn([tttt], AfterMerger)!.Leads.Select(l => l.ToString()));
        Assert.Equal(["so-tai-chinh"], directory.SucceedOn([AgencyId.Parse("so-ke-hoach-va-dau-tu")], AfterMerger)!.Leads.Select(l => l.ToString()));
        Assert.Equal(["so-nong-nghiep-va-moi-truong"], directory.SucceedOn([AgencyId.Parse("so-tai-nguyen-va-moi-truong")], AfterMerger)!.Leads.Select(l => l.ToString()));

        var ninhKieu = directory.SucceedOn([AgencyId.Parse("ubnd-quan-ninh-kieu")], NewCity)!;
        Assert.Equal(["ubnd-phuong-ninh-kieu", "ubnd-phuong-cai-khe", "ubnd-phuong-tan-an", "ubnd-phuong-an-binh"], ninhKieu.Leads.Select(l => l.ToString()));
        Assert.False(ninhKieu.NeedsChoice);

        // The departments of the two former provinces go to the city's, the provinces' committees to the city's.
        Assert.Equal(["so-nong-nghiep-va-moi-truong"], directory.SucceedOn([AgencyId.Parse("so-nong-nghiep-va-moi-truong-hau-giang")], NewCity)!.Leads.Select(l => l.ToString()));
        Assert.Equal(["ubnd-thanh-pho"], directory.SucceedOn([AgencyId.Parse("ubnd-tinh-soc-trang")], NewCity)!.Leads.Select(l => l.ToString()));

        // The city's departments from 01/07/2025 are the twelve of Decree 45/2025/NĐ-CP, Sở Dân tộc và Tôn giáo and the industrial zones' board.
        Assert.True(directory.TryGetGroup(AgencyId.Parse("so-ban-nganh"), out var departments));
        Assert.Equal(
            ["ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep", "so-cong-thuong", "so-dan-toc-va-ton-giao", "so-giao-duc-va-dao-tao", "so-khoa-hoc-va-cong-nghe", "so-noi-vu", "so-nong-nghiep-va-moi-truong", "so-tai-chinh", "so-tu-phap", "so-van-hoa-the-thao-va-du-lich", "so-xay-dung", "so-y-te", "thanh-tra-thanh-pho", "van-phong-ubnd-thanh-pho"],
            directory.MembersOf(departments, NewCity).Select(a => a.Id.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Sở NN&MT", "so-nong-nghiep-va-moi-truong")]
    [InlineData("Sở KH&CN", "so-khoa-hoc-va-cong-nghe")]
    [InlineData("Sở VHTTDL", "so-van-hoa-the-thao-va-du-lich")]
    [InlineData("Sở Tài nguyên và Môi trường (cũ)", "so-nong-nghiep-va-moi-truong")]
    [InlineData("Sở Thông tin và Truyền thông (cũ)", "so-khoa-hoc-va-cong-nghe")]
    [InlineData("Sở KH&ĐT (cũ), Sở NN&MT", "so-tai-chinh so-nong-nghiep-va-moi-truong")]
    [InlineData("UBND quận Ninh Kiều (cũ)", "ubnd-phuong-ninh-kieu ubnd-phuong-cai-khe ubnd-phuong-tan-an ubnd-phuong-an-binh")]
    [InlineData("Sở Nội vụ tỉnh Sóc Trăng (cũ)", "so-noi-vu")]
    [InlineData("UBND phường Cái Khế", "ubnd-phuong-cai-khe")]
    public void NamesAs2026DocumentsWriteThemResolve(string cell, string expected)
    {
        var resolution = AgencyTestData.Directory.Resolve(cell, new LocalDate(2026, 1, 5));

        Assert.Empty(resolution.Problems);
        Assert.Equal(expected, string.Join(' ', Ids(resolution)));
    }

    [Theory]
    [InlineData("UBND xã, phường")]
    [InlineData("UBND các xã, phường")]
    [InlineData("Ủy ban nhân dân xã, phường")]
    public void TheGroupOfCommunesAsA2026PlanWritesItIsTheNewCommunes(string cell)
    {
        var resolution = AgencyTestData.Directory.Resolve(cell, new LocalDate(2026, 1, 5));

        Assert.Empty(resolution.Problems);
        Assert.Equal(103, resolution.ExpandedAgencies.Count);
    }

    [Theory]
    [InlineData("UBND xã, phường, thị trấn")]
    [InlineData("UBND cấp xã")]
    public void TheCommunesOfAPlanIssuedBeforeTheyWereListedAreReachedThroughTheDistrictsThenTheirSuccessors(string cell)
    {
        // The 2025 plan (issued before 01/07/2025): the directory lists no commune yet, so the cell reaches the nine
        // district committees, which direct their communes; on 01/07/2025 each hands over to the communes formed on
        // its territory (the 32 of the former city), not to those of former Hậu Giang and Sóc Trăng.
        var directory = AgencyTestData.Directory;
        var issued = new LocalDate(2025, 1, 15);
        var resolution = directory.Resolve(cell, issued);

        Assert.Empty(resolution.Problems);
        var districts = resolution.ExpandedAgencies.Select(a => a.Id).ToList();
        Assert.Equal(9, districts.Count);
        Assert.All(districts, id => Assert.Equal(AgencyKind.DistrictCommittee, directory.Get(id).Kind));

        var communes = directory.SucceedOn(districts, NewCity)!.Leads;
        Assert.Equal(32, communes.Count);
        Assert.All(communes, id => Assert.Equal(AgencyKind.CommuneCommittee, directory.Get(id).Kind));
        Assert.Contains(AgencyId.Parse("ubnd-phuong-ninh-kieu"), communes);

        // Issued once the communes are listed, the group is the communes themselves.
        Assert.Equal(103, directory.Resolve(cell, NewCity).ExpandedAgencies.Count);
        // Named with the district committees, nothing is repeated.
        Assert.Equal(districts, directory.Resolve("UBND cấp huyện, " + cell, issued).ExpandedAgencies.Select(a => a.Id));
    }

    private static AgencyDirectory Load(string main, string changes) =>
        AgencyDirectory.Load(new StringReader(main), "agencies.yaml", name => (new StringReader(changes), name));

    private static string[] Ids(AgencyCellResolution resolution) => [.. resolution.ExpandedAgencies.Select(a => a.Id.ToString())];
}
