using System.Globalization;

namespace Workflow.Definitions.Workflows;

/// <summary>Emails a reminder to the milestone's lead agencies (in their daily digest), optionally copying the
/// coordinating ones (each gets the item in its own digest), written with the digest template <see cref="Template"/>.</summary>
/// <remarks>A late reminder (the server was down) is sent once while the due date has not passed, and skipped after it.</remarks>
public sealed record SendReminder(string Id, bool CopyCoordinators, string Template) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.SendReminder";

    public const string DefaultTemplate = "reminder";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    static int ICchcActivity.PaletteOrder => 50;

    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Gửi thư nhắc", ActivityInputs.SendingCategory,
            "Gửi thư nhắc hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
            [ActivityInputs.CopyCoordinators(), ActivityInputs.Template(DefaultTemplate, TemplateUse.Digest)], DoneOnly, false),
        (id, _, v) => new SendReminder(id, (bool?)v["copyCoordinators"] ?? false, (string?)v["template"] ?? DefaultTemplate));

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("copyCoordinators", CopyCoordinators, !CopyCoordinators),
        new("template", Template, Template == DefaultTemplate),
    ];

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
            milestone.Notify(NoticeKind.Reminder, lead, CopyCoordinators ? milestone.Coordinators : [], Template);
        }

        return DoneAfterSending(milestone);
    }
}
