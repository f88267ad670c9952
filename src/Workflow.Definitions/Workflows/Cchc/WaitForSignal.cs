namespace Workflow.Definitions.Workflows;

/// <summary>What a <see cref="WaitForSignal"/> waits for (a bookmark the runtime resumes).</summary>
public enum SignalKind
{
    /// <summary>The lead agency's report (the milestone reported done).</summary>
    Report,

    /// <summary>A coordinator records the date of the event an event milestone waits for.</summary>
    Event,

    /// <summary>A coordinator approves an extension.</summary>
    Extension,
}

/// <summary>Waits for the runtime to resume it with a signal (a bookmark): the agency's report, the
/// coordinator's event date, an approved extension.</summary>
public sealed record WaitForSignal(string Id, SignalKind Signal) : CchcActivity(Id), ICchcActivity
{
    public const string TypeName = "Cchc.WaitForSignal";

    public override string Type => TypeName;


    static ActivitySpec ICchcActivity.Spec => new(
        new(TypeName, "Chờ báo cáo hoặc sự kiện", ActivityInputs.WaitingCategory,
            "Dừng lại cho tới khi có tín hiệu: cơ quan báo cáo, điều phối viên ghi nhận sự kiện, hoặc gia hạn được duyệt.",
            [
                ActivityInputs.Choice("signal", true, null, "Tín hiệu",
                    "Report: cơ quan báo cáo hoàn thành; Event: điều phối viên ghi ngày xảy ra sự kiện; Extension: gia hạn được duyệt.",
                    (SignalKind.Report, "Cơ quan báo cáo hoàn thành"), (SignalKind.Event, "Sự kiện được ghi nhận"), (SignalKind.Extension, "Gia hạn được duyệt")),
            ], DoneOnly, true)
        {
            Summary = "Tín hiệu: {signal}",
        },
        (id, _, v) => new WaitForSignal(id, (SignalKind)v["signal"]!)) { Order = 80 };

    internal override IEnumerable<InputValue> Inputs() => [new("signal", Signal, false)];

    public override ActivityResult Run(IMilestoneContext milestone) => new ActivityResult.WaitFor(Signal);
}
