using System.Globalization;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Deadlines to finish by: a year or span in a phase that says "hoàn thành" or "ban hành" ("Hoàn
/// thành trong năm 2026", "Ban hành trong quý I năm 2026") is one date, its last day, and ongoing
/// work written after it stays in the note.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>A year or span in a phase that says "hoàn thành" or "ban hành" before it is a deadline to finish
        /// by its last day ("Hoàn thành trong năm 2026" is 31/12/2026, not work all year). Ongoing work that follows
        /// a deadline ("… và vận hành thường xuyên, liên tục", "Thực hiện thường xuyên … hàng năm") has no date of
        /// its own: it stays in the note, and the reading is listed for a coordinator to confirm.</summary>
        private void MarkCompletions()
        {
            if (!text.Folded.Contains("hoan thanh", StringComparison.Ordinal) && !text.Folded.Contains("ban hanh", StringComparison.Ordinal))
            {
                return;
            }

            var completionEnd = -1;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !item.OpenEnded && SaysCompletion(item.FirstToken))
                {
                    var implicitYear = item.Kind == ItemKind.Year && item.YearImplicit;
                    if (!implicitYear)
                    {
                        items[i] = new Item(ItemKind.Date, item.Date, item.Date.Year, default, item.Kind == ItemKind.Date ? item.Name : null, item.YearImplicit, item.FirstToken, item.LastToken)
                        {
                            Start = item.Start,
                            Completion = true,
                        };
                        completionEnd = completionEnd < 0 ? item.LastToken : completionEnd;
                    }
                }
            }

            if (completionEnd < 0)
            {
                return;
            }

            // "… từ năm 2025, phấn đấu hoàn thành Dự án năm 2035": when work starts is not a deadline.
            items.RemoveAll(i => i.OpenEnded);
            var dropped = items.RemoveAll(i => i.FirstToken > completionEnd && (i.Kind == ItemKind.Period || (i.Kind == ItemKind.Year && i.YearImplicit)));
            var markers = recurringMarkers.RemoveAll(m => m > completionEnd);
            if (dropped + markers > 0)
            {
                var due = items.Where(i => i.Completion).Max(i => i.Date);
                ambiguities.Add($"đọc là hạn hoàn thành {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; phần làm thường xuyên sau đó không có hạn riêng");
            }
        }

        private bool SaysCompletion(int itemFirst)
        {
            for (var j = itemFirst - 1; j >= 0 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, "hoan", "thanh") || Is(j, "ban", "hanh"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
