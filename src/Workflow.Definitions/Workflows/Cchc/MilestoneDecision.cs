namespace Workflow.Definitions.Workflows;

/// <summary>The milestone state a <see cref="MilestoneDecision"/> tests. The runtime owns the state; the
/// definition only names the question.</summary>
public enum MilestoneCondition
{
    /// <summary>Not reported done (whether or not it is late).</summary>
    Open,

    /// <summary>Reported done.</summary>
    Done,

    /// <summary>An extension was approved: the due date was replaced.</summary>
    Extended,

    /// <summary>Open and past its effective due date.</summary>
    Overdue,

    /// <summary>An event milestone whose event has not been recorded yet.</summary>
    Dormant,
}

/// <summary>Tests the milestone's state and continues on port True or False.</summary>
public sealed record MilestoneDecision(string Id, MilestoneCondition Condition) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.MilestoneDecision";

    public const string TruePort = "True";

    public const string FalsePort = "False";

    private static readonly IReadOnlyList<string> Ports = [TruePort, FalsePort];

    public override string Type => TypeName;

    public override IReadOnlyList<string> OutPorts => Ports;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Kiểm tra trạng thái mốc", ActivityInputs.DecidingCategory,
            "Kiểm tra trạng thái của mốc hạn rồi đi theo cổng True (đúng) hoặc False (sai).",
            [
                ActivityInputs.Choice("condition", true, null, "Điều kiện",
                    "Open: chưa hoàn thành; Done: đã báo cáo hoàn thành; Extended: đã được gia hạn; Overdue: quá hạn mà chưa hoàn thành; Dormant: đang chờ sự kiện.",
                    (MilestoneCondition.Open, "Chưa hoàn thành"), (MilestoneCondition.Done, "Đã hoàn thành"), (MilestoneCondition.Extended, "Đã được gia hạn"),
                    (MilestoneCondition.Overdue, "Quá hạn"), (MilestoneCondition.Dormant, "Đang chờ sự kiện")),
            ], Ports, false)
        {
            Summary = "Điều kiện: {condition}",
        },
        (id, _, v) => new MilestoneDecision(id, (MilestoneCondition)v["condition"]!)) { Order = 40 };

    internal override IEnumerable<InputValue> Inputs() => [new("condition", Condition, false)];

    public override ActivityResult Run(IMilestoneContext milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new ActivityResult.FollowPorts([milestone.Holds(Condition) ? TruePort : FalsePort], milestone.Moment, milestone.Late);
    }
}
