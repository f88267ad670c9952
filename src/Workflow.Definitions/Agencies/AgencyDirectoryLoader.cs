using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// Reads <c>agencies.yaml</c> through the YAML representation model (to keep line numbers) and reports every
/// problem at once, each with its file, line and what to change; nothing is built when any problem remains.
/// </summary>
/// <remarks>
/// One concern a file: this one reads the files (the directory and its <c>includes:</c>);
/// <c>.Entries</c> turns YAML entries into drafts, <c>.HistoryEntries</c> reads an agency's dates and successors,
/// <c>.Succession</c> checks the history across files (changes, successors, cycles), <c>.Spellings</c> keeps every
/// spelling to one owner at a time, <c>.Build</c> checks ids and groups and builds the directory,
/// <c>.Context</c> is the reader's error list and typed YAML access, <c>.Drafts</c> the entries as read.
/// </remarks>
internal static partial class AgencyDirectoryLoader
{
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
}
