using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>YAML entries into drafts: agencies, groups, changes, phrases, aliases and kinds, each problem on its line.</summary>
internal static partial class AgencyDirectoryLoader
{
    private static readonly string[] RootKeys = ["agencies", "groups", "phrases", "changes", "includes"];
    private static readonly string[] IncludedRootKeys = ["agencies", "groups", "changes"];
    private static readonly string[] HistoryKeys = ["began", "source", "ended", "successors", "handover", "ended_by", "unconfirmed", "note"];
    private static readonly string[] AgencyKeys = ["id", "name", "short_name", "kind", "email", "aliases", .. HistoryKeys];
    private static readonly string[] ChangeKeys = ["agency", .. HistoryKeys];
    private static readonly string[] GroupKeys = ["id", "name", "kinds", "members", "unlisted", "aliases"];
    private static readonly string[] PhraseKeys = ["abbreviations", "fillers", "suffixes", "qualifiers", "vague", "distributive"];
    private static readonly string[] DistributiveKeys = ["prefix", "head"];

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
            foreach (var entryMapping in context.Mappings(distributiveNode, "'distributive:'", "mỗi mục của \"distributive:\" phải có dạng \"{ prefix: Các sở, head: Sở }\"."))
            {
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
        foreach (var (text, where) in context.Scalars(node, $"'{key}:'", $"một mục của \"{key}:\""))
        {
            if (AgencyText.PhraseWords(text, new Dictionary<string, string[]>(), dropLeadingPlural: false).Length == 0)
            {
                context.Error(where, $"\"{text}\" trong \"{key}:\" không có từ nào; hãy xóa.");
                continue;
            }

            result.Add((AgencyText.CollapseWhitespace(text), where));
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

        foreach (var mapping in context.Mappings(node, "'agencies:'", "mỗi cơ quan phải là một nhóm khóa gồm id, name, kind, email."))
        {
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
        foreach (var mapping in context.Mappings(node, "\"changes:\"", "mỗi thay đổi phải là một nhóm khóa gồm agency, ended, successors, ended_by."))
        {
            var fields = context.Fields(mapping, ChangeKeys, "một thay đổi");
            var id = context.Id(fields, mapping, "một thay đổi", out var idMark, key: "agency");
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

    private static List<GroupDraft> ReadGroups(Context context, YamlNode? node)
    {
        var result = new List<GroupDraft>();
        foreach (var mapping in context.Mappings(node, "'groups:'", "mỗi nhóm phải là một nhóm khóa gồm id, name và kinds hoặc members."))
        {
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
        foreach (var (text, where) in context.Scalars(node, $"\"aliases\" của {label}", $"một tên gọi khác của {label}"))
        {
            var clean = AgencyText.CollapseWhitespace(text);
            if (clean.Length == 0)
            {
                context.Error(where, $"{label} có một tên gọi khác để trống; hãy xóa.");
            }
            else if (result.Exists(a => a.Item1 == clean))
            {
                context.Error(where, $"{label} ghi tên gọi khác \"{clean}\" hai lần; hãy xóa một lần.");
            }
            else
            {
                result.Add((clean, where));
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

    private static string InvalidId(string id) =>
        $"mã \"{id}\" không hợp lệ: chỉ dùng chữ thường a-z và số, các từ nối bằng một dấu gạch ngang, tối đa {AgencyId.MaxLength} ký tự, ví dụ \"so-noi-vu\".";
}
