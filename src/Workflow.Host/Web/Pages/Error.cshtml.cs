using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflow.Host.Web.Pages;

/// <summary>Errors and missing pages, in Vietnamese.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Có lỗi";

    public string Text { get; private set; } = string.Empty;

    public void OnGet(int? ma) => Describe(ma);

    public void OnPost(int? ma) => Describe(ma);

    private void Describe(int? code)
    {
        (Title, Text) = code switch
        {
            404 => ("Không tìm thấy trang", "Địa chỉ này không có trong hệ thống. Hãy kiểm tra lại đường dẫn."),
            403 => ("Không được phép", "Bạn không có quyền xem trang này."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ. Hãy tải lại trang rồi gửi lại."),
            429 => ("Quá nhiều lần thử", "Xin đợi một phút rồi thử lại."),
            _ => ("Có lỗi", "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu còn lỗi, báo cho quản trị hệ thống."),
        };
    }
}
