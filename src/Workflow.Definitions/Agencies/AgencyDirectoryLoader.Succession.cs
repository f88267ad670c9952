using NodaTime;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// The history across files: each change applied to its agency (one end each), successors that exist the day
/// after, no cycle of successors; and whether two agencies' days overlap (two that share a spelling must not).
/// </summary>
internal static partial class AgencyDirectoryLoader
{
    /// <summary>Changes: an agency's end and successors, recorded apart from where the agency is listed.</summary>
    private static void ApplyChanges(Context context, List<AgencyDraft> agencyDrafts, List<ChangeDraft> changes, KnownIds known)
    {
        foreach (var agency in agencyDrafts.Where(a => a.History.HasEnd || a.History.Successors.Count > 0))
        {
            agency.Succession = agency.History;
        }

        foreach (var change in changes.Where(c => c.AgencyId is not null))
        {
            if (!known.ById.TryGetValue(change.AgencyId!, out var agency))
            {
                var hint = known.Hint(change.AgencyId!, "đó là một nhóm, không phải cơ quan.", "thêm cơ quan này vào \"agencies:\" hoặc sửa mã.");
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
    }

    /// <summary>Successors: agencies of the directory, in existence the day after, and no cycle.</summary>
    private static void CheckSuccessors(Context context, List<AgencyDraft> agencyDrafts, KnownIds known)
    {
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
                else if (!known.ById.TryGetValue(successor, out var next))
                {
                    var hint = known.Hint(successor, "đó là một nhóm; hãy liệt kê từng cơ quan.", "thêm cơ quan này vào \"agencies:\" hoặc sửa mã.");
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

        foreach (var cycle in Cycles(agencyDrafts, known.ById))
        {
            var start = known.ById[cycle[0]].Succession!;
            context.Error(start.Source, start.SuccessorsMark, $"vòng kế nhiệm: {string.Join(" → ", cycle.Append(cycle[0]))}; nhiệm vụ sẽ chuyển mãi không dừng, hãy sửa \"successors:\".");
        }
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
}
