using System.Text;
using Workflow.Host.Progress;

namespace Workflow.Host.Tests.Progress;

/// <summary>
/// The search text folds case and diacritics away. Latin text is folded a character at a time from a
/// table; the result must be that of decomposing the whole text, whatever the text.
/// </summary>
public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Cải cách Hành chính", "cai cach hanh chinh")]
    [InlineData("  Đẩy mạnh   ĐỔI MỚI\tquản lý ", "day manh doi moi quan ly")]
    [InlineData("B12", "b12")]
    [InlineData("", "")]
    public void Vietnamese_text_folds_without_case_diacritics_or_extra_spaces(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Each_character_folds_as_its_whole_decomposition_does()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = $"a{(char)c}b";
            if (!IsValid(text))
            {
                Assert.Throws<ArgumentException>(() => TextFolding.Fold(text)); // as decomposing it whole does
                continue;
            }

            Assert.True(Whole(text) == TextFolding.Fold(text), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Mixed_text_folds_as_its_whole_decomposition_does()
    {
        var random = new Random(13);
        string[] pieces = ["ệ", "Ữ", "đ", "Ð", "ő", "ǜ", "\u0301", "\u0323", "e\u0302\u0301", " ", "\t", "\u00A0", "\u2003", "Ω", "ά", "中", "😀", "ﬁ", "Å", "x", "1", ".", "-"];
        for (var i = 0; i < 5_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(12); n >= 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            Assert.Equal(Whole(text.ToString()), TextFolding.Fold(text.ToString()));
            var decomposed = text.ToString().Normalize(NormalizationForm.FormD);
            Assert.Equal(Whole(decomposed), TextFolding.Fold(decomposed));
        }
    }

    private static bool IsValid(string text)
    {
        try
        {
            _ = text.Normalize(NormalizationForm.FormD);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Whole(string text) => TextFolding.FoldDecomposed(text.Normalize(NormalizationForm.FormD));
}
