using NodaTime;

namespace Workflow.Host.Runtime;

/// <summary>
/// The one crossing between the calendar days the runtime and coordination work with (<see cref="LocalDate"/>) and the
/// date columns of the persistence entities (<see cref="DateOnly"/>): every read and write of such a column in
/// Runtime and Coordination goes through here, so the day a column is mapped to <see cref="LocalDate"/> itself, this
/// class goes and the compiler names each place that used it.
/// </summary>
internal static class StoredDates
{
    /// <summary>A stored day, as the calendar day it is.</summary>
    public static LocalDate Read(DateOnly stored) => LocalDate.FromDateOnly(stored);

    /// <summary>A stored day or none.</summary>
    public static LocalDate? Read(DateOnly? stored) => stored is { } day ? LocalDate.FromDateOnly(day) : null;

    /// <summary>A calendar day, as a date column keeps it.</summary>
    public static DateOnly Write(LocalDate day) => day.ToDateOnly();

    /// <summary>A calendar day or none, as a nullable date column keeps it.</summary>
    public static DateOnly? Write(LocalDate? day) => day?.ToDateOnly();
}
