namespace Workflow.Definitions.Deadlines;

internal enum TokenType : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>A word, a number or a punctuation mark of a folded phrase, with its place in it.</summary>
/// <param name="Type">What the token is.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Value">For a number, its value; for punctuation, the character.</param>
internal readonly record struct Token(TokenType Type, int Start, int Length, int Value)
{
    public int End => Start + Length;

    public bool IsPunct(char c) => Type == TokenType.Punct && Value == c;

    public bool IsNumber => Type == TokenType.Number;

    public bool IsWord => Type == TokenType.Word;

    /// <summary>Whether the token is a number written as a year: four digits, or the two of a short year the tokenizer read
    /// as this century's ("31/12/25"; no two digits hold a value above 99 otherwise).</summary>
    public bool IsWrittenYear => Type == TokenType.Number && (Length == 4 || (Length == 2 && Value > 99));
}

internal static class Tokenizer
{
    /// <summary>The most tokens a phrase is read into; the rest of a longer phrase is ignored.</summary>
    public const int MaxTokens = 256;

    /// <summary>The number words a count may be spelled with, folded ("sáu", "mười", "mươi", "lăm", "mốt").</summary>
    private static readonly string[] NumberWords = ["mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau", "bay", "tam", "chin", "muoi", "linh", "le", "tram"];

    /// <summary>Splits a folded phrase into tokens, as many as <paramref name="tokens"/> holds, and returns their
    /// count. Digits longer than nine are cut, never overflow.</summary>
    public static int Fill(ReadOnlySpan<char> folded, Span<Token> tokens)
    {
        // The parser's first loop over every character: spans without bounds checks, and the pass that joins a number
        // to its spelling in brackets only when a number is followed by "(".
        var s = folded;
        var count = 0;
        var i = 0;
        var spelledNumber = false;
        while (i < s.Length && count < tokens.Length)
        {
            var c = s[i];
            if (char.IsAsciiLetterLower(c))
            {
                var start = i;
                while (++i < s.Length && char.IsAsciiLetterLower(s[i]))
                {
                }

                tokens[count++] = new Token(TokenType.Word, start, i - start, 0);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                var value = c - '0';
                while (++i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (i - start < 9)
                    {
                        value = (value * 10) + (s[i] - '0');
                    }
                }

                if (i - start == 1 && value <= 3 && i < s.Length && s[i] == 'l' && (i + 1 == s.Length || !char.IsAsciiLetterOrDigit(s[i + 1])))
                {
                    // "chậm nhất vào ngày 3l tháng 3": one digit up to 3 with a lowercase L glued after it, then no letter or
                    // digit, is a day or month whose "1" was typed or scanned as "l" (31, 21, 11, 01), as "Quý l" is "Quý I".
                    value = (value * 10) + 1;
                    i++;
                }

                tokens[count++] = new Token(TokenType.Number, start, i - start, value);
                if (i - start == 4 && count >= 5)
                {
                    SlashFullDate(tokens, count - 1);
                }
                else if (i - start == 2 && count >= 5 && tokens[count - 2].IsPunct('/'))
                {
                    SlashShortYear(s, i, tokens, count - 1);
                }
            }
            else
            {
                if (c == '.' && DotForSpace(s, i, tokens, count))
                {
                    // "kỳ tính thuế tháng.8 năm.2021": a dot typed (or scanned) for the space after "tháng" or "năm".
                }
                else if (c is ',' or '.' or ';' or ':' or '/' or '-' or '–' or '(' or ')' or '+' or '&')
                {
                    spelledNumber |= c == '(' && count > 0 && tokens[count - 1].Type == TokenType.Number;
                    tokens[count++] = new Token(TokenType.Punct, i, 1, c == '–' ? '-' : c);
                }

                i++;
            }
        }

        return spelledNumber ? DropSpelledNumbers(folded, tokens, count) : count;
    }

    /// <summary>Whether the dot at <paramref name="i"/> stands for a space: glued between "tháng" or "năm" (the last of the
    /// <paramref name="count"/> tokens) and a digit ("tháng.8 năm.2021"), no sentence ending there.</summary>
    private static bool DotForSpace(ReadOnlySpan<char> s, int i, Span<Token> tokens, int count)
    {
        if (count == 0 || i + 1 >= s.Length || !char.IsAsciiDigit(s[i + 1]))
        {
            return false;
        }

        var word = tokens[count - 1];
        return word.IsWord && word.End == i && s.Slice(word.Start, word.Length) is "thang" or "nam";
    }

    /// <summary>"22-5-2025", "17.12.2025": a day and a month of one or two digits and a four-digit year, joined by the same
    /// dash or dot and no space, are the date "22/5/2025" typed another way; their marks are read as "/" (the text keeps
    /// them), so every pattern that knows a full date with "/" (a cited document's day, "trước ngày …:") reads it.
    /// "26-27-02-2026" is the day 26 and the date "27/02/2026", a span as "26-27/02/2026" is.</summary>
    private static void SlashFullDate(Span<Token> tokens, int year)
    {
        var (day, first, month, second) = (tokens[year - 4], tokens[year - 3], tokens[year - 2], tokens[year - 1]);
        if (day.IsNumber && month.IsNumber && day.Length <= 2 && month.Length <= 2 && day.Value is >= 1 and <= 31 && month.Value is >= 1 and <= 12
            && (first.IsPunct('-') || first.IsPunct('.')) && second.Type == TokenType.Punct && second.Value == first.Value
            && day.End == first.Start && first.End == month.Start && month.End == second.Start && second.End == tokens[year].Start)
        {
            tokens[year - 3] = first with { Value = '/' };
            tokens[year - 1] = second with { Value = '/' };
        }
    }

    /// <summary>"31/12/25", "20/8/25": a day, a month and a two-digit year joined by "/" with no space are the date of this
    /// century written in full ("31/12/2025"), as tables and e-mails type it; the year's token keeps its place and length but
    /// holds the full year, so every pattern that knows a full date reads it (<see cref="Token.IsWrittenYear"/>). Not when
    /// a number is glued before ("3/1/2/25") or after ("1/2/25/…", "1/2/25.5"), nor a day the calendar lacks; "3/25" (no
    /// day) and "20-8-25" (grades "khối 10-11-12") are left as they are.</summary>
    private static void SlashShortYear(ReadOnlySpan<char> s, int end, Span<Token> tokens, int year)
    {
        var (day, first, month, second, yy) = (tokens[year - 4], tokens[year - 3], tokens[year - 2], tokens[year - 1], tokens[year]);
        if (!day.IsNumber || !month.IsNumber || !first.IsPunct('/') || day.Length > 2 || month.Length > 2 || month.Value is < 1 or > 12
            || day.Value < 1 || day.Value > DateTime.DaysInMonth(2000 + yy.Value, month.Value)
            || day.End != first.Start || first.End != month.Start || month.End != second.Start || second.End != yy.Start)
        {
            return;
        }

        var glued = end < s.Length && (s[end] == '/' || ((s[end] is '.' or ',') && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1])));
        if (glued || (year >= 5 && tokens[year - 5].Type == TokenType.Punct && tokens[year - 5].Value is '/' or '.' && tokens[year - 5].End == day.Start))
        {
            return;
        }

        tokens[year] = yy with { Value = 2000 + yy.Value };
    }

    /// <summary>A 64-bit sketch of the words and marks in <paramref name="tokens"/>: one bit each, chosen by
    /// <see cref="Bit"/>. A word whose bit is clear is surely absent, so a pass that looks for it can stop at once; a set
    /// bit may be another word's.</summary>
    public static ulong Sketch(ReadOnlySpan<char> folded, ReadOnlySpan<Token> tokens)
    {
        var sketch = 0UL;
        foreach (var t in tokens)
        {
            sketch |= t.Type == TokenType.Number ? NumberBit(t.Length) : Bit(folded.Slice(t.Start, t.Length));
        }

        return sketch;
    }

    /// <summary>The bit of a number of <paramref name="digits"/> digits in a <see cref="Sketch"/>.</summary>
    public static ulong NumberBit(int digits) => 1UL << (((digits * 13) + 5) & 63);

    /// <summary>The bit of a folded word or mark in a <see cref="Sketch"/>, from its length and its first and last letters.</summary>
    public static ulong Bit(ReadOnlySpan<char> word) => 1UL << (((word.Length * 7) + (word[0] * 31) + word[^1]) & 63);

    /// <summary>"Định kỳ 06 (sáu) tháng", "10 (mười) ngày", "15 (mười lăm) ngày": a number followed by its spelling in
    /// brackets is one count; the brackets are dropped so the count reads as written without them.</summary>
    private static int DropSpelledNumbers(ReadOnlySpan<char> folded, Span<Token> tokens, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            tokens[kept++] = tokens[i];
            if (!tokens[i].IsNumber || i + 2 >= count || !tokens[i + 1].IsPunct('('))
            {
                continue;
            }

            var close = i + 2;
            while (close < count && close <= i + 5 && tokens[close].IsWord && IsNumberWord(folded, tokens[close]))
            {
                close++;
            }

            if (close > i + 2 && close < count && tokens[close].IsPunct(')'))
            {
                i = close; // skip "(", the words and ")"
            }
        }

        return kept;
    }

    // The codes of the number words other than a digit (1 to 9) that a count in words is made of (CountWord).
    private const int Ten = 10;      // "mười"
    private const int Tens = 11;     // "mươi", after a digit
    private const int Hundred = 12;  // "trăm", after a digit
    private const int Zero = 13;     // "linh", "lẻ", before the last digit after "trăm"
    private const int Lam = 14;      // "lăm": five after "mười"/"mươi"
    private const int Mot = 15;      // "mốt": one after "mươi"
    private const int Tu = 16;       // "tư": four after "mười"/"mươi"

    /// <summary>"trong thời hạn mười lăm ngày", "chậm nhất là chín mươi ngày", "báo cáo sáu tháng", "năm ngày làm việc": a
    /// count written in words (with its diacritics, in any case) right before a unit ("ngày", "tháng", "năm", "tuần", "giờ"),
    /// one to 999, is one number token of its value covering the words, so every count reads it as its digits; "mười lăm (15)
    /// ngày" is that count once. Not a count: words after "tháng", "ngày", "thứ", "quý", "đợt", "lần", "số", "bước" or a number
    /// ("tháng Sáu năm nay", "thứ Ba tuần sau"); a unit followed by a number ("năm 2025", "hai ngày 26 và 27/12"); "năm" after
    /// a word that makes it the year ("hằng năm", "mỗi năm", "đầu năm", "cả năm", "của năm"); "tư", "lăm", "mốt" alone; words
    /// typed without accents ("sau" is "after", "ba" "bà"). Returns the new count of tokens.</summary>
    public static int JoinCountWords(ReadOnlySpan<char> folded, ReadOnlySpan<char> written, Span<Token> tokens, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var unit = tokens[i];
            tokens[kept++] = unit;
            if (unit.Type == TokenType.Word && folded[unit.Start] is 'c' or 't' && kept >= 4 && JoinDayOrdinal(folded, written, tokens, kept) is var joined && joined > 0)
            {
                kept = joined;
                continue;
            }

            // A unit is a word of three to five letters opening with n, t or g, after a number word or a bracket and not
            // before a number ("tháng 12/2025", "năm 2025"); most words stop at these tests.
            if (unit.Type != TokenType.Word || (uint)(unit.Length - 3) > 2 || folded[unit.Start] is not ('n' or 't' or 'g') || kept < 2
                || (i + 1 < count && tokens[i + 1].IsNumber) || !(tokens[kept - 2].IsWord ? CountWord(folded, written, tokens[kept - 2]) > 0 : tokens[kept - 2].IsPunct(')'))
                || !IsCountUnit(written.Slice(unit.Start, unit.Length)))
            {
                continue;
            }

            // "mười lăm (15) ngày": the digits in brackets after the words, which must say the same number.
            var end = kept - 1;
            var bracketed = kept >= 5 && tokens[end - 1].IsPunct(')') && tokens[end - 2].IsNumber && tokens[end - 3].IsPunct('(');
            end -= bracketed ? 3 : 0;
            var first = end;
            while (first > 0 && end - first < 5 && CountWord(folded, written, tokens[first - 1]) > 0)
            {
                first--;
            }

            if (first == end || (first > 0 && (tokens[first - 1].IsNumber || NamesOne(folded.Slice(tokens[first - 1].Start, tokens[first - 1].Length)))))
            {
                continue;
            }

            // The longest run of words before the unit that is a number; "hằng năm hai tháng": a "năm" after a word that makes
            // it the year opens no count.
            for (var f = first; f < end; f++)
            {
                var value = CountValue(folded, written, tokens, f, end);
                if (value <= 0 || (bracketed && value != tokens[kept - 3].Value)
                    || (f > 0 && folded[tokens[f].Start] == 'n' && tokens[f - 1].IsWord
                        && MakesYear(folded.Slice(tokens[f - 1].Start, tokens[f - 1].Length), written.Slice(tokens[f - 1].Start, tokens[f - 1].Length))))
                {
                    continue;
                }

                var start = tokens[f].Start;
                tokens[f] = new Token(TokenType.Number, start, tokens[kept - 2].End - start, value);
                tokens[f + 1] = unit;
                kept = f + 2;
                break;
            }
        }

        return kept;
    }

    /// <summary>"… chậm nhất vào ngày thứ mười của tháng kế tiếp": a day's ordinal in words, ten to thirty-one, after "ngày
    /// thứ" and before "của" or "tháng" (the unit ending at <paramref name="kept"/>), is one number token of its value, the
    /// day; "ngày thứ Hai" (Monday) and the other weekdays are under ten and stay words. Returns the new count of tokens, or
    /// -1.</summary>
    private static int JoinDayOrdinal(ReadOnlySpan<char> folded, ReadOnlySpan<char> written, Span<Token> tokens, int kept)
    {
        var unit = tokens[kept - 1];
        if (!folded.Slice(unit.Start, unit.Length).SequenceEqual("cua") && !folded.Slice(unit.Start, unit.Length).SequenceEqual("thang"))
        {
            return -1;
        }

        var end = kept - 1;
        var first = end;
        while (first > 0 && end - first < 4 && CountWord(folded, written, tokens[first - 1]) > 0)
        {
            first--;
        }

        if (first == end || first < 2 || !folded.Slice(tokens[first - 1].Start, tokens[first - 1].Length).SequenceEqual("thu")
            || !folded.Slice(tokens[first - 2].Start, tokens[first - 2].Length).SequenceEqual("ngay"))
        {
            return -1;
        }

        var value = CountValue(folded, written, tokens, first, end);
        if (value is < 10 or > 31)
        {
            return -1;
        }

        tokens[first] = new Token(TokenType.Number, tokens[first].Start, tokens[end - 1].End - tokens[first].Start, value);
        tokens[first + 1] = unit;
        return first + 2;
    }

    private static bool IsCountUnit(ReadOnlySpan<char> word) =>
        Written(word, "ngày") || Written(word, "tháng") || Written(word, "năm") || Written(word, "tuần") || Written(word, "giờ");

    /// <summary>Words after which a number word names one thing, not a count: "tháng Sáu", "ngày mười lăm", "thứ Ba",
    /// "quý hai", "đợt ba", "lần hai", "số một", "bước hai".</summary>
    private static bool NamesOne(ReadOnlySpan<char> word) =>
        word is "thang" or "ngay" or "thu" or "quy" or "dot" or "lan" or "so" or "buoc";

    /// <summary>Words after which "năm" is the year, not five: "hằng năm", "hàng năm", "mỗi năm", "cả năm", "đầu năm",
    /// "cuối năm", "giữa năm", "nửa năm", "của năm", "cùng năm". "mới" (new), which folds as "mỗi" does, is not one: "“Ấp văn
    /// hóa nông thôn mới” năm năm liên tục" counts five years.</summary>
    private static bool MakesYear(ReadOnlySpan<char> word, ReadOnlySpan<char> written) =>
        word is "hang" or "ca" or "dau" or "cuoi" or "giua" or "nua" or "cua" or "cung"
        || (word is "moi" && written.IndexOfAny("ớỚ") < 0);

    /// <summary>A number word as written: a digit 1 to 9, or one of the codes above; 0 when the token is none.</summary>
    private static int CountWord(ReadOnlySpan<char> folded, ReadOnlySpan<char> written, Token t)
    {
        if (t.Type != TokenType.Word || t.Length > 4)
        {
            return 0;
        }

        var w = written.Slice(t.Start, t.Length);
        return folded[t.Start] switch
        {
            'm' => Written(w, "một") ? 1 : Written(w, "mười") ? Ten : Written(w, "mươi") ? Tens : Written(w, "mốt") ? Mot : 0,
            'h' => Written(w, "hai") ? 2 : 0,
            'b' => Written(w, "ba") ? 3 : Written(w, "bốn") ? 4 : Written(w, "bảy") || Written(w, "bẩy") ? 7 : 0,
            'n' => Written(w, "năm") ? 5 : 0,
            's' => Written(w, "sáu") ? 6 : 0,
            't' => Written(w, "tám") ? 8 : Written(w, "trăm") ? Hundred : Written(w, "tư") ? Tu : 0,
            'c' => Written(w, "chín") ? 9 : 0,
            'l' => Written(w, "lăm") ? Lam : Written(w, "linh") || Written(w, "lẻ") ? Zero : 0,
            _ => 0,
        };
    }

    private static bool Written(ReadOnlySpan<char> word, string written) => word.Equals(written, StringComparison.OrdinalIgnoreCase);

    /// <summary>The number the words from token <paramref name="first"/> up to <paramref name="end"/> (excluded) say, or 0:
    /// "[digit trăm] [linh digit | mười [ones] | digit mươi [ones] | digit]" ("sáu", "mười lăm", "hai mươi mốt", "chín mươi",
    /// "một trăm linh năm"). After "mười" or "mươi" five is "lăm", never "năm" ("mười năm" is ten years).</summary>
    private static int CountValue(ReadOnlySpan<char> folded, ReadOnlySpan<char> written, ReadOnlySpan<Token> tokens, int first, int end)
    {
        var p = first;
        var value = 0;
        var code = CountWord(folded, written, tokens[p]);
        if (p + 1 < end && code is >= 1 and <= 9 && CountWord(folded, written, tokens[p + 1]) == Hundred)
        {
            value = code * 100;
            p += 2;
            if (p == end)
            {
                return value;
            }

            code = CountWord(folded, written, tokens[p]);
            if (code == Zero)
            {
                var last = p + 2 == end ? CountWord(folded, written, tokens[p + 1]) : 0;
                return last is >= 1 and <= 9 ? value + last : 0;
            }
        }

        if (code == Ten || (p + 1 < end && code is >= 2 and <= 9 && CountWord(folded, written, tokens[p + 1]) == Tens))
        {
            value += code == Ten ? 10 : code * 10;
            p += code == Ten ? 1 : 2;
            if (p == end)
            {
                return value;
            }

            var ones = p + 1 == end ? CountWord(folded, written, tokens[p]) : 0;
            ones = ones switch
            {
                Lam => 5,
                Tu => 4,
                Mot when code != Ten => 1,
                >= 1 and <= 9 and not 5 => ones,
                _ => 0,
            };
            return ones > 0 ? value + ones : 0;
        }

        return value == 0 && p + 1 == end && code is >= 1 and <= 9 ? code : 0;
    }

    private static bool IsNumberWord(ReadOnlySpan<char> folded, Token word)
    {
        var text = folded.Slice(word.Start, word.Length);
        foreach (var number in NumberWords)
        {
            if (text.SequenceEqual(number))
            {
                return true;
            }
        }

        return false;
    }
}
