using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Counts: a number of days, working days, months or years ("15 ngày kể từ ngày ban hành", "03 tháng sau khi kết thúc
/// quý", "30 ngày trước ngày 31/12/2025") counted from the plan's issue date, a written date, the end of a period or of
/// each report period; counted from another body's act or any other event, the task waits for that event.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>"15 ngày kể từ ngày Kế hoạch được ban hành", "10 ngày làm việc kể từ ngày ban hành", "3 tháng kể
        /// từ ngày ban hành", "30 ngày sau khi ban hành Kế hoạch": counted from the plan's issue date, the day after it
        /// first (Bộ luật Dân sự 2015, Điều 147). Counted from anything else ("36 tháng kể từ ngày được Nhà nước bàn
        /// giao đất", "6 tháng sau khi Chính phủ ban hành Nghị định"), the task waits for that event.</summary>
        /// <remarks>A count with a decimal comma ("2,5 ngày", <paramref name="fraction"/> the token after the comma) from the
        /// issue date is due on the day it runs out in: the whole days and one more for the part (2,5 ngày is the third day),
        /// listed for a coordinator to confirm; a part of a month is refused, since months differ in length.</remarks>
        private int CountedFrom(int k, int unit, int fraction = -1, int afterUnit = -1)
        {
            var months = Is(unit, "thang");
            var j = afterUnit > 0 ? afterUnit : unit + 1;
            var working = !months && Is(j, "lam", "viec");
            j += working ? 2 : 0;
            if (Is(j, "truoc") && Is(k - 2, "cham", "nhat") && ActRightAfterCount(j + 1) && !Is(j + 1, "tet") && !Is(j + 1, "quy") && !Is(j + 1, "han"))
            {
                // "Chậm nhất 07 (bảy) ngày làm việc trước phiên họp đầu tiên của Hội đồng thẩm định, dự thảo … được gửi …": a count
                // back from something that happens (a meeting, a session) waits for it; beside a written day ("Ngày 04/01/2026:
                // Chậm nhất 70 ngày trước bầu cử, …") the day is due. The words stay free, the note's.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            if (Is(k - 1, "sau") && k - 1 == AfterListMarker() && Is(j, ',') && Is(j + 1, TokenType.Word) && fraction < 0)
            {
                // "- Sau 15 ngày, nếu không có khiếu kiện, thắc mắc của nhân dân thì Ủy ban nhân dân cấp xã lập Biên bản …": a
                // step of a procedure that long after the one before it (a list posted), a day the cell does not give: it
                // waits.
                SetEventMarker(k, EventWhen.WithoutDate);
                return j;
            }

            // "trong khoảng thời gian 30 ngày đầu kể từ ngày vợ sinh con": the first days of a count from something.
            var firstDays = Is(j, "dau", "tien") ? 2 : Is(j, "dau") ? 1 : 0;
            j += firstDays > 0 && (Is(j + firstDays, "ke", "tu") || Is(j + firstDays, "tinh", "tu")) ? firstDays : 0;
            j = PerUnitRate(j);
            j = CaseBeforeStart(j, commaOptional: true);
            var daysOff = j;
            j = DaysOffAside(j);
            daysOff = j > daysOff ? daysOff : -1;
            var caseCount = -1;
            if (Is(j, "hoac") && AlternativeCount(j + 1, months) is var other && other > 0 && CaseBeforeStart(other + 2) is var start && start > other + 2)
            {
                // "Chậm nhất là 15 ngày hoặc chậm nhất là 30 ngày đối với trường hợp …, kể từ ngày …": the first count is the
                // rule, the second the case's; both start where "kể từ" says.
                (caseCount, j) = (other, start);
            }

            // "Chậm nhất là 30 ngày, kể từ ngày …", "Chậm nhất 10 ngày, trước ngày 30/6/2025": a comma may stand between a count
            // and what it counts from or before.
            j += Is(j, ',') && (Is(j + 1, "ke", "tu") || Is(j + 1, "tinh", "tu") || Is(j + 1, "truoc", "ngay") || Is(j + 1, "sau", "ngay")) ? 1 : 0;
            j += BracketOpensCountStart(j) ? 1 : 0;
            var from = Is(j, "ke", "tu") || Is(j, "tinh", "tu") ? j + 2 : Is(j, "tu") ? j + 1 : -1;
            if (from > 0 && !months && Is(from, "ngay") && WrittenDate(from + 1) is { } first
                && (from == j + 1 ? Is(first.Last + 1, "den") || Is(first.Last + 1, '-') : SpanEndAfter(first.Last + 1)))
            {
                // "diễn ra trong 3 ngày từ ngày 2/12 đến hết ngày 4/12": days followed by a span from a written day, "từ" without
                // "kể", say how long the span lasts, no count from its first day: the span is read on its own. So do they with
                // "kể từ" when the span's last day is written out: "Thời gian lấy ý kiến: 30 ngày, kể từ ngày 17/5/2024 đến
                // hết ngày 16/6/2024".
                return j;
            }

            if (fraction < 0 && CountedFromWrittenDate(k, months, working, j, from) is var written && written > k)
            {
                return written;
            }

            // "05 ngày làm việc kể từ thời điểm kết thúc kỳ báo cáo": "thời điểm" (the moment) reads as "ngày" or "khi".
            var ends = from > 0 && Is(from, "thoi", "diem") ? from + 2 : from + 1;
            if (fraction < 0 && from > 0 && (Is(from, "ngay") || Is(from, "khi") || ends == from + 2) && Is(ends, "ket", "thuc"))
            {
                if (CountedFromPeriodEnd(k, unit, months, working, ends + 2) is var end && end > k)
                {
                    return end;
                }

                // "15 ngày kể từ ngày kết thúc cuộc họp", "… kết thúc việc thẩm định hồ sơ", "… kết thúc kỳ thi": the end of
                // an activity, not of a period: the task waits for it.
                SetEventMarker(k, EventWhen.Always);
                return ends + 2;
            }

            if (fraction < 0 && from > 0 && Is(from, "ngay", "xay") && Is(from + 2, "ra"))
            {
                // "chậm nhất là ngày thứ 45 kể từ ngày xảy ra sự kiện": from something that happens, an event.
                SetEventMarker(k, EventWhen.Always);
                return from + 3;
            }

            if ((Is(j, "sau", "khi") || Is(j, "sau", "ngay")) && Is(j + 2, "ket", "thuc") && fraction < 0
                && CountedFromPeriodEnd(k, unit, months, working, j + 4) is var after && after > k)
            {
                // "15 ngày sau khi kết thúc quý", "10 ngày sau ngày kết thúc kỳ báo cáo": as "kể từ khi kết thúc …".
                return after;
            }

            if (Is(j, "sau", "khi"))
            {
                // "… trong 6 tháng sau khi Chính phủ ban hành Nghị định": counted from another body's act, the task
                // waits for it; "30 ngày sau khi ban hành Kế hoạch" counts from the plan's issue date.
                if (!(Is(j + 2, "ban", "hanh") || Is(j + 2, "ke", "hoach")))
                {
                    SetEventMarker(k, EventWhen.Always);
                    return j + 2;
                }
            }
            else if (Is(j, "sau", "thoi") && Is(j + 2, "diem") && OtherActAt(j + 3))
            {
                // "nộp bổ sung hàng mẫu trong vòng 05 ngày làm việc sau thời điểm đóng thầu": after the moment something happens,
                // as "sau ngày …": the task waits for it.
                SetEventMarker(k, EventWhen.Always);
                return j + 3;
            }
            else if (Is(j, "sau", "ngay") && OtherActAt(j + 2))
            {
                // "Chậm nhất là 05 ngày làm việc, sau ngày nhận được đề nghị …": counted after the day something happens, as
                // "kể từ ngày nhận được …", the task waits for it. After a written day or the plan's issue, left as it was;
                // with the day it comes to written beside it ("… sau 03 ngày sau ngày bầu cử (tức ngày 18/03/2026)"), that day.
                if (fraction < 0 && CountBesideItsDay(k, j) is var beside && beside > k)
                {
                    return beside;
                }

                SetEventMarker(k, EventWhen.Always);
                return j + 2;
            }
            else if (fraction < 0 && (OnTheBasisOf(k) || (from < 0 && !Is(j, "truoc") && AfterItsCase(k))))
            {
                // "Trên cơ sở số thông báo của Bộ …, trong 05 ngày làm việc, doanh nghiệp rà soát …": a count right after the
                // clause of what the work is based on is counted from it: the task waits for it. So is one right after the
                // case the sentence opens with: "Trường hợp hồ sơ chưa hợp lệ, trong thời hạn 03 ngày làm việc, Cục … thông
                // báo …" runs from the finding that the file is incomplete.
                SetEventMarker(k, EventWhen.Always);
                return j;
            }
            else if (fraction < 0 && (j >= tokens.Length || IsSentenceBreak(j)) && TermSaidBefore(k))
            {
                // "a) Vi phạm … dẫn đến bị thu hồi đất, thời hạn hoàn trả chậm nhất là 01 tháng;": a term said with "thời hạn … là"
                // and nothing it counts from runs from the case the clause names: the task waits for it.
                SetEventMarker(k, EventWhen.Always);
                return j;
            }
            else if (fraction < 0 && from == j + 1 && FromAnEventDay(from))
            {
                // "05 ngày làm việc từ ngày tiếp nhận đủ giấy tờ theo quy định": "từ ngày" without "kể" before the words of
                // something that happens counts from it as "kể từ ngày …" does: the task waits for it.
                SetEventMarker(k, EventWhen.Always);
                return from + 1;
            }
            else if (fraction < 0 && from < 0 && Is(k - 1, "truoc") && ActRightAfterCount(j))
            {
                // "Chậm nhất trước 05 ngày người nước ngoài dự kiến vào, ra Cảng …, … lập 01 bộ hồ sơ": a count after "trước"
                // followed at once by the words of something that happens, no "ngày" before them, is that long before it, as
                // "05 ngày trước ngày … vào cảng" is: the task waits for it.
                SetEventMarker(k, EventWhen.Always);
                return j;
            }
            else if (fraction < 0 && from < 0 && ((Is(k - 1, "truoc") && Is(k - 3, "thong", "bao")) || (Is(k - 2, "thoi", "han") && Is(k - 3, "trong") && Is(j, "phai"))))
            {
                // "Trường hợp kiểm tra định kỳ phải thông báo trước 03 ngày làm việc cho đơn vị được kiểm tra": notice that long
                // before the act the sentence is about; "… về nơi cư trú … trong thời hạn 15 ngày làm việc phải đến cơ quan …":
                // a term the case just named starts. Either waits for it; an event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }
            else if (!(Is(j, "ke", "tu") || Is(j, "tinh", "tu")) && !IsBareDayCount(k, months || working, j))
            {
                return k;
            }

            var bare = !Is(j, "sau", "khi") && !(Is(j, "ke", "tu") || Is(j, "tinh", "tu"));
            var last = -1;
            if (bare)
            {
                // "100 ngày", the whole cell of a plan's task: counted from the plan's issue date, as "100 ngày kể từ ngày
                // ban hành Kế hoạch"; listed, since the cell does not say from when.
                last = j - 1;
                ambiguities.Add($"\"{Original(k, last)}\" đọc là tính từ ngày ban hành kế hoạch (ô không ghi mốc tính)");
            }
            var received = ReceivedThePlan(j + 2);
            if (received > 0)
            {
                // "10 ngày kể từ ngày nhận Kế hoạch này": the plan reaches its agencies when it is issued; listed, since
                // delivery may take a few days.
                last = received;
                ambiguities.Add($"\"{Original(k, last)}\" tính từ ngày ban hành kế hoạch (ngày nhận có thể muộn hơn vài ngày)");
            }

            // "kể từ ngày có kết quả họp Hội đồng, Chủ tịch … ban hành Quyết định": the issue must be in the words the count
            // runs from; after a comma it is the next clause's act.
            for (var t = j + 2; last < 0 && t < tokens.Length && t < j + 14 && !IsSentenceBreak(t) && !Is(t, ','); t++)
            {
                if (Is(t, "ban", "hanh"))
                {
                    last = t + 1;
                    break;
                }
            }

            if (last < 0 || (!bare && OtherBodysAct(j + 2, last - 1)))
            {
                // "03 tháng kể từ ngày Chính phủ ban hành Nghị định": issued by another body, not the plan. "10 ngày, kể từ
                // ngày tổ chức kiểm toán ký báo cáo kiểm toán nhưng không vượt quá 90 ngày, kể từ ngày kết thúc năm tài
                // chính": the bound after "nhưng không (vượt) quá" is the deadline; the count from the act is its note.
                if (BoundAfter(j + 2) is var bound && bound > 0)
                {
                    notes.Add(Original(k, bound - 1));
                    return bound + (Is(bound + 2, "vuot", "qua") ? 4 : 3);
                }

                SetEventMarker(k, EventWhen.Always);
                return j + 2;
            }

            var days = tokens[k].Value;
            if (daysOff > 0)
            {
                // "20 ngày, không bao gồm ngày nghỉ lễ, tết, kể từ ngày ban hành": the days off it leaves out are not known
                // here; the count runs in calendar days, listed.
                ambiguities.Add($"\"{Original(daysOff + 1, DaysOffAsideEnd(daysOff))}\": chưa trừ ngày nghỉ, hạn đọc theo ngày lịch");
            }

            if (context.IssuedOn is not { } issued)
            {
                error = NeedsIssueDate(k, last);
                return last + 1;
            }

            if (days is < 1 or > 366 || (months && days > 60))
            {
                error = $"\"{Original(k, last)}\": chỉ đọc được từ 1 đến 366 ngày, hoặc 1 đến 60 tháng, kể từ ngày ban hành.";
                return last + 1;
            }

            string? part = null;
            if (fraction > 0 && tokens[fraction].Value > 0)
            {
                if (months)
                {
                    error = $"\"{Original(k, last)}\": chỉ đọc được số tháng nguyên kể từ ngày ban hành. Hãy ghi số ngày, hoặc ghi thời hạn bằng ngày cụ thể.";
                    return last + 1;
                }

                part = Original(k, fraction);
                days++;
                ambiguities.Add($"\"{part} {(working ? "ngày làm việc" : "ngày")}\" đọc là hết ngày {(working ? "làm việc " : string.Empty)}thứ {days} kể từ ngày ban hành (phần lẻ tính là một ngày)");
            }

            var due = CountOn(issued, days, months, working);
            AddDate(due, null, false, k, last);
            if (caseCount > 0)
            {
                ambiguities.Add($"\"{Original(k, unit)}\" đọc là hạn chung; \"{Original(caseCount, caseCount + 1)}\" là hạn của trường hợp riêng");
            }

            var issuedOn = issued.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            notes.Add(part is null
                ? $"{days} {(months ? "tháng" : working ? "ngày làm việc" : "ngày")} kể từ ngày ban hành {issuedOn}"
                : $"{part} {(working ? "ngày làm việc" : "ngày")} kể từ ngày ban hành {issuedOn}");
            return last + 1;
        }

        /// <summary>Whether the words at <paramref name="j"/>, after "sau ngày" or "sau thời điểm", begin something that happens:
        /// not "nay" (now), nor the plan's issue ("ban hành"), nor the end of a period ("kết thúc"), which are read as
        /// before.</summary>
        private bool OtherActAt(int j) => Is(j, TokenType.Word) && !Is(j, "nay") && !Is(j, "ban", "hanh") && !Is(j, "ket", "thuc");

        /// <summary>Whether a bracket at <paramref name="j"/>, right after a count, opens with "kể từ" (or "tính từ") and words,
        /// what the count runs from: "… trong vòng một năm (kể từ thời điểm hoàn thuế) đối với …", "15 ngày (kể từ ngày nhận đủ
        /// hồ sơ)", "15 ngày (kể từ ngày ban hành Kế hoạch)", "15 ngày (kể từ ngày 01/7/2025)" (a day written out that closes the
        /// bracket). A day with more after it ("10 ngày (kể từ ngày 26-9 đến hết ngày 5-10-2022)") is a span the count
        /// measures, left as it was.</summary>
        private bool BracketOpensCountStart(int j) =>
            Is(j, '(') && (Is(j + 1, "ke", "tu") || Is(j + 1, "tinh", "tu")) && Is(j + 3, TokenType.Word) && !Is(j + 3, "nay")
            && (!Is(j + 3, "ngay") || (Is(j + 4, TokenType.Word) && !Is(j + 4, "nay"))
                || (Is(j + 4, TokenType.Number) && WrittenDate(j + 4) is { } day && Is(day.Last + 1, ')')));

        /// <summary>Whether "ngày" at <paramref name="from"/>, after a count's "từ" without "kể", opens the words of something
        /// that happens ("từ ngày tiếp nhận đủ giấy tờ"): not a day written out, "từ ngày mùng 5", "từ ngày thứ Hai", "từ ngày
        /// đầu năm", "từ ngày nay", nor the plan's issue, "từ ngày ban hành", left as they were.</summary>
        private bool FromAnEventDay(int from) =>
            Is(from, "ngay") && Is(from + 1, TokenType.Word) && !Is(from + 1, "nay") && !Is(from + 1, "mung") && !Is(from + 1, "thu")
            && !Is(from + 1, "dau") && !Is(from + 1, "cuoi") && !Is(from + 1, "ban", "hanh");

        /// <summary>Whether the count at <paramref name="k"/> comes right after "là", with "thời hạn" a few words before it in
        /// its sentence ("thời hạn hoàn trả chậm nhất là 01 tháng").</summary>
        private bool TermSaidBefore(int k)
        {
            if (!Is(k - 1, "la"))
            {
                return false;
            }

            for (var j = k - 2; j >= 0 && j >= k - 8 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, "thoi", "han"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"Khoảng 02 ngày làm việc/01 đơn vị, tính từ ngày công bố Quyết định kiểm tra": a rate after a count, a slash,
        /// a number and up to three words before a comma, says how much of the count each unit takes; the count still starts
        /// where the ", tính từ …" after it says. Returns that comma, or <paramref name="j"/> when no such rate follows.</summary>
        private int PerUnitRate(int j)
        {
            if (!Is(j, '/') || !Is(j + 1, TokenType.Number))
            {
                return j;
            }

            var t = j + 2;
            while (t < j + 5 && Is(t, TokenType.Word))
            {
                t++;
            }

            return t > j + 2 && Is(t, ',') && (Is(t + 1, "ke", "tu") || Is(t + 1, "tinh", "tu")) ? t : j;
        }

        /// <summary>"Chậm nhất là 15 ngày hoặc chậm nhất là 30 ngày đối với trường hợp số lượng người đăng ký từ 500 người trở
        /// lên, kể từ ngày hết thời hạn nhận Phiếu …": a clause "đối với …" right after a count says which case the count is
        /// for; the count starts where the ", kể từ (tính từ) …" after it, in the same sentence, says. Returns the comma before
        /// those words, or <paramref name="j"/> when the count is not followed by such a clause. A first count joined to it by
        /// "hoặc" is the rule and starts there too; from the plan's issue date it is the deadline, the case's count listed.
        /// With <paramref name="commaOptional"/> the words may follow the clause without a comma ("… trong đó không quá 24 giờ đối
        /// với số tiền đã phát sinh trên tài khoản … kể từ thời điểm chốt số liệu đối soát", "- 10 ngày đối với trường hợp cấp
        /// mới theo quy định tại … Nghị định 175/2024/NĐ-CP kể từ ngày có kết quả sát hạch đạt yêu cầu"): then the token of
        /// "kể".</summary>
        private int CaseBeforeStart(int j, bool commaOptional = false)
        {
            if (!Is(j, "doi", "voi"))
            {
                return j;
            }

            for (var t = j + 2; t + 1 < tokens.Length && t < j + 40 && !IsSentenceBreak(t); t++)
            {
                if (Is(t, ',') && (Is(t + 1, "ke", "tu") || Is(t + 1, "tinh", "tu")))
                {
                    return t;
                }

                if (commaOptional && (Is(t, "ke", "tu") || Is(t, "tinh", "tu")))
                {
                    return t;
                }
            }

            return j;
        }

        /// <summary>Whether the words at <paramref name="j"/>, right after a count said with "trước", begin something that
        /// happens (a body, an act: "người nước ngoài dự kiến vào", "tổ chức hội nghị"), not a link word that says the count
        /// is of something else ("trước 05 ngày để …", "… so với …", "… và …", "… này").</summary>
        private bool ActRightAfterCount(int j)
        {
            return Is(j, TokenType.Word) && Is(j + 1, TokenType.Word) && !Is(j, "de") && !Is(j, "so") && !Is(j, "va") && !Is(j, "hoac") && !Is(j, "nay")
                && !Is(j, "theo") && !Is(j, "cho") && !Is(j, "doi") && !Is(j, "ke") && !Is(j, "tinh") && !Is(j, "tu") && !Is(j, "den") && !Is(j, "toi")
                && !Is(j, "sau") && !Is(j, "truoc") && !Is(j, "trong") && !Is(j, "la") && !Is(j, "thi") && !Is(j, "ma") && !Is(j, "voi") && !Is(j, "tai")
                && !Is(j, "ngay") && !Is(j, "thang") && !Is(j, "nam") && !Is(j, "khi") && !Is(j, "thoi") && !Is(j, "moi") && !Is(j, "hang");
        }

        /// <summary>The days a count leaves out, said between it and what it counts from, at <paramref name="j"/>: ", không
        /// bao gồm ngày nghỉ lễ, tết, kể từ ngày nhận đủ hồ sơ", "(không kể ngày nghỉ lễ) kể từ …", ", trừ ngày nghỉ …, tính
        /// từ …": the aside does not break the count from what follows it. Returns the comma before "kể từ" or the token
        /// after the bracket, or <paramref name="j"/>.</summary>
        private int DaysOffAside(int j)
        {
            if (!Is(j, ',') && !Is(j, '('))
            {
                return j;
            }

            var end = DaysOffAsideEnd(j);
            return end < 0 ? j : Is(end + 1, ')') ? end + 2 : end + 1;
        }

        /// <summary>The last token of the days-off aside opened at <paramref name="j"/> (see <see cref="DaysOffAside"/>), before
        /// its closing bracket or the comma before "kể từ", "tính từ"; or -1.</summary>
        private int DaysOffAsideEnd(int j)
        {
            var t = j + 1;
            t += LeavesOutWords(t);
            if (t == j + 1 || !Is(t, "ngay"))
            {
                return -1;
            }

            var open = Is(j, '(');
            for (t++; t + 1 < tokens.Length && t < j + 14 && !IsSentenceBreak(t); t++)
            {
                if (open ? Is(t, ')') : Is(t, ',') && (Is(t + 1, "ke", "tu") || Is(t + 1, "tinh", "tu")))
                {
                    return t - 1;
                }
            }

            return -1;
        }

        /// <summary>The number of words at <paramref name="t"/> that say which days a count leaves out: "không bao gồm" (3),
        /// "không kể", "không tính" (2), "trừ" (1); 0 for anything else.</summary>
        private int LeavesOutWords(int t) =>
            Is(t, "khong", "bao", "gom") ? 3 : Is(t, "khong", "ke") || Is(t, "khong", "tinh") ? 2 : Is(t, "tru") ? 1 : 0;

        /// <summary>The number of a second count of the same unit at <paramref name="t"/>, after "hoặc" ("… hoặc chậm nhất là 30
        /// ngày"), or -1.</summary>
        private int AlternativeCount(int t, bool months)
        {
            t += Is(t, "cham", "nhat") ? 2 : 0;
            t += Is(t, "la") ? 1 : 0;
            return Is(t, TokenType.Number) && tokens[t].Length <= 3 && Is(t + 1, months ? "thang" : "ngay") ? t : -1;
        }

        /// <summary>Whether the count at <paramref name="k"/> comes right after a comma ("…, trong 05 ngày làm việc, …") in a
        /// sentence opened by "Trên cơ sở" (on the basis of), a bullet allowed before it.</summary>
        private bool OnTheBasisOf(int k)
        {
            var comma = Is(k - 1, "trong") ? k - 2 : Is(k - 2, "trong", "vong") ? k - 3 : k - 1;
            if (!Is(comma, ','))
            {
                return false;
            }

            var start = comma;
            while (start > 0 && !IsSentenceBreak(start - 1))
            {
                start--;
            }

            start += Is(start, '-') || Is(start, '+') ? 1 : 0;
            return Is(start, "tren", "co") && Is(start + 2, "so");
        }

        /// <summary>Whether the count at <paramref name="k"/>, said with "trong thời hạn", "trong thời gian", "trong (vòng)" and
        /// "không (vượt) quá" allowed after them, comes right after the clause of a case that opens its sentence, a comma or
        /// "thì" between ("Trường hợp hồ sơ chưa hợp lệ, trong thời hạn 03 ngày làm việc, …", "Trường hợp hồ sơ chưa đảm bảo
        /// thì trong thời gian không quá 02 ngày làm việc, …"), a bullet allowed before it. ("43 ngày làm việc." alone, a
        /// procedure's processing time, names no case.)</summary>
        private bool AfterItsCase(int k)
        {
            var t = k - 1;
            t -= Is(t - 1, "khong", "qua") ? 2 : Is(t - 2, "khong", "vuot", "qua") ? 3 : 0;
            t -= Is(t - 2, "trong", "thoi") && (Is(t, "han") || Is(t, "gian")) ? 3 : Is(t - 1, "trong", "vong") ? 2 : Is(t, "trong") ? 1 : 0;
            if (t == k - 1 || !(Is(t, ',') || (Is(t, "thi") && !Is(t - 1, "ky"))))
            {
                return false;
            }

            var start = t;
            while (start > 0 && !IsSentenceBreak(start - 1))
            {
                start--;
            }

            start += Is(start, '-') || Is(start, '+') ? 1 : 0;
            return Is(start, "truong", "hop") && start + 2 < t;
        }

        /// <summary>Whether the cell is only a count of calendar days, "100 ngày" (<paramref name="j"/> the token after the
        /// unit), with nothing before it and nothing but a full stop after it. Working days alone, "43 ngày làm việc.", are a
        /// procedure's processing time, and months alone a report's period ("6 tháng"): neither is counted from the plan.</summary>
        private bool IsBareDayCount(int k, bool monthsOrWorking, int j) =>
            k == 0 && !monthsOrWorking && (j == tokens.Length || (j == tokens.Length - 1 && Is(j, '.')));

        /// <summary>"30 ngày kể từ ngày 01/7/2025", "15 ngày làm việc sau ngày 10/3", "2 tháng tính từ ngày 15 tháng 6 năm
        /// 2025", "Chậm nhất 10 ngày trước ngày 31/12/2025": a count from a date written out is due that long after it (the
        /// day after it first, Bộ luật Dân sự 2015, Điều 147; a month count ends on the same day of the month, or the month's
        /// last day, Điều 148); a count before it, that long before it. Working days skip the calendar's days off both ways.
        /// 3, 6 or 9 months before a date are a report's period with its day, not a count ("Báo cáo 9 tháng trước ngày
        /// 20/9"), as are months right after "báo cáo".
        /// <paramref name="j"/> is the token after the unit, <paramref name="from"/> the token after "kể từ / tính từ / từ".
        /// Returns the token after the date, or <paramref name="k"/> when no date written out follows.</summary>
        private int CountedFromWrittenDate(int k, bool months, bool working, int j, int from)
        {
            var count = tokens[k].Value;
            var (at, back) = from > 0 && Is(from, "ngay") ? (from + 1, false)
                : Is(j, "sau", "ngay") ? (j + 2, false)
                : Is(j, "truoc", "ngay") && !(months && count is 3 or 6 or 9) ? (j + 2, true)
                : (-1, false);
            if (at < 0 || (months && Is(k - 2, "bao", "cao")) || WrittenDate(at) is not { } written || count is < 1 or > 366 || (months && count > 60))
            {
                return k;
            }

            var due = CountOn(written.Date, back ? -count : count, months, working);
            if (due.Year is < DeadlineContext.MinYear or > DeadlineContext.MaxYear)
            {
                return k;
            }

            AddDate(due, null, written.YearImplicit, k, written.Last);
            notes.Add(Original(k, written.Last));
            return written.Last + 1;
        }

        /// <summary>Whether "đến (hết) (ngày)" and a day written out follow at <paramref name="j"/>: the last day of a span.</summary>
        private bool SpanEndAfter(int j)
        {
            if (!(Is(j, "den") || Is(j, "toi")))
            {
                return false;
            }

            j += Is(j + 1, "het") ? 2 : 1;
            j += Is(j, "ngay") ? 1 : 0;
            return WrittenDate(j) is not null;
        }

        /// <summary><paramref name="count"/> months, working days or days after <paramref name="from"/> (before it when
        /// negative): a month count ends on the same day of the month, or the month's last day when it has none (Bộ luật Dân
        /// sự 2015, Điều 148); working days skip the calendar's days off.</summary>
        private LocalDate CountOn(LocalDate from, int count, bool months, bool working) =>
            months ? from.PlusMonths(count) : working ? context.Calendar.AddWorkingDays(from, count) : from.PlusDays(count);

        /// <summary>A date written out at token <paramref name="k"/>: "01/7/2025", "01-07-2025", "01.7.2025", "01/7" (the
        /// tracked year), "01/7 năm 2025", "15 tháng 6 năm 2025", "15 tháng 6/2025", "15 tháng 6"; null for anything else, or a day not in the
        /// calendar. Reads only: nothing is added.</summary>
        private (LocalDate Date, bool YearImplicit, int Last)? WrittenDate(int k)
        {
            if (!Is(k, TokenType.Number) || tokens[k].Length > 2)
            {
                return null;
            }

            int month, last;
            int? year = null;
            if ((Is(k + 1, '/') || Is(k + 1, '-') || Is(k + 1, '.')) && Is(k + 2, TokenType.Number) && tokens[k + 2].Length <= 2)
            {
                (month, last) = (tokens[k + 2].Value, k + 2);
                if (Is(k + 3, (char)tokens[k + 1].Value) && Is(k + 4, TokenType.Number) && tokens[k + 4].Length is 2 or 4)
                {
                    (year, last) = (tokens[k + 4].Length == 2 && tokens[k + 4].Value < 100 ? 2000 + tokens[k + 4].Value : tokens[k + 4].Value, k + 4);
                }
            }
            else if (Is(k + 1, "thang") && Is(k + 2, TokenType.Number) && tokens[k + 2].Length <= 2)
            {
                (month, last) = (tokens[k + 2].Value, k + 2);
                if ((Is(k + 3, '/') || Is(k + 3, '-')) && IsYearNumber(k + 4))
                {
                    (year, last) = (tokens[k + 4].Value, k + 4); // "20 tháng 5/2023"
                }
            }
            else
            {
                return null;
            }

            if (year is null && Is(last + 1, "nam") && IsYearNumber(last + 2))
            {
                (year, last) = (tokens[last + 2].Value, last + 2);
            }

            var y = year ?? context.TrackedYear;
            var day = tokens[k].Value;
            return y is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(y, month)
                ? (new LocalDate(y, month, day), year is null, last)
                : null;
        }

        /// <summary>"Thời hạn gửi báo cáo tài chính hàng năm: trong thời hạn 90 ngày từ ngày kết thúc năm tài chính", "30 ngày
        /// kể từ ngày kết thúc quý", "trong vòng 2 tháng kể từ khi kết thúc quý", "15 ngày sau khi kết thúc quý" (a month count ends on the same day of the
        /// month, or the month's last day when it has none: Bộ luật Dân sự 2015, Điều 148): counted from the end of each period named at <paramref name="period"/> (a year, the
        /// financial year, a quarter), the day after it first: a report due that long after every period, every year.
        /// Returns the token after the words, or <paramref name="k"/> when no such period follows. With
        /// <paramref name="lastDay"/> ("ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm"), the last day of the month
        /// the count comes to.</summary>
        private int CountedFromPeriodEnd(int k, int unit, bool months, bool working, int period, bool lastDay = false)
        {
            var count = tokens[k].Value;
            if (Is(period, "ky", "bao") && Is(period + 2, "cao"))
            {
                return CountedFromReportPeriodEnd(k, unit, months, working, period + 2);
            }

            // "90 ngày, kể từ ngày kết thúc kỳ kế toán năm": the accounting year, as "năm tài chính"; "20 ngày, kể từ ngày kết
            // thúc kỳ kế toán quý": the accounting quarter, as "quý"; "… kỳ kế toán (quý, năm)": each quarter, the year ending
            // with the fourth.
            var bracketed = Is(period, "ky", "ke") && Is(period + 2, "toan") && Is(period + 3, '(') && Is(period + 4, "quy") ? ClosingBracket(period + 3) : -1;
            period += bracketed > 0 ? 4 : Is(period, "ky", "ke") && (Is(period + 2, "toan", "nam") || Is(period + 2, "toan", "quy")) ? 3 : 0;
            if (Is(period, "thang") && !Is(period + 1, TokenType.Number) && !Is(period + 1, "dau") && !Is(period + 1, "cuoi") && !months && count is >= 1 and <= 60)
            {
                // "- Báo cáo tháng: Chậm nhất là 15 ngày kể từ ngày kết thúc tháng": counted from each month's end, every month,
                // the month named before with no ends of its own.
                RemovePeriodsBefore(k, ReportingPeriod.Monthly);
                for (var m = 1; m <= 12; m++)
                {
                    var end = MonthEnd(context.TrackedYear, m);
                    items.Add(new Item(ItemKind.Date, CountOn(end, count, false, working), end.Year, default, MonthLabels[m], false, k, period));
                }

                recurringMarkers.Add(k);
                notes.Add($"{Original(k, unit)}{(working ? " làm việc" : string.Empty)} sau khi kết thúc mỗi tháng");
                return period + 1;
            }

            var quarter = Is(period, "quy");
            var half = Is(period, TokenType.Number) && tokens[period].Value == 6 && (Is(period + 1, "thang", "dau") || Is(period + 1, "thang", "cuoi")) && Is(period + 3, "nam");
            // "chậm nhất là 16 tháng sau khi kết thúc năm ngân sách": the budget year, as "năm tài chính"; a count up to two years.
            if (!(quarter || half || Is(period, "nam")) || Quarter(period + 1) > 0 || count is < 1 or > 366 || (months && count > 24))
            {
                return k;
            }

            // "… kể từ ngày kết thúc năm 2025": that year's end only, once; "6 tháng đầu năm (tài chính)": the half's end.
            var year = half ? period + 3 : period;
            var named = !quarter && IsYearNumber(year + 1);
            if (!named && !half)
            {
                // "Báo cáo quý gửi trong 15 ngày sau khi kết thúc quý", "Định kỳ hằng năm, chậm nhất 30 ngày kể từ ngày kết thúc
                // năm": the duty named before is the one counted from, not a report due at the period's end as well; so is
                // the same period named twice ("theo định kỳ hàng quý và hàng năm …. Báo cáo quý: Chậm nhất là 30 ngày, kể từ
                // ngày kết thúc quý"), the frequency and the report's own label.
                RemovePeriodsBefore(k, quarter ? ReportingPeriod.Quarterly : ReportingPeriod.Yearly);

                // "hằng quý, 06 tháng … 15 ngày kể từ ngày kết thúc quý và 06 tháng": a half year ends with a quarter, so its
                // report is counted from that quarter's end too, with no half-year's ends of its own.
                if (quarter)
                {
                    RemovePeriodsBefore(k, ReportingPeriod.HalfYearly);
                }
            }
            else if (half && !named)
            {
                // "Báo cáo 06 tháng gửi … trong thời hạn 45 ngày đầu kể từ ngày kết thúc 06 tháng đầu năm": the half-year report
                // named before is the one counted from, with no half-year's ends of its own.
                RemovePeriodsBefore(k, ReportingPeriod.HalfYearly);
            }

            var last = year + (named ? 1 : Is(year + 1, "tai", "chinh") || Is(year + 1, "ngan", "sach") || Is(year + 1, "duong", "lich") ? 2 : 0);
            // "kết thúc năm dương lịch hoặc năm tài chính": the taxpayer's year either way, one end.
            last += !named && !quarter && !half && Is(last + 1, "hoac", "nam") && Is(last + 3, "tai", "chinh") ? 4 : 0;
            if (quarter && !named && (Is(last + 1, "va") || Is(last + 1, ',')) && Is(last + 2, TokenType.Number) && tokens[last + 2].Value == 6 && Is(last + 3, "thang"))
            {
                last += 3;
            }
            var firstHalf = half && Is(period + 2, "dau");
            // "… trong thời hạn 30 ngày, kể từ ngày kết thúc 06 tháng đầu năm và kết thúc năm dương lịch": counted from both ends.
            var andYear = firstHalf && !named && Is(last + 1, "va", "ket") && Is(last + 3, "thuc", "nam");
            last = andYear ? last + 4 + (Is(last + 5, "duong", "lich") || Is(last + 5, "tai", "chinh") ? 2 : 0) : last;
            for (var q = quarter ? 1 : firstHalf ? 2 : 4; q <= (firstHalf && !andYear ? 2 : 4); q += firstHalf && andYear ? 2 : 1)
            {
                var end = MonthEnd(named ? tokens[year + 1].Value : context.TrackedYear, q * 3);
                var due = CountOn(end, count, months, working);
                due = lastDay ? MonthEnd(due.Year, due.Month) : due;
                var label = quarter ? QuarterNames[q - 1] : half && q == 2 ? "6 tháng đầu năm" : half && !andYear ? "6 tháng cuối năm" : "Năm";
                items.Add(new Item(ItemKind.Date, due, end.Year, default, label, false, k, last));
            }

            if (!named)
            {
                recurringMarkers.Add(k);
            }

            notes.Add($"{(lastDay ? "ngày cuối " : string.Empty)}{Original(k, unit)}{(working ? " làm việc" : string.Empty)} sau khi kết thúc {(quarter ? "mỗi quý" : half ? Original(period, period + 3) : "năm")}");
            return Math.Max(last, bracketed) + 1;
        }

        /// <summary>Removes the period items of <paramref name="period"/> said before token <paramref name="k"/>: the duty a
        /// count from each period's end is counted from, which has no ends of its own.</summary>
        private void RemovePeriodsBefore(int k, ReportingPeriod period)
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i].Kind == ItemKind.Period && items[i].LastToken < k && items[i].Period == period)
                {
                    items.RemoveAt(i);
                }
            }
        }

        /// <summary>"Trong thời hạn 60 ngày kể từ ngày kết thúc 06 tháng đầu năm tài chính, doanh nghiệp thực hiện công bố thông
        /// tin định kỳ 06 tháng": a half-year period named after a report counted from a half's end, in its sentence, is that
        /// report's frequency, not a second duty due at each half's end. So is the year after a duty counted from each year's
        /// end: "Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm dương lịch …, … phải nộp hồ sơ quyết toán
        /// thuế năm" (the yearly settlement, due once a year on that day, not at the year's end too).</summary>
        private void DropHalfYearsCountedFrom()
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var yearly = items[i].Period == ReportingPeriod.Yearly;
                if (items[i].Kind != ItemKind.Period || !(yearly || items[i].Period == ReportingPeriod.HalfYearly))
                {
                    continue;
                }

                for (var c = i - 1; c >= 0; c--)
                {
                    if (items[c].Kind == ItemKind.Date && recurringMarkers.Contains(items[c].FirstToken) && !HasSentenceBreak(items[c].LastToken, items[i].FirstToken)
                        && (yearly ? items[c].Name == "Năm" && CountedFromYearsEnd(items[c].LastToken) : items[c].Name is "6 tháng đầu năm" or "6 tháng cuối năm"))
                    {
                        items.RemoveAt(i);
                        break;
                    }
                }
            }
        }

        /// <summary>Whether "kết thúc năm" ends the words that close at <paramref name="last"/> ("… kể từ ngày kết thúc năm
        /// (tài chính | dương lịch (hoặc năm tài chính))"): a date counted from each year's end.</summary>
        private bool CountedFromYearsEnd(int last)
        {
            for (var t = last; t >= 0 && t >= last - 8; t--)
            {
                if (Is(t, "ket", "thuc") && Is(t + 2, "nam"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The "nhưng" of "nhưng không (vượt) quá" followed by a count in the same sentence after
        /// <paramref name="from"/>, or -1.</summary>
        private int BoundAfter(int from)
        {
            for (var t = from; t < tokens.Length && t < from + 30 && !IsSentenceBreak(t); t++)
            {
                if (Is(t, "nhung", "khong") && (Is(t + 2, "vuot", "qua") || Is(t + 2, "qua")))
                {
                    var count = t + (Is(t + 2, "vuot") ? 4 : 3);
                    return Is(count, TokenType.Number) && (Is(count + 1, "ngay") || Is(count + 1, "thang")) && BoundCountsFrom(count + 2) ? t : -1;
                }
            }

            return -1;
        }

        /// <summary>Whether the bound's count, its unit before <paramref name="j"/>, says what it counts from ("… nhưng không vượt
        /// quá 90 ngày, kể từ ngày kết thúc năm tài chính"). A bound that says nothing ("… trường hợp phức tạp thì có thể kéo dài
        /// nhưng không quá 15 ngày làm việc.") lengthens the first count in a case: both run from the same event.</summary>
        private bool BoundCountsFrom(int j)
        {
            j += Is(j, "lam", "viec") ? 2 : 0;
            j += Is(j, ',') ? 1 : 0;
            return Is(j, "ke", "tu") || Is(j, "tinh", "tu") || Is(j, "tu") || Is(j, "sau") || Is(j, "truoc");
        }

        /// <summary>"(tính đến) trước ngày" followed by no day, or "trước khi", at <paramref name="j"/>, a comma allowed before
        /// them: the words name an event, not a date ("trước ngày chấm dứt hợp đồng", "trước khi khai mạc", "tính đến trước
        /// ngày hết hiệu lực", "07 ngày làm việc, trước ngày tiếp xúc cử tri", "trước thời gian tổ chức cuộc họp", "trước giờ cấp
        /// toa xe").</summary>
        private bool BeforeAnEvent(int j)
        {
            j += Is(j, ',') ? 1 : 0; // "Chậm nhất là 07 ngày làm việc, trước ngày tiếp xúc cử tri …": a comma may stand before them
            j += Is(j, "tinh", "den") ? 2 : 0; // "Trong vòng 06 tháng tính đến trước ngày hết hiệu lực của Bằng …"
            // ("Chậm nhất 45 ngày trước thời điểm Giấy phép … hết hiệu lực": "thời điểm", the moment, before words, as "ngày".)
            // ("… trước thời gian tổ chức cuộc họp …": "thời gian", the time, before an act's words, as "ngày"; not "trước thời
            // gian quy định", "… nêu trên", "… này", a time set elsewhere.)
            // ("Chậm nhất 02 giờ trước giờ cấp toa xe": "giờ", the hour of an act, as "ngày".)
            return Is(j, "truoc", "khi") || (Is(j, "truoc", "thoi") && Is(j + 2, "diem") && Is(j + 3, TokenType.Word))
                || (Is(j, "truoc", "gio") && Is(j + 2, TokenType.Word) && !Is(j + 2, "nay"))
                || (Is(j, "truoc", "thoi", "gian") && Is(j + 3, TokenType.Word) && !Is(j + 3, "quy") && !Is(j + 3, "nay") && !Is(j + 3, "neu") && !Is(j + 3, "tren") && !Is(j + 3, "do")) || (Is(j, "truoc", "ngay") && Is(j + 2, TokenType.Word) && !Is(j + 2, "nay") && !Is(j + 2, "cuoi") && !Is(j + 2, "mung") && (!Is(j + 2, "dau") || FirstDayOfAnAct(j + 3)));
        }

        /// <summary>"tính đến thời điểm …", "tính đến ngày …" at <paramref name="j"/>, before words, after a count said with
        /// "trước" ("chậm nhất trước 12 tháng tính đến thời điểm tài liệu đến hạn nộp"): the count runs back from that event,
        /// as "12 tháng trước thời điểm …" does. Not a day written out, nor "tính đến thời điểm này (nay)", now.</summary>
        private bool UpToAnEvent(int j)
        {
            if (!Is(j, "tinh", "den"))
            {
                return false;
            }

            var words = Is(j + 2, "thoi", "diem") ? j + 4 : Is(j + 2, "ngay") ? j + 3 : -1;
            return words > 0 && Is(words, TokenType.Word) && !Is(words, "nay") && !Is(words, "ban", "hanh");
        }

        /// <summary>The words of the bracket opened at <paramref name="open"/>, from <paramref name="from"/>, as the note of the
        /// date before it (how that date was worked out); returns the token of its closing bracket, where the scan goes on.</summary>
        private int BracketAsNote(int open, int from)
        {
            var close = ClosingBracket(open);
            notes.Add(Original(from, close - 1));
            return close;
        }

        /// <summary>The reason a cell counted from the plan's issue date (tokens <paramref name="first"/> to
        /// <paramref name="last"/>) is refused when the plan has none.</summary>
        private string NeedsIssueDate(int first, int last) =>
            $"\"{Original(first, last)}\": thời hạn tính từ ngày ban hành, nhưng kế hoạch chưa ghi ngày ban hành. Hãy ghi ngày ban hành của kế hoạch, hoặc ghi thời hạn bằng ngày cụ thể.";

        /// <summary>"Chậm nhất là ngày 17/02/2021 (95 ngày trước ngày bầu cử)", "chậm nhất trước 70 ngày trước ngày bầu cử (tức
        /// ngày 04/01/2026)", "chậm nhất sau 03 ngày sau ngày bầu cử (tức ngày 18/03/2026)", "Ngày 01/02/2026: Chậm nhất 42 ngày
        /// trước ngày bầu cử, …": a count before or after an event (its words at <paramref name="words"/>, "trước ngày …",
        /// "sau ngày …") with the day it comes to written beside it is how that day was worked out: the day is the deadline,
        /// the count and the event its note, nothing the task waits for. Beside it means in brackets right after the day (the
        /// count first in them), in brackets "(tức ngày …)" or "(tức là ngày …)" right after the event's words, or as the
        /// label whose colon opens the count's clause ("chậm nhất (là)" between). Returns the token to go on from, or -1 (a
        /// count alone, "Chậm nhất là 105 ngày trước ngày bầu cử, …", still waits for the election). ("Chậm nhất ngày
        /// 10/12/2025 (trước ngày bầu cử 95 ngày …)", the count after the event, is the scanner's.)</summary>
        private int CountBesideItsDay(int k, int words)
        {
            if (Is(k - 1, '(') && DateEndsAt(k - 2))
            {
                return BracketAsNote(k - 1, k);
            }

            var end = words + 2; // the event's last word: "bầu cử", "khai mạc Đại hội"
            while (end + 1 < tokens.Length && end < words + 12 && tokens[end + 1].IsWord)
            {
                end++;
            }

            var restated = Is(end + 1, '(') && Is(end + 2, "tuc") && (Is(end + 3, "ngay") ? Is(end + 4, TokenType.Number) : Is(end + 3, "la", "ngay") && Is(end + 5, TokenType.Number));
            var j = k - 1;
            j -= Is(j, "truoc") || Is(j, "sau") ? 1 : 0;
            j -= Is(j, "la") ? 1 : 0;
            j -= Is(j - 1, "cham", "nhat") ? 2 : 0;
            if (!restated && !(Is(j, ':') && DateEndsAt(j - 1)))
            {
                return -1;
            }

            notes.Add(Original(k, end));
            return end + 1;
        }

        /// <summary>After "trước ngày đầu": "tiên" and a word that is no period ("5 ngày trước ngày đầu tiên thực hiện dịch vụ":
        /// the first day of an act, an event; not "ngày đầu tiên của tháng", "ngày đầu tiên tháng sau").</summary>
        private bool FirstDayOfAnAct(int j)
        {
            return Is(j, "tien") && Is(j + 1, TokenType.Word) && !Is(j + 1, "cua") && !Is(j + 1, "thang") && !Is(j + 1, "quy") && !Is(j + 1, "nam") && !Is(j + 1, "ky") && !Is(j + 1, "tuan") && !Is(j + 1, "hang") && !Is(j + 1, "moi");
        }

        /// <summary>"Chậm nhất là 05 năm kể từ ngày nghị quyết của Quốc hội … có hiệu lực thi hành", "02 năm sau khi dự án được
        /// phê duyệt", "trong thời hạn 24 giờ kể từ thời điểm phát sinh …", "trong thời hạn không quá 60 phút kể từ thời điểm dừng": a count of years,
        /// hours or minutes from something that happens
        /// (a comma allowed before "kể từ") waits for it, as a count of days or months does. From a day written out, the end of a period or the plan's issue ("ban hành" in the sentence),
        /// the words are left as they were; a clause "đối với …" between the count and "kể từ" says which case it is for.
        /// Returns the token after "kể từ / tính từ / sau khi", or <paramref name="k"/>.</summary>
        private int YearsFromAnEvent(int k)
        {
            var j = CaseBeforeStart(k + 2, commaOptional: true);
            j += Is(j, ',') || BracketOpensCountStart(j) ? 1 : 0;
            var from = Is(j, "ke", "tu") || Is(j, "tinh", "tu") || Is(j, "sau", "khi") ? j + 2 : -1;
            var at = Is(from, "ngay") || Is(from, "khi") ? from + 1 : from;
            if (from < 0 || !Is(at, TokenType.Word) || Is(at, "nay") || (Is(at, "ket", "thuc") && !EndOfAnActivity(at + 2)))
            {
                return k;
            }

            for (var t = at; t + 1 < tokens.Length && !IsSentenceBreak(t); t++)
            {
                if (Is(t, "ban", "hanh"))
                {
                    return k;
                }
            }

            SetEventMarker(k, EventWhen.Always);
            return from;
        }

        /// <summary>Whether the words at <paramref name="j"/>, after "kết thúc", name an activity ("kỳ tuyển dụng", "cuộc họp"),
        /// not a period or a report's period ("năm", "quý", "tháng", "kỳ báo cáo", "kỳ kế toán", "kỳ tính thuế"): "Trong thời
        /// hạn 01 năm kể từ ngày kết thúc kỳ tuyển dụng công chức, …" waits for it.</summary>
        private bool EndOfAnActivity(int j) =>
            Is(j, TokenType.Word) && !Is(j, "nam") && !Is(j, "quy") && !Is(j, "thang") && !Is(j, "nua") && !Is(j, "ky", "bao", "cao")
            && !Is(j, "ky", "ke", "toan") && !Is(j, "ky", "tinh") && !Is(j, "giai", "doan") && !(Is(j, "ky") && Is(j + 1, TokenType.Punct));

        /// <summary>"Định kỳ 06 tháng, … chậm nhất là 10 ngày kể từ khi kết thúc kỳ báo cáo": counted from the end of each
        /// period of the duty named before (monthly, quarterly, half-yearly or yearly), which then has no ends of its own.
        /// Several periods named ("định kỳ 06 tháng và hằng năm … 05 ngày làm việc kể từ thời điểm kết thúc kỳ báo cáo") are
        /// counted from the ends of the shortest: a year ends with its second half and its fourth quarter, so the longer
        /// period's report falls on one of those days.
        /// Returns the token after the words, or <paramref name="k"/> when the cell names no such period before.</summary>
        private int CountedFromReportPeriodEnd(int k, int unit, bool months, bool working, int last)
        {
            var duty = -1;
            for (var i = 0; i < items.Count; i++)
            {
                duty = items[i].Kind == ItemKind.Period && items[i].LastToken < k && items[i].Period != ReportingPeriod.NineMonths ? i : duty;
            }

            var count = tokens[k].Value;
            if (duty < 0 || count is < 1 or > 366 || (months && count > 12))
            {
                return k;
            }

            var period = items[duty].Period;
            items.RemoveAt(duty);
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i].Kind == ItemKind.Period && items[i].LastToken < k && items[i].Period != ReportingPeriod.NineMonths && items[i].Period != period)
                {
                    period = items[i].Period < period ? items[i].Period : period; // ReportingPeriod runs shortest first
                    items.RemoveAt(i);
                }
            }

            var (every, first) = period switch
            {
                ReportingPeriod.Monthly => (1, 1),
                ReportingPeriod.Quarterly => (3, 3),
                ReportingPeriod.HalfYearly => (6, 6),
                _ => (12, 12),
            };
            for (var month = first; month <= 12; month += every)
            {
                var end = MonthEnd(context.TrackedYear, month);
                var due = CountOn(end, count, months, working);
                var name = period switch
                {
                    ReportingPeriod.Monthly => MonthLabels[month],
                    ReportingPeriod.Quarterly => QuarterNames[(month / 3) - 1],
                    ReportingPeriod.HalfYearly => month == 6 ? "6 tháng đầu năm" : "6 tháng cuối năm",
                    _ => "Năm",
                };
                items.Add(new Item(ItemKind.Date, due, end.Year, default, name, false, k, last));
            }

            recurringMarkers.Add(k);
            notes.Add($"{Original(k, unit)}{(working ? " làm việc" : string.Empty)} sau khi kết thúc mỗi kỳ báo cáo");
            return last + 1;
        }

        /// <summary>"ngày nhận (được) Kế hoạch (này)" at <paramref name="t"/>: the last token of those words, or -1.</summary>
        private int ReceivedThePlan(int t)
        {
            if (!Is(t, "ngay", "nhan"))
            {
                return -1;
            }

            var j = t + 2 + (Is(t + 2, "duoc") ? 1 : 0);
            if (!Is(j, "ke", "hoach"))
            {
                return -1;
            }

            return Is(j + 2, "nay") ? j + 2 : j + 1;
        }

        /// <summary>Whether "ban hành" at <paramref name="issued"/> is another body's act, not the plan's: a body above
        /// the plan or an agency issues ("… kể từ ngày Chính phủ ban hành", "Bộ", "Trung ương", "Quốc hội", "Thủ tướng", "cơ
        /// quan Thuế"), or what is issued is a decree, a circular, a law, a guidance or a notice ("… ban hành Nghị định",
        /// "Thông tư", "Luật", "hướng dẫn", "thông báo nộp tiền"), or what is issued is named and is not the plan ("… kể từ ngày
        /// danh sách ngắn được ban hành"; "ngày Kế hoạch (này) được ban hành" is the plan's).</summary>
        private bool OtherBodysAct(int from, int issued)
        {
            if (Is(issued, "ban", "hanh") && Is(issued - 1, "duoc"))
            {
                var named = Is(from, "ngay") ? from + 1 : from;
                var plan = Is(issued - 2, "nay");
                for (var t = named; t < issued - 1 && !plan; t++)
                {
                    plan = Is(t, "ke", "hoach");
                }

                if (named < issued - 1 && !plan)
                {
                    return true;
                }
            }

            for (var t = from; t < issued; t++)
            {
                if (Is(t, "chinh", "phu") || Is(t, "trung", "uong") || Is(t, "quoc", "hoi") || Is(t, "thu", "tuong") || Is(t, "bo") || Is(t, "co", "quan") || ActAbove(t))
                {
                    return true;
                }
            }

            return ((ActAbove(issued + 2) || ActAbove(issued + 3)) && !Is(issued + 3, "nay") && !Is(issued + 4, "nay"))
                || NamedAsIssued(issued + 2);
        }

        /// <summary>Whether the words right after "ban hành" (at <paramref name="t"/>) name a thing issued that is not the
        /// plan: "… kể từ ngày ban hành nội quy lao động", "… ký ban hành quy chế tổ chức, hoạt động của trường", "… ngày quyết
        /// định ban hành bảng giá đất", "… ban hành quyết định phê duyệt kế hoạch kiểm tra" (a decision yet to be made).
        /// Not "Kế hoạch", a document named with "này" ("Quyết định này", "văn bản này"), a document's kind alone ("kể
        /// từ ngày ban hành Quyết định."), nor a title with its capital ("30 ngày kể từ ngày ban hành Bộ tiêu chí", the plan's
        /// own name; in a cell typed in capitals no word is a title): this plan; nor a word that joins ("ban hành và …").</summary>
        private bool NamedAsIssued(int t)
        {
            if (!Is(t, TokenType.Word) || Is(t, "ke", "hoach") || Is(t, "nay") || Is(t + 1, "nay") || Is(t + 2, "nay")
                || Is(t, "va") || Is(t, "hoac") || Is(t, "den") || Is(t, "thi") || Is(t, "kem")
                || (IsCapitalWord(t) && tokens[t].Length > 1 && char.IsLower(text.Text[tokens[t].Start + 1])))
            {
                return false;
            }

            var kind = Is(t, "quyet", "dinh") || Is(t, "van", "ban") || Is(t, "chi", "thi") || Is(t, "nghi", "quyet") || Is(t, "cong", "van");
            return !kind || Is(t + 2, TokenType.Word);
        }

        private bool ActAbove(int t) => Is(t, "nghi", "dinh") || Is(t, "thong", "tu") || Is(t, "luat") || Is(t, "huong", "dan") || Is(t, "thong", "bao");
    }
}
