namespace Workflow.Definitions.Workflows;

/// <summary>What a reminder and an overdue notice share: they go to the milestone's lead agencies in their daily digest,
/// copied to the coordinating agencies when <see cref="CopyCoordinators"/> (each gets the item in its own digest of the
/// day), written with the digest template <see cref="Template"/> of workflows/templates.</summary>
public abstract record DigestNotice(string Id, bool CopyCoordinators, string Template) : CchcActivity(Id)
{
    /// <summary>The value <see cref="Template"/> has when the file does not say.</summary>
    private protected abstract string DefaultTemplateName { get; }

    internal override IEnumerable<InputValue> Inputs() =>
    [
        new("copyCoordinators", CopyCoordinators, !CopyCoordinators),
        new("template", Template, Template == DefaultTemplateName),
    ];

    /// <summary>The palette entry of a digest notice: its inputs are <c>copyCoordinators</c> and <c>template</c>.</summary>
    private protected static ActivitySpec Spec(string type, string name, string description, string defaultTemplate, int order, Func<string, bool, string, DigestNotice> create) => new(
        new(type, name, ActivityInputs.SendingCategory, description,
            [ActivityInputs.CopyCoordinators(), ActivityInputs.Template(defaultTemplate, TemplateUse.Digest)], DoneOnly, false),
        (id, _, v) => create(id, (bool?)v["copyCoordinators"] ?? false, (string?)v["template"] ?? defaultTemplate)) { Order = order };

    /// <summary>Sends the notice to the lead (and the coordinators when asked).</summary>
    private protected void Notify(IMilestoneContext milestone, NoticeKind kind, IReadOnlyList<Agencies.AgencyId> lead) =>
        milestone.Notify(kind, lead, CopyCoordinators ? milestone.Coordinators : [], Template);
}
