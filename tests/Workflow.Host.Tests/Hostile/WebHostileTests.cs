using System.Net;
using System.Text.Json;

namespace Workflow.Host.Tests.Hostile;

/// <summary>
/// Hostile and careless input to the web: JSON bodies of the agency and coordinator APIs, the
/// signed link's query string, the API's query strings, the agency page's and the login's forms.
/// Each case asserts the refusal (status, Vietnamese message, a problem JSON on the API) and that
/// nothing in the database changed. The server's today is 20/03/2025; the 2025 plan was issued on
/// 24/12/2024, so extensions reach 31/12/2026 at most.
/// </summary>
[Collection(Scheduling.SchedulingTestGroup.Name)]
public sealed class WebHostileTests(HostileServer fx) : IClassFixture<HostileServer>
{
    private static readonly string Long501 = new('x', 501);
    private static readonly string Long2001 = new('ý', 2_001);
    private static readonly string Long4001 = new('ộ', 4_001);
    private static readonly string Huge = new('a', 100 * 1024);

    /// <summary>A case of the JSON API: what it sends, the status it must get, a piece of the Vietnamese message.</summary>
    private sealed record ApiCase(Func<HostileServer, Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Expect);

    private static Func<HostileServer, Task<HttpResponseMessage>> Agency(string action, string body, Func<HostileServer, long>? milestone = null, string contentType = "application/json") =>
        s => s.SendAsync(HttpMethod.Post, $"/api/agency/{s.Agency}/milestones/{(milestone ?? (x => x.Open.Id))(s)}/{action}?{s.LinkQuery()}", body, contentType);

    private static Func<HostileServer, Task<HttpResponseMessage>> AgencyPath(Func<HostileServer, string> path, HttpMethod? method = null, string? body = null) =>
        s => s.SendAsync(method ?? HttpMethod.Get, path(s), body);

    private static Func<HostileServer, Task<HttpResponseMessage>> Coordinator(HttpMethod method, Func<HostileServer, string> path, string? body = null, bool bearer = true) =>
        s => s.SendAsync(method, path(s), body, bearer: bearer);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Query(HostileServer s) => s.LinkQuery();

    private static string Expires(HostileServer s) => s.LinkQuery().Split('&')[0].Split('=')[1];

    private static string Signature(HostileServer s) => s.LinkQuery().Split('&')[1].Split('=')[1];

    private const string BadJson = "JSON";
    private const string NotLed = "Không có mốc hạn này trong các việc đơn vị chủ trì";
    private const string Incomplete = "Đường dẫn không đầy đủ";
    private const string Invalid = "Đường dẫn không hợp lệ";

    private static readonly Dictionary<string, ApiCase> ApiCases = new()
    {
        // The agency API's "done": dates outside [issue date, today], text too long, bodies that do not read.
        ["agency done on 01/01/0001"] = new(Agency("done", Json(new { on = "0001-01-01" })), HttpStatusCode.BadRequest, "trước ngày ban hành kế hoạch"),
        ["agency done on 01/01/1900"] = new(Agency("done", Json(new { on = "1900-01-01" })), HttpStatusCode.BadRequest, "trước ngày ban hành kế hoạch"),
        ["agency done the day before the plan was issued"] = new(Agency("done", Json(new { on = "2024-12-23" })), HttpStatusCode.BadRequest, "24/12/2024"),
        ["agency done tomorrow"] = new(Agency("done", Json(new { on = "2025-03-21" })), HttpStatusCode.BadRequest, "còn ở tương lai"),
        ["agency done on 31/12/9999"] = new(Agency("done", Json(new { on = "9999-12-31" })), HttpStatusCode.BadRequest, "còn ở tương lai"),
        ["agency done on 30/02"] = new(Agency("done", """{"on":"2025-02-30"}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency done on a word"] = new(Agency("done", """{"on":"hôm qua"}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency done on a number"] = new(Agency("done", """{"on":20250319}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency done on a date and time"] = new(Agency("done", """{"on":"2025-03-19T10:00:00"}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency done with a 501-character reference"] = new(Agency("done", Json(new { on = "2025-03-19", reference = Long501 })), HttpStatusCode.BadRequest, "quá giới hạn 500 ký tự"),
        ["agency done with a 2001-character note"] = new(Agency("done", Json(new { on = "2025-03-19", note = Long2001 })), HttpStatusCode.BadRequest, "quá giới hạn 2.000 ký tự"),
        ["agency done with an array"] = new(Agency("done", "[]"), HttpStatusCode.BadRequest, BadJson),
        ["agency done with no body"] = new(Agency("done", string.Empty), HttpStatusCode.BadRequest, BadJson),
        ["agency done with broken JSON"] = new(Agency("done", "{\"on\":"), HttpStatusCode.BadRequest, BadJson),
        ["agency done with null"] = new(Agency("done", "null"), HttpStatusCode.BadRequest, BadJson),
        ["agency done as text/plain"] = new(Agency("done", Json(new { on = "2025-03-19" }), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType, "JSON"),
        ["agency done as a form"] = new(Agency("done", "on=2025-03-19", contentType: "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "JSON"),
        ["agency done on a milestone it does not lead"] = new(Agency("done", Json(new { on = "2025-03-19" }), s => s.Foreign.Id), HttpStatusCode.NotFound, NotLed),
        ["agency done on no such milestone"] = new(Agency("done", Json(new { on = "2025-03-19" }), _ => 999_999_999), HttpStatusCode.NotFound, NotLed),
        ["agency done on milestone -1"] = new(Agency("done", Json(new { on = "2025-03-19" }), _ => -1), HttpStatusCode.NotFound, NotLed),
        ["agency done on milestone abc"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones/abc/done?{Query(s)}", HttpMethod.Post, Json(new { on = "2025-03-19" })), HttpStatusCode.NotFound, "Không có địa chỉ này"),
        ["agency done on a milestone id past long"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones/99999999999999999999/done?{Query(s)}", HttpMethod.Post, Json(new { on = "2025-03-19" })), HttpStatusCode.NotFound, "Không có địa chỉ này"),

        // The agency API's extension request: outside (current due, end of the year after the tracked year].
        ["agency extension to 01/01/2150"] = new(Agency("extension", Json(new { newDue = "2150-01-01", reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "chỉ gia hạn được đến 31/12/2026"),
        ["agency extension to 01/01/2027"] = new(Agency("extension", Json(new { newDue = "2027-01-01", reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "chỉ gia hạn được đến 31/12/2026"),
        ["agency extension to 31/12/9999"] = new(Agency("extension", Json(new { newDue = "9999-12-31", reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "quá xa"),
        ["agency extension to 01/01/0001"] = new(Agency("extension", Json(new { newDue = "0001-01-01", reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "phải sau hạn hiện tại"),
        ["agency extension to today"] = new(Agency("extension", Json(new { newDue = "2025-03-20", reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "phải sau hạn hiện tại"),
        ["agency extension to the current due date"] = new(s => Agency("extension", Json(new { newDue = s.Open.EffectiveDue!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "cần thêm thời gian" }))(s), HttpStatusCode.BadRequest, "phải sau hạn hiện tại"),
        ["agency extension without a reason field"] = new(Agency("extension", Json(new { newDue = "2025-12-31" })), HttpStatusCode.BadRequest, "Hãy ghi lý do"),
        ["agency extension with an empty reason"] = new(Agency("extension", Json(new { newDue = "2025-12-31", reason = "" })), HttpStatusCode.BadRequest, "Hãy ghi lý do"),
        ["agency extension with a blank reason"] = new(Agency("extension", Json(new { newDue = "2025-12-31", reason = " \t\n " })), HttpStatusCode.BadRequest, "Hãy ghi lý do"),
        ["agency extension with a null reason"] = new(Agency("extension", """{"newDue":"2025-12-31","reason":null}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency extension with a 2001-character reason"] = new(Agency("extension", Json(new { newDue = "2025-12-31", reason = Long2001 })), HttpStatusCode.BadRequest, "quá giới hạn 2.000 ký tự"),
        ["agency extension without a date"] = new(Agency("extension", Json(new { reason = "cần thêm thời gian" })), HttpStatusCode.BadRequest, "phải sau hạn hiện tại"),
        ["agency extension to month 13"] = new(Agency("extension", """{"newDue":"2026-13-01","reason":"x"}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency extension with a number as reason"] = new(Agency("extension", """{"newDue":"2025-12-31","reason":5}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency extension of a milestone it does not lead"] = new(Agency("extension", Json(new { newDue = "2025-12-31", reason = "x" }), s => s.Foreign.Id), HttpStatusCode.NotFound, NotLed),

        // The agency API's progress report.
        ["agency progress empty"] = new(Agency("progress", Json(new { text = "" })), HttpStatusCode.BadRequest, "Hãy ghi tiến độ"),
        ["agency progress blank"] = new(Agency("progress", Json(new { text = "  \n\t " })), HttpStatusCode.BadRequest, "Hãy ghi tiến độ"),
        ["agency progress of 4001 characters"] = new(Agency("progress", Json(new { text = Long4001 })), HttpStatusCode.BadRequest, "quá giới hạn 4.000 ký tự"),
        ["agency progress without text"] = new(Agency("progress", "{}"), HttpStatusCode.BadRequest, "Hãy ghi tiến độ"),
        ["agency progress null text"] = new(Agency("progress", """{"text":null}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency progress number text"] = new(Agency("progress", """{"text":12}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency progress object text"] = new(Agency("progress", """{"text":{"a":1}}"""), HttpStatusCode.BadRequest, BadJson),
        ["agency progress of 100 KB"] = new(Agency("progress", Json(new { text = Huge })), HttpStatusCode.RequestEntityTooLarge, "quá lớn"),
        ["agency progress on a milestone it does not lead"] = new(Agency("progress", Json(new { text = "đang làm" }), s => s.Foreign.Id), HttpStatusCode.NotFound, NotLed),

        // The signed link's query string.
        ["link without expiry or signature"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones"), HttpStatusCode.Forbidden, Incomplete),
        ["link without signature"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han={Expires(s)}"), HttpStatusCode.Forbidden, Incomplete),
        ["link with a wrong signature"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han={Expires(s)}&chu-ky=abc"), HttpStatusCode.Forbidden, Invalid),
        ["link with a word as expiry"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han=mai&chu-ky={Signature(s)}"), HttpStatusCode.Forbidden, Incomplete),
        ["link with a negative expiry"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han=-5&chu-ky={Signature(s)}"), HttpStatusCode.Forbidden, Incomplete),
        ["link with an expiry past long"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han=99999999999999999999999&chu-ky={Signature(s)}"), HttpStatusCode.Forbidden, Incomplete),
        ["link with a later expiry"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han={long.Parse(Expires(s), System.Globalization.CultureInfo.InvariantCulture) + 1}&chu-ky={Signature(s)}"), HttpStatusCode.Forbidden, Invalid),
        ["link of another agency"] = new(AgencyPath(s => $"/api/agency/so-tu-phap/milestones?{Query(s)}"), HttpStatusCode.Forbidden, Invalid),
        ["link of an unknown agency"] = new(AgencyPath(s => $"/api/agency/khong-co-co-quan-nay/milestones?{Query(s)}"), HttpStatusCode.Forbidden, Invalid),
        ["link with a unicode signature"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones?het-han={Expires(s)}&chu-ky=%E1%BA%BF%E1%BA%BF"), HttpStatusCode.Forbidden, Invalid),
        ["link with an escaped path as agency"] = new(AgencyPath(s => $"/api/agency/..%2F..%2Fetc/milestones?{Query(s)}"), HttpStatusCode.Forbidden, Invalid),
        ["link tampered on a done"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones/{s.Open.Id}/done?het-han={Expires(s)}&chu-ky=AAAA", HttpMethod.Post, Json(new { on = "2025-03-19" })), HttpStatusCode.Forbidden, Invalid),
        ["link missing on an extension"] = new(AgencyPath(s => $"/api/agency/{s.Agency}/milestones/{s.Open.Id}/extension", HttpMethod.Post, Json(new { newDue = "2025-12-31", reason = "x" })), HttpStatusCode.Forbidden, Incomplete),

        // The coordinators' API (bearer token): the same checks, and the query strings of the reports.
        ["coordinator done on 01/01/0001"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/done", Json(new { on = "0001-01-01" })), HttpStatusCode.BadRequest, "trước ngày ban hành kế hoạch"),
        ["coordinator done next month"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/done", Json(new { on = "2025-04-20" })), HttpStatusCode.BadRequest, "còn ở tương lai"),
        ["coordinator extension to 01/01/2150"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/extension", Json(new { newDue = "2150-01-01" })), HttpStatusCode.BadRequest, "chỉ gia hạn được đến 31/12/2026"),
        ["coordinator extension into the past"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/extension", Json(new { newDue = "2025-01-01" })), HttpStatusCode.BadRequest, "phải sau hạn hiện tại"),
        ["coordinator extension with a 2001-character note"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/extension", Json(new { newDue = "2025-12-31", note = Long2001 })), HttpStatusCode.BadRequest, "quá giới hạn"),
        ["coordinator extension of no such milestone"] = new(Coordinator(HttpMethod.Post, _ => "/api/milestones/999999999/extension", Json(new { newDue = "2025-12-31" })), HttpStatusCode.NotFound, "Không có mốc hạn này"),
        ["coordinator empty note"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/notes", Json(new { text = "" })), HttpStatusCode.BadRequest, "Ghi chú đang trống"),
        ["coordinator 2001-character note"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/notes", Json(new { text = Long2001 })), HttpStatusCode.BadRequest, "quá giới hạn 2.000 ký tự"),
        ["coordinator note on no such milestone"] = new(Coordinator(HttpMethod.Post, _ => "/api/milestones/999999999/notes", Json(new { text = "ghi chú" })), HttpStatusCode.NotFound, "Không có mốc hạn này"),
        ["coordinator note of 100 KB"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/notes", Json(new { text = Huge })), HttpStatusCode.RequestEntityTooLarge, "quá lớn"),
        ["coordinator event on an unknown plan"] = new(Coordinator(HttpMethod.Post, _ => "/api/plans/khong-co/tasks/1/event", Json(new { on = "2025-03-01" })), HttpStatusCode.NotFound, "Không có kế hoạch \"khong-co\""),
        ["coordinator event on an unknown task"] = new(Coordinator(HttpMethod.Post, _ => "/api/plans/cchc-2025/tasks/khong-co/event", Json(new { on = "2025-03-01" })), HttpStatusCode.NotFound, "không có nhiệm vụ \"khong-co\""),
        ["coordinator event tomorrow"] = new(Coordinator(HttpMethod.Post, s => $"/api/plans/cchc-2025/tasks/{s.Open.TaskId}/event", Json(new { on = "2025-03-21" })), HttpStatusCode.BadRequest, "còn ở tương lai"),
        ["coordinator event on 01/01/0001"] = new(Coordinator(HttpMethod.Post, s => $"/api/plans/cchc-2025/tasks/{s.Open.TaskId}/event", Json(new { on = "0001-01-01" })), HttpStatusCode.BadRequest, "trước ngày ban hành kế hoạch"),
        ["coordinator event on a word"] = new(Coordinator(HttpMethod.Post, s => $"/api/plans/cchc-2025/tasks/{s.Open.TaskId}/event", """{"on":"sớm"}"""), HttpStatusCode.BadRequest, BadJson),
        ["coordinator approves no such request"] = new(Coordinator(HttpMethod.Post, _ => "/api/extensions/999999999/approve", "{}"), HttpStatusCode.NotFound, "Không có đề nghị gia hạn"),
        ["coordinator refuses no such request"] = new(Coordinator(HttpMethod.Post, _ => "/api/extensions/999999999/refuse", "{}"), HttpStatusCode.NotFound, "Không có đề nghị gia hạn"),
        ["coordinator reads an unknown task"] = new(Coordinator(HttpMethod.Get, _ => "/api/plans/cchc-2025/tasks/khong-co"), HttpStatusCode.NotFound, "Không có nhiệm vụ"),
        ["report of year 0"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=0&period=nam"), HttpStatusCode.BadRequest, "ngoài phạm vi"),
        ["report of year 99999999"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=99999999&period=nam"), HttpStatusCode.BadRequest, "ngoài phạm vi"),
        ["report of year -1"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=-1&period=quy-1"), HttpStatusCode.BadRequest, "ngoài phạm vi"),
        ["report of year past int"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=99999999999&period=nam"), HttpStatusCode.BadRequest, "\"year\""),
        ["report of year abc"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=abc&period=nam"), HttpStatusCode.BadRequest, "\"year\""),
        ["report without year"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?period=nam"), HttpStatusCode.BadRequest, "\"year\""),
        ["report without period"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=2025"), HttpStatusCode.BadRequest, "\"period\""),
        ["report of an unknown period"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=2025&period=quy-5"), HttpStatusCode.BadRequest, "Kỳ \"quy-5\""),
        ["report as pdf"] = new(Coordinator(HttpMethod.Get, _ => "/api/reports/quarterly?year=2025&period=nam&format=pdf"), HttpStatusCode.BadRequest, "Định dạng \"pdf\""),
        ["tasks of an unknown state"] = new(Coordinator(HttpMethod.Get, _ => "/api/tasks?state=tre-han"), HttpStatusCode.BadRequest, "Trạng thái \"tre-han\""),
        ["tasks with take abc"] = new(Coordinator(HttpMethod.Get, _ => "/api/tasks?take=abc"), HttpStatusCode.BadRequest, "\"take\""),
        ["tasks with skip past int"] = new(Coordinator(HttpMethod.Get, _ => "/api/tasks?skip=99999999999"), HttpStatusCode.BadRequest, "\"skip\""),
        ["an unknown API address"] = new(Coordinator(HttpMethod.Get, _ => "/api/khong-co"), HttpStatusCode.NotFound, "Không có địa chỉ này"),
        ["a method the address does not take"] = new(Coordinator(HttpMethod.Delete, _ => "/api/extensions"), HttpStatusCode.MethodNotAllowed, "phương thức"),
        ["a change without a login"] = new(Coordinator(HttpMethod.Post, s => $"/api/milestones/{s.Open.Id}/notes", Json(new { text = "x" }), bearer: false), HttpStatusCode.Unauthorized, "Cần đăng nhập"),
        ["a junk bearer token"] = new(s => s.SendJunkBearerAsync($"/api/milestones/{s.Open.Id}/notes", Json(new { text = "x" })), HttpStatusCode.Unauthorized, "Cần đăng nhập"),
        ["a token for a wrong password"] = new(Coordinator(HttpMethod.Post, _ => "/api/token", Json(new { userName = Web.WebServer.UserName, password = "sai-mat-khau-roi" }), bearer: false), HttpStatusCode.Unauthorized, "Sai tên đăng nhập hoặc mật khẩu."),
        ["a token for an unknown account"] = new(Coordinator(HttpMethod.Post, _ => "/api/token", Json(new { userName = "khong-ai-ca", password = "sai-mat-khau-roi" }), bearer: false), HttpStatusCode.Unauthorized, "Sai tên đăng nhập hoặc mật khẩu."),
        ["a token without fields"] = new(Coordinator(HttpMethod.Post, _ => "/api/token", "{}", bearer: false), HttpStatusCode.Unauthorized, "Sai tên đăng nhập hoặc mật khẩu."),

        // Bodies past their limit, refused before they are read, in Vietnamese (never Kestrel's bare 413), and plan files with problems.
        ["a plan upload of 31 MB"] = new(s => s.UploadAsync("/api/plans/import", new Web.FillerStream(31 * 1024 * 1024), "ke-hoach.csv"), HttpStatusCode.RequestEntityTooLarge, "vượt giới hạn 10 MB của một tệp kế hoạch"),
        ["a plan upload of 12 MB"] = new(s => s.UploadAsync("/api/plans/import", new Web.FillerStream(12 * 1024 * 1024), "ke-hoach.csv"), HttpStatusCode.RequestEntityTooLarge, "vượt giới hạn 10 MB của một tệp kế hoạch"),
        ["a plan upload with an unknown agency"] = new(s => s.UploadAsync("/api/plans/import", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BadPlan)), "thu-loi.csv"), HttpStatusCode.BadRequest, "có 1 lỗi; chưa nhập gì"),
        ["a plan upload of an empty file"] = new(s => s.UploadAsync("/api/plans/import", new MemoryStream(), "rong.csv"), HttpStatusCode.BadRequest, "chưa nhập gì"),
        ["a designer definition of 2 MB"] = new(Coordinator(HttpMethod.Post, _ => "/api/definitions/import", Json(new { id = "to-qua", name = new string('x', 2 * 1024 * 1024) })), HttpStatusCode.RequestEntityTooLarge, "vượt quá 1 MB"),
        ["a designer draft of 2 MB"] = new(Coordinator(HttpMethod.Put, _ => "/api/definitions/to-qua/draft", Json(new { id = "to-qua", name = new string('x', 2 * 1024 * 1024) })), HttpStatusCode.RequestEntityTooLarge, "vượt quá 1 MB"),
    };

    private const string BadPlan = "Mã kế hoạch,thu-loi\nTên kế hoạch,Kế hoạch có lỗi\nNgày ban hành,24/12/2024\nNăm theo dõi,2025\n\nTT,Hoạt động,Đơn vị chủ trì,Thời gian hoàn thành\n1,Nhiệm vụ của cơ quan không có thật,Sở Không Tồn Tại,Quý I/2025\n";

    public static TheoryData<string> ApiCaseNames => [.. ApiCases.Keys];

    [Theory]
    [MemberData(nameof(ApiCaseNames))]
    public async Task An_api_request_is_refused_with_a_problem_and_changes_nothing(string name)
    {
        var c = ApiCases[name];
        var before = await fx.SnapshotAsync();

        using var response = await c.Send(fx);

        Assert.Equal(c.Status, response.StatusCode);
        Assert.Contains(c.Expect, await HostileServer.ProblemAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }

    /// <summary>A form of the agency's page: the fields, the refusal shown on the page.</summary>
    private sealed record FormCase(string Handler, Func<HostileServer, Dictionary<string, string>> Fields, HttpStatusCode Status, string Expect, bool WithToken = true, bool BadLink = false);

    private static Dictionary<string, string> Fields(HostileServer s, params (string Key, string Value)[] fields) =>
        fields.Append(("milestone", s.Open.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(f => f.Item1, f => f.Item2);

    private static readonly Dictionary<string, FormCase> FormCases = new()
    {
        ["page done on 01/01/0001"] = new("Done", s => Fields(s, ("on", "0001-01-01"), ("reference", "Kế hoạch 1/KH")), HttpStatusCode.Redirect, "trước ngày ban hành kế hoạch"),
        ["page done tomorrow"] = new("Done", s => Fields(s, ("on", "2025-03-21"), ("reference", "Kế hoạch 1/KH")), HttpStatusCode.Redirect, "còn ở tương lai"),
        ["page done without a date"] = new("Done", s => Fields(s, ("reference", "Kế hoạch 1/KH")), HttpStatusCode.Redirect, "Hãy chọn ngày hoàn thành"),
        ["page done on 31/02/2025"] = new("Done", s => Fields(s, ("on", "2025-02-31"), ("reference", "Kế hoạch 1/KH")), HttpStatusCode.Redirect, "Hãy chọn ngày hoàn thành"),
        ["page done with a 501-character reference"] = new("Done", s => Fields(s, ("on", "2025-03-19"), ("reference", Long501)), HttpStatusCode.Redirect, "quá giới hạn 500 ký tự"),
        ["page extension to 01/01/2150"] = new("Extension", s => Fields(s, ("newDue", "2150-01-01"), ("reason", "cần thêm thời gian")), HttpStatusCode.Redirect, "chỉ gia hạn được đến 31/12/2026"),
        ["page extension without a reason"] = new("Extension", s => Fields(s, ("newDue", "2025-12-31")), HttpStatusCode.Redirect, "Hãy ghi lý do"),
        ["page extension with a 2001-character reason"] = new("Extension", s => Fields(s, ("newDue", "2025-12-31"), ("reason", Long2001)), HttpStatusCode.Redirect, "quá giới hạn 2.000 ký tự"),
        ["page extension without a date"] = new("Extension", s => Fields(s, ("reason", "cần thêm thời gian")), HttpStatusCode.Redirect, "Hãy chọn hạn mới"),
        ["page progress empty"] = new("Progress", s => Fields(s, ("text", "")), HttpStatusCode.Redirect, "Hãy ghi tiến độ"),
        ["page progress of 4001 characters"] = new("Progress", s => Fields(s, ("text", Long4001)), HttpStatusCode.Redirect, "quá giới hạn 4.000 ký tự"),
        ["page progress of 100 KB"] = new("Progress", s => Fields(s, ("text", Huge)), HttpStatusCode.RequestEntityTooLarge, "Nội dung quá lớn"),
        ["page progress on a milestone it does not lead"] = new("Progress", s => new() { ["milestone"] = s.Foreign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "đang làm" }, HttpStatusCode.Redirect, NotLed),
        ["page progress with milestone abc"] = new("Progress", _ => new() { ["milestone"] = "abc", ["text"] = "đang làm" }, HttpStatusCode.Redirect, NotLed),
        ["page done without the anti-forgery token"] = new("Done", s => Fields(s, ("on", "2025-03-19"), ("reference", "Kế hoạch 1/KH")), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ", WithToken: false),
        ["page done through a tampered link"] = new("Done", s => Fields(s, ("on", "2025-03-19"), ("reference", "Kế hoạch 1/KH")), HttpStatusCode.Forbidden, "Đường dẫn không hợp lệ", BadLink: true),
    };

    public static TheoryData<string> FormCaseNames => [.. FormCases.Keys];

    [Theory]
    [MemberData(nameof(FormCaseNames))]
    public async Task A_form_of_the_agency_page_is_refused_in_Vietnamese_and_changes_nothing(string name)
    {
        var c = FormCases[name];
        var before = await fx.SnapshotAsync();
        var link = fx.Link();
        var target = c.BadLink ? link.Replace("chu-ky=", "chu-ky=AAAA", StringComparison.Ordinal) : link;

        var (status, text) = await fx.PostFormAsync(link, $"{target}&handler={c.Handler}", c.Fields(fx), c.WithToken);

        Assert.Equal(c.Status, status);
        Assert.True(text.Contains(c.Expect, StringComparison.Ordinal), text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }

    private static readonly Dictionary<string, (string? UserName, string? Password, string Expect, bool WithToken)> LoginCases = new()
    {
        ["login of an unknown account"] = ("khong-ai-ca", "mat-khau-gi-do", "Sai tên đăng nhập hoặc mật khẩu.", true),
        ["login with a wrong password"] = (Web.WebServer.UserName, "sai-mat-khau-roi", "Sai tên đăng nhập hoặc mật khẩu.", true),
        ["login with nothing"] = ("", "", "Hãy nhập tên đăng nhập và mật khẩu.", true),
        ["login with a 10,000-character name"] = (new string('a', 10_000), "mat-khau-gi-do", "Sai tên đăng nhập hoặc mật khẩu.", true),
        ["login without the anti-forgery token"] = (Web.WebServer.UserName, Web.WebServer.Password, "Yêu cầu không hợp lệ", false),
    };

    public static TheoryData<string> LoginCaseNames => [.. LoginCases.Keys];

    [Theory]
    [MemberData(nameof(LoginCaseNames))]
    public async Task A_login_is_refused_with_one_answer_and_changes_nothing(string name)
    {
        var (userName, password, expect, withToken) = LoginCases[name];
        var before = await fx.SnapshotAsync();

        var (status, text) = await fx.PostFormAsync("/dang-nhap", "/dang-nhap", new Dictionary<string, string> { ["userName"] = userName ?? "", ["password"] = password ?? "" }, withToken);

        Assert.Equal(withToken ? HttpStatusCode.OK : HttpStatusCode.BadRequest, status);
        Assert.Contains(expect, text, StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }

    private static readonly Dictionary<string, (string Current, string New, string Again, bool WithToken, HttpStatusCode Status, string Expect)> PasswordCases = new()
    {
        ["password change with a wrong current password"] = ("sai-mat-khau-roi", "mat-khau-moi-dai-hon", "mat-khau-moi-dai-hon", true, HttpStatusCode.OK, "Mật khẩu hiện tại không đúng."),
        ["password change with two different new passwords"] = (Web.WebServer.Password, "mat-khau-moi-dai-hon", "mat-khau-moi-khac-han", true, HttpStatusCode.OK, "Hai lần nhập mật khẩu mới không giống nhau"),
        ["password change to 9 characters"] = (Web.WebServer.Password, "chin-ky-t", "chin-ky-t", true, HttpStatusCode.OK, "Mật khẩu phải có ít nhất 10 ký tự."),
        ["password change to the same password"] = (Web.WebServer.Password, Web.WebServer.Password, Web.WebServer.Password, true, HttpStatusCode.OK, "Mật khẩu mới phải khác mật khẩu hiện tại."),
        ["password change with nothing"] = ("", "", "", true, HttpStatusCode.OK, "Hãy nhập mật khẩu hiện tại, và mật khẩu mới hai lần."),
        ["password change to 100 KB"] = (Web.WebServer.Password, Huge, Huge, true, HttpStatusCode.RequestEntityTooLarge, "Nội dung quá lớn"),
        ["password change without the anti-forgery token"] = (Web.WebServer.Password, "mat-khau-moi-dai-hon", "mat-khau-moi-dai-hon", false, HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ"),
    };

    public static TheoryData<string> PasswordCaseNames => [.. PasswordCases.Keys];

    [Theory]
    [MemberData(nameof(PasswordCaseNames))]
    public async Task A_password_change_is_refused_in_Vietnamese_and_changes_nothing(string name)
    {
        var (current, next, again, withToken, status, expect) = PasswordCases[name];
        var client = await fx.CoordinatorAsync();
        var before = await fx.SnapshotAsync();
        var fields = new Dictionary<string, string> { ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = again };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await Web.WebServer.TokenAsync(client, "/doi-mat-khau");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/doi-mat-khau", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        using var response = await client.SendAsync(request);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.True(text.Contains(expect, StringComparison.Ordinal), text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }

    [Theory]
    [InlineData(31)]
    [InlineData(12)]
    public async Task A_plan_upload_past_the_limit_gets_the_Vietnamese_page_and_changes_nothing(int megabytes)
    {
        var client = await fx.CoordinatorAsync();
        var before = await fx.SnapshotAsync();

        using var response = await fx.UploadAsync("/nhap-ke-hoach", new Web.FillerStream(megabytes * 1024L * 1024), "ke-hoach.csv", client);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp kế hoạch quá lớn; chưa nhập gì", text, StringComparison.Ordinal);
        Assert.Contains("vượt giới hạn 10 MB của một tệp kế hoạch", text, StringComparison.Ordinal);
        Assert.Equal(before, await fx.SnapshotAsync());
    }
}
