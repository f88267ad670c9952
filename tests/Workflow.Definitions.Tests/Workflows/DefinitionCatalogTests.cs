using Workflow.Definitions.Workflows;
using static Workflow.Definitions.Tests.Workflows.WorkflowTestData;

namespace Workflow.Definitions.Tests.Workflows;

public sealed class DefinitionCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wfdef-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_broken_file_is_refused_alone_and_the_others_load()
    {
        Write("a-v1.json", Version("a", 1, published: true));
        Write("a-v2.json", Version("a", 2, published: false));
        Write("b.json", Version("b", 1, published: true).Replace("\"offset\": 3", "\"offset\": \"three\"", StringComparison.Ordinal));
        Write("README.md", "# not a definition");

        DefinitionCatalog catalog = DefinitionCatalog.LoadDirectory(_directory);
        Assert.Equal(["a:1", "a:2"], catalog.All.Select(d => d.Id));
        DefinitionProblem problem = Assert.Single(catalog.Problems);
        Assert.Equal(Path.Combine(_directory, "b.json"), problem.File);
        Assert.Equal("wait", problem.ActivityId);

        Assert.Equal(1, catalog.Get("a").Version); // version 2 is not published
        Assert.Equal(2, catalog.Get("a", 2).Version);
        Assert.Equal(Path.Combine(_directory, "a-v2.json"), catalog.Get("a", 2).Source);
        Assert.False(catalog.TryGet("b", out _));

        DataFileException error = Assert.Throws<DataFileException>(catalog.ThrowIfProblems);
        Assert.Contains(problem.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_version_are_both_refused()
    {
        Write("one.json", Version("a", 1, published: true));
        Write("two.json", Version("a", 1, published: true));
        DefinitionCatalog catalog = DefinitionCatalog.LoadDirectory(_directory);
        Assert.Empty(catalog.All);
        Assert.Equal(2, catalog.Problems.Count);
        Assert.Contains("two.json", catalog.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("one.json", catalog.Problems[1].Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DefinitionCatalog.Create([Read(Version("a", 1, true)), Read(Version("a", 1, true))]));
    }

    [Fact]
    public void Asking_for_what_is_not_there_says_what_is()
    {
        Write("a.json", Version("a", 1, published: false));
        DefinitionCatalog catalog = DefinitionCatalog.LoadDirectory(_directory);
        KeyNotFoundException unpublished = Assert.Throws<KeyNotFoundException>(() => catalog.Get("a"));
        Assert.Contains("chưa có phiên bản nào được phát hành", unpublished.Message, StringComparison.Ordinal);
        KeyNotFoundException unknown = Assert.Throws<KeyNotFoundException>(() => catalog.Get("zzz"));
        Assert.Contains("\"zzz\"", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => catalog.Get("a", 9));
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        Assert.Throws<DataFileException>(() => DefinitionCatalog.LoadDirectory(Path.Combine(_directory, "missing")));
    }

    [Fact]
    public void A_catalog_can_be_made_of_definitions_already_read()
    {
        DefinitionCatalog catalog = DefinitionCatalog.Create([Read(Version("b", 2, true)), Read(Version("b", 1, true))]);
        Assert.Equal([1, 2], catalog.All.Select(d => d.Version));
        Assert.Equal(2, catalog.Get("b").Version);
    }

    private static string Version(string id, int version, bool published) =>
        Simple.Replace("\"definitionId\": \"test\"", $"\"definitionId\": \"{id}\"", StringComparison.Ordinal)
            .Replace("\"version\": 1", $"\"version\": {version}", StringComparison.Ordinal)
            .Replace("\"isPublished\": true", $"\"isPublished\": {(published ? "true" : "false")}", StringComparison.Ordinal);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);
}
