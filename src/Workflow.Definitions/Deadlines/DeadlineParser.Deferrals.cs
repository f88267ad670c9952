using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Phrases that defer to another body's timetable or to an event: "Theo lộ trình …", "Theo tiến độ …",
/// "Theo kế hoạch …", "theo quy định của Chính phủ", "Theo yêu cầu của cấp có thẩm quyền", "Kỳ họp giữa
/// năm 2026", "Tuỳ thuộc vào thời điểm Luật … sửa đổi", "Kỳ họp HĐND gần nhất 2026". Each is an event unless the phrase also gives a date;
/// its words become the note.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>The token after a deferral's words, k when it marks without consuming, or -1 when none starts at k.</summary>
        private int TryDeferral(int k)
        {
            // Each pattern but one (a deferred step, which asks the words around k) asks its first word: the word's first letter,
            // and whether it is "theo" (ten patterns' first word), are looked at once, not in each pattern.
            var first = text.Folded[tokens[k].Start];
            var theo = first == 't' && Is(k, "theo");
            if (first == 'd' && Is(k, "dau", "nam") && IsStart(k) && !Is(k - 1, "tu") && !Is(k + 2, "hoc"))
            {
                return StartOfYear(k);
            }

            if (first == 'g' && Is(k, "giua", "nam") && NamesSession(k))
            {
                // "Kỳ họp giữa năm 2026": the session it names is the event, not a day.
                return IsYearNumber(k + 2) ? k + 3 : k + 2;
            }

            if (first == 'g' && Is(k, "giua", "nam") && !IsYearNumber(k + 2) && (Is(k - 2, "tai", "chinh") || Is(k - 2, "bao", "cao")))
            {
                // "Báo cáo tài chính giữa năm, … trước ngày 31 tháng 7 hằng năm": the report's period, not a date.
                return k + 2;
            }

            if (first == 'g' && Is(k, "giua", "nam"))
            {
                // "Giữa năm 2026": the end of the year's first half, as "giữa tháng" is its 20th; listed.
                var year = IsYearNumber(k + 2) ? tokens[k + 2].Value : context.TrackedYear;
                var last = IsYearNumber(k + 2) ? k + 2 : k + 1;
                AddDate(new LocalDate(year, 6, 30), null, !IsYearNumber(k + 2), k, last);
                ambiguities.Add($"\"{Original(k, last)}\" đọc là hạn 30/06/{year} (hết 6 tháng đầu năm)");
                return last + 1;
            }

            if (first == 'k' && IsSession(k))
            {
                if (!SessionOfSecondReport(k) && !SessionOfPurposeAfterDuty(k))
                {
                    SetEventMarker(k, EventWhen.WithoutDate);
                }

                return k;
            }

            if (first == 'd' && Is(k, "dot", "xuat"))
            {
                // "Đột xuất", "Báo cáo đột xuất": unscheduled, when asked or when something happens; an event only when the cell
                // says no other time ("Định kỳ hằng năm hoặc đột xuất" is yearly, the extra report its note).
                SetEventMarker(k, EventWhen.WithoutAnyTime);
                return k;
            }

            if (DeferredStepAfterDates(k))
            {
                // "Hoàn thành xây dựng kế hoạch trong Quý I/2026; triển khai thực hiện theo tiến độ của Kế hoạch.", "Quý II/2026
                // ban hành các Chương trình, Đề án. Việc triển khai thực hiện theo Quyết định phê duyệt. …": after the dated
                // steps, the work itself follows another timetable: the dated steps are due, the rest waits on it.
                SetEventMarker(Is(k - 2, "trien", "khai") ? k - 2 : k - 4, EventWhen.Always);
                return k;
            }

            if (theo && StepAfterDateByProvision(k))
            {
                // "Hoàn thành tái cấu trúc … trước ngày 01 tháng 01 năm 2026 và tái cấu trúc … theo tiến độ quy định tại điểm a
                // khoản 1 Điều này": a second step, joined by "và" right after the date, follows the timetable another provision
                // sets: the dated step is due, the rest waits on it.
                SetEventMarker(k, EventWhen.Always);
                return k;
            }

            if (theo && Is(k, "theo", "thoi", "diem") && PeriodWordsAt(k + 3) is var periods && periods > k + 3)
            {
                // "Chỉ số giá xây dựng … được xác định theo thời điểm tháng, quý, năm và công bố theo định kỳ hàng quý": the
                // periods an index is worked out for, no timetable of another body and no duty of their own.
                return periods;
            }

            if (theo && Is(k, "theo", "tung") && GroupedByLeadingFrequency(k))
            {
                // "3. Định kỳ hằng quý, Công an cấp xã lập danh sách người … theo từng nhóm, báo cáo …": after the frequency
                // that leads the cell, "theo từng …" says how the periodic work is grouped, not another timetable: its words
                // stay the note.
                return -1;
            }

            if (theo && Is(k, "theo", "tung") && Is(k + 2, "giai", "doan") && (Is(k + 4, ',') || Is(k + 4, "va")) && (Is(k + 5, "hang") || IsEach(k + 5))
                && (Is(k + 6, "nam") || Is(k + 6, "quy") || Is(k + 6, "thang")))
            {
                // "kế hoạch sử dụng, bồi dưỡng nhà giáo … theo từng giai đoạn, hằng năm trình cấp có thẩm quyền phê duyệt": a plan
                // for each stage and one every year; the frequency said right after is the duty's timetable.
                return k + 4;
            }

            if (theo && (Is(k, "theo", "tung") || Is(k, "theo", "thoi", "han") || Is(k, "theo", "thoi", "diem") || Is(k, "theo", "cac", "moc") || Is(k, "theo", "moc", "thoi")))
            {
                // "Theo từng mốc thời hạn dưới đây", "Theo thời hạn cụ thể sau đây:" (a group row: its rows give the dates),
                // "Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025" (another document's milestones),
                // "Theo thời điểm có nhu cầu", "Theo từng nhiệm vụ đầu tư của năm 2026": each task's or row's own timetable;
                // an event unless the phrase also gives a date. A year said with "của" in the same clause is whose tasks.
                SetEventMarker(k, EventWhen.WithoutDate);
                return WhoseYear(k);
            }

            if (first == 'n' && Is(k, "nhu", "sau") && Is(k + 2, ':') && k + 3 == tokens.Length)
            {
                // "Thời gian thi được chia thành 05 đợt, cụ thể như sau:": a group row whose colon closes the cell; its rows
                // give the dates, as "Theo thời hạn cụ thể sau đây:". An event unless the phrase also gives a date; the words
                // stay the note.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            if (theo && Is(k, "theo", "ket", "qua") && (Is(k + 3, "ra", "soat") || Is(k + 3, "de", "xuat")))
            {
                // "Theo kết quả rà soát, đề xuất của các cơ quan": when waits on another body's review or proposal; an event
                // unless the phrase also gives a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 3;
            }

            if (first == 't' && Is(k, "thong", "bao") && LaterNotice(k) is var noticed && noticed > k)
            {
                // "Sở GDĐT sẽ thông báo sau.", "(Ban Tổ chức sẽ có thông báo cụ thể sau)": the date will be announced by another
                // body later; an event unless the phrase also gives a date.
                SetEventMarker(Is(k - 1, "se") ? k - 1 : k - 2, EventWhen.WithoutDate);
                return noticed;
            }

            if (first == 'd' && Is(k, "dua", "ra") && Is(k + 2, "ke", "hoach"))
            {
                // "Sở KHCN đưa ra kế hoạch": another body will set the dates.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            if (theo && Is(k + 1, "yeu", "cau") && RequirementsOfEachStage(k))
            {
                // "… đo lường sự hài lòng … hằng năm … theo quy định, hướng dẫn của Bộ Nội vụ ban hành theo yêu cầu của cải cách
                // hành chính nhà nước từng giai đoạn;": requirements said to change with each stage ("từng giai đoạn", "từng thời
                // kỳ"), after the duty's frequency in its sentence, say what the work follows, not a request that sets when:
                // the frequency is the duty's timetable; the words stay the note.
                return -1;
            }

            var timetable = theo && (Is(k + 1, "lo", "trinh") || Is(k + 1, "tien", "do") || Is(k + 1, "ke", "hoach") || (Is(k + 1, "quy", "dinh", "cua") && !(Is(k + 4, "phap", "luat") && k > AfterListMarker()))
                || Is(k + 1, "yeu", "cau") || Is(k + 1, "chi", "dao") || (Is(k + 1, "quy", "dinh", "tai") && Is(k + 4, "van", "ban")));
            if (timetable || (k <= 4 && ((theo && ActNamedAfter(k + 1)) || (Is(k, "cho") && (Is(k + 1, "huong", "dan") || Is(k + 1, "van", "ban")) && WrittenAs(k, "chờ")))))
            {
                // "Theo lộ trình …", "Theo tiến độ …", "Theo kế hoạch …", "theo quy định của Chính phủ", "Theo yêu cầu
                // của cấp có thẩm quyền", "Theo chỉ đạo của UBND tỉnh", "thời hạn gửi báo cáo được thực hiện theo quy định tại văn
                // bản quy phạm pháp luật quy định trực tiếp …" (another document's rule): another body's timetable, request or direction; an event unless the phrase also gives a
                // date ("Thường xuyên (hoặc theo yêu cầu …)" stays continuous). ("theo quy định" alone says nothing, nor does
                // "theo quy định của pháp luật", the law in general, after the work's words: how it is done, not when; opening
                // the cell, "Theo quy định của pháp luật" still defers.)
                // So is a cell that opens by deferring to another body's document or schedule: "Theo văn bản chỉ đạo của UBND
                // thành phố", "Theo thông báo của Ban Tổ chức", "Theo lịch của Thành ủy", "Theo Quyết định của UBND tỉnh", "Thực
                // hiện theo quy định tại Thông tư số 01/2020/TT-BNV", "Chờ hướng dẫn của Trung ương". Further in, "theo Quyết định
                // này", "theo Mẫu số 16 … Nghị định …" say how, not when.
                // "định kỳ hằng quý hoặc đột xuất theo yêu cầu của Bộ Tư pháp": the request is for the extra report only.
                // So is "định kỳ hàng năm hoặc đột xuất theo kế hoạch kiểm tra, quyết định kiểm tra": the plan or decision
                // says when the extra inspection is held, not when the yearly one is.
                // So is "Định kỳ hằng năm hoặc đột xuất báo cáo … theo quy định của Bộ trưởng …": the rules govern the reports.
                // So is "Định kỳ hằng năm có tổ chức kiểm tra, giám sát … thí điểm theo lộ trình": in a cell that opens with its
                // duty's frequency, the timetable is how the work goes, not when the duty is.
                var forAnExtraReport = !timetable || Is(k + 1, "yeu", "cau") || Is(k + 1, "ke", "hoach") || Is(k + 1, "quy", "dinh", "cua") || OpensWithFrequency();
                if (!(forAnExtraReport && AdHocAside(k)))
                {
                    SetEventMarker(k, EventWhen.WithoutDate);
                }

                return k;
            }

            if (first == 't' && Is(k, "tuy") && (Is(k + 1, "thuoc") || Is(k + 1, "theo") || Is(k + 1, "thoi", "diem") || Is(k + 1, "vao")))
            {
                // "Tuỳ thuộc vào thời điểm Luật NSNN sửa đổi", "tuỳ thời điểm tổ chức kỳ họp": another body decides when.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            return -1;
        }

        /// <summary>The token after a later notice announced with "thông báo" at <paramref name="k"/>: "sẽ (có) thông báo (cụ
        /// thể) sau"; otherwise -1.</summary>
        private int LaterNotice(int k)
        {
            if (!(Is(k - 1, "se") || (Is(k - 1, "co") && Is(k - 2, "se"))))
            {
                return -1;
            }

            var later = Is(k + 2, "cu", "the") ? k + 4 : k + 2;
            return Is(later, "sau") ? later + 1 : -1;
        }

        /// <summary>Whether the words at <paramref name="j"/>, after "theo", name another body's document or schedule: "văn
        /// bản", "thông báo", "lịch", "công văn", "chỉ thị", a decision, decree, circular, resolution or law ("Quyết định",
        /// "Nghị định", "Thông tư", "Nghị quyết", "Luật"), or "quy định tại" one of them.</summary>
        private bool ActNamedAfter(int j)
        {
            j += Is(j, "quy", "dinh") && Is(j + 2, "tai") ? 3 : 0;
            return Is(j, "van", "ban") || Is(j, "thong", "bao") || (Is(j, "lich") && !Is(j + 1, TokenType.Number)) || Is(j, "cong", "van") || Is(j, "chi", "thi")
                || Is(j, "quyet", "dinh") || Is(j, "nghi", "dinh") || Is(j, "thong", "tu") || Is(j, "nghi", "quyet") || Is(j, "luat");
        }

        /// <summary>"triển khai (thực hiện) theo tiến độ / thời hạn / kế hoạch / lộ trình / quyết định …" at <paramref name="k"/>
        /// ("theo"), after an explicit date of the cell and outside brackets: a step deferred to another timetable. ("Quý
        /// IV/2025 (thực hiện theo lộ trình …)", "… Thời gian giao quân cụ thể thực hiện theo Quyết định của Tư lệnh …" say how
        /// or exactly when within the dates, not a later step.)</summary>
        private bool DeferredStepAfterDates(int k)
        {
            if (!Mentions("trien"))
            {
                return false;
            }

            if (!(Is(k + 1, "tien", "do") || Is(k + 1, "thoi", "han") || Is(k + 1, "ke", "hoach") || Is(k + 1, "lo", "trinh") || Is(k + 1, "quyet", "dinh"))
                || !(Is(k - 2, "trien", "khai") || (Is(k - 2, "thuc", "hien") && Is(k - 4, "trien", "khai"))) || OpenBracketBefore(k) >= 0)
            {
                return false;
            }

            foreach (var item in items)
            {
                if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !item.YearImplicit && item.LastToken < k)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"theo tiến độ (lộ trình, thời hạn) quy định tại …" at <paramref name="k"/>, in the sentence of an explicit date
        /// that "và" follows right after, outside brackets: a step of its own, after the dated one, deferred to another
        /// provision's timetable. ("Hoàn thành trước ngày … theo tiến độ quy định tại …", with no second step, says how.)</summary>
        private bool StepAfterDateByProvision(int k)
        {
            if (!Is(k, "theo") || !(Is(k + 1, "tien", "do") || Is(k + 1, "lo", "trinh") || Is(k + 1, "thoi", "han")) || !Is(k + 3, "quy", "dinh")
                || !Is(k + 5, "tai") || OpenBracketBefore(k) >= 0)
            {
                return false;
            }

            foreach (var item in items)
            {
                if (item.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && !item.YearImplicit && item.LastToken < k && Is(item.LastToken + 1, "va")
                    && !HasSentenceBreak(item.LastToken, k))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether "theo từng" at <paramref name="k"/> comes after the frequency that leads the cell ("Định kỳ hằng
        /// quý, …", "Hằng quý, …"), read as a period before it: the frequency is the duty's timetable.</summary>
        private bool GroupedByLeadingFrequency(int k)
        {
            return (OpensWithFrequency() || FrequencyLeadsCell(k)) && PeriodReadBefore(k, inItsSentence: false);
        }

        /// <summary>Whether the clause of "theo yêu cầu" at <paramref name="k"/> (to its comma, semicolon or sentence's end, a
        /// few words) ends its requirements with "từng giai đoạn" or "từng thời kỳ" (of each stage), after a period read
        /// before it in its sentence ("hằng năm").</summary>
        private bool RequirementsOfEachStage(int k)
        {
            var stage = false;
            for (var j = k + 3; j + 2 < tokens.Length && j <= k + 16 && !Is(j, ',') && !Is(j, ';') && !IsSentenceBreak(j); j++)
            {
                stage |= Is(j, "tung", "giai", "doan") || Is(j, "tung", "thoi", "ky");
            }

            return stage && PeriodReadBefore(k, inItsSentence: true);
        }

        /// <summary>Whether a period ("hằng quý", "hằng năm") was read before token <paramref name="k"/>; with
        /// <paramref name="inItsSentence"/>, in k's sentence.</summary>
        private bool PeriodReadBefore(int k, bool inItsSentence)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Period && item.LastToken < k && !(inItsSentence && HasSentenceBreak(item.LastToken, k)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The token after "của năm 2026" in the clause of the deferral at <paramref name="k"/> ("Theo từng nhiệm vụ
        /// đầu tư của năm 2026": the year the tasks belong to, taken with the words), or k when there is none.</summary>
        private int WhoseYear(int k)
        {
            for (var j = k + 2; j + 2 < tokens.Length && !IsSentenceBreak(j) && !Is(j, ','); j++)
            {
                if (Is(j, "cua", "nam") && IsYearNumber(j + 2))
                {
                    return j + 3;
                }
            }

            return k;
        }

        /// <summary>"Đầu năm 2027": the end of the year's first quarter, as "giữa năm" is the end of its first half and
        /// "cuối năm" its last day; listed, since a reader could also take the end of January. "Kỳ họp đầu năm 2027" is
        /// the session. ("Từ đầu năm …" opens a span, "6 tháng đầu năm" is a half year, "đầu năm học" a school year.)</summary>
        private int StartOfYear(int k)
        {
            if (NamesSession(k))
            {
                return IsYearNumber(k + 2) ? k + 3 : k + 2;
            }

            var year = IsYearNumber(k + 2) ? tokens[k + 2].Value : context.TrackedYear;
            var last = IsYearNumber(k + 2) ? k + 2 : k + 1;
            var yearImplicit = !IsYearNumber(k + 2);
            if (yearImplicit && PlaceholderYear(k + 2) is { } relative)
            {
                // "Đầu năm sau", "Đầu năm tới": the start of the year said relative to the plan's.
                (year, last, yearImplicit) = (relative.Year, relative.Last, false);
            }

            AddDate(new LocalDate(year, 3, 31), null, yearImplicit, k, last);
            ambiguities.Add($"\"{Original(k, last)}\" đọc là hạn 31/03/{year} (hết quý I; có thể hiểu là hết tháng 01)");
            return last + 1;
        }

        /// <summary>"định kỳ hằng quý báo cáo Ủy ban Thường vụ Quốc hội và báo cáo Quốc hội tại kỳ họp gần nhất": a session at
        /// <paramref name="k"/> in a second report, joined by "và" to a report whose period is read before it in the sentence,
        /// is that second report's occasion beside the periodic duty, not an event the duty waits for; its words stay the
        /// note. ("Hàng năm, … báo cáo Hội đồng nhân dân … tại kỳ họp thường lệ cuối năm", one report, still waits for the
        /// session.)</summary>
        private bool SessionOfSecondReport(int k)
        {
            for (var t = k - 1; t > 0 && t >= k - 12 && !IsSentenceBreak(t) && !Is(t, ';'); t--)
            {
                if (!Is(t, "va") || !(IsReportWord(t + 1) || Is(t + 1, "trinh")))
                {
                    continue;
                }

                foreach (var item in items)
                {
                    if (item.Kind != ItemKind.Period || item.LastToken >= t || HasSentenceBreak(item.LastToken, t))
                    {
                        continue;
                    }

                    for (var u = item.LastToken + 1; u < t; u++)
                    {
                        if (IsReportWord(u) || Is(u, "trinh"))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            return false;
        }

        /// <summary>After <paramref name="k"/>: "tháng, quý, năm", period words without numbers listed with "," or "và"; the
        /// token after them, or <paramref name="k"/>.</summary>
        private int PeriodWordsAt(int k)
        {
            var j = k;
            while ((Is(j, "thang") || Is(j, "quy") || Is(j, "nam")) && !Is(j + 1, TokenType.Number))
            {
                j++;
                if (!(Is(j, ',') && (Is(j + 1, "thang") || Is(j + 1, "quy") || Is(j + 1, "nam"))))
                {
                    break;
                }

                j++;
            }

            return j > k + 1 ? j : k;
        }

        /// <summary>Whether the session at <paramref name="k"/> is where a report goes on to, in a purpose ("để …") after the
        /// duty's frequency in its sentence: "định kỳ hằng quý báo cáo Ủy ban nhân dân quận … để báo cáo Hội đồng nhân dân
        /// cùng cấp tại kỳ họp gần nhất" is quarterly; the session is the note's, no event.</summary>
        private bool SessionOfPurposeAfterDuty(int k)
        {
            if (recurringMarkers.Count == 0 || recurringMarkers[^1] >= k)
            {
                return false;
            }

            for (var t = k - 1; t > recurringMarkers[^1]; t--)
            {
                if (IsSentenceBreak(t))
                {
                    return false;
                }

                if (Is(t, "de") && WrittenAs(t, "để"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether "kỳ họp" (a session) starts at <paramref name="k"/>: not "ký hợp" ("cơ quan đăng ký hợp tác xã"),
        /// which folds the same.</summary>
        private bool IsSession(int k) => Is(k, "ky", "hop") && !WrittenAs(k, "ký") && !WrittenAs(k + 1, "hợp");

        /// <summary>"Kỳ họp HĐND gần nhất 2026", "Kỳ họp chuyên đề 2026": a year after "kỳ họp" says which
        /// session, not a deadline; the session is the event. (A month, "Kỳ họp chuyên đề tháng 5/2026", is a date.)</summary>
        private void DropSessionYears()
        {
            // (The sketch first: most phrases have no "hop", and skip the search for the words.)
            if (!Mentions("hop") || !text.Folded.Contains("ky hop", StringComparison.Ordinal))
            {
                return;
            }

            for (var k = 0; k + 1 < tokens.Length; k++)
            {
                if (!IsSession(k))
                {
                    continue;
                }

                // (A loop from the end, not RemoveAll: its predicate would look into the list while it is being compacted.)
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    var item = items[i];
                    if (item.Kind == ItemKind.Year && !item.YearImplicit && item.FirstToken > k && !ItemBetween(k, item.FirstToken, datesOnly: true)
                        && !HasSentenceBreak(k, item.FirstToken))
                    {
                        items.RemoveAt(i);
                    }
                }
            }
        }
    }
}
