using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Workflow.Definitions.Agencies;

/// <summary>
/// The stable identifier of an agency or an agency group: a lowercase ASCII slug such as
/// <c>so-noi-vu</c> or <c>ubnd-quan-ninh-kieu</c> (letters a–z and digits, in words joined by single
/// hyphens, at most 64 characters). Agencies and groups share one namespace.
/// </summary>
/// <remarks>
/// <para>The slug is checked when the value is built: a constructed <see cref="AgencyId"/> is always
/// valid, except <c>default(AgencyId)</c>, whose <see cref="Value"/> is <c>null</c> and whose
/// <see cref="ToString"/> is the empty string; <see cref="IsDefault"/> detects it.</para>
/// <para>Vietnamese letters are not accepted: write <c>so-tu-phap</c>, not <c>sở-tư-pháp</c>. Uppercase
/// is rejected rather than folded, so that an id is written one way everywhere.</para>
/// </remarks>
public readonly partial record struct AgencyId : IComparable<AgencyId>
{
    /// <summary>The longest accepted slug.</summary>
    public const int MaxLength = 64;

    /// <summary>Builds an id from a slug.</summary>
    /// <exception cref="ArgumentException">The slug is not a valid id; the message says why.</exception>
    public AgencyId(string value)
    {
        var error = Check(value);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(value));
        }

        Value = value;
    }

    /// <summary>The slug; <c>null</c> only for <c>default(AgencyId)</c>.</summary>
    public string? Value { get; }

    /// <summary>True for <c>default(AgencyId)</c>, which names nothing.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Parses a slug.</summary>
    /// <exception cref="ArgumentException">The slug is not a valid id.</exception>
    public static AgencyId Parse(string value) => new(value);

    /// <summary>Parses a slug without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out AgencyId id)
    {
        if (Check(value) is null)
        {
            id = new AgencyId(value!);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>Why <paramref name="value"/> is not a valid id, or <c>null</c> when it is.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "an agency id must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return $"agency id '{value}' is longer than {MaxLength} characters";
        }

        return SlugPattern().IsMatch(value)
            ? null
            : $"agency id '{value}' must be a lowercase ASCII slug: letters a-z and digits in words joined by single hyphens, like 'so-noi-vu'";
    }

    /// <inheritdoc/>
    public int CompareTo(AgencyId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>The slug, or "" for <c>default(AgencyId)</c>.</summary>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Orders ids by slug (ordinal).</summary>
    public static bool operator <(AgencyId left, AgencyId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids by slug (ordinal).</summary>
    public static bool operator <=(AgencyId left, AgencyId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids by slug (ordinal).</summary>
    public static bool operator >(AgencyId left, AgencyId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids by slug (ordinal).</summary>
    public static bool operator >=(AgencyId left, AgencyId right) => left.CompareTo(right) >= 0;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
