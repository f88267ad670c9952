namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>Dates and period words as other documents type them.</summary>
    private static readonly Rewrite[] DateRewrites =
    [
        new("'quí' for 'quý' (old spelling)", s => s.Replace("Quý", "Quí", StringComparison.Ordinal).Replace("quý", "quí", StringComparison.Ordinal).Replace("QUÝ", "QUÍ", StringComparison.Ordinal)),
    ];
}
