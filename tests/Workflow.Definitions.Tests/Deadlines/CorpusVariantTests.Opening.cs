namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>A cell as extracted with a time's label before it ("Thời hạn: …", "Thời gian thực hiện: …"): the rules that
    /// ask how the cell opens read past the label. ("Thời gian hoàn thành: …" is no such label: it makes a span a finish-by
    /// date.) And its close: a semicolon for the full stop, as a cell cut from a list ends.</summary>
    private static readonly Rewrite[] OpeningRewrites =
    [
        new("a 'Thời hạn:' label before the cell", s => "Thời hạn: " + s),
        new("a 'Thời gian thực hiện:' label before the cell", s => "Thời gian thực hiện: " + s),
        new("a semicolon closing the cell", s => s.TrimEnd('.') + ";"),
    ];
}
