namespace Workflow.Definitions.Deadlines;

/// <summary>
/// Reports whose periods carry their own dates: a given day of every month ("ngày 22 hàng tháng",
/// "chậm nhất là ngày 10 của tháng tiếp theo") and dates in a year named by a placeholder
/// ("Sơ bộ: ngày 22/12 năm N. Chính thức: ngày 10/4 năm sau (N+1)"), the same every year.
/// </summary>
public static partial class DeadlineParser
{
    private sealed partial class Reading
    {
        /// <summary>Patterns that start at a number and are not dates of the base language.</summary>
        private int TryNumberLedExtended(int k)
        {
            var n = tokens[k].Value;
            if (!Is(k - 1, "ngay") || tokens[k].Length > 2 || n is < 1 or > 31)
            {
                return k;
            }

            if (Is(k + 1, "hang", "thang") || Is(k + 1, "moi", "thang"))
            {
                return DayOfMonth(n, nextMonth: false, k, k + 2);
            }

            if (Is(k + 1, "cua", "thang", "tiep") && Is(k + 4, "theo"))
            {
                return DayOfMonth(n, nextMonth: true, k, k + 4);
            }

            if (Is(k + 1, "cua", "thang", "sau") || Is(k + 1, "thang", "tiep", "theo"))
            {
                return DayOfMonth(n, nextMonth: true, k, Is(k + 1, "cua") ? k + 3 : k + 3);
            }

            return Is(k + 1, "thang", "sau") ? DayOfMonth(n, nextMonth: true, k, k + 2) : k;
        }

        private int DayOfMonth(int day, bool nextMonth, int first, int last)
        {
            items.Add(new Item(ItemKind.DayOfMonth, default, day, ReportingPeriod.Monthly, nextMonth ? "sau" : null, true, first, last));
            recurringMarkers.Add(first);
            return last + 1;
        }

        /// <summary>After "năm": "N" (the year of the report) or "sau (N+1)" (the year after). Returns the year
        /// meant and the last token read.</summary>
        private (int Year, int Last)? PlaceholderYear(int j)
        {
            if (Is(j, "n"))
            {
                placeholderYear = true;
                return (context.TrackedYear, j);
            }

            if (!Is(j, "sau"))
            {
                return null;
            }

            placeholderYear = true;
            var last = j;
            if (Is(j + 1, '(') && Is(j + 2, "n") && Is(j + 3, '+') && Is(j + 4, TokenType.Number) && Is(j + 5, ')'))
            {
                last = j + 5;
            }

            return (context.TrackedYear + 1, last);
        }
    }
}
