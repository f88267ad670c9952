using System.Text.Json.Nodes;

namespace Workflow.Host.Designer;

/// <summary>A problem for the designer: in Vietnamese, naming the activity (definitions) or the line (rules) when it can.</summary>
/// <remarks>
/// <para>ActivityId: The activity the problem is about, for the red outline on the canvas.</para>
/// <para>Line: The 1-based line (rules files, bad JSON).</para>
/// <para>Message: What is wrong and what to do, without the file's name.</para>
/// </remarks>
public sealed record DesignerProblem(string? ActivityId, int? Line, string Message)
{
    public override string ToString() =>
        ActivityId is not null ? $"hoạt động '{ActivityId}': {Message}" : Line is not null ? $"dòng {Line}: {Message}" : Message;
}

/// <summary>One definition for the designer's list.</summary>
/// <remarks>
/// <para>LatestPublishedVersion: What new milestones run; null when no version is published.</para>
/// <para>Versions: Every version that loads, ascending.</para>
/// </remarks>
public sealed record DefinitionSummary(string DefinitionId, string Name, int? LatestPublishedVersion, IReadOnlyList<int> Versions, bool HasDraft, DateTimeOffset? DraftSavedAt);

/// <summary>What the designer edits: the draft when there is one, otherwise the latest version.</summary>
/// <remarks>
/// <para>Json: The file's text, exactly as stored.</para>
/// <para>Version: The version shown, for a published file; null for a draft.</para>
/// <para>BasedOn: The latest published version the draft will follow (its new version is BasedOn + 1, or the next free number).</para>
/// <para>Problems: The checks of the runtime's reader on this JSON (empty when it would load).</para>
/// </remarks>
public sealed record DefinitionDocument(string DefinitionId, string Json, bool IsDraft, int? Version, int? BasedOn, IReadOnlyList<DesignerProblem> Problems);

/// <summary>The result of saving or importing a draft.</summary>
/// <remarks>
/// <para>Saved: False only when the text could not be stored at all (not JSON, no or wrong definitionId).</para>
/// </remarks>
public sealed record DraftResult(string? DefinitionId, bool Saved, IReadOnlyList<DesignerProblem> Problems);

/// <summary>One version of a definition: who published it and when (null for files written by hand).</summary>
public sealed record DefinitionVersion(int Version, bool IsPublished, bool IsLatestPublished, string Name, string File, DateTimeOffset? CreatedAt, string? PublishedBy);

/// <summary>The outcome of a publish: the new version, or the problems that refused it.</summary>
public sealed record PublishResult(bool Published, int? Version, string? File, IReadOnlyList<DesignerProblem> Problems);

/// <summary>One line of a diff: an activity added, removed or changed, a connection added or removed, or the definition's own fields.</summary>
/// <remarks>
/// <para>Kind: added, removed, changed, connection-added, connection-removed, definition.</para>
/// <para>ActivityId: The activity concerned (the source, for a connection).</para>
/// <para>Title: The Vietnamese sentence: "Thêm hoạt động «Gửi thư nhắc» (remind-3)".</para>
/// <para>Details: The changed inputs, one sentence each: "Số ngày: 14 → 10".</para>
/// </remarks>
public sealed record DiffEntry(string Kind, string? ActivityId, string Title, IReadOnlyList<string> Details);

/// <summary>What changed between two versions (or a version and the draft), for people.</summary>
/// <remarks>
/// <para>From: "1", "2", "draft".</para>
/// <para>Text: The whole diff as Vietnamese lines.</para>
/// </remarks>
public sealed record DefinitionDiff(string DefinitionId, string From, string To, IReadOnlyList<DiffEntry> Entries, string Text);

/// <summary>One notification of a dry run, for the timeline table.</summary>
/// <remarks>
/// <para>At: "2025-03-17T08:00", Vietnam time.</para>
/// <para>Kind: reminder, overdue, escalation.</para>
/// <para>KindLabel: nhắc hạn, thông báo quá hạn, báo cáo Sở Nội vụ.</para>
/// <para>Due: The milestone's effective due date, "2025-03-31".</para>
/// <para>Recipients: The recipients' agency names.</para>
/// </remarks>
public sealed record TimelineItem(string At, string TaskId, string TaskTitle, int Milestone, string? MilestoneLabel, string Due, string Kind, string KindLabel, IReadOnlyList<string> Recipients, IReadOnlyList<string> RecipientIds);

/// <summary>One email a dry run would send.</summary>
public sealed record DryRunEmail(string Day, string Recipient, IReadOnlyList<string> To, string Subject, string Text);

/// <summary>A dry run of a definition on a plan: the timeline and the emails, or the problems that stopped it.</summary>
/// <remarks>
/// <para>EmailCount: How many emails there are; <see cref="Emails"/> holds at most the first <see cref="DesignerWorkspace.MaxEmails"/>.</para>
/// </remarks>
public sealed record DefinitionDryRun(
    string PlanId, string PlanTitle, string From, string To, string DefinitionId, int Milestones,
    IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<DryRunEmail> Emails, int EmailCount,
    IReadOnlyDictionary<string, int> Totals, IReadOnlyList<DesignerProblem> Problems);

/// <summary>The rules as the editor shows them.</summary>
public sealed record RulesDocument(string Yaml, bool IsDraft, IReadOnlyList<DesignerProblem> Problems);

/// <summary>Which definition one milestone gets under the rules.</summary>
/// <remarks>
/// <para>RuleLine: The line of the rule that matched; null when the default applies.</para>
/// </remarks>
public sealed record RuleAssignment(string TaskId, string TaskTitle, int Milestone, string? MilestoneLabel, string? Due, string? Group, string LeadKind, string ScheduleKind, string Definition, int? RuleLine);

/// <summary>A dry run of the rules on a plan.</summary>
public sealed record RulesDryRun(string PlanId, string PlanTitle, IReadOnlyList<RuleAssignment> Assignments, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<DesignerProblem> Problems);

/// <summary>One publish of the rules: when, by whom, and where the rules it replaced were kept.</summary>
public sealed record RulesPublication(DateTimeOffset At, string By, string? Previous);

/// <summary>The outcome of publishing the rules.</summary>
public sealed record RulesPublishResult(bool Published, RulesPublication? Publication, IReadOnlyList<DesignerProblem> Problems);

/// <summary>A plan file the dry runs can use.</summary>
public sealed record PlanFile(string Id, string Title, int Year, string File);

/// <summary>What was published: a definition's new version or new rules. New milestones must use it from now on.</summary>
public sealed class WorkflowsPublishedEventArgs(string kind, string? definitionId, int? version, string by, DateTimeOffset at) : EventArgs
{
    /// <summary>"definition" or "rules".</summary>
    public string Kind { get; } = kind;

    public string? DefinitionId { get; } = definitionId;

    public int? Version { get; } = version;

    public string By { get; } = by;

    public DateTimeOffset At { get; } = at;
}

/// <summary>The designer's view of the activity catalog: descriptors with Vietnamese labels for values and ports.</summary>
public static class ActivityLabels
{
    /// <summary>Vietnamese names of the values of the choice inputs, as each activity type declares them.</summary>
    public static IReadOnlyDictionary<string, string> Values { get; } = Workflow.Definitions.Workflows.ActivityCatalog.All
        .SelectMany(a => a.Inputs).SelectMany(i => i.ValueLabels)
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>Vietnamese names of the out ports.</summary>
    public static IReadOnlyDictionary<string, string> Ports { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Done"] = "Xong",
        ["True"] = "Đúng",
        ["False"] = "Sai",
    };

    /// <summary>The catalog as JSON for the palette and the property panel.</summary>
    public static JsonArray Catalog()
    {
        var array = new JsonArray();
        foreach (var a in Workflow.Definitions.Workflows.ActivityCatalog.All)
        {
            var inputs = new JsonArray();
            foreach (var i in a.Inputs)
            {
                inputs.Add(new JsonObject
                {
                    ["name"] = i.Name,
                    ["kind"] = JsonNamingKind(i.Kind),
                    ["required"] = i.Required,
                    ["default"] = i.Default,
                    ["label"] = i.Label,
                    ["help"] = i.Help,
                    ["minimum"] = i.Minimum,
                    ["maximum"] = i.Maximum,
                    ["acceptsExpression"] = i.AcceptsExpression,
                    ["allowedValues"] = new JsonArray([.. i.AllowedValues.Select(v => (JsonNode)new JsonObject
                    {
                        ["value"] = v,
                        ["label"] = i.ValueLabels.GetValueOrDefault(v, v),
                    })]),
                });
            }

            array.Add(new JsonObject
            {
                ["type"] = a.Type,
                ["displayName"] = a.DisplayName,
                ["category"] = a.Category,
                ["description"] = a.Description,
                ["summary"] = a.Summary,
                ["isWait"] = a.IsWait,
                ["dynamicPorts"] = a.DynamicPorts,
                ["alsoReads"] = new JsonArray([.. a.AlsoReads.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["inputs"] = inputs,
                ["outPorts"] = new JsonArray([.. a.OutPorts.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p,
                    ["label"] = Ports.GetValueOrDefault(p, p),
                })]),
            });
        }

        return array;
    }

    private static string JsonNamingKind(Workflow.Definitions.Workflows.InputKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
