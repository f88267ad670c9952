using System.Buffers;
using System.Globalization;
using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Step 1 and 2 of a reading: the noise of extracted text is cleaned (a footnote number glued to a
/// year), then the scanner walks the tokens and tries every pattern at each one; the patterns record
/// what they find as items.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>"Trong năm 20257": a five- or six-digit number that starts with a year is that
        /// year followed by a footnote mark.</summary>
        private void SplitFootnotes()
        {
            if (!HasNumberOf(5) && !HasNumberOf(6))
            {
                return;
            }

            for (var k = 0; k < tokens.Length; k++)
            {
                var t = tokens[k];
                if (t.IsNumber && t.Length is 5 or 6 && (text.Folded[t.Start] == '2' || (text.Folded[t.Start] == '1' && text.Folded[t.Start + 1] == '9')))
                {
                    var year = int.Parse(text.Folded.Slice(t.Start, 4), CultureInfo.InvariantCulture);
                    if (year is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear)
                    {
                        notes.Add($"bỏ số chú thích {text.Folded.Slice(t.Start + 4, t.Length - 4)} dính sau năm {year}");
                        tokens[k] = new Token(TokenType.Number, t.Start, 4, year);
                    }
                }
            }
        }


        /// <summary>"trong ngày 25 / 8 /202 6": a year typed in two pieces after a date's "/" or after "năm" ("202 6", "20 26"),
        /// one space between, is that year; listed, since it is a typing slip.</summary>
        private void JoinSplitYears()
        {
            // The first piece has two or three digits: a phrase with no such number has no year to join.
            if (!HasNumberOf(2) && !HasNumberOf(3))
            {
                return;
            }

            for (var k = 1; k + 1 < tokens.Length; k++)
            {
                var (a, b) = (tokens[k], tokens[k + 1]);
                if (!a.IsNumber || !b.IsNumber || a.Length + b.Length != 4 || a.Length < 2 || b.End - a.Start != 5 || text.Folded[a.End] != ' '
                    || !(Is(k - 1, '/') || Is(k - 1, "nam")) || Is(k + 2, TokenType.Number))
                {
                    continue;
                }

                var year = (a.Value * (b.Length == 1 ? 10 : 100)) + b.Value;
                if (year is >= DeadlineContext.MinYear and <= DeadlineContext.MaxYear)
                {
                    ambiguities.Add($"năm gõ tách \"{text.Text.AsSpan(a.Start, 5)}\" đọc là {year}");
                    tokens[k] = new Token(TokenType.Number, a.Start, 4, year);
                    tokens[k + 1] = new Token(TokenType.Punct, b.Start, b.Length, ' ');
                }
            }
        }

        private void Scan()
        {
            var k = 0;
            while (k < tokens.Length && error is null)
            {
                var next = TryItem(k);
                if (next > k)
                {
                    MarkCovered(k, next - 1);
                    k = next;
                }
                else
                {
                    k++;
                }
            }
        }

        /// <summary>Tries every pattern at token <paramref name="k"/>; returns the token after the match, or k.</summary>
        private int TryItem(int k)
        {
            // Every pattern starts at a word, except a date or a count, which starts at a number. Patterns of different
            // letters never meet at one token, so only the order within a letter matters, and each letter's patterns are
            // tried alone.
            var token = tokens[k];
            if (!token.IsWord)
            {
                return token.IsNumber ? NumberLed(k) : token.IsPunct('(') ? LunarBracketAfterDate(k) : k;
            }

            var first = text.Folded[token.Start];

            // One jump to the patterns of the word's first letter, each letter's in their order (a pattern written for two
            // letters is in both lists at its place; the extended patterns, TryExtendedItem, where they were). A word of any
            // other letter starts no pattern.
            switch (first)
            {
                case 'q':
                    return TryItemQ(k);
                case 't':
                    return TryItemT(k);
                case 'n':
                    return TryItemN(k);
                case 'd':
                    return TryItemD(k);
                case 'c':
                    return TryItemC(k);
                case 'k':
                    return TryItemK(k);
                case 'l':
                    return TryItemL(k);
                case 'h' or 'm':
                    return TryItemEvery(k);
                case 'g' or 'r':
                    // Only the extended patterns ("giữa", "riêng", "rằm").
                    return TryExtendedItem(k) is var extended && extended > k ? extended : k;
                default:
                    return k;
            }
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter q, in their order:
        /// "quý", "q".</summary>
        private int TryItemQ(int k)
        {
            // "Q1/2026", "Q4 năm 2026": a table's short "quý" (never "Q1" alone, which may be a district, "quận 1").
            if (Is(k, "quy") ? !OtherWordThanQuarter(k) : Is(k, "q") && IsShortQuarter(k))
            {
                return Quarters(k);
            }

            return k;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter t, in their order:
        /// "trường hợp … trùng ngày nghỉ", "tức" (a lunar restatement), "tháng", "thường xuyên", "trước ngày", "từ ngày", "theo
        /// hướng dẫn", and the extended patterns of t.</summary>
        private int TryItemT(int k)
        {
            if (Is(k, "truong", "hop") && DayOffShift(k) is var shifted && shifted > k)
            {
                return shifted;
            }

            if (Is(k, "tuc") && LunarRestatement(k) is var restated && restated > k)
            {
                return restated;
            }

            // ("6 tháng" is a count, but "Đợt 1 tháng 4" is the round's number, then its month.)
            if (Is(k, "thang") && (!Is(k - 1, TokenType.Number) || ((Is(k - 2, "dot") || Is(k - 2, "buoc")) && Is(k + 1, TokenType.Number)))
                && !OtherWordThanMonth(k))
            {
                return Is(k + 1, ':') ? k : Months(k);
            }

            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            if (Is(k, "thoi", "diem") && (Is(k - 1, "den") || Is(k - 1, "toi")) && !Is(k - 2, "tinh") && Is(k + 2, TokenType.Word) && Is(k + 3, TokenType.Word)
                && !Is(k + 2, "nay") && !Is(k + 2, "hien") && !Is(k + 2, "do") && !Is(k + 2, "ngay") && !Is(k + 2, "thang") && !Is(k + 2, "nam")
                && !Is(k + 2, "quy") && !Is(k + 2, "cuoi") && !Is(k + 2, "dau") && !Is(k + 2, "giua"))
            {
                // "Hạn hợp đồng dự án: Đến thời điểm hoàn thành quyết toán và bàn giao công trình": until the moment something is
                // done, as "đến khi …": an event only without a date. "Tính đến thời điểm …" (figures up to) and a moment
                // written as a day or a period ("đến thời điểm 31/12/2025", "… cuối năm") are left as they were.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 2;
            }

            if (Is(k, "theo") && (Is(k + 1, "quy") || Is(k + 1, "thang") || (Is(k + 1, "nam") && !IsYearNumber(k + 2))) && FrequencySaidBefore(k))
            {
                // "1.3. Tần suất thực hiện báo cáo: Theo quý": after "tần suất" (how often), "theo quý" is "hằng quý".
                return Every(k);
            }

            if ((Is(k - 2, "giao", "duc") || Is(k - 1, "chi")) && Is(k, "thuong", "xuyen"))
            {
                // "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": continuing education is a name, not ongoing work;
                // "tự bảo đảm chi thường xuyên": recurrent spending is a budget's, not ongoing work.
                return k;
            }

            if (Is(k, "thuong", "xuyen"))
            {
                return TrackedYearSaidAt(k);
            }

            if (Is(k, "truoc", "ngay") && !Is(k + 2, "tet") && OpenBracketBefore(k) is var reason && reason > 0
                && DateEndsAt(reason - 1) && BeforeAnEvent(k) && CountAfter(k + 2) > 0)
            {
                // "Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày theo Điều 39 …)": a count before an event in brackets
                // right after a date is how that date was worked out, its reason (the note), not an event the task waits for.
                return BracketAsNote(reason, k);
            }

            if (Is(k, "truoc", "ngay") && !Is(k + 2, "tet") && BeforeAnEvent(k) && CountAfter(k + 2) > 0)
            {
                // "Trước ngày thi ít nhất 3 ngày": a count before an event, written after the event's words, waits for it as
                // "3 ngày trước ngày thi" does. Tết is a day of the lunar calendar, not an event.
                SetEventMarker(k, EventWhen.Always);
                return k + 2;
            }

            if (Is(k, "truoc", "khi") && CountClosesEvent(k + 2))
            {
                // "… gửi về Liên hiệp các hội … trước khi trình Uỷ ban nhân dân tỉnh 20 ngày, để …": a count right after the
                // words of an act said with "trước khi" is that long before it, as "trước ngày thi ít nhất 3 ngày" is.
                SetEventMarker(k, EventWhen.Always);
                return k + 2;
            }

            if (Is(k, "truoc", "thoi", "gian") && BeforeAnEvent(k) && CountAfter(k + 3, 14) > 0)
            {
                // "… gửi cho các cơ quan phối hợp trước thời gian tổ chức cuộc họp hoặc kiểm tra thực địa ít nhất 01 ngày làm
                // việc", "… trong thời gian 03 ngày làm việc": "thời gian" (the time) of an event reads as "ngày"; its words may
                // run longer ("cuộc họp hoặc kiểm tra thực địa"), so the count is looked for a few words further on.
                SetEventMarker(k, EventWhen.Always);
                return k + 3;
            }

            if (Is(k, "truoc", "ngay") && !Is(k + 2, "tet") && !Is(k + 2, "thu") && BeforeAnEvent(k))
            {
                // "… công khai thông tin đến cử tri trước ngày tổ chức phát phiếu lấy ý kiến": before the day of something that
                // happens, with no count, waits for it as "trước khi …" does; an event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 2;
            }

            if (Is(k, "tu", "ngay") && Is(k - 1, "ke") && FromAnEventDay(k + 1) && !Is(k + 2, "ky"))
            {
                // "… đương nhiên mất quyền đại biểu Quốc hội kể từ ngày bản án, quyết định của Tòa án có hiệu lực pháp luật",
                // "Thời hạn kiểm tra: Kể từ ngày công bố Quyết định này": from the day something happens, with no count, the
                // cell's time starts at it, as a count from it does; an event only without a date. ("kể từ ngày ký", the
                // document's own day, is left as it was.)
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 2;
            }

            if (Is(k, "tu", "ngay") && !Is(k - 1, "ke") && !Is(k - 1, "tinh") && Is(k + 2, TokenType.Word) && !Is(k + 2, "nay") && EventEndAfter(k + 2))
            {
                // "Từ ngày thành lập Uỷ ban bầu cử đến ngày kết thúc cuộc bầu cử": a span between two events, not dates;
                // with a date given ("đến ngày 31/12/2025") the date is read.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 2;
            }

            if (Is(k, "theo", "huong", "dan") && !AdHocAside(k))
            {
                // ("báo cáo hàng năm và đột xuất … theo hướng dẫn của Bộ …": the guidance is for the extra report, beside the
                // yearly one, as "theo yêu cầu" is.)
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            return k;
        }

        /// <summary>"… đến hết thứ Bảy, ngày 28/1/2023 (mùng 7, tháng Giêng, năm Quý Mão)": a bracket right after a day written
        /// out that restates it in the lunar calendar (<see cref="RestatesLunarDay"/>), its parts parted by commas (which no
        /// reading of a lunar day takes): the note, not a year ("năm Quý Mão") of its own. Returns the closing bracket's
        /// token, or <paramref name="k"/>.</summary>
        private int LunarBracketAfterDate(int k)
        {
            // ("(nhằm ngày 26, 27 và 28 tháng Chạp năm Giáp Thìn)": days listed with commas after "nhằm ngày".)
            var said = Is(k + 2, ',') || (Is(k + 1, "nham") && WrittenAs(k + 1, "nhằm") && Is(k + 2, "ngay") && Is(k + 4, ','));
            if (items.Count == 0 || items[^1].Kind != ItemKind.Date || items[^1].LastToken != k - 1 || !said || RestatesLunarDay(k) is not (var close and > 0))
            {
                return k;
            }

            notes.Add(Original(k + 1, close - 1));
            return close;
        }

        /// <summary>"Chợ hoa Tết bắt đầu từ ngày 28/1 đến ngày 11/2/2021, tức từ ngày 16 đến ngày 30 tháng Chạp âm lịch",
        /// "khai mạc dự kiến ngày 3/2/2021, tức ngày 22 tháng Chạp âm lịch": after a day written out, "tức" (that is) and the
        /// same days in the lunar calendar restate them; the words are the note, read no second time (nor in the lunar year
        /// the tracked year would give, which for "tháng Chạp" in January is the year before). Returns the token that ends
        /// the restatement (its clause's comma, ";", "." or bracket), or <paramref name="k"/>.</summary>
        private int LunarRestatement(int k)
        {
            var after = Is(k - 1, ',') ? k - 2 : k - 1;
            if (!WrittenAs(k, "tức") || items.Count == 0 || items[^1].Kind != ItemKind.Date || items[^1].LastToken != after)
            {
                return k;
            }

            var end = k + 1;
            var lunar = false;
            for (; end < tokens.Length && !Is(end, ',') && !Is(end, ';') && !Is(end, '.') && !Is(end, ')'); end++)
            {
                lunar |= Is(end, "am", "lich") || Is(end, "chap") || Is(end, "gieng") || Is(end, "tet") || Is(end, "mung");
            }

            if (!lunar)
            {
                return k;
            }

            notes.Add(Original(k, end - 1));
            return end;
        }

        /// <summary>"… vào ngày 15 và 25 hàng tháng, nếu trùng vào ngày nghỉ lễ, tết hoặc ngày nghỉ hàng tuần thì chuyển sang
        /// ngày làm việc tiếp theo", "(nếu ngày tiếp công dân định kỳ trùng vào ngày Lễ, Tết thì sẽ tiếp vào ngày làm việc kế
        /// tiếp theo)", "trường hợp … trùng với ngày nghỉ … thì …": what is done when a day falls on a day off, no date nor
        /// frequency of its own (not the Tết, not "hàng tuần"); its words are the note. At "nếu" or "trường hợp" at
        /// <paramref name="k"/>, "trùng" within eight words, then a day off ("ngày nghỉ", "ngày lễ", "Lễ, Tết", "Chủ nhật"),
        /// then "thì" before the clause ends (its bracket, ";" or "."). A clause that writes a day or month out ("Nếu ngày
        /// 15/7/2025 trùng ngày nghỉ thì …", "… thì nộp trước ngày 20/12") is left to be read. Returns the token that ends the
        /// clause, or <paramref name="k"/>.</summary>
        private int DayOffShift(int k)
        {
            if (!Mentions("trung"))
            {
                return k;
            }

            var from = Is(k, "neu") ? k + 1 : k + 2;
            var coincide = -1;
            for (var t = from; t < tokens.Length && t <= from + 8 && coincide < 0 && !Is(t, ';') && !Is(t, '.'); t++)
            {
                coincide = Is(t, "trung") && WrittenAs(t, "trùng") ? t : -1;
            }

            var off = coincide + 1 + (Is(coincide + 1, "vao") || Is(coincide + 1, "voi") ? 1 : 0);
            off += Is(off, "cac") || Is(off, "nhung") ? 1 : 0;
            off += Is(off, "ngay") ? 1 : 0;
            if (coincide < 0 || !(Is(off, "nghi") || Is(off, "le") || Is(off, "tet") || Is(off, "chu", "nhat") || Is(off, "thu", "bay")))
            {
                return k;
            }

            var inBracket = Is(k - 1, '(');
            var then = false;
            var end = k;
            for (; end < tokens.Length && !Is(end, ')') && !(!inBracket && (Is(end, ';') || Is(end, '.'))); end++)
            {
                if (Is(end, TokenType.Number))
                {
                    return k;
                }

                then |= Is(end, "thi");
            }

            if (!then)
            {
                return k;
            }

            notes.Add(Original(k, end - 1));
            return end;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter n, in their order:
        /// "nếu … trùng ngày nghỉ", "ngày làm việc tiếp theo", "không vượt quá ngày …", "báo cáo ngay", "năm", "nửa", "nếu", and
        /// the extended patterns of n.</summary>
        private int TryItemN(int k)
        {
            if (Is(k, "neu") && DayOffShift(k) is var shifted && shifted > k)
            {
                return shifted;
            }

            if (Is(k, "ngay", "lam", "viec") && (Is(k + 3, "tiep", "theo") || Is(k + 3, "ke", "tiep")) && (Is(k - 2, "cham", "nhat") || (Is(k - 1, "vao") && Is(k - 3, "cham", "nhat"))))
            {
                // "Trường hợp … chấm dứt hợp đồng bảo lãnh … trước thời hạn, chậm nhất vào ngày làm việc tiếp theo, ngân hàng …
                // phải thông báo": the working day after something happens; an event unless the cell gives a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 5;
            }

            if (Is(k, "ngay") && Is(k - 3, "khong", "vuot") && Is(k - 1, "qua") && Is(k + 1, TokenType.Word) && !Is(k + 1, "nay"))
            {
                // "… mỗi lần không quá 07 ngày, nhưng không vượt quá ngày bắt đầu học kỳ mới": bounded by the day something
                // happens, which the cell does not give; an event unless it gives a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (Is(k, "ngay") && (Is(k - 2, "bao", "cao") || Is(k - 2, "thong", "bao")) && WrittenAs(k, "ngay") && !Is(k + 1, TokenType.Number))
            {
                // "Đối với các vụ lộ, mất bí mật nhà nước xảy ra phải báo cáo ngay về UBND tỉnh": a report made at once, when
                // something happens; an event when the cell says no other time.
                SetEventMarker(k, EventWhen.WithoutAnyTime);
                return k + 1;
            }

            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            if (Is(k, "nam") && (Is(k - 1, "nhung") || Is(k - 1, "cac")) && Is(k - 2, "va") && (Is(k + 1, "tiep", "theo") || Is(k + 1, "sau") || Is(k + 1, "ke", "tiep")))
            {
                // "Năm 2026 và những năm tiếp theo", "… và các năm sau": the years after, as a whole, say the work goes on; no
                // year of their own. The words stay whole in the note. ("… và có rà soát … trong các năm tiếp theo (nếu có)" is
                // read as before: ongoing work after a completion.)
                return k;
            }

            if (Is(k, "nam") && IsWeekday(k - 1) && !IsYearNumber(k + 1))
            {
                return k + 1; // "thứ Năm" (Thursday), "lần thứ năm" (the fifth): no year
            }

            if (Is(k, "nam") && !NamesAPlace(k))
            {
                return CitedDocumentYear(k) is var cited && cited > k ? cited : YearWord(k);
            }

            if (Is(k, "nua") && (Is(k + 1, "dau", "nam") || Is(k + 1, "cuoi", "nam")))
            {
                return HalfYear(k, k + 1); // "Nửa đầu năm 2026" is "6 tháng đầu năm 2026"
            }

            if (Is(k, "neu", "co") && Is(k + 2, ')') && (Is(k - 1, '(') || OpenBracketBefore(k) >= 0) && items.Count == 0 && recurringMarkers.Count == 0)
            {
                // "Thông tin trong báo cáo …, thu hồi khoáng sản (nếu có) định kỳ hằng quý, hằng năm …", "Giá ca máy (gồm giá thuê
                // máy nếu có) được công bố theo định kỳ hàng năm": brackets in the subject, before any date or period, say the
                // thing may not exist; the cell is an event only if nothing after them says when.
                SetEventMarker(k, EventWhen.WithoutLaterItem);
                return k + 2;
            }

            if (Is(k, "neu", "co") && Is(k - 1, '(') && Is(k + 2, ')') && DeadlineDayInSentence(k, tokens.Length))
            {
                // "… (nếu có), gửi … chậm nhất ngày 15/10/2025": "if any" in brackets is an aside on what is sent; beside a full
                // date it is the note (as a passive "được … khi" is, TryItemK); an event only without one.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (Is(k, "neu", "co") && Is(k - 1, '(') && Is(k + 2, ')') && MonthlyDayBefore(k) && !AdHocAside(k))
            {
                // "- Trước ngày 25 hằng tháng, Ủy ban nhân dân cấp xã căn cứ …; số kinh phí còn lại chưa chi trả các tháng trước
                // (nếu có) thực hiện rút dự toán …": after a day of every month said as the deadline, "(nếu có)" is an aside on
                // what is paid, as beside a full date; the words stay in the note. An event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k;
            }

            if (Is(k, "neu", "co") && !AdHocAside(k) && !InPurposeClause(k))
            {
                return ConditionAt(k);
            }

            if (Is(k, "neu") && WrittenAs(k, "nếu") && DifficultiesAfterIf(k + 1))
            {
                // "Quá trình thực hiện, nếu địa phương gặp khó khăn, vướng mắc cần kịp thời báo cáo về Bộ …": a report asked for
                // if difficulties arise, as "nếu có", waits for them; beside a date the date is due. "nêu" (to state: "nêu rõ
                // nội dung vướng mắc") folds the same and is no condition.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            return k;
        }

        /// <summary>Whether a day and month written out ("1.4.2020", "01/4", "1 tháng 4") come from <paramref name="j"/> on, in its
        /// sentence.</summary>
        private bool DayWrittenLaterInSentence(int j) => DayWrittenLater(j, inSentence: true);

        /// <summary>Whether a day and month written out come from <paramref name="j"/> on, in the cell (with
        /// <paramref name="inSentence"/>, in its sentence).</summary>
        private bool DayWrittenLater(int j, bool inSentence = false)
        {
            for (var t = j; t + 2 < tokens.Length && !(inSentence && IsSentenceBreak(t)); t++)
            {
                if (Is(t, TokenType.Number) && Digits(t) <= 2 && (Is(t + 1, '/') || Is(t + 1, '.') || Is(t + 1, '-') || Is(t + 1, "thang")) && Is(t + 2, TokenType.Number) && Digits(t + 2) <= 2)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter d, in their order:
        /// "đề xuất", "định kỳ" (not of a session named by its month, nor of a check-up), "đầu nhiệm kỳ", and the extended
        /// patterns of d.</summary>
        private int TryItemD(int k)
        {
            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            if (Is(k, "de", "xuat") && items.Count > 0 && items[^1].LastToken >= k - 2 && (Is(k + 2, "han") || Is(k + 2, "thoi", "han") || Is(k + 2, "dieu", "chinh")))
            {
                // "13/02/2026 Đề xuất hạn là thường xuyên": right after the deadline in force, a proposal to change it is a
                // note until the plan is changed; its words say no date to chase.
                var end = k;
                while (end + 1 < tokens.Length && !IsSentenceBreak(end + 1))
                {
                    end++;
                }

                notes.Add(Original(k, end).TrimEnd(ConditionTrim));
                return end + 1;
            }

            if (Is(k, "dinh", "ky") && Is(k + 2, "thang") && Is(k + 3, TokenType.Number) && (Is(k + 4, '/') || Is(k + 4, '.')) && IsYearNumber(k + 5)
                && DayWrittenLaterInSentence(k + 6))
            {
                // "… sẽ chủ trì tiếp công dân định kỳ tháng 4.2020 vào ngày 1.4.2020 (thứ Tư)": the month names which of the
                // periodic sessions this is, held on the day written after it; no frequency, no month's end.
                notes.Add(Original(k, k + 5));
                return k + 6;
            }

            if (Is(k, "dinh", "ky") && Is(k - 2, "suc", "khoe"))
            {
                // "được khám sức khỏe định kỳ": the kind of check-up, no duty's frequency ("khám sức khỏe định kỳ hằng năm" is
                // yearly by its own "hằng năm").
                return k + 2;
            }

            if (Is(k, "dinh", "ky"))
            {
                recurringMarkers.Add(k);
                return k + 2;
            }

            if (Is(k, "dau") && (Is(k + 1, "nhiem", "ky") || (Is(k + 1, "moi", "nhiem") && Is(k + 3, "ky"))))
            {
                // "Đầu mỗi nhiệm kỳ (sau 30 ngày công bố kết quả bầu cử …)": the start of a term comes after an election, an
                // event; a date given with it ("Kỳ họp đầu nhiệm kỳ, tháng 6/2026") is the deadline.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            return k;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter c, in their order:
        /// "cả năm", "cuối năm", and the extended patterns of c.</summary>
        private int TryItemC(int k)
        {
            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            if (Is(k, "ca", "nam") && !IsYearNumber(k + 2))
            {
                return TrackedYearSaidAt(k);
            }

            if (Is(k, "cac", "ngay") && WeekdaysListed(k + 2) is var weekdays && weekdays > k + 2)
            {
                // "… nổ mìn vào các ngày thứ 4, thứ 7 và Chủ nhật": the days of the week, each week, as "hằng tuần".
                return Every(k, noteTo: weekdays - 1);
            }

            if (Is(k, "cuoi", "dot") && WrittenAs(k + 1, "đợt"))
            {
                // "- Cuối đợt giám sát (sau 05 ngày làm việc), mỗi thành viên gửi nội dung nhận xét …": the end of a round (of
                // supervision, of a campaign) has no day of its own; an event only when the cell says no other time ("Định kỳ
                // hàng tháng (…), cuối đợt tiêu hủy (…) và đột xuất …" is the monthly duty's).
                SetEventMarker(k, EventWhen.WithoutAnyTime);
                return k + 2;
            }

            if (Is(k, "cuoi", "nam") && (NamesSession(k) || (Is(k - 1, "dip") && DeadlineLater(k + 2))))
            {
                // "Kỳ họp cuối năm 2026": the session held at the year's end is the event, not the year's last day. So is the
                // season ("tình hình trả lương, trả thưởng vào dịp cuối năm … gửi về Sở Nội vụ trước ngày 20 tháng 12 năm
                // 2025"), when a day said with "trước" or "chậm nhất" comes after it.
                return IsYearNumber(k + 2) ? k + 3 : k + 2;
            }

            if (Is(k, "cuoi", "nam"))
            {
                var year = IsYearNumber(k + 2) ? tokens[k + 2].Value : context.TrackedYear;
                var last = IsYearNumber(k + 2) ? k + 2 : k + 1;
                AddDate(new LocalDate(year, 12, 31), null, !IsYearNumber(k + 2), k, last);
                return last + 1;
            }

            return k;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter l, in their order:
        /// "liên tục".</summary>
        private int TryItemL(int k)
        {
            if (Is(k, "lien", "tuc"))
            {
                // "Ấp văn hóa nông thôn mới” 05 năm liên tục", "03 lần liên tục": a count of periods in a row is how long a
                // title was held, not work over the year.
                // ("05 ngày liên tục", "03 ngày nghỉ liên tục": how long a holiday lasts.)
                var counted = (Is(k - 2, TokenType.Number) && (Is(k - 1, "nam") || Is(k - 1, "lan") || Is(k - 1, "thang") || Is(k - 1, "quy") || Is(k - 1, "ky") || Is(k - 1, "ngay")))
                    || (Is(k - 3, TokenType.Number) && Is(k - 2, "ngay", "nghi"));
                // "diễn tập chuyển đổi hoạt động liên tục": switching over to keep a business running names a drill, not
                // work over the year.
                var continuity = Is(k - 2, "hoat", "dong") && Is(k - 4, "chuyen", "doi");
                // ("Thời gian kiểm tra liên tục từ nay đến hết ngày 22/02/2019": right before a span, how the work goes in it.)
                // ("làm việc liên tục 3 ca": how many shifts, how the work goes.)
                return counted || continuity || Is(k + 2, "tu") || (Is(k + 2, TokenType.Number) && Is(k + 3, "ca")) ? k + 2 : TrackedYearSaidAt(k);
            }

            if (Is(k, "lan") && Is(k + 1, '/') && (Is(k + 2, "tuan") || Is(k + 2, "ngay")))
            {
                // "… thực hiện nổ mìn 03 lần/tuần, vào các ngày thứ 4, thứ 7 và Chủ nhật": a count per week or per day is a
                // frequency shorter than a month, work that goes on all year, as "hằng tuần".
                return Every(k + 1, Is(k - 1, TokenType.Number) ? k - 1 : k);
            }

            // "Kiểm tra … ít nhất 01 lần trong 01 tuần", "2 lần trong tuần": as "01 lần/tuần" (not "… trong ngày 15/3", a day).
            var per = Is(k + 2, TokenType.Number) && tokens[k + 2].Value == 1 ? k + 2 : k + 1;
            if (Is(k, "lan", "trong") && (Is(per + 1, "tuan") || Is(per + 1, "ngay")) && !Is(per + 2, TokenType.Number))
            {
                return Every(per, Is(k - 1, TokenType.Number) ? k - 1 : k);
            }

            return k;
        }

        /// <summary>Whether "tần suất" (how often) comes within eight words before <paramref name="k"/> in its sentence
        /// ("Tần suất thực hiện báo cáo: Theo tháng"); "theo quý" elsewhere ("kế hoạch … chi tiết theo quý", a plan broken down
        /// by quarter) names no duty's frequency.</summary>
        private bool FrequencySaidBefore(int k)
        {
            for (var j = k - 2; j >= 0 && j >= k - 9 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, "tan", "suat"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The pattern of <see cref="TryItem"/> at a word of letter h or m: "hằng", "hàng", "mỗi" (every).</summary>
        private int TryItemEvery(int k)
        {
            if ((Is(k, "hang") || IsEach(k)) && k + 1 < tokens.Length)
            {
                // "với công suất 6 triệu hành khách mỗi năm": a capacity per year is a rate, not a duty's frequency.
                return RateOfCapacity(k) ? k + 2 : Every(k);
            }

            return k;
        }

        /// <summary>The patterns of <see cref="TryItem"/> at a word of letter k, in their order:
        /// "khi" in its many clauses, and the extended patterns of k.</summary>
        private int TryItemK(int k)
        {
            if (TryExtendedItem(k) is var extended && extended > k)
            {
                return extended;
            }

            // Every pattern below asks for "khi" at k (as "khi", in "khi kết thúc" or through IsWhen) among its tests, which
            // ask nothing else of the reading: any other word of k ("không", "kế", "kỳ", "kết") skips them all at once.
            if (!Is(k, "khi"))
            {
                return k;
            }

            if (Is(k - 1, "sau") && (Is(k, "khi", "ket", "thuc") || (Is(k, "khi") && Is(k - 2, '(') && PlannedMonthEndsAt(k - 3)))
                && BracketAfterDate(k) is var bracket && bracket >= 0)
            {
                // "Tháng 9/2026 (sau khi kết thúc kỳ tuyển sinh …)", "Dự kiến tháng 11/2025 (sau khi Ban Thường trực … ban hành
                // Hướng dẫn)": the brackets say why the date falls then (after a season ends, or once the guidance the planned
                // month counts on is out), not an act the task waits for; listed, since "sau khi" could be read as an event.
                // A date not said as planned ("Quý IV/2025 (sau khi Bộ Nội vụ ban hành hướng dẫn)") still waits.
                ambiguities.Add($"đọc là hạn đã ghi; \"{Original(k - 1, ClosingBracket(bracket) - 1)}\" trong ngoặc là ghi chú (có thể hiểu là chờ sự kiện)");
                return k + 1;
            }

            if (Is(k - 1, "sau") && Is(k, "khi", "ket", "thuc") && Is(k + 3, "nam") && !IsYearNumber(k + 4) && YearlyPeriodBefore(k))
            {
                // "… được tổ chức định kỳ mỗi năm một lần sau khi kết thúc năm công tác …": in a yearly duty, each year's end is
                // the duty's own time, nothing it waits for; the words stay in the note.
                return k + 1;
            }

            if (Is(k - 1, "sau") && Is(k, "khi") && OpenBracketBefore(k - 1) >= 0)
            {
                // "Dự thảo lần 2 … (sau khi xin ý kiến các sở, ban, ngành …). Hoàn thành trước ngày 30/11/2025": brackets say
                // what the step comes after; the cell is an event only if nothing after them says when.
                SetEventMarker(k, EventWhen.WithoutLaterItem);
                return k + 1;
            }

            if (Is(k - 1, "truoc") && IsWhen(k) && EndOfNamedPeriodAt(Is(k + 1, "ket", "thuc") ? k + 3 : Is(k + 1, "het") ? k + 2 : -1))
            {
                // "Báo cáo kết quả trước khi kết thúc năm 2025", "trước khi hết tháng 10/2025": before a named year, quarter
                // or month ends is a deadline on its last day, nothing the task waits for.
                return k + 1;
            }

            if (Is(k - 1, "truoc") && IsWhen(k) && Is(k - 2, '(') && items.Count > 0 && items[^1].Kind == ItemKind.Date && items[^1].LastToken == k - 3)
            {
                // "Quý III/2026 (trước khi tổng kết)": in brackets right after a date, "trước khi" says what the date comes
                // before, nothing the task waits for; the words stay whole in its note.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k;
            }

            if (Is(k - 1, "truoc") && Is(k, "khi") && DatedEarlierClause(k - 1))
            {
                // "… thường xuyên, liên tục trong năm 2025, sẽ có văn bản thông báo lịch … trước khi đoàn đến làm việc": in a
                // clause after the cell's dates, "trước khi" says when something else is done; an event only without a date.
                // The words stay whole in the note ("sẽ thông báo lịch trước khi đoàn đến làm việc").
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k;
            }

            if (IsWhen(k) && (Is(k - 1, "den") || Is(k - 1, "toi")) && Is(k - 2, TokenType.Word) && !Is(k - 2, "nay") && !InPurposeClause(k)
                && !(items.Count > 0 && items[^1].Kind == ItemKind.Now && items[^1].LastToken == k - 2))
            {
                // ("từ ngày ban hành Kế hoạch đến khi tổ chức thành công Đại hội …" closes the span from the issue date at an
                // event, as "từ nay đến khi …" does: it waits for it.)
                // "tiếp tục thực hiện … cho đến khi Bộ trưởng ban hành Quyết định …. Thời hạn hoàn thành trước ngày 31/3/2025":
                // "(cho) đến khi" after a verb says how long something goes on, not what the deadline waits for; an event only
                // without a date. A span it closes ("Từ tháng 10/2025 đến khi kết thúc kiểm kê", "từ nay đến khi …") ends at it.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "sau") && Is(k - 2, TokenType.Word) && DatesAfterLabelColon(k) && !InPurposeClause(k))
            {
                // "Tuần dự phòng sau khi kết thúc học kỳ II (…): từ ngày 26/5/2025 đến ngày 31/5/2025": "sau khi …" inside the
                // label of the dates its colon introduces says what they are for; an event only without a date.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "sau") && ((Is(k + 1, "thong", "nhat") && Is(k + 3, "voi")) || Is(k + 1, "lay", "y", "kien")) && Is(k - 2, TokenType.Word))
            {
                // "UBND cấp xã sau khi thống nhất với Thường trực HĐND … quyết định thành lập … chậm nhất trước 43 ngày trước
                // ngày bầu cử (tức ngày 31/01/2026)": "sau khi thống nhất với" after the body that acts says whom it agrees
                // with before it decides, a step of its own work, nothing another body does first; so does "sau khi lấy ý
                // kiến" ("… do người đứng đầu quyết định sau khi lấy ý kiến của Công đoàn"), whom it consults; an event only
                // without a date.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && k > 0 && (Is(k - 1, "truoc") || Is(k - 1, "sau")) && !AdHocAside(k) && !InPurposeClause(k)
                && (DeadlineDayInSentence(k, Is(k - 1, "truoc") ? tokens.Length : k) || (Is(k - 1, "truoc") && DateItemBefore(k) && !HasSentenceBreak(LastItemEnd(), k))))
            {
                // ("xin ý kiến … trong vòng 05 ngày (từ ngày 07/10/2021-11/10/2021) trước khi trình cấp có thẩm quyền": after a
                // full date or span of its sentence, "trước khi" says what comes next, as beside a deadline.)
                // "Báo cáo … trước khi xin ý kiến …, chậm nhất ngày 09/3/2025": beside a full date said with "trước ngày" or
                // "chậm nhất ngày" in the same sentence, "trước khi" says what the task comes before, nothing it waits for;
                // so does "sau khi" after such a date ("Trước ngày 20/8/2025: tổng hợp … sau khi sắp xếp đơn vị hành
                // chính"). The date is the task's; an event only without a date. ("Sau khi …, hoàn thành trước ngày …",
                // the clause first, still waits for it.)
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "trong") && Is(k + 1, "do"))
            {
                // "Trong khi đó, học kỳ I sẽ kết thúc trước 18/1/2026, …": "trong khi đó" (meanwhile) links two sentences; no
                // condition at all.
                return k + 2;
            }

            if (IsWhen(k) && Is(k - 1, "tu") && Is(k - 3, "phat", "sinh") && ReachedAfter(k + 1) && DeadlineDayLater(k))
            {
                // "… kê khai doanh thu thực tế phát sinh từ khi bắt đầu kinh doanh đến hết ngày 30 tháng 6 và nộp tờ khai … chậm
                // nhất là ngày 30 tháng 7": what arose ("phát sinh") from an event to a day, beside a deadline, is what the data
                // covers, nothing the task waits for ("thực hiện từ khi … đến hết ngày …" still waits). An event only without a date.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "trong") && Is(k - 2, ',') && items.Count > 0 && !Is(k + 1, "cho"))
            {
                // "Dự kiến kết quả sơ bộ sẽ được công bố vào tháng 12 năm 2025, trong khi kết quả chính thức sẽ được công bố vào
                // tháng 3 năm 2026": after a dated clause and its comma, "trong khi" (while) joins a second clause, no
                // condition. ("…, trong khi chờ hướng dẫn", while waiting, still waits.)
                return k + 1;
            }

            if (IsWhen(k) && Is(k + 1, "duoc") && !Is(k - 1, "sau") && !Is(k - 1, "truoc") && DeadlineDayInWhenClause(k))
            {
                // "Đơn phúc tra được coi là hợp lệ khi được gửi Chủ tịch Hội đồng kiểm tra trước ngày 14/7/2025": a passive
                // "khi được …" whose own clause holds the full day said with "trước" or "chậm nhất" says the condition is
                // meeting that day: the day is due. An event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "sau") && PastActAfterClause(k) && DeadlineDayInSentence(k, tokens.Length))
            {
                // "…, sau khi trao đổi ý kiến với Văn phòng Trung ương Đảng …, Bộ Nội vụ đã có Công văn … yêu cầu … hoàn thành
                // … trước ngày 31/8/2025": a clause that goes on with "đã" (already) tells what was done after it, in the
                // past: nothing the deadline waits for. An event only without a date.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, "sau") && TargetAfterClause(k))
            {
                // "Sau khi bấm nút khai trương, mục tiêu đến ngày 1-7-2021, Bộ Công an sẽ cấp được 50 triệu thẻ …": a target
                // set for a day or year right after the clause is fixed already, not counted from what the clause waits for.
                // An event only without a date.
                SetEventMarker(k - 1, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && OnlyOnCondition(k))
            {
                // "…, chỉ cấp giấy tờ vật lý khi công dân có yêu cầu, …, hoàn thành trong tháng 9 năm 2025": "chỉ … khi" (only
                // … when) says under what condition part of the work applies, the task's content; an event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && (Is(k - 1, "truoc") || Is(k - 1, "sau")) && Reorganisation(k + 1) && NamesUnitAt(k - 2))
            {
                // "… trong phạm vi địa giới của đơn vị hành chính cấp huyện trước khi sắp xếp đến hết ngày 28 tháng 02 năm
                // 2027": right after a unit, "trước khi sắp xếp" / "sau khi sáp nhập" names the unit as it was (or became),
                // nothing the task waits for.
                return k + 1;
            }

            if (IsWhen(k) && Is(k - 1, TokenType.Word) && !Is(k - 1, "sau") && !Is(k - 1, "truoc") && Reorganisation(k + 1)
                && DeadlineDayInSentence(k, tokens.Length))
            {
                // "… việc sắp xếp, bố trí cán bộ, công chức, viên chức khi sáp nhập ĐVHC cấp tỉnh, tổ chức lại ĐVHC cấp xã …
                // trước ngày 10/4/2025": "khi" after the work's words, then a merger or reorganisation of units, says which
                // situation the work is for; beside a full date said with "trước ngày" or "chậm nhất" in its sentence, the date
                // is due. An event only without a date.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && k > 1 && Is(k - 2, "duoc") && Is(k - 1, TokenType.Word) && DateItemBefore(k))
            {
                // "sổ … bằng bản giấy được cấp khi người tham gia yêu cầu" (is issued when): a passive "được … khi" says how the
                // thing works, the task's content; beside a date it is the note (as "(nếu có)" is, TryItemN); an event only
                // without one.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && !AdHocAside(k) && InPurposeClause(k) && UponRequest(k + 1))
            {
                // "Các Bộ … kịp thời xuất cấp các phương tiện … để hỗ trợ khắc phục hậu quả khi có yêu cầu của địa phương./.": a
                // request after a purpose clause is still what the task waits for when the cell says no date; beside one
                // ("Hoàn thành trong năm 2026 để kịp đưa vào sử dụng khi có yêu cầu") it is the purpose's.
                SetEventMarker(k, EventWhen.WithoutDate);
                return k + 1;
            }

            if (IsWhen(k) && StepOfDailyWork(k))
            {
                // "Hàng ngày khi sắp đến giờ chợ đóng cửa chợ, thương nhân phải tự kiểm tra …": right after a daily or weekly
                // frequency that leads the cell, "(sau, trước) khi" says at what time of each day the work is done, a step of
                // work that goes on all year (as "Hằng tháng, sau khi …" is of the monthly work), nothing it waits for; the
                // words stay in the note.
                return k;
            }

            if (IsWhen(k) && DeadlineSentenceAfter(k) && !AdHocAside(k) && !InPurposeClause(k))
            {
                // "… và đồng bộ, tích hợp trên Cổng Dịch vụ công quốc gia khi đủ điều kiện theo quy định. Thời hạn chậm nhất 05
                // ngày làm việc kể từ ngày ban hành Quyết định.": a "khi" in the task's words, before a later sentence that
                // opens with "Thời hạn" and sets the deadline, describes the work; the deadline is due. An event only without
                // a date. The words stay whole in the note.
                SetEventMarker(Is(k - 1, "sau") || Is(k - 1, "truoc") ? k - 1 : k, EventWhen.WithoutDate);
                return k;
            }

            if (Is(k - 1, "sau") && IsWhen(k) && WrittenLaterInClause(k + 1, 4, "da", "đã") && DateItemBefore(k))
            {
                // "Thời hạn báo cáo trước ngày 15 tháng 5 của năm tiếp theo, sau khi doanh nghiệp đã hoàn thành việc quyết toán
                // thuế …": after a day, "sau khi" an act said done ("đã") says what is already behind the report, nothing it
                // waits for.
                return k + 1;
            }

            if (Is(k - 1, "truoc") && IsWhen(k) && HappenedEarlierInClause(k - 1, reach: 4))
            {
                // "… các doanh nghiệp … đã được kiểm tra trước khi hoàn thuế để thực hiện thanh tra …": "trước khi" right after
                // an act said done ("đã", "đã được") says when that act was done, which the cell's subject names; nothing the
                // task waits for.
                return k + 1;
            }

            if (IsWhen(k) && !AdHocAside(k) && !InPurposeClause(k))
            {
                return ConditionAt(k);
            }

            return k;
        }

        /// <summary>Whether the "khi" at <paramref name="k"/> ("sau khi", "trước khi" too) comes right after a daily or weekly
        /// frequency that opens the cell, its comma or not: "Hàng ngày khi sắp đến giờ …", "Hằng ngày, sau khi …", "Mỗi tuần
        /// khi …". (A condition later in the cell, or after any other opening, still waits.)</summary>
        private bool StepOfDailyWork(int k)
        {
            var start = AfterListMarker();
            if (!(Is(start, "hang") || Is(start, "moi")) || !(Is(start + 1, "ngay") || Is(start + 1, "tuan")))
            {
                return false;
            }

            var next = start + (Is(start + 2, ',') ? 3 : 2);
            return k == next || (k == next + 1 && (Is(next, "sau") || Is(next, "truoc")));
        }

        /// <summary>Whether a sentence after the one of <paramref name="k"/> opens with "Thời hạn" (the deadline): "… khi đủ
        /// điều kiện theo quy định. Thời hạn chậm nhất 05 ngày làm việc …".</summary>
        private bool DeadlineSentenceAfter(int k)
        {
            for (var j = k + 1; j + 2 < tokens.Length; j++)
            {
                if (IsSentenceBreak(j) && Is(j + 1, "thoi", "han"))
                {
                    return true;
                }
            }

            return false;
        }


        /// <summary>Whether a date item ends at token <paramref name="last"/>; with <paramref name="unnamed"/>, a day that no
        /// period names ("Ngày 18 tháng 6", not "Quý I").</summary>
        private bool DateEndsAt(int last, bool unnamed = false) => DateEndingAt(last, unnamed) >= 0;

        /// <summary>The first date item that ends at token <paramref name="last"/> (with <paramref name="unnamed"/>, one no
        /// period names), or -1. (A loop, not a lambda: a pattern variable captured by a lambda would cost a closure at every
        /// token the scanner tries.)</summary>
        private int DateEndingAt(int last, bool unnamed = false)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Kind == ItemKind.Date && items[i].LastToken == last && (!unnamed || items[i].Name is null))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether a date item ends at token <paramref name="last"/> and is said with "dự kiến" ("Dự kiến tháng 11/2025",
        /// "dự kiến vào tháng 11/2025"): the month the step is planned for, which already counts on what the brackets after
        /// it name.</summary>
        private bool PlannedMonthEndsAt(int last) =>
            DateEndingAt(last) is var i && i >= 0
            && (Is(items[i].FirstToken - 2, "du", "kien") || (Is(items[i].FirstToken - 3, "du", "kien") && Is(items[i].FirstToken - 1, "vao")));

        /// <summary>"Việt Nam", "Ngân hàng Nhà nước Việt Nam", "Quảng Nam", "miền Nam": "Nam" written with its capital and no
        /// breve, after another word and before no number, is a name, not "năm" (a year), which folds to the same letters;
        /// so is "NAM" in a cell typed in capitals ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"), and "nam" after "việt" in one typed in
        /// lower case. A cell typed without accents ("Hoan thanh nam 2025", "Nam 2025") keeps its year.</summary>
        private bool NamesAPlace(int k)
        {
            if (k <= 0 || !Is(k - 1, TokenType.Word) || Is(k + 1, TokenType.Number))
            {
                return false;
            }

            var word = text.Text.AsSpan(tokens[k].Start, tokens[k].Length);
            return word.SequenceEqual("Nam") || (word.SequenceEqual("NAM") && IsCapitalWord(k - 1)) || (word.SequenceEqual("nam") && WrittenAs(k - 1, "việt"));
        }

        /// <summary>Whether the clause of the "khi" at <paramref name="k"/> (to its comma, semicolon, bracket or sentence's
        /// end, a few words) holds a day said as a deadline with its year (<see cref="DeadlineDayAt"/>).</summary>
        private bool DeadlineDayInWhenClause(int k)
        {
            for (var t = k + 1; t < tokens.Length && t <= k + 20 && !Is(t, ',') && !Is(t, ';') && !Is(t, '(') && !IsSentenceBreak(t); t++)
            {
                if (DeadlineDayAt(t) is var day && day >= 0 && FullDayAt(day))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the clause after the "sau khi" at <paramref name="k"/> (after its comma, a few words on) says "đã"
        /// (already, with its tilde): "sau khi …, Bộ Nội vụ đã có Công văn …".</summary>
        private bool PastActAfterClause(int k)
        {
            var comma = k + 1;
            while (comma < tokens.Length && comma <= k + 25 && !Is(comma, ',') && !IsSentenceBreak(comma))
            {
                comma++;
            }

            return Is(comma, ',') && WrittenLaterInClause(comma + 1, 8, "da", "đã");
        }

        /// <summary>Whether a day said as a deadline (<see cref="DeadlineDayAt"/>, its year written or not: "chậm nhất là ngày
        /// 30 tháng 7") comes after <paramref name="k"/> in its sentence.</summary>
        private bool DeadlineDayLater(int k) => DeadlineAhead(k + 1, inSentence: true, atTheLatest: false);

        /// <summary>Whether "đến (hết) ngày" and a number follow within a few words of <paramref name="j"/> in its clause.</summary>
        private bool ReachedAfter(int j)
        {
            for (var t = j; t < tokens.Length && t <= j + 8 && !Is(t, ',') && !Is(t, ';') && !IsSentenceBreak(t); t++)
            {
                var d = Is(t, "den", "het") ? t + 2 : Is(t, "den") ? t + 1 : -1;
                if (d > 0)
                {
                    return Is(d, "ngay") && Is(d + 1, TokenType.Number);
                }
            }

            return false;
        }

        /// <summary>Whether the clause of the "khi" at <paramref name="k"/> is followed, after its comma, by a target said with
        /// its time: "mục tiêu (đặt ra) (là) đến (hết) ngày / năm …".</summary>
        private bool TargetAfterClause(int k)
        {
            var comma = k + 1;
            while (comma < tokens.Length && comma <= k + 25 && !Is(comma, ',') && !IsSentenceBreak(comma))
            {
                comma++;
            }

            return Is(comma, ',') && TargetBy(comma + 1) > 0;
        }

        /// <summary>The "ngày" or "năm" after "mục tiêu (đặt ra) (là) đến (hết)" at <paramref name="j"/>, the target opening its
        /// clause, when a day or year follows it ("mục tiêu đến ngày 1-7-2021", "mục tiêu đặt ra là đến năm 2025"); otherwise -1.</summary>
        private int TargetBy(int j)
        {
            // ("Thực hiện các mục tiêu đến năm 2030": the goals the work carries out, not a target said first in its clause.)
            if (!Is(j, "muc", "tieu") || (j > 0 && !Is(j - 1, ',') && !Is(j - 1, ';') && !Is(j - 1, ':') && !IsSentenceBreak(j - 1)))
            {
                return -1;
            }

            j += 2;
            j += Is(j, "dat", "ra") ? 2 : 0;
            j += Is(j, "la") ? 1 : 0;
            if (!Is(j, "den"))
            {
                return -1;
            }

            j += Is(j + 1, "het") ? 2 : 1;
            return (Is(j, "ngay") || Is(j, "nam")) && Is(j + 1, TokenType.Number) ? j : -1;
        }

        /// <summary>Whether the words at <paramref name="j"/>, after "khi", are a request: "(có, được) yêu cầu", "(có) đề nghị",
        /// which another body makes.</summary>
        private bool UponRequest(int j)
        {
            j += Is(j, "co") || Is(j, "duoc") ? 1 : 0;
            return Is(j, "yeu", "cau") || Is(j, "de", "nghi");
        }

        /// <summary>Whether the words at <paramref name="p"/> name one period with its number: "năm 2025", "quý III/2025",
        /// "tháng 10/2025" (not "năm học 2025-2026", nor a bare "quý" of a recurring duty).</summary>
        private bool EndOfNamedPeriodAt(int p) =>
            p > 0 && ((Is(p, "nam") && IsYearNumber(p + 1)) || (Is(p, "quy") && (IsRomanLike(p + 1) || Is(p + 1, TokenType.Number)))
                || (Is(p, "thang") && Is(p + 1, TokenType.Number)));

        /// <summary>"khi" (when) as written: "khí" ("biến đổi khí hậu", "khí nhà kính") and "khỉ" fold to the same letters but
        /// are other words, which make no cell wait for anything. A cell typed without accents keeps its "khi".</summary>
        private bool IsWhen(int k) => Is(k, "khi") && WrittenAs(k, "khi");

        /// <summary>Whether the word at <paramref name="j"/> ends the name of an administrative unit or level: "xã", "phường",
        /// "thị trấn", "huyện", "quận", "tỉnh", "thành phố", "đơn vị hành chính", "ĐVHC".</summary>
        private bool NamesUnitAt(int j) =>
            Is(j, "xa") || Is(j, "phuong") || Is(j, "tran") || Is(j, "huyen") || Is(j, "quan") || Is(j, "tinh") || Is(j, "pho")
            || Is(j, "chinh") || Is(j, "dvhc");

        /// <summary>Whether the words at <paramref name="j"/> name a merger or reorganisation of units: "sáp nhập", "sắp xếp",
        /// "hợp nhất", "chia tách", "giải thể", "tổ chức lại".</summary>
        private bool Reorganisation(int j) =>
            Is(j, "sap", "nhap") || Is(j, "sap", "xep") || Is(j, "hop", "nhat") || Is(j, "chia", "tach") || Is(j, "giai", "the") || Is(j, "to", "chuc", "lai");

        /// <summary>Whether "chỉ" (only, written with its accent: not "chi", to spend) opens the clause of the "khi" at
        /// <paramref name="k"/>, within a few words and no comma before it ("chỉ cấp giấy tờ vật lý khi công dân có yêu cầu"):
        /// not the "chỉ" of a compound word ("chỉ đạo", "chỉ thị", "chỉ tiêu", "chỉ số", "chỉ định", "chỉ huy", "chỉ dẫn",
        /// "địa chỉ").</summary>
        private bool OnlyOnCondition(int k)
        {
            for (var j = k - 1; j >= 0 && j >= k - 10 && !IsSentenceBreak(j) && !Is(j, ','); j--)
            {
                if (Is(j, "chi") && WrittenAs(j, "chỉ"))
                {
                    return !Is(j - 1, "dia") && !Is(j + 1, "dao") && !Is(j + 1, "thi") && !Is(j + 1, "tieu") && !Is(j + 1, "so")
                        && !Is(j + 1, "dinh") && !Is(j + 1, "huy") && !Is(j + 1, "dan") && !Is(j + 1, "ro") && !Is(j + 1, "ra");
                }
            }

            return false;
        }

        /// <summary>Whether the "mỗi / hằng" at <paramref name="k"/> ends an average ("thu nhập bình quân hằng tháng": right after
        /// "bình quân"), a fee per month of delay ("lệ phí cho mỗi tháng bị muộn"), or a capacity ("công suất") said within a few words before
        /// it, in its clause, or names a daily newspaper ("đăng báo hàng ngày", "tờ báo (in, viết) hằng ngày", "trên báo hàng ngày"). (An
        /// output, "báo cáo sản lượng khai thác hằng năm", is reported every year.)</summary>
        private bool RateOfCapacity(int k)
        {
            if (Is(k - 2, "binh", "quan"))
            {
                return true; // "thu nhập bình quân hàng tháng": an average per month, a rate, not a frequency
            }

            // ("tờ báo in hằng ngày", "báo giấy hằng ngày", "một tờ báo viết hằng ngày": the kind of paper may stand between;
            // never "báo cáo", a report.)
            var paper = Is(k - 1, "in") || Is(k - 1, "giay") || Is(k - 1, "viet") ? k - 2 : k - 1;
            if (Is(k + 1, "ngay") && Is(paper, "bao") && (Is(paper - 1, "dang") || Is(paper - 1, "to") || Is(paper - 1, "tren")))
            {
                return true; // "đăng báo hàng ngày của Trung ương": a daily newspaper, the paper's name, not a frequency
            }

            if (Is(k + 1, "thang") && (Is(k + 2, "bi", "muon") || Is(k + 2, "bi", "cham") || Is(k + 2, "nop", "cham") || Is(k + 2, "cham", "nop")))
            {
                return true; // "nộp lệ phí cho mỗi tháng bị muộn": a fee per month of delay, a rate, not a frequency
            }

            for (var j = k - 1; j >= 0 && j >= k - 8 && !IsSentenceBreak(j) && !Is(j, ','); j--)
            {
                if (Is(j, "cong", "suat"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"thăng cấp bậc hàm" (a promotion), "thẳng", "thắng": words whose folded letters are those of "tháng" but
        /// say no month; and a month that names a campaign, "Tháng hành động vì trẻ em", "Tháng Thanh niên" ("Tháng" with its
        /// capital inside a sentence before a word written with its capital and small letters; in a cell typed all in capitals,
        /// "THÁNG THỨ 3" is a month), said no month's number: its name, not every month. So is a month named in words with its
        /// capital, or in small letters before a year ("ngày khởi nghĩa tháng Tám năm 1945", "tháng tám năm 1945"), which is
        /// one month, not every one (left unread). A cell typed without accents keeps its "thang".</summary>
        private bool OtherWordThanMonth(int k)
        {
            if (!WrittenAs(k, "tháng") && !WrittenAs(k, "thang"))
            {
                return true;
            }

            return Is(k + 1, "hanh", "dong")
                || ((IsCapitalWord(k + 1) || YearWrittenAfterName(k + 1)) && IsMonthName(k + 1) && MonthInWords(k + 1).Month == 0)
                || (k > 0 && !IsSentenceBreak(k - 1) && char.IsUpper(text.Text[tokens[k].Start]) && IsTitleWord(k + 1) && !IsRomanLike(k + 1)
                    && !IsMonthName(k + 1));
        }

        /// <summary>Whether token <paramref name="k"/> is a word written with its capital and then small letters ("Thanh"): a
        /// name's word, which a cell typed all in capitals ("THÁNG THỨ 3") does not tell.</summary>
        private bool IsTitleWord(int k) =>
            IsCapitalWord(k) && (tokens[k].Length == 1 || char.IsLower(text.Text[tokens[k].End - 1]));

        /// <summary>The months' names in words, folded ("Tháng Giêng", "Tháng Mười", "Tháng Chạp"): a month, not a campaign.</summary>
        private static readonly string[] MonthNames = ["gieng", "chap", "mot", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"];

        /// <summary>"Mười", "Mười một", "Tám" … with their capital after "tháng", and a year written out after them ("tháng Tám
        /// năm 2026", "Tháng Mười/2025"): the month's number and the token after its name; (0, k) otherwise ("Cách mạng tháng
        /// Tám", no year; "Tháng Giêng", "tháng Chạp", the lunar calendar's, are read there). In small letters with its year
        /// ("tháng tám năm 1945", a cell typed in lower case) the name is the month alike; "tháng sau" (next month) is none.</summary>
        private (int Month, int After) MonthInWords(int k)
        {
            var capital = IsCapitalWord(k);
            if (!capital && !YearWrittenAfterName(k))
            {
                return (0, k);
            }

            var month = 0;
            var after = k + 1;
            if (Is(k, "muoi"))
            {
                var second = Is(k + 1, "mot") ? 11 : Is(k + 1, "hai") ? 12 : 0;
                (month, after) = second > 0 ? (second, k + 2) : (10, k + 1);
            }
            else
            {
                for (var m = 2; m <= 9 && month == 0; m++)
                {
                    month = Is(k, MonthNames[m + 1]) ? m : 0;
                }

                month = month == 4 && !WrittenAs(k, "Tư") ? 0 : month; // "tháng Tư"; "Tu" is too many other words
                month = month == 6 && !capital && !WrittenAs(k, "sáu") ? 0 : month;
            }

            return month > 0 && (Is(after, "nam") || Is(after, '/')) && IsYearNumber(after + 1) ? (month, after) : (0, k);
        }

        /// <summary>Whether four digits stand after the one or two words from <paramref name="k"/> and "năm" or "/" ("tám năm
        /// 1945", "mười một/2025"): a month's name in small letters with a year, as a cell typed in lower case writes it.</summary>
        private bool YearWrittenAfterName(int k) =>
            ((Is(k + 1, "nam") || Is(k + 1, '/')) && Is(k + 2, TokenType.Number) && tokens[k + 2].Length == 4)
            || ((Is(k + 2, "nam") || Is(k + 2, '/')) && Is(k + 3, TokenType.Number) && tokens[k + 3].Length == 4);

        private bool IsMonthName(int k)
        {
            foreach (var name in MonthNames)
            {
                if (Is(k, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"mỗi" (each) as written: "mới" (new: "Nghị quyết mới quy định …") folds to the same letters but says no
        /// frequency. A cell typed without accents keeps its "moi".</summary>
        private bool IsEach(int k) => Is(k, "moi") && (WrittenAs(k, "mỗi") || WrittenAs(k, "moi"));

        /// <summary>Whether token <paramref name="k"/> is written <paramref name="word"/> with its accents, in any case:
        /// for the words whose folded letters stand for other words too ("khi" and "khí", "mỗi" and "mới", "lương" and
        /// "lượng").</summary>
        private bool WrittenAs(int k, string word) =>
            text.Text.AsSpan(tokens[k].Start, tokens[k].Length).Equals(word, StringComparison.OrdinalIgnoreCase);
        /// <summary>The tilde and hook vowels of "quỹ", "quĩ" (a fund), never written in "quý", "quí" (a quarter).</summary>
        private static readonly SearchValues<char> FundMarks = SearchValues.Create("ỹỸĩĨỷỶỉỈ");

        /// <summary>"quy định", "quy chế", "quy trình": "quy" written without its accent and followed by a word that is
        /// no quarter's number is another word, not "quý" ("Quy IV/2025", typed without accents, is still a quarter). "Quỹ"
        /// ("Quĩ"), a fund, written with the tilde or the hook, is never a quarter, wherever it stands ("… hoạt động của
        /// Quỹ;"). Nor is "quý" beside "hiếm", precious and rare ("loài thủy sản nguy cấp, quý, hiếm", "gen quý hiếm"). Nor
        /// is "quy" without its accent glued by a stray mark to the word after it ("theo quy;định": "quy định"), nor "hợp quy"
        /// (conformity: "hồ sơ công bố hợp quy;") in a cell typed with its accents.</summary>
        private bool OtherWordThanQuarter(int k)
        {
            var word = text.Text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (Is(k - 1, "hop") && word.IndexOfAny("ýÝíÍ") < 0 && text.Text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length).IndexOfAny("ợỢ") >= 0)
            {
                return true;
            }

            return word.IndexOfAny(FundMarks) >= 0 || (Is(k + 1, TokenType.Word) && !IsRomanLike(k + 1) && word.IndexOfAny("ýÝíÍ") < 0)
                || Is(k + 1, "hiem") || (Is(k + 1, ',') && Is(k + 2, "hiem"))
                || (Is(k + 2, TokenType.Word) && tokens[k + 1].Type == TokenType.Punct && Touches(k, k + 1) && Touches(k + 1, k + 2)
                    && !IsRomanLike(k + 2) && word.IndexOfAny("ýÝíÍ") < 0);
        }

        /// <summary>"Q1/2026", "Q IV/2026", "Q4 năm 2026", "Q2-Q3/2026": "Q" and a quarter's number followed by its year
        /// after "/", "-" or "năm", or by another such quarter. A bare "Q1" stays unread: it also names a district.</summary>
        private bool IsShortQuarter(int k)
        {
            if (Quarter(k + 1) == 0)
            {
                return false;
            }

            var after = k + 2;
            return ((Is(after, '/') || Is(after, '-')) && IsYearNumber(after + 1)) || (Is(after, "nam") && IsYearNumber(after + 1))
                || ((Is(after, '-') || Is(after, ',')) && Is(after + 1, "q") && Quarter(after + 2) != 0);
        }

        /// <summary>Whether the words at <paramref name="k"/> ("khi có yêu cầu", "theo yêu cầu của Bộ Tư pháp", "khi cần thiết",
        /// "đột xuất nếu có vấn đề phát sinh")
        /// say when an extra, unscheduled report is due, beside a duty already dated or periodic (also after "Định kỳ …"
        /// opening the cell or a label's colon, "…: Định kỳ trước ngày 10 hàng tháng và khi có phát sinh …"): "trước ngày 15 tháng 12
        /// hằng năm và báo cáo đột xuất khi có yêu cầu", "định kỳ hằng năm hoặc khi cần thiết", "báo cáo định kỳ hằng năm và
        /// khi có yêu cầu" (a "và" after the periodic duty's words). The duty is chased on its
        /// dates; the extra report is its note, not an event the task waits for.</summary>
        private bool AdHocAside(int k)
        {
            // "đột xuất" before the words, or after "theo yêu cầu"; or "hoặc" before them, after a periodic duty; or a cell
            // that opens with its duty's frequency ("Định kỳ hàng năm cập nhật kế hoạch … và cập nhật khi có sự thay đổi: …;
            // sau khi xảy ra tai nạn …", also after a list's marker: "e) Định kỳ 06 tháng, hằng năm hoặc đột xuất tham mưu …
            // báo cáo …; thực hiện công khai theo quy định của pháp luật;"), whose conditions are extra occasions beside it.
            // "Báo cáo định kỳ hằng năm và khi có yêu cầu", "Báo cáo hàng năm tại hội nghị … và tại Đại hội khi kết thúc nhiệm
            // kỳ": a "và" (and) after a periodic duty adds an occasion beside it, as "hoặc" does.
            var adHoc = Is(k + 3, "dot", "xuat") && Is(k, "theo");
            var alternative = OpensWithFrequency() || FrequencyLeadsCell(k);
            var and = -1;
            for (var j = k - 1; j >= 0 && !IsSentenceBreak(j); j--)
            {
                adHoc |= Is(j, "dot", "xuat");
                alternative |= Is(j, "hoac");
                and = and < 0 && Is(j, "va") ? j : and;
                // "Thời gian cung cấp thông tin: Định kỳ trước ngày 10 hàng tháng và khi có phát sinh thay đổi": the frequency
                // opening what a label's colon introduces is the cell's opening too.
                alternative |= Is(j, "dinh", "ky") && j > 0 && Is(j - 1, ':');
            }

            if (adHoc || alternative || and > 0)
            {
                foreach (var item in items)
                {
                    // (A day bound to a period's report, "trước ngày 20 tháng 01 năm sau đối với báo cáo năm", is periodic too.)
                    if (item.LastToken < ((adHoc || alternative) ? k : and)
                        && (item.Kind is ItemKind.Period or ItemKind.DayOfMonth || item.ReportOf is not null || (adHoc && item.Kind is ItemKind.Date or ItemKind.Year)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a day of every month said as a deadline ("Trước ngày 25 hằng tháng") is read before token
        /// <paramref name="k"/>.</summary>
        private bool MonthlyDayBefore(int k)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.DayOfMonth && item.Period == ReportingPeriod.Monthly && item.LastToken < k && SaidAsDeadline(item.FirstToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the cell leads with its duty's frequency before the condition at <paramref name="k"/>, other than
        /// with "Định kỳ" opening it (<see cref="OpensWithFrequency"/>): "Hằng tháng, sau khi rà soát, đối chiếu …, bộ phận quản
        /// lý nợ lựa chọn …" (the frequency and its comma opening the cell: what follows is a step of the monthly work), or
        /// "- Được cơ quan bảo hiểm xã hội định kỳ hằng tháng cung cấp thông tin …; được … xác nhận thông tin … khi có yêu
        /// cầu;" ("định kỳ" after the party it is said of, the first time the cell says, and the condition in a later
        /// clause: an extra occasion beside the monthly one).</summary>
        private bool FrequencyLeadsCell(int k)
        {
            var start = AfterListMarker();
            if ((Is(start, "hang") || Is(start, "moi")) && (Is(start + 1, "thang") || Is(start + 1, "quy") || Is(start + 1, "nam")) && Is(start + 2, ','))
            {
                return true;
            }

            if (recurringMarkers.Count == 0 || !Is(recurringMarkers[0], "dinh", "ky"))
            {
                return false;
            }

            var marker = recurringMarkers[0];
            return marker < k && !HasSentenceBreak(start, marker) && HasSentenceBreak(marker, k) && (items.Count == 0 || items[0].FirstToken > marker);
        }

        /// <summary>Whether, after <paramref name="k"/> in its sentence, a colon is followed within three tokens by a number (a
        /// date: "…: từ ngày 26/5/2025", "…: 31/5/2025").</summary>
        private bool DatesAfterLabelColon(int k)
        {
            for (var j = k + 1; j < tokens.Length && !IsSentenceBreak(j); j++)
            {
                if (Is(j, ':'))
                {
                    return Is(j + 1, TokenType.Number) || Is(j + 2, TokenType.Number) || Is(j + 3, TokenType.Number);
                }
            }

            return false;
        }

        /// <summary>Whether the sentence around <paramref name="k"/> has a full date said as a deadline
        /// (<see cref="DeadlineDayAt"/>: "trước ngày 15/9/2025", "chậm nhất là ngày 30/9/2025") whose marker starts before
        /// token <paramref name="before"/>.</summary>
        private bool DeadlineDayInSentence(int k, int before)
        {
            var start = k;
            while (start > 0 && !IsSentenceBreak(start - 1))
            {
                start--;
            }

            for (var j = start; j + 6 < tokens.Length && j < before && !IsSentenceBreak(j); j++)
            {
                var day = DeadlineDayAt(j);
                if (day >= 0 && FullDayAt(day))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the day at <paramref name="day"/> is written in full, its month and four-digit year after it, with
        /// slashes or in words, which are the same date: "15/9/2025", "15 tháng 9 năm 2025", "15 tháng 9/2025".</summary>
        private bool FullDayAt(int day) =>
            Is(day + 2, TokenType.Number) && Is(day + 4, TokenType.Number) && tokens[day + 4].IsWrittenYear
            && ((Is(day + 1, '/') && Is(day + 3, '/')) || (Is(day + 1, "thang") && (Is(day + 3, "nam") || Is(day + 3, '/'))));

        /// <summary>The last token of the last item read so far, or 0.</summary>
        private int LastItemEnd() => items.Count == 0 ? 0 : items[^1].LastToken;

        /// <summary>Whether a full date (with its year) was read before token <paramref name="k"/>.</summary>
        private bool DateItemBefore(int k)
        {
            foreach (var item in items)
            {
                if (item.Kind == ItemKind.Date && item.LastToken < k && !item.YearImplicit)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a date, a year or a span comes before a comma that comes before <paramref name="k"/>, in its sentence.</summary>
        private bool DatedEarlierClause(int k)
        {
            for (var j = k - 1; j >= 0 && !IsSentenceBreak(j); j--)
            {
                if (Is(j, ','))
                {
                    var comma = j;
                    return items.Exists(i => i.Kind is ItemKind.Date or ItemKind.Year or ItemKind.Span && i.LastToken < comma);
                }
            }

            return false;
        }

        /// <summary>Whether the words from <paramref name="from"/> (an act's, after "trước khi") end in a count of days or months
        /// ("trình Uỷ ban nhân dân tỉnh 20 ngày", "… ít nhất 03 tháng") with no mark between: the count is how long before it.</summary>
        private bool CountClosesEvent(int from)
        {
            for (var t = from; t + 1 < tokens.Length && t < from + 12; t++)
            {
                if (Is(t, TokenType.Number))
                {
                    return t > from && Digits(t) <= 3 && (Is(t + 1, "ngay") || Is(t + 1, "thang")) && !Is(t + 2, TokenType.Number);
                }

                if (!Is(t, TokenType.Word))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>A count of days, months or years ("ít nhất 3 ngày") in the sentence after <paramref name="from"/>, within a
        /// few words (<paramref name="reach"/>), that is not a date ("30 tháng 4"): its number's token, or -1.</summary>
        private int CountAfter(int from, int reach = 10)
        {
            for (var t = from; t + 1 < tokens.Length && t < from + reach && !IsSentenceBreak(t); t++)
            {
                // (A count in words, "ít nhất một (01) ngày", is one number token as long as its words: its value's digits count.)
                if (Is(t, TokenType.Number) && Digits(t) <= 3 && !Is(t - 1, "ngay") && (Is(t + 1, "ngay") || Is(t + 1, "thang") || Is(t + 1, "nam"))
                    && !Is(t + 2, TokenType.Number))
                {
                    return t;
                }
            }

            return -1;
        }

        /// <summary>Whether "đến ngày" followed by words, not a day ("đến ngày kết thúc cuộc bầu cử"), comes after
        /// <paramref name="from"/> in its sentence.</summary>
        private bool EventEndAfter(int from)
        {
            for (var t = from; t + 2 < tokens.Length && !IsSentenceBreak(t); t++)
            {
                if (Is(t, "den", "ngay"))
                {
                    return Is(t + 2, TokenType.Word) && !Is(t + 2, "nay") && !Is(t + 2, "het");
                }
            }

            return false;
        }

        /// <summary>Whether a deadline comes at or after token <paramref name="k"/>: a day said as one (<see cref="DeadlineDayAt"/>),
        /// or anything said with "chậm nhất" — a season's deadline need not be a day ("trả thưởng vào dịp cuối năm, báo cáo
        /// chậm nhất trong tháng 01/2026").</summary>
        private bool DeadlineLater(int k) => DeadlineAhead(k, inSentence: false, atTheLatest: true);

        /// <summary>Whether, from token <paramref name="from"/> on (to the sentence's end with <paramref name="inSentence"/>), a
        /// day said as a deadline comes, or with <paramref name="atTheLatest"/> anything said with "chậm nhất".</summary>
        private bool DeadlineAhead(int from, bool inSentence, bool atTheLatest)
        {
            for (var j = from; j + 1 < tokens.Length && !(inSentence && IsSentenceBreak(j)); j++)
            {
                if (DeadlineDayAt(j) >= 0 || (atTheLatest && Is(j, "cham", "nhat")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the words at <paramref name="k"/> say which council session ("Kỳ họp cuối năm", "Kỳ họp
        /// thường lệ cuối năm"): "kỳ họp" before them, with at most two words between.</summary>
        private bool NamesSession(int k)
        {
            for (var j = k - 1; j >= 1 && j >= k - 4 && tokens[j].IsWord; j--)
            {
                if (IsSession(j - 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The "(" that <paramref name="k"/> is inside, when a dated item comes before it; otherwise -1.</summary>
        private int BracketAfterDate(int k)
        {
            for (var j = k - 1; j >= 0; j--)
            {
                if (Is(j, ')'))
                {
                    return -1;
                }

                if (Is(j, '('))
                {
                    var open = j;
                    return items.Exists(item => item.Kind == ItemKind.Date && item.LastToken < open) ? open : -1;
                }
            }

            return -1;
        }

        /// <summary>The "(" that <paramref name="k"/> is inside (none closed between), or -1.</summary>
        private int OpenBracketBefore(int k)
        {
            for (var j = k - 1; j >= 0; j--)
            {
                if (Is(j, ')'))
                {
                    return -1;
                }

                if (Is(j, '('))
                {
                    return j;
                }
            }

            return -1;
        }

        /// <summary>The ")" that closes the bracket opened at <paramref name="open"/>, or the phrase's end.</summary>
        private int ClosingBracket(int open)
        {
            var close = open + 1;
            while (close < tokens.Length && !Is(close, ')'))
            {
                close++;
            }

            return close;
        }

        /// <summary>"Thường xuyên", "liên tục", "cả năm": the two words at <paramref name="k"/> say work over the plan's tracked
        /// year; returns the token after them.</summary>
        private int TrackedYearSaidAt(int k)
        {
            AddYear(context.TrackedYear, k, k + 1, yearImplicit: true);
            return k + 2;
        }

        /// <summary>"nếu có", "khi", "sau khi", "trước khi" at <paramref name="k"/>: a condition the cell waits for, whatever else it
        /// says (the marker takes "sau" or "trước" before it); returns the token after <paramref name="k"/>.</summary>
        private int ConditionAt(int k)
        {
            SetEventMarker(k > 0 && (Is(k - 1, "sau") || Is(k - 1, "truoc")) ? k - 1 : k, EventWhen.Always);
            return k + 1;
        }

        private void SetEventMarker(int k, EventWhen when)
        {
            if (eventMarker < 0 || eventWhen < when)
            {
                eventMarker = k;
                eventWhen = when;
            }
        }

        private void AddDate(LocalDate date, string? name, bool yearImplicit, int first, int last) =>
            items.Add(new Item(ItemKind.Date, date, date.Year, default, name, yearImplicit, first, last));

        private void AddYear(int year, int first, int last, bool yearImplicit = false) =>
            items.Add(new Item(ItemKind.Year, new LocalDate(year, 12, 31), year, default, null, yearImplicit, first, last) { Start = new LocalDate(year, 1, 1) });

        private void AddQuarter(int year, int quarter, bool yearImplicit, int first, int last)
        {
            var end = MonthEnd(year, quarter * 3);
            items.Add(new Item(ItemKind.Date, end, year, default, QuarterNames[quarter - 1], yearImplicit, first, last) { Start = new LocalDate(year, (quarter * 3) - 2, 1) });
        }

        private void AddPeriod(ReportingPeriod period, int first, int? last = null) =>
            items.Add(new Item(ItemKind.Period, default, 0, period, null, true, first, last ?? first));
    }
}
