using NodaTime;
using Workflow.Definitions.Calendars;

namespace Workflow.Definitions.Tests;

/// <summary>The reference data of a workflows folder: nothing defaults silently where it changes a date.</summary>
public sealed class ReferenceDataTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workflow-reference-").FullName;

    public ReferenceDataTests()
    {
        Workflow.Tests.RepositoryRoot.CopyWorkflowsTo(folder);
        Directory.Delete(Path.Combine(folder, "calendars"), recursive: true);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_folder_without_calendars_is_refused_with_a_message_that_says_what_to_do()
    {
        var e = Assert.Throws<DataFileException>(() => ReferenceData.Load(folder));

        Assert.Equal(Path.Combine(folder, "calendars"), e.File);
        Assert.Contains("thư mục workflows cần calendars/", e.Problem, StringComparison.Ordinal);
        Assert.Contains("tạo một thư mục calendars rỗng", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_calendars_folder_is_the_explicit_choice_of_the_statutory_holidays_alone()
    {
        Directory.CreateDirectory(Path.Combine(folder, "calendars"));

        var calendar = ReferenceData.Load(folder).Calendar;

        // 30/04/2025 (a Wednesday) and 01/05 are holidays; the official 2025 calendar also gives 02/05 off (a swap), the statutory rules alone do not.
        var day = new LocalDate(2025, 4, 30);
        Assert.Equal(WorkingCalendar.StatutoryOnly.NextWorkingDayOnOrAfter(day), calendar.NextWorkingDayOnOrAfter(day));
        Assert.NotEqual(RepositoryData.Calendar.NextWorkingDayOnOrAfter(day), calendar.NextWorkingDayOnOrAfter(day));
    }
}
