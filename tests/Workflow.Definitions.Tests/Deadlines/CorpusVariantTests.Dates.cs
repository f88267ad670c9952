using System.Text.RegularExpressions;

namespace Workflow.Definitions.Tests.Deadlines;

public partial class CorpusVariantTests
{
    /// <summary>Dates and period words as other documents type them.</summary>
    private static readonly Rewrite[] DateRewrites =
    [
        new("'quí' for 'quý' (old spelling)", s => s.Replace("Quý", "Quí", StringComparison.Ordinal).Replace("quý", "quí", StringComparison.Ordinal).Replace("QUÝ", "QUÍ", StringComparison.Ordinal)),
        new("full date with dashes ('22-5-2025')", s => Regex.Replace(s, @"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", "$1-$2-$3")),
        new("full date with dots ('17.12.2025')", s => Regex.Replace(s, @"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", "$1.$2.$3")),
        new("a full stop closing the cell", s => s.EndsWith('.') || s.EndsWith(';') || s.EndsWith(':') ? s : s + "."),
    ];
}
