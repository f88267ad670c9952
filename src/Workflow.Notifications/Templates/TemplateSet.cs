namespace Workflow.Notifications.Templates;

/// <summary>
/// The templates of workflows/templates (Liquid), all read and tried when the product starts: a
/// syntax error stops the start with its file and line, a field the emails do not have stops it
/// with the file and the fields there are, so no email is ever sent half rendered.
/// </summary>
public sealed record TemplateSet(Template DigestText, Template DigestHtml, Template EscalationText, Template EscalationHtml)
{
    /// <exception cref="TemplateException">A template is missing, malformed, or names a field the emails lack.</exception>
    public static TemplateSet Load(string folder)
    {
        Template Read(string name, IReadOnlyDictionary<string, object?> sample)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new TemplateException(path, 0, "không có mẫu thư này: thư mục workflows/templates cần digest.txt, digest.html, escalation.txt, escalation.html.");
            }

            var template = Template.Parse(path, File.ReadAllText(path));
            template.Render(sample);
            return template;
        }

        return new TemplateSet(Read("digest.txt", SampleDigest), Read("digest.html", SampleDigest), Read("escalation.txt", SampleEscalation), Read("escalation.html", SampleEscalation));
    }

    private static Dictionary<string, object?> SampleItem => new()
    {
        ["keHoach"] = "257/KH-UBND", ["tt"] = "1", ["moc"] = "1", ["nhiemVu"] = "Nhiệm vụ", ["sanPham"] = "Kế hoạch", ["han"] = "31/03/2025", ["conLai"] = "còn 3 ngày",
    };

    /// <summary>A digest's item also says who the plan named when that lead's duties passed on (empty otherwise).</summary>
    private static Dictionary<string, object?> SampleDigestItem
    {
        get
        {
            var item = SampleItem;
            item["chuTri"] = "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)";
            return item;
        }
    }

    /// <summary>Every field a digest template may use (the composer fills the same ones).</summary>
    private static Dictionary<string, object?> SampleDigest => new()
    {
        ["coQuan"] = "Sở Tư pháp", ["ngay"] = "28/03/2025", ["lienKet"] = "http://localhost/bao-cao/so-tu-phap", ["nhacHan"] = new[] { SampleDigestItem }, ["quaHan"] = new[] { SampleDigestItem },
    };

    /// <summary>Every field an escalation template may use.</summary>
    private static Dictionary<string, object?> SampleEscalation
    {
        get
        {
            var item = SampleItem;
            item["daNhac"] = "chưa có";
            item["soNgayQuaHan"] = "3";
            return new() { ["ngay"] = "28/03/2025", ["tong"] = "1", ["nhom"] = new[] { new Dictionary<string, object?> { ["coQuan"] = "Sở Tư pháp", ["moc"] = new[] { item } } } };
        }
    }
}
