using NodaTime;

namespace Workflow.Definitions.Deadlines;

/// <summary>
/// One due date of a schedule: the date the plan's words give (<see cref="Due"/>) and the date
/// that actually binds (<see cref="Effective"/>).
/// </summary>
/// <remarks>
/// The effective date follows the Civil Code 2015, art. 148: when the last day of a period falls
/// on a day off (a weekend, a public holiday, an official bridged day), the period ends on the
/// next working day. A due date on a make-up working Saturday stays where it is. A due date said
/// before Tết ("Trước Tết Nguyên đán 2026") moves back to the last working day before it instead:
/// the next working day would fall after the holiday the plan says to finish before.
/// </remarks>
/// <param name="Label">The phase's name as the plan words it ("Ban hành kế hoạch"), the period's
/// name for continuous and recurring schedules ("Quý I", "6 tháng"), or null.</param>
/// <param name="Due">The date the words give.</param>
/// <param name="Effective">The due date moved to a working day.</param>
public sealed record Milestone(string? Label, LocalDate Due, LocalDate Effective);
