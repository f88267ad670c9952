using Workflow.Definitions.Agencies;
using Workflow.Definitions.Calendars;
using Workflow.Definitions.Reports;

namespace Workflow.Definitions;

/// <summary>
/// The data a coordinator owns besides the plans, read from the workflows folder: the agency
/// directory (agencies.yaml), the working-day calendar (calendars/), the report calendar
/// (report-calendar.yaml). Everything a plan needs to be read.
/// </summary>
public sealed record ReferenceData(AgencyDirectory Agencies, WorkingCalendar Calendar, ReportCalendar Reports)
{
    /// <summary>Reads the reference data of the workflows folder at <paramref name="folder"/>.</summary>
    /// <remarks>agencies.yaml, report-calendar.yaml and the calendars/ folder are all required; an empty calendars/
    /// folder means the statutory holidays alone (<see cref="WorkingCalendar.StatutoryOnly"/>'s dates), chosen.</remarks>
    /// <exception cref="DataFileException">A file or the calendars folder is missing or wrong; the message names it and the line.</exception>
    public static ReferenceData Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var agencies = Path.Combine(folder, "agencies.yaml");
        var reports = Path.Combine(folder, "report-calendar.yaml");
        var calendars = Path.Combine(folder, "calendars");
        foreach (var required in new[] { agencies, reports })
        {
            if (!File.Exists(required))
            {
                throw new DataFileException(required, null, "không có tệp này: thư mục workflows cần agencies.yaml và report-calendar.yaml.");
            }
        }

        // No silent default where it changes a date: without calendars/ every effective date would ignore the year's
        // published swaps and compensatory days off. An empty calendars/ folder is the explicit choice of the statutory
        // holidays alone.
        if (!Directory.Exists(calendars))
        {
            throw new DataFileException(calendars, null,
                "không có thư mục này: thư mục workflows cần calendars/ (ngày nghỉ lễ, ngày hoán đổi, nghỉ bù từng năm đã công bố); "
                + "thiếu nó, ngày hiệu lực của mọi hạn sẽ tính sai. Chép thư mục calendars từ kho mã, hoặc tạo một thư mục calendars rỗng "
                + "nếu thật sự chỉ muốn tính các ngày nghỉ của Bộ luật Lao động.");
        }

        var calendar = WorkingCalendar.Create(CalendarAdjustments.LoadDirectory(calendars));
        return new ReferenceData(AgencyDirectory.Load(agencies), calendar, ReportCalendar.Load(reports));
    }
}
