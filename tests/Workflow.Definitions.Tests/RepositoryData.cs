namespace Workflow.Definitions.Tests;

/// <summary>The repository's own workflows folder, found from the test's folder upward.</summary>
internal static class RepositoryData
{
    private static readonly Lazy<ReferenceData> Reference = new(() => ReferenceData.Load(Workflows));

    public static string Workflows => Workflow.Tests.RepositoryRoot.Workflows;

    public static string Plans => Path.Combine(Workflows, "plans");

    public static ReferenceData ReferenceData => Reference.Value;

    /// <summary>The official calendar: workflows/calendars on top of the Labour Code's rules.</summary>
    public static Workflow.Definitions.Calendars.WorkingCalendar Calendar => ReferenceData.Calendar;
}
