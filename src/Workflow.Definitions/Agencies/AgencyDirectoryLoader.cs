using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// Reads <c>agencies.yaml</c> through the YAML representation model (to keep line numbers) and reports every
/// problem at once, each with its line and what to change.
/// </summary>
internal static class AgencyDirectoryLoader
{
    private static readonly string[] RootKeys = ["agencies", "groups", "phrases"];
    private static readonly string[] AgencyKeys = ["id", "name", "short_name", "kind", "email", "aliases"];
    private static readonly string[] GroupKeys = ["id", "name", "kinds", "members", "unlisted", "aliases"];
    private static readonly string[] PhraseKeys = ["abbreviations", "fillers", "suffixes", "qualifiers", "vague", "distributive"];
    private static readonly string[] DistributiveKeys = ["prefix", "head"];

    public static AgencyDirectory Load(TextReader reader, string source)
    {
        var context = new Context(source);
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
            throw AgencyDirectoryError.ToException(source, context.Errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            context.Error(node?.Start ?? Mark.Empty, "tệp phải gồm danh sách \"agencies:\" (và có thể thêm \"groups:\", \"phrases:\").");
            throw AgencyDirectoryError.ToException(source, context.Errors);
        }

        var fields = context.Fields(root, RootKeys, "cấp ngoài cùng của tệp");
        var phrases = ReadPhrases(context, fields.GetValueOrDefault("phrases"));
        var agencies = ReadAgencies(context, fields.GetValueOrDefault("agencies"), root);
        var groups = ReadGroups(context, fields.GetValueOrDefault("groups"));
        return Build(context, phrases, agencies, groups);
    }

    private static AgencyDirectory Build(Context context, PhraseDraft phrases, List<AgencyDraft> agencyDrafts, List<GroupDraft> groupDrafts)
    {
        // Ids: unique across agencies and groups.
        var ids = new Dictionary<string, (string What, Mark Where)>(StringComparer.Ordinal);
        foreach (var (id, idMark, what) in agencyDrafts.Select(a => (a.Id, a.IdMark, "cơ quan")).Concat(groupDrafts.Select(g => (g.Id, g.IdMark, "nhóm"))))
        {
            if (id is null)
            {
                continue;
            }

            if (ids.TryGetValue(id, out var first))
            {
                context.Error(idMark, $"mã \"{id}\" bị trùng: {first.What} ở dòng {first.Where.Line} đã dùng mã này; đặt mã khác cho {what} này.");
            }
            else
            {
                ids.Add(id, (what, idMark));
            }
        }

        // Group members must be agencies.
        var agencyIds = agencyDrafts.Where(a => a.Id is not null).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
        var groupIds = groupDrafts.Where(g => g.Id is not null).Select(g => g.Id!).ToHashSet(StringComparer.Ordinal);
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
                context.Error(mark, $"nhóm \"{group.Id}\" có thành viên \"{member}\" không phải mã cơ quan nào: {hint}");
            }

            if (group.Unlisted && (group.Members.Count > 0 || group.Kinds.Count > 0))
            {
                context.Error(group.Start, $"nhóm \"{group.Id}\" ghi \"unlisted: true\" nhưng lại có members hoặc kinds; bỏ một trong hai.");
            }
            else if (!group.Unlisted && group.Members.Count == 0 && group.Kinds.Count == 0 && group.KindsValid)
            {
                context.Error(group.Start, $"nhóm \"{group.Id}\" không có \"members:\" lẫn \"kinds:\"; hãy liệt kê, hoặc ghi \"unlisted: true\" nếu danh bạ không mô tả các thành viên của nhóm.");
            }
        }

        // Spellings: each folded spelling names one thing only.
        var spellings = new Dictionary<string, (string Owner, string Text, Mark Where)>(StringComparer.Ordinal);
        var names = new List<(IReadOnlyList<string> Words, string OwnerKey, Mark Where)>();

        void AddSpelling(string text, Mark where, string ownerKey, string ownerLabel)
        {
            var words = AgencyText.PhraseWords(text, phrases.Abbreviations);
            if (words.Length == 0)
            {
                context.Error(where, $"\"{text}\" của {ownerLabel} không có chữ hay số nào ngoài phần trong ngoặc; hãy xóa.");
                return;
            }

            var key = string.Join(' ', words);
            if (spellings.TryGetValue(key, out var first))
            {
                if (first.Owner != ownerKey)
                {
                    context.Error(where, $"\"{text}\" của {ownerLabel} trùng với \"{first.Text}\" của {first.Owner} (dòng {first.Where.Line}) khi bỏ qua chữ hoa, dấu, dấu câu và chữ viết tắt; mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm, hãy xóa ở một bên.");
                }

                return;
            }

            spellings.Add(key, (ownerKey, text, where));
            names.Add((words, ownerKey, where));
        }

        foreach (var agency in agencyDrafts.Where(a => a.Id is not null))
        {
            var owner = $"cơ quan \"{agency.Id}\"";
            foreach (var (text, mark) in agency.Spellings())
            {
                AddSpelling(text, mark, owner, owner);
            }
        }

        foreach (var group in groupDrafts.Where(g => g.Id is not null))
        {
            var owner = $"nhóm \"{group.Id}\"";
            foreach (var (text, mark) in group.Spellings())
            {
                AddSpelling(text, mark, owner, owner);
            }
        }

        foreach (var (text, mark) in phrases.Vague)
        {
            AddSpelling(text, mark, "danh sách \"vague:\"", "cách nói chung");
        }

        // Objects: the constructors check again; anything they reject becomes an error on the entry's line.
        var agencies = new List<Agency>();
        foreach (var draft in agencyDrafts.Where(a => a.IsComplete))
        {
            try
            {
                agencies.Add(new Agency(new AgencyId(draft.Id!), draft.Name!, draft.ShortName, draft.Kind!.Value, draft.Email!, draft.Aliases.Select(a => a.Text)));
            }
            catch (ArgumentException ex)
            {
                context.Error(draft.Start, $"cơ quan \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
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
                if (!context.Errors.Any(e => e.Line == (int)draft.Start.Line))
                {
                    context.Error(draft.Start, $"nhóm \"{draft.Id}\" không hợp lệ: {StripParameter(ex.Message)}");
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            throw AgencyDirectoryError.ToException(context.Source, context.Errors);
        }

        var agencyById = agencies.ToDictionary(a => $"cơ quan \"{a.Id}\"");
        var groupById = groups.ToDictionary(g => $"nhóm \"{g.Id}\"");
        var targets = new Dictionary<string, AgencyMatchTarget>(StringComparer.Ordinal);
        foreach (var (owner, agency) in agencyById)
        {
            targets[owner] = new AgencyMatchTarget(AgencyMentionKind.Agency, agency, null, agency.Name);
        }

        foreach (var (owner, group) in groupById)
        {
            targets[owner] = new AgencyMatchTarget(AgencyMentionKind.Group, null, group, group.Name);
        }

        var resolvedNames = new List<(IReadOnlyList<string> Words, AgencyMatchTarget Target)>();
        foreach (var (words, owner, _) in names)
        {
            if (targets.TryGetValue(owner, out var target))
            {
                resolvedNames.Add((words, target));
            }
            else
            {
                var phrase = spellings[string.Join(' ', words)].Text;
                resolvedNames.Add((words, new AgencyMatchTarget(AgencyMentionKind.Vague, null, null, phrase)));
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

    private static List<AgencyDraft> ReadAgencies(Context context, YamlNode? node, YamlMappingNode root)
    {
        var result = new List<AgencyDraft>();
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
            var draft = new AgencyDraft(mapping.Start)
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
            result.Add(draft);
        }

        return result;
    }

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
            var draft = new GroupDraft(mapping.Start)
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
        public string Source { get; } = source;

        public List<AgencyDirectoryError> Errors { get; } = [];

        public void Error(Mark where, string message) =>
            Errors.Add(new AgencyDirectoryError((int)where.Line, message));

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

    private sealed class AgencyDraft(Mark start)
    {
        public Mark Start { get; } = start;

        public string? Id { get; set; }

        public Mark IdMark { get; set; }

        public string? Name { get; set; }

        public Mark NameMark { get; set; }

        public string? ShortName { get; set; }

        public Mark ShortNameMark { get; set; }

        public AgencyKind? Kind { get; set; }

        public string? Email { get; set; }

        public List<(string Text, Mark Where)> Aliases { get; } = [];

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

    private sealed class GroupDraft(Mark start)
    {
        public Mark Start { get; } = start;

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
}
