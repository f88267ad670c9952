using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Workflows;

/// <summary>Reports the late milestone to an agency above the lead: by default the report calendar's
/// follow-up agency (<see cref="Reports.ReportCalendar.FollowUpAgency"/>, Sở Nội vụ), written with the escalation
/// template <see cref="Template"/>.</summary>
/// <remarks>An escalation whose moment passed before the chase started is skipped: the follow-up agency hears of the
/// milestone at the next regular escalation, never in a back-dated series.</remarks>
public sealed record Escalate(string Id, AgencyId? To, string Template) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.Escalate";

    public const string DefaultTemplate = "escalation";

    public override string Type => TypeName;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Báo cáo Sở Nội vụ", ActivityInputs.SendingCategory,
            "Báo việc chậm trễ lên cơ quan theo dõi (mặc định Sở Nội vụ), kèm cơ quan chủ trì.",
            [
                new("to", InputKind.Agency, false, null, [], "Gửi tới cơ quan")
                {
                    Help = "Mã cơ quan trong agencies.yaml; bỏ trống là cơ quan theo dõi của lịch báo cáo (Sở Nội vụ).",
                },
                ActivityInputs.Template(DefaultTemplate, TemplateUse.Escalation),
            ], DoneOnly, false)
        {
            Summary = "Gửi {to|Sở Nội vụ}",
        },
        (id, _, v) => new Escalate(id, (AgencyId?)v["to"], (string?)v["template"] ?? DefaultTemplate)) { Order = 70 };

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("to", To, To is null),
        new("template", Template, Template == DefaultTemplate),
    ];

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var lead = milestone.Lead;
        if (milestone.Late && milestone.CatchingUp)
        {
            milestone.Record("bỏ qua báo cáo Sở Nội vụ", "mốc báo cáo đã qua trước khi bắt đầu theo dõi: chỉ gửi một thông báo quá hạn, báo cáo từ lần kế tiếp");
        }
        else
        {
            milestone.Notify(NoticeKind.Escalation, milestone.HoldersOf([To ?? milestone.FollowUpAgency]), lead, Template);
        }

        return DoneAfterSending(milestone);
    }
}
