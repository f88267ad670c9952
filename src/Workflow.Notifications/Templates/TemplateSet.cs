using Workflow.Definitions.Workflows;

namespace Workflow.Notifications.Templates;

/// <summary>A template by the name an activity's <c>template</c> input gives: its text and its HTML part.</summary>
/// <param name="Name">The name, the files' stem ("digest", "nhac-gap").</param>
/// <param name="Text">The plain-text part (NAME.txt).</param>
/// <param name="Html">The HTML part (NAME.html), every field escaped.</param>
public sealed record TemplatePair(string Name, Template Text, Template Html);

/// <summary>
/// The templates of workflows/templates (Liquid), all read and tried when the product starts: a
/// syntax error stops the start with its file and line, a field the emails do not have stops it
/// with the file and the fields there are, so no email is ever sent half rendered.
/// </summary>
/// <remarks>
/// <para>digest.txt/.html write an agency's daily digest (reminders and overdue notices), escalation.txt/.html the
/// follow-up agency's report. Any other pair NAME.txt + NAME.html is a template an activity may name in its
/// <c>template</c> input: it writes a digest when it uses only the digest's fields, a report when it uses only the
/// report's.</para>
/// <para>An activity's default names choose the shipped pairs: "reminder" and "overdue" the digest, "escalation" the report.</para>
/// </remarks>
public sealed record TemplateSet(Template DigestText, Template DigestHtml, Template EscalationText, Template EscalationHtml)
{
    private const string DigestName = "digest";
    private const string EscalationName = "escalation";

    /// <summary>The other pairs of the folder, by name, each with the kinds of email whose fields it fits.</summary>
    public IReadOnlyDictionary<string, (TemplatePair Pair, bool Digest, bool Escalation)> Named { get; init; } =
        new Dictionary<string, (TemplatePair, bool, bool)>(StringComparer.Ordinal);

    /// <summary>The pair the name <paramref name="name"/> chooses for an email of <paramref name="use"/>, or null when there is none.</summary>
    public TemplatePair? Find(string name, TemplateUse use)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (use == TemplateUse.Digest && name is SendReminder.DefaultTemplate or SendOverdueNotice.DefaultTemplate or DigestName)
        {
            return new TemplatePair(DigestName, DigestText, DigestHtml);
        }

        if (use == TemplateUse.Escalation && name is Escalate.DefaultTemplate)
        {
            return new TemplatePair(EscalationName, EscalationText, EscalationHtml);
        }

        return Named.TryGetValue(name, out var named) && (use == TemplateUse.Digest ? named.Digest : named.Escalation) ? named.Pair : null;
    }

    /// <summary>The pair for <paramref name="name"/>.</summary>
    /// <exception cref="TemplateException">There is none (a definition published before the template was removed).</exception>
    public TemplatePair Get(string name, TemplateUse use) => Find(name, use) ?? throw new TemplateException($"{name}.txt", 0, Missing(name, use));

    /// <summary>Every name an activity may give for an email of <paramref name="use"/>, the defaults first.</summary>
    public IReadOnlyList<string> Names(TemplateUse use)
    {
        IEnumerable<string> defaults = use == TemplateUse.Digest
            ? [SendReminder.DefaultTemplate, SendOverdueNotice.DefaultTemplate, DigestName]
            : [Escalate.DefaultTemplate];
        return [.. defaults.Concat(Named.Where(n => use == TemplateUse.Digest ? n.Value.Digest : n.Value.Escalation).Select(n => n.Key).Order(StringComparer.Ordinal))];
    }

    /// <summary>Why <paramref name="name"/> names no template for <paramref name="use"/>, with the names there are (Vietnamese).</summary>
    public string Missing(string name, TemplateUse use)
    {
        var what = use == TemplateUse.Digest ? "thư tổng hợp (nhắc hạn, quá hạn)" : "báo cáo quá hạn";
        var why = Named.ContainsKey(name) || name is DigestName or EscalationName
            ? $"mẫu thư \"{name}\" không dùng các trường của {what}"
            : $"không có mẫu thư \"{name}\" trong thư mục workflows/templates (cần cả {name}.txt và {name}.html)";
        return $"{why}. Các mẫu dùng được: {string.Join(", ", Names(use))}.";
    }

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

        var named = new Dictionary<string, (TemplatePair, bool, bool)>(StringComparer.Ordinal);
        foreach (var text in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(text);
            var html = Path.ChangeExtension(text, ".html");
            if (name is DigestName or EscalationName || !File.Exists(html))
            {
                continue;
            }

            var pair = new TemplatePair(name, Template.Parse(text, File.ReadAllText(text)), Template.Parse(html, File.ReadAllText(html)));
            var digest = Fits(pair, SampleDigest);
            var escalation = Fits(pair, SampleEscalation);
            if (!digest && !escalation)
            {
                pair.Text.Render(SampleDigest); // throws, naming the file and the fields a digest has
                pair.Html.Render(SampleDigest);
            }

            named[name] = (pair, digest, escalation);
        }

        return new TemplateSet(Read("digest.txt", SampleDigest), Read("digest.html", SampleDigest), Read("escalation.txt", SampleEscalation), Read("escalation.html", SampleEscalation))
        {
            Named = named,
        };
    }

    /// <summary>The set of <paramref name="folder"/>, or null when it does not load (the start then stops on it with its message).</summary>
    public static TemplateSet? TryLoad(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Load(folder) : null;
        }
        catch (Exception e) when (e is TemplateException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Fits(TemplatePair pair, IReadOnlyDictionary<string, object?> sample)
    {
        try
        {
            pair.Text.Render(sample);
            pair.Html.Render(sample);
            return true;
        }
        catch (TemplateException)
        {
            return false;
        }
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
