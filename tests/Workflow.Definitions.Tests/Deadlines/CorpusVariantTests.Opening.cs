namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>A cell as extracted with a time's label before it ("Thời hạn: …", "Thời gian thực hiện: …"): the rules that
    /// ask how the cell opens read past the label. ("Thời gian hoàn thành: …" is no such label: it makes a span a finish-by
    /// date.)</summary>
    private static readonly Rewrite[] OpeningRewrites =
    [
        new("a 'Thời hạn:' label before the cell", s => "Thời hạn: " + s),
        new("a 'Thời gian thực hiện:' label before the cell", s => "Thời gian thực hiện: " + s),
    ];
}
