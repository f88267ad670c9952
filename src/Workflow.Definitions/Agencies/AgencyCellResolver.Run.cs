namespace Workflow.Definitions.Agencies;

internal sealed partial class AgencyCellResolver
{
    /// <summary>One resolution: the mutable state of a single <see cref="Resolve"/> call.</summary>
    private sealed class Run(AgencyCellResolver resolver, string text, List<AgencyToken> tokens, NodaTime.LocalDate? on)
    {
        private string[]? _explicitHead;
        private int _explicitItems;
        private string _explicitPrefixText = string.Empty;
        private string[]? _implicitHead;
        private AgencyMatchTarget? _lastTarget;

        public List<AgencyMention> Mentions { get; } = [];

        public List<AgencyCellNote> Notes { get; } = [];

        public List<AgencyCellProblem> Problems { get; } = [];

        public void Execute()
        {
            var i = 0;
            while (i < tokens.Count)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case AgencyTokenKind.Separator or AgencyTokenKind.Colon or AgencyTokenKind.Close:
                        i++;
                        continue;
                    case AgencyTokenKind.Open:
                        i = SkipParenthetical(i);
                        continue;
                    default:
                        break;
                }

                if (TryEnterDistributive(i, out var next))
                {
                    i = next;
                    continue;
                }

                var item = ParseItem(i);
                if (item is null)
                {
                    var fillersEnd = SkipFillers(i);
                    if (fillersEnd > i)
                    {
                        i = fillersEnd; // "và" before an unknown name, or dangling before a separator or the end
                        continue;
                    }

                    i = ReportUnknown(i);
                    continue;
                }

                Record(item.Value);
                i = AfterName(item.Value.End);
            }

            if (on is { } day)
            {
                for (var k = 0; k < Mentions.Count; k++)
                {
                    Mentions[k] = OnDay(Mentions[k], day);
                }
            }

            if (_explicitHead is not null && _explicitItems == 0)
            {
                Problems.Add(new AgencyCellProblem(
                    _explicitPrefixText,
                    $"\"{_explicitPrefixText}\" mở đầu một danh sách nhưng không có tên nào theo sau; ghi các tên sau dấu hai chấm, ví dụ \"Các sở: Tư pháp, Tài chính\".",
                    []));
            }
        }

        /// <summary>The mention as it stood on <paramref name="day"/>: an agency created later is a problem; one that had ended gives its duties to its successors (noted).</summary>
        private AgencyMention OnDay(AgencyMention mention, NodaTime.LocalDate day)
        {
            if (mention.Agency is not { } agency)
            {
                return mention;
            }

            if (agency.Began is { } began && began > day)
            {
                Problems.Add(new AgencyCellProblem(
                    mention.Text,
                    $"\"{mention.Text}\" ({agency.Name}) chỉ có từ ngày {Day(began)}, sau ngày ban hành kế hoạch ({Day(day)}); kiểm tra ngày ban hành, hoặc ghi tên cơ quan lúc đó.",
                    []));
                return mention;
            }

            if (agency.Ended is not { } ended || ended >= day || resolver._succeed(agency, day) is not { } succession)
            {
                return mention;
            }

            var holders = succession.Leads.Select(id => succession.Handovers.SelectMany(h => h.To).First(a => a.Id == id)).ToList();
            var last = succession.Handovers[^1].Succession;
            Notes.Add(new AgencyCellNote(
                AgencyCellNoteKind.Succession,
                mention.Text,
                $"\"{mention.Text}\": {agency.Name} đã kết thúc ngày {Day(ended)}; nhiệm vụ giao cho {string.Join(", ", holders.Select(h => h.Name))} ({last.Source})."
                + (succession.NeedsChoice ? " Nhiệm vụ được chia cho nhiều cơ quan: điều phối viên chọn một cho từng mốc." : string.Empty)));
            return mention with { Holders = holders };
        }

        private static string Day(NodaTime.LocalDate day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        private bool TryEnterDistributive(int i, out int next)
        {
            next = i;
            var prefixEnd = resolver._distributive.Longest(tokens, i, null, skipSeparators: true, out var head);
            if (prefixEnd < 0 || head is null)
            {
                return false;
            }

            var enter = prefixEnd < tokens.Count && tokens[prefixEnd].Kind == AgencyTokenKind.Colon;
            if (!enter)
            {
                var plain = ParseItem(i, allowHead: false);
                var withHead = Candidates(prefixEnd, head, headOnly: true);
                enter = withHead is not null && withHead.Value.End > (plain?.End ?? -1);
            }

            if (!enter)
            {
                return false;
            }

            _explicitHead = head;
            _explicitItems = 0;
            _explicitPrefixText = Span(i, prefixEnd);
            next = prefixEnd;
            return true;
        }

        private void Record(Item item)
        {
            var itemText = Span(item.TextStart, item.End);
            var target = item.Target;
            Mentions.Add(new AgencyMention(target.Kind, itemText, target.AgencyOn(on), target.Group));
            _lastTarget = target;
            if (target.Kind == AgencyMentionKind.Vague)
            {
                Notes.Add(new AgencyCellNote(AgencyCellNoteKind.VagueMention, itemText, $"\"{itemText}\" là cách nói chung, không chỉ cơ quan cụ thể nào."));
            }

            if (_explicitHead is not null)
            {
                if (item.UsedHead)
                {
                    _explicitItems++;
                    return;
                }

                _explicitHead = null; // a plain name ends the list: "Các sở: Tư pháp, Tài chính, Văn phòng UBND thành phố"
            }
            else if (item.UsedHead)
            {
                return; // "Sở Tư pháp, Tài chính và Nội vụ": the borrowed head stays for the next item
            }

            _implicitHead = null;
            if (target.Kind == AgencyMentionKind.Agency)
            {
                var words = new List<string>();
                for (var k = item.TextStart; k < item.End; k++)
                {
                    if (tokens[k].Kind == AgencyTokenKind.Word)
                    {
                        words.Add(tokens[k].Text);
                    }
                }

                _implicitHead = resolver._heads.Find(h => words.Count > h.Length && words.Take(h.Length).SequenceEqual(h));
            }
        }

        /// <summary>Skips locality suffixes, parentheticals and qualifier clauses after a name.</summary>
        private int AfterName(int i)
        {
            while (i < tokens.Count)
            {
                var suffixEnd = resolver._suffixes.Longest(tokens, i, null, skipSeparators: false, out _);
                if (suffixEnd > i)
                {
                    i = suffixEnd;
                    continue;
                }

                if (tokens[i].Kind == AgencyTokenKind.Open)
                {
                    if (i + 2 < tokens.Count && tokens[i + 1] is { Kind: AgencyTokenKind.Word, Text: "cu" } && tokens[i + 2].Kind == AgencyTokenKind.Close
                        && Mentions.Count > 0 && Mentions[^1].Kind == AgencyMentionKind.Agency && _lastTarget is not null)
                    {
                        Mentions[^1] = Mentions[^1] with { Agency = _lastTarget.AgencyOn(on, former: true), Former = true };
                        i += 3;
                        continue;
                    }

                    i = SkipParenthetical(i);
                    continue;
                }

                var qualifierEnd = resolver._qualifiers.Longest(tokens, i, null, skipSeparators: false, out _);
                if (qualifierEnd > i)
                {
                    var end = QualifierEnd(qualifierEnd);
                    var clause = Span(i, end);
                    Notes.Add(new AgencyCellNote(AgencyCellNoteKind.Qualifier, clause, $"\"{clause}\" giới hạn tên đứng trước; không dùng để xác định cơ quan."));
                    i = end;
                    continue;
                }

                break;
            }

            return i;
        }

        /// <summary>A qualifier runs to the next separator or filler that is followed by a known name, or to the end.</summary>
        private int QualifierEnd(int j)
        {
            while (j < tokens.Count)
            {
                var token = tokens[j];
                if (token.Kind == AgencyTokenKind.Open)
                {
                    j = SkipParenthetical(j, note: false);
                    continue;
                }

                if (token.Kind != AgencyTokenKind.Word)
                {
                    var k = j;
                    while (k < tokens.Count && tokens[k].Kind is AgencyTokenKind.Separator or AgencyTokenKind.Colon or AgencyTokenKind.Close)
                    {
                        k++;
                    }

                    if (k < tokens.Count && StartsName(k))
                    {
                        return j;
                    }

                    j = Math.Max(k, j + 1);
                    continue;
                }

                if (SkipFillers(j) > j && StartsName(j))
                {
                    return j;
                }

                j++;
            }

            return j;
        }

        private bool StartsName(int k, bool allowImplicitHead = true) =>
            ParseItem(k, allowImplicitHead: allowImplicitHead) is not null
            || resolver._distributive.Longest(tokens, k, null, skipSeparators: true, out _) > k;

        private int ReportUnknown(int i)
        {
            var j = i + 1;
            while (j < tokens.Count)
            {
                var token = tokens[j];
                if (token.Kind is AgencyTokenKind.Colon or AgencyTokenKind.Open or AgencyTokenKind.Close)
                {
                    break;
                }

                if (token.Kind == AgencyTokenKind.Separator && HardSeparators.Contains(token.Text, StringComparer.Ordinal))
                {
                    break;
                }

                if (token.Kind == AgencyTokenKind.Word && StartsName(j, allowImplicitHead: false))
                {
                    break;
                }

                j++;
            }

            var end = j;
            while (end > i && tokens[end - 1].Kind != AgencyTokenKind.Word)
            {
                end--;
            }

            var unknown = Span(i, end);
            var head = _explicitHead ?? _implicitHead;
            var suggestions = Problems.Count < MaxSuggestedProblems ? resolver.Suggest(unknown, head) : [];
            var message = suggestions.Count > 0
                ? $"\"{unknown}\" không có trong danh bạ cơ quan (workflows/agencies.yaml); có phải là {string.Join(", ", suggestions.Select(s => $"\"{s}\""))}?"
                : $"\"{unknown}\" không có trong danh bạ cơ quan (workflows/agencies.yaml); sửa chính tả, hoặc thêm cơ quan hay tên gọi khác này vào danh bạ.";
            Problems.Add(new AgencyCellProblem(unknown, message, suggestions));
            return j;
        }

        private int SkipParenthetical(int open, bool note = true)
        {
            var depth = 0;
            for (var k = open; k < tokens.Count; k++)
            {
                if (tokens[k].Kind == AgencyTokenKind.Open)
                {
                    depth++;
                }
                else if (tokens[k].Kind == AgencyTokenKind.Close && --depth == 0)
                {
                    if (note)
                    {
                        var skipped = Span(open, k + 1);
                        Notes.Add(new AgencyCellNote(AgencyCellNoteKind.IgnoredParenthetical, skipped, $"\"{skipped}\" là ghi chú trong ngoặc, đã bỏ qua."));
                    }

                    return k + 1;
                }
            }

            var rest = Span(open, tokens.Count);
            Problems.Add(new AgencyCellProblem(rest, $"\"{rest}\" mở ngoặc nhưng không đóng, nên phần còn lại của ô bị bỏ qua; thêm dấu \")\".", []));
            return tokens.Count;
        }

        private int SkipFillers(int i)
        {
            while (i < tokens.Count)
            {
                var end = resolver._fillers.Longest(tokens, i, null, skipSeparators: false, out _);
                if (end <= i)
                {
                    break;
                }

                i = end;
            }

            return i;
        }

        /// <summary>The best reading of an item at <paramref name="i"/>: plain, after fillers, or with a distributive head.</summary>
        private Item? ParseItem(int i, bool allowHead = true, bool allowImplicitHead = true)
        {
            if (_explicitHead is not null && allowHead)
            {
                var withHead = Candidates(i, _explicitHead, headOnly: true);
                var plainInList = Candidates(i, null, headOnly: false);
                if (withHead is not null && (plainInList is null || withHead.Value.End >= plainInList.Value.End))
                {
                    return withHead;
                }

                return plainInList;
            }

            var plain = Candidates(i, null, headOnly: false);
            if (plain is null && allowHead && allowImplicitHead && _implicitHead is not null)
            {
                return Candidates(i, _implicitHead, headOnly: true);
            }

            return plain;
        }

        private Item? Candidates(int i, string[]? head, bool headOnly)
        {
            Item? best = null;
            var afterFillers = SkipFillers(i);
            int[] starts = afterFillers > i ? [i, afterFillers] : [i];
            foreach (var start in starts)
            {
                if (start >= tokens.Count)
                {
                    continue;
                }

                if (!headOnly)
                {
                    Consider(ref best, start, null);
                }

                if (head is not null)
                {
                    Consider(ref best, start, head);
                }
            }

            return best;
        }

        private void Consider(ref Item? best, int start, string[]? head)
        {
            var end = resolver._items.Longest(tokens, start, head, skipSeparators: true, out var target);
            if (end > start && target is not null && (best is null || end > best.Value.End))
            {
                best = new Item(start, end, target, head is not null);
            }
        }

        private string Span(int from, int to)
        {
            if (to <= from || from >= tokens.Count)
            {
                return string.Empty;
            }

            var start = tokens[from].Start;
            var end = tokens[Math.Min(to, tokens.Count) - 1].End;
            return text[start..end].Trim();
        }
    }
}
