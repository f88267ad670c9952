namespace Workflow.Notifications.Templates;

/// <summary>
/// The templates of workflows/templates, all parsed when the product starts: a broken one stops
/// the start with its file and line, so no email is ever sent half rendered.
/// </summary>
public sealed record TemplateSet(Template DigestText, Template DigestHtml, Template EscalationText, Template EscalationHtml)
{
    /// <exception cref="TemplateException">A template is missing or malformed.</exception>
    public static TemplateSet Load(string folder)
    {
        Template Read(string name)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new TemplateException(path, 0, "không có mẫu thư này: thư mục workflows/templates cần digest.txt, digest.html, escalation.txt, escalation.html.");
            }

            return Template.Parse(path, File.ReadAllText(path));
        }

        return new TemplateSet(Read("digest.txt"), Read("digest.html"), Read("escalation.txt"), Read("escalation.html"));
    }
}
