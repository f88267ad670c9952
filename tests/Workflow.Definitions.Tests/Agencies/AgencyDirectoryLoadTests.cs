using Workflow.Definitions;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Tests.Agencies;

/// <summary>Load errors: a <see cref="DataFileException"/> naming the file and line, saying what to fix (in Vietnamese), listing every error.</summary>
public sealed class AgencyDirectoryLoadTests
{
    private const string Valid = """
        agencies:
          - id: so-noi-vu
            name: Sở Nội vụ
            kind: Department
            email: so-noi-vu@cantho.example
            aliases: [Sở NV]
          - id: so-y-te
            name: Sở Y tế
            kind: Department
            email: so-y-te@cantho.example
        groups:
          - id: so-ban-nganh
            name: Sở, ban, ngành
            kinds: [Department]
        """;

    [Fact]
    public void LoadsAMinimalFile()
    {
        var directory = AgencyTestData.FromYaml(Valid);

        Assert.Equal(2, directory.Agencies.Count);
        Assert.Single(directory.Groups);
        Assert.Equal("so-noi-vu", AgencyTestData.Describe(directory.Resolve("Sở NV")));
        Assert.Equal("@so-ban-nganh", AgencyTestData.Describe(directory.Resolve("sở, ban, ngành")));
    }

    [Fact]
    public void DuplicateId()
    {
        var error = SingleError(Valid.Replace("id: so-y-te", "id: so-noi-vu", StringComparison.Ordinal));

        Assert.Equal(7, error.Line);
        Assert.Contains("mã \"so-noi-vu\" bị trùng", error.Problem, StringComparison.Ordinal);
        Assert.Contains("dòng 2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateIdBetweenAgencyAndGroup()
    {
        var error = SingleError(Valid.Replace("id: so-ban-nganh", "id: so-y-te", StringComparison.Ordinal));

        Assert.Equal(12, error.Line);
        Assert.Contains("mã \"so-y-te\" bị trùng", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateAliasAcrossAgenciesEvenWhenSpelledDifferently()
    {
        var yaml = Valid.Replace("    email: so-y-te@cantho.example", "    email: so-y-te@cantho.example\n    aliases: [\"SO  nv\"]", StringComparison.Ordinal);

        var error = SingleError(yaml);

        Assert.Equal(11, error.Line);
        Assert.Contains("\"SO nv\" của cơ quan \"so-y-te\" trùng với \"Sở NV\" của cơ quan \"so-noi-vu\" (dòng 6)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasCollidingWithAGroupName()
    {
        var error = SingleError(Valid.Replace("aliases: [Sở NV]", "aliases: [\"Sở ban ngành\"]", StringComparison.Ordinal));

        Assert.Contains("nhóm \"so-ban-nganh\"", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKind()
    {
        var error = SingleError(Valid.Replace("kind: Department\n    email: so-y-te", "kind: Departmnt\n    email: so-y-te", StringComparison.Ordinal));

        Assert.Equal(9, error.Line);
        Assert.Contains("không có loại \"Departmnt\"", error.Problem, StringComparison.Ordinal);
        Assert.Contains("CommuneCommittee", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEmail()
    {
        var error = SingleError(Valid.Replace("so-y-te@cantho.example", "so-y-te at cantho", StringComparison.Ordinal));

        Assert.Equal(10, error.Line);
        Assert.Contains("cơ quan \"so-y-te\": email \"so-y-te at cantho\"", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupMemberThatDoesNotExist()
    {
        var error = SingleError(Valid.Replace("kinds: [Department]", "members: [so-noi-vu, so-y-tee]", StringComparison.Ordinal));

        Assert.Equal(14, error.Line);
        Assert.Contains("thành viên \"so-y-tee\" không phải mã cơ quan nào: có phải là \"so-y-te\"?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupWithoutMembersOrKinds()
    {
        var error = SingleError(Valid.Replace("    kinds: [Department]", string.Empty, StringComparison.Ordinal));

        Assert.Contains("không có \"members:\" lẫn \"kinds:\"", error.Problem, StringComparison.Ordinal);
        Assert.Contains("unlisted: true", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyAndMissingField()
    {
        var yaml = Valid.Replace("aliases: [Sở NV]", "alias: [Sở NV]", StringComparison.Ordinal)
            .Replace("    email: so-y-te@cantho.example\n", string.Empty, StringComparison.Ordinal);

        var error = Error(yaml);

        Assert.Equal(6, error.Line);
        var lines = error.Problem.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("không biết khóa \"alias\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("test.yaml, dòng 7: cơ quan \"so-y-te\" thiếu \"email:\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BadId()
    {
        var error = SingleError(Valid.Replace("id: so-y-te", "id: Sở-Y-tế", StringComparison.Ordinal));

        Assert.Equal(7, error.Line);
        Assert.Contains("mã \"Sở-Y-tế\" không hợp lệ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxErrorHasALine()
    {
        var error = SingleError("agencies:\n  - id: so-noi-vu\n    name: [Sở Nội vụ\n");

        Assert.True(error.Line >= 3, error.Message);
        Assert.Contains("YAML không hợp lệ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAgenciesList()
    {
        var error = SingleError("groups: []\n");

        Assert.Contains("chưa có danh sách \"agencies:\"", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEveryErrorAtOnceInLineOrder()
    {
        var yaml = Valid.Replace("kind: Department\n    email: so-y-te", "kind: Nope\n    email: so-y-te", StringComparison.Ordinal)
            .Replace("so-noi-vu@cantho.example", "nope", StringComparison.Ordinal);

        var exception = Error(yaml);

        Assert.Equal(5, exception.Line);
        var lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("test.yaml, dòng 5: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("test.yaml, dòng 9: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromAPathQuotesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"agencies-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Valid.Replace("so-y-te@cantho.example", "bad", StringComparison.Ordinal));
        try
        {
            var exception = Assert.Throws<DataFileException>(() => AgencyDirectory.Load(path));

            Assert.Equal(path, exception.File);
            Assert.Equal(10, exception.Line);
            Assert.StartsWith($"{path}, dòng 10: ", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileIsALoadError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var exception = Assert.Throws<DataFileException>(() => AgencyDirectory.Load(path));

        Assert.Equal(path, exception.File);
        Assert.Null(exception.Line);
        Assert.Contains("không có tệp này", exception.Message, StringComparison.Ordinal);
    }

    private static DataFileException Error(string yaml)
    {
        var error = Assert.Throws<DataFileException>(() => AgencyTestData.FromYaml(yaml));
        Assert.Equal("test.yaml", error.File);
        return error;
    }

    private static DataFileException SingleError(string yaml)
    {
        var error = Error(yaml);
        Assert.DoesNotContain(Environment.NewLine, error.Problem, StringComparison.Ordinal);
        return error;
    }
}
