using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using Workflow.Definitions;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Definitions.Workflows;
using Workflow.Host.Runtime;
using Workflow.Host.Simulation;
using Workflow.Notifications;
using Workflow.Notifications.Messages;
using Workflow.Notifications.Templates;

namespace Workflow.Host.Designer;

/// <summary>
/// The designer's files in a workflows folder: drafts of definitions (definitions/drafts/ID.json) and of
/// the rules (drafts/rules.yaml), published versions (definitions/ID.vN.json), the rules' history
/// (rules-history/). Every check is the runtime's own (<see cref="WorkflowDefinitionReader"/>,
/// <see cref="DefinitionRules"/>); dry runs are <see cref="Simulator"/>, as `workflow simulate`.
/// </summary>
/// <remarks>
/// <para>Drafts are saved even when they would not load, so work is never lost; publishing refuses them
/// with the reader's problems, each naming its activity.</para>
/// <para>Thread-safe: writes are serialized by one lock per workspace (one host writes a folder).</para>
/// <para>After a publish, <see cref="Published"/> is raised: the host reloads the catalog and the rules
/// (<see cref="Hosting.WorkflowsData.Load"/>) so that NEW milestones use them; running ones keep their version.</para>
/// </remarks>
public sealed partial class DesignerWorkspace
{
    /// <summary>At most this many emails are returned by a dry run (the count says how many there are).</summary>
    public const int MaxEmails = 300;

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private readonly Lock gate = new();
    private readonly TimeProvider time;

    public DesignerWorkspace(string workflowsFolder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowsFolder);
        Folder = Path.GetFullPath(workflowsFolder);
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Raised after a definition version or the rules were published (outside the workspace's lock).</summary>
    public event EventHandler<WorkflowsPublishedEventArgs>? Published;

    /// <summary>The workflows folder.</summary>
    public string Folder { get; }

    public string DefinitionsFolder => Path.Combine(Folder, "definitions");

    public string DraftsFolder => Path.Combine(DefinitionsFolder, "drafts");

    public string RulesFile => Path.Combine(Folder, "rules.yaml");

    public string RulesDraftFile => Path.Combine(Folder, "drafts", "rules.yaml");

    public string RulesHistoryFolder => Path.Combine(Folder, "rules-history");

    /// <summary>Whether <paramref name="definitionId"/> can name files: lower-case letters, digits, '-', '_' and '.'.</summary>
    public static bool IsValidDefinitionId(string? definitionId) =>
        definitionId is { Length: > 0 and <= 100 } && IdPattern().IsMatch(definitionId);

    // ---------------------------------------------------------------- definitions

    /// <summary>Every definition that has a loadable version or a draft.</summary>
    public IReadOnlyList<DefinitionSummary> ListDefinitions()
    {
        var catalog = Catalog();
        var ids = catalog.All.Select(d => d.DefinitionId).Concat(DraftIds()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var list = new List<DefinitionSummary>();
        foreach (var id in ids)
        {
            var versions = catalog.All.Where(d => d.DefinitionId == id).ToList();
            var draft = DraftPath(id);
            var hasDraft = File.Exists(draft);
            var name = versions.LastOrDefault()?.Name ?? DraftName(draft) ?? id;
            list.Add(new DefinitionSummary(id, name, catalog.TryGet(id, out var latest) ? latest.Version : null,
                [.. versions.Select(v => v.Version)], hasDraft, hasDraft ? new DateTimeOffset(File.GetLastWriteTimeUtc(draft)).ToOffset(VietnamOffset) : null));
        }

        return list;
    }

    /// <summary>The draft of <paramref name="definitionId"/>, or its latest published version (latest version if none is published); null when neither exists.</summary>
    public DefinitionDocument? GetDocument(string definitionId)
    {
        CheckId(definitionId);
        var catalog = Catalog();
        int? basedOn = catalog.TryGet(definitionId, out var published) ? published.Version : null;
        var draft = DraftPath(definitionId);
        if (File.Exists(draft))
        {
            var text = File.ReadAllText(draft);
            return new DefinitionDocument(definitionId, text, true, null, basedOn, Validate(text, definitionId));
        }

        var shown = published ?? catalog.All.Where(d => d.DefinitionId == definitionId).MaxBy(d => d.Version);
        return shown is null ? null : new DefinitionDocument(definitionId, File.ReadAllText(shown.Source), false, shown.Version, basedOn, []);
    }

    /// <summary>The reader's problems with <paramref name="json"/> as a definition of <paramref name="definitionId"/>; empty when it would load.</summary>
    /// <remarks>Beyond the reader: an activity of a type this product does not run (a placeholder), an expression in a
    /// language it does not evaluate or that does not parse, an email recipient that resolves to no address
    /// (with <paramref name="agencies"/>).</remarks>
    public static IReadOnlyList<DesignerProblem> Validate(string json, string definitionId, AgencyDirectory? agencies = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = DefinitionCatalog.Checked(WorkflowDefinitionReader.Read(json, $"{definitionId}.json"), d => DefinitionChecks.Problems(d, agencies));
        var problems = read.Problems.Select(p => new DesignerProblem(p.ActivityId, null, p.Message)).ToList();
        if (read.Definition is { } d && d.DefinitionId != definitionId)
        {
            problems.Add(new DesignerProblem(null, null, $"\"definitionId\" là \"{d.DefinitionId}\", không phải \"{definitionId}\"."));
        }

        return problems;
    }

    /// <summary>Saves <paramref name="json"/> as the draft of <paramref name="definitionId"/>, exactly as given, even when
    /// it would not load (its problems are returned). Not saved: text that is not a JSON object, or names another definitionId.</summary>
    public DraftResult SaveDraft(string definitionId, string json)
    {
        CheckId(definitionId);
        ArgumentNullException.ThrowIfNull(json);
        var (top, error) = ParseObject(json);
        if (top is null)
        {
            return new DraftResult(definitionId, false, [error!]);
        }

        var written = StringProperty(top, "definitionId");
        if (written is not null && written.Trim() != definitionId)
        {
            return new DraftResult(definitionId, false,
                [new DesignerProblem(null, null, $"tệp là quy trình \"{written}\", không phải \"{definitionId}\"; hãy sửa \"definitionId\" hoặc mở đúng quy trình.")]);
        }

        lock (gate)
        {
            Directory.CreateDirectory(DraftsFolder);
            WriteAtomically(DraftPath(definitionId), json);
        }

        return new DraftResult(definitionId, true, Validate(json, definitionId));
    }

    /// <summary>Imports an Elsa 3 definition file as the draft of the definitionId it names (unchanged, even when it would
    /// not load). <paramref name="expectedId"/>, when given, must be that definitionId.</summary>
    public DraftResult Import(string json, string? expectedId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (top, error) = ParseObject(json);
        if (top is null)
        {
            return new DraftResult(null, false, [error!]);
        }

        var id = StringProperty(top, "definitionId")?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return new DraftResult(null, false, [new DesignerProblem(null, null, "tệp thiếu \"definitionId\": mã của quy trình, ví dụ \"chase-and-escalate\".")]);
        }

        if (!IsValidDefinitionId(id))
        {
            return new DraftResult(null, false, [new DesignerProblem(null, null, $"\"definitionId\" \"{id}\" chỉ được gồm chữ thường không dấu, số, '-', '_' và '.'.")]);
        }

        if (expectedId is not null && expectedId != id)
        {
            return new DraftResult(id, false, [new DesignerProblem(null, null, $"tệp là quy trình \"{id}\", không phải \"{expectedId}\" đang mở.")]);
        }

        return SaveDraft(id, json);
    }

    /// <summary>The JSON of a version (or of the draft, <paramref name="version"/> null: else the latest published version), exactly as stored; null when there is none.</summary>
    public string? Export(string definitionId, int? version = null)
    {
        CheckId(definitionId);
        if (version is null)
        {
            return GetDocument(definitionId)?.Json;
        }

        return Catalog().TryGet(definitionId, version.Value, out var definition) ? File.ReadAllText(definition.Source) : null;
    }

    /// <summary>Deletes the draft of <paramref name="definitionId"/>; false when there was none.</summary>
    public bool DiscardDraft(string definitionId)
    {
        CheckId(definitionId);
        lock (gate)
        {
            var path = DraftPath(definitionId);
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
    }

    /// <summary>Every version of <paramref name="definitionId"/> that loads, oldest first, with who published it and when.</summary>
    public IReadOnlyList<DefinitionVersion> Versions(string definitionId)
    {
        CheckId(definitionId);
        var catalog = Catalog();
        catalog.TryGet(definitionId, out var latest);
        var list = new List<DefinitionVersion>();
        foreach (var d in catalog.All.Where(d => d.DefinitionId == definitionId))
        {
            var (createdAt, by) = Provenance(d.Source);
            list.Add(new DefinitionVersion(d.Version, d.IsPublished, ReferenceEquals(d, latest), d.Name, Path.GetFileName(d.Source), createdAt, by));
        }

        return list;
    }

    /// <summary>
    /// Publishes the draft as version N = the highest version any file of the folder gives this definition + 1:
    /// writes definitions/ID.vN.json (isPublished true, id "ID:N", <c>createdAt</c> and
    /// <c>customProperties.publishedBy</c> set), deletes the draft and raises <see cref="Published"/>. Refused,
    /// with the problems, when the draft would not load.
    /// </summary>
    public PublishResult Publish(string definitionId, string publishedBy)
    {
        CheckId(definitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        PublishResult result;
        DateTimeOffset now;
        lock (gate)
        {
            var draftPath = DraftPath(definitionId);
            if (!File.Exists(draftPath))
            {
                return new PublishResult(false, null, null, [new DesignerProblem(null, null, "không có bản nháp để công bố; hãy lưu bản nháp trước.")]);
            }

            var text = File.ReadAllText(draftPath);
            var agencies = Agencies();
            var problems = Validate(text, definitionId, agencies);
            if (problems.Count > 0)
            {
                return new PublishResult(false, null, null, problems);
            }

            var top = (JsonObject)JsonNode.Parse(text, documentOptions: ReadOptions)!;
            var version = HighestVersion(definitionId) + 1;
            now = time.GetUtcNow().ToOffset(VietnamOffset);
            Set(top, "id", $"{definitionId}:{version}", after: null);
            Set(top, "version", version, after: "name");
            Set(top, "isPublished", true, after: "version");
            Set(top, "createdAt", now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), after: "isPublished");
            var custom = Property(top, "customProperties") as JsonObject;
            if (custom is null)
            {
                custom = [];
                Set(top, "customProperties", custom, after: "createdAt");
            }

            custom["publishedBy"] = publishedBy;
            var json = top.ToJsonString(WriteOptions) + "\n";
            var file = $"{definitionId}.v{version}.json";
            var recheck = Validate(json, definitionId, agencies);
            if (recheck.Count > 0)
            {
                return new PublishResult(false, null, null, recheck);
            }

            var path = Path.Combine(DefinitionsFolder, file);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(json);
            }

            File.Delete(draftPath);
            result = new PublishResult(true, version, file, []);
        }

        Published?.Invoke(this, new WorkflowsPublishedEventArgs("definition", definitionId, result.Version, publishedBy, now));
        return result;
    }

    /// <summary>The agency directory of the folder, for the recipients' check; null when it does not load (the
    /// runtime refuses the folder then anyway).</summary>
    private AgencyDirectory? Agencies()
    {
        try
        {
            return ReferenceData.Load(Folder).Agencies;
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/> ("1", "2", … or "draft"), per activity, by display name; null when one of them does not exist.</summary>
    public DefinitionDiff? Diff(string definitionId, string from, string to)
    {
        CheckId(definitionId);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var left = Side(definitionId, from);
        var right = Side(definitionId, to);
        if (left is null || right is null)
        {
            return null;
        }

        var entries = DefinitionDiffer.Compare(left, right);
        var header = $"Quy trình \"{definitionId}\": so sánh {SideName(from)} với {SideName(to)}";
        var lines = new List<string> { header };
        if (entries.Count == 0)
        {
            lines.Add("Không có thay đổi nào (ngoài bố cục sơ đồ).");
        }

        foreach (var e in entries)
        {
            lines.Add("- " + e.Title);
            lines.AddRange(e.Details.Select(d => "    • " + d));
        }

        return new DefinitionDiff(definitionId, from, to, entries, string.Join("\n", lines));
    }

    /// <summary>
    /// Runs <paramref name="json"/> (or the draft, or the latest version) on a plan of workflows/plans through the
    /// simulation of `workflow simulate --definition`: every milestone runs this definition. The period defaults to
    /// 1 January of the plan's tracked year to 31 January of the next.
    /// </summary>
    /// <remarks>The run is held to <see cref="SimulationBudget.DryRun"/> (a run past it returns its problem) and stops when <paramref name="ct"/> is cancelled: the web request passes its RequestAborted, so a client that left stops the work.</remarks>
    /// <exception cref="DataFileException">The reference data (agencies, calendars, templates) cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public DefinitionDryRun? DryRun(string definitionId, string planId, LocalDate? from = null, LocalDate? to = null, string? json = null, CancellationToken ct = default)
    {
        CheckId(definitionId);
        json ??= GetDocument(definitionId)?.Json;
        if (json is null)
        {
            return null;
        }

        var problems = Validate(json, definitionId);
        var (plan, reference, planProblem) = LoadPlan(planId);
        if (planProblem is not null)
        {
            problems = [.. problems, planProblem];
        }

        if (problems.Count > 0 || plan is null || reference is null)
        {
            return new DefinitionDryRun(planId, plan?.Title ?? string.Empty, string.Empty, string.Empty, definitionId, 0, [], [], 0,
                new Dictionary<string, int>(), problems);
        }

        var definition = WorkflowDefinitionReader.Read(json, $"{definitionId}.json").Definition!;
        var start = from ?? new LocalDate(plan.TrackedYear, 1, 1);
        var end = to ?? new LocalDate(plan.TrackedYear + 1, 1, 31);
        if (end < start)
        {
            return new DefinitionDryRun(planId, plan.Title, Iso(start), Iso(end), definitionId, 0, [], [], 0, new Dictionary<string, int>(),
                [new DesignerProblem(null, null, "ngày kết thúc phải sau ngày bắt đầu.")]);
        }

        var simulator = new Simulator(reference.Calendar, new AgencyId(reference.Reports.FollowUpAgency),
            new MilestonePlanner(reference.Agencies, Catalog(), DefinitionRules.None));
        SimulationResult outcome;
        try
        {
            outcome = simulator.Run(plan, start, end, [], [], definition, SimulationBudget.DryRun, ct: ct);
        }
        catch (SimulationBudgetExceededException e)
        {
            return new DefinitionDryRun(planId, plan.Title, Iso(start), Iso(end), definitionId, 0, [], [], 0, new Dictionary<string, int>(),
                [new DesignerProblem(null, null, e.Message)]);
        }

        var tasks = plan.Tasks.ToDictionary(t => t.Id.Value, StringComparer.Ordinal);
        string Name(string id) => AgencyId.TryParse(id, out var agencyId) && reference.Agencies.TryGet(agencyId, out var a) ? a.Name : id;
        string? Label(Notification n) => tasks[n.Task].Schedule.Milestones.ElementAtOrDefault(n.Milestone - 1)?.Label;
        var timeline = outcome.Notifications.Select(n => new TimelineItem(
            n.At.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), n.Task, tasks[n.Task].Activity, n.Milestone, Label(n),
            Iso(n.Due), n.Kind.Key(), KindLabel(n.Kind), [.. n.To.Select(Name)], n.To)).ToList();

        var templates = TemplateSet.Load(Path.Combine(Folder, "templates"));
        MilestoneFacts Facts(Notification n)
        {
            var task = tasks[n.Task];
            return new(plan.Id.Value, plan.Number, task.Id.Value, task.Activity, task.Product, n.Milestone, Label(n), outcome.FormerLeadOf(n));
        }

        var composition = new MessageComposer(templates, reference.Agencies, Facts).Compose(outcome.Notifications, outcome.Notifications);
        var emails = composition.Emails.Take(MaxEmails).Select(e => new DryRunEmail(
            Iso(e.Day), e.Recipient, [.. e.To.Select(a => a.ToString())], e.Subject, e.Text)).ToList();
        var totals = Enum.GetValues<NotificationKind>().ToDictionary(k => k.Key(), k => outcome.Notifications.Count(n => n.Kind == k), StringComparer.Ordinal);
        return new DefinitionDryRun(plan.Id.Value, plan.Title, Iso(start), Iso(end), definitionId, outcome.Runs.Count,
            timeline, emails, composition.Emails.Count, totals, []);
    }

    // ---------------------------------------------------------------- rules

    /// <summary>The rules draft, or the published rules when there is no draft, with their problems.</summary>
    public RulesDocument GetRules()
    {
        var isDraft = File.Exists(RulesDraftFile);
        var yaml = isDraft ? File.ReadAllText(RulesDraftFile) : File.Exists(RulesFile) ? File.ReadAllText(RulesFile) : string.Empty;
        return new RulesDocument(yaml, isDraft, ValidateRules(yaml));
    }

    /// <summary>The problems of <paramref name="yaml"/> as the rules file, against the published definitions: the
    /// first syntax or key error (the reader stops there), or every rule naming no published definition.</summary>
    public IReadOnlyList<DesignerProblem> ValidateRules(string yaml) => ReadRules(yaml).Problems;

    /// <summary>Saves the rules draft as given (even with problems, which are returned).</summary>
    public IReadOnlyList<DesignerProblem> SaveRulesDraft(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        lock (gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RulesDraftFile)!);
            WriteAtomically(RulesDraftFile, yaml);
        }

        return ValidateRules(yaml);
    }

    /// <summary>Deletes the rules draft; false when there was none.</summary>
    public bool DiscardRulesDraft()
    {
        lock (gate)
        {
            if (!File.Exists(RulesDraftFile))
            {
                return false;
            }

            File.Delete(RulesDraftFile);
            return true;
        }
    }

    /// <summary>Which definition each milestone of a plan gets under <paramref name="yaml"/> (default: the draft, or the published rules).</summary>
    public RulesDryRun RulesDryRun(string planId, string? yaml = null)
    {
        yaml ??= GetRules().Yaml;
        var (rules, problems) = ReadRules(yaml);
        var (plan, reference, planProblem) = LoadPlan(planId);
        if (planProblem is not null)
        {
            problems = [.. problems, planProblem];
        }

        if (problems.Count > 0 || rules is null || plan is null || reference is null)
        {
            return new RulesDryRun(planId, plan?.Title ?? string.Empty, [], new Dictionary<string, int>(), problems);
        }

        var assignments = new List<RuleAssignment>();
        foreach (var task in plan.Tasks)
        {
            var leadKind = task.Lead.Agencies.Count > 0 && reference.Agencies.TryGet(task.Lead.Agencies[0], out var lead) ? lead.Kind : AgencyKind.Other;
            var rule = rules.Find(plan.Id, task.Group, leadKind, task.Schedule.Kind);
            var definition = rule?.Definition ?? rules.Default;
            var kind = task.Schedule.Kind.ToString().ToLowerInvariant();
            if (task.Schedule.Milestones.Count == 0)
            {
                if (task.Schedule.Kind == Definitions.Deadlines.ScheduleKind.Event)
                {
                    assignments.Add(new RuleAssignment(task.Id.Value, task.Activity, 1, null, null, task.Group, leadKind.ToString(), kind, definition, rule?.Line));
                }

                continue;
            }

            for (var i = 0; i < task.Schedule.Milestones.Count; i++)
            {
                var m = task.Schedule.Milestones[i];
                assignments.Add(new RuleAssignment(task.Id.Value, task.Activity, i + 1, m.Label, Iso(m.Effective), task.Group, leadKind.ToString(), kind, definition, rule?.Line));
            }
        }

        var counts = assignments.GroupBy(a => a.Definition, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new RulesDryRun(plan.Id.Value, plan.Title, assignments, counts, []);
    }

    /// <summary>
    /// Publishes the rules draft: the current rules.yaml is kept as rules-history/rules-TIMESTAMP.yaml, the draft
    /// becomes rules.yaml, who and when are appended to rules-history/history.jsonl, the draft is deleted and
    /// <see cref="Published"/> is raised. Refused, with the problems, when the draft has any.
    /// </summary>
    public RulesPublishResult PublishRules(string publishedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        RulesPublication publication;
        lock (gate)
        {
            if (!File.Exists(RulesDraftFile))
            {
                return new RulesPublishResult(false, null, [new DesignerProblem(null, null, "không có bản nháp quy tắc để công bố; hãy lưu bản nháp trước.")]);
            }

            var yaml = File.ReadAllText(RulesDraftFile);
            var problems = ValidateRules(yaml);
            if (problems.Count > 0)
            {
                return new RulesPublishResult(false, null, problems);
            }

            var now = time.GetUtcNow().ToOffset(VietnamOffset);
            Directory.CreateDirectory(RulesHistoryFolder);
            string? previous = null;
            if (File.Exists(RulesFile))
            {
                var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                previous = $"rules-{stamp}.yaml";
                for (var n = 2; File.Exists(Path.Combine(RulesHistoryFolder, previous)); n++)
                {
                    previous = $"rules-{stamp}-{n}.yaml";
                }

                File.Copy(RulesFile, Path.Combine(RulesHistoryFolder, previous));
            }

            WriteAtomically(RulesFile, yaml);
            publication = new RulesPublication(now, publishedBy, previous);
            var line = new JsonObject
            {
                ["at"] = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                ["by"] = publishedBy,
                ["previous"] = previous,
            }.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            File.AppendAllText(Path.Combine(RulesHistoryFolder, "history.jsonl"), line + "\n");
            File.Delete(RulesDraftFile);
        }

        Published?.Invoke(this, new WorkflowsPublishedEventArgs("rules", null, null, publishedBy, publication.At));
        return new RulesPublishResult(true, publication, []);
    }

    /// <summary>Every publish of the rules through the designer, newest first.</summary>
    public IReadOnlyList<RulesPublication> RulesHistory()
    {
        var file = Path.Combine(RulesHistoryFolder, "history.jsonl");
        if (!File.Exists(file))
        {
            return [];
        }

        var list = new List<RulesPublication>();
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            try
            {
                var o = JsonNode.Parse(line)!.AsObject();
                list.Add(new RulesPublication(DateTimeOffset.Parse(o["at"]!.GetValue<string>(), CultureInfo.InvariantCulture), o["by"]!.GetValue<string>(), o["previous"]?.GetValue<string>()));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
            {
                // A line written by hand that does not read is skipped: the history is informative.
            }
        }

        list.Reverse();
        return list;
    }

    // ---------------------------------------------------------------- plans

    /// <summary>The plan files of workflows/plans that read without problems.</summary>
    public IReadOnlyList<PlanFile> PlanFiles()
    {
        var reference = ReferenceData.Load(Folder);
        return [.. PlanPaths()
            .Select(path => (path, PlanReader.Read(path, reference).Plan))
            .Where(p => p.Plan is not null)
            .Select(p => new PlanFile(p.Plan!.Id.Value, p.Plan.Title, p.Plan.TrackedYear, Path.GetFileName(p.path)))];
    }

    // ---------------------------------------------------------------- helpers

    internal DefinitionCatalog Catalog() =>
        Directory.Exists(DefinitionsFolder) ? DefinitionCatalog.LoadDirectory(DefinitionsFolder) : DefinitionCatalog.Create([]);

    private string DraftPath(string definitionId) => Path.Combine(DraftsFolder, definitionId + ".json");

    private IEnumerable<string> DraftIds() =>
        Directory.Exists(DraftsFolder)
            ? Directory.EnumerateFiles(DraftsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsValidDefinitionId)
            : [];

    private static string? DraftName(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var (top, _) = ParseObject(File.ReadAllText(path));
        return top is null ? null : StringProperty(top, "name");
    }

    /// <summary>The highest version any JSON file of definitions/ gives <paramref name="definitionId"/>, refused files included (0 when none).</summary>
    private int HighestVersion(string definitionId)
    {
        var highest = 0;
        foreach (var file in Directory.EnumerateFiles(DefinitionsFolder, "*.json"))
        {
            var (top, _) = ParseObject(File.ReadAllText(file));
            if (top is null || StringProperty(top, "definitionId")?.Trim() != definitionId)
            {
                continue;
            }

            var version = Property(top, "version") switch
            {
                JsonValue v when v.TryGetValue(out int n) => n,
                JsonValue v when v.TryGetValue(out string? s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => 1,
            };
            highest = Math.Max(highest, version);
        }

        return highest;
    }

    private static (DateTimeOffset? CreatedAt, string? By) Provenance(string file)
    {
        var (top, _) = ParseObject(File.ReadAllText(file));
        if (top is null)
        {
            return (null, null);
        }

        DateTimeOffset? createdAt = StringProperty(top, "createdAt") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        var by = Property(top, "customProperties") is JsonObject custom ? StringProperty(custom, "publishedBy") : null;
        return (createdAt, by);
    }

    private JsonObject? Side(string definitionId, string which)
    {
        string? text;
        if (which == "draft")
        {
            var draft = DraftPath(definitionId);
            text = File.Exists(draft) ? File.ReadAllText(draft) : null;
        }
        else
        {
            text = int.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? Export(definitionId, version) : null;
        }

        return text is null ? null : ParseObject(text).Top;
    }

    private static string SideName(string which) => which == "draft" ? "bản nháp" : $"phiên bản {which}";

    private (Plan? Plan, ReferenceData? Reference, DesignerProblem? Problem) LoadPlan(string planId)
    {
        if (string.IsNullOrWhiteSpace(planId))
        {
            return (null, null, new DesignerProblem(null, null, "hãy chọn một kế hoạch để chạy thử."));
        }

        var reference = ReferenceData.Load(Folder);
        var paths = PlanPaths().ToList();

        // The file named like the plan is the likely one; the others are read only if it is not.
        foreach (var path in paths.OrderBy(p => Path.GetFileNameWithoutExtension(p) == planId ? 0 : 1))
        {
            var read = PlanReader.Read(path, reference);
            if (read.Plan is { } plan && plan.Id.Value == planId)
            {
                return (plan, reference, null);
            }

            if (read.Plan is null && Path.GetFileNameWithoutExtension(path) == planId)
            {
                return (null, reference, new DesignerProblem(null, null,
                    $"kế hoạch {planId} có {read.Problems.Count} lỗi; chạy \"workflow plan check\" và sửa trước. {(read.Problems.Count > 0 ? read.Problems[0] : null)}"));
            }
        }

        return (null, reference, new DesignerProblem(null, null, $"không có kế hoạch \"{planId}\" trong thư mục plans."));
    }

    private IEnumerable<string> PlanPaths()
    {
        var plans = Path.Combine(Folder, "plans");
        return Directory.Exists(plans)
            ? Directory.EnumerateFiles(plans)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];
    }

    private (DefinitionRules? Rules, IReadOnlyList<DesignerProblem> Problems) ReadRules(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        DefinitionRules rules;
        try
        {
            using var reader = new StringReader(yaml);
            rules = DefinitionRules.Load(reader, "rules.yaml");
        }
        catch (DataFileException e)
        {
            return (null, [new DesignerProblem(null, e.Line, e.Problem)]);
        }

        var catalog = Catalog();

        // Messages name the folder as the coordinator knows it, not the server's path.
        var problems = rules.Validate(catalog)
            .Select(p => new DesignerProblem(null, p.Line, p.Message.Replace(catalog.Source, "workflows/definitions", StringComparison.Ordinal)))
            .ToList();
        return (problems.Count == 0 ? rules : null, problems);
    }

    private static (JsonObject? Top, DesignerProblem? Problem) ParseObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var position = (int)(e.BytePositionInLine ?? 0) + 1;
            return (null, new DesignerProblem(null, line,
                $"JSON không hợp lệ ở dòng {line}, vị trí {position}: hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy quanh chỗ đó."));
        }

        return node is JsonObject top
            ? (top, null)
            : (null, new DesignerProblem(null, 1, "tệp phải là một đối tượng JSON {...} theo dạng định nghĩa quy trình của Elsa 3."));
    }

    private static JsonNode? Property(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var exact) ? exact : obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? StringProperty(JsonObject obj, string name) =>
        Property(obj, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Sets a top-level member in place (under the name it is written with), or inserts it after <paramref name="after"/> (at the end when absent).</summary>
    private static void Set(JsonObject obj, string name, JsonNode? value, string? after)
    {
        var existing = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
        if (existing is not null)
        {
            obj[existing] = value;
            return;
        }

        var anchor = after is null ? null : obj.FirstOrDefault(p => string.Equals(p.Key, after, StringComparison.OrdinalIgnoreCase)).Key;
        if (anchor is null)
        {
            obj[name] = value;
        }
        else
        {
            obj.Insert(obj.IndexOf(anchor) + 1, name, value);
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    private static void CheckId(string definitionId)
    {
        if (!IsValidDefinitionId(definitionId))
        {
            throw new ArgumentException($"\"{definitionId}\" không phải mã quy trình (chữ thường không dấu, số, '-', '_', '.').", nameof(definitionId));
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string KindLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.Reminder => "nhắc hạn",
        NotificationKind.Overdue => "thông báo quá hạn",
        NotificationKind.Email => "gửi thư",
        _ => "báo cáo Sở Nội vụ",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
