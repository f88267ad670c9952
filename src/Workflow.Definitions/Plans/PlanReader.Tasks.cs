using System.Globalization;
using NodaTime;
using Workflow.Definitions.Deadlines;

namespace Workflow.Definitions.Plans;

// A plan file's task rows: each row's cells, its criterion, its agencies and its schedule over the tracked years.
public static partial class PlanReader
{
    private sealed partial class Reading
    {
        private PlanTask? ReadTask(SheetRow row, Dictionary<Column, int> columns, IReadOnlyList<DeadlineContext> years, Dictionary<string, int> seen)
        {
            var before = problems.Count;
            string Cell(Column column) => columns.TryGetValue(column, out var c) ? row[c] : string.Empty;

            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row[c].Length > 0 && !columns.ContainsValue(c))
                {
                    Problem(row.Number, c, "ô này nằm ngoài các cột của bảng: chuyển nội dung vào đúng cột hoặc xóa.");
                }
            }

            var idText = Cell(Column.Id);
            TaskId? id = null;
            if (idText.Length == 0)
            {
                ProblemAt(row, columns, Column.Id, "thiếu số thứ tự (TT): mỗi nhiệm vụ cần một TT riêng, ví dụ \"1\", \"2.a\".");
            }
            else if (!TaskId.IsValid(idText))
            {
                ProblemAt(row, columns, Column.Id, $"TT \"{idText}\" không dùng được: không có khoảng trắng hay dấu '/'.");
            }
            else if (seen.TryGetValue(idText, out var firstRow))
            {
                ProblemAt(row, columns, Column.Id, $"TT \"{idText}\" trùng với dòng {firstRow}; mỗi nhiệm vụ cần một TT riêng.");
            }
            else
            {
                seen[idText] = row.Number;
                id = new TaskId(idText);
            }

            var activity = Cell(Column.Activity);
            if (activity.Length == 0)
            {
                ProblemAt(row, columns, Column.Activity, "thiếu nội dung nhiệm vụ.");
            }

            var leadCell = Cell(Column.Lead);
            var lead = Agencies(row, columns, Column.Lead, leadCell, required: true);
            var coordinators = Agencies(row, columns, Column.Coordinators, Cell(Column.Coordinators), required: false);
            var deadline = Cell(Column.Deadline);
            var periodsCell = Cell(Column.ReportPeriods);
            Schedule? schedule = null;
            List<string> periodNames = [];
            if (periodsCell.Length > 0)
            {
                var periods = new List<Reports.ReportPeriodDefinition>();
                foreach (var name in periodsCell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var period = reference.Reports.Find(name);
                    if (period is null)
                    {
                        ProblemAt(row, columns, Column.ReportPeriods, $"không có kỳ báo cáo \"{name}\" trong lịch báo cáo; dùng: {string.Join("; ", reference.Reports.Periods.Select(p => p.Name))}.");
                    }
                    else
                    {
                        periods.Add(period);
                        periodNames.Add(period.Name);
                    }
                }

                var key = (deadline, string.Join(';', periodNames), lead);
                if (!reportSchedules.TryGetValue(key, out schedule))
                {
                    schedule = EveryYear(years, context => reference.Reports.Schedule(deadline, periods, lead?.Agencies ?? [], context));
                    reportSchedules[key] = schedule;
                }
            }
            else if (deadline.Length == 0)
            {
                ProblemAt(row, columns, Column.Deadline, "thiếu thời hạn: ghi ví dụ \"Quý I/2025\", \"Tháng 12/2024\", \"Trong năm 2025\", hoặc điền cột \"Kỳ báo cáo\" cho báo cáo định kỳ.");
            }
            else
            {
                if (!schedules.TryGetValue(deadline, out schedule))
                {
                    schedule = EveryYear(years, context => DeadlineParser.Parse(deadline, context));
                    schedules[deadline] = schedule;
                }

                if (!schedule.IsKnown)
                {
                    ProblemAt(row, columns, Column.Deadline, $"không đọc được thời hạn \"{deadline}\": {schedule.Reason}");
                }
                else if (schedule.Ambiguity is { } ambiguity)
                {
                    warnings.Add(new PlanProblem(file, row.Number, columns.TryGetValue(Column.Deadline, out var c) ? PlanProblem.ColumnLetter(c) : null, ColumnNames[Column.Deadline], $"\"{deadline}\" có hai cách đọc: {ambiguity}. Hãy xác nhận, hoặc ghi rõ hơn trong kế hoạch."));
                }
            }

            var criterion = ReadCriterion(row, columns, Cell);
            if (problems.Count > before || id is null || lead is null || schedule is null)
            {
                return null;
            }

            return new PlanTask
            {
                Id = id.Value,
                Row = row.Number,
                Group = NullIfEmpty(Cell(Column.Group)),
                Criterion = criterion,
                Activity = activity,
                Product = NullIfEmpty(Cell(Column.Product)),
                Lead = lead,
                Coordinators = coordinators ?? AgencyAssignment.None,
                Deadline = deadline,
                ReportPeriods = periodNames.Count == 0 ? [] : periodNames,
                Schedule = schedule,
                Note = NullIfEmpty(Cell(Column.Note)),
            };
        }

        private Criterion? ReadCriterion(SheetRow row, Dictionary<Column, int> columns, Func<Column, string> cell)
        {
            decimal? Score(Column column)
            {
                var text = cell(column);
                if (text.Length == 0)
                {
                    return null;
                }

                if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                ProblemAt(row, columns, column, $"\"{text}\" không phải điểm số: ghi số, dùng dấu phẩy hoặc dấu chấm thập phân, ví dụ 0,5.");
                return null;
            }

            var code = NullIfEmpty(cell(Column.CriterionCode));
            var text = NullIfEmpty(cell(Column.CriterionText));
            var max = Score(Column.MaxScore);
            var previous = Score(Column.PreviousScore);
            return code is null && text is null && max is null && previous is null ? null : new Criterion(code, text, max, previous);
        }

        private AgencyAssignment? Agencies(SheetRow row, Dictionary<Column, int> columns, Column column, string cell, bool required)
        {
            if (cell.Length == 0)
            {
                if (required)
                {
                    ProblemAt(row, columns, column, "thiếu cơ quan chủ trì.");
                    return null;
                }

                return AgencyAssignment.None;
            }

            if (assignments.TryGetValue((cell, required), out var known))
            {
                return known;
            }

            if (!resolutions.TryGetValue(cell, out var resolution))
            {
                resolution = reference.Agencies.Resolve(cell, agencyDay);
                resolutions[cell] = resolution;
            }

            foreach (var problem in resolution.Problems)
            {
                ProblemAt(row, columns, column, problem.Message);
            }

            if (resolution.Problems.Count > 0)
            {
                return null;
            }

            var ids = resolution.ExpandedAgencies.Select(a => a.Id).ToList();
            if (required && !resolution.NamesSomeone)
            {
                ProblemAt(row, columns, column, $"\"{cell}\" không chỉ rõ cơ quan nào chủ trì; ghi tên cơ quan hoặc nhóm trong danh bạ (workflows/agencies.yaml).");
                return null;
            }

            var assignment = new AgencyAssignment(cell, ids);
            assignments[(cell, required)] = assignment;
            return assignment;
        }
    }

    /// <summary>
    /// A task's schedule over every tracked year: the first year's, and for a recurring or
    /// continuous task the milestones its phrase gives in each later year too. A date the phrase
    /// names outright ("Trong năm 2023") comes once. When the milestones span several years, each
    /// period's name carries its year ("Quý I năm 2024").
    /// </summary>
    private static Schedule EveryYear(IReadOnlyList<DeadlineContext> years, Func<DeadlineContext, Schedule> parse)
    {
        var first = parse(years[0]);
        if (years.Count == 1 || first.Kind is not (ScheduleKind.Recurring or ScheduleKind.Continuous))
        {
            return first;
        }

        var seen = new HashSet<LocalDate>();
        var milestones = new List<(int Year, Milestone Milestone)>();
        foreach (var context in years)
        {
            var schedule = context == years[0] ? first : parse(context);
            foreach (var milestone in schedule.Milestones.Where(m => seen.Add(m.Due)))
            {
                milestones.Add((context.TrackedYear, milestone));
            }
        }

        if (milestones.Select(m => m.Year).Distinct().Count() == 1)
        {
            return first;
        }

        var labelled = milestones
            .OrderBy(m => m.Milestone.Due)
            .Select(m => m.Milestone with { Label = m.Milestone.Label is not { } label ? null : Reports.ReportCalendar.Key(label) == "nam" ? $"Năm {m.Year}" : $"{label} năm {m.Year}" })
            .ToList();
        return new Schedule(first.Phrase, first.Kind, labelled, first.Note, null);
    }
}
