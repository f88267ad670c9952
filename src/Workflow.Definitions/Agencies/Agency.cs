using System.Text.RegularExpressions;
using NodaTime;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// An agency the product chases: a department, a district committee, a central body... Immutable;
/// every value is checked when it is built.
/// </summary>
/// <remarks>
/// <para>Text is stored as NFC with whitespace collapsed, so a name typed in NFD (as some macOS tools do)
/// compares equal to the same name typed in NFC.</para>
/// <para>Equality is by reference: two directories loaded from the same file give different
/// <see cref="Agency"/> objects with the same <see cref="Id"/>; compare ids when that matters.</para>
/// </remarks>
public sealed partial class Agency
{
    /// <summary>Builds an agency.</summary>
    /// <param name="id">The stable id, e.g. <c>so-noi-vu</c>.</param>
    /// <param name="name">The canonical Vietnamese name with diacritics, e.g. "Sở Nội vụ".</param>
    /// <param name="shortName">The short form used in messages, e.g. "Sở TT&amp;TT"; <c>null</c> or blank means <paramref name="name"/>.</param>
    /// <param name="kind">What sort of body this is.</param>
    /// <param name="email">Where reminders go; must look like <c>local@domain.tld</c>.</param>
    /// <param name="aliases">Other spellings the plans use; blanks and repeats are rejected.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message says which and why.</exception>
    public Agency(AgencyId id, string name, string? shortName, AgencyKind kind, string email, IEnumerable<string>? aliases = null)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("an agency needs an id", nameof(id));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"unknown agency kind {(int)kind}", nameof(kind));
        }

        var emailError = CheckEmail(email);
        if (emailError is not null)
        {
            throw new ArgumentException(emailError, nameof(email));
        }

        Id = id;
        Name = RequireText(name, nameof(name));
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : AgencyText.CollapseWhitespace(shortName);
        Kind = kind;
        Email = email.Trim();
        Aliases = CleanAliases(aliases, nameof(aliases));
    }

    /// <summary>The stable id, e.g. <c>so-noi-vu</c>.</summary>
    public AgencyId Id { get; }

    /// <summary>The canonical Vietnamese name (NFC), e.g. "Sở Thông tin và Truyền thông".</summary>
    public string Name { get; }

    /// <summary>The short form, e.g. "Sở TT&amp;TT"; equals <see cref="Name"/> when none was given.</summary>
    public string ShortName { get; }

    /// <summary>What sort of body this is.</summary>
    public AgencyKind Kind { get; }

    /// <summary>Where reminders go. Shipped data uses reserved example domains only (RFC 2606).</summary>
    public string Email { get; }

    /// <summary>Other spellings plans use (NFC, whitespace collapsed), in file order. <see cref="Name"/> and <see cref="ShortName"/> also match and need not repeat here.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The first day the agency existed; <c>null</c> when it predates every plan the directory serves.</summary>
    public LocalDate? Began { get; init; }

    /// <summary>The last day the agency existed; <c>null</c> while it exists. Its duties pass to <see cref="Succession"/> the day after.</summary>
    public LocalDate? Ended { get; init; }

    /// <summary>Who takes over the agency's duties from the day after <see cref="Ended"/>, and on what authority; <c>null</c> while it exists.</summary>
    public AgencySuccession? Succession { get; init; }

    /// <summary>The document that created the agency (number and date), when the directory records it.</summary>
    public string? Source { get; init; }

    /// <summary>True when a fact about the agency (its name, its dates, its successors) could not be checked against a public source; <see cref="Note"/> says which.</summary>
    public bool Unconfirmed { get; init; }

    /// <summary>What the directory's editors noted: what is unconfirmed, where a fact comes from.</summary>
    public string? Note { get; init; }

    /// <summary>True when the agency existed on <paramref name="day"/>.</summary>
    public bool IsActiveOn(LocalDate day) => (Began is null || day >= Began) && (Ended is null || day <= Ended);

    /// <summary>"Sở Nội vụ (so-noi-vu)".</summary>
    public override string ToString() => $"{Name} ({Id})";

    /// <summary>Why <paramref name="email"/> is not an acceptable address, or <c>null</c> when it is.</summary>
    /// <remarks>Deliberately simple: one <c>@</c>, a non-empty local part without spaces, and a domain of
    /// dot-separated labels ending in a letters-only top-level label. Internationalised addresses are not accepted.</remarks>
    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "an agency needs an email address";
        }

        return EmailPattern().IsMatch(email.Trim())
            ? null
            : $"email '{email}' is not an address like 'so-noi-vu@cantho.example'";
    }

    internal static string RequireText(string? value, string parameter)
    {
        var clean = AgencyText.CollapseWhitespace(value);
        if (clean.Length == 0)
        {
            throw new ArgumentException("a name must not be blank", parameter);
        }

        return clean;
    }

    internal static IReadOnlyList<string> CleanAliases(IEnumerable<string>? aliases, string parameter)
    {
        var result = new List<string>();
        foreach (var alias in aliases ?? [])
        {
            var clean = AgencyText.CollapseWhitespace(alias);
            if (clean.Length == 0)
            {
                throw new ArgumentException("an alias must not be blank", parameter);
            }

            if (result.Contains(clean, StringComparer.Ordinal))
            {
                throw new ArgumentException($"alias '{clean}' is listed twice", parameter);
            }

            result.Add(clean);
        }

        return result.AsReadOnly();
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@([A-Za-z0-9]([A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
