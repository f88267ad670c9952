using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace Workflow.Definitions.Agencies;

/// <summary>An agency's history as an entry writes it: began, ended, successors, handover, sources; dates in ISO or dd/MM/yyyy.</summary>
internal static partial class AgencyDirectoryLoader
{
    private static readonly LocalDatePattern[] DatePatterns = [LocalDatePattern.Iso, LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu")];

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
}
