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
    /// <exception cref="DataFileException">A file is missing or wrong; the message names it and the line.</exception>
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

        var calendar = Directory.Exists(calendars) ? WorkingCalendar.Create(CalendarAdjustments.LoadDirectory(calendars)) : WorkingCalendar.StatutoryOnly;
        return new ReferenceData(AgencyDirectory.Load(agencies), calendar, ReportCalendar.Load(reports));
    }
}
