using Workflow.Notifications.Templates;

namespace Workflow.Notifications.Tests.Templates;

public class TemplateTests
{
    private static readonly Dictionary<string, object?> Model = new()
    {
        ["coQuan"] = "Sở Tư pháp",
        ["ngay"] = "17/03/2025",
        ["nhacHan"] = new List<object?>
        {
            new Dictionary<string, object?> { ["tt"] = "15", ["ten"] = "Xây dựng Kế hoạch <script>alert(1)</script>", ["conLai"] = "còn 14 ngày" },
            new Dictionary<string, object?> { ["tt"] = "16", ["ten"] = "Rà soát TTHC & công bố", ["conLai"] = "còn 3 ngày" },
        },
        ["quaHan"] = new List<object?>(),
        ["keHoach"] = new Dictionary<string, object?> { ["so"] = "257/KH-UBND" },
    };

    [Fact]
    public void Fields_sections_and_conditions_render_in_text()
    {
        var template = Template.Parse("digest.txt", "Kính gửi {{coQuan}} ({{keHoach.so}}):\n{{#each nhacHan}}- TT {{tt}}: {{ten}} ({{conLai}}), {{coQuan}}\n{{/each}}{{#if quaHan}}Quá hạn có{{else}}Không có việc quá hạn.{{/if}}");

        Assert.Equal(
            "Kính gửi Sở Tư pháp (257/KH-UBND):\n- TT 15: Xây dựng Kế hoạch <script>alert(1)</script> (còn 14 ngày), Sở Tư pháp\n- TT 16: Rà soát TTHC & công bố (còn 3 ngày), Sở Tư pháp\nKhông có việc quá hạn.",
            template.Render(Model));
    }

    [Fact]
    public void Html_templates_escape_every_field()
    {
        var html = Template.Parse("digest.html", "<ul>{{#each nhacHan}}<li>{{ten}}</li>{{/each}}</ul>").Render(Model);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Rà soát TTHC &amp; công bố", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\n{{#each nhacHan}}x", 2, "mở mà không đóng")]
    [InlineData("a\nb\n{{/each}}", 3, "không có phần mở")]
    [InlineData("{{#if quaHan}}{{/each}}", 1, "ở chỗ cần")]
    [InlineData("x {{ten", 1, "không được đóng")]
    [InlineData("{{}}", 1, "không phải tên trường")]
    [InlineData("{{ten lạ}}", 1, "không phải tên trường")]
    [InlineData("{{else}}", 1, "chỉ dùng trong")]
    public void A_broken_template_is_refused_at_load_with_file_and_line(string text, int line, string message)
    {
        var e = Assert.Throws<TemplateException>(() => Template.Parse("nhac-han.html", text));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"nhac-han.html, dòng {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_model_lacks_is_an_error_not_an_empty_string()
    {
        var e = Assert.Throws<TemplateException>(() => Template.Parse("t.txt", "{{khongCo}}").Render(Model));
        Assert.Contains("khongCo", e.Message, StringComparison.Ordinal);
    }
}

public sealed class TemplateSetTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"workflow-tpl-{Guid.NewGuid():N}");

    public TemplateSetTests()
    {
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "digest.txt", "digest.html", "escalation.txt", "escalation.html" })
        {
            File.WriteAllText(Path.Combine(folder, name), "{{ngay}}");
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_broken_file_stops_the_load_with_its_name_and_line()
    {
        File.WriteAllText(Path.Combine(folder, "digest.html"), "<p>{{coQuan}}</p>\n{{#each nhacHan}}\n<li>{{ten}}</li>\n");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("digest.html, dòng 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(Path.Combine(folder, "escalation.txt"));
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("escalation.txt", e.Message, StringComparison.Ordinal);
    }
}
