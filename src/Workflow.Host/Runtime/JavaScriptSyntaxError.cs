using Acornima;

namespace Workflow.Host.Runtime;

/// <summary>
/// A JavaScript syntax error in the coordinator's words. Acornima (Jint's parser) describes the
/// mistake in English; its code names the kind of mistake, which is said here in Vietnamese, with
/// where it is (line and column, both from 1) and the parser's own words kept last for whoever
/// knows JavaScript.
/// </summary>
internal static class JavaScriptSyntaxError
{
    /// <summary>"JavaScript lỗi cú pháp: WHAT (dòng L, cột C; chi tiết: DESCRIPTION)."</summary>
    public static string Describe(ParseErrorException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = error.LineNumber > 0 ? $"dòng {error.LineNumber}, cột {error.Column + 1}; " : string.Empty;
        return $"JavaScript lỗi cú pháp: {What(error.Error.Code)} ({where}chi tiết: {error.Description}).";
    }

    /// <summary>The kind of mistake for Acornima's error codes that careless typing produces; a general phrase for the rest.</summary>
    internal static string What(string code) => code switch
    {
        "UnexpectedEOS" => "biểu thức dừng giữa chừng (thiếu dấu đóng ngoặc, dấu nháy hay một vế của phép tính?)",
        "UnexpectedTokenIdentifier" => "có một tên đứng sai chỗ (thiếu dấu phép tính, dấu phẩy hay dấu chấm?)",
        "UnexpectedTokenNumber" => "có một số đứng sai chỗ (thiếu dấu phép tính hay dấu phẩy?)",
        "UnexpectedTokenString" => "có một chuỗi đứng sai chỗ (thiếu dấu + hay dấu phẩy?)",
        "UnexpectedToken" or "InvalidOrUnexpectedToken" => "có một ký hiệu đứng sai chỗ hoặc không dùng được (dấu nháy chưa đóng?)",
        "UnexpectedReserved" or "UnexpectedStrictReserved" => "dùng một từ khoá của JavaScript làm tên",
        "UnterminatedRegExp" => "biểu thức chính quy /…/ chưa đóng",
        "UnterminatedTemplateExpr" or "UnexpectedTemplateString" => "chuỗi mẫu `…` chưa đóng",
        "InvalidLhsInAssignment" or "InvalidLhsInPostfixOp" or "InvalidLhsInPrefixOp" => "vế trái không gán được (so sánh thì dùng === chứ không phải =)",
        "IllegalReturn" => "lệnh return đặt sai chỗ",
        "IllegalBreak" or "IllegalContinue" => "lệnh break/continue nằm ngoài vòng lặp",
        _ => "câu lệnh viết chưa đúng",
    };
}
