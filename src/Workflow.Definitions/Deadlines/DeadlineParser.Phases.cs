namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Step 3 of a reading: the words around the dates. A phrase splits into phases at sentence marks and
/// bullets, each phase named by the words before its dates; the words that are neither dates, labels
/// nor filler become the note, and an event's condition is the words around its marker.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>The event a task waits for: the words in brackets around the marker, or from the
        /// marker to the end of its sentence.</summary>
        private string EventCondition()
        {
            var open = -1;
            for (var j = eventMarker - 1; j >= 0; j--)
            {
                if (tokens[j].IsPunct(')'))
                {
                    break;
                }

                if (tokens[j].IsPunct('('))
                {
                    open = j;
                    break;
                }
            }

            int first, last;
            if (open >= 0)
            {
                first = open + 1;
                last = first;
                while (last + 1 < tokens.Length && !tokens[last + 1].IsPunct(')'))
                {
                    last++;
                }

                MarkCovered(open, Math.Min(last + 1, tokens.Length - 1));
            }
            else
            {
                first = eventMarker;
                last = first;
                while (last + 1 < tokens.Length && !IsSentenceBreak(last + 1))
                {
                    last++;
                }

                MarkCovered(first, last);
            }

            return Original(first, last).TrimEnd(ConditionTrim);
        }

        /// <summary>Words that are neither dates, labels nor filler become notes ("Theo Kế hoạch của
        /// Bộ Nội vụ"); labels are the words that open a phase before its dates.</summary>
        private void CollectFreeText(bool isEvent)
        {
            var k = 0;
            while (k < tokens.Length)
            {
                if (covered[k] || tokens[k].Type == TokenType.Punct)
                {
                    k++;
                    continue;
                }

                var first = k;
                while (k < tokens.Length && !covered[k] && !IsSentenceBreak(k) && !tokens[k].IsPunct('('))
                {
                    k++;
                }

                var last = k - 1;
                while (last >= first && tokens[last].Type == TokenType.Punct)
                {
                    last--;
                }

                // Words right before a date item in the same phase are its label, not a note.
                if (k < tokens.Length && covered[k] && !IsSentenceBreak(k))
                {
                    continue;
                }

                if (last >= first && HasContent(first, last))
                {
                    // (A time's label dropped before the first token is given back: "Thời gian: Dự kiến ngày 05/12/2025".)
                    var note = first == 0 && scratch.LabelStart >= 0 ? text.Text[scratch.LabelStart..tokens[last].End] : Original(first, last);
                    if (!isEvent || !notes.Contains(note))
                    {
                        notes.Add(note);
                    }
                }
            }
        }

        private bool HasContent(int first, int last)
        {
            for (var j = first; j <= last; j++)
            {
                if (tokens[j].IsWord && !IsFiller(j))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Words that only lead up to a date ("trong", "trước ngày", "chậm nhất"): never a label, never a note on their own.</summary>
        private bool IsFiller(int j)
        {
            if (!tokens[j].IsWord)
            {
                return true;
            }

            var w = text.Folded.Slice(tokens[j].Start, tokens[j].Length);
            return w is "trong" or "truoc" or "vao" or "den" or "cham" or "nhat" or "muon" or "toi" or "tu" or "khoang" or "ngay" or "thoi" or "han" or "gian" or "la" or "het" or "it" or "va" or "hoac" or "sau" or "hom" or "cua";
        }

        /// <summary>A sentence mark or a bullet ends a phase: ";", "." not inside a number, ":" (after a
        /// label), and a "-" or "+" that opens a phrase ("- Ban hành… - Thực hiện…").</summary>
        private bool IsSentenceBreak(int j) => breaks[j];

        /// <summary>Marks every token that <see cref="IsSentenceBreak"/> is true of, once per reading (after the numbers
        /// are mended, before the scan): the passes ask it of token after token.</summary>
        private void MarkSentenceBreaks()
        {
            for (var j = 0; j < tokens.Length; j++)
            {
                breaks[j] = tokens[j].Type == TokenType.Punct && SentenceBreakAt(j);
            }
        }

        private bool SentenceBreakAt(int j)
        {
            var t = tokens[j];
            if (t.Type != TokenType.Punct)
            {
                return false;
            }

            return t.Value switch
            {
                ';' => true,
                '.' => !(Is(j - 1, TokenType.Number) && Is(j + 1, TokenType.Number) && Touches(j - 1, j) && Touches(j, j + 1)),
                '-' or '+' => j == 0 || (t.Start > 0 && text.Folded[t.Start - 1] == ' ' && j + 1 < tokens.Length && tokens[j + 1].IsWord),
                _ => false,
            };
        }

        /// <summary>Whether a round, step or phase is named at <paramref name="k"/> with its number: "đợt 2", "bước 3", "giai
        /// đoạn 2", "lần 2".</summary>
        private bool NamesRound(int k)
        {
            var number = Is(k, "giai", "doan") ? k + 2 : Is(k, "dot") || Is(k, "buoc") || Is(k, "lan") ? k + 1 : -1;
            return number > 0 && Is(number, TokenType.Number) && tokens[number].Length <= 2;
        }

        /// <summary>Whether a sentence mark or bullet lies between tokens <paramref name="from"/> and <paramref name="to"/>.</summary>
        private bool HasSentenceBreak(int from, int to)
        {
            for (var j = from; j < to; j++)
            {
                if (IsSentenceBreak(j))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first token of a section number that ends right before the colon at <paramref name="colon"/>
        /// ("Khu vực 2", "Khu vực 3.1"), after a word; otherwise -1.</summary>
        private int SectionNumberBefore(int colon)
        {
            var first = colon - 1;
            if (!Is(first, TokenType.Number))
            {
                return -1;
            }

            if (Is(first - 1, '.') && Is(first - 2, TokenType.Number))
            {
                first -= 2;
            }

            return Is(first - 1, TokenType.Word) ? first : -1;
        }

        /// <summary>The label of the phase that holds token <paramref name="j"/>: the words between the
        /// phase's start and its first date, without filler ("trong", "trước ngày") or a trailing colon.</summary>
        private string? LabelBefore(int j)
        {
            var start = j;
            while (start > 0 && !IsSentenceBreak(start - 1) && !covered[start - 1])
            {
                start--;
            }

            if (start > 0 && !IsSentenceBreak(start - 1) && covered[start - 1] && !(Is(start, ',') && (NamesRound(start + 1) || HasContent(start + 1, j - 1))))
            {
                // A second date of the same phase ("Quý I/2025 Quý IV/2025", "Quý IV/2025, chậm nhất 15/12/2025"), not the next
                // round ("…, đợt 2 tháng 10") nor a step named after a comma ("Hoàn thành trước 30/9/2025, báo cáo kết quả trước
                // 15/10/2025").
                return null;
            }

            var last = j - 1;
            while (last >= start && (IsFiller(last) || tokens[last].Type == TokenType.Punct))
            {
                if (Is(last, ':') && SectionNumberBefore(last) >= start)
                {
                    last--; // "Khu vực 2.1: trước 31/12/2026": the section's number names the phase with its word
                    break;
                }

                if (Is(last, TokenType.Number) && tokens[last].Length <= 2 && Is(last - 1, TokenType.Word) && !IsFiller(last - 1))
                {
                    break; // "Giai đoạn 2 (2027-2028)", "Đợt 1:": the phase's number is part of its name
                }

                last--;
            }

            while (start <= last && (tokens[start].Type == TokenType.Punct || Is(start, "va") || Is(start, "hoac")))
            {
                start++; // "…, và kết thúc dự án trước ngày 15/12/2025": the step, not the conjunction before it
            }

            if (start > last)
            {
                return null;
            }

            var label = Original(start, last).TrimEnd(LabelTrim);
            if (label.Length == 0)
            {
                return null;
            }

            var first = char.IsAsciiLetterUpper(label[0]) ? label[0] : char.ToUpper(label[0], Vietnamese);
            return first == label[0] ? label : first + label[1..];
        }
    }
}
