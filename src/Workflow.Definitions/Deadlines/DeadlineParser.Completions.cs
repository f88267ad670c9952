using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Deadlines to finish by: a year or span in a phase that says "hoàn thành", "ban hành", "xong" or "đảm bảo đạt" ("Hoàn
/// thành trong năm 2026", "Ban hành trong quý I năm 2026") is one date, its last day, and ongoing
/// work written after it stays in the note.
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>The words that make a date a deadline to finish by, found in one pass.</summary>
    private static readonly string[] CompletionPhrases = ["hoan thanh", "ban hanh", "xong", "bao dat", "dau dat", "vao van hanh", "vao su dung", "vao hoat dong", "vao khai thac", "cham nhat", "co tham quyen", "so ket", "tong ket", "bao dam den het", "dam bao den het", "muc tieu", "phan dau", "hoan thien", "den het", "truoc ket thuc", "khi ket thuc", "truoc het", "khi het"];

    private static readonly SearchValues<string> CompletionWords = SearchValues.Create(CompletionPhrases, StringComparison.Ordinal);

    /// <summary>The sketch bits of the last words of <see cref="CompletionPhrases"/>, derived from them so the two cannot drift:
    /// a phrase with none of them has none of those words, and skips the search for them (most cells: "Quý I/2025",
    /// "Thường xuyên").</summary>
    private static readonly ulong CompletionLastWords = LastWordBits(CompletionPhrases);

    private static ulong LastWordBits(string[] phrases)
    {
        var bits = 0UL;
        foreach (var phrase in phrases)
        {
            bits |= Tokenizer.Bit(phrase.AsSpan(phrase.LastIndexOf(' ') + 1));
        }

        return bits;
    }

    private sealed partial class Reading
    {
        /// <summary>A year or span in a phase that says "hoàn thành" or "ban hành" before it is a deadline to finish
        /// by its last day ("Hoàn thành trong năm 2026" is 31/12/2026, not work all year). Ongoing work that follows
        /// a deadline ("… và vận hành thường xuyên, liên tục", "Thực hiện thường xuyên … hàng năm") has no date of
        /// its own: it stays in the note, and the reading is listed for a coordinator to confirm.</summary>
        private void MarkCompletions()
        {
            // Only a dated, year or span item that is not open-ended can become a deadline to finish by: without one there is
            // nothing to mark, and the search for the words is skipped.
            if (!HasClosedDateItem())
            {
                return;
            }

            // ("%", a share to reach, asked apart: one character among the words would slow the search for them all.)
            if (((sketch & CompletionLastWords) == 0 || !text.Folded.ContainsAny(CompletionWords)) && !text.Folded.Contains('%'))
            {
                return;
            }

            var completionEnd = -1;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                // "Hoàn thành thủ tục xây dựng …, thi công xây dựng: từ Quý II/2026 - Quý II/2028": a span opened by "từ"
                // after a label's colon or comma is the work's time, whatever the label's first words say ("hoàn thành
                // trong giai đoạn từ năm 2026 đến năm 2030" is still a deadline).
                var spanFrom = item.Kind == ItemKind.Span && OpensSpan(item.FirstToken);
                if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !item.OpenEnded && (SaysCompletion(item.FirstToken, spanFrom) || (item.Kind == ItemKind.Year && SaysYearsDeadline(item.FirstToken))))
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

            if (completionEnd >= 0)
            {
                DropWorkAfterCompletion(completionEnd);
            }
        }

        /// <summary>Whether an item is a date, year or span that is not open-ended: the only items <see cref="MarkCompletions"/>
        /// marks.</summary>
        private bool HasClosedDateItem()
        {
            foreach (ref readonly var item in CollectionsMarshal.AsSpan(items))
            {
                if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !item.OpenEnded)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Drops the ongoing work after the deadline to finish by that ends at token <paramref name="completionEnd"/>.
        /// (Its own method: the lambdas' captured locals are then allocated only for a phrase that has such a deadline.)</summary>
        private void DropWorkAfterCompletion(int completionEnd)
        {
            // "… từ năm 2025, phấn đấu hoàn thành Dự án năm 2035": when work starts is not a deadline.
            items.RemoveAll(i => i.OpenEnded);

            // "ban hành kế hoạch kiểm tra … trước ngày 15 tháng 3 hàng năm để thực hiện …": a period word right after the
            // date is that date's frequency (every year), not ongoing work after it.
            var frequency = -1;
            foreach (var item in items)
            {
                frequency = item.Kind == ItemKind.Period && item.FirstToken == completionEnd + 1 ? item.FirstToken : frequency;
            }

            var dropped = items.RemoveAll(i => i.FirstToken > completionEnd && i.FirstToken != frequency && (i.Kind == ItemKind.Period || (i.Kind == ItemKind.Year && i.YearImplicit)));
            var markers = recurringMarkers.RemoveAll(m => m > completionEnd && m != frequency);
            if (ExceptionClause() is var exception && exception >= 0)
            {
                // "Thực hiện thường xuyên, riêng việc … hoàn thành trong quý II/2020", "Thực hiện định kỳ hằng năm;
                // Riêng năm 2020 hoàn thành trong quý II/2020": for the plan, the exception's deadline is the one to
                // chase; the ongoing work around it, and the year that scopes the exception, have no date of their own.
                dropped += items.RemoveAll(i => !i.Completion && (i.Kind == ItemKind.Period || (i.Kind == ItemKind.Year && (i.YearImplicit || i.FirstToken > exception))));
                markers += recurringMarkers.RemoveAll(m => m < exception);
            }

            if (dropped + markers > 0)
            {
                var due = items.Where(i => i.Completion).Max(i => i.Date);
                ambiguities.Add($"đọc là hạn hoàn thành {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; phần làm thường xuyên sau đó không có hạn riêng");
            }
        }

        /// <summary>The token of "riêng" that opens the phase of a completion deadline, or -1.</summary>
        private int ExceptionClause()
        {
            foreach (var item in items)
            {
                if (!item.Completion)
                {
                    continue;
                }

                for (var j = item.FirstToken - 1; j >= 0 && !IsSentenceBreak(j); j--)
                {
                    if (Is(j, "rieng"))
                    {
                        return j;
                    }
                }
            }

            return -1;
        }

        /// <summary>Whether "hoàn thành", "ban hành", "xong" or "đảm bảo (phấn đấu) đạt" comes before the item in its sentence (in its clause, after
        /// no colon or comma, when <paramref name="inClause"/>).</summary>
        private bool SaysCompletion(int itemFirst, bool inClause)
        {
            for (var j = itemFirst - 1; j >= 0 && !IsSentenceBreak(j) && !(inClause && (Is(j, ':') || Is(j, ','))); j--)
            {
                // "đảm bảo đạt tỷ lệ trong năm 2026", "phấn đấu đạt …": a target reached by the year's end.
                // "đưa công trình … vào vận hành (sử dụng, hoạt động, khai thác) trong năm 2025": finished by the year's end.
                if (Is(j, "hoan", "thanh") || Is(j, "ban", "hanh") || Is(j, "xong") || Is(j, "bao", "dat") || Is(j, "dau", "dat")
                    || (Is(j, "vao") && (Is(j + 1, "van", "hanh") || Is(j + 1, "su", "dung") || Is(j + 1, "hoat", "dong") || Is(j + 1, "khai", "thac"))))
                {
                    // ("Bộ Công thương vừa ban hành công văn hỏa tốc về việc tổ chức Hội chợ … từ 2.2 - 13.2": what was just
                    // issued, "vừa" or "đã", is told, no completion; the span is the fair's.)
                    // (Nor the subject of a cited decision: "Theo Quyết định số 2444/QĐ-UBND … về ban hành khung kế hoạch thời gian
                    // năm học …, … nghỉ Tết … từ … đến hết …".)
                    return !(IsDone(j - 1) || (Is(j - 1, "vua") && WrittenAs(j - 1, "vừa")) || (Is(j, "ban", "hanh") && Is(j - 1, "ve")));
                }
            }

            return false;
        }

        /// <summary>Whether the words <paramref name="a"/> <paramref name="b"/> (folded) come within fifteen tokens before
        /// <paramref name="k"/> in its clause (back to a comma, a semicolon or a sentence break).</summary>
        private bool EarlierInClause(int k, string a, string b)
        {
            for (var t = k - 2; t >= 0 && t >= k - 16 && !Is(t + 1, ',') && !Is(t + 1, ';') && !IsSentenceBreak(t + 1); t--)
            {
                if (Is(t, a, b))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a year item at <paramref name="itemFirst"/> is a deadline by its end though no completion word is
        /// said: "Chậm nhất trong năm 2025, hoàn thành …" ("chậm nhất", at the latest, right before "(trong) năm"), and
        /// "…, báo cáo cấp có thẩm quyền trong năm 2025" (a report or submission to the competent authority, one act, by
        /// the year's end). "Trong năm 2025" alone stays work over the year. So is a share to reach said before the year in
        /// its clause ("tích hợp, cung cấp 100% các dịch vụ công trực tuyến … trong năm 2022": a target by the year's end,
        /// as "đảm bảo đạt" is), a target to ensure by a year's end ("bảo đảm đến hết năm 2030 …") or set for it ("mục tiêu đặt ra là đến năm 2025 …"), and a review, "sơ kết" or "tổng kết", in the year's sentence ("Năm 2023 tổ chức sơ kết …
        /// và tổng kết … vào năm 2025": each review is one act, due by its year's end).</summary>
        private bool SaysYearsDeadline(int itemFirst)
        {
            var j = itemFirst - 1;
            j -= Is(j, "trong") ? 1 : 0;
            j -= Is(j, "la") ? 1 : 0;
            if (Is(j - 1, "cham", "nhat"))
            {
                return true;
            }

            if (CompletedWithinOpeningYear(itemFirst))
            {
                return true;
            }

            if (Is(j - 3, "cap", "co") && Is(j - 1, "tham", "quyen") && (Is(j - 5, "bao", "cao") || Is(j - 4, "trinh")))
            {
                return true;
            }

            if ((Is(itemFirst - 2, "ket", "thuc") && (Is(itemFirst - 3, "truoc") || Is(itemFirst - 4, "truoc", "khi")))
                || (Is(itemFirst - 1, "het") && (Is(itemFirst - 2, "truoc") || Is(itemFirst - 3, "truoc", "khi"))))
            {
                // "trước (khi) kết thúc năm 2025", "trước (khi) hết năm 2025": before the year ends, due on its last day.
                return true;
            }

            if (Is(itemFirst - 1, "den") && Is(itemFirst, "nam") && (Is(itemFirst + 2, ':') || Is(itemFirst + 2, ',')) && ShareRightAfter(itemFirst + 3))
            {
                // "- Đến năm 2025: 100% Luật Quản lý thuế và các văn bản hướng dẫn … được bổ sung", "g) Đến năm 2020, 100% người
                // có công … được lập hồ sơ": a share to reach by a year, said after it, is a target by its end.
                return true;
            }

            if (Is(itemFirst - 2, "phan", "dau") || Is(itemFirst - 2, "muc", "tieu"))
            {
                // "Phấn đấu năm 2026 đạt 45%", "đặt mục tiêu năm 2026 nâng tỷ lệ …": a target for the year, due by its end.
                return true;
            }

            if (Is(itemFirst, "nam") && Is(itemFirst - 1, "den") && Is(itemFirst - 3, "phan", "dau"))
            {
                // "tỷ trọng thu nội địa … phấn đấu đến năm 2025 đạt khoảng 85 - 86%": a target to strive for by a year (scanned
                // "phan đấu" folds the same) is due by its end, not work over the years up to it.
                return true;
            }

            if (Is(itemFirst - 2, "den", "het") && Is(itemFirst, "nam") && WrittenLaterInClause(itemFirst + 2, 12, "dat", "đạt"))
            {
                // "kết quả dự kiến đến hết năm 2025 số trạm 5G đạt 68.457 trạm": what is to be reached ("đạt") by the end of a
                // year, said after it, is a target by then.
                return true;
            }

            if (Is(itemFirst - 1, "vao") && EarlierInClause(itemFirst - 1, "hoan", "thien"))
            {
                // "… hoàn thiện cơ sở dữ liệu quốc gia về đất đai vào năm 2026": to complete something "in" a year ("vào", not
                // "trong", the work's span) is done by its end.
                return true;
            }

            if (Is(itemFirst - 2, "den", "het") && (Is(itemFirst - 4, "bao", "dam") || Is(itemFirst - 4, "dam", "bao")))
            {
                // "… rà soát, sắp xếp số lượng cấp phó bảo đảm đến hết năm 2030 số lượng cấp phó … thực hiện đúng theo quy
                // định": what is to be ensured by the end of a year is a target by then, as "đảm bảo đạt … trong năm" is.
                return true;
            }

            for (var t = itemFirst - 1; t >= 0 && t >= itemFirst - 7; t--)
            {
                if (TargetBy(t) is var at && at >= 0)
                {
                    // "Theo lộ trình, mục tiêu đặt ra là đến năm 2025 cơ bản hoàn thành …": a target set for a year is due by
                    // its end, as what is to be ensured by then.
                    return Math.Abs(at - itemFirst) <= 1; // the target's "năm" is this item's ("đến năm 2025", "năm 2025")
                }
            }

            return ShareOrReviewAround(itemFirst);
        }

        /// <summary>"- Trong năm 2026, cơ bản hoàn thành việc rà soát, thể chế hoá …": a year opening its clause with "Trong",
        /// then "(cơ bản) hoàn thành" right after it (a comma between or not), is a task to finish within the year, as
        /// "Hoàn thành trong năm 2026" is: due by its end. "Trong năm 2025, triển khai …" stays work over the year.</summary>
        private bool CompletedWithinOpeningYear(int itemFirst)
        {
            if (!Is(itemFirst, "nam") || !IsYearNumber(itemFirst + 1) || !Is(itemFirst - 1, "trong")
                || !(itemFirst - 1 == AfterListMarker() || Is(itemFirst - 2, ';') || Is(itemFirst - 2, ':') || (itemFirst >= 2 && IsSentenceBreak(itemFirst - 2))))
            {
                return false;
            }

            var after = itemFirst + 2;
            after += Is(after, ',') ? 1 : 0;
            after += Is(after, "co", "ban") ? 2 : 0;
            return Is(after, "hoan", "thanh");
        }

        /// <summary>Whether a number followed by "%" comes within the first four tokens from <paramref name="j"/>.</summary>
        private bool ShareRightAfter(int j)
        {
            for (var t = j; t < tokens.Length && t < j + 4; t++)
            {
                if (Is(t, TokenType.Number) && tokens[t].End < text.Folded.Length && text.Folded[tokens[t].End] == '%')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a share ("100%") comes before the year at <paramref name="itemFirst"/> in its clause, not one to keep
        /// ("duy trì tỷ lệ 100% … trong năm 2026" is work over the year), or "sơ kết" / "tổng kết" anywhere in its
        /// sentence.</summary>
        private bool ShareOrReviewAround(int itemFirst)
        {
            var (clause, share) = (true, false);
            for (var j = itemFirst - 1; j >= 0 && !IsSentenceBreak(j); j--)
            {
                clause &= !Is(j, ',');
                if (Is(j, "so", "ket") || Is(j, "tong", "ket"))
                {
                    return true;
                }

                share = (share || (clause && Is(j, TokenType.Number) && tokens[j].End < text.Folded.Length && text.Folded[tokens[j].End] == '%'))
                    && !(clause && Is(j, "duy", "tri"));
            }

            if (share)
            {
                return true;
            }

            for (var j = itemFirst + 1; j + 1 < tokens.Length && !IsSentenceBreak(j); j++)
            {
                if (Is(j, "so", "ket") || Is(j, "tong", "ket"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Ongoing work written after a dated deadline has no date of its own: "Tháng 12/2026 và thực hiện
        /// thường xuyên", "Quý III/2026 và tổ chức triển khai thường xuyên" are due at the deadline, and "Từ tháng 5/2026,
        /// thường xuyên" is the span to the year's end. The reading is listed for a coordinator to confirm.</summary>
        private void FoldOngoingWork()
        {
            for (var i = 1; i < items.Count; i++)
            {
                var ongoing = items[i];
                if (ongoing.Kind != ItemKind.Year || !ongoing.YearImplicit)
                {
                    continue;
                }

                var before = items[i - 1];
                var afterDeadline = before.Kind == ItemKind.Date && !before.YearImplicit && SaysAnd(before.LastToken + 1, ongoing.FirstToken);
                var sameSpan = before.Kind == ItemKind.Span && before.OpenEnded && before.Date.Year == ongoing.Year && !HasSentenceBreak(before.LastToken + 1, ongoing.FirstToken);

                // "từ ngày 30/4/2020 đến hết ngày 03/5/2020, các Đơn vị bố trí, phân công trực hợp lý; thường xuyên nắm tình hình":
                // "thường xuyên" before a verb, after a closed span of days of its year, is how the work goes during the span.
                var duringSpan = before.Kind == ItemKind.Span && !before.OpenEnded && !before.YearImplicit && before.Start.Year == ongoing.Year
                    && before.Date.Year == ongoing.Year && Is(ongoing.LastToken + 1, TokenType.Word) && !Is(ongoing.LastToken + 1, "hang");
                if (afterDeadline || sameSpan || duringSpan)
                {
                    if (afterDeadline)
                    {
                        ambiguities.Add($"đọc là hạn {before.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; phần làm thường xuyên sau đó không có hạn riêng");
                    }

                    items.RemoveAt(i--);
                }
            }
        }

        /// <summary>"và" between two items in one phase, with only words of the ongoing work ("thực hiện",
        /// "triển khai", "tổ chức") beside it.</summary>
        private bool SaysAnd(int from, int to)
        {
            var and = false;
            for (var j = from; j < to; j++)
            {
                if (IsSentenceBreak(j))
                {
                    return false;
                }

                and |= Is(j, "va");
            }

            return and;
        }
    }
}
