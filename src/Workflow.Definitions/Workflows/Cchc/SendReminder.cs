using System.Globalization;

namespace Workflow.Definitions.Workflows;

/// <summary>Emails a reminder to the milestone's lead agencies (see <see cref="DigestNotice"/>).</summary>
/// <remarks>A late reminder (the server was down) is sent once while the due date has not passed, and skipped after it.</remarks>
public sealed record SendReminder(string Id, bool CopyCoordinators, string Template) : DigestNotice(Id, CopyCoordinators, Template), ICchcActivity
{
    public const string TypeName = "Cchc.SendReminder";

    public const string DefaultTemplate = "reminder";

    public override string Type => TypeName;

    private protected override string DefaultTemplateName => DefaultTemplate;

    static ActivitySpec ICchcActivity.Spec => Spec(TypeName, "Gửi thư nhắc", "Gửi thư nhắc hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
        DefaultTemplate, 50, (id, copy, template) => new SendReminder(id, copy, template));

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var lead = milestone.Lead;
        if (milestone.Late && milestone.Now.Date > milestone.EffectiveDue)
        {
            milestone.Record("bỏ qua nhắc hạn", $"mốc nhắc đã qua và hạn {milestone.EffectiveDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} cũng đã qua");
        }
        else
        {
            Notify(milestone, NoticeKind.Reminder, lead);
        }

        return DoneAfterSending(milestone);
    }
}
