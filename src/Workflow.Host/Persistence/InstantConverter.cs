using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Workflow.Host.Persistence;

/// <summary>
/// A real instant (when something was recorded, a claim's or a backoff's end) as the database has
/// always held it: the UTC date-time EF writes for a <see cref="DateTime"/> (SQLite's
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, PostgreSQL's timestamp with time zone), to the tick.
/// SQLite gives it back without a kind; it is UTC.
/// </summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    utc => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
