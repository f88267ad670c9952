using System.Text;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>The cell patterns plans use, and the edge cases of <see cref="AgencyDirectory.Resolve"/>.</summary>
public sealed class AgencyCellResolverTests
{
    private static AgencyDirectory Directory => AgencyTestData.Directory;

    [Theory]
    [InlineData("Sở Tài chính. Sở Kế hoạch và Đầu tư", "so-tai-chinh so-ke-hoach-va-dau-tu")]
    [InlineData("Các sở: Tư pháp, Tài chính, Thông tin và Truyền thông", "so-tu-phap so-tai-chinh so-thong-tin-va-truyen-thong")]
    [InlineData("Các sở: Tư pháp, Tài chính, Thông tin và Truyền thông; Kế hoạch và Đầu tư, Văn phòng UBND thành phố", "so-tu-phap so-tai-chinh so-thong-tin-va-truyen-thong so-ke-hoach-va-dau-tu van-phong-ubnd-thanh-pho")]
    [InlineData("Sở, ngành TP, UBND quận, huyện", "@so-ban-nganh @ubnd-cap-huyen")]
    [InlineData("Sở Nội vụ (Chỉ số CCHC, SIPAS, PAPI)", "so-noi-vu")]
    [InlineData("Sở Thông tin và Truyền thông (Sở TTTT)", "so-thong-tin-va-truyen-thong")]
    [InlineData("Các sở, ban, ngành và UBND cấp huyện", "@so-ban-nganh @ubnd-cap-huyen")]
    [InlineData("UBND quận, huyện và các cơ quan có liên quan", "@ubnd-cap-huyen ~")]
    [InlineData("UBND thành phố", "ubnd-thanh-pho")]
    [InlineData("Sở Nội vụ (Chỉ số CCHC, SIPAS, PAPI) Sở Kế hoạch và Đầu tư (Chỉ số PCI)", "so-noi-vu so-ke-hoach-va-dau-tu")]
    [InlineData("Sở Tư pháp, Tài chính và Nội vụ", "so-tu-phap so-tai-chinh so-noi-vu")]
    [InlineData("Các sở Tư pháp, Tài chính", "so-tu-phap so-tai-chinh")]
    [InlineData("Sở Y tế + Sở Tư pháp / Sở Nội vụ - Sở Tài chính", "so-y-te so-tu-phap so-noi-vu so-tai-chinh")]
    [InlineData("Sở Y tế cùng Sở Tư pháp", "so-y-te so-tu-phap")]
    [InlineData("Sở Nội vụ, Sở Nội vụ; Sở Nội vụ", "so-noi-vu")]
    [InlineData("Giám đốc Sở Nội vụ, Chủ tịch UBND quận, huyện", "so-noi-vu @ubnd-cap-huyen")]
    [InlineData("UBND cấp huyện, cấp xã", "@ubnd-cac-cap")]
    [InlineData("UBND cấp xã, cấp huyện", "@ubnd-cap-xa @ubnd-cap-huyen")]
    public void ResolvesTheCellPatternsOfThePlans(string cell, string expected)
    {
        var resolution = Directory.Resolve(cell);

        Assert.False(resolution.HasProblems, AgencyTestData.Problems(resolution));
        Assert.Equal(expected, AgencyTestData.Describe(resolution));
    }

    [Fact]
    public void AgenciesAndGroupsAreDistinctInOrderOfFirstMention()
    {
        var resolution = Directory.Resolve("Sở Y tế, Sở, ngành TP, Sở Nội vụ, Sở Y tế, UBND quận, huyện, Sở, ban, ngành");

        Assert.Equal(["so-y-te", "so-noi-vu"], resolution.Agencies.Select(a => a.Id.ToString()));
        Assert.Equal(["so-ban-nganh", "ubnd-cap-huyen"], resolution.Groups.Select(g => g.Id.ToString()));
        Assert.Equal(6, resolution.Mentions.Count);
        Assert.Equal(resolution.Agencies, resolution.ExpandedAgencies.Take(2));
        Assert.Equal(resolution.ExpandedAgencies.Count, resolution.ExpandedAgencies.Distinct().Count());
        Assert.Contains(resolution.ExpandedAgencies, a => a.Kind == AgencyKind.DistrictCommittee);
    }

    [Fact]
    public void CommuneGroupBeforeTheNewCommunesIsReachedThroughTheDistrictCommittees()
    {
        // Communes were not listed one by one before 01/07/2025: the group reaches the district committees of the day
        // (whose duties pass to the new communes on 01/07/2025); from then on it is the 103 communes and wards.
        var resolution = Directory.Resolve("UBND xã, phường, thị trấn", new NodaTime.LocalDate(2024, 12, 24));

        Assert.False(resolution.HasProblems);
        var group = Assert.Single(resolution.Groups);
        Assert.Equal([AgencyKind.CommuneCommittee], group.Kinds);
        Assert.Equal(9, resolution.ExpandedAgencies.Count);
        Assert.All(resolution.ExpandedAgencies, a => Assert.Equal(AgencyKind.DistrictCommittee, a.Kind));
        Assert.True(resolution.NamesSomeone);
        Assert.Equal(103, Directory.Resolve("UBND xã, phường", new NodaTime.LocalDate(2026, 1, 5)).ExpandedAgencies.Count);
    }

    [Fact]
    public void VagueMentionsAreNotesNotProblems()
    {
        var resolution = Directory.Resolve("Các cơ quan, đơn vị liên quan");

        Assert.False(resolution.HasProblems);
        Assert.False(resolution.NamesSomeone);
        Assert.False(resolution.IsEmpty);
        var note = Assert.Single(resolution.Notes);
        Assert.Equal(AgencyCellNoteKind.VagueMention, note.Kind);
        Assert.Equal(AgencyMentionKind.Vague, Assert.Single(resolution.Mentions).Kind);
    }

    [Fact]
    public void ParentheticalsAndQualifiersAreNoted()
    {
        var resolution = Directory.Resolve("Sở Nội vụ (Chi cục Văn thư lưu trữ), Sở, ngành được giao chủ trì soạn thảo văn bản và các cơ quan có liên quan");

        Assert.False(resolution.HasProblems, AgencyTestData.Problems(resolution));
        Assert.Equal("so-noi-vu @so-ban-nganh ~", AgencyTestData.Describe(resolution));
        Assert.Contains(resolution.Notes, n => n.Kind == AgencyCellNoteKind.IgnoredParenthetical && n.Text == "(Chi cục Văn thư lưu trữ)");
        Assert.Contains(resolution.Notes, n => n.Kind == AgencyCellNoteKind.Qualifier && n.Text == "được giao chủ trì soạn thảo văn bản");
    }

    [Theory]
    [InlineData("So Noi vu")]
    [InlineData("SỞ NỘI VỤ")]
    [InlineData("sở nội vụ")]
    [InlineData("Sở   Nội\r\n vụ")]
    [InlineData("Sở\u00A0Nội\u200Bvụ")]
    [InlineData("Sở Nội vụ.")]
    [InlineData("Sở Nội vụ...")]
    [InlineData("  - Sở Nội vụ;  ")]
    [InlineData("Sở Nội vụ thành phố")]
    [InlineData("Sở Nội vụ TP Cần Thơ")]
    [InlineData("Sở Nội Vụ")]
    public void MatchingIgnoresCaseDiacriticsSpacingAndTrailingPunctuation(string cell)
    {
        var resolution = Directory.Resolve(cell);

        Assert.False(resolution.HasProblems, AgencyTestData.Problems(resolution));
        Assert.Equal("so-noi-vu", AgencyTestData.Describe(resolution));
    }

    [Theory]
    [InlineData("Sở Lao động - Thương binh và Xã hội; Ủy ban nhân dân quận, huyện")]
    [InlineData("Văn phòng Ủy ban nhân dân thành phố, Sở Giáo dục và Đào tạo")]
    [InlineData("Các sở: Tư pháp, Tài chính, Thông tin và Truyền thông")]
    public void NfdInputResolvesLikeNfc(string cell)
    {
        var nfd = cell.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(cell, nfd);

        var fromNfc = Directory.Resolve(cell);
        var fromNfd = Directory.Resolve(nfd);

        Assert.False(fromNfd.HasProblems, AgencyTestData.Problems(fromNfd));
        Assert.Equal(AgencyTestData.Describe(fromNfc), AgencyTestData.Describe(fromNfd));
        Assert.Equal(cell, fromNfd.Cell);
    }

    [Fact]
    public void UnknownNameIsAProblemQuotingTheExactTextWithSuggestions()
    {
        var resolution = Directory.Resolve("Sở Tư pháp, Sở Ngoại vụ; UBND cấp huyện");

        Assert.Equal("so-tu-phap @ubnd-cap-huyen", AgencyTestData.Describe(resolution));
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal("Sở Ngoại vụ", problem.Text);
        Assert.InRange(problem.Suggestions.Count, 1, 3);
        Assert.Equal("Sở Nội vụ", problem.Suggestions[0]);
        Assert.StartsWith("\"Sở Ngoại vụ\" không có trong danh bạ cơ quan", problem.Message, StringComparison.Ordinal);
        Assert.Contains("có phải là \"Sở Nội vụ\"", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sở Tài chánh", "Sở Tài chính")]
    [InlineData("So Giao duc", "Sở Giáo dục và Đào tạo")]
    [InlineData("Thanh tra thàng phố", "Thanh tra thành phố Cần Thơ")]
    [InlineData("Văn phòng UBND TP HCM", null)]
    [InlineData("Sở Khoa hoc Công nghệ", "Sở Khoa học và Công nghệ")]
    public void SuggestionsAreTheClosestKnownNames(string cell, string? first)
    {
        var resolution = Directory.Resolve(cell);

        var problem = Assert.Single(resolution.Problems);
        Assert.True(problem.Suggestions.Count <= 3);
        if (first is not null)
        {
            Assert.Equal(first, problem.Suggestions[0]);
        }
    }

    [Fact]
    public void UnknownItemInADistributiveListIsSuggestedWithItsHead()
    {
        var resolution = Directory.Resolve("Các sở: Tư pháp, Ngoại vụ");

        Assert.Equal("so-tu-phap", AgencyTestData.Describe(resolution));
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal("Ngoại vụ", problem.Text);
        Assert.Contains("Sở Nội vụ", problem.Suggestions);
    }

    [Fact]
    public void UnknownTextStopsAtTheNextKnownName()
    {
        var resolution = Directory.Resolve("Sở Foo Sở Nội vụ và Phòng Bar");

        Assert.Equal("so-noi-vu", AgencyTestData.Describe(resolution));
        Assert.Equal(["Sở Foo", "Phòng Bar"], resolution.Problems.Select(p => p.Text));
    }

    [Fact]
    public void NfdUnknownTextIsReportedInNfc()
    {
        var resolution = Directory.Resolve("Sở Ngoại vụ".Normalize(NormalizationForm.FormD));

        Assert.Equal("Sở Ngoại vụ", Assert.Single(resolution.Problems).Text);
    }

    [Fact]
    public void UnclosedParenthesisAndEmptyListAreProblems()
    {
        Assert.Contains("không đóng", Assert.Single(Directory.Resolve("Sở Nội vụ (Chỉ số CCHC").Problems).Message, StringComparison.Ordinal);
        Assert.Contains("không có tên nào theo sau", Assert.Single(Directory.Resolve("Các sở:").Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ,;. - ")]
    [InlineData("\r\n")]
    [InlineData("()")]
    [InlineData("và")]
    public void BlankCellsAreEmptyWithoutProblems(string? cell)
    {
        var resolution = Directory.Resolve(cell);

        Assert.True(resolution.IsEmpty);
        Assert.False(resolution.HasProblems);
        Assert.NotNull(resolution.Cell);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("Sở \uDC00Nội vụ")]
    [InlineData("))))((((")]
    [InlineData("::::")]
    [InlineData("Các sở: : : (")]
    [InlineData("\u0301\u0301 Sở")]
    [InlineData("😀 Sở Nội vụ 😀")]
    [InlineData("\0\u0001\u001F")]
    public void NeverThrowsOnOddInput(string cell)
    {
        var resolution = Directory.Resolve(cell);

        Assert.NotNull(resolution);
    }

    [Fact]
    public void NeverThrowsOnRandomInput()
    {
        const string pool = "SởNộivụTưphápUBNDquậnhuyệncácvà,;.:-+/()[]& \n\t\u0301\u00A0aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠ0123456789\uD83D\uDE00";
        var random = new Random(20240601);
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = pool[random.Next(pool.Length)];
            }

            var resolution = Directory.Resolve(new string(chars));
            Assert.NotNull(resolution.Problems);
        }
    }

    /// <summary>
    /// A long cell costs in proportion to its length: twice the parts allocate at most about twice
    /// as much (a quadratic step, such as re-reading or copying what came before for each part, would
    /// allocate four times as much). Allocations are counted, not time, so a loaded machine cannot
    /// fail it; the speed itself is measured by <c>workflow bench</c> ("agency cells").
    /// </summary>
    [Fact]
    public void LongInputCostsInProportionToItsLength()
    {
        const string Part = "Sở Nội vụ, Sở Foo (ghi chú), UBND quận, huyện và các đơn vị liên quan";
        static string Cell(int parts) => string.Join(", ", Enumerable.Repeat(Part, parts));
        Directory.Resolve(Cell(10)); // warm up: first-use caches are not the input's cost

        var (small, smallResolution) = Allocated(() => Directory.Resolve(Cell(1000)));
        var (large, largeResolution) = Allocated(() => Directory.Resolve(Cell(2000)));

        Assert.StartsWith("so-noi-vu @ubnd-cap-huyen ~ ~", AgencyTestData.Describe(largeResolution), StringComparison.Ordinal);
        Assert.Equal(1000, smallResolution.Problems.Count);
        Assert.Equal(2000, largeResolution.Problems.Count);
        Assert.True(large <= 2.5 * small, $"1,000 parts allocated {small:N0} bytes, 2,000 parts {large:N0}: more than linear");
    }

    private static (long Bytes, T Result) Allocated<T>(Func<T> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = work();
        return (GC.GetAllocatedBytesForCurrentThread() - before, result);
    }
}
