namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>Dates and period words as other documents type them.</summary>
    private static readonly Rewrite[] DateRewrites =
    [
    ];
}
