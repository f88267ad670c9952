namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>The same cell in another letter case.</summary>
    private static readonly Rewrite[] CaseRewrites =
    [
    ];
}
