namespace Workflow.Definitions.Workflows;

/// <summary>Emails the lead agencies that the milestone is overdue (see <see cref="DigestNotice"/>). A late notice is sent once.</summary>
public sealed record SendOverdueNotice(string Id, bool CopyCoordinators, string Template) : DigestNotice(Id, CopyCoordinators, Template), ICchcActivity
{
    public const string TypeName = "Cchc.SendOverdueNotice";

    public const string DefaultTemplate = "overdue";

    public override string Type => TypeName;

    private protected override string DefaultTemplateName => DefaultTemplate;

    static ActivitySpec ICchcActivity.Spec => Spec(TypeName, "Gửi thông báo quá hạn", "Gửi thông báo quá hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
        DefaultTemplate, 60, (id, copy, template) => new SendOverdueNotice(id, copy, template));

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        Notify(milestone, NoticeKind.Overdue, milestone.Lead);
        return DoneAfterSending(milestone);
    }
}
