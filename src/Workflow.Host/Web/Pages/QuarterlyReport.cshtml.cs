using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Host.Coordination;
using Workflow.Host.Persistence;
using Workflow.Host.Progress;

namespace Workflow.Host.Web.Pages;

/// <summary>The quarterly report (quý I, 6 tháng, 9 tháng, năm), on the page and as XLSX or CSV.</summary>
public sealed class QuarterlyReportModel(ProgressQueries progress, CoordinationService service) : PageModel
{
    /// <summary>The periods by their address keys.</summary>
    public static IReadOnlyList<(string Key, ReportPeriod Period)> Periods { get; } =
        [("quy-1", ReportPeriod.QuarterOne), ("6-thang", ReportPeriod.HalfYear), ("9-thang", ReportPeriod.NineMonths), ("nam", ReportPeriod.Year)];

    [FromQuery(Name = "nam")]
    public int? Year { get; set; }

    [FromQuery(Name = "ky")]
    public string? PeriodKey { get; set; }

    [FromQuery(Name = "ke-hoach")]
    public string? Plan { get; set; }

    /// <summary>Which plans when none is chosen (<c>?pham-vi=</c>): the active ones unless asked.</summary>
    [FromQuery(Name = "pham-vi")]
    public string? ScopeKey { get; set; }

    public Persistence.PlanScope Scope => Persistence.PlanScopes.Parse(ScopeKey) ?? Persistence.PlanScope.Active;

    public QuarterlyReport Report { get; private set; } = null!;

    public IReadOnlyList<PlanRecord> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await service.PlansAsync(ct).ConfigureAwait(false);
        Report = await BuildAsync(ct).ConfigureAwait(false);
    }

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => DownloadAsync(ReportExport.Format("xlsx")!, ct);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync(ReportExport.Format("csv")!, ct);

    private async Task<IActionResult> DownloadAsync(ReportFormat format, CancellationToken ct)
    {
        var report = await BuildAsync(ct).ConfigureAwait(false);
        return File(format.Render(report), format.ContentType, FileName(report, format.Extension));
    }

    private Task<QuarterlyReport> BuildAsync(CancellationToken ct)
    {
        var today = service.Today;
        var period = Periods.FirstOrDefault(p => p.Key == PeriodKey) is { Key: not null } found ? found.Period : DefaultPeriod(today);
        PeriodKey = Periods.First(p => p.Period == period).Key;
        var year = Year is >= QuarterlyReport.FirstYear and <= QuarterlyReport.LastYear ? Year.Value : (period == ReportPeriod.Year && today.Month < 12 ? today.Year - 1 : today.Year);
        return progress.ReportAsync(year, period, today, string.IsNullOrWhiteSpace(Plan) ? null : Plan, Scope, ct);
    }

    /// <summary>The last period that has ended: in May, quý I; in November, 9 tháng.</summary>
    private static ReportPeriod DefaultPeriod(NodaTime.LocalDate today) => today.Month switch
    {
        <= 3 => ReportPeriod.Year,
        <= 6 => ReportPeriod.QuarterOne,
        <= 9 => ReportPeriod.HalfYear,
        _ => ReportPeriod.NineMonths,
    };

    private static string FileName(QuarterlyReport report, string extension) =>
        $"bao-cao-{Periods.First(p => p.Period == report.Period).Key}-{report.Year}{(report.PlanFilter is null ? "" : "-" + report.PlanFilter)}.{extension}";
}
