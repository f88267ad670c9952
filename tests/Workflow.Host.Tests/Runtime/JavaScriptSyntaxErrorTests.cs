using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;

namespace Workflow.Host.Tests.Runtime;

/// <summary>A coordinator's JavaScript typos are named in Vietnamese, with the line and column counted from 1.</summary>
public sealed class JavaScriptSyntaxErrorTests
{
    [Theory]
    [InlineData("getInput('Done'", "dừng giữa chừng", "dòng 1, cột 16")]
    [InlineData("getInput('Done') getVariable('x')", "một tên đứng sai chỗ", "dòng 1, cột 18")]
    [InlineData("1 +\n 'a' 'b'", "một chuỗi đứng sai chỗ", "dòng 2, cột 6")]
    [InlineData("getInput('Done) === true", "dấu nháy chưa đóng", "dòng 1")]
    [InlineData("1 = 2", "so sánh thì dùng ===", "dòng 1, cột 1")]
    public void A_syntax_error_says_what_and_where_in_Vietnamese(string script, string what, string where)
    {
        var message = ExpressionEvaluator.CheckSyntax(new Expression(ExpressionLanguage.JavaScript, script));

        Assert.NotNull(message);
        Assert.StartsWith("JavaScript lỗi cú pháp: ", message, StringComparison.Ordinal);
        Assert.Contains(what, message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_parses_has_no_message() =>
        Assert.Null(ExpressionEvaluator.CheckSyntax(new Expression(ExpressionLanguage.JavaScript, "getInput('Done') === true")));

    [Fact]
    public void An_unlisted_code_still_gets_a_Vietnamese_kind() =>
        Assert.Equal("câu lệnh viết chưa đúng", JavaScriptSyntaxError.What("DuplicateProto"));
}
