namespace Workflow.Definitions.Workflows;

/// <summary>Emails the lead agencies that the milestone is overdue (in their daily digest), optionally copying the
/// coordinating ones, written with the digest template <see cref="Template"/>. A late notice is sent once.</summary>
public sealed record SendOverdueNotice(string Id, bool CopyCoordinators, string Template) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.SendOverdueNotice";

    public const string DefaultTemplate = "overdue";

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => DoneOnly;

    static int ICchcActivity.PaletteOrder => 60;

    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Gửi thông báo quá hạn", ActivityInputs.SendingCategory,
            "Gửi thông báo quá hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
            [ActivityInputs.CopyCoordinators(), ActivityInputs.Template(DefaultTemplate, TemplateUse.Digest)], DoneOnly, false),
        (id, _, v) => new SendOverdueNotice(id, (bool?)v["copyCoordinators"] ?? false, (string?)v["template"] ?? DefaultTemplate));

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("copyCoordinators", CopyCoordinators, !CopyCoordinators),
        new("template", Template, Template == DefaultTemplate),
    ];

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        milestone.Notify(NoticeKind.Overdue, milestone.Lead, CopyCoordinators ? milestone.Coordinators : [], Template);
        return DoneAfterSending(milestone);
    }
}
