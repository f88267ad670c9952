namespace Workflow.Definitions.Workflows;

/// <summary>The start of every workflow: the runtime binds an instance to one task milestone here.</summary>
/// <remarks>Exactly one per definition. It has no input; the milestone (its effective due date, its
/// lead and coordinating agencies) is the instance's, not the definition's.</remarks>
public sealed record MilestoneStart(string Id) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.MilestoneStart";

    public override string Type => TypeName;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Bắt đầu theo mốc hạn", ActivityInputs.FlowCategory,
            "Điểm bắt đầu của quy trình: mỗi mốc hạn của một nhiệm vụ chạy một phiên bản quy trình từ đây. Mỗi quy trình có đúng một.",
            [], DoneOnly, false),
        (id, _, _) => new MilestoneStart(id)) { Order = 10 };

    internal override IEnumerable<InputValue> Inputs() => [];

    public override ActivityResult Run(IMilestoneContext milestone) => Done(milestone);
}
