using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Dates a phrase gives beside its deadline: an alternative after "hoặc" ("12/2026 hoặc 1/2027 (tuỳ
/// thời điểm …)" is due at the earlier, listed for a coordinator to confirm) and dates in brackets after
/// a dated item ("Ngày 09/02/2026 (ngày 10/02/2026 tổ chức trao cho số vắng mặt …)", "từ ngày 03/3/2026
/// đến ngày 06/3/2026 (nhằm ngày 15 tháng Giêng …)", "Quý II/2026 (… giai đoạn 2026 - 2031 …)"), which say
/// more about it and become the note.
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>Words before a year that make it a time ("trong năm 2025", "đến năm 2030", "hoàn thành năm 2025").</summary>
    private static readonly string[] TimeWords =
    [
        "trong", "tu", "den", "toi", "het", "cuoi", "dau", "giua", "vao", "sau", "truoc", "qua", "nhat", "thanh", "xong", "hien",
        "khai", "la", "cua", "nam", "cac", "nhung", "moi", "hang", "nay", "ngay", "thang", "quy", "ky", "doan", "dien", "dung",
    ];

    private sealed partial class Reading
    {
        /// <summary>"Các cơ quan, đơn vị, địa phương còn số lượng cấp phó vượt quá quy định sau ngày 31/12/2017 khẩn trương sắp
        /// xếp, …, hoàn thành trước ngày 30/6/2018": a day after "sau ngày", before a later day said as a deadline in its
        /// sentence, says which cases the task is for (those still so after it), not a deadline; it goes to the note. Runs
        /// after the scan.</summary>
        private void SetScopeAfterDaysApart()
        {
            if (items.Count < 2 || !Mentions("sau"))
            {
                return;
            }

            for (var i = items.Count - 2; i >= 0; i--)
            {
                var day = items[i];
                if (day.Kind != ItemKind.Date || !Is(day.FirstToken - 2, "sau", "ngay") || day.FirstToken < 3)
                {
                    continue;
                }

                for (var j = i + 1; j < items.Count; j++)
                {
                    var later = items[j];
                    if (later.Kind == ItemKind.Date && later.Date > day.Date && SaidAsDeadline(later.FirstToken) && !HasSentenceBreak(day.LastToken, later.FirstToken))
                    {
                        SetApart(i, $"\"{Original(day.FirstToken - 2, day.LastToken)}\" nói những trường hợp nào, không phải hạn");
                        break;
                    }
                }
            }
        }

        /// <summary>"Lễ kỷ niệm 50 năm ngày giải phóng huyện Tư Nghĩa (24/03/1975 - 24/03/2025) sẽ chính thức diễn ra vào lúc 18 giờ
        /// ngày 23/3/2025": a day of a year past (before the years a plan is tracked in), a dash, and the same day and month of a
        /// later year name the anniversary, no span nor deadline; the later day goes to the note. Runs after the scan.</summary>
        private void SetAnniversariesApart()
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                var y = item.FirstToken - 2;
                if (item.Kind != ItemKind.Date || !Is(item.FirstToken - 1, '-') || !Is(y, TokenType.Number) || tokens[y].Length != 4
                    || tokens[y].Value >= DeadlineContext.MinYear || !Is(y - 1, '/') || !Is(y - 3, '/') || !Is(y - 2, TokenType.Number)
                    || !Is(y - 4, TokenType.Number) || tokens[y - 2].Value != item.Date.Month || tokens[y - 4].Value != item.Date.Day)
                {
                    continue;
                }

                notes.Add($"\"{Original(y - 4, item.LastToken)}\" là dịp kỷ niệm, không phải hạn");
                items.RemoveAt(i);
            }
        }

        /// <summary>"Thông báo lùi thời gian công bố giá theo thông báo số 25/TBĐG-CTMT … (công bố giá ngày 30/5/2021) đến ngày
        /// 19/06/2021": in a cell that puts something off ("lùi", "hoãn", "dời"), a day in brackets before "đến (ngày)" and the
        /// new day is the old one, the note's; the new day is due. Runs after the scan.</summary>
        private void SetPostponedDatesApart()
        {
            if (items.Count < 2 || !(Mentions("lui") || Mentions("hoan") || Mentions("doi")))
            {
                return;
            }

            for (var i = items.Count - 2; i >= 0; i--)
            {
                var open = OpenBracketBefore(items[i].FirstToken);
                var close = open >= 0 ? ClosingBracket(open) : -1;
                var to = close + 1;
                if (items[i].Kind != ItemKind.Date || open < 0 || items[i].LastToken >= close || !(Is(to, "den") || Is(to, "toi"))
                    || items[i + 1].FirstToken > to + 2 || !PutsOff(open))
                {
                    continue;
                }

                notes.Add(Original(open + 1, close - 1));
                items.RemoveAt(i);
            }
        }

        /// <summary>Whether "lùi", "hoãn" or "dời" (written with their accents) comes before <paramref name="k"/> in its
        /// sentence.</summary>
        private bool PutsOff(int k)
        {
            for (var t = k - 1; t >= 0 && !IsSentenceBreak(t); t--)
            {
                if ((Is(t, "lui") && WrittenAs(t, "lùi")) || (Is(t, "hoan") && WrittenAs(t, "hoãn")) || (Is(t, "doi") && WrittenAs(t, "dời")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Runs after the scan, before spans are joined.</summary>
        private void SetAsidesApart()
        {
            if (items.Count < 2)
            {
                return;
            }

            for (var i = 0; i + 1 < items.Count; i++)
            {
                var (a, b) = (items[i], items[i + 1]);
                if (a.Kind == ItemKind.Date && b.Kind == ItemKind.Date && OnlyOr(a.LastToken + 1, b.FirstToken))
                {
                    var earlier = a.Date <= b.Date ? a : b;
                    ambiguities.Add($"\"{Original(a.FirstToken, b.LastToken)}\" đọc là hạn sớm hơn {earlier.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
                    items[i] = earlier with { LastToken = b.LastToken };
                    items.RemoveAt(i + 1);
                }
            }

            for (var open = 0; open < tokens.Length; open++)
            {
                if (!tokens[open].IsPunct('(') || !DatedBeforeInSamePhase(open) || PeriodRightBefore(open))
                {
                    continue;
                }

                var close = ClosingBracket(open);
                if (HalfYearsDayInBracket(open, close) is var half && half >= 0)
                {
                    open = close;
                    continue;
                }

                if (BoundOpens(open + 1) && LatestBound(open, close) is var bounded && bounded >= 0)
                {
                    // "… tổ chức Đại hội … sáng năm 2025 (chậm nhất tháng 10/2025) để có thời gian …": a date said with "chậm nhất"
                    // in brackets right after a year or date bounds it; the bracket's date is the deadline, the looser one the note.
                    // So does one said with "(hoàn thành) trước" inside the period before it: "Năm 2026 (hoàn thành trước 30/11/2026)".
                    SetApart(bounded, $"\"{Original(items[bounded].FirstToken, items[bounded].LastToken)}\" đọc theo hạn chậm nhất trong ngoặc");
                    open = close;
                    continue;
                }

                for (var i = items.Count - 1; i >= 0; i--)
                {
                    // Dates, written years and spans of years alike: "Quý II/2026 (theo yêu cầu … về định hướng biên
                    // chế giai đoạn 2026 - 2031 …)" is due at the quarter's end; the years in brackets say what about.
                    var item = items[i];
                    // ("(riêng quý IV là vào ngày 10 tháng 02 năm sau)": one report's own date, said in brackets, is no aside.)
                    // ("(theo Nghị định số 62/2024/NĐ-CP là ngày 06 của tháng kế tiếp …)": what an older document set, its day
                    // of every month too, is an aside.)
                    var dated = item.Kind is ItemKind.Date or ItemKind.Span && item.ReportOf is null || (item.Kind == ItemKind.Year && !item.YearImplicit)
                        || (item.Kind == ItemKind.DayOfMonth && CitesDocumentAt(open + 1));
                    if (dated && item.FirstToken > open && item.LastToken < close)
                    {
                        SetApart(i, null);
                    }
                }

                open = close;
            }
        }

        /// <summary>"cập nhật đến hết ngày 31 tháng 12 hàng năm và nộp … trước ngày 01 tháng 02 của năm tiếp theo": a day
        /// reached with "đến (hết) ngày", with no "từ" before it in its sentence, beside a deadline said with "trước" or
        /// "chậm nhất" is the data's cut-off, not a deadline; it becomes the note. So is a day "as of" which the data is
        /// taken, said with "(tại) thời điểm (ngày)" or "tại ngày": "báo cáo thực trạng biên chế hiện có (thời điểm 31/7/2025), … chậm
        /// nhất là ngày 30/9/2025" ("trước thời điểm …", "chậm nhất tại thời điểm …" are deadlines). Runs after the
        /// scan.</summary>
        private void SetCutOffsApart()
        {
            if (items.Count >= 2 && Mentions("tinh"))
            {
                SetCountsToAYearsDayApart();
            }

            var deadline = false;
            for (var i = 0; i < items.Count && !deadline && items.Count >= 2; i++)
            {
                deadline = items[i].Kind == ItemKind.Date && SaidAsDeadline(items[i].FirstToken) && !AlreadyHappenedBy(items[i].FirstToken);
            }

            if (!deadline)
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                var asOf = AsOfDay(item.FirstToken);
                if (item.Kind == ItemKind.Date && asOf >= 0)
                {
                    SetApart(i, $"\"{Original(asOf, item.LastToken)}\" là thời điểm lấy số liệu, không phải hạn");
                    continue;
                }

                var reach = Is(item.FirstToken - 1, "ngay") ? item.FirstToken - 2 : -1;
                reach -= Is(reach, "het") ? 1 : 0;
                // ("… kê khai doanh thu thực tế phát sinh từ khi bắt đầu kinh doanh đến hết ngày 30 tháng 6 và nộp tờ khai …
                // chậm nhất là ngày 30 tháng 7": from an event to the day, what the data covers, is a cut-off too.)
                if (item.Kind != ItemKind.Date || !Is(reach, "den") || (EarlierInSentence(reach, "tu") && !FromWhenBefore(reach)) || Is(reach - 2, "cham", "nhat"))
                {
                    continue; // "chậm nhất đến ngày 15 tháng 4 năm 2026" is the deadline itself
                }

                SetApart(i, $"\"{Original(reach, item.LastToken)}\" là ngày chốt số liệu, không phải hạn");
            }
        }

        /// <summary>"Phong trào thi đua trong năm 2026 và tính đến hết ngày 31/12/2026.": a day reached with "tính đến (hết)
        /// ngày" (counted up to), in the year of work the cell gives ("trong năm 2026"), is how far that work is counted, its
        /// cut-off; the year stays the cell's time, the day becomes the note.</summary>
        private void SetCountsToAYearsDayApart()
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                var reach = Is(item.FirstToken - 1, "ngay") ? item.FirstToken - 2 : -1;
                reach -= Is(reach, "het") ? 1 : 0;
                if (item.Kind == ItemKind.Date && !item.YearImplicit && item.Name is null && Is(reach - 1, "tinh", "den") && WorkOverYear(item.Date.Year))
                {
                    SetApart(i, $"\"{Original(reach - 1, item.LastToken)}\" là ngày chốt, không phải hạn");
                }
            }
        }

        /// <summary>Whether an item is the whole year <paramref name="year"/>, written with it ("trong năm 2026").</summary>
        private bool WorkOverYear(int year)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Year && !item.YearImplicit && item.Year == year)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the nearest "từ" before <paramref name="k"/> in its sentence opens "phát sinh từ khi" (arisen
        /// since), a few words before, with no item between.</summary>
        private bool FromWhenBefore(int k)
        {
            for (var j = k - 1; j >= 0 && j >= k - 12 && !IsSentenceBreak(j) && !Is(j, ';'); j--)
            {
                if (Is(j, "tu"))
                {
                    return Is(j + 1, "khi") && Is(j - 2, "phat", "sinh") && !ItemBetween(j, k);
                }
            }

            return false;
        }

        /// <summary>Whether an item (with <paramref name="datesOnly"/>, a date) starts between tokens <paramref name="from"/> and
        /// <paramref name="to"/>.</summary>
        private bool ItemBetween(int from, int to, bool datesOnly = false)
        {
            foreach (var item in items)
            {
                if (item.FirstToken > from && item.FirstToken < to && (!datesOnly || item.Kind == ItemKind.Date))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The "thời điểm" of "(tại) thời điểm (ngày) 31/7/2025" right before the day at <paramref name="first"/>, when
        /// no "trước" or "chậm nhất" says it as a deadline, nor "vào" as the time something is done ("tổ chức Đại hội vào
        /// thời điểm 15/3/2026"); otherwise -1. "tại ngày" alone, "Báo cáo tỷ lệ an toàn tài chính tại ngày 31 tháng 12", is
        /// the day the figures stand at too.</summary>
        private int AsOfDay(int first)
        {
            if (Is(first - 2, "tai", "ngay"))
            {
                return Is(first - 3, "truoc") || Is(first - 3, "vao") || Is(first - 4, "cham", "nhat") ? -1 : first - 2;
            }

            var at = Is(first - 1, "ngay") ? first - 3 : first - 2;
            if (!Is(at, "thoi", "diem"))
            {
                return -1;
            }

            var before = Is(at - 1, "tai") ? at - 2 : at - 1;
            return Is(before, "truoc") || Is(before, "vao") || Is(before - 1, "cham", "nhat") || Is(before - 2, "cham", "nhat") ? -1 : at;
        }

        /// <summary>The day that a deadline marker at <paramref name="t"/> introduces: its first token, or -1. The one place
        /// that says what a deadline marker is:
        /// <list type="bullet">
        /// <item>"trước", or "chậm nhất" perhaps with "là", "vào" or "đến";</item>
        /// <item>then "ngày" and the day's number, at most two digits: "trước ngày 15/9/2025", "chậm nhất ngày 30",
        /// "chậm nhất là ngày 30 tháng 9", "chậm nhất vào ngày 15 của tháng đầu", "chậm nhất đến ngày 01 tháng 7 năm 2027";</item>
        /// <item>or, without "ngày", a date written with "/": "trước 15/9/2025", "chậm nhất là 30/9";</item>
        /// <item>or, when <paramref name="bare"/>, whatever comes right after the marker (and its "ngày"): "trước 30 tháng
        /// 01", "trước Tết". Only a caller that knows a day starts there allows it (<see cref="SaidAsDeadline"/>, from an
        /// item read there): looking ahead, "trước khi", "trước 10 giờ", "chậm nhất 30 ngày kể từ …" are no days.</item>
        /// </list>
        /// Not a marker: "sớm nhất", "muộn nhất"; "trước là", "trước đến" ("kỳ họp trước đến Ủy ban …").</summary>
        private int DeadlineDayAt(int t, bool bare = false)
        {
            int day;
            if (Is(t, "truoc"))
            {
                day = t + 1;
            }
            else if (Is(t, "cham", "nhat"))
            {
                // ("… gửi về Bộ chậm nhất trong ngày 18/8/2021": "trong", within that day.)
                day = Is(t + 2, "la") || Is(t + 2, "vao") || Is(t + 2, "den") || Is(t + 2, "trong") ? t + 3 : t + 2;
            }
            else
            {
                return -1;
            }

            if (Is(day, TokenType.Number) && Digits(day) <= 2 && (Is(day + 1, "h") || Is(day + 1, "gio")) && Is(day + 2, "ngay"))
            {
                day += 2; // "trước 17h ngày 22/8": the hour the day closes at, then the day
            }

            if (Is(day, "ngay"))
            {
                day++;
                return (Is(day, TokenType.Number) && tokens[day].Length <= 2) || (bare && day < tokens.Length) ? day : -1;
            }

            return (Is(day, TokenType.Number) && tokens[day].Length <= 2 && Is(day + 1, '/')) || (bare && day < tokens.Length) ? day : -1;
        }

        /// <summary>Whether the day at <paramref name="first"/> (an item's first token) is said as a deadline: a marker
        /// (<see cref="DeadlineDayAt"/>) right before it, at most four tokens back ("chậm nhất là ngày 30").</summary>
        private bool SaidAsDeadline(int first)
        {
            for (var t = first - 1; t >= 0 && t >= first - 4; t--)
            {
                if (DeadlineDayAt(t, bare: true) == first)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the date at <paramref name="first"/> opens brackets with "hoàn thành trong" or "hoàn thành trước"
        /// ("thành lập Hội đồng … (hoàn thành trong tháng 4/2026)"): a deadline, as one said with "trước" is. So is a report
        /// in brackets, to whom at most four words ("… giao chỉ tiêu thu nợ năm 2025 cho các Cục Thuế (Báo cáo Tổng cục trong
        /// tháng 12/2024)").</summary>
        private bool CompletedInBrackets(int first)
        {
            if (!(Is(first - 1, "trong") || Is(first - 1, "truoc")))
            {
                return false;
            }

            if (Is(first - 3, "hoan", "thanh") && Is(first - 4, '('))
            {
                return true;
            }

            for (var t = first - 3; t >= first - 7 && Is(t + 1, TokenType.Word); t--)
            {
                if (Is(t, "bao", "cao") && Is(t - 1, '('))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the date at <paramref name="first"/> is in brackets right after a session's number, "tại Kỳ họp thứ 2
        /// (tháng 10/2026)": when the session sits, the day the task is due.</summary>
        private bool SessionsMonth(int first) =>
            Is(first - 1, '(') && Is(first - 2, TokenType.Number) && Is(first - 3, "thu") && IsSession(first - 5);

        /// <summary>Whether a date item starts after token <paramref name="k"/>. (A loop, not a lambda: a closure over a local
        /// would be allocated at every reading, whether it returns early or not.)</summary>
        private bool DateAfter(int k)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Date && item.FirstToken > k)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Đối với lượng xăng … còn tồn trước ngày 01/6/2026, … phải hoàn thành trước ngày 31/7/2026", "Trường hợp
        /// viên chức được tuyển dụng từ ngày 01 tháng 7 năm 2026 trở đi … thì chậm nhất đến ngày 01 tháng 7 năm 2027 phải …":
        /// a day in the clause that opens the cell with "Đối với" (up to its comma) or "Trường hợp" (up to its "thì" or
        /// comma), after words naming the things the rule is for, says which cases it covers; beside a later day after the
        /// clause it becomes the note. Cells listing several cases ("Đối với xã …, đối với huyện …") are left as read: each
        /// case's day is its own deadline. Runs after the scan.</summary>
        private void SetOpeningCasesApart()
        {
            var start = AfterListMarker();
            var cases = Is(start, "doi", "voi") ? 1 : Is(start, "truong", "hop") ? 2 : Is(start, "neu") ? 3 : 0;
            if (cases == 0 || items.Count < 2)
            {
                return;
            }

            // "b) Nếu mua sắm trước ngày 01 tháng 01 năm 2023 phải hoàn thành việc kiểm định trước ngày 01 tháng 6 năm 2023":
            // a clause opened by "Nếu" (if) names the case as "Trường hợp" does, up to its "thì", comma or the "phải" of the duty.
            var opener = cases == 3 ? 1 : 2;
            var end = start + opener;
            while (end < tokens.Length && !Is(end, ',') && !(cases >= 2 && Is(end, "thi")) && !(cases == 3 && Is(end, "phai")))
            {
                end++;
            }

            for (var t = end; t + 1 < tokens.Length; t++)
            {
                if (Is(t, "doi", "voi") || Is(t, "truong", "hop") || (cases == 3 && Is(t, "neu")))
                {
                    return; // several cases listed, each with its day
                }
            }

            if (!DateAfter(end))
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                if ((item.Kind != ItemKind.Date && item.Kind != ItemKind.Span) || item.FirstToken < start + opener + 2 || item.LastToken >= end)
                {
                    continue;
                }

                var first = Is(item.FirstToken - 1, "ngay") ? item.FirstToken - 1 : item.FirstToken;
                first -= Is(first - 1, "truoc") || Is(first - 1, "tu") || Is(first - 1, "sau") ? 1 : 0;
                var last = item.LastToken + (Is(item.LastToken + 1, "tro", "di") ? 2 : 0);
                SetApart(i, $"\"{Original(first, last)}\" là trường hợp áp dụng, không phải hạn");
            }
        }

        /// <summary>"Ngoài các công sở treo Quốc kỳ thường xuyên theo quy định, các cơ quan … treo Quốc kỳ từ chiều ngày 20/4/2021
        /// đến hết ngày 21/4/2021": "thường xuyên" in the clause that opens the cell with "Ngoài" (besides), up to its comma,
        /// is what others always do, not the cell's ongoing work, when a day follows the clause: the note. ("Ngoài ra, …" opens
        /// no such clause; its dates are left as read.) Runs after the scan.</summary>
        private void SetBesidesClauseApart()
        {
            var start = AfterListMarker();
            if (!Mentions("ngoai") || !Mentions("xuyen") || !Is(start, "ngoai") || Is(start + 1, "ra") || items.Count < 2)
            {
                return;
            }

            var end = start + 1;
            while (end < tokens.Length && !Is(end, ',') && !IsSentenceBreak(end))
            {
                end++;
            }

            if (!DateAfter(end))
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                if (item.Kind == ItemKind.Year && item.YearImplicit && item.LastToken < end && Is(item.FirstToken, "thuong", "xuyen"))
                {
                    SetApart(i, $"\"{Original(start, end - 1)}\" là trường hợp khác, không phải thời hạn");
                }
            }
        }

        /// <summary>"Nhà xưởng … đã được đưa vào hoạt động trước ngày 15 tháng 4 năm 2025, chậm nhất đến ngày 15 tháng 4 năm
        /// 2026 phải đáp ứng …": a day before which something has already ("đã") happened says which cases the duty is for,
        /// not when it is due; beside another deadline it becomes the note. Runs after the scan.</summary>
        private void SetConditionsApart()
        {
            // ("Đối với thuốc lá bao đã sản xuất trước ngày 31/3/2000 … sẽ được tiếp tục bán cho đến hết ngày 30/6/2000": such a
            // day is no deadline beside which <see cref="SetCutOffsApart"/> would take the later day for a cut-off.)
            for (var i = items.Count - 1; i >= 0 && items.Count >= 2; i--)
            {
                var item = items[i];
                var before = Is(item.FirstToken - 1, "ngay") ? item.FirstToken - 2 : item.FirstToken - 1;
                // ("Báo cáo … số lượng các loại văn bằng đã được công nhận trước ngày 25 tháng 12 hằng năm": beside a period
                // alone, with no other day, the day is the report's own.)
                if (item.Kind != ItemKind.Date || !Is(before, "truoc") || !HappenedEarlierInClause(before) || !OtherDatedItem(i))
                {
                    continue;
                }

                SetApart(i, $"\"{Original(before, item.LastToken)}\" là điều kiện áp dụng, không phải hạn");
            }
        }

        /// <summary>Whether an item other than the one at <paramref name="index"/> says a time of its own (is not a bare
        /// period word).</summary>
        private bool OtherDatedItem(int index)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (i != index && items[i].Kind != ItemKind.Period)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Phê duyệt danh sách người có nghĩa vụ kê khai tài sản, thu nhập năm 2025 …; thời gian hoàn thành trước ngày
        /// 20/12/2025", "báo cáo công tác kiểm soát tài sản, thu nhập năm 2025 … trước ngày 31/3/2026": a year written right
        /// after the thing it qualifies (a word that says no time: not "trong", "đến", "hoàn thành" …), in a cell whose
        /// deadline is a day said with "trước" or "chậm nhất", is the year the task is about, not a second deadline at its
        /// end; it becomes the note. So is a year written bare ("báo cáo tình hình cho thuê lại lao động 2025 là trước ngày
        /// 20/12/2025") and the years of a period after "giai đoạn", dash or none between them ("đề xuất biên chế giai
        /// đoạn 2026 - 2031, … chậm nhất là ngày 30/9/2025"); such a period, which names a programme's years, is the note
        /// beside any date or year written with its year ("… nhà ở xã hội … giai đoạn 2021 - 2030. … hoàn thành chỉ tiêu …
        /// trong năm 2025" is due at the end of 2025; "Quý III năm 2020, tổ chức tổng kết … tiền lương giai đoạn 2016 - 2020";
        /// in brackets after a date, <see cref="SetAsidesApart"/> takes it). So is a half-year written with its year right
        /// after such a word ("báo cáo tai nạn lao động 6 tháng đầu năm 2025 phải nộp trước ngày 05/7/2025"): the period
        /// the report is about. So is a month or quarter written with its year right after "kỳ tính thuế", the tax period
        /// ("Thời hạn nộp thuế giá trị gia tăng của kỳ tính thuế tháng 02/2025 chậm nhất là ngày 20/9/2025"): it names what
        /// is paid; the day is the deadline.
        /// Runs after the scan, before spans are joined.</summary>
        private void SetSubjectYearsApart()
        {
            var (deadline, dated, implicitDeadline, day) = (false, false, false, false);
            for (var i = 0; i < items.Count && !deadline && items.Count >= 2; i++)
            {
                var item = items[i];
                deadline = item.Kind == ItemKind.Date && !item.YearImplicit && ((item.Name is null && SaidAsDeadline(item.FirstToken)) || SessionsMonth(item.FirstToken) || CompletedInBrackets(item.FirstToken));

                // A day said as a deadline without its year ("… 6 tháng cuối năm 2025 trước ngày 5-12", "… trúng tuyển đại học
                // năm 2025 trước 17h ngày 22/8") is in the tracked year: a subject year that is the tracked one is its note.
                implicitDeadline |= item.Kind == ItemKind.Date && item.Name is null && item.YearImplicit && SaidAsDeadline(item.FirstToken);
                dated |= item.Kind == ItemKind.Date && !item.YearImplicit;
                day |= item.Kind == ItemKind.Date && item.Name is null;

                // A range of quarters read as one span when scanned ("Từ Quý I/2026 đến Quý IV/2026: … theo kế hoạch sử dụng
                // đất giai đoạn 2021 - 2025") is written with its years, as the range of months that is joined later.
                dated |= item.Kind == ItemKind.Span && !item.YearImplicit;

                // A year written with "năm" ("hoàn thành … trong năm 2025") is a deadline written with its year, as a date is;
                // the bare years of a period after "giai đoạn" are not.
                dated |= item.Kind == ItemKind.Year && !item.YearImplicit && item.LastToken == item.FirstToken + 1 && Is(item.FirstToken, "nam");
            }

            if (!deadline && !dated && !implicitDeadline && !day)
            {
                return;
            }

            var sameYearDeadline = deadline;
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                deadline = sameYearDeadline || (implicitDeadline && item.Year == context.TrackedYear) || ReviewedOnALaterDay(i) || AssessedBeforeALaterDate(i);
                if (item.Kind == ItemKind.Date && deadline && !item.YearImplicit && item.Name is "6 tháng đầu năm" or "6 tháng cuối năm"
                    && Is(item.FirstToken - 1, TokenType.Word) && !SaysTime(item.FirstToken - 1))
                {
                    // The half a report is about ("báo cáo tai nạn lao động 6 tháng đầu năm 2025 phải nộp trước ngày 05/7/2025").
                    SetApart(i, $"\"{Original(item.FirstToken, item.LastToken)}\" là kỳ của nội dung, không phải hạn");
                    continue;
                }

                if (item.Kind == ItemKind.Date && item.YearImplicit && item.Name is "6 tháng đầu năm" or "6 tháng cuối năm" && items.Count >= 2
                    && Is(item.FirstToken - 1, "trong") && StartedBefore(item.FirstToken - 1))
                {
                    // "Hộ kinh doanh … bắt đầu hoạt động sản xuất, kinh doanh trong 6 tháng cuối năm thực hiện kê khai doanh thu
                    // … chậm nhất là ngày 31 tháng 01 năm sau": the half a business started in is the case the rule is for.
                    SetApart(i, $"\"{Original(item.FirstToken - 1, item.LastToken)}\" là trường hợp áp dụng, không phải hạn");
                    continue;
                }

                if (item.Kind == ItemKind.Date && (deadline && !item.YearImplicit || (day && item.YearImplicit)) && item.Name is not null && TaxPeriodBefore(item.FirstToken) is var head && head >= 0)
                {
                    // The tax period a payment is for ("… của kỳ tính thuế quý 1 năm 2025 chậm nhất là ngày 31/10/2025"), or the
                    // periods listed there, one note for them all ("Kỳ tính thuế tháng 6, tháng 7, tháng 8 và tháng 9 năm 2026
                    // chậm nhất là ngày 21 tháng 12 năm 2026", "hồ sơ khai thuế tháng 1, tháng 2, tháng 3 năm 2026 …"); without its
                    // year beside a written day too ("Nộp tờ khai trước ngày 20 tháng 7 năm 2026 đối với kỳ tính thuế 6 tháng đầu năm").
                    SetApart(i, i > 0 && items[i - 1].FirstToken == item.FirstToken ? null : $"\"{Original(head, item.LastToken)}\" là kỳ tính thuế, không phải hạn");
                    continue;
                }

                if (item.Kind != ItemKind.Year || item.YearImplicit)
                {
                    continue;
                }

                var bare = item.LastToken == item.FirstToken && IsYearNumber(item.FirstToken);
                if (!bare && !(item.LastToken == item.FirstToken + 1 && Is(item.FirstToken, "nam")))
                {
                    continue;
                }

                if (!bare && Is(item.FirstToken - 1, "cua") && Is(item.FirstToken - 2, TokenType.Word) && !SaysTime(item.FirstToken - 2)
                    && LaterDeadlineInSentence(i))
                {
                    // "Hoàn thành kế hoạch thanh tra … còn tồn, dở dang của năm 2022 trước ngày 29/4/2023": a year said with "của"
                    // (of) after what it qualifies, before a later day said as a deadline in its sentence, is what the work is of.
                    SetApart(i, $"\"{Original(item.FirstToken - 1, item.LastToken)}\" là năm của nội dung, không phải hạn");
                    continue;
                }

                if (!bare && YearOpeningItsDeadline(i))
                {
                    var said = Is(item.FirstToken - 1, "trong") ? item.FirstToken - 1 : item.FirstToken;
                    SetApart(i, $"\"{Original(said, item.LastToken)}\" là năm áp dụng, hạn là ngày đã ghi");
                    continue;
                }

                // The word before "giai đoạn" may carry a footnote's number glued to it ("Viễn thông Quân đội37 giai đoạn 2016 - 2020").
                var end = bare && i + 1 < items.Count ? items[i + 1] : default;
                var qualifier = Is(item.FirstToken - 3, TokenType.Number) && Is(item.FirstToken - 4, TokenType.Word)
                    && Touches(item.FirstToken - 4, item.FirstToken - 3) ? item.FirstToken - 4 : item.FirstToken - 3;
                // ("quy hoạch tỉnh Phú Thọ thời kỳ 2021-2030": a plan's period after "thời kỳ" names it, as "giai đoạn" does.)
                if (bare && (Is(item.FirstToken - 2, "giai", "doan") || Is(item.FirstToken - 2, "thoi", "ky")) && OpenBracketBefore(item.FirstToken) < 0 && end.Kind == ItemKind.Year && end.FirstToken == end.LastToken && IsYearNumber(end.FirstToken)
                    && (end.FirstToken == item.LastToken + 1 || (end.FirstToken == item.LastToken + 2 && Is(item.LastToken + 1, '-')))
                    && Is(qualifier, TokenType.Word) && !SaysTime(qualifier))
                {
                    SetApart(i + 1, null);
                    SetApart(i, $"\"{Original(item.FirstToken - 2, end.LastToken)}\" là giai đoạn của nội dung, không phải hạn");
                    continue;
                }

                // (A bare year that opens a span, "lộ trình 2026 - 2030", is left to the span and to the named terms; one right
                // after a quarter, "Quý IV 2025", is that quarter's year written without "/".)
                // "Tổng điều tra nông thôn, nông nghiệp năm 2025 … từ ngày 01/7 đến 30/7/2025", "Lễ giao nhận quân năm 2026 diễn
                // ra trong 3 ngày (4, 5 và 6/3)": beside a day of the same year, said as a deadline or not, a year written with
                // "năm" right after what it qualifies names the event or the campaign, no deadline at its end.
                // ("… hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2022 …": "Nam" there is a place.)
                // "Điều tra Doanh nghiệp 2025 dự kiến sẽ kết thúc vào ngày 30/6/2025", "Tổng điều tra nông thôn, nông nghiệp năm
                // 2025 … công bố kết quả chính thức vào tháng 3/2026", "điều tra dân số và nhà ở giữa kỳ 2024": beside any other
                // date, the year of a survey or an inventory, bare too, names it.
                deadline |= !bare && SameYearDay(item.Year);
                // ("Đại hội … lần thứ 2 năm 2020 sẽ diễn ra … từ ngày 2/12 đến hết ngày 4/12": after an occasion's number, too.)
                var before = item.FirstToken - 1;
                var survey = items.Count >= 2 && SurveyBefore(before);
                deadline |= survey;
                var occasion = !bare && Is(before, TokenType.Number) && Is(before - 2, "lan", "thu");
                if (!deadline || !(Is(before, TokenType.Word) || occasion) || (SaysTime(before) && !NamesAPlace(before) && !(survey && Is(before - 1, "giua", "ky")))
                    || (bare && (Is(item.LastToken + 1, '-') || NamesTerm(item.FirstToken) || DateEndsAt(before))))
                {
                    continue;
                }

                SetApart(i, $"\"{Original(item.FirstToken, item.LastToken)}\" là năm của nội dung, không phải hạn");
            }
        }

        /// <summary>"2. Trong năm 2019, việc đăng tải Kế hoạch bồi dưỡng năm 2019 … được thực hiện trước ngày 14 tháng 6 năm 2019.":
        /// "trong năm N" and its comma opening the cell or its sentence (after a list's number), with a day of that year said
        /// as a deadline later in the sentence, says in which year the rule holds: that day is due, the year the note.</summary>
        private bool YearOpeningItsDeadline(int i)
        {
            var item = items[i];
            var trong = item.FirstToken - 1;
            // ("Năm 2020, Lễ khai hội được tổ chức …, bắt đầu từ 9h ngày 5/2/2020": "Năm N," alone opening the cell, before any
            // day of that year written out.)
            var bare = item.FirstToken == AfterListMarker() && Is(item.FirstToken, "nam") && Is(item.LastToken + 1, ',');
            if (!bare && (!Is(trong, "trong") || !Is(item.LastToken + 1, ',')
                || !(trong == 0 || IsSentenceBreak(trong - 1) || (trong == 2 && Is(0, TokenType.Number) && Is(1, '.')))))
            {
                return false;
            }

            foreach (var day in items)
            {
                if (day.Kind == ItemKind.Date && day.Name is null && !day.YearImplicit && day.Date.Year == item.Year && day.FirstToken > item.LastToken
                    && (bare || SaidAsDeadline(day.FirstToken)) && !HasSentenceBreak(item.LastToken, day.FirstToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a day of a later year than the year item <paramref name="i"/>, written with its year and said as a
        /// deadline, comes after it in its sentence.</summary>
        private bool LaterDeadlineInSentence(int i)
        {
            var item = items[i];
            foreach (var day in items)
            {
                if (day.Kind == ItemKind.Date && day.Name is null && !day.YearImplicit && day.Date.Year > item.Year && day.FirstToken > item.LastToken
                    && SaidAsDeadline(day.FirstToken) && !HasSentenceBreak(item.LastToken, day.FirstToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether every token from <paramref name="from"/> up to <paramref name="to"/> (excluded) is a word.</summary>
        private bool OnlyWords(int from, int to)
        {
            for (var t = from; t < to; t++)
            {
                if (!Is(t, TokenType.Word))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"Hội nghị tổng kết năm 2025 ngày 15/01/2026", "Sơ kết 6 tháng đầu năm 2026 vào ngày 10/7/2026": a year or
        /// half-year right after "tổng kết" or "sơ kết" (with "công tác" between, or not), in a cell that gives a day with its
        /// year after that period's end, at most three words after it ("ngày", "vào ngày", "diễn ra ngày"), is the period
        /// reviewed on that day, not a step of its own. A day in another clause ("Tổng kết năm 2025; ngày 15/01/2026 báo
        /// cáo") is another step.</summary>
        private bool ReviewedOnALaterDay(int i)
        {
            var item = items[i];
            var before = item.FirstToken - 1;
            before -= Is(before - 1, "cong", "tac") ? 2 : 0;
            if (item.YearImplicit || !(Is(before - 1, "tong", "ket") || Is(before - 1, "so", "ket")))
            {
                return false;
            }

            foreach (var day in items)
            {
                if (day.Kind == ItemKind.Date && day.Name is null && !day.YearImplicit && day.FirstToken > item.LastToken && day.FirstToken <= item.LastToken + 4
                    && day.Date > item.Date && OnlyWords(item.LastToken + 1, day.FirstToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"b) Quý I/2027, các cơ quan … đánh giá kết quả thực hiện phong trào thi đua …, xếp loại chỉ số CCHC năm 2026
        /// của cơ quan …": a year written with "năm" a few words after "chỉ số" (an index), "xếp loại" or "đánh giá", only
        /// words between, in a cell that gives a date with its year after that year, is the year assessed then, not a step
        /// of its own (as a year after "tổng kết" is, <see cref="ReviewedOnALaterDay"/>).</summary>
        private bool AssessedBeforeALaterDate(int i)
        {
            var item = items[i];
            if (item.Kind != ItemKind.Year || item.YearImplicit || !Is(item.FirstToken, "nam"))
            {
                return false;
            }

            var assessed = false;
            for (var j = item.FirstToken - 1; j >= 0 && j >= item.FirstToken - 5 && Is(j, TokenType.Word) && !assessed; j--)
            {
                assessed = Is(j, "chi", "so") || Is(j, "xep", "loai") || Is(j, "danh", "gia");
            }

            if (!assessed)
            {
                return false;
            }

            foreach (var day in items)
            {
                if (day.Kind == ItemKind.Date && !day.YearImplicit && day.Date.Year > item.Year)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"… bổ sung nguồn vốn trước ngày 15/6/2025, đảm bảo bố trí đầy đủ … vốn cho các dự án hoàn thành trong năm
        /// 2025", "… thông qua trước ngày 30 tháng 6 năm 2025 để bảo đảm có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025": a
        /// purpose clause right after a day said with "trước" or "chậm nhất" ("để", "nhằm", or "đảm bảo / bảo đảm" after its
        /// comma) says what the deadline is for; the dates, years and spans in it, to the sentence's end, are the note. A day
        /// in it said with "trước" or "chậm nhất" is the next step's deadline ("gửi … trước ngày 31 tháng 10 để tổng hợp báo
        /// cáo Chính phủ trước ngày 31 tháng 12 hằng năm"), and "…, đảm bảo hoàn thành (đạt, xong) trong năm 2025" a second
        /// deadline: both stay. Runs after the scan.</summary>
        private void SetPurposesApart()
        {
            for (var d = 0; d + 1 < items.Count; d++)
            {
                var deadline = items[d];
                var purpose = deadline.Kind == ItemKind.Date && SaidAsDeadline(deadline.FirstToken) ? PurposeAfter(deadline.LastToken + 1) : -1;
                if (purpose < 0)
                {
                    continue;
                }

                var last = -1;
                for (var i = items.Count - 1; i > d; i--)
                {
                    var item = items[i];
                    if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !HasSentenceBreak(purpose, item.FirstToken) && !SaidAsDeadline(item.FirstToken))
                    {
                        last = Math.Max(last, item.LastToken);
                        SetApart(i, null);
                    }
                }

                if (last >= 0)
                {
                    notes.Add($"\"{Original(purpose, last)}\" là mục đích của hạn, không phải hạn");
                }

                return;
            }
        }

        /// <summary>"Ngày 08/6/2020, Bộ Xây dựng đã có công văn số 2722/BXD-KHTC gửi … và gửi về Bộ Xây dựng trước ngày
        /// 20/6/2020": a day that opens the cell (after "Trước đó," — "before that", a report's narration — or a news agency's
        /// mark, "(BĐT) -", too), then a comma
        /// and a clause of what has already ("đã") been done or of a letter sent ("Sở … có công văn gửi …"), is when that
        /// happened, not a deadline; beside a later day said as one (or a span's first day) it becomes the
        /// note.</summary>
        private void SetPastActsApart()
        {
            // ("(BĐT) - Ngày 16/8/2021, Bộ Kế hoạch và Đầu tư tiếp tục có công văn …": a news agency's mark in brackets and its
            // dash before the narration.)
            var mark = Is(0, '(') && IsCapitalWord(1) && Is(2, ')') && Is(3, '-') ? 4 : 0;
            var opening = Is(mark, "truoc", "do") ? mark + (Is(mark + 2, ',') ? 3 : 2) : mark;
            // ("Ngày 15/4, UBND tỉnh Thừa Thiên Huế có Công văn số 3673/UBND-VH cho phép …; thời gian áp dụng bắt đầu từ ngày
            // 17/4/2022 …": a letter's day told without its year too.)
            if (items.Count < 2 || items[0] is not { Kind: ItemKind.Date, Name: null } first || first.FirstToken > opening + 3
                || (first.YearImplicit && !LetterSentAfter(first.LastToken + 2))
                || !Is(first.LastToken + 1, ',')
                || !(WrittenLaterInClause(first.LastToken + 2, 8, "da", "đã") || LetterSentAfter(first.LastToken + 2) || DoneBefore(first.LastToken + 2, NextDatedItemStart(1))))
            {
                return;
            }

            for (var i = 1; i < items.Count; i++)
            {
                if (items[i].Kind == ItemKind.Date && (SaidAsDeadline(items[i].FirstToken) || Is(items[i].FirstToken - 2, "tu", "ngay")))
                {
                    var opens = Is(first.FirstToken - 1, "ngay") ? first.FirstToken - 1 : first.FirstToken;
                    SetApart(0, $"\"{Original(opens, first.LastToken)}\" là ngày của việc đã làm, không phải hạn");
                    return;
                }
            }
        }

        /// <summary>The first token of the first dated item from <paramref name="index"/> on, or the phrase's end.</summary>
        private int NextDatedItemStart(int index)
        {
            var next = items.FindIndex(index, static i => i.Kind == ItemKind.Date);
            return next >= 0 ? items[next].FirstToken : tokens.Length;
        }

        /// <summary>Whether "đã ban hành" (issued already) comes from <paramref name="from"/> before <paramref name="to"/>, in its
        /// sentence: "Trước đó, ngày 01/12/2022, Ban Tổ chức Hội chợ Thương mại, Du lịch … đã ban hành Kế hoạch số 01/KH-BTC …,
        /// theo đó Hội chợ diễn ra từ ngày 22/12/2022 …" (the body's name may hold commas).</summary>
        private bool DoneBefore(int from, int to)
        {
            // (Not stopped by a dash: "vùng Đông Bắc - Tuyên Quang" is a name.)
            for (var t = from; t + 2 < to && t < from + 40 && !Is(t, '.') && !Is(t, ';'); t++)
            {
                if (IsDone(t) && Is(t + 1, "ban", "hanh"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether "công văn" follows "có" or "ban hành" within ten tokens of <paramref name="from"/>, in its clause: a
        /// letter that was sent.</summary>
        private bool LetterSentAfter(int from)
        {
            for (var t = from; t < tokens.Length && t < from + 10 && !Is(t, ',') && !Is(t, ';') && !IsSentenceBreak(t); t++)
            {
                if (Is(t, "cong", "van") && (Is(t - 1, "co") || Is(t - 2, "ban", "hanh")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"… được tiến hành trước ngày 15 tháng 12 hằng năm, trường hợp đặc biệt theo quy định … thì hoàn thành trước
        /// ngày 15 tháng 01 năm sau": a second day said as a deadline after "trường hợp" (a case), following the rule's own
        /// deadline, is that case's, not a step of the task; it becomes the note, as a special case's count does. So is any
        /// later day after a case whose clause speaks of coming "sau thời hạn" (after the rule's deadline), however either day
        /// is said: "Việc tặng quà phải hoàn thành trong ngày 01/9/2025; trường hợp vì lý do khách quan, người dân được nhận quà
        /// sau thời hạn này, nhưng chậm nhất không quá ngày 15/9/2025", "… từ ngày 31 tháng 8 năm 2025 đến hết ngày 01 tháng 9
        /// năm 2025; trường hợp khách quan có thể nhận quà sau thời hạn này, nhưng không muộn hơn ngày 15 tháng 9 năm 2025".</summary>
        private void SetSpecialCasesApart()
        {
            var caseEnd = -1; // the last token of a case's days joined by "và", set apart from the last
            for (var i = items.Count - 1; i >= 1; i--)
            {
                var item = items[i];
                if (item.Kind is not (ItemKind.Date or ItemKind.DayOfMonth))
                {
                    continue;
                }

                var rule = i - 1;
                while (rule >= 0 && items[rule].Kind is not (ItemKind.Date or ItemKind.DayOfMonth))
                {
                    rule--;
                }

                if (rule < 0)
                {
                    continue;
                }

                // A day joined by "và" or "hoặc" to the case's day before it ("… trước ngày 31 tháng 5 và trước ngày 30 tháng 9")
                // is that case's too: look for the case before the first day of the row.
                var head = i;
                while (rule > 0 && JoinedDays(items[rule], items[head]))
                {
                    var before = rule - 1;
                    while (before >= 0 && items[before].Kind is not (ItemKind.Date or ItemKind.DayOfMonth))
                    {
                        before--;
                    }

                    if (before < 0)
                    {
                        break;
                    }

                    (head, rule) = (rule, before);
                }

                var deadlines = SaidAsDeadline(items[head].FirstToken) && SaidAsDeadline(items[rule].FirstToken);
                for (var t = items[rule].LastToken + 1; t + 1 < items[head].FirstToken; t++)
                {
                    // (A case said in its own sentence after the rule's, "… hằng năm. Trường hợp …", is one too.)
                    if (Is(t, "truong", "hop") && (Is(t - 1, ',') || Is(t - 1, ';') || (Is(t - 1, '.') && IsSentenceBreak(t - 1)))
                        && (deadlines || PastTheDeadline(t + 2, items[head].FirstToken)))
                    {
                        caseEnd = caseEnd < 0 ? item.LastToken : caseEnd;
                        SetApart(i, head == i ? $"\"{Original(t, caseEnd)}\" là hạn của trường hợp riêng" : null);
                        MarkCovered(t, item.LastToken); // its words are in that note already
                        caseEnd = head == i ? -1 : caseEnd;
                        break;
                    }
                }
            }
        }

        /// <summary>Whether day <paramref name="b"/> follows day <paramref name="a"/> joined by "và" or "hoặc" (and a deadline's
        /// word: "và trước ngày 30 tháng 9"), with no stop between.</summary>
        private bool JoinedDays(Item a, Item b)
        {
            var gap = b.FirstToken - a.LastToken - 1;
            if (a.Kind is not (ItemKind.Date or ItemKind.DayOfMonth) || b.Kind is not (ItemKind.Date or ItemKind.DayOfMonth)
                || gap < 1 || gap > 4 || !(Is(a.LastToken + 1, "va") || Is(a.LastToken + 1, "hoac")))
            {
                return false;
            }

            for (var t = a.LastToken + 2; t < b.FirstToken; t++)
            {
                if (!tokens[t].IsWord)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether "sau thời hạn" (after the deadline already said) comes between <paramref name="from"/> and
        /// <paramref name="to"/>, in a case's clause: "trường hợp …, người dân được nhận quà sau thời hạn này".</summary>
        private bool PastTheDeadline(int from, int to)
        {
            for (var t = from; t + 2 < to && !IsSentenceBreak(t); t++)
            {
                if (Is(t, "sau", "thoi", "han"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the word folded as <paramref name="folded"/> and written as <paramref name="written"/> (its marks
        /// tell "đã" from "đa", "đạt" from "đặt") comes within <paramref name="count"/> tokens from <paramref name="from"/>, in its
        /// clause (up to a comma, a semicolon or a sentence break).</summary>
        private bool WrittenLaterInClause(int from, int count, string folded, string written)
        {
            for (var t = from; t < tokens.Length && t < from + count && !Is(t, ',') && !Is(t, ';') && !IsSentenceBreak(t); t++)
            {
                if (Is(t, folded) && WrittenAs(t, written))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"- Năm 2022: Hội đồng … tiến hành sơ kết, đánh giá kết quả … để làm cơ sở tiếp tục triển khai phong trào đến
        /// năm 2025": a year reached with "đến" (or "tới") at the end of a purpose clause ("để", "nhằm") that opens after an
        /// earlier item of its sentence is how far the purpose reaches, not a step of the task; it becomes the note.</summary>
        private void SetPurposeHorizonsApart()
        {
            for (var i = items.Count - 1; i >= 1; i--)
            {
                var item = items[i];
                var reach = item.FirstToken - 1;
                if (item.Kind != ItemKind.Year || !(Is(reach, "den") || Is(reach, "toi")) || SaidAsDeadline(item.FirstToken))
                {
                    continue;
                }

                for (var t = reach - 1; t > items[i - 1].LastToken && !IsSentenceBreak(t) && !Is(t, ';'); t--)
                {
                    if (PurposeAfter(t) == t)
                    {
                        SetApart(i, $"\"{Original(t, item.LastToken)}\" là mục đích, không phải hạn");
                        break;
                    }
                }
            }
        }

        /// <summary>The first token of a purpose clause opening at <paramref name="j"/> (a comma allowed before it): "để" (written
        /// so, not "đề" of "đề án"), "nhằm", or, after the comma, "đảm bảo / bảo đảm" not followed by "hoàn thành", "đạt" or
        /// "xong"; otherwise -1.</summary>
        private int PurposeAfter(int j)
        {
            var comma = Is(j, ',');
            j += comma ? 1 : 0;
            if ((Is(j, "de") && (WrittenAs(j, "để") || WrittenAs(j, "de"))) || Is(j, "nham"))
            {
                return j;
            }

            var ensure = comma && (Is(j, "dam", "bao") || Is(j, "bao", "dam"));
            return ensure && !Is(j + 2, "hoan", "thanh") && !Is(j + 2, "dat") && !Is(j + 2, "xong") ? j : -1;
        }

        /// <summary>"Đại hội … nhiệm kỳ 2025-2030: … hoàn thành trước ngày 31/12/2025", "tuyển sinh … năm học 2025 - 2026:
        /// Hoàn thành trước 30/6/2025", "Kế hoạch 5 năm theo lộ trình 2026 - 2030 được ban hành trước ngày 31 tháng 12 năm
        /// 2025": the years right after "nhiệm kỳ", "năm học", "niên khóa" or "lộ trình" name a term, a school year or a
        /// roadmap, which the task is about; beside another date they are the note, not deadlines. Alone ("Năm học
        /// 2025-2026") they are still the cell's time. So is the year of a plan's vision ("lập điều chỉnh quy hoạch tỉnh …
        /// thời kỳ 2021-2030, tầm nhìn đến năm 2050: Thực hiện trong 4 tháng, …"), which names the plan. Runs after the
        /// scan.</summary>
        private void SetNamedTermsApart()
        {
            var named = 0;
            var other = false;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (NamedTermAt(i) || VisionAt(i) >= 0)
                {
                    named++;
                }
                else
                {
                    other |= item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span;
                }
            }

            if (named == 0 || !other)
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                if (NamedTermAt(i))
                {
                    var term = Is(item.FirstToken - 1, '(') ? (Is(item.FirstToken - 3, "nhiem", "ky") ? item.FirstToken - 3 : item.FirstToken - 4) : item.FirstToken - 2;
                    SetApart(i, $"\"{Original(term, item.LastToken)}\" là tên nhiệm kỳ, năm học hay lộ trình, không phải hạn");
                }
                else if (VisionAt(i) is var vision && vision >= 0)
                {
                    SetApart(i, $"\"{Original(vision, item.LastToken)}\" là tầm nhìn của quy hoạch, không phải hạn");
                }
            }
        }

        /// <summary>The "tầm" of "tầm nhìn (đến / tới) (năm) 2050" right before item <paramref name="i"/>, a year: the horizon a
        /// plan or strategy is named by; otherwise -1.</summary>
        private int VisionAt(int i)
        {
            var item = items[i];
            if (item.Kind != ItemKind.Year || item.YearImplicit || !Mentions("nhin"))
            {
                return -1;
            }

            var j = item.FirstToken - 1;
            j -= Is(j, "nam") ? 1 : 0;
            j -= Is(j, "den") || Is(j, "toi") ? 1 : 0;
            return Is(j - 1, "tam", "nhin") ? j - 1 : -1;
        }

        /// <summary>"chậm nhất trong tháng 7/2026 phải hoàn thành …, phấn đấu hoàn thành sớm hơn vào 30/4/2026", "Hoàn thành
        /// trước ngày 30/6/2025, phấn đấu trước ngày 15/6/2025": a date said with "phấn đấu" in its clause, no later than the
        /// deadline just before it, is a goal to beat that deadline; the deadline is chased, the goal is the note. A later one
        /// ("Quý I/2025 ban hành kế hoạch; phấn đấu hoàn thành trong Quý III/2025") is a step of its own, and one alone
        /// ("Phấn đấu hoàn thành trong năm 2027") the cell's deadline. Runs after the scan.</summary>
        private void SetStretchTargetsApart()
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var goal = items[i];
                if (goal.Kind is not (ItemKind.Date or ItemKind.Year) || !SaysStrive(goal.FirstToken))
                {
                    continue;
                }

                var deadline = items.FindLastIndex(i - 1, d => d.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !SaysStrive(d.FirstToken));
                if (deadline >= 0 && goal.Date <= items[deadline].Date)
                {
                    SetApart(i, $"phấn đấu sớm hơn hạn: {Original(goal.FirstToken, goal.LastToken)}");
                }
            }
        }

        /// <summary>Whether the clause of the item at <paramref name="first"/> says "phấn đấu" before it.</summary>
        private bool SaysStrive(int first)
        {
            for (var j = first - 1; j >= 0 && !IsSentenceBreak(j) && !Is(j, ','); j--)
            {
                if (Is(j, "phan", "dau"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Điều chỉnh thời gian thực hiện dự án từ “Từ năm 2022 - 2025” thành “Hoàn thành trước ngày 01/7/2026”", "Thay
        /// đổi thời gian tổ chức …: Từ ngày 26/12/2024 - 02/01/2025 sang ngày 06/12/2024 - 15/12/2024": what an adjustment
        /// changes a time from is no longer due; the time it is changed into is. The old time becomes the note. Runs after the
        /// scan.</summary>
        private void SetReplacedTimesApart()
        {
            if (!Mentions("dieu") && !(Mentions("thay") && Mentions("doi")))
            {
                return;
            }

            var adjust = -1;
            for (var j = 0; j + 1 < tokens.Length && adjust < 0; j++)
            {
                adjust = (Is(j, "dieu", "chinh") || Is(j, "thay", "doi")) && Is(j + 2, TokenType.Word) ? j : -1;
            }

            if (adjust < 0)
            {
                return;
            }

            for (var j = adjust + 2; j < tokens.Length; j++)
            {
                // ("Thay đổi thời gian tổ chức …: Từ ngày 27/12/2024 sang ngày 04/12/2024": "sang" as "thành".)
                var into = (Is(j, "thanh") && !Is(j - 1, "hoan")) || (Is(j, "sang") && WrittenAs(j, "sang"));
                if (!into || !items.Exists(i => i.LastToken == j - 1) || !items.Exists(i => i.FirstToken > j))
                {
                    continue;
                }

                var from = adjust + 2;
                while (from < j && !Is(from, "tu"))
                {
                    from++;
                }

                if (from == j)
                {
                    return;
                }

                var removed = items.RemoveAll(i => i.FirstToken > from && i.LastToken < j);
                if (removed > 0)
                {
                    Array.Fill(covered, false, from + 1, j - from - 1);
                    notes.Add($"thời gian cũ được điều chỉnh: {Original(from + 1, j - 1)}");
                }

                return;
            }
        }

        /// <summary>"Ban đầu, kế hoạch đặt ra là hoàn thành chương trình vào năm 2030, tuy nhiên … Thủ tướng đề nghị … rút ngắn
        /// thời hạn hoàn thành … xuống ngày 31/10/2025": a deadline cut short ("rút ngắn … xuống / còn …") replaces every time
        /// said before it; the first of those, the original deadline, is named in the note. Without a time after "xuống" or "còn" nothing is set apart (a count, "rút
        /// ngắn thời gian giải quyết xuống 10 ngày", is no deadline of its own).</summary>
        private void SetShortenedTimesApart()
        {
            if (!Mentions("rut") || items.Count < 2)
            {
                return;
            }

            for (var j = 0; j + 1 < tokens.Length; j++)
            {
                if (!Is(j, "rut", "ngan"))
                {
                    continue;
                }

                var to = j + 2;
                while (to < tokens.Length && to < j + 16 && !Is(to, "xuong") && !Is(to, "con") && !IsSentenceBreak(to))
                {
                    to++;
                }

                if (!ItemBetween(to, to + 3, datesOnly: true) || items[0].LastToken >= j)
                {
                    return;
                }

                SetApart(0, $"thời hạn ban đầu, đã rút ngắn: {Original(items[0].FirstToken, items[0].LastToken)}");
                while (items.Count > 0 && items[0].LastToken < j)
                {
                    SetApart(0, null);
                }

                return;
            }
        }

        /// <summary>"Dự án được khởi công vào tháng 9 năm 2022 và dự kiến hoàn thành vào cuối tháng 6 năm 2025": a start already
        /// made ("được / đã khởi công", "được / đã bắt đầu") in a year before the plan's, beside a date in the plan's years,
        /// is history, not a step to chase; it becomes the note. Runs after the scan.</summary>
        private void SetPastStartsApart()
        {
            var later = false;
            foreach (var o in items)
            {
                later |= o.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && o.Date.Year >= context.TrackedYear;
            }

            if (!later)
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                if (item.Kind is ItemKind.Date or ItemKind.Year && item.Date.Year < context.TrackedYear && StartedAlready(item.FirstToken))
                {
                    SetApart(i, $"đã bắt đầu: {Original(item.FirstToken, item.LastToken)}");
                }
            }
        }

        /// <summary>Whether "được / đã khởi công" or "được / đã bắt đầu" comes at most two words before <paramref name="first"/>.</summary>
        private bool StartedAlready(int first)
        {
            for (var j = first - 3; j >= 0 && j >= first - 5; j--)
            {
                if ((Is(j, "duoc") || Is(j, "da")) && (Is(j + 1, "khoi", "cong") || Is(j + 1, "bat", "dau")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether item <paramref name="i"/> is a named term's year, or the last year of one ("nhiệm kỳ 2025-2030").</summary>
        private bool NamedTermAt(int i) =>
            NamesTerm(items[i].FirstToken) || (i > 0 && NamesTerm(items[i - 1].FirstToken) && items[i - 1].LastToken + 2 == items[i].FirstToken && Is(items[i].FirstToken - 1, '-'));

        /// <summary>Takes item <paramref name="i"/> out of the reading: its words go back to the free text, and
        /// <paramref name="note"/>, when given, says what it was.</summary>
        private void SetApart(int i, string? note)
        {
            var item = items[i];
            Array.Fill(covered, false, item.FirstToken, item.LastToken - item.FirstToken + 1);
            items.RemoveAt(i);
            if (note is not null)
            {
                notes.Add(note);
            }
        }

        /// <summary>Whether the year at <paramref name="k"/> follows "nhiệm kỳ", "năm học", "niên khóa" or "lộ trình", or opens
        /// the brackets after "nhiệm kỳ" and its number ("nhiệm kỳ V (2024 – 2029)", "nhiệm kỳ (2024 - 2029)").</summary>
        private bool NamesTerm(int k) =>
            IsYearNumber(k) && (Is(k - 2, "nhiem", "ky") || Is(k - 2, "nam", "hoc") || Is(k - 2, "nien", "khoa") || Is(k - 2, "lo", "trinh")
                || (Is(k - 1, '(') && (Is(k - 3, "nhiem", "ky") || ((IsRomanLike(k - 2) || Is(k - 2, TokenType.Number)) && Is(k - 4, "nhiem", "ky")))));

        /// <summary>"Thời gian kiểm tra, đánh giá … được thực hiện vào tháng 11 đến ngày 15 tháng 12 hàng năm": in a yearly duty,
        /// a month joined by "đến (hết) ngày" to a day, without "từ", opens the duty's window; the day is its deadline each
        /// year, the month the note. ("Từ tháng 3 đến tháng 11 hằng năm" is still work over the span.) Runs after the scan.</summary>
        private void SetWindowOpeningsApart()
        {
            // (Two dates and a yearly period: fewer than three items have none to set apart, and skip the search.)
            if (items.Count < 3 || !items.Exists(i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Yearly))
            {
                return;
            }

            for (var i = items.Count - 2; i >= 0; i--)
            {
                var (month, day) = (items[i], items[i + 1]);
                var j = month.LastToken + 1;
                if (month.Kind != ItemKind.Date || !month.YearImplicit || month.Name is not { } name || !name.StartsWith("Tháng", StringComparison.Ordinal)
                    || day.Kind != ItemKind.Date || !day.YearImplicit || day.Name is not null || OpensSpan(month.FirstToken) || !Is(j, "den"))
                {
                    continue;
                }

                j += Is(j + 1, "het") ? 2 : 1;
                if (Is(j, "ngay") && j + 1 == day.FirstToken)
                {
                    SetApart(i, $"\"{Original(month.FirstToken, day.LastToken)}\": hạn là ngày cuối, tháng đầu là lúc bắt đầu");
                }
            }
        }

        /// <summary>"…; trước ngày 15 tháng 12 hàng năm đối với báo cáo định kỳ hàng năm; báo cáo 06 tháng cuối năm được thay thế
        /// bằng báo cáo năm": a period said right before "(được) thay thế bằng" or "(được) thay bằng" is a report that another
        /// replaces, with no deadline of its own: the note.</summary>
        private void SetReplacedReportsApart()
        {
            if (!Mentions("thay"))
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var item = items[i];
                var t = item.LastToken + (Is(item.LastToken + 1, "duoc") ? 2 : 1);
                var period = item.Kind == ItemKind.Period || (item.Kind == ItemKind.Date && item.Name is not null);
                if (period && ((Is(t, "thay", "the") && Is(t + 2, "bang")) || Is(t, "thay", "bang")))
                {
                    var first = IsReportWord(item.FirstToken - 2) ? item.FirstToken - 2 : item.FirstToken;
                    SetApart(i, $"\"{Original(first, item.LastToken)}\" được thay bằng báo cáo khác, không có hạn riêng");
                }
            }
        }

        /// <summary>"… gửi Cục Hàng không Việt Nam trước ngày 01 tháng 3 hàng năm …. Thời gian chốt số liệu từ ngày 01 tháng 01
        /// đến ngày 31 tháng 12 hàng năm": a span a few words after "chốt số liệu" or "kỳ số liệu", in its clause, is the
        /// period the data covers; beside a day said as a deadline it is the note, not a window to send in. So is a day right
        /// after "chốt số liệu" ("thời gian chốt số liệu ngày 25 tháng báo cáo, gửi … trước ngày 28 hàng tháng"): the day the
        /// figures stop, not the day to send them. Runs after the spans are merged.</summary>
        private void SetDataPeriodsApart()
        {
            SetMonthToMonthSpansApart();
            SetRoundYearsApart();
            SetReportMomentsApart();
            DropHalfYearGivenItsMonths();
            // ("thời kỳ báo cáo" asked with its four words: "kỳ" alone is in most cells.)
            if (!Mentions("lieu") && !Mentions("tinh") && !(Mentions("ky") && Mentions("thoi") && Mentions("bao") && Mentions("cao")))
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var span = items[i];
                var day = span.Kind is ItemKind.DayOfMonth or ItemKind.Date;
                if (!(span.Kind == ItemKind.Span || day) || !DeadlineDayOutside(span))
                {
                    continue;
                }

                for (var t = span.FirstToken - 1; t >= 1 && t >= span.FirstToken - (day ? 3 : 6) && !Is(t, ',') && !IsSentenceBreak(t); t--)
                {
                    // "- Báo cáo sơ kết 6 tháng: Được tính từ ngày 01 tháng 01 đến ngày 30 tháng 6 hàng năm. Thời gian gửi báo cáo
                    // trước ngày 15 tháng 7 hàng năm": a span "(được) tính từ … đến …" beside a day said as a deadline is the
                    // period the report counts, as after "chốt số liệu".
                    // ("Thời gian chốt số liệu báo cáo được tính từ ngày 15 của tháng trước đến ngày 14 của tháng báo cáo": days
                    // counted for the data, "số liệu" a few words before "tính từ".)
                    // ("… báo cáo kết quả … năm 2021 (thời kỳ báo cáo từ ngày 1/8/2020 đến ngày 31/7/2021), thời hạn gửi báo cáo
                    // trước ngày 5/8/2021": the period a report covers, "thời kỳ báo cáo", too.)
                    if ((Is(t, "so", "lieu") && (Is(t - 1, "chot") || (!day && Is(t - 1, "ky")))) || (Is(t, "tinh", "tu") && (!day || DataWordsBefore(t)))
                        || (!day && Is(t, "thoi", "ky", "bao") && Is(t + 3, "cao")))
                    {
                        // ("… đến ngày 30 tháng 6 hàng năm": "hàng năm" right after the data period is its own, each year.)
                        var yearly = i + 1 < items.Count && items[i + 1] is { Kind: ItemKind.Period, Period: ReportingPeriod.Yearly } every
                            && every.FirstToken == span.LastToken + 1 && DeadlineDayOutside(every);
                        if (yearly)
                        {
                            items.RemoveAt(i + 1); // (its words stay covered: no note of their own)
                        }

                        SetApart(i, $"\"{Original(span.FirstToken, span.LastToken)}\" là {(day ? "ngày chốt số liệu" : "kỳ số liệu")}, không phải hạn");
                        break;
                    }
                }
            }

            SetBracketedDataPeriodsApart();
        }

        /// <summary>"Định kỳ 6 tháng một lần (vào tháng 3, tháng 9 hằng năm), tổ chức … gửi báo cáo": a half-yearly duty whose
        /// two months, six apart and without a year, are given is due in them; no half-year ends of its own.</summary>
        private void DropHalfYearGivenItsMonths()
        {
            var (half, first, second, months) = (-1, 0, 0, 0);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Kind == ItemKind.Period && item.Period == ReportingPeriod.HalfYearly)
                {
                    half = i;
                }
                else if (item.Kind == ItemKind.Date && item.YearImplicit && item.Name is { } name && MonthLabels.AsSpan().Contains(name))
                {
                    months++;
                    (first, second) = months == 1 ? (item.Date.Month, 0) : (first, item.Date.Month);
                }
            }

            if (half >= 0 && months == 2 && second - first == 6)
            {
                items.RemoveAt(half);
            }
        }

        /// <summary>"Kỳ báo cáo đầu năm học: Thời điểm báo cáo là ngày 30 tháng 9, thời hạn gửi báo cáo là ngày 30 tháng 10 hàng
        /// năm": the day said after "thời điểm báo cáo" is when the figures are taken; beside a later day of the cell, the day to
        /// send them, it is the note, not a deadline.</summary>
        private void SetReportMomentsApart()
        {
            for (var i = items.Count - 2; i >= 0; i--)
            {
                var moment = items[i];
                var j = moment.FirstToken - 1;
                j -= Is(j, "ngay") ? 1 : 0;
                j -= Is(j, "la") || Is(j, ':') ? 1 : 0;
                if (moment.Kind != ItemKind.Date || moment.Name is not null || !IsReportWord(j - 1) || !Is(j - 3, "thoi", "diem"))
                {
                    continue;
                }

                for (var d = i + 1; d < items.Count; d++)
                {
                    if (items[d].Kind == ItemKind.Date && items[d].Date > moment.Date)
                    {
                        SetApart(i, $"\"{Original(j - 3, moment.LastToken)}\" là thời điểm lấy số liệu, không phải hạn");
                        break;
                    }
                }
            }
        }

        /// <summary>Whether "số liệu" (data) comes within the six words before <paramref name="t"/>, no comma between.</summary>
        private bool DataWordsBefore(int t)
        {
            for (var u = t - 1; u >= 1 && u >= t - 6 && !Is(u, ','); u--)
            {
                if (Is(u - 1, "so", "lieu"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"c) Báo cáo sáu tháng (số liệu được tính từ 00h00 ngày đầu tiên của năm đến 24h00 ngày cuối cùng của tháng
        /// 6): báo cáo trước ngày 15 tháng 7 của năm báo cáo;": brackets opened by "số liệu" (or "kỳ số liệu", "chốt số liệu")
        /// hold the period the data covers; beside a day said as a deadline outside them, whatever they hold is the note.</summary>
        private void SetBracketedDataPeriodsApart()
        {
            for (var open = 0; open + 3 < tokens.Length; open++)
            {
                if (!Is(open, '(') || !(Is(open + 1, "so", "lieu") || (Is(open + 2, "so", "lieu") && (Is(open + 1, "ky") || Is(open + 1, "chot")))))
                {
                    continue;
                }

                var close = open + 1;
                while (close < tokens.Length && !Is(close, ')') && !Is(close, '('))
                {
                    close++;
                }

                if (close >= tokens.Length || !Is(close, ')'))
                {
                    return;
                }

                // (Whether a deadline day stands outside the brackets is asked once: setting apart what is inside them does
                // not change it.)
                var set = false;
                if (DeadlineDayOutside(new Item(ItemKind.Span, default, 0, default, null, false, open, close)))
                {
                    for (var i = items.Count - 1; i >= 0; i--)
                    {
                        if (items[i].FirstToken > open && items[i].LastToken < close)
                        {
                            SetApart(i, null);
                            set = true;
                        }
                    }
                }

                if (set)
                {
                    notes.Add($"\"{Original(open + 1, close - 1)}\" là kỳ số liệu, không phải hạn");
                }

                open = close;
            }
        }

        /// <summary>"…; cụ thể, năm 2025 tiến hành tuyển chọn và gọi công dân nhập ngũ … một đợt; thời gian giao nhận quân từ ngày
        /// 13 đến hết ngày 15 tháng 02 năm 2025": a year written with "năm" whose clause says in how many rounds the work is done
        /// ("một đợt", "02 đợt") is the campaign's year; beside a later day or span of that year, the round's own time, it is
        /// the note.</summary>
        private void SetRoundYearsApart()
        {
            if (!Mentions("dot") || items.Count < 2)
            {
                return;
            }

            for (var i = items.Count - 2; i >= 0; i--)
            {
                var year = items[i];
                if (year.Kind != ItemKind.Year || year.YearImplicit || !(Is(year.FirstToken, "nam") || Is(year.FirstToken - 1, "nam")))
                {
                    continue;
                }

                var rounds = false;
                var t = year.LastToken + 1;
                for (; t < tokens.Length && !IsSentenceBreak(t) && !rounds; t++)
                {
                    rounds = Is(t, "dot") && (Is(t - 1, "mot") || Is(t - 1, TokenType.Number)) && !Is(t + 1, TokenType.Number);
                }

                var later = items[i + 1];
                if (rounds && later.Kind is ItemKind.Date or ItemKind.Span && later.FirstToken > t && later.Date.Year == year.Year && later.Start.Year == year.Year)
                {
                    SetApart(i, $"\"{Original(Is(year.FirstToken - 1, "nam") ? year.FirstToken - 1 : year.FirstToken, year.LastToken)}\" là năm của đợt, không phải hạn");
                }
            }
        }

        /// <summary>"Thông tin hàng tháng được tổng hợp từ ngày 21 tháng trước cho đến ngày 20 tháng tiếp theo và gửi cho các bên
        /// trước ngày 25 hàng tháng": a span from a day of the month before to a day of the next, "từ ngày N tháng trước (cho)
        /// đến ngày M tháng …", is the period a month's figures cover; beside a day said as a deadline it is the note, not a
        /// day of every month to meet.</summary>
        private void SetMonthToMonthSpansApart()
        {
            if (!Mentions("truoc") || items.Count < 2)
            {
                return;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                var day = items[i];
                var t = day.FirstToken - 2;
                if (day.Kind != ItemKind.DayOfMonth || !Is(t + 1, "ngay") || !(Is(t, "den") || Is(t, "toi")))
                {
                    continue;
                }

                t -= Is(t - 1, "cho") ? 2 : 1;
                // ("kể từ ngày 26 của tháng trước đến ngày 25 của tháng sau đó": "của" before the month, "đó" after it.)
                var of = Is(t - 2, "cua") ? 1 : 0;
                if (Is(t - 4 - of, "tu", "ngay") && Is(t - 2 - of, TokenType.Number) && Is(t - 1, "thang", "truoc") && (DeadlineDayOutside(day) || MonthlyDayOutside(day)))
                {
                    var last = Is(day.LastToken + 1, "do") ? day.LastToken + 1 : day.LastToken;
                    SetApart(i, $"\"{Original(t - 4 - of, last)}\" là kỳ số liệu, không phải hạn");
                }
            }
        }

        /// <summary>Whether a day of every month of its own ("Xếp loại tháng vào ngày 25 hằng tháng"), not the next month's, is
        /// among the items outside <paramref name="span"/>: beside it a span from a day of the month before to one of the next
        /// is what each month's work covers, whatever word leads the day.</summary>
        private bool MonthlyDayOutside(Item span)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.DayOfMonth && item.Period == ReportingPeriod.Monthly && item.Name is null
                    && (item.LastToken < span.FirstToken || item.FirstToken > span.LastToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a day said as a deadline ("trước ngày …", "chậm nhất ngày …", "trước ngày 28 hàng tháng") is among the items, outside
        /// <paramref name="span"/>.</summary>
        private bool DeadlineDayOutside(Item span)
        {
            foreach (var item in items)
            {
                if (item.Kind is ItemKind.Date or ItemKind.DayOfMonth && (item.LastToken < span.FirstToken || item.FirstToken > span.LastToken) && SaidAsDeadline(item.FirstToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"thời gian nộp từ ngày 01 tháng 12 đến ngày 31 tháng 12 hàng năm", "Gửi hồ sơ từ ngày 01/3 đến ngày 31/3
        /// hằng năm": in a yearly duty, a span a few words after "nộp" or "gửi", in its clause, is the window to pay or send
        /// in: due on its last day, each year, not work over it; so is any span of days (not months) without a year said with "hằng năm"
        /// right after it ("Thời gian khám sức khỏe từ ngày 01 tháng 11 đến hết ngày 31 tháng 12 hằng năm"). Runs after the
        /// spans are merged.</summary>
        private void SetSubmissionWindowsApart()
        {
            // (A span and a yearly period: fewer than two items have none to set apart, and skip the search.)
            if (items.Count < 2 || !items.Exists(i => i.Kind == ItemKind.Period && i.Period == ReportingPeriod.Yearly))
            {
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var span = items[i];
                if (span.Kind != ItemKind.Span || span.Date.Year != span.Start.Year)
                {
                    continue;
                }

                // "Thời gian khám sức khỏe từ ngày 01 tháng 11 đến hết ngày 31 tháng 12 hằng năm": days without a year with
                // "hằng năm" right after them are the window of every year, whatever is done in it.
                var everyYear = !IsYearNumber(span.LastToken) && (Is(span.LastToken + 1, "hang", "nam") || Is(span.LastToken + 1, "moi", "nam"))
                    && SaysDay(span.FirstToken - 2, span.LastToken);
                for (var t = everyYear ? span.FirstToken : span.FirstToken - 1; t >= 0 && t >= span.FirstToken - 6 && !Is(t, ',') && !IsSentenceBreak(t); t--)
                {
                    if (Is(t, "nop") || Is(t, "gui") || everyYear)
                    {
                        items[i] = new Item(ItemKind.Date, span.Date, span.Date.Year, default, null, span.YearImplicit, span.FirstToken, span.LastToken);
                        notes.Add($"\"{Original(span.FirstToken, span.LastToken)}\": hạn là ngày cuối");
                        break;
                    }
                }
            }
        }

        /// <summary>Whether "ngày" stands among tokens <paramref name="from"/> to <paramref name="to"/> before the span's "đến",
        /// "tới" or "-": its first day is a day, not a month ("Từ tháng 3 đến tháng 11 hằng năm", "Từ tháng 11 đến ngày 15
        /// tháng 12 hằng năm" open with a month).</summary>
        private bool SaysDay(int from, int to)
        {
            for (var t = Math.Max(from, 0); t <= to && !Is(t, "den") && !Is(t, "toi") && !Is(t, '-'); t++)
            {
                if (Is(t, "ngay"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a day (not a month or quarter) of <paramref name="year"/> is among the items, its year written or
        /// the tracked one.</summary>
        private bool SameYearDay(int year)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Date && (item.Name is null || (!item.YearImplicit && item.Name.StartsWith("Tháng", StringComparison.Ordinal))) && item.Date.Year == year)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first token of "kỳ tính thuế" or "khai thuế" right before the period that starts at <paramref name="first"/>,
        /// or -1. A scan may split "thuế" in two ("kỳ tính th ué tháng 10 năm 2020").</summary>
        private int TaxPeriodBefore(int first) =>
            Is(first - 3, "ky", "tinh", "thue") ? first - 3 : Is(first - 2, "khai", "thue") ? first - 2
            : Is(first - 4, "ky", "tinh") && SplitInTwo(first - 2, "thue") ? first - 4 : -1;

        /// <summary>Whether tokens <paramref name="k"/> and the next are two words one space apart whose letters together are
        /// <paramref name="word"/> (folded): a word a scan split ("th ué" for "thuế").</summary>
        private bool SplitInTwo(int k, string word)
        {
            if (!Is(k, TokenType.Word) || !Is(k + 1, TokenType.Word) || tokens[k].End + 1 != tokens[k + 1].Start
                || tokens[k].Length + tokens[k + 1].Length != word.Length)
            {
                return false;
            }

            var folded = text.Folded;
            var head = tokens[k].Length;
            return folded.Slice(tokens[k].Start, head).SequenceEqual(word.AsSpan(0, head))
                && folded.Slice(tokens[k + 1].Start, tokens[k + 1].Length).SequenceEqual(word.AsSpan(head));
        }

        /// <summary>Whether "bắt đầu" (starts) comes at most ten tokens before <paramref name="k"/> in its clause (commas
        /// allowed: "bắt đầu hoạt động sản xuất, kinh doanh trong …").</summary>
        private bool StartedBefore(int k)
        {
            for (var t = k - 1; t >= 0 && t >= k - 10 && !Is(t, ';') && !Is(t, ':') && !IsSentenceBreak(t); t--)
            {
                if (Is(t, "bat", "dau"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a survey or an inventory ("(Tổng) điều tra", "(tổng) kiểm kê") is named in the clause ending at
        /// <paramref name="k"/>, at most eight tokens back, and not as the work done ("thực hiện điều tra", "hoàn thành kiểm
        /// kê", "tổ chức, triển khai, tiến hành …"): a year after it names the survey.</summary>
        private bool SurveyBefore(int k)
        {
            for (var t = k - 1; t >= 0 && t >= k - 8 && !Is(t, ';') && !Is(t, ':') && !IsSentenceBreak(t); t--)
            {
                if (Is(t, "dieu", "tra") || Is(t, "kiem", "ke"))
                {
                    var p = Is(t - 1, "tong") ? t - 2 : t - 1;
                    return !(Is(p - 1, "hoan", "thanh") || Is(p - 1, "thuc", "hien") || Is(p - 1, "trien", "khai") || Is(p - 1, "to", "chuc")
                        || Is(p - 1, "tien", "hanh"));
                }
            }

            return false;
        }

        /// <summary>Whether the word at <paramref name="k"/> says when: a preposition or verb of time before a year.</summary>
        private bool SaysTime(int k)
        {
            foreach (var word in TimeWords)
            {
                if (Is(k, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the date at <paramref name="first"/> is said with "trước" after "đã" in its clause ("đã sản xuất
        /// trước ngày 31/3/2000"): a condition, which <see cref="SetConditionsApart"/> sets apart, not a deadline.</summary>
        private bool AlreadyHappenedBy(int first)
        {
            var before = Is(first - 1, "ngay") ? first - 2 : first - 1;
            return Is(before, "truoc") && HappenedEarlierInClause(before);
        }

        /// <summary>Whether "đã" (with its tilde: not "đa" of "tối đa") stands within <paramref name="reach"/> tokens before
        /// <paramref name="k"/> in its clause ("đã được kiểm tra trước khi …": an act said done).</summary>
        private bool HappenedEarlierInClause(int k, int reach = 12)
        {
            for (var t = k - 1; t >= 0 && t >= k - reach && !Is(t, ',') && !Is(t, ';') && !IsSentenceBreak(t); t--)
            {
                if (IsDone(t))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether token <paramref name="t"/> is "đã" (done) as written, with its tilde: not "đa" of "tối đa".</summary>
        private bool IsDone(int t) => Is(t, "da") && text.Text.AsSpan(tokens[t].Start, tokens[t].Length).IndexOfAny("ãÃ") >= 0;

        /// <summary>Whether "theo" and a kind of document start at <paramref name="k"/>: "(theo Nghị định số 62/2024/NĐ-CP là
        /// ngày 06 …)" says what another document set.</summary>
        private bool CitesDocumentAt(int k) => Is(k, "theo") && NamesDocument(k + 1, k + 2);

        /// <summary>Whether an item with a date comes before the bracket at <paramref name="open"/> with no sentence
        /// break between: "Giai đoạn 1 (2026): …; Giai đoạn 2 (2027-2028): …" gives each phase its years in brackets,
        /// which are its dates, not an aside to the phase before.</summary>
        private bool DatedBeforeInSamePhase(int open)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Period || item.LastToken >= open)
                {
                    continue;
                }

                var broken = false;
                for (var t = item.LastToken + 1; t < open && !broken; t++)
                {
                    broken = IsSentenceBreak(t);
                }

                if (!broken)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a period word ends right before the bracket at <paramref name="open"/>: "06 tháng (trước ngày 15
        /// tháng 6), hằng năm (trước ngày 15 tháng 12)" — the date in brackets is that period's own, not an aside. A bracket
        /// that opens a span ("kỳ báo cáo là năm (từ 01 tháng 01 đến 31 tháng 12)") says what the period covers: an aside.</summary>
        private bool PeriodRightBefore(int open)
        {
            if (Is(open + 1, "tu"))
            {
                return false; // "kỳ báo cáo là 01 năm (từ 01 tháng 01 đến 31 tháng 12)": what the period covers, an aside
            }

            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Period && (item.LastToken == open - 1 || (item.LastToken == open - 2 && Is(open - 1, "thang"))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The index of the written year or date that ends right before the bracket opened at <paramref name="open"/>,
        /// when a date (not a year) lies inside it, before <paramref name="close"/>; otherwise -1.</summary>
        private int LatestBound(int open, int close)
        {
            var (before, inside) = (-1, default(LocalDate?));
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                before = item.LastToken == open - 1 && !item.YearImplicit && item.Kind is ItemKind.Date or ItemKind.Year ? i : before;
                inside ??= item.Kind == ItemKind.Date && item.FirstToken > open && item.LastToken < close ? item.Date : null;
            }

            // "chậm nhất" bounds whatever it follows; "trước" only a date inside the period before it (not "Quý II/2026
            // (trước khi …)", nor a bracket that moves the deadline later).
            // ("Năm 2026-2027 (chậm nhất 31/12/2027)": the end of a span is no date to bound; the span stays whole.)
            if (before >= 0 && (Is(items[before].FirstToken - 1, '-') || Is(items[before].FirstToken - 1, "den")))
            {
                return -1;
            }

            var latest = Is(open + 1, "cham", "nhat") || (Is(open + 1, "hoan", "thanh") && Is(open + 3, "cham", "nhat"));
            return inside is { } date && before >= 0 && (latest || (items[before].Date.Year == date.Year && date <= items[before].Date)) ? before : -1;
        }

        /// <summary>"Định kỳ sáu tháng đầu năm (trước ngày 15 tháng 7) thông báo …", "Báo cáo 6 tháng đầu năm (chậm nhất là ngày
        /// 31 tháng 7 hàng năm)": a half-year without its year right before a bracket that opens with "trước ngày" or "chậm
        /// nhất" and a day in the three months after the half's end is the period reported on, the bracket's day its deadline,
        /// which takes the half's name; the half leaves the dates. Returns the index of the day kept, or -1 (then nothing
        /// changed).</summary>
        private int HalfYearsDayInBracket(int open, int close)
        {
            if (!Is(open + 1, "truoc", "ngay") && !Is(open + 1, "cham", "nhat"))
            {
                return -1;
            }

            var (half, day) = (-1, -1);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                half = item.LastToken == open - 1 && item.Kind == ItemKind.Date && item.YearImplicit && item.Name is "6 tháng đầu năm" or "6 tháng cuối năm" ? i : half;
                day = day < 0 && item.FirstToken > open && item.FirstToken <= open + 6 && item.LastToken < close && item.Kind == ItemKind.Date && item.ReportOf is null ? i : day;
            }

            if (half < 0 || day < 0 || items[day].Date <= items[half].Date || items[day].Date > items[half].Date.PlusMonths(3))
            {
                return -1;
            }

            items[day] = items[day] with { Name = items[half].Name };
            SetApart(half, null);
            return day - 1;
        }

        /// <summary>The words that open a bracket bounding the date before it: "chậm nhất", "trước (ngày)", "hoàn thành
        /// trước" or "hoàn thành chậm nhất".</summary>
        private bool BoundOpens(int k)
        {
            k += Is(k, "hoan", "thanh") ? 2 : 0;
            return Is(k, "cham", "nhat") || (Is(k, "truoc") && (Is(k + 1, "ngay") || Is(k + 1, TokenType.Number)));
        }

        /// <summary>"… sửa chữa nhà cửa bị thiệt hại do đợt mưa lũ từ ngày 16-22/11/2025, gửi … trước ngày 03/12/2025": a span
        /// opened by "từ (ngày)" a few words after "đợt" (an episode: of floods, of storms, of a campaign) says when the episode
        /// happened, what the task is about; beside a day said with "trước" or "chậm nhất" it is the note, not a deadline.
        /// Runs after spans are joined.</summary>
        private void SetEpisodesApart()
        {
            if (items.Count < 2 || !Mentions("dot"))
            {
                return;
            }

            var deadline = false;
            foreach (var item in items)
            {
                deadline |= item.Kind == ItemKind.Date && SaidAsDeadline(item.FirstToken);
            }

            for (var i = items.Count - 1; i >= 0 && deadline; i--)
            {
                var item = items[i];
                var from = Is(item.FirstToken - 1, "ngay") ? item.FirstToken - 2 : item.FirstToken - 1;
                if (item.Kind != ItemKind.Span || !Is(from, "tu"))
                {
                    continue;
                }

                for (var j = from - 1; j >= 0 && j >= from - 6 && Is(j, TokenType.Word); j--)
                {
                    if (Is(j, "dot") && WrittenAs(j, "đợt"))
                    {
                        SetApart(i, $"\"{Original(j, item.LastToken)}\" là thời gian của đợt, không phải hạn");
                        break;
                    }
                }
            }
        }

        /// <summary>Only "hoặc" between two items.</summary>
        private bool OnlyOr(int from, int to) => to == from + 1 && Is(from, "hoac");
    }
}
