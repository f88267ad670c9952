using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Workflow.Host.Persistence;

/// <summary>
/// A moment of Vietnam's local time as the database has always held it: "yyyy-MM-ddTHH:mm:ss" text
/// (<see cref="MilestoneMapping.Moment"/>). The text sorts as the time does, so the comparisons and
/// orders EF translates over the column (a bookmark due by now, the outbox in order) stay right,
/// and an older database's rows read as they were written.
/// </summary>
public sealed class MomentConverter() : ValueConverter<LocalDateTime, string>(
    moment => MilestoneMapping.Moment.Format(moment),
    text => MilestoneMapping.Moment.Parse(text).Value);
