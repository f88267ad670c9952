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
        ["lienKet"] = string.Empty,
        ["keHoach"] = new Dictionary<string, object?> { ["so"] = "257/KH-UBND" },
    };

    [Fact]
    public void Liquid_fields_loops_and_conditions_render_in_text()
    {
        var template = Template.Parse("digest.txt", "Kính gửi {{ coQuan }} ({{ keHoach.so }}):\n{% for viec in nhacHan %}- TT {{ viec.tt }}: {{ viec.ten }} ({{ viec.conLai }}), {{ coQuan | upcase }}\n{% endfor %}{% if quaHan != empty %}Quá hạn có{% else %}Không có việc quá hạn.{% endif %}{% if lienKet != empty %} {{ lienKet }}{% endif %}");

        Assert.Equal(
            "Kính gửi Sở Tư pháp (257/KH-UBND):\n- TT 15: Xây dựng Kế hoạch <script>alert(1)</script> (còn 14 ngày), SỞ TƯ PHÁP\n- TT 16: Rà soát TTHC & công bố (còn 3 ngày), SỞ TƯ PHÁP\nKhông có việc quá hạn.",
            template.Render(Model));
    }

    [Fact]
    public void Html_templates_escape_every_field_and_keep_vietnamese_letters()
    {
        var html = Template.Parse("digest.html", "<p>{{ coQuan }}</p><ul>{% for viec in nhacHan %}<li title=\"{{ viec.ten }}\">{{ viec.ten }}</li>{% endfor %}</ul>").Render(Model);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Rà soát TTHC &amp; công bố", html, StringComparison.Ordinal);
        Assert.Contains("<p>Sở Tư pháp</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\n{% for viec in nhacHan %}x", 2)]
    [InlineData("a\nb\n{% endfor %}", 3)]
    [InlineData("{% if quaHan %}{% endfor %}", 1)]
    [InlineData("x\n  {{ ten", 2)]
    [InlineData("{{ }}", 1)]
    public void A_broken_template_is_refused_at_load_with_file_and_line(string text, int line)
    {
        var e = Assert.Throws<TemplateException>(() => Template.Parse("nhac-han.html", text));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"nhac-han.html, dòng {line}: mẫu thư viết sai cú pháp Liquid", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ khongCo }}")]
    [InlineData("{{ coQuan | khongCo }}")]
    public void A_field_or_filter_that_does_not_exist_is_an_error_not_an_empty_string(string text)
    {
        var e = Assert.Throws<TemplateException>(() => Template.Parse("t.txt", text).Render(Model));
        Assert.Contains("t.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("coQuan, keHoach, lienKet, ngay, nhacHan, quaHan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodaTime_dates_reach_liquid_as_dates()
    {
        var template = Template.Parse("t.txt", "{{ han | date: \"%d/%m/%Y\" }}");
        Assert.Equal("31/03/2025", template.Render(new Dictionary<string, object?> { ["han"] = new NodaTime.LocalDate(2025, 3, 31) }));
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
            File.WriteAllText(Path.Combine(folder, name), "{{ ngay }}");
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_broken_file_stops_the_load_with_its_name_and_line()
    {
        File.WriteAllText(Path.Combine(folder, "digest.html"), "<p>{{ coQuan }}</p>\n{% for viec in nhacHan %}\n<li>{{ viec.nhiemVu }}</li>\n");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("digest.html, dòng", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_emails_do_not_have_stops_the_load_with_the_file()
    {
        File.WriteAllText(Path.Combine(folder, "escalation.txt"), "{{ ngay }} {{ coQuan }}");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("escalation.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("ngay, nhom, tong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(Path.Combine(folder, "escalation.txt"));
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("escalation.txt", e.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void Another_pair_is_a_template_an_activity_may_name_for_the_emails_whose_fields_it_uses()
    {
        File.WriteAllText(Path.Combine(folder, "nhac-gap.txt"), "GẤP {{ coQuan }}{% for viec in nhacHan %} {{ viec.nhiemVu }}{% endfor %}");
        File.WriteAllText(Path.Combine(folder, "nhac-gap.html"), "<p>GẤP {{ coQuan }}</p>");
        File.WriteAllText(Path.Combine(folder, "bao-cao-rieng.txt"), "{{ tong }} mốc");
        File.WriteAllText(Path.Combine(folder, "bao-cao-rieng.html"), "<p>{{ tong }}</p>");
        File.WriteAllText(Path.Combine(folder, "le-loi.txt"), "chỉ có phần chữ, không có .html");

        var set = TemplateSet.Load(folder);

        Assert.Equal(["reminder", "overdue", "digest", "nhac-gap"], set.Names(Workflow.Definitions.Workflows.TemplateUse.Digest));
        Assert.Equal(["escalation", "bao-cao-rieng"], set.Names(Workflow.Definitions.Workflows.TemplateUse.Escalation));
        Assert.Equal("nhac-gap", set.Find("nhac-gap", Workflow.Definitions.Workflows.TemplateUse.Digest)!.Name);
        Assert.Equal("digest", set.Find("reminder", Workflow.Definitions.Workflows.TemplateUse.Digest)!.Name);
        Assert.Null(set.Find("nhac-gap", Workflow.Definitions.Workflows.TemplateUse.Escalation));
        Assert.Null(set.Find("le-loi", Workflow.Definitions.Workflows.TemplateUse.Digest));
        var why = set.Missing("khong-co", Workflow.Definitions.Workflows.TemplateUse.Digest);
        Assert.Contains("không có mẫu thư \"khong-co\"", why, StringComparison.Ordinal);
        Assert.Contains("khong-co.txt và khong-co.html", why, StringComparison.Ordinal);
        Assert.EndsWith("Các mẫu dùng được: reminder, overdue, digest, nhac-gap.", why, StringComparison.Ordinal);
        Assert.Contains("không dùng các trường của báo cáo quá hạn", set.Missing("nhac-gap", Workflow.Definitions.Workflows.TemplateUse.Escalation), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_pair_that_fits_no_email_stops_the_load_with_its_file()
    {
        File.WriteAllText(Path.Combine(folder, "sai.txt"), "{{ khongCoTruongNay }}");
        File.WriteAllText(Path.Combine(folder, "sai.html"), "<p></p>");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(folder));
        Assert.Contains("sai.txt", e.Message, StringComparison.Ordinal);
    }
}
