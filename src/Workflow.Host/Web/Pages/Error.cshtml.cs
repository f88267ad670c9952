using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflow.Host.Web.Pages;

/// <summary>Errors and missing pages, in Vietnamese.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Có lỗi";

    public string Text { get; private set; } = string.Empty;

    /// <summary>Where to go from here: the page the refused form came from when that helps (a plan too large: choose another file).</summary>
    public (string Href, string Label) Back => Response.StatusCode == StatusCodes.Status413PayloadTooLarge && BodyLimits.IsPlanUpload(HttpContext)
        ? ("/nhap-ke-hoach", "Về trang Nhập kế hoạch để chọn tệp khác")
        : ("/", "Về trang tổng quan");

    public void OnGet([Microsoft.AspNetCore.Mvc.FromQuery] int? ma) => Describe(ma);

    public void OnPost([Microsoft.AspNetCore.Mvc.FromQuery] int? ma) => Describe(ma); // never from the form: the refused body may be unreadable

    private void Describe(int? code)
    {
        // Reached from an exception (a body too large, …), the status is already the response's.
        (Title, Text) = (code ?? Response.StatusCode) switch
        {
            404 => ("Không tìm thấy trang", "Địa chỉ này không có trong hệ thống. Hãy kiểm tra lại đường dẫn."),
            403 => ("Không được phép", "Bạn không có quyền xem trang này."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ. Hãy tải lại trang rồi gửi lại."),
            413 => BodyLimits.Refusal(HttpContext),
            429 => ("Quá nhiều lần thử đăng nhập",
                $"Trang đăng nhập (và trang đổi mật khẩu) chỉ nhận {WorkflowWeb.LoginRequestsPerMinute} lần gửi mỗi phút từ một địa chỉ, và địa chỉ này đã dùng hết. "
                + $"Xin đợi {Wait()} rồi thử lại; lần này mật khẩu chưa được kiểm tra."),
            _ => ("Có lỗi", "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại; nếu còn lỗi, báo cho quản trị hệ thống."),
        };
    }

    /// <summary>"45 giây" (the limiter's Retry-After), or "một phút" when the limiter did not say.</summary>
    private string Wait() => HttpContext.Items[WorkflowWeb.RetryAfterItem] is int seconds ? $"{seconds} giây" : "một phút";
}
