using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Workflow.Host.Persistence;

/// <summary>A coordinator's login (ASP.NET Core Identity, in the product's database).</summary>
public sealed class WorkflowUser : IdentityUser
{
    /// <summary>The name shown in the history ("who"), e.g. "Nguyễn Văn A (Sở Nội vụ)".</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the history records as "who": the display name, or the login.</summary>
    public string Who => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? Email ?? Id : DisplayName;
}

public enum ExtensionStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>
/// An agency's request to move a milestone's due date. The milestone is chased on its current
/// date until a coordinator decides; an approval extends it through the runtime.
/// </summary>
public sealed class ExtensionRequestRecord
{
    public long Id { get; set; }

    public long MilestoneId { get; set; }

    public DateOnly CurrentDue { get; set; }

    public DateOnly RequestedDue { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public Instant RequestedAtUtc { get; set; }

    public ExtensionStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public Instant? DecidedAtUtc { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Optimistic concurrency: two coordinators never both decide one request.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// One key of ASP.NET Core data protection (the login cookie, the anti-forgery tokens), kept in
/// the product's database so that every server of a cluster, and every restart, reads the same keys.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
