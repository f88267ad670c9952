using NodaTime;

namespace Workflow.Definitions.Calendars;

/// <summary>Why a weekday (or, for holidays, any day) is a day off.</summary>
public enum DayOffKind
{
    /// <summary>A public holiday of the Labour Code (ngày nghỉ lễ, Tết — Bộ luật Lao động 2019, Điều 112).</summary>
    Holiday,

    /// <summary>
    /// A compensatory day off (nghỉ bù) for a holiday that fell on a weekly rest day
    /// (Bộ luật Lao động 2019, Điều 111 khoản 3): the next working day.
    /// </summary>
    Compensatory,

    /// <summary>
    /// A day off granted by an official announcement: usually a working day swapped with a Saturday
    /// (ngày nghỉ hoán đổi, made up by a <see cref="MakeUpWorkingDay"/>), occasionally an extra day off.
    /// </summary>
    Announced,
}

/// <summary>A named day off: a holiday, a compensatory day off or an announced (bridged) day off.</summary>
/// <param name="Date">The date, ISO calendar.</param>
/// <param name="Name">The Vietnamese name, with diacritics, NFC-normalised (e.g. "Nghỉ bù Quốc khánh").</param>
/// <param name="Kind">Why the day is off.</param>
/// <param name="Source">
/// The announcement that set this day (e.g. "Thông báo 6150/TB-LĐTBXH"); for a compensatory day, that of the
/// holiday it compensates. Null for a day given by the Labour Code's default rules alone.
/// </param>
public sealed record DayOff(LocalDate Date, string Name, DayOffKind Kind = DayOffKind.Holiday, string? Source = null);

/// <summary>
/// A weekend day officially turned into a working day (ngày làm bù), in exchange for an announced day off.
/// </summary>
/// <param name="Date">The date, ISO calendar; a Saturday or Sunday.</param>
/// <param name="Name">The Vietnamese description, NFC-normalised (e.g. "Làm bù ngày 02/05/2025").</param>
/// <param name="Source">The announcement that set it.</param>
public sealed record MakeUpWorkingDay(LocalDate Date, string Name, string Source);
