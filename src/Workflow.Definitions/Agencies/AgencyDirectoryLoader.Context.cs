using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>The reader's state: the file being read, every error with its file and line, and typed access to YAML nodes.</summary>
internal static partial class AgencyDirectoryLoader
{
    /// <summary>"dòng 12", or "can-tho-2025.yaml, dòng 12" when the place is in another file than the one the message is about.</summary>
    private static string Where(string source, Mark mark, string from) =>
        source == from ? $"dòng {mark.Line}" : $"{source}, dòng {mark.Line}";

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

        /// <summary>
        /// The entries of a list whose entries must each be a mapping: any other entry is an error (<paramref name="shape"/>
        /// says what it should be) and is skipped. An absent list has none.
        /// </summary>
        public IEnumerable<YamlMappingNode> Mappings(YamlNode? node, string what, string shape)
        {
            foreach (var entry in node is null ? [] : Sequence(node, what))
            {
                if (entry is YamlMappingNode mapping)
                {
                    yield return mapping;
                }
                else
                {
                    Error(entry.Start, shape);
                }
            }
        }

        /// <summary>
        /// The text of each entry of a list of values, with its place: an entry that is not a value is an error
        /// (<paramref name="itemWhat"/> names it) and is skipped. An absent list has none.
        /// </summary>
        public IEnumerable<(string Text, Mark Where)> Scalars(YamlNode? node, string what, string itemWhat)
        {
            foreach (var item in node is null ? [] : Sequence(node, what))
            {
                if (Scalar(item, itemWhat) is { } text)
                {
                    yield return (text, item.Start);
                }
            }
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

        public string? Id(Dictionary<string, YamlNode> fields, YamlMappingNode owner, string what, out Mark where, string key = "id")
        {
            where = fields.GetValueOrDefault(key)?.Start ?? owner.Start;
            var id = RequiredText(fields, key, owner, what);
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
}
