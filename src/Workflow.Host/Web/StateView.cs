using NodaTime;
using Workflow.Host.Persistence;
using Workflow.Host.Runtime;

namespace Workflow.Host.Web;

/// <summary>How a page shows a milestone's state: a Vietnamese label and a colour class.</summary>
public sealed record StateView(string Label, string Css)
{
    /// <summary>The state of <paramref name="m"/> on <paramref name="today"/>.</summary>
    public static StateView Of(MilestoneRecord m, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(m);
        var due = m.EffectiveDue is { } d ? LocalDate.FromDateOnly(d) : (LocalDate?)null;
        if (m.DoneOn is { } done)
        {
            return due is { } dd && LocalDate.FromDateOnly(done) > dd ? new("hoàn thành quá hạn", "hoan-thanh") : new("hoàn thành", "hoan-thanh");
        }

        if (m.Status == RunStatus.Dormant)
        {
            return new("chờ sự kiện", "cho-su-kien");
        }

        if (m.Status == RunStatus.Finished)
        {
            return new("đã kết thúc", "ket-thuc");
        }

        return due switch
        {
            null => new("chưa đến hạn", "chua-den-han"),
            { } x when x < today => new("quá hạn", "qua-han"),
            { } x when x <= today.PlusDays(14) => new("sắp đến hạn", "sap-den-han"),
            _ => new("chưa đến hạn", "chua-den-han"),
        };
    }
}
