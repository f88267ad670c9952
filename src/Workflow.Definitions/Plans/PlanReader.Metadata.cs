using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

// A plan file's head: the metadata rows above the table (its id, number, title, issue date and tracked years) and the table's heading row.
public static partial class PlanReader
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");
    private static readonly LocalDatePattern IsoPattern = LocalDatePattern.Iso;

    private sealed partial class Reading
    {
        private (PlanId Id, string? Number, string Title, LocalDate? IssuedOn, TrackingPeriod Tracking)? ReadMetadata(IEnumerable<SheetRow> rows)
        {
            var values = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => !r.IsEmpty))
            {
                var key = MetadataKeys.FirstOrDefault(k => Key(k) == Key(row[0]));
                if (key is null)
                {
                    Problem(row.Number, 0, $"không hiểu dòng \"{row[0]}\" ở phần thông tin kế hoạch; chỉ dùng các khóa: {string.Join(", ", MetadataKeys)}.", "Khóa");
                    continue;
                }

                if (values.TryGetValue(key, out var earlier))
                {
                    Problem(row.Number, 0, $"\"{key}\" đã ghi ở dòng {earlier.Row}; mỗi khóa chỉ ghi một lần.", "Khóa");
                    continue;
                }

                values[key] = (row[1], row.Number);
            }

            (string Value, int Row)? Required(string key)
            {
                if (values.TryGetValue(key, out var v) && v.Value.Length > 0)
                {
                    return v;
                }

                Problem(values.TryGetValue(key, out var empty) ? empty.Row : null, values.ContainsKey(key) ? 1 : null, $"thiếu \"{key}\": thêm dòng \"{key}\" và giá trị ở cột B, phía trên dòng tiêu đề.", "Giá trị");
                return null;
            }

            var id = Required("Mã kế hoạch");
            var title = Required("Tên kế hoạch");
            var yearCell = Required("Năm theo dõi");
            PlanId? planId = null;
            if (id is { } i)
            {
                if (PlanId.IsValid(i.Value))
                {
                    planId = new PlanId(i.Value);
                }
                else
                {
                    Problem(i.Row, 1, $"\"{i.Value}\" không dùng được làm mã kế hoạch: chỉ chữ thường không dấu, số và dấu '-', ví dụ \"cchc-2025\".", "Giá trị");
                }
            }

            LocalDate? closesOn = null;
            if (values.TryGetValue("Ngày kết thúc theo dõi", out var closingCell) && closingCell.Value.Length > 0)
            {
                closesOn = ParseDay(closingCell.Value);
                if (closesOn is null)
                {
                    Problem(closingCell.Row, 1, $"\"{closingCell.Value}\" không phải ngày: ghi dạng dd/MM/yyyy, ví dụ 31/01/2026 (ngày thôi nhắc hạn kế hoạch).", "Giá trị");
                }
            }

            TrackingPeriod? year = null;
            if (yearCell is { } y)
            {
                year = TrackingPeriod.Parse(y.Value, closesOn);
                if (year is null)
                {
                    Problem(y.Row, 1, $"\"{y.Value}\" không phải năm theo dõi: ghi một năm (2025), một khoảng năm (2023-2025) hoặc \"2023 và những năm tiếp theo\"; năm từ {DeadlineContext.MinYear} đến {DeadlineContext.MaxYear}.", "Giá trị");
                }
                else if (closesOn is { } closes && closes.Year < year.FirstYear)
                {
                    Problem(closingCell.Row, 1, $"ngày kết thúc theo dõi {closes.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} có trước năm theo dõi đầu tiên ({year.FirstYear}): ghi một ngày từ năm {year.FirstYear} trở đi.", "Giá trị");
                    year = null;
                }
            }

            LocalDate? issued = null;
            if (values.TryGetValue("Ngày ban hành", out var issuedCell) && issuedCell.Value.Length > 0)
            {
                issued = ParseDay(issuedCell.Value);
                if (issued is null)
                {
                    Problem(issuedCell.Row, 1, $"\"{issuedCell.Value}\" không phải ngày: ghi dạng dd/MM/yyyy, ví dụ 24/12/2024.", "Giá trị");
                }
            }

            var number = values.TryGetValue("Số hiệu", out var n) && n.Value.Length > 0 ? n.Value : null;
            return planId is null || title is null || year is null ? null : (planId.Value, number, title.Value.Value, issued, year);
        }

        private Dictionary<Column, int>? ReadHeader(SheetRow header)
        {
            var columns = new Dictionary<Column, int>();
            var ok = true;
            for (var c = 0; c < header.Cells.Count; c++)
            {
                var heading = header[c];
                if (heading.Length == 0)
                {
                    continue;
                }

                if (!Headings.TryGetValue(Key(heading), out var column))
                {
                    Problem(header.Number, c, $"cột \"{heading}\" không thuộc mẫu kế hoạch; đổi tên cho đúng hoặc xóa cột. Các cột: {string.Join(", ", ColumnNames.Values)}.", heading);
                    ok = false;
                    continue;
                }

                if (!columns.TryAdd(column, c))
                {
                    Problem(header.Number, c, $"cột \"{ColumnNames[column]}\" có hai lần (cột {PlanProblem.ColumnLetter(columns[column])} và cột này); giữ một.", heading);
                    ok = false;
                }
            }

            foreach (var required in new[] { Column.Activity, Column.Lead, Column.Deadline })
            {
                if (!columns.ContainsKey(required))
                {
                    Problem(header.Number, null, $"thiếu cột \"{ColumnNames[required]}\" trong dòng tiêu đề.");
                    ok = false;
                }
            }

            return ok ? columns : null;
        }

    }

    private static LocalDate? ParseDay(string text)
    {
        var result = DayPattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        result = IsoPattern.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        // A date typed into a spreadsheet cell is stored as a serial day number (1 = 1900-01-01, Excel's leap-year bug included).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 80000)
        {
            return new LocalDate(1899, 12, 30).PlusDays(serial);
        }

        return null;
    }
}
