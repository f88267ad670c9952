namespace Workflow.Host.Persistence;

/// <summary>A plan status's key (stored, in JSON, in URLs) and its Vietnamese label, written once.</summary>
public static class PlanStatuses
{
    public static readonly IReadOnlyList<PlanStatus> All = [PlanStatus.Active, PlanStatus.Closed, PlanStatus.Archived];

    /// <summary>"active", "closed", "archived".</summary>
    public static string Key(PlanStatus status) => status switch
    {
        PlanStatus.Active => "active",
        PlanStatus.Closed => "closed",
        PlanStatus.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status of a key (case ignored), or null.</summary>
    public static PlanStatus? Parse(string? key) => key?.Trim().ToLowerInvariant() switch
    {
        "active" => PlanStatus.Active,
        "closed" => PlanStatus.Closed,
        "archived" => PlanStatus.Archived,
        _ => null,
    };

    /// <summary>"đang theo dõi", "đã đóng", "đã lưu trữ".</summary>
    public static string Label(PlanStatus status) => status switch
    {
        PlanStatus.Active => "đang theo dõi",
        PlanStatus.Closed => "đã đóng",
        PlanStatus.Archived => "đã lưu trữ",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>Which plans a view shows: the active ones by default, or also the closed, or every plan.</summary>
public enum PlanScope
{
    /// <summary>Plans being chased (the default of every view).</summary>
    Active,

    /// <summary>Active and closed plans: everything but the archived.</summary>
    NotArchived,

    /// <summary>Closed plans only.</summary>
    Closed,

    /// <summary>Archived plans only.</summary>
    Archived,

    /// <summary>Every plan.</summary>
    All,
}

/// <summary>The scope's key in URLs and the API (<c>?ke-hoach=</c>, <c>?plans=</c>) and its label.</summary>
public static class PlanScopes
{
    public static readonly IReadOnlyList<PlanScope> All = [PlanScope.Active, PlanScope.NotArchived, PlanScope.Closed, PlanScope.Archived, PlanScope.All];

    public static string Key(PlanScope scope) => scope switch
    {
        PlanScope.Active => "active",
        PlanScope.NotArchived => "active,closed",
        PlanScope.Closed => "closed",
        PlanScope.Archived => "archived",
        PlanScope.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static string Label(PlanScope scope) => scope switch
    {
        PlanScope.Active => "Kế hoạch đang theo dõi",
        PlanScope.NotArchived => "Đang theo dõi và đã đóng",
        PlanScope.Closed => "Kế hoạch đã đóng",
        PlanScope.Archived => "Kế hoạch đã lưu trữ",
        PlanScope.All => "Mọi kế hoạch",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>The scope of a key; empty or missing is <see cref="PlanScope.Active"/>; null for an unknown key.</summary>
    public static PlanScope? Parse(string? key) => string.IsNullOrWhiteSpace(key) ? PlanScope.Active
        : All.Cast<PlanScope?>().FirstOrDefault(s => string.Equals(Key(s!.Value), key.Trim().Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    public static bool Includes(this PlanScope scope, PlanStatus status) => scope switch
    {
        PlanScope.Active => status == PlanStatus.Active,
        PlanScope.NotArchived => status != PlanStatus.Archived,
        PlanScope.Closed => status == PlanStatus.Closed,
        PlanScope.Archived => status == PlanStatus.Archived,
        _ => true,
    };
}
