namespace Evenhand.Inspections;

/// <summary>Deadline arithmetic for recommendations.</summary>
public static class DeadlineRules
{
    /// <summary>
    /// A fixed date wins; otherwise a relative rule ("within six months of the College of Policing updating its APP")
    /// yields a date only once its trigger event is recorded. AddMonths clamps to month end (31 Aug + 6 months = 28/29 Feb).
    /// </summary>
    public static DateOnly? DueDate(DateOnly? fixedDate, int? monthsAfterEvent, DateOnly? eventOn) =>
        fixedDate ?? (monthsAfterEvent is { } m && eventOn is { } e ? e.AddMonths(m) : null);

    public static bool IsOverdue(DateOnly? dueDate, DateOnly today, bool complete) =>
        !complete && dueDate is { } d && today > d;
}

/// <summary>Section 55 Police Act 1996 (as amended by s.37 Policing and Crime Act 2017).</summary>
public static class Section55Rules
{
    /// <summary>s.55(5A): published "before the end of the period of 56 days beginning with the day on which the report is published".</summary>
    public const int PeriodDays = 56;

    /// <summary>
    /// The last day of the 56 days beginning with the day of publication. The publication day is day 1, so the last day is
    /// publication + 55 days (report of 10 September 2024: 4 November 2024). Calendar days, so clock changes do not move it.
    /// </summary>
    public static DateOnly LastDayOf56DaysBeginningWithPublication(DateOnly reportPublishedOn) =>
        reportPublishedOn.AddDays(PeriodDays - 1);
}
