using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// Reads <c>agencies.yaml</c> through the YAML representation model (to keep line numbers) and reports every
/// problem at once, each with its line and what to change.
/// </summary>
internal static class AgencyDirectoryLoader
{
    private static readonly string[] RootKeys = ["agencies", "groups", "phrases", "changes", "includes"];
    private static readonly string[] IncludedRootKeys = ["agencies", "groups", "changes"];
    private static readonly string[] HistoryKeys = ["began", "source", "ended", "successors", "handover", "ended_by", "unconfirmed", "note"];
    private static readonly string[] AgencyKeys = ["id", "name", "short_name", "kind", "email", "aliases", .. HistoryKeys];
    private static readonly string[] ChangeKeys = ["agency", .. HistoryKeys];
    private static readonly string[] GroupKeys = ["id", "name", "kinds", "members", "unlisted", "aliases"];
    private static readonly string[] PhraseKeys = ["abbreviations", "fillers", "suffixes", "qualifiers", "vague", "distributive"];
    private static readonly string[] DistributiveKeys = ["prefix", "head"];
    private static readonly LocalDatePattern[] DatePatterns = [LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu")];

    public static AgencyDirectory Load(TextReader reader, string source, Func<string, (TextReader Reader, string Source)>? openInclude = null)
    {
        var context = new Context(source);
        var root = ReadRoot(context, reader, "tệp phải gồm danh sách \"agencies:\" (và có thể thêm \"groups:\", \"phrases:\", \"changes:\", \"includes:\").")
            ?? throw AgencyDirectoryError.ToException(context.Errors);

        var fields = context.Fields(root, RootKeys, "cấp ngoài cùng của tệp");
        var phrases = ReadPhrases(context, fields.GetValueOrDefault("phrases"));
        var agencies = ReadAgencies(context, fields.GetValueOrDefault("agencies"), root, required: true);
        var groups = ReadGroups(context, fields.GetValueOrDefault("groups"));
        var changes = ReadChanges(context, fields.GetValueOrDefault("changes"));
        if (fields.GetValueOrDefault("includes") is { } includesNode)
        {
            foreach (var item in context.Sequence(includesNode, "\"includes:\""))
            {
                if (context.Scalar(item, "một mục của \"includes:\"") is not { } name || name.Trim().Length == 0)
                {
                    continue;
                }

                if (openInclude is null)
                {
                    context.Error(item.Start, $"không đọc được tệp \"{name}\": danh bạ này không được đọc từ một thư mục.");
                    continue;
                }

                TextReader includeReader;
                string includeSource;
                try
                {
                    (includeReader, includeSource) = openInclude(name.Trim());
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    context.Error(item.Start, $"không đọc được tệp \"{name}\" ghi trong \"includes:\" ({(ex is FileNotFoundException or DirectoryNotFoundException ? "không có tệp này" : ex.Message)}); sửa đường dẫn (tính từ thư mục của agencies.yaml) hoặc xóa dòng này.");
                    continue;
                }

                var outer = context.Source;
                context.Source = includeSource;
                using (includeReader)
                {
                    if (ReadRoot(context, includeReader, "tệp phải gồm \"agencies:\", \"groups:\" hoặc \"changes:\".") is { } includeRoot)
                    {
                        var includeFields = context.Fields(includeRoot, IncludedRootKeys, "cấp ngoài cùng của tệp");
                        agencies.AddRange(ReadAgencies(context, includeFields.GetValueOrDefault("agencies"), includeRoot, required: false));
                        groups.AddRange(ReadGroups(context, includeFields.GetValueOrDefault("groups")));
                        changes.AddRange(ReadChanges(context, includeFields.GetValueOrDefault("changes")));
                    }
                }

                context.Source = outer;
            }
        }

        return Build(context, phrases, agencies, groups, changes);
    }

    private static YamlMappingNode? ReadRoot(Context context, TextReader reader, string shape)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            message = cut >= 0 ? message[(cut + 3)..] : message;
            context.Error(ex.Start, $"YAML không hợp lệ ({message}); kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở dòng này hoặc dòng trước.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            context.Error(node?.Start ?? Mark.Empty, shape);
            return null;
        }

        return root;
    }

    private static AgencyDirectory Build(Context context, PhraseDraft phrases, List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts, List<ChangeDraft> changes)
    {
        // Ids: unique across agencies and groups, across every file.
        var ids = new Dictionary<string, (string What, string Source, Mark Where)>(StringComparer.Ordinal);
        foreach (var (id, source, idMark, what) in agencyDrafts.Select(a => (a.Id, a.Source, a.IdMark, "cơ quan")).Concat(groupDrafts.Select(g => (g.Id, g.Source, g.IdMark, "nhóm"))))
        {
            if (id is null)
            {
                continue;
            }

            if (ids.TryGetValue(id, out var first))
            {
                context.Error(source, idMark, $"mã \"{id}\" bị trùng: {first.What} ở {Where(first.Source, first.Where, source)} đã dùng mã này; đặt mã khác cho {what} này.");
            }
            else
            {
                ids.Add(id, (what, source, idMark));
            }
        }

        var agencyIds = agencyDrafts.Where(a => a.Id is not null).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
        var groupIds = groupDrafts.Where(g => g.Id is not null).Select(g => g.Id!).ToHashSet(StringComparer.Ordinal);
        var draftById = agencyDrafts.Where(a => a.Id is not null).GroupBy(a => a.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Changes: an agency's end and successors, recorded apart from where the agency is listed.
        foreach (var agency in agencyDrafts.Where(a => a.History.HasEnd || a.History.Successors.Count > 0))
        {
            agency.Succession = agency.History;
        }

        foreach (var change in changes.Where(c => c.AgencyId is not null))
        {
            if (!draftById.TryGetValue(change.AgencyId!, out var agency))
            {
                var hint = groupIds.Contains(change.AgencyId!) ? "đó là một nhóm, không phải cơ quan." : Closest(change.AgencyId!, agencyIds) is { } close ? $"có phải là \"{close}\"?" : "thêm cơ quan này vào \"agencies:\" hoặc sửa mã.";
                context.Error(change.History.Source, change.AgencyMark, $"thay đổi ghi cơ quan \"{change.AgencyId}\" không có trong danh bạ: {hint}");
                continue;
            }

            if (agency.Succession is { } earlier)
            {
                context.Error(change.History.Source, change.AgencyMark, $"cơ quan \"{change.AgencyId}\" đã có ngày kết thúc ở {Where(earlier.Source, earlier.EndedMark, change.History.Source)}; mỗi cơ quan chỉ kết thúc một lần, giữ một trong hai.");
                continue;
            }

            if (change.History.Began is { } began)
            {
                agency.History.Began = began;
            }

            if (agency.History.Began is { } start && change.History.Ended is { } end && end < start)
            {
                context.Error(change.History.Source, change.History.EndedMark, $"cơ quan \"{change.AgencyId}\" kết thúc ngày {Day(end)}, trước ngày bắt đầu {Day(start)} ({Where(agency.History.Source, agency.History.BeganMark, change.History.Source)}); thời gian hoạt động không hợp lệ.");
                continue;
            }

            agency.Succession = change.History;
        }

        // Successors: agencies of the directory, in existence the day after, and no cycle.
        foreach (var agency in agencyDrafts.Where(a => a.Id is not null && a.Succession is { Valid: true, Ended: not null }))
        {
            var succession = agency.Succession!;
            var day = succession.Ended!.Value.PlusDays(1);
            foreach (var (successor, mark) in succession.Successors)
            {
                if (successor == agency.Id)
                {
                    context.Error(succession.Source, mark, $"cơ quan \"{agency.Id}\" ghi chính nó là cơ quan kế nhiệm; ghi cơ quan nhận lại nhiệm vụ.");
                    succession.Valid = false;
                }
                else if (!draftById.TryGetValue(successor, out var next))
                {
                    var hint = groupIds.Contains(successor) ? "đó là một nhóm; hãy liệt kê từng cơ quan." : Closest(successor, agencyIds) is { } close ? $"có phải là \"{close}\"?" : "thêm cơ quan này vào \"agencies:\" hoặc sửa mã.";
                    context.Error(succession.Source, mark, $"cơ quan kế nhiệm \"{successor}\" của \"{agency.Id}\" không có trong danh bạ: {hint}");
                    succession.Valid = false;
                }
                else if ((next.History.Began is { } began && began > day) || (next.Succession?.Ended is { } ended && ended < day))
                {
                    var why = next.History.Began is { } b && b > day ? $"chỉ bắt đầu từ {Day(b)}" : $"đã kết thúc ngày {Day(next.Succession!.Ended!.Value)}";
                    context.Error(succession.Source, mark, $"cơ quan kế nhiệm \"{successor}\" của \"{agency.Id}\" {why}, nên không nhận được nhiệm vụ từ {Day(day)}; sửa ngày hoặc cơ quan kế nhiệm.");
                    succession.Valid = false;
                }
            }
        }

        foreach (var cycle in Cycles(agencyDrafts, draftById))
        {
            var start = draftById[cycle[0]].Succession!;
            context.Error(start.Source, start.SuccessorsMark, $"vòng kế nhiệm: {string.Join(" → ", cycle.Append(cycle[0]))}; nhiệm vụ sẽ chuyển mãi không dừng, hãy sửa \"successors:\".");
        }

        // Group members must be agencies.
        foreach (var group in groupDrafts)
        {
            foreach (var (member, mark) in group.Members)
            {
                if (agencyIds.Contains(member))
                {
                    continue;
                }

                var hint = groupIds.Contains(member)
                    ? "đó là một nhóm; hãy ghi các kinds hoặc members của nhóm đó vào đây."
                    : Closest(member, agencyIds) is { } close ? $"có phải là \"{close}\"?" : "hãy thêm cơ quan này vào \"agencies:\" hoặc sửa mã.";
                context.Error(group.Source, mark, $"nhóm \"{group.Id}\" có thành viên \"{member}\" không phải mã cơ quan nào: {hint}");
            }

            if (group.Unlisted && (group.Members.Count > 0 || group.Kinds.Count > 0))
            {
                context.Error(group.Source, group.Start, $"nhóm \"{group.Id}\" ghi \"unlisted: true\" nhưng lại có members hoặc kinds; bỏ một trong hai.");
            }
            else if (!group.Unlisted && group.Members.Count == 0 && group.Kinds.Count == 0 && group.KindsValid)
            {
                context.Error(group.Source, group.Start, $"nhóm \"{group.Id}\" không có \"members:\" lẫn \"kinds:\"; hãy liệt kê, hoặc ghi \"unlisted: true\" nếu danh bạ không mô tả các thành viên của nhóm.");
            }
        }

        // Spellings: each folded spelling names one thing at a time. Two agencies may share one only when they never
        // existed on the same day (a ward of 2025 named like an older one): a cell picks the one of its date.
        var spellings = new Dictionary<string, (string Owner, string Text, string Source, Mark Where, AgencyDraft? Agency)>(StringComparer.Ordinal);
        var versions = new Dictionary<string, List<AgencyDraft>>(StringComparer.Ordinal);
        var names = new List<(IReadOnlyList<string> Words, string OwnerKey, Mark Where)>();

        void AddSpelling(string text, string source, Mark where, string ownerKey, string ownerLabel, AgencyDraft? agency)
        {
            var words = AgencyText.PhraseWords(text, phrases.Abbreviations);
            if (words.Length == 0)
            {
                context.Error(source, where, $"\"{text}\" của {ownerLabel} không có chữ hay số nào ngoài phần trong ngoặc; hãy xóa.");
                return;
            }

            var key = string.Join(' ', words);
            if (spellings.TryGetValue(key, out var first))
            {
                if (first.Owner == ownerKey)
                {
                    return;
                }

                if (agency is not null && first.Agency is not null && versions.TryGetValue(key, out var others))
                {
                    if (others.Contains(agency))
                    {
                        return;
                    }

                    if (others.Find(o => Overlap(o, agency)) is not { } overlapping)
                    {
                        others.Add(agency);
                        return;
                    }

                    context.Error(source, where, $"\"{text}\" của {ownerLabel} trùng với \"{first.Text}\" của cơ quan \"{overlapping.Id}\" ({Where(first.Source, first.Where, source)}) và hai cơ quan cùng hoạt động trong {Period(overlapping)} và {Period(agency)}: thời gian hoạt động chồng nhau; sửa \"began\"/\"ended\" hoặc xóa cách viết ở một bên.");
                    return;
                }

                context.Error(source, where, $"\"{text}\" của {ownerLabel} trùng với \"{first.Text}\" của {first.Owner} ({Where(first.Source, first.Where, source)}) khi bỏ qua chữ hoa, dấu, dấu câu và chữ viết tắt; mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm, hãy xóa ở một bên.");
                return;
            }

            spellings.Add(key, (ownerKey, text, source, where, agency));
            if (agency is not null)
            {
                versions[key] = [agency];
            }

            names.Add((words, ownerKey, where));
        }

        foreach (var agency in agencyDrafts.Where(a => a.Id is not null))
        {
            var owner = $"cơ quan \"{agency.Id}\"";
            foreach (var (text, mark) in agency.Spellings())
            {
                AddSpelling(text, agency.Source, mark, owner, owner, agency);
            }
        }

        foreach (var group in groupDrafts.Where(g => g.Id is not null))
        {
            var owner = $"nhóm \"{group.Id}\"";
            foreach (var (text, mark) in group.Spellings())
            {
                AddSpelling(text, group.Source, mark, owner, owner, null);
            }
        }

        foreach (var (text, mark) in phrases.Vague)
        {
            AddSpelling(text, context.Source, mark, "danh sách \"vague:\"", "cách nói chung", null);
        }

        // Objects: the constructors check again; anything they reject becomes an error on the entry's line.
        var agencies = new List<Agency>();
        foreach (var draft in agencyDrafts.Where(a => a.IsComplete))
        {
            try
            {
                var succession = draft.Succession is { Valid: true, Ended: { } ended } s
                    ? new AgencySuccession(ended.PlusDays(1), [.. s.Successors.Select(x => new AgencyId(x.Id))], s.Mode, s.EndedBy!, s.Unconfirmed, s.Note)
                    : null;
                agencies.Add(new Agency(new AgencyId(draft.Id!), draft.Name!, draft.ShortName, draft.Kind!.Value, draft.Email!, draft.Aliases.Select(a => a.Text))
                {
                    Began = draft.History.Began,
                    Ended = succession is null ? null : draft.Succession!.Ended,
                    Succession = succession,
                    Source = draft.History.CreatedBy,
                    Unconfirmed = draft.History.Unconfirmed,
                    Note = draft.History.Note,
                });
            }
            catch (ArgumentException ex)
            {
                context.Error(draft.Source, draft.Start, $"cơ quan \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
            }
        }

        var groups = new List<AgencyGroup>();
        foreach (var draft in groupDrafts.Where(g => g.Id is not null && g.Name is not null && g.KindsValid))
        {
            try
            {
                groups.Add(new AgencyGroup(new AgencyId(draft.Id!), draft.Name!, draft.Members.Where(m => agencyIds.Contains(m.Id)).Select(m => new AgencyId(m.Id)), draft.Kinds, draft.Aliases.Select(a => a.Text), draft.Unlisted));
            }
            catch (ArgumentException ex)
            {
                if (!context.Errors.Any(e => e.Source == draft.Source && e.Line == (int)draft.Start.Line))
                {
                    context.Error(draft.Source, draft.Start, $"nhóm \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            throw AgencyDirectoryError.ToException(context.Errors);
        }

        var agencyByDraft = agencyDrafts.Where(a => a.IsComplete).Zip(agencies).ToDictionary(p => p.First, p => p.Second);
        var targets = new Dictionary<string, AgencyMatchTarget>(StringComparer.Ordinal);
        foreach (var (draft, agency) in agencyByDraft)
        {
            targets[$"cơ quan \"{agency.Id}\""] = new AgencyMatchTarget(AgencyMentionKind.Agency, agency, null, agency.Name);
        }

        foreach (var group in groups)
        {
            targets[$"nhóm \"{group.Id}\""] = new AgencyMatchTarget(AgencyMentionKind.Group, null, group, group.Name);
        }

        var resolvedNames = new List<(IReadOnlyList<string> Words, AgencyMatchTarget Target)>();
        foreach (var (words, owner, _) in names)
        {
            var key = string.Join(' ', words);
            if (versions.TryGetValue(key, out var shared) && shared.Count > 1)
            {
                var ordered = shared.Select(d => agencyByDraft[d]).OrderBy(a => a.Began ?? LocalDate.MinIsoValue).ToList();
                resolvedNames.Add((words, new AgencyMatchTarget(AgencyMentionKind.Agency, ordered[^1], null, ordered[^1].Name) { Versions = ordered }));
            }
            else if (targets.TryGetValue(owner, out var target))
            {
                resolvedNames.Add((words, target));
            }
            else
            {
                resolvedNames.Add((words, new AgencyMatchTarget(AgencyMentionKind.Vague, null, null, spellings[key].Text)));
            }
        }

        var phraseSet = new AgencyPhrases(
            [.. phrases.Vague.Select(v => v.Text)],
            [.. phrases.Qualifiers],
            [.. phrases.Fillers],
            [.. phrases.Suffixes],
            [.. phrases.Distributive],
            phrases.Abbreviations);
        return new AgencyDirectory(agencies.AsReadOnly(), groups.AsReadOnly(), phraseSet, resolvedNames);
    }

    /// <summary>Every cycle of successors, each once, as the ids along it.</summary>
    private static List<List<string>> Cycles(List<AgencyDraft> drafts, Dictionary<string, AgencyDraft> byId)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var (next, _) in byId[id].Succession?.Successors ?? [])
            {
                if (!byId.ContainsKey(next) || next == id)
                {
                    continue;
                }

                switch (state.GetValueOrDefault(next))
                {
                    case 0:
                        Visit(next);
                        break;
                    case 1:
                        cycles.Add(path.Skip(path.IndexOf(next)).ToList());
                        break;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var draft in drafts.Where(d => d.Id is not null && byId[d.Id!] == d))
        {
            if (state.GetValueOrDefault(draft.Id!) == 0)
            {
                Visit(draft.Id!);
            }
        }

        return cycles;
    }

    private static bool Overlap(AgencyDraft a, AgencyDraft b)
    {
        var (aStart, aEnd) = (a.History.Began ?? LocalDate.MinIsoValue, a.Succession?.Ended ?? LocalDate.MaxIsoValue);
        var (bStart, bEnd) = (b.History.Began ?? LocalDate.MinIsoValue, b.Succession?.Ended ?? LocalDate.MaxIsoValue);
        return aStart <= bEnd && bStart <= aEnd;
    }

    private static string Period(AgencyDraft a) =>
        $"\"{a.Id}\" ({(a.History.Began is { } b ? "từ " + Day(b) : "từ trước")}{(a.Succession?.Ended is { } e ? " đến " + Day(e) : " đến nay")})";

    private static string Where(string source, Mark mark, string from) =>
        source == from ? $"dòng {mark.Line}" : $"{source}, dòng {mark.Line}";

    private static PhraseDraft ReadPhrases(Context context, YamlNode? node)
    {
        var draft = new PhraseDraft();
        if (node is null)
        {
            return draft;
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Error(node.Start, "\"phrases:\" phải là một nhóm khóa gồm abbreviations, fillers, suffixes, qualifiers, vague, distributive.");
            return draft;
        }

        var fields = context.Fields(mapping, PhraseKeys, "'phrases:'");
        if (fields.GetValueOrDefault("abbreviations") is { } abbreviationsNode)
        {
            if (abbreviationsNode is YamlMappingNode abbreviations)
            {
                foreach (var (keyNode, valueNode) in abbreviations.Children)
                {
                    var key = context.Scalar(keyNode, "an abbreviation");
                    var value = context.Scalar(valueNode, $"phần viết đầy đủ của \"{key}\"");
                    if (key is null || value is null)
                    {
                        continue;
                    }

                    var keyWords = AgencyText.PhraseWords(key, new Dictionary<string, string[]>(), dropLeadingPlural: false);
                    var valueWords = AgencyText.PhraseWords(value, new Dictionary<string, string[]>(), dropLeadingPlural: false);
                    if (keyWords.Length != 1 || AgencyText.Tokenize(AgencyText.Sanitize(key), new Dictionary<string, string[]>()).Count != 1)
                    {
                        context.Error(keyNode.Start, $"chữ viết tắt \"{key}\" phải là một từ gồm chữ và số, ví dụ \"UBND\".");
                    }
                    else if (valueWords.Length == 0)
                    {
                        context.Error(valueNode.Start, $"chữ viết tắt \"{key}\" cần phần viết đầy đủ có ít nhất một từ.");
                    }
                    else if (!draft.Abbreviations.TryAdd(keyWords[0], valueWords))
                    {
                        context.Error(keyNode.Start, $"chữ viết tắt \"{key}\" được ghi hai lần; giữ một.");
                    }
                }
            }
            else
            {
                context.Error(abbreviationsNode.Start, "\"abbreviations:\" phải là các dòng dạng \"UBND: Ủy ban nhân dân\".");
            }
        }

        draft.Fillers.AddRange(PhraseList(context, fields.GetValueOrDefault("fillers"), "fillers").Select(p => p.Text));
        draft.Suffixes.AddRange(PhraseList(context, fields.GetValueOrDefault("suffixes"), "suffixes").Select(p => p.Text));
        draft.Qualifiers.AddRange(PhraseList(context, fields.GetValueOrDefault("qualifiers"), "qualifiers").Select(p => p.Text));
        draft.Vague.AddRange(PhraseList(context, fields.GetValueOrDefault("vague"), "vague"));

        if (fields.GetValueOrDefault("distributive") is { } distributiveNode)
        {
            foreach (var entry in context.Sequence(distributiveNode, "'distributive:'"))
            {
                if (entry is not YamlMappingNode entryMapping)
                {
                    context.Error(entry.Start, "mỗi mục của \"distributive:\" phải có dạng \"{ prefix: Các sở, head: Sở }\".");
                    continue;
                }

                var entryFields = context.Fields(entryMapping, DistributiveKeys, "một mục của \"distributive:\"");
                var prefix = context.RequiredText(entryFields, "prefix", entryMapping, "một mục của \"distributive:\"");
                var head = context.RequiredText(entryFields, "head", entryMapping, "một mục của \"distributive:\"");
                if (prefix is not null && head is not null)
                {
                    draft.Distributive.Add((prefix, head));
                }
            }
        }

        return draft;
    }

    private static List<(string Text, Mark Where)> PhraseList(Context context, YamlNode? node, string key)
    {
        var result = new List<(string, Mark)>();
        if (node is null)
        {
            return result;
        }

        foreach (var item in context.Sequence(node, $"'{key}:'"))
        {
            var text = context.Scalar(item, $"một mục của \"{key}:\"");
            if (text is null)
            {
                continue;
            }

            if (AgencyText.PhraseWords(text, new Dictionary<string, string[]>(), dropLeadingPlural: false).Length == 0)
            {
                context.Error(item.Start, $"\"{text}\" trong \"{key}:\" không có từ nào; hãy xóa.");
                continue;
            }

            result.Add((AgencyText.CollapseWhitespace(text), item.Start));
        }

        return result;
    }

    private static List<AgencyDraft> ReadAgencies(Context context, YamlNode? node, YamlMappingNode root, bool required)
    {
        var result = new List<AgencyDraft>();
        if (node is null && !required)
        {
            return result;
        }

        if (node is null)
        {
            context.Error(root.Start, "tệp chưa có danh sách \"agencies:\"; hãy thêm.");
            return result;
        }

        foreach (var entry in context.Sequence(node, "'agencies:'"))
        {
            if (entry is not YamlMappingNode mapping)
            {
                context.Error(entry.Start, "mỗi cơ quan phải là một nhóm khóa gồm id, name, kind, email.");
                continue;
            }

            var fields = context.Fields(mapping, AgencyKeys, "một cơ quan");
            var draft = new AgencyDraft(mapping.Start, context.Source)
            {
                Id = context.Id(fields, mapping, "một cơ quan", out var idMark),
                IdMark = idMark,
            };
            var label = draft.Id is null ? "một cơ quan" : $"cơ quan \"{draft.Id}\"";
            draft.Name = context.RequiredText(fields, "name", mapping, label);
            draft.NameMark = fields.GetValueOrDefault("name")?.Start ?? mapping.Start;
            if (fields.GetValueOrDefault("short_name") is { } shortNode)
            {
                draft.ShortName = context.Scalar(shortNode, $"\"short_name\" của {label}");
                draft.ShortNameMark = shortNode.Start;
            }

            if (context.RequiredText(fields, "kind", mapping, label) is { } kindText)
            {
                draft.Kind = ParseKind(context, kindText, fields["kind"].Start);
            }

            if (context.RequiredText(fields, "email", mapping, label) is { } email)
            {
                if (Agency.CheckEmail(email) is { } emailError)
                {
                    context.Error(fields["email"].Start, $"{label}: email \"{email}\" không phải địa chỉ dạng \"so-noi-vu@cantho.example\".");
                }
                else
                {
                    draft.Email = email;
                }
            }

            draft.Aliases.AddRange(AliasList(context, fields.GetValueOrDefault("aliases"), label));
            draft.History = ReadHistory(context, fields, mapping, label);
            result.Add(draft);
        }

        return result;
    }

    private static List<ChangeDraft> ReadChanges(Context context, YamlNode? node)
    {
        var result = new List<ChangeDraft>();
        if (node is null)
        {
            return result;
        }

        foreach (var entry in context.Sequence(node, "\"changes:\""))
        {
            if (entry is not YamlMappingNode mapping)
            {
                context.Error(entry.Start, "mỗi thay đổi phải là một nhóm khóa gồm agency, ended, successors, ended_by.");
                continue;
            }

            var fields = context.Fields(mapping, ChangeKeys, "một thay đổi");
            var id = context.RequiredText(fields, "agency", mapping, "một thay đổi");
            var idMark = fields.GetValueOrDefault("agency")?.Start ?? mapping.Start;
            if (id is not null && AgencyId.Check(id) is not null)
            {
                context.Error(idMark, InvalidId(id));
                id = null;
            }

            var label = id is null ? "một thay đổi" : $"thay đổi của \"{id}\"";
            var history = ReadHistory(context, fields, mapping, label);
            if (history.Ended is null && history.Began is null && history.Successors.Count == 0 && id is not null && history.Valid)
            {
                context.Error(mapping.Start, $"{label} không ghi gì thay đổi; thêm \"ended:\" và \"successors:\", hoặc xóa mục này.");
            }

            result.Add(new ChangeDraft(id, idMark, history));
        }

        return result;
    }

    private static HistoryDraft ReadHistory(Context context, Dictionary<string, YamlNode> fields, YamlMappingNode owner, string label)
    {
        var history = new HistoryDraft(owner.Start, context.Source);
        LocalDate? Date(string key)
        {
            if (fields.GetValueOrDefault(key) is not { } node || context.Scalar(node, $"\"{key}\" của {label}") is not { } text)
            {
                return null;
            }

            if (ParseDate(text) is { } date)
            {
                return date;
            }

            context.Error(node.Start, $"{label}: \"{key}\" là \"{text}\", không phải một ngày; ghi dạng 2025-06-30 hoặc 30/06/2025.");
            history.Valid = false;
            return null;
        }

        string? Text(string key) =>
            fields.GetValueOrDefault(key) is { } node && context.Scalar(node, $"\"{key}\" của {label}") is { } text && text.Trim().Length > 0
                ? AgencyText.CollapseWhitespace(text)
                : null;

        history.Began = Date("began");
        history.BeganMark = fields.GetValueOrDefault("began")?.Start ?? owner.Start;
        history.Ended = Date("ended");
        history.EndedMark = fields.GetValueOrDefault("ended")?.Start ?? owner.Start;
        history.CreatedBy = Text("source");
        history.EndedBy = Text("ended_by");
        history.Note = Text("note");
        if (fields.GetValueOrDefault("successors") is { } successorsNode)
        {
            history.SuccessorsMark = successorsNode.Start;
            foreach (var item in context.Sequence(successorsNode, $"\"successors\" của {label}"))
            {
                if (context.Scalar(item, $"một cơ quan kế nhiệm của {label}") is not { } id)
                {
                    history.Valid = false;
                }
                else if (AgencyId.Check(id.Trim()) is not null)
                {
                    context.Error(item.Start, $"{label}: cơ quan kế nhiệm {InvalidId(id)}");
                    history.Valid = false;
                }
                else if (history.Successors.Exists(s => s.Id == id.Trim()))
                {
                    context.Error(item.Start, $"{label} ghi cơ quan kế nhiệm \"{id.Trim()}\" hai lần; xóa một lần.");
                }
                else
                {
                    history.Successors.Add((id.Trim(), item.Start));
                }
            }
        }

        if (fields.GetValueOrDefault("handover") is { } handoverNode)
        {
            switch (context.Scalar(handoverNode, $"\"handover\" của {label}")?.Trim().ToUpperInvariant())
            {
                case "ONE":
                    history.Mode = HandoverMode.One;
                    break;
                case "ALL":
                    history.Mode = HandoverMode.All;
                    break;
                case var other:
                    context.Error(handoverNode.Start, $"{label}: \"handover\" phải là one (nhiệm vụ chia theo lĩnh vực, điều phối viên chọn một cơ quan) hoặc all (mỗi cơ quan kế nhiệm nhận phần địa bàn của mình), không phải \"{other}\".");
                    history.Valid = false;
                    break;
            }
        }

        if (fields.GetValueOrDefault("unconfirmed") is { } unconfirmedNode)
        {
            switch (context.Scalar(unconfirmedNode, $"\"unconfirmed\" của {label}")?.Trim().ToUpperInvariant())
            {
                case "TRUE" or "YES":
                    history.Unconfirmed = true;
                    break;
                case "FALSE" or "NO" or null:
                    break;
                case var other:
                    context.Error(unconfirmedNode.Start, $"{label}: \"unconfirmed\" phải là true hoặc false, không phải \"{other}\".");
                    break;
            }
        }

        if (history.Unconfirmed && history.Note is null)
        {
            context.Error(owner.Start, $"{label} ghi \"unconfirmed: true\" nhưng không có \"note:\"; ghi rõ điều gì chưa kiểm chứng được.");
        }

        if (history.Began is { } began && history.Ended is { } ended && ended < began)
        {
            context.Error(history.EndedMark, $"{label}: \"ended\" ({Day(ended)}) trước \"began\" ({Day(began)}); thời gian hoạt động không hợp lệ.");
            history.Valid = false;
        }

        if (history.Ended is not null && history.Successors.Count == 0 && history.Valid)
        {
            context.Error(history.EndedMark, $"{label} có \"ended:\" nhưng không có \"successors:\"; ghi cơ quan nhận lại nhiệm vụ từ ngày hôm sau.");
            history.Valid = false;
        }

        if (history.Ended is null && history.Successors.Count > 0 && history.Valid)
        {
            context.Error(history.SuccessorsMark, $"{label} có \"successors:\" nhưng không có \"ended:\"; ghi ngày cuối cùng cơ quan này hoạt động.");
            history.Valid = false;
        }

        if (history.Ended is not null && history.EndedBy is null && history.Valid)
        {
            context.Error(history.EndedMark, $"{label} có \"ended:\" nhưng không có \"ended_by:\"; ghi văn bản quyết định (số hiệu và ngày).");
            history.Valid = false;
        }

        return history;
    }

    private static LocalDate? ParseDate(string text)
    {
        var trimmed = text.Trim();
        foreach (var pattern in DatePatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return result.Value;
            }
        }

        return null;
    }

    private static string Day(LocalDate date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static List<GroupDraft> ReadGroups(Context context, YamlNode? node)
    {
        var result = new List<GroupDraft>();
        if (node is null)
        {
            return result;
        }

        foreach (var entry in context.Sequence(node, "'groups:'"))
        {
            if (entry is not YamlMappingNode mapping)
            {
                context.Error(entry.Start, "mỗi nhóm phải là một nhóm khóa gồm id, name và kinds hoặc members.");
                continue;
            }

            var fields = context.Fields(mapping, GroupKeys, "một nhóm");
            var draft = new GroupDraft(mapping.Start, context.Source)
            {
                Id = context.Id(fields, mapping, "một nhóm", out var idMark),
                IdMark = idMark,
            };
            var label = draft.Id is null ? "một nhóm" : $"nhóm \"{draft.Id}\"";
            draft.Name = context.RequiredText(fields, "name", mapping, label);
            draft.NameMark = fields.GetValueOrDefault("name")?.Start ?? mapping.Start;
            if (fields.GetValueOrDefault("kinds") is { } kindsNode)
            {
                foreach (var kindNode in context.Sequence(kindsNode, $"\"kinds\" của {label}"))
                {
                    var text = context.Scalar(kindNode, $"một loại của {label}");
                    if (text is null)
                    {
                        draft.KindsValid = false;
                    }
                    else if (ParseKind(context, text, kindNode.Start) is { } kind)
                    {
                        draft.Kinds.Add(kind);
                    }
                    else
                    {
                        draft.KindsValid = false;
                    }
                }
            }

            if (fields.GetValueOrDefault("members") is { } membersNode)
            {
                foreach (var memberNode in context.Sequence(membersNode, $"\"members\" của {label}"))
                {
                    var member = context.Scalar(memberNode, $"một thành viên của {label}");
                    if (member is null)
                    {
                        continue;
                    }

                    if (AgencyId.Check(member) is not null)
                    {
                        context.Error(memberNode.Start, $"{label}: thành viên {InvalidId(member)}");
                    }
                    else
                    {
                        draft.Members.Add((member, memberNode.Start));
                    }
                }
            }

            if (fields.GetValueOrDefault("unlisted") is { } unlistedNode)
            {
                var text = context.Scalar(unlistedNode, $"\"unlisted\" của {label}");
                switch (text?.Trim().ToUpperInvariant())
                {
                    case "TRUE" or "YES":
                        draft.Unlisted = true;
                        break;
                    case "FALSE" or "NO":
                        break;
                    case null:
                        break;
                    default:
                        context.Error(unlistedNode.Start, $"{label}: \"unlisted\" phải là true hoặc false, không phải \"{text}\".");
                        break;
                }
            }

            draft.Aliases.AddRange(AliasList(context, fields.GetValueOrDefault("aliases"), label));
            result.Add(draft);
        }

        return result;
    }

    private static List<(string Text, Mark Where)> AliasList(Context context, YamlNode? node, string label)
    {
        var result = new List<(string, Mark)>();
        if (node is null)
        {
            return result;
        }

        foreach (var item in context.Sequence(node, $"\"aliases\" của {label}"))
        {
            var text = context.Scalar(item, $"một tên gọi khác của {label}");
            if (text is null)
            {
                continue;
            }

            var clean = AgencyText.CollapseWhitespace(text);
            if (clean.Length == 0)
            {
                context.Error(item.Start, $"{label} có một tên gọi khác để trống; hãy xóa.");
            }
            else if (result.Exists(a => a.Item1 == clean))
            {
                context.Error(item.Start, $"{label} ghi tên gọi khác \"{clean}\" hai lần; hãy xóa một lần.");
            }
            else
            {
                result.Add((clean, item.Start));
            }
        }

        return result;
    }

    private static AgencyKind? ParseKind(Context context, string text, Mark where)
    {
        var name = Enum.GetNames<AgencyKind>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return Enum.Parse<AgencyKind>(name);
        }

        context.Error(where, $"không có loại \"{text}\"; dùng một trong: {string.Join(", ", Enum.GetNames<AgencyKind>())}.");
        return null;
    }

    private static string? Closest(string id, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = AgencyText.EditDistance(id, candidate, 4);
            if (distance <= 3 && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string StripParameter(string message)
    {
        var cut = message.IndexOf(" (Parameter ", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
    }

    private static string InvalidId(string id) =>
        $"mã \"{id}\" không hợp lệ: chỉ dùng chữ thường a-z và số, các từ nối bằng một dấu gạch ngang, tối đa {AgencyId.MaxLength} ký tự, ví dụ \"so-noi-vu\".";

    private sealed class Context(string source)
    {
        /// <summary>The file being read; drafts remember theirs, so later checks report the right file.</summary>
        public string Source { get; set; } = source;

        public List<AgencyDirectoryError> Errors { get; } = [];

        public void Error(Mark where, string message) =>
            Errors.Add(new AgencyDirectoryError(Source, (int)where.Line, message));

        public void Error(string source, Mark where, string message) =>
            Errors.Add(new AgencyDirectoryError(source, (int)where.Line, message));

        public Dictionary<string, YamlNode> Fields(YamlMappingNode mapping, string[] allowed, string what)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    Error(keyNode.Start, $"không biết khóa \"{key}\" trong {what}; chỉ dùng {string.Join(", ", allowed)}.");
                    continue;
                }

                fields[key] = valueNode;
            }

            return fields;
        }

        public IEnumerable<YamlNode> Sequence(YamlNode node, string what)
        {
            if (node is YamlSequenceNode sequence)
            {
                return sequence.Children;
            }

            if (node is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                return [];
            }

            Error(node.Start, $"{what} phải là một danh sách (các dòng \"- ...\" hoặc [a, b]).");
            return [];
        }

        public string? Scalar(YamlNode node, string what)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value ?? string.Empty;
            }

            Error(node.Start, $"{what} phải là một giá trị, không phải danh sách hay nhóm khóa.");
            return null;
        }

        public string? RequiredText(Dictionary<string, YamlNode> fields, string key, YamlMappingNode owner, string what)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                Error(owner.Start, $"{what} thiếu \"{key}:\"; hãy thêm.");
                return null;
            }

            var text = Scalar(node, $"\"{key}\" của {what}");
            if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                Error(node.Start, $"\"{key}\" của {what} đang trống; hãy điền.");
                return null;
            }

            return text;
        }

        public string? Id(Dictionary<string, YamlNode> fields, YamlMappingNode owner, string what, out Mark where)
        {
            where = fields.GetValueOrDefault("id")?.Start ?? owner.Start;
            var id = RequiredText(fields, "id", owner, what);
            if (id is null)
            {
                return null;
            }

            if (AgencyId.Check(id) is not null)
            {
                Error(where, InvalidId(id));
                return null;
            }

            return id;
        }
    }

    private sealed class PhraseDraft
    {
        public Dictionary<string, string[]> Abbreviations { get; } = new(StringComparer.Ordinal);

        public List<string> Fillers { get; } = [];

        public List<string> Suffixes { get; } = [];

        public List<string> Qualifiers { get; } = [];

        public List<(string Text, Mark Where)> Vague { get; } = [];

        public List<(string Prefix, string Head)> Distributive { get; } = [];
    }

    private sealed class AgencyDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public HistoryDraft History { get; set; } = new(start, source);

        public string? Id { get; set; }

        public Mark IdMark { get; set; }

        public string? Name { get; set; }

        public Mark NameMark { get; set; }

        public string? ShortName { get; set; }

        public Mark ShortNameMark { get; set; }

        public AgencyKind? Kind { get; set; }

        public string? Email { get; set; }

        public List<(string Text, Mark Where)> Aliases { get; } = [];

        /// <summary>When and how the agency ended: its own "ended:" or a change of another file; null while it exists.</summary>
        public HistoryDraft? Succession { get; set; }

        public bool IsComplete => Id is not null && Name is not null && Kind is not null && Email is not null;

        public IEnumerable<(string Text, Mark Where)> Spellings()
        {
            if (Name is not null)
            {
                yield return (Name, NameMark);
            }

            if (!string.IsNullOrWhiteSpace(ShortName))
            {
                yield return (ShortName, ShortNameMark);
            }

            foreach (var alias in Aliases)
            {
                yield return alias;
            }
        }
    }

    private sealed class GroupDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public string? Id { get; set; }

        public Mark IdMark { get; set; }

        public string? Name { get; set; }

        public Mark NameMark { get; set; }

        public List<AgencyKind> Kinds { get; } = [];

        public bool KindsValid { get; set; } = true;

        public List<(string Id, Mark Where)> Members { get; } = [];

        public bool Unlisted { get; set; }

        public List<(string Text, Mark Where)> Aliases { get; } = [];

        public IEnumerable<(string Text, Mark Where)> Spellings()
        {
            if (Name is not null)
            {
                yield return (Name, NameMark);
            }

            foreach (var alias in Aliases)
            {
                yield return alias;
            }
        }
    }

    private sealed class HistoryDraft(Mark start, string source)
    {
        public Mark Start { get; } = start;

        public string Source { get; } = source;

        public bool Valid { get; set; } = true;

        public LocalDate? Began { get; set; }

        public Mark BeganMark { get; set; }

        public LocalDate? Ended { get; set; }

        public Mark EndedMark { get; set; }

        public string? CreatedBy { get; set; }

        public string? EndedBy { get; set; }

        public List<(string Id, Mark Where)> Successors { get; } = [];

        public Mark SuccessorsMark { get; set; }

        public HandoverMode Mode { get; set; } = HandoverMode.One;

        public bool Unconfirmed { get; set; }

        public string? Note { get; set; }

        public bool HasEnd => Ended is not null;
    }

    private sealed record ChangeDraft(string? AgencyId, Mark AgencyMark, HistoryDraft History);
}
